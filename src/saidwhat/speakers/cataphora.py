"""Sources that name their speaker only later: a lede's "A US firm has said ...", the firm named in the next
sentence ("its chief executive has said ...", the executive named after it); quoted words in a headline, the
first speaker the body names."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..extraction.docfacts import doc_facts
from ..extraction.drafts import DraftQuote
from ..extraction.headline import find_body_start
from ..extraction.lexicon import INSTITUTION_NOUNS, ORGANISATION_NOUNS, SPOKESPERSON_NOUNS, STUDY_NOUNS
from .descriptions import is_body_noun
from .entities import Entity

# Who a report leaves unnamed by definition (English usage): 'a source said', 'an insider said'. Any other
# singular noun ('a witness has told jurors') may be named just after: on bbc-train-gold's 5-fold CV,
# taking ANONYMOUS_HEADS's other nouns too gives 569 -> 570 of 631 (nominal 62 -> 63).
_UNNAMED_BY_DEFINITION = frozenset(("source", "insider"))
# Nouns whose lede points forward to a body; any other to a person.
_BODY_NOUNS = ORGANISATION_NOUNS | INSTITUTION_NOUNS | STUDY_NOUNS

_WINDOW = 500  # characters after the lede's sentence where the speaker it announces must be first named


def lede_referent(token: Token, entities: list[Entity]) -> Entity | None:
    """The speaker a singular nominal source in an article's first two sentences announces: the first
    entity of the noun's kind (a body or a study: an organisation; any other noun: a person) that the
    article names for the first time after the source's sentence. English: a nominal with nothing to
    refer back to points forward; a headline and its lede name their source just after, and so for a
    definite one ('The body that runs the port has said ...'): on bbc-train-gold's 5-fold CV, with 'body'
    among ORGANISATION_NOUNS, 570 -> 571 of 631 (nominal 63 -> 64; 570 with either change alone)."""
    lemma = token.lemma_.lower()
    if token.tag_ in ("NNS", "NNPS") or lemma in SPOKESPERSON_NOUNS or lemma in _UNNAMED_BY_DEFINITION:
        return None
    facts = doc_facts(token.doc)
    sent = facts.sent(token)
    if sent.start > 0 and facts.sent(token.doc[sent.start - 1]).start > 0:
        return None
    kind = "organisation" if lemma in _BODY_NOUNS or is_body_noun(lemma) else "person"
    after = sent.end_char
    ahead = [
        (first, entity)
        for entity in entities
        if entity.kind == kind and not entity.anonymous
        for first in [entity.first_mentioned()]
        if after <= first < after + _WINDOW
    ]
    return min(ahead, key=lambda pair: pair[0])[1] if ahead else None


def give_headline_quotes_the_lead_speaker(doc: Doc, drafts: list[DraftQuote], speakers: list[Entity | None]) -> None:
    """Quoted words in a headline glued to the body, with no cue, are the words of the first speaker the body
    quotes ('Mill 'to close' The firm said ...'): so for 12 of bbc-train-gold's 14 such runs (the other two
    have no speaker)."""
    body = find_body_start(doc)
    if body is None:
        return
    named = (s for d, s in zip(drafts, speakers, strict=True) if d.start >= body and s is not None and not s.anonymous)
    first = next(named, None)
    for i, draft in enumerate(drafts):
        if draft.end <= body and draft.cue is None and draft.source_token is None:
            speakers[i] = first

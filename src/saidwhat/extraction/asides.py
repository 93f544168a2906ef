"""Stage 4b': attributions set inside a sentence, and 'said' that reports nothing.

'The council, reported Radio Nord, will close the station' puts the cue and its source between the
subject and the rest of the clause, in inverted order: the words on both sides are what was reported.
'That said, ...' and 'Having said that, ...' are discourse markers (plain English grammar): nobody speaks.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .docfacts import doc_facts
from .drafts import DraftQuote
from .lexicon import DEMONSTRATIVES
from .spans import char_bounds, trim_punct
from .tags import FINITE_VERB_TAGS

# Words a source named after an inverted cue may be made of ('reported Radio Nord', 'said the mayor').
_NAME_POS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "PRON", "PART"})
_MAX_NAME_WORDS = 8
# Words a subject before an inverted cue holds one of ('The council, reported ...').
_SUBJECT_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})


def is_discourse_said(token: Token) -> bool:
    """'That said, ...', 'Having said that, ...', 'That being said, ...': a fixed phrase, not a report."""
    if token.lower_ != "said":
        return False
    doc, start = token.doc, doc_facts(token.doc).sent(token).start
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    # 'That said,' / 'That being said,'
    lead = doc[start : token.i]
    if after is not None and after.text == "," and 1 <= len(lead) <= 2 and lead[0].lower_ in DEMONSTRATIVES:
        return all(word.lower_ in ("being", *DEMONSTRATIVES) for word in lead)
    # 'Having said that,'
    return (
        token.i - 1 == start
        and doc[start].lower_ == "having"
        and token.i + 2 < len(doc)
        and doc[token.i + 1].lower_ in DEMONSTRATIVES
        and doc[token.i + 2].text == ","
    )


def _name_after(doc: Doc, cue: Token, end: int) -> int | None:
    """The index of the comma closing the name after an inverted cue ('reported [Radio Nord],')."""
    for i in range(cue.i + 1, min(end, cue.i + 2 + _MAX_NAME_WORDS)):
        if doc[i].text == ",":
            return i if i > cue.i + 1 else None
        if doc[i].pos_ not in _NAME_POS:
            return None
    return None


def _inverted_aside(doc: Doc, cue: Token) -> tuple[int, int] | None:
    """(first comma, second comma) around ', reported Radio Nord,' between a subject and its verb."""
    sentence = doc_facts(doc).sent(cue)
    if cue.tag_ not in FINITE_VERB_TAGS or cue.i - 1 <= sentence.start or doc[cue.i - 1].text != ",":
        return None
    closing = _name_after(doc, cue, sentence.end)
    if closing is None:
        return None
    before, after = doc[sentence.start : cue.i - 1], doc[closing + 1 : sentence.end]
    # the subject before, its verb after: 'The council' ... 'will close the station'
    if any(word.pos_ in ("VERB", "AUX") for word in before) or not any(w.pos_ in ("VERB", "AUX") for w in after):
        return None
    # 'More significantly, argues the report, ...': a link with no subject in it is the writer's
    if not any(word.pos_ in _SUBJECT_POS for word in before):
        return None
    return cue.i - 1, closing


def reshape_inverted_asides(doc: Doc, drafts: list[DraftQuote]) -> list[DraftQuote]:
    """'The council, reported Radio Nord, will close the station': the reported words are 'The council'
    and 'will close the station', the source is the name after the cue (the parser takes the subject
    before for the cue's own)."""
    for draft in drafts:
        if draft.type != "indirect" or draft.cue_token is None:
            continue
        cue = doc[draft.cue_token]
        aside = _inverted_aside(doc, cue)
        if aside is None:
            continue
        first, second = aside
        sentence = doc_facts(doc).sent(cue)
        head_start, head_end = trim_punct(doc, sentence.start, first)
        rest_start, rest_end = trim_punct(doc, second + 1, sentence.end)
        if head_end <= head_start or rest_end <= rest_start:
            continue
        draft.contents = [char_bounds(doc, head_start, head_end), char_bounds(doc, rest_start, rest_end)]
        draft.sources = [char_bounds(doc, cue.i + 1, second)]
        draft.source_token = doc[cue.i + 1 : second].root.i
    return drafts

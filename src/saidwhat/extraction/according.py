"""The reported clause around a phrase cue: 'X happened, according to Y', 'According to Y, X happened',
'This, according to Marsh, does nothing to help', and a sentence that goes on after the phrase."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .cues import Cue, phrase_preposition
from .docfacts import doc_facts
from .spans import trim_punct


def _phrase_end(preposition: Token) -> int:
    """The token index just past a phrase cue's preposition and its object ('according to [the CBO]')."""
    return max([preposition.i + 1] + [child.right_edge.i + 1 for child in preposition.children])


def clause_around_according(cue: Cue, doc: Doc) -> tuple[int, int] | None:
    """'X happened, according to Y' / 'According to Y, X happened': the sentence without the phrase."""
    sent = doc_facts(doc).sent(doc[cue.token])
    to = phrase_preposition(doc, cue)
    phrase_end = _phrase_end(to)
    first_word = next((t.i for t in sent if not (t.is_punct or t.is_space)), sent.start)
    if cue.token <= first_word + 1:
        if all(t.is_punct or t.is_space for t in doc[phrase_end : sent.end]):
            # 'According to Dana Pryce, the plan smacks of "panic"': the parser made the clause an
            # appositive of the name; the phrase ends at its comma.
            phrase_end = next((t.i + 1 for t in doc[to.i + 1 : phrase_end] if t.text == ","), phrase_end)
        start, end = phrase_end, sent.end
    elif _splits_its_clause(doc, cue, phrase_end):
        start, end = phrase_end + 1, sent.end  # the words before come in `words_before_according`
    else:
        start, end = sent.start, cue.token
    start, end = trim_punct(doc, start, end)
    return (start, end) if end - start >= 3 else None


def _splits_its_clause(doc: Doc, cue: Cue, phrase_end: int) -> bool:
    """'This, according to Marsh, does nothing to help': a phrase set off by commas between a subject
    and the verb it hangs from."""
    token = doc[cue.token]
    return (
        doc[cue.token - 1].text == ","
        and phrase_end < len(doc)
        and doc[phrase_end].text == ","
        and token.head.i > phrase_end
    )


def words_before_according(doc: Doc, cue: Cue) -> tuple[int, int] | None:
    """The subject before a phrase cue that splits its clause ('[This], according to Marsh, does ...')."""
    if not cue.phrase or not _splits_its_clause(doc, cue, _phrase_end(phrase_preposition(doc, cue))):
        return None
    start, end = trim_punct(doc, doc_facts(doc).sent(doc[cue.token]).start, cue.token - 1)
    return (start, end) if end > start else None


def words_after_according(doc: Doc, cue: Cue) -> tuple[int, int] | None:
    """'The top 1 percent paid 25 percent, according to the CBO, and the top 10 percent paid 69 percent':
    a sentence that goes on after a phrase cue in its middle, with 'and' or 'but' or not ('It has merit,
    according to Lee, because ...'), says more."""
    if not cue.phrase:
        return None
    sentence = doc_facts(doc).sent(doc[cue.token])
    phrase_end = _phrase_end(phrase_preposition(doc, cue))
    if cue.token <= sentence.start + 1 or phrase_end + 2 >= sentence.end:
        return None
    comma, following = doc[phrase_end], doc[phrase_end + 1]
    if comma.text != ",":
        return None
    skip = 2 if following.lower_ in ("and", "but") else 1
    start, end = trim_punct(doc, phrase_end + skip, sentence.end)
    return (start, end) if end - start >= 3 else None

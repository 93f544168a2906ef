"""Facts of a Doc computed once: `Doc.text` joins every token and `Token.sent` walks the document
on every call, which made them the largest cost of the saidwhat component."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span, Token

QUOTE_CHARS = frozenset('"“”„«»')


@dataclass(frozen=True, slots=True)
class DocFacts:
    """For every token: its sentence, and how many quotation marks stand before it in that sentence."""

    doc: Doc
    text: str
    sentence_of: tuple[int, ...]
    bounds: tuple[tuple[int, int], ...]
    marks_before: tuple[int, ...]
    has_mark: tuple[bool, ...]
    # Per-sentence tables that other stages read more than once (learn/boundaries.py).
    tables: dict[tuple[int, int], Any] = field(default_factory=dict)

    def sent(self, token: Token) -> Span:
        start, end = self.bounds[self.sentence_of[token.i]]
        return self.doc[start:end]

    def inside_quotes(self, token: Token) -> bool:
        """An odd number of double quotation marks before the token in its sentence."""
        return self.marks_before[token.i] % 2 == 1

    def sentence_has_mark(self, token: Token) -> bool:
        return self.has_mark[self.sentence_of[token.i]]


def _compute(doc: Doc) -> DocFacts:
    sentence_of: list[int] = []
    bounds: list[tuple[int, int]] = []
    marks_before: list[int] = []
    has_mark: list[bool] = []
    for index, sent in enumerate(doc.sents):
        bounds.append((sent.start, sent.end))
        count = 0
        for token in sent:
            sentence_of.append(index)
            marks_before.append(count)
            count += not QUOTE_CHARS.isdisjoint(token.text)
        has_mark.append(count > 0)
    return DocFacts(doc, doc.text, tuple(sentence_of), tuple(bounds), tuple(marks_before), tuple(has_mark))


_last: DocFacts | None = None


def doc_facts(doc: Doc) -> DocFacts:
    """The facts of `doc`, kept for the document last asked about (the component works doc by doc)."""
    global _last
    if _last is None or _last.doc is not doc:
        _last = _compute(doc)
    return _last

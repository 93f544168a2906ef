"""Facts of a Doc computed once: `Doc.text` joins every token and `Token.sent` walks the document
on every call, which made them the largest cost of the saidwhat component."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span, Token

from .marks import QuotedRun, find_quoted_runs

QUOTE_CHARS = frozenset('"“”„«»')


@dataclass(frozen=True, slots=True)
class DocFacts:
    """The quoted runs of the text, and for every token: its sentence, and whether it stands inside
    a quoted run."""

    doc: Doc
    text: str
    sentence_of: tuple[int, ...]
    bounds: tuple[tuple[int, int], ...]
    runs: tuple[QuotedRun, ...]
    mark_notes: tuple[str, ...]  # unbalanced marks, for the record's errors
    quoted: tuple[bool, ...]
    has_mark: tuple[bool, ...]
    # Per-sentence tables that other stages read more than once (learn/boundaries.py).
    tables: dict[tuple[int, int], Any] = field(default_factory=dict)

    def sent(self, token: Token) -> Span:
        start, end = self.bounds[self.sentence_of[token.i]]
        return self.doc[start:end]

    def inside_quotes(self, token: Token) -> bool:
        return self.quoted[token.i]

    def sentence_has_mark(self, token: Token) -> bool:
        return self.has_mark[self.sentence_of[token.i]]


def _quoted(doc: Doc, runs: list[QuotedRun]) -> tuple[bool, ...]:
    """Whether each token stands inside a quoted run (its closing mark included, its opening not).

    Read from the paired marks, not counted per sentence: a quote of several sentences leaves its
    closing mark in the last one ('"... Christ." I would say, "That's ridiculous," the president
    added'), where counting from the sentence start put 'added' inside the quote; and counting over
    a whole text runs wild after one stray mark where paragraph breaks were lost."""
    # Double marks only, as the cue scorer learned them; not the doubled apostrophes of PolNeAR's NYT
    # texts (''...''), which made it find more cues in quotes and fewer right ones (dev cue F1 -0.002).
    parts = sorted(part for run in runs if run.family == "double" and run.opener != "''" for part in run.parts)
    quoted: list[bool] = []
    index = 0
    for token in doc:
        while index < len(parts) and parts[index][1] <= token.idx:
            index += 1
        quoted.append(index < len(parts) and parts[index][0] < token.idx)
    return tuple(quoted)


def _compute(doc: Doc) -> DocFacts:
    sentence_of: list[int] = []
    bounds: list[tuple[int, int]] = []
    has_mark: list[bool] = []
    for index, sent in enumerate(doc.sents):
        bounds.append((sent.start, sent.end))
        sentence_of += [index] * len(sent)
        has_mark.append(any(not QUOTE_CHARS.isdisjoint(token.text) for token in sent))
    text = doc.text
    runs, notes = find_quoted_runs(text)
    return DocFacts(
        doc, text, tuple(sentence_of), tuple(bounds), tuple(runs), tuple(notes), _quoted(doc, runs), tuple(has_mark)
    )


_last: DocFacts | None = None


def doc_facts(doc: Doc) -> DocFacts:
    """The facts of `doc`, kept for the document last asked about (the component works doc by doc)."""
    global _last
    if _last is None or _last.doc is not doc:
        _last = _compute(doc)
    return _last

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


def _quoted(offsets: list[int], runs: list[QuotedRun]) -> tuple[bool, ...]:
    """Whether each token (by its start offset) stands inside a quoted run (its closing mark included, its opening not).

    Read from the paired marks, not counted per sentence: a quote of several sentences leaves its
    closing mark in the last one ('"... Christ." I would say, "That's ridiculous," the president
    added'), where counting from the sentence start put 'added' inside the quote; and counting over
    a whole text runs wild after one stray mark where paragraph breaks were lost."""
    # Double marks only, as the cue scorer learned them; not the doubled apostrophes of PolNeAR's NYT
    # texts (''...''), which made it find more cues in quotes and fewer right ones (dev cue F1 -0.002).
    parts = sorted(part for run in runs if run.family == "double" and run.opener != "''" for part in run.parts)
    quoted: list[bool] = []
    index = 0
    for start in offsets:
        while index < len(parts) and parts[index][1] <= start:
            index += 1
        quoted.append(index < len(parts) and parts[index][0] < start)
    return tuple(quoted)


def _sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Token bounds of each sentence, read from the sentence-start array: walking `Doc.sents`
    builds a Span and a Token per word."""
    if not doc.has_annotation("SENT_START"):
        return [(sent.start, sent.end) for sent in doc.sents]  # raises spaCy's own error
    starts = [i for i, flag in enumerate(doc.to_array("SENT_START").tolist()) if flag == 1 or i == 0]
    return list(zip(starts, [*starts[1:], len(doc)], strict=True))


def _compute(doc: Doc) -> DocFacts:
    sentence_of: list[int] = []
    has_mark: list[bool] = []
    text = doc.text
    starts: list[int] = doc.to_array("IDX").tolist()  # token offsets without a Token object for each
    offsets = [*starts, len(text)]
    bounds = _sentence_bounds(doc) if len(doc) else []
    for index, (start, end) in enumerate(bounds):
        sentence_of += [index] * (end - start)
        has_mark.append(not QUOTE_CHARS.isdisjoint(text[offsets[start] : offsets[end]]))
    runs, notes = find_quoted_runs(text)
    return DocFacts(
        doc, text, tuple(sentence_of), tuple(bounds), tuple(runs), tuple(notes), _quoted(starts, runs), tuple(has_mark)
    )


_last: DocFacts | None = None


def doc_facts(doc: Doc) -> DocFacts:
    """The facts of `doc`, kept for the document last asked about (the component works doc by doc)."""
    global _last
    if _last is None or _last.doc is not doc:
        _last = _compute(doc)
    return _last

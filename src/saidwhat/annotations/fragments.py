"""The records evaluation and training work on: quotes reduced to character fragments, per document."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

Fragment = tuple[int, int]

# A content with one of these is a direct quote; so is a fragment that opens with a left single mark.
# A bare ' is left out: it is far more often an apostrophe.
DOUBLE_QUOTE_MARKS = frozenset('"\u201c\u201d\u201e\u201f\u00ab\u00bb')
LEFT_SINGLE_MARK = "\u2018"
QUOTE_MARKS = DOUBLE_QUOTE_MARKS | frozenset("'`\u2018\u2019\u201a\u201b\u2032\u2033")
# Stripped from both ends of a fragment before spans are compared exactly.
EDGE_CHARS = QUOTE_MARKS | frozenset(",.;:")


@dataclass(frozen=True, slots=True)
class EvalQuote:
    """A gold or predicted quote: fragments of content, source and cue, and the speaker's name."""

    contents: tuple[Fragment, ...]
    sources: tuple[Fragment, ...] = ()
    cue: tuple[Fragment, ...] = ()
    speaker: str | None = None
    # Names (case-folded) that the lenient `alias` speaker score also accepts.
    aliases: frozenset[str] = frozenset()
    # person / organisation / group (/ document, unknown), where the gold or the record says it.
    speaker_kind: str | None = None


@dataclass(frozen=True, slots=True)
class EvalDoc:
    """One gold document: its exact text and its quotes."""

    doc_id: str
    text: str
    quotes: tuple[EvalQuote, ...]
    # Quote-marked words the gold lists as no one's words (titles, terms, scare quotes): BBC layout only.
    non_quotes: tuple[Fragment, ...] = ()


# One text as each of its annotators marked it: the same doc_id and text, one EvalDoc per annotator.
Annotations = tuple[EvalDoc, ...]


@dataclass(frozen=True, slots=True)
class GoldSet:
    """The documents of a gold set, what kind of layout they came from, and notes on what was skipped."""

    kind: str
    path: str
    docs: tuple[EvalDoc, ...]
    notes: tuple[str, ...] = field(default=())


def clip_fragments(fragments: list[Fragment], text_length: int, where: str, notes: list[str]) -> tuple[Fragment, ...]:
    """Fragments cut to the text and sorted; empty ones dropped; a note for each one outside the text."""
    out = []
    for start, end in fragments:
        if start < 0 or end > text_length or end < start:
            notes.append(f"{where}: span {start}-{end} is outside the text (length {text_length}), clipped")
        start, end = max(0, min(text_length, start)), max(0, min(text_length, end))
        if end > start:
            out.append((start, end))
    return tuple(sorted(out))


def _is_edge_char(char: str) -> bool:
    return char.isspace() or char in EDGE_CHARS


def _strip_fragments(text: str, fragments: Iterable[Fragment], strip: Callable[[str], bool]) -> list[Fragment]:
    out = []
    for start, end in fragments:
        while start < end and strip(text[start]):
            start += 1
        while end > start and strip(text[end - 1]):
            end -= 1
        if end > start:
            out.append((start, end))
    return sorted(out)


def normalise(text: str, fragments: Iterable[Fragment]) -> tuple[Fragment, ...]:
    """Fragments stripped of edge characters and merged where only edge characters lie between them.

    A span made of edge characters alone keeps its whitespace-stripped form: PolNeAR marks ':' as a cue.
    """
    fragments = list(fragments)
    stripped = _strip_fragments(text, fragments, _is_edge_char) or _strip_fragments(text, fragments, str.isspace)
    merged: list[Fragment] = []
    for start, end in stripped:
        if merged and (start <= merged[-1][1] or all(_is_edge_char(c) for c in text[merged[-1][1] : start])):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)

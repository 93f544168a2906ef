"""The records evaluation works on: quotes reduced to character fragments, per document."""

from __future__ import annotations

from dataclasses import dataclass, field

Fragment = tuple[int, int]


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

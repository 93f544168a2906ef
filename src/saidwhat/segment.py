"""Stage 2: paragraphs and sentences, with character offsets into the analysed text."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A paragraph ends at a line break; blank lines are not paragraphs.
_PARAGRAPH = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A non-blank line of the text, trimmed of surrounding white space."""

    index: int
    start: int
    end: int


def find_paragraphs(text: str) -> list[Paragraph]:
    """Every non-blank line, trimmed, in reading order."""
    paragraphs: list[Paragraph] = []
    for match in _PARAGRAPH.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            paragraphs.append(Paragraph(len(paragraphs), start, end))
    return paragraphs


def split_into_chunks(text: str, chunk_chars: int) -> list[tuple[int, int]]:
    """Cut a long text into pieces of at most about `chunk_chars`, at paragraph or sentence breaks.

    The parser's memory grows with the length of what it sees at once, so a 1 MB article is
    parsed piece by piece; pieces end at a line break where one is near, else after a full stop.
    """
    pieces: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > chunk_chars:
        limit = start + chunk_chars
        cut = text.rfind("\n", start + chunk_chars // 2, limit)
        if cut < 0:
            cut = text.rfind(". ", start + chunk_chars // 2, limit)
            cut = cut + 1 if cut >= 0 else limit
        else:
            cut += 1
        pieces.append((start, cut))
        start = cut
    pieces.append((start, len(text)))
    return pieces

"""Stage 2: paragraphs and sentences, with character offsets into the analysed text.

The sentences of a parsed Doc are the parser's (with a start at every line break, `paragraphs.py`),
read once in `extraction.docfacts`; what is here finds sentence ends without a parse: in plain
strings, and in a Doc only tokenized (`rough_sentence_bounds`, for `focus.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from .extraction.lexicon import ABBREVIATIONS

# A paragraph ends at a line break; blank lines are not paragraphs.
_PARAGRAPH = re.compile(r"[^\n]+")
# A sentence that ends and another that starts inside a string: 'it works. It lasts'.
INNER_SENTENCE_BREAK = re.compile(r"[a-z][.!?]\s+[A-Z]")
# A stop, perhaps closed by a quotation mark, then white space or the end: the word before is kept to tell
# an abbreviation's full stop from a sentence's.
_STOP_AFTER_WORD = re.compile(r"(?P<word>[\w.]*)[.!?][\"”’']?(\s|$)")
# Tokens that end a sentence, and the marks that close it with them ('...it never stops."').
_SENTENCE_END_TOKENS = frozenset({".", "!", "?", "…", "...", "?!", "!?", "!!"})
_CLOSERS = frozenset({'"', "'", "”", "’", "»", ")", "]"})


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


def has_sentence_end(text: str) -> bool:
    """Does a sentence end in `text`? A full stop after 'Rep.', '(R-Fla.)', 'E.' or 'U.S.' ends none."""
    for match in _STOP_AFTER_WORD.finditer(text):
        word = match["word"]
        is_initial = len(word) == 1 and word.isupper()
        if not (is_initial or "." in word or word.lower() in ABBREVIATIONS):
            return True
    return False


def rough_sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the sentences of a tokenized doc: cut after end punctuation and at line breaks.

    For a Doc not parsed (yet): `focus.py` picks what to parse with it. The sentences of a parsed Doc
    are the parser's, read once in `extraction.docfacts`."""
    bounds: list[tuple[int, int]] = []
    start, i, count = 0, 0, len(doc)
    while i < count:
        token = doc[i]
        if token.is_space and "\n" in token.text:
            end = i + 1
        elif token.text in _SENTENCE_END_TOKENS:
            end = i + 1
            # '...it never stops."' -- a mark glued to the full stop closes this sentence.
            while end < count and doc[end].text in _CLOSERS and not doc[end - 1].whitespace_:
                end += 1
        else:
            i += 1
            continue
        while end < count and doc[end].is_space:
            end += 1
        bounds.append((start, end))
        start = i = end
    if start < count:
        bounds.append((start, count))
    return bounds

"""Bounds on the work one document may cost, so hostile or broken input ends in a recorded error
in time linear in its length, not in minutes of CPU."""

from __future__ import annotations

import re
from typing import Any

from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from .settings import Settings

# Quotation marks that open or close a quote, counted in one pass; not ' and ’, which are apostrophes too.
_QUOTE_MARK = re.compile('["“”„‟«»‘‚‛‹›]')
# A stretch of text that no sentence end or line break closes.
_UNBROKEN = re.compile(r"[^.!?\n]+")
# spaCy's tokenizer strips prefixes and suffixes one at a time and searches the rest again, so a run
# of punctuation without a space costs the square of its length (8,000 '"' took 21 s). Such runs are
# cut into single characters, as the tokenizer would leave them. No text of the 3,255 in
# ../shared/data has a run of even 8 such characters, so their tokens stay as spaCy makes them.
_PUNCTUATION_RUN = re.compile(r"[^\w\s]{16,}")


# Quote marks are counted per block of this many characters, so a long book with its dialogue is
# read while a short text of nothing but marks is not.
MARK_BLOCK_CHARS = 100_000


def count_quote_marks(text: str, start: int = 0, end: int | None = None) -> int:
    """How many quotation marks (not apostrophes) stand in text[start:end]."""
    return sum(1 for _ in _QUOTE_MARK.finditer(text, start, len(text) if end is None else end))


def work_limit_error(text: str, settings: Settings) -> str | None:
    """Why a text is too costly to analyse (for the record's errors), or None when it is within bounds."""
    for start in range(0, len(text), MARK_BLOCK_CHARS):
        marks = count_quote_marks(text, start, start + MARK_BLOCK_CHARS)
        if marks > settings.max_quote_marks:
            return (
                f"{marks} quotation marks in the {MARK_BLOCK_CHARS} characters from offset {start}, more than "
                f"max_quote_marks ({settings.max_quote_marks}): the text was not analysed; raise max_quote_marks "
                "to analyse it"
            )
    stretches = ((match.end() - match.start(), match.start()) for match in _UNBROKEN.finditer(text))
    length, start = max(stretches, default=(0, 0))
    if length > settings.max_sentence_chars:
        return (
            f"{length} characters without a sentence end or line break from offset {start}, more than "
            f"max_sentence_chars ({settings.max_sentence_chars}): the text was not analysed; "
            "raise max_sentence_chars to analyse it"
        )
    return None


class GuardedTokenizer:
    """spaCy's tokenizer, with runs of punctuation cut into single characters first (see above)."""

    def __init__(self, tokenizer: Tokenizer) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        if _PUNCTUATION_RUN.search(text) is None:
            doc: Doc = self.tokenizer(text)
            return doc
        words: list[str] = []
        spaces: list[bool] = []
        position = 0
        for match in _PUNCTUATION_RUN.finditer(text):
            self._add_tokens(text[position : match.start()], words, spaces)
            words += match.group()
            spaces += [False] * (match.end() - match.start())
            position = match.end()
        self._add_tokens(text[position:], words, spaces)
        return Doc(self.tokenizer.vocab, words=words, spaces=spaces)

    def _add_tokens(self, piece: str, words: list[str], spaces: list[bool]) -> None:
        for token in self.tokenizer(piece) if piece else ():
            words.append(token.text)
            spaces.append(bool(token.whitespace_))

    def __getattr__(self, name: str) -> Any:
        # to_disk, to_bytes, vocab, rules ...: the wrapped tokenizer's own
        return getattr(self.tokenizer, name)

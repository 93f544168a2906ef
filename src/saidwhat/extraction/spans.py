"""Token and character bounds shared by the stages that read the parse."""

from __future__ import annotations

from spacy.tokens import Doc

from .drafts import Offsets
from .lexicon import FULL_STOPS


def trim_punct(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token bounds without punctuation at either end."""
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space) and not _keeps_last(doc, start, end):
        end -= 1
    return start, end


def _keeps_last(doc: Doc, start: int, end: int) -> bool:
    """A closing bracket whose opening one is in the span, or a per cent sign after its number ('30%')."""
    last = doc[end - 1]
    return _closes_bracket(doc, start, end) or (last.text == "%" and end - 1 > start and doc[end - 2].like_num)


def _closes_bracket(doc: Doc, start: int, end: int) -> bool:
    """'Sen. Claire McCaskill (D-Mo.)': a closing bracket whose opening one is in the span stays."""
    return doc[end - 1].text == ")" and any(token.text == "(" for token in doc[start : end - 1])


def char_bounds(doc: Doc, start: int, end: int) -> Offsets:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def end_before_full_stop(text: str, start: int, end: int) -> int:
    """`end` moved back over the full stops and spaces that close a sentence, never before `start`."""
    while end > start and (text[end - 1] in FULL_STOPS or text[end - 1].isspace()):
        end -= 1
    return end

"""Token and character bounds shared by the stages that read the parse."""

from __future__ import annotations

from spacy.tokens import Doc

from .drafts import Offsets


def trim_punct(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token bounds without punctuation at either end."""
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space) and not _closes_bracket(doc, start, end):
        end -= 1
    return start, end


def _closes_bracket(doc: Doc, start: int, end: int) -> bool:
    """'Sen. Claire McCaskill (D-Mo.)': a closing bracket whose opening one is in the span stays."""
    return doc[end - 1].text == ")" and any(token.text == "(" for token in doc[start : end - 1])


def char_bounds(doc: Doc, start: int, end: int) -> Offsets:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)

"""A small spaCy component, run before the parser: sentences never cross a line break.

Headlines carry no full stop ("... in "next couple of months"" then a new line), so without
this the parser runs the headline into the first sentence. It also keeps a closing quotation
mark with the sentence it closes ('..it never stops."' + new line), and sets a wire story's
dateline ('OSLO, May 2 (Reuters) — ') apart from the sentence it opens.
"""

from __future__ import annotations

import re
from typing import Any

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

_CLOSING = frozenset({'"', "”", "’", "'", "»"})
_SENTENCE_ENDS = frozenset({".", "!", "?", ",", "…"})
_FULL_STOPS = _SENTENCE_ENDS - {","}
# A dateline at a paragraph's start: a place in capitals, perhaps a region or a date, perhaps the agency,
# then a dash ('NEW YORK, Nov. 19 (UPI) — ', 'BRIDGETOWN, Ohio - '). It is no part of the sentence after it:
# the parser otherwise takes the place for the subject ('CLEVELAND ... told'). On PolNeAR train 128
# paragraphs open so; none of its attribution spans holds a dateline's word, and 51 start just after one.
_DATELINE = re.compile(
    r"^[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*(?:, [A-Z][A-Za-z.]*(?: [A-Za-z0-9.]+){0,3}){0,2}"
    r"(?: \([A-Z][A-Za-z ]*\))? ?(?:—|–|--|-) (?=\S)",
    re.MULTILINE,
)


def find_sentence_starts(doc: Doc) -> dict[int, bool]:
    """Token index -> True for the first token after a line break or a dateline, False for a closing mark
    after a stop."""
    starts: dict[int, bool] = {}
    after_break = False
    for token in doc:
        if token.is_space or not token.text.strip():
            after_break = after_break or "\n" in token.text
            continue
        if after_break:
            starts[token.i] = True
        elif token.i > 0 and token.text in _CLOSING and doc[token.i - 1].text in _SENTENCE_ENDS:
            starts[token.i] = False
        after_break = "\n" in token.whitespace_
    for first in _after_datelines(doc):
        starts[first] = True
        starts.update(dict.fromkeys(_rest_of_first_sentence(doc, first), False))
    return starts


def _after_datelines(doc: Doc) -> list[int]:
    """The first token after each dateline that opens a paragraph."""
    ends = {match.end() for match in _DATELINE.finditer(doc.text)}
    return [token.i for token in doc if token.idx in ends] if ends else []


def _rest_of_first_sentence(doc: Doc, first: int) -> list[int]:
    """The tokens after `first` up to the first full stop or line break: the parser, handed a start after a
    dateline, would otherwise end a sentence inside the name that opens it ('Ann' | 'Lee said ...')."""
    rest = []
    for token in doc[first + 1 :]:
        if token.text in _FULL_STOPS or "\n" in token.text or "\n" in doc[token.i - 1].whitespace_:
            break
        rest.append(token.i)
    return rest


def mark_paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence at the first token after every line break; closing marks stay behind.

    The starts are written in one `Doc.from_array` call: setting `token.is_sent_start` one token
    at a time checks the whole Doc for a parse each time, which made a 100,000-character text
    take seconds here. A Doc that is already parsed keeps the parser's sentences.
    """
    starts = find_sentence_starts(doc)
    if not starts or doc.has_annotation("DEP"):
        return doc
    values = doc.to_array(SENT_START).astype(numpy.int64)
    for i, is_start in starts.items():
        values[i] = 1 if is_start else -1
    # from_array reads uint64 cells; -1 ("not a start") goes in wrapped, as to_array gives it out.
    column: Any = values.astype(numpy.uint64).reshape((len(doc), 1))  # thinc's Ints2d is a typing alias only
    doc.from_array([SENT_START], column)
    return doc


@Language.component("saidwhat_paragraphs")
def paragraph_breaks_component(doc: Doc) -> Doc:
    return mark_paragraph_breaks(doc)

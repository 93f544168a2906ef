"""Properties over random and adversarial texts: records always validate and every span fits the text.

Lone surrogates are left out of the generated texts: they are not valid Unicode scalar values, so no
UTF-8 file or JSON record can carry them (test_bad_input covers what extract does with one).
"""

from __future__ import annotations

import itertools
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from saidwhat import extract
from saidwhat.extraction.marks import find_quote_marks, find_quoted_runs
from saidwhat.segment import find_paragraphs, split_into_chunks

_MARKS = list("\"'“”‘’„‚«»‹›")
_SENTENCES = [
    "Kit Connor said the show would return.",
    'Connor revealed: "I am so excited."',
    '"It is lovely," said Maria Lopez.',
    '"A," he said, "B."',
    "According to the BBC, it is over.",
    'The so-called "experts" were wrong.',
    "It's the '90s and rock 'n' roll.",
    "The mayor called it “not good enough”.",
    "— Jane Doe, CEO",
    '<p class="x">',
    "</p>",
    "<a href='y'>link</a>",
]
_NO_SURROGATES = st.characters(blacklist_categories=("Cs",))
_PIECE = st.one_of(
    st.sampled_from(_SENTENCES),
    st.sampled_from(_MARKS),
    st.sampled_from(["\n", "\n\n", " ", "\t", "\r\n", "\x00", "\x0b", "\x1b", "\u2028", "\ufeff", ":", ",", "."]),
    st.text(alphabet=_NO_SURROGATES, max_size=12),
)
NEWSISH = st.lists(_PIECE, max_size=25).map(" ".join)
LONG_PARAGRAPH = st.integers(min_value=20, max_value=120).map(
    lambda n: 'Dana Reyes said: "' + "and the talk goes on " * n + "\nThe council met."
)
TEXTS = st.one_of(NEWSISH, LONG_PARAGRAPH, st.text(alphabet=_NO_SURROGATES, max_size=200))


@pytest.mark.model
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS)
def test_extract_records_validate_and_spans_fit(nlp: Language, article_schema: dict[str, Any], text: str) -> None:
    article = extract(text, nlp=nlp)
    jsonschema.validate(article.to_dict(), article_schema)
    ids = {speaker.id for speaker in article.speakers}
    for quote in article.quotes:
        assert quote.speaker is None or quote.speaker in ids
        for span in (*quote.contents, *quote.sources, *([quote.cue] if quote.cue else [])):
            assert 0 <= span.start <= span.end <= len(text)
            assert text[span.start : span.end] == span.text
    for speaker in article.speakers:
        for mention in speaker.mentions:
            assert text[mention.start : mention.end] == mention.text


_MARK_PIECES = [*"ab .,:;!?\n'\"“”‘’„‚«»‹›-—", "x y", "don't", "Connor's", "\n\n", "the '90s", "<b>", '<a href="x">']
MARKY = st.one_of(st.text(max_size=80), st.lists(st.sampled_from(_MARK_PIECES), max_size=40).map("".join))


@settings(max_examples=300, deadline=None)
@given(text=MARKY)
def test_pair_quote_marks_runs_are_sorted_disjoint_and_inside_the_text(text: str) -> None:
    runs, errors = find_quoted_runs(text)
    previous_end = 0
    for run in runs:
        assert run.parts
        for start, end in run.parts:
            assert previous_end <= start < end <= len(text)
            previous_end = end
    assert all(isinstance(error, str) and error for error in errors)


@settings(max_examples=300, deadline=None)
@given(text=MARKY)
def test_find_quote_marks_are_quote_characters_in_order(text: str) -> None:
    marks = find_quote_marks(text)
    assert [mark.offset for mark in marks] == sorted({mark.offset for mark in marks})
    assert all(text[mark.offset : mark.end] == mark.char for mark in marks)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=200))
def test_find_paragraphs_are_trimmed_lines_in_order(text: str) -> None:
    previous_end = 0
    for paragraph in find_paragraphs(text):
        chunk = text[paragraph.start : paragraph.end]
        assert chunk and chunk == chunk.strip() and "\n" not in chunk
        assert paragraph.start >= previous_end
        previous_end = paragraph.end


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.sampled_from("ab .\n"), max_size=5000), size=st.integers(1000, 3000))
def test_split_into_chunks_covers_the_text_in_order(text: str, size: int) -> None:
    pieces = split_into_chunks(text, size)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(end == next_start for (_, end), (next_start, _) in itertools.pairwise(pieces))
    assert all(0 < end - start <= size for start, end in pieces if end > start)

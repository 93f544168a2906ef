"""Fuzz `extract` with hostile texts: quote marks of every kind (unbalanced, nested), NUL, RTL and zero-width
characters, line and paragraph separators, very long paragraphs. Every record validates against the schema
and every span is the slice of the text it names.

Texts go through `extract_many` twenty at a time (one `nlp.pipe` batch), so the default 100 examples are
2,000 texts. The longer run (20,000 texts) is a command:

    SAIDWHAT_FUZZ_EXAMPLES=1000 python3 -m pytest -q tests/test_fuzz.py
"""

from __future__ import annotations

import os
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from saidwhat import Article, Document, extract_many

pytestmark = pytest.mark.model

TEXTS_PER_EXAMPLE = 20
EXAMPLES = int(os.environ.get("SAIDWHAT_FUZZ_EXAMPLES", "100"))

QUOTE_MARKS = [*"\"'“”‘’„‚‟‛«»‹›「」『』〝〞＂`", "''", "``", "<<", ">>", "&quot;"]
ODD_CHARACTERS = [
    "\x00", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\r", "\r\n", "\t",
    "\u2028", "\u2029", "\u00a0", "\u3000",
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad",  # zero-width and soft hyphen
    "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2069",  # RTL
    "\ufffd", "\U0001f600", "e\u0301", "ﬁ",
]  # fmt: skip
WORDS = [
    "said", "told", "added", "according to", "she", "he", "they", "Kit Connor", "the mayor", "Ms Reyes",
    "مرحبا بالعالم", "שלום", "Zoë", "Ñandú", "O'Neil", "U.S.", "3.5%", "—", "-", ":", ",", ".", "!", "?", "…",
    "(", ")", "[", "]", "<b>", "</b>", "&amp;", "http://x.example/a?b=c",
]  # fmt: skip
_NO_SURROGATES = st.characters(blacklist_categories=("Cs",))
_PIECE = st.one_of(
    st.sampled_from(QUOTE_MARKS),
    st.sampled_from(ODD_CHARACTERS),
    st.sampled_from(WORDS),
    st.text(alphabet=_NO_SURROGATES, max_size=8),
)
_SEPARATOR = st.sampled_from([" ", "", "\n", "\n\n", "\u2028"])
PIECES = st.lists(st.tuples(_PIECE, _SEPARATOR).map("".join), max_size=30).map("".join)
# A quote nested in another, or left open: '"He said \'no" she said'
NESTED = st.lists(st.sampled_from(QUOTE_MARKS), min_size=1, max_size=6).flatmap(
    lambda marks: st.just(" ".join(f"{mark} word said Kit" for mark in marks) + " ".join(reversed(marks)))
)
# One paragraph of about 700 to 3,500 characters per example, opened by any mark or odd character.
LONG_PARAGRAPH = st.tuples(st.integers(30, 150), st.sampled_from(QUOTE_MARKS + ODD_CHARACTERS), PIECES).map(
    lambda parts: f"Dana Reyes said: {parts[1]}" + "and the talk goes on, " * parts[0] + parts[2] + parts[1]
)
SHORT_TEXTS = st.one_of(PIECES, NESTED, st.text(alphabet=_NO_SURROGATES, max_size=200))


def assert_record_fits(article: Article, text: str, schema: dict[str, Any]) -> None:
    jsonschema.validate(article.to_dict(with_text=True), schema)
    assert article.text == text or article.errors  # only a cut or a replaced character changes the text
    analysed = article.text if article.text is not None else text
    spans = [span for quote in article.quotes for span in (*quote.contents, *quote.sources)]
    spans += [quote.cue for quote in article.quotes if quote.cue is not None]
    spans += [mention for speaker in article.speakers for mention in speaker.mentions]
    for span in spans:
        assert 0 <= span.start <= span.end <= len(analysed)
        assert analysed[span.start : span.end] == span.text


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    short=st.lists(SHORT_TEXTS, min_size=TEXTS_PER_EXAMPLE - 1, max_size=TEXTS_PER_EXAMPLE - 1),
    long=LONG_PARAGRAPH,
)
def test_extract_records_of_hostile_texts_validate_and_spans_fit(
    nlp: Language, article_schema: dict[str, Any], short: list[str], long: str
) -> None:
    texts = [*short, long]
    documents = [Document(text, f"fuzz-{number}") for number, text in enumerate(texts)]
    articles = list(extract_many(documents, nlp=nlp))
    assert [article.doc_id for article in articles] == [document.doc_id for document in documents]
    for article, text in zip(articles, texts, strict=True):
        assert_record_fits(article, text, article_schema)

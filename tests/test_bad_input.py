"""Odd input never crashes a run: empty texts, HTML left in, unbalanced marks, control characters, huge texts."""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest
from spacy.language import Language

from saidwhat import Article, Document, InputError, extract, extract_many, load_settings

pytestmark = pytest.mark.model


def assert_spans_fit(article: Article, text: str) -> None:
    """Every span of the record slices the analysed text to its own text."""
    spans = [
        span
        for quote in article.quotes
        for span in (*quote.contents, *quote.sources, *([quote.cue] if quote.cue else []))
    ]
    spans += [mention for speaker in article.speakers for mention in speaker.mentions]
    for span in spans:
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start : span.end] == span.text


@pytest.mark.parametrize("text", ["", " ", "\n\n\t \n", "\u00a0\u2003"])
def test_extract_empty_or_blank_text_gives_an_empty_record(nlp: Language, text: str) -> None:
    article = extract(text, doc_id="blank", nlp=nlp)
    assert (article.doc_id, article.quotes, article.speakers) == ("blank", (), ())


def test_extract_empty_record_validates(nlp: Language, article_schema: dict[str, Any]) -> None:
    jsonschema.validate(extract("", nlp=nlp).to_dict(), article_schema)


def test_extract_without_doc_id_gets_a_stable_content_id(nlp: Language) -> None:
    first, second = extract("Kit Connor said hello.", nlp=nlp), extract("Kit Connor said hello.", nlp=nlp)
    assert first.doc_id == second.doc_id != ""


def test_extract_html_tags_left_in_the_text(nlp: Language) -> None:
    text = '<p class="lead">Kit Connor said: "It is <b>lovely</b>."</p>'
    article = extract(text, nlp=nlp)
    assert [quote.contents[0].text for quote in article.quotes] == ['"It is <b>lovely</b>."']
    assert_spans_fit(article, text)


@pytest.mark.parametrize(
    "text",
    [
        'She said "yes and "no',
        'She said yes" and left. "Then',
        "Kit Connor said: “It never closes.\nThe council met.\nThe vote was close.",
        '"""" said Kit Connor.',
        "''''",
    ],
)
def test_extract_unbalanced_marks(nlp: Language, text: str) -> None:
    article = extract(text, nlp=nlp)
    assert_spans_fit(article, text)


def test_extract_unbalanced_marks_are_noted_in_errors(nlp: Language) -> None:
    article = extract('Kit Connor said: "It never closes.\nThe council met on Monday.', nlp=nlp)
    assert any("unclosed quotation mark" in error for error in article.errors)


@pytest.mark.parametrize(
    "text",
    [
        'Kit\x00 Connor said: "It is\x07 lovely."\x1b[31m',
        '\x0cKit Connor said: "It is lovely."\x7f',
        '\r\nKit Connor said: "It is lovely."\r\n',
        '\u2028Kit Connor said:\u2029 "It is lovely."\ufeff',
        'Kit Connor said: "It is \u200blovely."',
    ],
)
def test_extract_control_characters(nlp: Language, text: str) -> None:
    article = extract(text, nlp=nlp)
    assert_spans_fit(article, text)
    assert len(article.quotes) == 1


def test_extract_lone_surrogate_is_reported(nlp: Language) -> None:
    text = 'Kit Connor said: "It is \ud800 lovely."'
    try:
        article = extract(text, nlp=nlp)
    except InputError as err:
        assert "surrogate" in str(err)
    else:
        assert any("surrogate" in error for error in article.errors)


def test_extract_many_goes_on_after_a_bad_text(nlp: Language) -> None:
    articles = list(extract_many([Document("Bad \ud800 text.", "bad"), Document("Kit Connor said hi.", "ok")], nlp=nlp))
    assert [article.doc_id for article in articles] == ["bad", "ok"]


def test_extract_stray_guillemet_before_a_quote(nlp: Language) -> None:
    text = '› "It is lovely," said Maria Lopez.'
    article = extract(text, nlp=nlp)
    assert_spans_fit(article, text)


def test_extract_text_over_max_chars_is_cut_and_noted(nlp: Language) -> None:
    text = 'Kit Connor said: "It is lovely."\n' * 40
    article = extract(text, nlp=nlp, settings=load_settings(overrides={"max_chars": 1000}))
    assert any("cut to the first 1000" in error for error in article.errors)
    assert all(quote.end <= 1000 for quote in article.quotes)
    assert_spans_fit(article, text)


_PARAGRAPHS = (
    'Maria Lopez opened the new library on Friday. "Books change lives, and this building will change '
    'this town," she said.\n'
    "The council said the library would open every day. "
    '"We have waited long enough," said Tom Briggs, the council leader.\n'
)


def test_extract_megabyte_article_in_pieces_keeps_offsets(nlp: Language) -> None:
    text = _PARAGRAPHS * (1_200_000 // len(_PARAGRAPHS) + 1)
    # Small pieces keep the test quick: the analysis reads doc.text once per quote (see the report).
    settings = load_settings(overrides={"chunk_chars": 5_000})
    article = extract(text, doc_id="big", nlp=nlp, settings=settings)
    assert len(text) > 1_200_000
    assert article.errors == ()
    assert_spans_fit(article, text)
    assert sum(1 for quote in article.quotes if quote.type == "direct") == text.count("\n")
    assert [speaker.name for speaker in article.speakers if speaker.kind == "person"] == ["Maria Lopez", "Tom Briggs"]
    assert len({quote.id for quote in article.quotes}) == len(article.quotes)

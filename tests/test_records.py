"""The typed records: span checks, to_dict/from_dict round trips, and the JSON schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from saidwhat import Article, Quote, Span, Speaker
from saidwhat.records import span_of

TEXT = 'Kit Connor said: "It is a show about kindness." He added that it was fun.'


def _quote(**changes: Any) -> Quote:
    values: dict[str, Any] = {
        "id": "q1",
        "type": "direct",
        "contents": (span_of(TEXT, 17, 47),),
        "cue": span_of(TEXT, 11, 15),
        "sources": (span_of(TEXT, 0, 10),),
        "speaker": "s1",
        "confidence": 0.95,
    }
    values.update(changes)
    return Quote(**values)


def _article() -> Article:
    speaker = Speaker("s1", "Kit Connor", "person", (span_of(TEXT, 0, 10), span_of(TEXT, 48, 50)), ("actor",))
    indirect = _quote(
        id="q2",
        type="indirect",
        contents=(span_of(TEXT, 57, 72),),
        cue=span_of(TEXT, 51, 56),
        sources=(span_of(TEXT, 48, 50),),
        confidence=0.81,
    )
    return Article(
        doc_id="connor",
        quotes=(_quote(), indirect),
        speakers=(speaker,),
        title="A title",
        url="https://example.org/a",
        published="2024-05-01",
        errors=("a note",),
        text=TEXT,
    )


def test_span_of_slices_the_text() -> None:
    span = span_of(TEXT, 0, 10)
    assert span == Span(0, 10, "Kit Connor")
    assert TEXT[span.start : span.end] == span.text


@pytest.mark.parametrize(
    ("start", "end", "text", "message"),
    [
        (-1, 3, "abcd", "0 <= start <= end"),
        (5, 3, "", "0 <= start <= end"),
        (0, 3, "abcd", "does not fit"),
    ],
)
def test_span_rejects_bad_offsets(start: int, end: int, text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Span(start, end, text)


def test_span_round_trips_through_dict() -> None:
    span = span_of(TEXT, 17, 47)
    assert Span.from_dict(span.to_dict()) == span


def test_quote_needs_a_content_span() -> None:
    with pytest.raises(ValueError, match="q1 has no content span"):
        _quote(contents=())


@pytest.mark.parametrize("confidence", [-0.1, 1.5])
def test_quote_rejects_confidence_outside_0_1(confidence: float) -> None:
    with pytest.raises(ValueError, match=r"outside 0\.\.1"):
        _quote(confidence=confidence)


def test_quote_text_joins_its_contents() -> None:
    quote = _quote(contents=(span_of(TEXT, 17, 23), span_of(TEXT, 24, 47)))
    assert quote.text == '"It is a show about kindness."'
    assert (quote.start, quote.end) == (17, 47)


def test_quote_from_dict_rejects_an_unknown_type() -> None:
    data = _quote().to_dict() | {"type": "rumour"}
    with pytest.raises(ValueError, match="'rumour' is not one of direct, mixed, indirect, partial"):
        Quote.from_dict(data)


def test_speaker_from_dict_rejects_an_unknown_kind() -> None:
    data = {"id": "s1", "name": "Kit Connor", "kind": "robot", "mentions": []}
    with pytest.raises(ValueError, match="'robot' is not one of person"):
        Speaker.from_dict(data)


def test_quote_rejects_an_unknown_type() -> None:
    with pytest.raises(ValueError, match="q1 type 'rumour' is not one of"):
        _quote(type="rumour")


def test_speaker_rejects_an_unknown_kind() -> None:
    with pytest.raises(ValueError, match="s1 kind 'robot' is not one of"):
        Speaker("s1", "Kit Connor", "robot", ())  # type: ignore[arg-type]


def test_speaker_from_dict_fills_optional_fields() -> None:
    assert Speaker.from_dict({"id": "s1", "name": "Kit Connor"}) == Speaker("s1", "Kit Connor", "unknown", ())


def test_article_round_trips_through_dict() -> None:
    article = _article()
    restored = Article.from_dict(article.to_dict(with_text=True))
    assert restored == article
    assert restored.text == TEXT


def test_article_round_trips_through_json() -> None:
    article = _article()
    assert Article.from_dict(json.loads(json.dumps(article.to_dict()))) == article


def test_article_to_dict_leaves_the_text_out_unless_asked() -> None:
    assert "text" not in _article().to_dict()
    assert _article().to_dict(with_text=True)["text"] == TEXT


def test_article_to_dict_is_stable_after_a_round_trip() -> None:
    article = _article()
    odd = Article("x", quotes=(_quote(confidence=0.123456789),))
    for record in (article, odd):
        once = record.to_dict()
        assert Article.from_dict(once).to_dict() == once


def test_article_speaker_of_finds_the_quote_speaker() -> None:
    article = _article()
    speaker = article.speaker_of(article.quotes[0])
    assert speaker is not None and speaker.name == "Kit Connor"
    assert article.speaker_of(_quote(speaker=None)) is None
    assert article.speaker_of(_quote(speaker="s9")) is None


def test_records_are_frozen() -> None:
    article = _article()
    with pytest.raises(AttributeError):
        article.doc_id = "other"  # type: ignore[misc]


def test_article_record_validates_against_the_schema(article_schema: dict[str, Any]) -> None:
    jsonschema.validate(_article().to_dict(), article_schema)
    jsonschema.validate(_article().to_dict(with_text=True), article_schema)


def test_empty_article_record_validates_against_the_schema(article_schema: dict[str, Any]) -> None:
    jsonschema.validate(Article("empty").to_dict(), article_schema)


def test_schema_rejects_a_record_with_a_bad_quote_type(article_schema: dict[str, Any]) -> None:
    record = _article().to_dict()
    record["quotes"][0]["type"] = "rumour"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(record, article_schema)


def test_fallback_schema_is_the_spec_schema(article_schema: dict[str, Any]) -> None:
    fallback = Path(__file__).parent / "texts" / "article.schema.fallback.json"
    assert json.loads(fallback.read_text(encoding="utf-8")) == article_schema


def test_speaker_confidence_survives_the_round_trip_and_the_schema(article_schema: dict[str, Any]) -> None:
    quote = _quote(speaker_confidence=0.93)
    record = Article("connor", quotes=(quote,)).to_dict()
    jsonschema.validate(record, article_schema)
    assert Article.from_dict(record).quotes[0].speaker_confidence == 0.93


def test_speaker_confidence_is_left_out_when_there_is_none() -> None:
    assert "speaker_confidence" not in _quote().to_dict()


def test_speaker_confidence_outside_0_to_1_is_refused() -> None:
    with pytest.raises(ValueError, match="speaker_confidence"):
        _quote(speaker_confidence=1.5)

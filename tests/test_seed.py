"""The article that defines the job: all 9 quotations of the Heartstopper piece, all Kit Connor's."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from saidwhat import extract
from saidwhat.records import Article

from .conftest import shared_path

pytestmark = [pytest.mark.model, pytest.mark.shared]


@pytest.fixture(scope="module")
def seed() -> tuple[Article, dict[str, Any]]:
    folder = shared_path("data", "seed")
    text = (folder / "heartstopper.txt").read_text(encoding="utf-8")
    gold = json.loads((folder / "heartstopper.gold.json").read_text(encoding="utf-8"))
    return extract(text, doc_id="heartstopper"), gold


def _overlaps(spans: tuple[Any, ...], gold_spans: list[dict[str, int]]) -> bool:
    return any(s.start < g["end"] and g["start"] < s.end for s in spans for g in gold_spans)


def test_seed_finds_every_gold_quotation_as_one_quote(seed: tuple[Article, dict[str, Any]]) -> None:
    article, gold = seed
    for gold_quote in gold["quotes"]:
        matches = [q for q in article.quotes if _overlaps(q.contents, gold_quote["contents"])]
        assert len(matches) == 1, f"gold {gold_quote['id']} matched {len(matches)} quotes"
        assert len(matches[0].contents) == len(gold_quote["contents"]), f"gold {gold_quote['id']} split differently"


def test_seed_quotes_all_belong_to_kit_connor(seed: tuple[Article, dict[str, Any]]) -> None:
    article, gold = seed
    for gold_quote in gold["quotes"]:
        quote = next(q for q in article.quotes if _overlaps(q.contents, gold_quote["contents"]))
        speaker = article.speaker_of(quote)
        assert speaker is not None and speaker.name == "Kit Connor", gold_quote["id"]


def test_seed_interviewers_are_not_speakers(seed: tuple[Article, dict[str, Any]]) -> None:
    article, gold = seed
    names = {speaker.name for speaker in article.speakers}
    assert not names & set(gold["not_speakers"])


def test_seed_has_at_most_one_extra_quotation(seed: tuple[Article, dict[str, Any]]) -> None:
    article, gold = seed
    assert len(article.quotes) <= len(gold["quotes"]) + 1


def test_seed_record_validates_against_the_schema(
    seed: tuple[Article, dict[str, Any]], article_schema: dict[str, Any]
) -> None:
    article, _ = seed
    jsonschema.validate(article.to_dict(), article_schema)

"""Quote search: safe FTS5 queries, bm25 ranking, highlights, speaker and date filters."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from saidwhat.archive import (
    Archive,
    QueryError,
    SearchFilters,
    fts_query,
    get_article,
    get_speaker,
    ingest,
    list_speakers,
)
from saidwhat.archive.search import search_quotes, split_highlights

from .test_archive import make_article

ARTICLES = [
    make_article(
        "winter",
        'Kit Connor said: "The rain was cold and the rain never stopped." He added: "Rain again."',
        [("The rain was cold and the rain never stopped.", "s1"), ("Rain again.", "s1")],
        [("s1", "Kit Connor", "person", ("Kit Connor", "He"), ("actor",))],
        published="2024-01-05",
    ),
    make_article(
        "spring",
        'Maya Okafor said: "Coffee keeps the rain crew going."',
        [("Coffee keeps the rain crew going.", "s1")],
        [("s1", "Maya Okafor", "person", ("Maya Okafor",), ())],
        published="2024-04-20",
    ),
    make_article(
        "summer",
        'Connor, the actor, said: "Summer shoots are easy, no rain at all."',
        [("Summer shoots are easy, no rain at all.", "s1")],
        [("s1", "Connor", "person", ("Connor", "the actor"), ())],
        published="2024-07-01T09:30:00Z",
    ),
]


@pytest.fixture
def archive() -> Iterator[Archive]:
    with Archive() as archive:
        ingest(archive, ARTICLES)
        yield archive


def _search(archive: Archive, query: str, **filters: object) -> list[str]:
    return [hit.text for hit in search_quotes(archive.conn, SearchFilters(query, **filters))]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("rain cold", '"rain" "cold"'),
        ('"never stopped" rain', '"never stopped" "rain"'),
        ('rain "cold', '"rain" "cold"'),
        ("rain* OR -cold NEAR(x)", '"rain" "OR" "cold" "NEAR x"'),
        ("body:rain", '"body rain"'),  # one token to the user, adjacent words to FTS5
        ("l'été", '"l été"'),
    ],
)
def test_fts_query_turns_any_input_into_plain_words(query: str, expected: str) -> None:
    assert fts_query(query) == expected


@pytest.mark.parametrize("query", ['"', "* - ( )", "   "])
def test_fts_query_without_words_is_a_query_error(query: str) -> None:
    with pytest.raises(QueryError, match="no words"):
        fts_query(query)


@pytest.mark.parametrize("query", ['rain"', "(rain", "rain AND", "NOT", 'col:"x', "^rain", "rain}{"])
def test_odd_queries_never_crash(archive: Archive, query: str) -> None:
    _search(archive, query)


def test_search_ranks_by_bm25(archive: Archive) -> None:
    texts = _search(archive, "rain")
    assert len(texts) == 4
    assert texts[0] == "Rain again."  # shortest text with the word: best bm25


def test_search_marks_matched_words(archive: Archive) -> None:
    hit = search_quotes(archive.conn, SearchFilters("coffee crew"))[0]
    assert [hit.text[s:e] for s, e in hit.highlights] == ["Coffee", "crew"]


def test_search_filters_by_speaker_name_or_alias(archive: Archive) -> None:
    by_full_name = _search(archive, "rain", speaker="Kit Connor")
    assert len(by_full_name) == 3  # "Connor, the actor" is the same person
    assert _search(archive, "rain", speaker="the actor") == by_full_name
    assert _search(archive, "rain", speaker="maya okafor") == ["Coffee keeps the rain crew going."]
    assert _search(archive, "rain", speaker="Nobody") == []


def test_search_filters_by_date(archive: Archive) -> None:
    assert _search(archive, "rain", since="2024-04-01", until="2024-06-30") == ["Coffee keeps the rain crew going."]
    assert _search(archive, "rain", since="2024-07") == ["Summer shoots are easy, no rain at all."]
    assert len(_search(archive, "rain", until="2024-07-01")) == 4


@pytest.mark.parametrize(("name", "value"), [("since", "yesterday"), ("until", "2024-13-45"), ("since", "2024/01/01")])
def test_bad_dates_are_query_errors(archive: Archive, name: str, value: str) -> None:
    with pytest.raises(QueryError, match=name):
        _search(archive, "rain", **{name: value})


def test_bad_limit_is_a_query_error(archive: Archive) -> None:
    with pytest.raises(QueryError, match="limit 0"):
        _search(archive, "rain", limit=0)


def test_empty_query_lists_latest_quotes(archive: Archive) -> None:
    assert _search(archive, "", limit=1) == ["Summer shoots are easy, no rain at all."]


def test_split_highlights_gives_plain_text_and_offsets() -> None:
    assert split_highlights("a \x02big\x03 cat \x02naps\x03") == ("a big cat naps", ((2, 5), (10, 14)))


def test_speakers_listed_with_quote_counts(archive: Archive) -> None:
    rows = list_speakers(archive.conn)
    assert [(row["name"], row["quotes"], row["articles"]) for row in rows] == [
        ("Kit Connor", 3, 2),
        ("Maya Okafor", 1, 1),
    ]


def test_speaker_view_has_aliases_and_months(archive: Archive) -> None:
    speaker_id = list_speakers(archive.conn)[0]["id"]
    view = get_speaker(archive.conn, speaker_id)
    assert view["aliases"] == ["Kit Connor", "Connor", "the actor"]  # "He" is a pronoun, not an alias
    assert view["months"] == [{"month": "2024-01", "quotes": 2}, {"month": "2024-07", "quotes": 1}]


def test_article_view_has_text_quotes_and_speakers(archive: Archive) -> None:
    view = get_article(archive.conn, "winter")
    assert view["text"] == ARTICLES[0].text
    first = view["quotes"][0]
    start, end = first["contents"][0]["start"], first["contents"][0]["end"]
    assert view["text"][start:end] == first["text"]
    assert view["speakers"][0]["name"] == "Kit Connor"

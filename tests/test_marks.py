"""Quotation marks: which characters open and close quotes, and how they pair."""

from __future__ import annotations

import pytest

from saidwhat.marks import find_quoted_runs


def quoted(text: str) -> list[list[str]]:
    runs, _ = find_quoted_runs(text)
    return [[text[start:end] for start, end in run.parts] for run in runs]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('She said "yes" today.', ['"yes"']),
        ("She said “yes” today.", ["“yes”"]),
        ("She said ‘yes’ today.", ["‘yes’"]),
        ("Il a dit «oui» hier.", ["«oui»"]),
        ("Er sagte „ja“ gestern.", ["„ja“"]),
        ("She said 'yes' today.", ["'yes'"]),
    ],
)
def test_pairs_every_common_kind_of_mark(text: str, expected: list[str]) -> None:
    assert [parts[0] for parts in quoted(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "I don't think Connor's show will last 'til June.",
        "Music of the '90s and rock 'n' roll.",
        "The players' union met the owners.",
        "It’s the actors’ night.",
    ],
)
def test_apostrophes_are_not_quotes(text: str) -> None:
    assert quoted(text) == []


def test_quote_inside_quote_stays_one_run() -> None:
    text = '"He called it \'a disaster\' on air," she said.'
    assert quoted(text) == [['"He called it \'a disaster\' on air,"']]


def test_quote_reopened_in_next_paragraph_is_one_run_with_a_part_per_paragraph() -> None:
    text = '"First part of it.\n"Second part of it."\nNarration.'
    assert quoted(text) == [['"First part of it.', '"Second part of it."']]


def test_reopening_mark_after_lost_paragraph_break_starts_a_new_part() -> None:
    text = 'He said: "First part. "Second part." Then narration.'
    assert quoted(text) == [['"First part.', '"Second part."']]


def test_unclosed_mark_ends_at_paragraph_end_and_is_reported() -> None:
    text = 'She said "this never closes\nNext paragraph is narration. And "this" is short.'
    runs, errors = find_quoted_runs(text)
    assert [text[run.start : run.end] for run in runs][0] == '"this never closes'
    assert any("unclosed" in error for error in errors)


def test_unclosed_mark_never_swallows_a_long_paragraph() -> None:
    text = 'She said "this never closes ' + "and the text goes on " * 60
    runs, errors = find_quoted_runs(text)
    assert runs == []
    assert errors


def test_marks_inside_html_tags_are_ignored() -> None:
    text = '<a href="x.html">Link</a> She said "hello there".'
    assert quoted(text) == [['"hello there"']]

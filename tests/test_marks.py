"""Quotation marks: which characters open and close quotes, and how they pair."""

from __future__ import annotations

import pytest

from saidwhat.extraction.marks import find_quote_marks, find_quoted_runs


def quoted(text: str) -> list[list[str]]:
    runs, _ = find_quoted_runs(text)
    return [[text[start:end] for start, end in run.parts] for run in runs]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('She said "yes" today.', ['"yes"']),
        ("She said “yes” today.", ["“yes”"]),
        ("She said ‘yes’ today.", ["‘yes’"]),
        ("She said ‟yes” today.", ["‟yes”"]),
        ("Il a dit «oui» hier.", ["«oui»"]),
        ("Il a dit « oui » hier.", ["« oui »"]),
        ("Il a dit ‹oui› hier.", ["‹oui›"]),
        ("Er sagte „ja“ gestern.", ["„ja“"]),
        ("Er sagte ‚ja‘ gestern.", ["‚ja‘"]),
        ("Er sagte »ja« gestern.", ["»ja«"]),
        ("She said 'yes' today.", ["'yes'"]),
        ("She said ''yes'' today.", ["''yes''"]),
        ("She said ``yes'' today.", ["``yes''"]),
        ("Readers wrote:\n”Fear. I am afraid.” ― Ann Lee", ["”Fear. I am afraid.”"]),
    ],
)
def test_pair_quote_marks_every_kind_of_mark(text: str, expected: list[str]) -> None:
    assert [parts[0] for parts in quoted(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "I don't think Connor's show will last 'til June.",
        "Music of the '90s and rock 'n' roll.",
        "Music of the ’90s and rock ’n’ roll.",
        "It was ’til June and Connor’s show.",
        "'Tis the season, 'twas said.",
        "The players' union met the owners.",
        "It’s the actors’ night.",
    ],
)
def test_find_quote_marks_apostrophes_are_not_quotes(text: str) -> None:
    assert quoted(text) == []


@pytest.mark.parametrize(
    "text",
    ["Connor's", "don't", "the '90s", "rock 'n' roll", "'til"],
)
def test_find_quote_marks_leaves_out_apostrophes(text: str) -> None:
    assert [mark.char for mark in find_quote_marks(text) if mark.role != "close"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\"He called it 'a disaster' on air,\" she said.", ["\"He called it 'a disaster' on air,\""]),
        ("“He called it ‘a disaster’ on air,” she said.", ["“He called it ‘a disaster’ on air,”"]),
        ('"He called it "a disaster" on air," she said.', ['"He called it "a disaster" on air,"']),
        ("'He called it \"a disaster\" on air,' she said.", ["'He called it \"a disaster\" on air,'"]),
    ],
)
def test_pair_quote_marks_quote_inside_quote_stays_one_run(text: str, expected: list[str]) -> None:
    assert [parts[0] for parts in quoted(text)] == expected


@pytest.mark.parametrize(
    "text",
    ['He said "it\'s fine" again.', "He said 'it's fine' again.", "He said ‘it’s fine’ again."],
)
def test_pair_quote_marks_apostrophe_inside_a_quote_does_not_close_it(text: str) -> None:
    assert len(quoted(text)) == 1
    assert quoted(text)[0][0].endswith(('fine"', "fine'", "fine’"))


def test_pair_quote_marks_several_runs_in_one_sentence() -> None:
    assert quoted('She said "yes", then "no", then "maybe".') == [['"yes"'], ['"no"'], ['"maybe"']]


def test_pair_quote_marks_single_quotes_around_a_sentence() -> None:
    assert quoted("'Hello there,' she said, 'and goodbye.'") == [["'Hello there,'"], ["'and goodbye.'"]]


def test_quote_reopened_in_next_paragraph_is_one_run_with_a_part_per_paragraph() -> None:
    text = '"First part of it.\n"Second part of it."\nNarration.'
    assert quoted(text) == [['"First part of it.', '"Second part of it."']]


def test_quote_over_three_paragraphs_has_three_parts() -> None:
    text = "“One is here.\n“Two is here.\n“Three ends it.”\nNarration."
    assert quoted(text) == [["“One is here.", "“Two is here.", "“Three ends it.”"]]


def test_quote_reopened_after_blank_line_is_still_one_run() -> None:
    text = '"First part of it.\n\n"Second part of it."'
    assert quoted(text) == [['"First part of it.', '"Second part of it."']]


def test_reopening_mark_after_lost_paragraph_break_starts_a_new_part() -> None:
    text = 'He said: "First part. "Second part." Then narration.'
    assert quoted(text) == [['"First part.', '"Second part."']]


def test_closed_quote_then_new_paragraph_quote_are_two_runs() -> None:
    text = '"First part of it."\n"Second part of it."'
    assert quoted(text) == [['"First part of it."'], ['"Second part of it."']]


def test_unclosed_mark_ends_at_paragraph_end_and_is_reported() -> None:
    text = 'She said "this never closes\nNext paragraph is narration. And "this" is short.'
    runs, errors = find_quoted_runs(text)
    assert text[runs[0].start : runs[0].end] == '"this never closes'
    assert not runs[0].closed
    assert any("unclosed" in error for error in errors)


def test_unclosed_mark_never_swallows_a_long_paragraph() -> None:
    text = 'She said "this never closes ' + "and the text goes on " * 60
    runs, errors = find_quoted_runs(text)
    assert runs == []
    assert errors


def test_unclosed_mark_never_runs_into_the_next_paragraph() -> None:
    text = 'She said "this never closes.\nThe council meets on Monday.\nThe vote is on Tuesday.'
    runs, _ = find_quoted_runs(text)
    assert [run.end for run in runs] == [text.index("\n")]


@pytest.mark.parametrize("text", ['She said yes" and left.', "She said yes” and left."])
def test_closing_mark_without_opening_is_reported_not_paired(text: str) -> None:
    runs, errors = find_quoted_runs(text)
    assert runs == []
    assert any("no opening mark" in error for error in errors)


def test_marks_inside_html_tags_are_ignored() -> None:
    text = '<a href="x.html">Link</a> She said "hello there".'
    assert quoted(text) == [['"hello there"']]


def test_find_quoted_runs_of_text_without_marks_is_empty() -> None:
    assert find_quoted_runs("The council met on Monday.") == ([], [])


def test_doubled_apostrophes_quote_with_single_quotes_inside() -> None:
    text = "''We told him 'no' twice,'' the mayor said. ''The players' union agreed.''"
    assert quoted(text) == [["''We told him 'no' twice,''"], ["''The players' union agreed.''"]]

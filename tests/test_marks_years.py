"""An apostrophe that cuts a year short ('03, ’08) is no quotation mark, after a space or a bracket."""

from __future__ import annotations

import pytest

from saidwhat.extraction.marks import find_quoted_runs


@pytest.mark.parametrize(
    "text",
    [
        "He made hits for Ada Lind ('03 Blue Skies). \"I love it,\" he said.",
        "He won in ’08 and ’12. \"I love it,\" he said.",
        "Songs of the '90s came back. \"I love it,\" he said.",
    ],
)
def test_a_short_year_leaves_the_quote_after_it_alone(text: str) -> None:
    assert [text[run.start : run.end] for run in find_quoted_runs(text)[0]] == ['"I love it,"']

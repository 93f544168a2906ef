"""A reported clause ends before another report joined to it (clause_ends.py)."""

from __future__ import annotations

import saidwhat


def contents(text: str) -> list[str]:
    return [" | ".join(part.text for part in quote.contents) for quote in saidwhat.extract(text).quotes]


def test_clause_ends_before_a_joined_clause_with_its_own_cue() -> None:
    text = "Mr Vey said the chip would be fast, but designers would not confirm the price. He left."
    assert contents(text)[0] == "the chip would be fast"


def test_relative_clause_with_a_cue_stays_in_the_content() -> None:
    text = "Ms Kay revealed she would open a bakery in Tarnby, which is expected to create ten jobs."
    assert contents(text)[0] == "she would open a bakery in Tarnby, which is expected to create ten jobs"


def test_a_report_inside_the_clause_with_no_joint_stays() -> None:
    text = "Mr Vey said the study claimed that prices would rise."
    assert contents(text)[0] == "the study claimed that prices would rise"

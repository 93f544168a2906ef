"""A headline glued to the first sentence (headline.py): the reported clause starts at the body."""

from __future__ import annotations

import saidwhat


def contents(text: str) -> list[str]:
    return [quote.contents[0].text for quote in saidwhat.extract(text).quotes]


def test_reported_clause_leaves_out_a_glued_headline() -> None:
    text = "Ferry fares to rise The Tarnby ferry will cost more from June, the operator has said. Work goes on."
    assert contents(text) == ["The Tarnby ferry will cost more from June"]


def test_body_opening_with_the_after_a_name_ending_the_headline() -> None:
    text = "River bridge to close in May The Eastbury bridge will shut for repairs, the council has said."
    assert contents(text) == ["The Eastbury bridge will shut for repairs"]


def test_headline_on_its_own_line_is_left_alone() -> None:
    text = "River bridge to close in May\n\nThe Eastbury bridge will shut for repairs, the council has said."
    assert contents(text) == ["The Eastbury bridge will shut for repairs"]


def test_content_after_the_cue_is_left_alone() -> None:
    text = "Ferry fares to rise Nola Brandt said the Tarnby ferry would cost more from June."
    assert contents(text) == ["the Tarnby ferry would cost more from June"]


def test_one_sentence_with_a_date_has_no_headline() -> None:
    assert contents("Tarnby ferry fares will rise in June, the operator has said.") == [
        "Tarnby ferry fares will rise in June"
    ]

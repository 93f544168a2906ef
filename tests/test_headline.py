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


def test_a_headlines_verb_reports_nothing_of_the_body_that_echoes_it() -> None:
    text = "Tarn mayor denies fixing tender The mayor of Tarn has denied claims that he fixed a building tender."
    quotes = saidwhat.extract(text).quotes
    assert "denies" not in [quote.cue.text for quote in quotes if quote.cue]


def test_a_first_sentence_with_a_capitalised_name_inside_keeps_its_report() -> None:
    text = "Officials said the Harbour Board would close the old pier in spring."
    assert contents(text) == ["the Harbour Board would close the old pier in spring"]


def test_a_headlines_verb_does_not_report_the_bodys_first_sentence() -> None:
    text = "Fares to rise, Tarnby council says The Tarnby council has voted to raise ferry fares from June."
    quotes = saidwhat.extract(text).quotes
    assert "says" not in [quote.cue.text for quote in quotes if quote.cue]


def test_a_plain_first_sentence_keeps_its_report_where_a_later_said_echoes_its_verb() -> None:
    text = 'Ada Lund said India welcomed the deal. "We welcome it," said Ms Lund.'
    assert "India welcomed the deal" in contents(text)

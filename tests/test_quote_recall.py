"""Reported clauses the grammar gives and the parse hides (issue 22, quote recall for speakers)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from saidwhat import extract

pytestmark = pytest.mark.model


def reports(nlp: Language, text: str) -> list[tuple[str, str | None, list[str]]]:
    """(type, cue, contents) of each quote found, as text."""
    return [
        (quote.type, quote.cue.text if quote.cue else None, [span.text for span in quote.contents])
        for quote in extract(text, nlp=nlp).quotes
    ]


def test_a_clause_before_its_cue_starts_after_a_quoted_sentence_closed_by_its_full_stop(nlp: Language) -> None:
    text = (
        "Rural minister Ada Brenn mocked the launch, saying: "
        '"The whole event was the worst show I have seen since Block H." '
        "The council had broken promises by raising fares six times and closed the busiest bridge in the county, "
        "she said."
    )
    assert reports(nlp, text) == [
        ("direct", "saying", ['"The whole event was the worst show I have seen since Block H."']),
        (
            "indirect",
            "said",
            ["The council had broken promises by raising fares six times and closed the busiest bridge in the county"],
        ),
    ]


def test_a_report_joined_by_while_to_another_speakers_report_is_its_own_quote(nlp: Language) -> None:
    text = (
        'The Greens say a vote for the Reds could "let the Blues in", while the Blues say the Greens would mean '
        '"higher fares, weak bridges, more power to the county".'
    )
    assert reports(nlp, text) == [
        ("mixed", "say", ['a vote for the Reds could "let the Blues in"']),
        ("mixed", "say", ['the Greens would mean "higher fares, weak bridges, more power to the county"']),
    ]


def test_quoted_words_after_a_parenthetical_cue_leave_the_rest_of_the_sentence_said(nlp: Language) -> None:
    text = (
        '"Somebody had a new thing that would awe you. It was cool." But change in farming that people will see '
        'in their daily lives, she says, will come about slowly, and in ways that will no longer be "in your face".'
    )
    kind, cue, contents = reports(nlp, text)[-1]
    rest = 'will come about slowly, and in ways that will no longer be "in your face"'
    assert (kind, cue, contents[-1]) == ("mixed", "says", rest)

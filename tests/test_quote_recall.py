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

"""A reported clause takes in the quoted words that continue it in its sentence (quoted_tails.py)."""

from __future__ import annotations

import saidwhat


def quotes(text: str) -> list[tuple[str, str]]:
    return [(quote.type, " | ".join(part.text for part in quote.contents)) for quote in saidwhat.extract(text).quotes]


def test_clause_runs_on_over_a_dash_to_its_quoted_words() -> None:
    text = 'Mr Brandt said the vote - set for June - would be closer than any in "recent memory". He left.'
    assert quotes(text) == [("mixed", 'the vote - set for June - would be closer than any in "recent memory"')]


def test_clause_runs_on_to_the_end_of_its_sentence_after_the_quoted_words() -> None:
    clause = 'the plan was costly but ministers had been "far too lax for far too long" about the wider cost of debt'
    assert quotes(f"Mr Vey said {clause}. He left.") == [("mixed", clause)]


def test_quoted_words_of_another_report_stay_apart() -> None:
    text = 'Mr Vey said the plan was costly, while Ms Kay called it "a waste". He left.'
    found = quotes(text)
    assert ("indirect", "the plan was costly") in found and len(found) == 2

"""A cue between commas in the middle of its sentence reports what follows it (parenthetical_cues.py)."""

from __future__ import annotations

import pytest

from .test_quoted_tails import quotes


def test_words_after_a_parenthetical_cue_are_the_content() -> None:
    text = "Ultimately, there will be, says Mr Vey, no need to carry cash in shops. He left."
    assert quotes(text) == [("indirect", "no need to carry cash in shops")]


def test_quoted_words_after_a_parenthetical_cue_make_a_mixed_quote() -> None:
    text = 'In the end, there will be, says Ms Lind, no value in being "cash rich". She left.'
    assert quotes(text) == [("mixed", 'no value in being "cash rich"')]


def test_a_description_of_the_source_after_the_cue_stays_out() -> None:
    text = "We are in a new phase now, argues Mr Vey, the firm's founder. He left."
    assert quotes(text) == [("indirect", "We are in a new phase now")]


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        pytest.param(
            "Some shops can be the cheapest, said Mr Ross, but the test showed that others were cheaper. He left.",
            "Some shops can be the cheapest",
            id="a new clause after the cue stays out",
        ),
        pytest.param(
            "Kettle sales rose by a third in the spring, said the report, the highest rise in years. He left.",
            "Kettle sales rose by a third in the spring",
            id="a cue after a whole clause keeps its clause",
        ),
        pytest.param(
            "Ferries will run on the new fuel from May, said Ms Brack, who added that fares would fall. He left.",
            "Ferries will run on the new fuel from May",
            id="a relative clause of the source after the cue stays out",
        ),
    ],
)
def test_the_clause_before_the_cue_stays_the_content(text: str, clause: str) -> None:
    assert ("indirect", clause) in quotes(text)

"""A cue between commas in the middle of its sentence reports what follows it (parenthetical_cues.py)."""

from __future__ import annotations

from .test_quoted_tails import quotes


def test_words_after_a_parenthetical_cue_are_the_content() -> None:
    text = "Ultimately, there will be, says Mr Vey, no need to carry cash in shops. He left."
    assert quotes(text) == [("indirect", "no need to carry cash in shops")]


def test_quoted_words_after_a_parenthetical_cue_make_a_mixed_quote() -> None:
    text = 'In the end, there will be, says Ms Lind, no value in being "cash rich". She left.'
    assert quotes(text) == [("mixed", 'no value in being "cash rich"')]


def test_a_new_clause_after_the_parenthetical_cue_stays_out() -> None:
    text = "Some shops can be the cheapest, said Mr Ross, but the test showed that others were cheaper. He left."
    assert ("indirect", "Some shops can be the cheapest") in quotes(text)


def test_a_description_of_the_source_after_the_cue_stays_out() -> None:
    text = "We are in a new phase now, argues Mr Vey, the firm's founder. He left."
    assert quotes(text) == [("indirect", "We are in a new phase now")]


def test_a_cue_after_a_whole_clause_keeps_its_clause() -> None:
    text = "Kettle sales rose by a third in the spring, said the report, the highest rise in years. He left."
    assert ("indirect", "Kettle sales rose by a third in the spring") in quotes(text)


def test_a_relative_clause_of_the_source_after_the_cue_stays_out() -> None:
    text = "Ferries will run on the new fuel from May, said Ms Brack, who added that fares would fall. He left."
    assert ("indirect", "Ferries will run on the new fuel from May") in quotes(text)

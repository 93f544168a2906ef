"""A cue between commas in the middle of its sentence reports what follows it (parenthetical_cues.py)."""

from __future__ import annotations

import pytest

import saidwhat

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


@pytest.mark.parametrize(
    "text",
    [
        "Instead, said Mr Vey, the ferries were meant to carry freight at night. He left.",
        "Often, says Dr Lind, the boats are sold before they are finished. She left.",
    ],
)
def test_a_name_after_an_inverted_parenthetical_cue_is_the_source(text: str) -> None:
    article = saidwhat.extract(text)
    [quote] = article.quotes
    name = text.split(", ")[1].split(" ", 1)[1]
    assert [source.text for source in quote.sources] == [name]
    assert quote.contents[0].text == text.split(", ", 2)[2].split(".")[0]


def test_a_description_after_the_name_of_an_inverted_cue_opens_no_content() -> None:
    text = "Instead, said Mr Vey, a banker in Leeds, the ferries were meant to carry freight. He left."
    [quote] = saidwhat.extract(text).quotes
    assert not quote.contents[0].text.startswith("a banker")

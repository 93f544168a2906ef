"""Quoted words in a headline glued to the body (headline.take_headline_fragments): each a partial quote."""

from __future__ import annotations

import saidwhat
from saidwhat.extraction.marks import find_quoted_runs


def quotes(text: str) -> list[tuple[str, str]]:
    return [(quote.type, quote.contents[0].text) for quote in saidwhat.extract(text).quotes]


def headline_speaker(text: str) -> str | None:
    article = saidwhat.extract(text)
    quote = next(quote for quote in article.quotes if quote.contents[0].text == "'to shut'")
    speaker = article.speaker_of(quote)
    return speaker.name if speaker is not None else None


def test_quoted_words_in_a_glued_headline_are_a_partial_quote() -> None:
    text = "Ferry firm 'to raise' fares The Tarnby ferry will cost more from June, the operator has said."
    assert ("partial", "'to raise'") in quotes(text)


def test_a_clause_trimmed_to_the_body_is_indirect() -> None:
    text = "Ferry firm 'to raise' fares The Tarnby ferry will cost more from June, the operator has said."
    assert ("indirect", "The Tarnby ferry will cost more from June") in quotes(text)


def test_quoted_words_after_a_preposition_name_a_topic() -> None:
    text = "Town debate over 'loud' music The Eastbury council will vote on a noise rule, its leader has said."
    assert all("loud" not in content for _, content in quotes(text))


def test_quoted_words_in_a_headline_line_of_its_own_are_left_to_the_run_decision() -> None:
    text = "Ferry firm 'to raise' fares\n\nThe Tarnby ferry will cost more from June, the operator has said."
    assert ("indirect", "The Tarnby ferry will cost more from June") in quotes(text)


def test_a_quoted_word_that_starts_like_an_elision_opens_a_quotation() -> None:
    text = "Mayor attacked river 'embankment' plan"
    assert [text[run.start : run.end] for run in find_quoted_runs(text)[0]] == ["'embankment'"]


def test_an_elision_on_its_own_is_an_apostrophe() -> None:
    text = "Go and get 'em, she told the 'home' side."
    assert [text[run.start : run.end] for run in find_quoted_runs(text)[0]] == ["'home'"]


def test_quoted_words_in_a_glued_headline_are_the_first_named_speaker_of_the_body() -> None:
    text = (
        "Mill firm 'to shut' Dale site Arko Mills has said it will close its Dale site in May. "
        'Staff were told on Monday. "We looked at every option," said Tom Harlow, a union official.'
    )
    assert headline_speaker(text) == "Arko Mills"


def test_a_headline_quote_skips_a_lede_source_that_names_no_one() -> None:
    text = (
        "Mill firm 'to shut' Dale site A textile firm has said it will close its Dale site in May. "
        'Arko Mills told staff on Monday: "We looked at every option."'
    )
    assert headline_speaker(text) == "Arko Mills"

"""'quoted X as saying Y': the words Y are X's (extraction/quoted_as_saying.py)."""

from __future__ import annotations

import saidwhat


def test_the_person_quoted_is_the_source_of_the_clause() -> None:
    article = saidwhat.extract("The paper quoted Mr Dunn as saying the plan was dead. He left.")
    (quote,) = article.quotes
    assert [part.text for part in quote.contents] == ["the plan was dead"]
    assert [part.text for part in quote.sources] == ["Mr Dunn"]
    assert quote.cue is not None and quote.cue.text == "saying"


def test_cited_as_saying_too() -> None:
    article = saidwhat.extract("Radio Nord cited Ana Reyes as saying she would stand again.")
    (quote,) = article.quotes
    assert [part.text for part in quote.contents] == ["she would stand again"]
    assert [part.text for part in quote.sources] == ["Ana Reyes"]


def test_a_plain_report_keeps_its_clause() -> None:
    article = saidwhat.extract("Mr Dunn said the plan was dead.")
    (quote,) = article.quotes
    assert [part.text for part in quote.contents] == ["the plan was dead"]


def test_words_before_are_the_quoted_persons_and_as_saying_is_no_quote() -> None:
    article = saidwhat.extract('Games are "big business", the paper quoted Mr Chernin as saying. He left.')
    (quote,) = article.quotes
    assert [part.text for part in quote.contents] == ['"big business"']
    assert [part.text for part in quote.sources] == ["Mr Chernin"]
    assert quote.cue is not None and quote.cue.text == "saying"


def test_a_clause_before_goes_to_the_quoted_person() -> None:
    article = saidwhat.extract("If the plan fails, the firm could close, Radio Nord reported Ms Dale as saying.")
    (quote,) = article.quotes
    assert [part.text for part in quote.contents] == ["If the plan fails, the firm could close"]
    assert [part.text for part in quote.sources] == ["Ms Dale"]

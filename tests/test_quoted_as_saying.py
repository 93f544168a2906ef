"""'quoted X as saying Y': the words Y are X's (extraction/quoted_as_saying.py)."""

from __future__ import annotations

import saidwhat


def test_the_person_quoted_is_the_source_of_the_clause() -> None:
    article = saidwhat.extract("The paper quoted Mr Dunn as saying the plan was dead. He left.")
    (quote,) = article.quotes
    assert [part.text for part in quote.contents] == ["the plan was dead"]
    assert [part.text for part in quote.sources] == ["Mr Dunn"]


def test_cited_as_saying_too() -> None:
    article = saidwhat.extract("Radio Nord cited Ana Reyes as saying she would stand again.")
    (quote,) = article.quotes
    assert [part.text for part in quote.contents] == ["she would stand again"]
    assert [part.text for part in quote.sources] == ["Ana Reyes"]


def test_a_plain_report_keeps_its_clause() -> None:
    article = saidwhat.extract("Mr Dunn said the plan was dead.")
    (quote,) = article.quotes
    assert [part.text for part in quote.contents] == ["the plan was dead"]

"""'According to X' in the middle of a sentence: the words on both sides are what X said."""

from __future__ import annotations

import saidwhat


def contents(text: str) -> list[list[str]]:
    return [[span.text for span in quote.contents] for quote in saidwhat.extract(text).quotes]


def test_a_per_cent_sign_stays_with_its_number() -> None:
    assert contents("Ferry use, according to Ada Brenn, has risen 30%.") == [["Ferry use", "has risen 30%"]]


def test_the_sentence_goes_on_after_the_phrase() -> None:
    text = "The plan has merit, according to Ada Brenn, because it cuts fares for everyone in the town."
    assert contents(text) == [["The plan has merit", "because it cuts fares for everyone in the town"]]

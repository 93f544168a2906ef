"""Verbs whose object is what was said only with their particle (lexicon.TOPIC_PHRASAL_VERBS)."""

from __future__ import annotations

import saidwhat


def contents(text: str) -> list[str]:
    return [quote.contents[0].text for quote in saidwhat.extract(text).quotes]


def test_called_for_reports_its_object() -> None:
    assert contents("Ferry boss Nils Arne has called for a full review of the crossing.") == [
        "a full review of the crossing"
    ]


def test_pointed_to_reports_its_object() -> None:
    assert contents("He pointed to the long queues at the harbour every summer.") == [
        "the long queues at the harbour every summer"
    ]


def test_the_verb_without_its_particle_reports_nothing() -> None:
    assert contents("The old farmer ruled the valley for years.") == []

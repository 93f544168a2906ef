"""Quotations, not titles (issue 22): titles and idioms are no one's words; attributions inside a sentence."""

from __future__ import annotations

import pytest
from spacy.language import Language

from saidwhat import Quote, extract

pytestmark = pytest.mark.model


def triples(nlp: Language, text: str) -> list[tuple[str, str | None, str | None, list[str]]]:
    """(type, first source, cue, contents) of each quote found, as text."""

    def one(quote: Quote) -> tuple[str, str | None, str | None, list[str]]:
        source = quote.sources[0].text if quote.sources else None
        return quote.type, source, quote.cue.text if quote.cue else None, [span.text for span in quote.contents]

    return [one(quote) for quote in extract(text, nlp=nlp).quotes]


def test_title_with_comma_inside_marks_is_not_a_partial_quote(nlp: Language) -> None:
    found = triples(nlp, 'Tom Hale, who directed "Paper Kites," said the film took six years to make.')
    assert found == [("indirect", "Tom Hale", "said", ["the film took six years to make"])]


def test_paragraph_that_is_only_a_title_is_not_a_direct_quote(nlp: Language) -> None:
    text = 'Ana Reyes spoke to reporters on Monday.\n\n"Northern Lights."\n\nThe film opens in May.'
    assert triples(nlp, text) == []


def test_title_after_named_for_her_role_in_is_not_a_mixed_quote(nlp: Language) -> None:
    assert triples(nlp, 'Ana Reyes was named best actress for her role in "Northern Lights."') == []


@pytest.mark.parametrize(
    "text",
    [
        "That said, the update leaves older backups alone.",
        "Having said that, the update leaves older backups alone.",
        "That being said, the bridge stays shut until May.",
    ],
)
def test_that_said_is_a_discourse_marker_not_a_report(nlp: Language, text: str) -> None:
    assert triples(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The board decided that the school will close in June.",
        "The firm plans to hire 200 staff next year.",
        "The map overlaid the flood zones on the town plan.",
    ],
)
def test_verbs_of_acts_are_not_cues(nlp: Language, text: str) -> None:
    assert triples(nlp, text) == []


def test_inverted_attribution_inside_a_sentence_splits_the_content(nlp: Language) -> None:
    found = triples(nlp, "The council, reported Radio Nord, will close the station.")
    assert found == [("indirect", "Radio Nord", "reported", ["The council", "will close the station"])]


def test_according_to_between_subject_and_verb_is_a_quote(nlp: Language) -> None:
    found = triples(nlp, "This, according to Marsh, does nothing to help the town.")
    assert found == [("indirect", "Marsh", "according to", ["This", "does nothing to help the town"])]


def test_reported_clause_on_a_last_line_without_full_stop_is_found(nlp: Language) -> None:
    found = triples(nlp, "The mayor spoke on Monday.\n\nThe station will close next year, the mayor said")
    assert found == [("indirect", "the mayor", "said", ["The station will close next year"])]


def test_inverted_cue_on_a_last_line_without_full_stop_is_found(nlp: Language) -> None:
    found = triples(nlp, "The mayor spoke on Monday.\n\nThe station will close next year, said the mayor")
    assert found == [("indirect", "the mayor", "said", ["The station will close next year"])]


# --- on hand-built parses ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "said_at", "discourse"),
    [
        (["That", "said", ",", "the", "pier", "opened", "."], 1, True),
        (["Having", "said", "that", ",", "the", "pier", "opened", "."], 1, True),
        (["Lee", "said", "that", "the", "pier", "opened", "."], 1, False),
    ],
)
def test_is_discourse_said_tells_a_fixed_phrase_from_a_report(
    blank_nlp: Language, words: list[str], said_at: int, discourse: bool
) -> None:
    from spacy.tokens import Doc

    from saidwhat.extraction.asides import is_discourse_said

    # one sentence, every word hung from 'opened' (the test reads the words, not the parse)
    root = words.index("opened")
    heads = [root] * len(words)
    deps = ["dep" if i != root else "ROOT" for i in range(len(words))]
    doc = Doc(blank_nlp.vocab, words=words, heads=heads, deps=deps)
    assert is_discourse_said(doc[said_at]) is discourse

"""'quoted X as saying Y': the words Y are X's (extraction/quoted_as_saying.py)."""

from __future__ import annotations

import pytest

import saidwhat


@pytest.mark.parametrize(
    ("text", "content", "source", "cue"),
    [
        ("The paper quoted Mr Dunn as saying the plan was dead. He left.", "the plan was dead", "Mr Dunn", "saying"),
        ("Radio Nord cited Ana Reyes as saying she would stand again.", "she would stand again", "Ana Reyes", "saying"),
        (
            'Games are "big business", the paper quoted Mr Chernin as saying. He left.',
            '"big business"',
            "Mr Chernin",
            "saying",
        ),
        (
            "If the plan fails, the firm could close, Radio Nord reported Ms Dale as saying.",
            "If the plan fails, the firm could close",
            "Ms Dale",
            "saying",
        ),
        ("Mr Dunn said the plan was dead.", "the plan was dead", "Mr Dunn", "said"),
    ],
)
def test_the_person_quoted_is_the_source_of_the_words(text: str, content: str, source: str, cue: str) -> None:
    (quote,) = saidwhat.extract(text).quotes
    assert [part.text for part in quote.contents] == [content]
    assert [part.text for part in quote.sources] == [source]
    assert quote.cue is not None and quote.cue.text == cue


def test_the_person_quoted_in_the_passive_and_quoted_words_in_the_clause() -> None:
    text = 'Tom Vey was quoted by the Daily Star as saying the firm could not stay "all-local". Unions were angry.'
    (quote,) = saidwhat.extract(text).quotes
    assert quote.type == "mixed"
    assert [part.text for part in quote.contents] == ['the firm could not stay "all-local"']
    assert [part.text for part in quote.sources] == ["Tom Vey"]

"""Roles and hearers: 'the chancellor' is not a shadow chancellor, a name inside what a source reports is not
that source, and a news outlet only told things is not the body a spokesman speaks for. Short invented texts."""

from __future__ import annotations

from collections import Counter

import pytest
from spacy.language import Language

from saidwhat import extract
from saidwhat.learn.body_nouns import described_nouns, nouns_of_bodies
from saidwhat.speakers import descriptions
from saidwhat.speakers.descriptions import Profile, SourceWords, description_fits, description_rank


def _speakers(nlp: Language, text: str) -> list[str | None]:
    article = extract(text, nlp=nlp)
    return [speaker.name if (speaker := article.speaker_of(quote)) else None for quote in article.quotes]


def test_description_rank_a_privative_modifier_is_another_role() -> None:
    source = SourceWords("chancellor", frozenset())
    assert description_rank(Profile(frozenset({"shadow", "chancellor"}), frozenset(), False), source) is None
    assert description_rank(Profile(frozenset({"former", "chancellor"}), frozenset(), False), source) is None
    assert description_rank(Profile(frozenset({"chancellor"}), frozenset(), False), source) == 1
    # 'the shadow chancellor' is the shadow chancellor
    shadow = SourceWords("chancellor", frozenset({"shadow"}))
    assert description_rank(Profile(frozenset({"shadow", "chancellor"}), frozenset(), False), shadow) == 2


def test_description_rank_a_narrowing_modifier_is_the_same_role() -> None:
    source = SourceWords("minister", frozenset())
    assert description_rank(Profile(frozenset({"health", "minister"}), frozenset(), False), source) == 1


def test_description_fits_only_the_same_role() -> None:
    assert description_fits("Tory chancellor", "chancellor", frozenset())
    assert not description_fits("Tory shadow chancellor", "chancellor", frozenset())
    assert not description_fits("ex-chancellor", "chancellor", frozenset())
    assert description_fits("shadow chancellor", "chancellor", frozenset({"shadow"}))
    assert not description_fits("coach", "chancellor", frozenset())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Ada Morrow has attacked a union boss over the budget. Ivo Brandt, of the harbour workers' union, "
            "spoke of a rift. But the chancellor said Mr Brandt had never been at the talks. "
            'Shadow chancellor Ben Tarrant said: "The rift is real."',
            ["Ada Morrow", "Ben Tarrant"],
            id="the chancellor is not the shadow chancellor nor the one named in what he says",
        ),
        pytest.param(
            "Chancellor Ada Morrow set out her budget on Monday. Tory shadow chancellor Ben Tarrant called it a "
            "gamble. The chancellor insisted her budget was fair to savers.",
            ["Ada Morrow"],
            id="the chancellor is not the shadow chancellor named since",
        ),
        pytest.param(
            "Tom Harlow met Ivo Brandt in Dale on Monday. Mr Brandt spoke first. "
            "He said Mr Brandt would lose the vote.",
            ["Tom Harlow"],
            id="a name inside what 'he' reports is not who he is",
        ),
        pytest.param(
            "Stars Ada Morrow and Ben Tarrant have joined Tom Harlow's new play, the writer has told reporters.",
            ["Tom Harlow"],
            id="a description after its report may mean a name inside it",
        ),
    ],
)
def test_a_source_is_not_a_name_inside_its_own_report(nlp: Language, text: str, expected: list[str]) -> None:
    assert _speakers(nlp, text) == expected


def test_a_spokesman_does_not_speak_for_the_outlet_told(nlp: Language) -> None:
    text = (
        "Plans to fine parents were set out on Tuesday, Lord Tarrant said. He told Radio Dale's Morning show "
        'that fines would be rare. Fines would be "a last resort", a spokesman said.'
    )
    assert _speakers(nlp, text)[-1] != "Radio Dale"


def test_nouns_of_bodies_three_in_four_of_three_uses() -> None:
    bodies = Counter({"giant": 5, "lender": 3, "firm": 9, "captain": 1})
    people = Counter({"giant": 1, "firm": 4, "captain": 6, "coach": 8})
    assert nouns_of_bodies(bodies, people) == ["giant", "lender"]


def test_described_nouns_titles_and_appositives(nlp: Language) -> None:
    with nlp.select_pipes(disable=[name for name in nlp.pipe_names if name.startswith("saidwhat")]):
        doc = nlp("Software giant Microsoft sued Tom Harlow, a former striker, on Monday.")
    found = set(described_nouns(doc))
    assert ("giant", "ORG") in found
    assert all(label == "PERSON" for noun, label in found if noun == "striker")


def test_a_description_by_a_body_noun_is_the_body(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(descriptions, "shipped_body_nouns", lambda: frozenset({"giant"}))
    text = (
        "Vellcom Group has launched a new phone in Dale. Its chief, Tom Harlow, praised the staff. "
        "The software giant said sales would double."
    )
    assert _speakers(nlp, text)[-1] == "Vellcom Group"


def test_she_after_a_bodys_spokeswoman_parsed_under_the_body(nlp: Language) -> None:
    # The parser heads 'A Department for Harbours spokeswoman' with 'Department': she is still its spokeswoman.
    text = (
        "Ivo Brandt and Tom Harlow met on Monday to settle the row over the harbour. "
        "A Department for Harbours spokeswoman said Mr Brandt and Mr Harlow agreed on the facts. "
        '"Their dispute is about the law," she said.'
    )
    assert _speakers(nlp, text) == ["Department for Harbours", "Department for Harbours"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Business leaders had opposed the plan as they said it would be too costly. "
            "The Dale Chamber of Trade welcomed the change.",
            ["Business leaders"],
            id="a they carries on the plural subject of its sentence",
        ),
        pytest.param(
            "Dale officials were lying about the port, they said.",
            [None],
            id="never the subject of what they report",
        ),
    ],
)
def test_they_carries_a_plural_subject_on(nlp: Language, text: str, expected: list[str | None]) -> None:
    assert _speakers(nlp, text) == expected

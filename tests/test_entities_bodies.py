"""Which mentions make one entity (issue 19, unseen news): a body's short name and a longer name that
names another thing, a first name after an honorific; on short invented texts."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from saidwhat.speakers.body_names import names_another_body
from saidwhat.speakers.entities import EntityIndex
from saidwhat.speakers.names import clean_name


def _tagged(nlp: Language, text: str, ents: list[tuple[str, str]]) -> Doc:
    """The text parsed, with the named entities given (the first occurrence of each text after the one
    before, and its label) in place of NER's."""
    with nlp.select_pipes(disable=["saidwhat"]):
        doc = nlp(text)
    spans, at = [], 0
    for words, label in ents:
        start = doc.text.index(words, at)
        span = doc.char_span(start, start + len(words), label=label)
        assert span is not None
        spans.append(span)
        at = start + len(words)
    doc.ents = [Span(doc, s.start, s.end, label=s.label_) for s in spans]
    return doc


def _names(doc: Doc) -> list[list[str]]:
    return [entity.names for entity in EntityIndex(doc).entities]


def test_a_longer_name_after_a_bodys_short_name_is_another_thing(nlp: Language) -> None:
    text = "Acme said profits rose. Acme Office users will pay more from May."
    doc = _tagged(nlp, text, [("Acme", "ORG"), ("Acme Office", "ORG")])
    assert _names(doc) == [["Acme"], ["Acme Office"]]


def test_a_branch_named_after_its_parent_is_kept_apart(nlp: Language) -> None:
    text = "Quorvo said sales fell. Quorvo Europe said its sales rose, and Quorvo Labs agreed."
    doc = _tagged(nlp, text, [("Quorvo", "ORG"), ("Quorvo Europe", "ORG"), ("Quorvo Labs", "ORG")])
    assert _names(doc) == [["Quorvo"], ["Quorvo Europe"], ["Quorvo Labs"]]


def test_the_noun_of_a_bodys_kind_adds_nothing_to_its_name(nlp: Language) -> None:
    text = "Harbour said the tax was unfair. The Harbour Party wants a vote."
    doc = _tagged(nlp, text, [("Harbour", "ORG"), ("Harbour Party", "ORG")])
    assert _names(doc) == [["Harbour", "Harbour Party"]]
    assert EntityIndex(doc).entities[0].name == "Harbour Party"


def test_a_short_name_after_the_full_one_is_the_same_body(nlp: Language) -> None:
    text = "Tarn Energy said it had found gas. Tarn said the field was large."
    doc = _tagged(nlp, text, [("Tarn Energy", "ORG"), ("Tarn", "ORG")])
    assert _names(doc) == [["Tarn Energy", "Tarn"]]


@pytest.mark.parametrize(
    ("added", "another"),
    [
        (["office"], True),
        (["europe"], True),
        (["radio", "2"], True),
        (["party"], False),
        (["foundation"], False),
        (["of", "dale"], False),
        (["&", "lee"], False),
    ],
)
def test_what_the_words_added_to_a_bodys_name_make_it(added: list[str], another: bool) -> None:
    assert names_another_body(added) is another


def test_a_name_after_mr_is_a_surname_not_a_first_name(nlp: Language) -> None:
    text = "Howard Ellery was dropped as a candidate. Mr Howard said the rules were clear."
    doc = _tagged(nlp, text, [("Howard Ellery", "PERSON"), ("Howard", "PERSON")])
    assert _names(doc) == [["Howard Ellery"], ["Howard"]]


def test_a_name_after_sir_is_a_first_name(nlp: Language) -> None:
    text = "Sir Howard Ellery published the report. Sir Howard said the gap was wide."
    doc = _tagged(nlp, text, [("Howard Ellery", "PERSON"), ("Howard", "PERSON")])
    assert _names(doc) == [["Howard Ellery", "Howard"]]


def test_a_surname_that_is_a_word_of_a_stations_name_stays_apart(nlp: Language) -> None:
    text = "Rowan Vale won the race. Radio Vale reported that the course was flooded."
    doc = _tagged(nlp, text, [("Rowan Vale", "PERSON"), ("Radio Vale", "ORG")])
    assert _names(doc) == [["Rowan Vale"], ["Radio Vale"]]


def test_a_headline_names_the_body_short_and_the_lede_in_full(nlp: Language) -> None:
    # The BBC texts glue the headline to the lede's first sentence.
    text = "Tarn may run out of cash Tarn Airlines has warned it could run out of cash."
    doc = _tagged(nlp, text, [("Tarn", "ORG"), ("Tarn Airlines", "ORG")])
    assert _names(doc) == [["Tarn", "Tarn Airlines"]]


def test_a_surname_after_mr_is_not_the_last_word_of_a_name_with_a_suffix(nlp: Language) -> None:
    text = "Charles Evans Jr sued the firm. Mr Evans said he was owed money."
    doc = _tagged(nlp, text, [("Charles Evans Jr", "PERSON"), ("Evans", "PERSON")])
    assert _names(doc) == [["Charles Evans Jr", "Evans"]]


def test_a_bodys_name_run_into_itself_by_a_glued_headline_is_named_once(nlp: Language) -> None:
    doc = nlp("Sales hit Acme Acme has said its profit will fall. Acme said it would cut jobs.")
    assert clean_name(doc[2:4], person=False) == "Acme"


def test_a_name_that_is_a_word_twice_stays_whole(nlp: Language) -> None:
    doc = nlp("Tour for Dora Dora The band Dora Dora will play ten dates.")
    assert clean_name(doc[2:4], person=False) == "Dora Dora"


def test_a_town_in_a_stations_name_does_not_make_the_station_a_person(nlp: Language) -> None:
    index = EntityIndex(
        _tagged(nlp, "Ada Lund told QX Radio Dale that the club would wait.", [("QX Radio Dale", "ORG")])
    )
    assert index.add_name("Dale", "person").names == ["Dale"]
    assert [(e.name, e.kind) for e in index.entities] == [("QX Radio Dale", "organisation"), ("Dale", "person")]


def test_initials_before_a_surname_tagged_org_are_a_persons_name(nlp: Language) -> None:
    index = EntityIndex(_tagged(nlp, "QT Harlow finished the novel on Tuesday.", [("QT Harlow", "ORG")]))
    assert index.add_name("Harlow", "person").name == "QT Harlow"
    assert [e.kind for e in index.entities] == ["person"]


def test_a_one_word_name_is_a_surname_before_a_later_first_name(nlp: Language) -> None:
    text = "Ann Howard opened the debate. Howard Ellery replied. Howard said the vote was lost."
    doc = _tagged(nlp, text, [("Ann Howard", "PERSON"), ("Howard Ellery", "PERSON"), ("Howard", "PERSON")])
    assert _names(doc) == [["Ann Howard", "Howard"], ["Howard Ellery"]]


def test_an_acronym_takes_the_name_the_article_spells_out(nlp: Language) -> None:
    text = "Athletics Dalia (AD) lifted the ban. AD said the runner had apologised."
    doc = _tagged(nlp, text, [("AD", "ORG"), ("AD", "ORG")])
    assert [e.name for e in EntityIndex(doc).entities] == ["Athletics Dalia"]


def test_an_acronym_no_capitalised_words_spell_keeps_its_letters(nlp: Language) -> None:
    text = "The Harbour Dale club lifted the ban. QX said the runner had apologised."
    doc = _tagged(nlp, text, [("QX", "ORG")])
    assert [e.name for e in EntityIndex(doc).entities] == ["QX"]

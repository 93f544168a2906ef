"""Entities and canonical names of speakers (issue 19): fuller names, bogus names and joint speakers,
on short invented texts."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from saidwhat.speakers.entities import Entity, EntityIndex
from saidwhat.speakers.gender import agreement
from saidwhat.speakers.names import clean_name, is_abbreviation_of
from saidwhat.speakers.surnames import surname_of


def _rule_picks(nlp: Language, text: str) -> list[str | None]:
    """The hand-written rules' speaker of each draft quote of the text."""
    from saidwhat.extraction.orchestrator import find_draft_quotes
    from saidwhat.speakers.ranker import quote_candidates

    with nlp.select_pipes(disable=["saidwhat"]):
        doc = nlp(text)
    drafts, _ = find_draft_quotes(doc)
    _, quotes = quote_candidates(doc, drafts)
    picks = []
    for quote in quotes:
        chosen = next((c.entity for c in quote.candidates if c.rule), None)
        picks.append(chosen.name if chosen is not None else None)
    return picks


def _tagged(nlp: Language, text: str, ents: list[tuple[int, int, str]]) -> Doc:
    """The text parsed, with the named entities given (token start, end, label) in place of NER's."""
    with nlp.select_pipes(disable=["saidwhat"]):
        doc = nlp(text)
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
    return doc


def test_a_peer_keeps_the_seat_after_the_surname(nlp: Language) -> None:
    text = 'Lord Fenwick of Dale, in his ruling, said: "The law is plain and the court must follow it."'
    assert _rule_picks(nlp, text) == ["Lord Fenwick of Dale"]


def test_a_peers_surname_comes_before_the_seat() -> None:
    assert surname_of("Lord Fenwick of Dale") == "fenwick"
    assert surname_of("Anna Berrow") == "berrow"


def test_an_acronym_in_brackets_takes_the_word_after_it_into_the_name(nlp: Language) -> None:
    doc = nlp("The Office for Rural (ORA) affairs said farm incomes fell.")
    assert clean_name(doc[1:4], person=False) == "Office for Rural Affairs"


def test_an_acronym_in_brackets_that_the_name_spells_adds_nothing(nlp: Language) -> None:
    doc = nlp("The Harbour Water Board (HWB) figures showed a rise.")
    assert clean_name(doc[1:4], person=False) == "Harbour Water Board"


def test_a_model_number_after_a_makers_name_is_no_word_of_it(nlp: Language) -> None:
    doc = nlp("Vektor X200s were grounded after the crash.")
    assert clean_name(doc[0:2], person=False) == "Vektor"


def test_a_number_that_names_a_station_stays(nlp: Language) -> None:
    doc = nlp("Harbour Radio 4 said the show would return.")
    assert clean_name(doc[0:3], person=False) == "Harbour Radio 4"


@pytest.mark.parametrize(
    ("short", "full", "expected"),
    [
        (["lib", "dem"], ["liberal", "democrat"], True),
        (["lib", "dem"], ["lib", "dem"], False),  # the same name: nothing is shortened
        (["liberal", "democrat"], ["lib", "dem"], False),
        (["li", "dem"], ["liberal", "democrat"], False),  # two letters open too many words
        (["harbour"], ["harbour", "party"], False),
    ],
)
def test_a_name_that_shortens_each_word_of_another(short: list[str], full: list[str], expected: bool) -> None:
    assert is_abbreviation_of(short, full) is expected


def test_a_shortened_name_tagged_person_joins_the_body_it_shortens(nlp: Language) -> None:
    doc = _tagged(
        nlp,
        "The Harb Dems said the tax was unfair. The Harbour Democrats want a vote.",
        [(1, 3, "PERSON"), (10, 12, "ORG")],
    )
    index = EntityIndex(doc)
    assert [(e.name, e.kind) for e in index.entities] == [("Harbour Democrats", "organisation")]


def test_one_word_after_an_article_is_a_noun_not_a_persons_name(nlp: Language) -> None:
    doc = _tagged(nlp, "The 22-year-old Welshman finished fourth in Madrid.", [(6, 7, "PERSON")])
    assert [e.name for e in EntityIndex(doc).entities] == []


def test_a_first_name_in_a_list_completes_the_surname(nlp: Language) -> None:
    text = (
        "The campaign is backed by singers Rhona Vell, Ada Brill and composer Tom Harlow. "
        'Brill said: "Every child should learn to play."'
    )
    assert _rule_picks(nlp, text) == ["Ada Brill"]


def test_the_firms_after_a_coordinated_subject_are_a_joint_speaker(nlp: Language) -> None:
    text = (
        "Tarn Motors and Vell Systems unveiled the engine in Leeds on Monday. "
        "The engine will go on sale in May, the firms said."
    )
    assert _rule_picks(nlp, text) == ["Tarn Motors and Vell Systems"]


def test_a_study_carried_out_by_two_bodies_is_theirs(nlp: Language) -> None:
    text = (
        "The research was carried out by the Harbour Trust and the Dale Institute. "
        "The study said that landlords were to blame for the rise in rents."
    )
    assert _rule_picks(nlp, text) == ["Harbour Trust and Dale Institute"]


def test_a_lower_case_title_is_no_ones_name(nlp: Language) -> None:
    text = "Mr Quill met Ann Lee on Monday. The lord chancellor said the courts would close in May."
    assert "chancellor" not in _rule_picks(nlp, text)


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Tom Harlow 6-1,6-4 was the score.", (0, 7), "Tom Harlow"),  # a score glued to a name
        ("Harbour Radio 4 said so.", (0, 3), "Harbour Radio 4"),  # a number that names a station stays
        ("The nightclub said so.", (1, 2), ""),  # no capital letter: no name
    ],
)
def test_figures_glued_to_a_name_are_no_part_of_it(
    nlp: Language, text: str, span: tuple[int, int], expected: str
) -> None:
    doc = nlp(text)
    assert clean_name(doc[span[0] : span[1]], person=False) == expected


def test_an_article_before_a_bodys_name_is_no_part_of_it(nlp: Language) -> None:
    doc = nlp("Officials said a Harbour Party official had resigned.")
    assert clean_name(doc[2:5], person=False) == "Harbour Party"


@pytest.mark.parametrize(
    ("text", "ent", "kind"),
    [
        ("Tobi Okoro QC warned that the law was unclear.", (0, 3), "person"),  # letters for an office
        ("Nina Vell, spokeswoman for the trust, said it would appeal.", (0, 2), "person"),  # a role in apposition
        ("Harbour Mills, which makes rope, said it would appeal.", (0, 2), "organisation"),
    ],
)
def test_a_name_tagged_org_is_a_persons_when_the_text_says_so(
    nlp: Language, text: str, ent: tuple[int, int], kind: str
) -> None:
    doc = _tagged(nlp, text, [(ent[0], ent[1], "ORG")])
    assert [e.kind for e in EntityIndex(doc).entities] == [kind]


def test_a_singular_pronoun_never_stands_for_a_joint_speaker() -> None:
    joint = Entity(["Tom Harlow and Anna Berrow"], "person", members=(1, 2))
    assert agreement("he", joint, None) == "agreement=singular_for_joint"
    assert agreement("they", joint, None) == "agreement=plural_for_joint"


def test_an_adjective_tagged_org_alone_names_no_body(blank_nlp: Language) -> None:
    doc = Doc(
        blank_nlp.vocab,
        words=["The", "Radical", "Unionist", "leader", "promised", "a", "vote", "."],
        pos=["DET", "ADJ", "PROPN", "NOUN", "VERB", "DET", "NOUN", "PUNCT"],
        deps=["det", "amod", "compound", "nsubj", "ROOT", "det", "dobj", "punct"],
        heads=[3, 2, 3, 4, 4, 6, 4, 4],
        ents=["O", "B-ORG", "O", "O", "O", "O", "O", "O"],
    )
    assert EntityIndex(doc).entities == []


def test_words_before_an_honorific_are_no_part_of_the_name(nlp: Language) -> None:
    # 'On Tuesday Mr Okafor' reaches the NER as one name; an honorific opens a name.
    doc = _tagged(nlp, "On Tuesday Mr Okafor said the bridge would reopen.", [(1, 4, "PERSON")])
    assert clean_name(doc[1:4]) == "Okafor"
    doc = _tagged(nlp, "Rt Rev Anna Lindqvist said the vote was close.", [(0, 4, "PERSON")])
    assert clean_name(doc[0:4]) == "Anna Lindqvist"


def test_a_lower_case_word_inside_a_name_is_a_role_there(nlp: Language) -> None:
    # 'sheriff' is written in lower case in news: 'Dale County Sheriff Ann Lee' names Ann Lee.
    doc = _tagged(nlp, "Dale County Sheriff Ann Lee said the jail was full.", [(0, 5, "PERSON")])
    assert clean_name(doc[0:5]) == "Ann Lee"
    doc = _tagged(nlp, "Stuart Rose said prices rose.", [(0, 2, "PERSON")])
    assert clean_name(doc[0:2]) == "Stuart Rose"

"""Parse mends: what English grammar rules out in the tagger's reading is set right before extraction."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from saidwhat import extract
from saidwhat.parse_mends import mend_parse
from tests.parses import hand_parse


@pytest.mark.model
def test_a_capitalised_modal_before_a_past_tense_is_the_verbs_subject(nlp: Language) -> None:
    doc = mend_parse(nlp("May wrote on his website that the tour was over."))
    assert (doc[0].tag_, doc[0].pos_, doc[0].dep_) == ("NNP", "PROPN", "nsubj")


@pytest.mark.model
def test_a_modal_before_a_bare_verb_stays_a_modal(nlp: Language) -> None:
    doc = mend_parse(nlp("May we say the tour was over?"))
    assert doc[0].tag_ == "MD"


def test_a_surname_that_is_a_modal_speaks() -> None:
    text = (
        "Rock guitarist Ian May has backed the plan. May said the band would play again. "
        '"It is our best work," May wrote on his website.'
    )
    article = extract(text)
    assert [article.speaker_of(quote).name for quote in article.quotes] == ["Ian May", "Ian May"]
    assert [quote.cue.text for quote in article.quotes] == ["said", "wrote"]


def _criticised_the_move(nlp: Language, participle: str) -> Doc:
    # "Unions criticised the move - which may cut jobs - saying it was wrong ." with the participle hung from
    # the relative clause's verb, as the parser does
    return hand_parse(
        nlp,
        [
            ("Unions", True, 1, "nsubj", "NOUN", "NNS", ""),
            ("criticised", True, 1, "ROOT", "VERB", "VBD", ""),
            ("the", True, 3, "det", "DET", "DT", ""),
            ("move", True, 1, "dobj", "NOUN", "NN", ""),
            ("-", True, 3, "punct", "PUNCT", ":", ""),
            ("which", True, 7, "nsubj", "PRON", "WDT", ""),
            ("may", True, 7, "aux", "AUX", "MD", ""),
            ("cut", True, 3, "relcl", "VERB", "VB", ""),
            ("jobs", True, 7, "dobj", "NOUN", "NNS", ""),
            ("-", True, 7, "punct", "PUNCT", ":", ""),
            (participle, True, 7, "advcl", "VERB", "VBG", ""),
            ("it", True, 12, "nsubj", "PRON", "PRP", ""),
            ("was", True, 10, "ccomp", "AUX", "VBD", ""),
            ("wrong", False, 12, "acomp", "ADJ", "JJ", ""),
            (".", False, 1, "punct", "PUNCT", ".", ""),
        ],
    )


def test_a_set_off_participle_of_saying_closes_the_main_clause_not_a_relative_clause(blank_nlp: Language) -> None:
    doc = mend_parse(_criticised_the_move(blank_nlp, "saying"))
    assert (doc[10].head.text, doc[10].dep_) == ("criticised", "advcl")


def test_a_set_off_participle_that_is_no_saying_stays_where_the_parser_put_it(blank_nlp: Language) -> None:
    doc = mend_parse(_criticised_the_move(blank_nlp, "leaving"))
    assert doc[10].head.text == "cut"


def test_the_main_clauses_subject_says_what_a_participle_after_a_relative_clause_reports() -> None:
    text = "Ms Varga criticised the new timetable - which may cut two late ferries - saying the island needed them."
    article = extract(text)
    assert [(q.cue.text if q.cue else "", article.speaker_of(q).name) for q in article.quotes] == [("saying", "Varga")]


def test_the_noun_say_was_given_for_object_is_the_subject_of_the_clause_after_it(blank_nlp: Language) -> None:
    # "Ada said the new rule , as drafted , would fail ." with 'rule' read as the object of 'said'
    doc = mend_parse(
        hand_parse(
            blank_nlp,
            [
                ("Ada", True, 1, "nsubj", "PROPN", "NNP", ""),
                ("said", True, 1, "ROOT", "VERB", "VBD", ""),
                ("the", True, 4, "det", "DET", "DT", ""),
                ("new", True, 4, "amod", "ADJ", "JJ", ""),
                ("rule", False, 1, "dobj", "NOUN", "NN", ""),
                (",", True, 10, "punct", "PUNCT", ",", ""),
                ("as", True, 7, "mark", "SCONJ", "IN", ""),
                ("drafted", False, 10, "advcl", "VERB", "VBN", ""),
                (",", True, 10, "punct", "PUNCT", ",", ""),
                ("would", True, 10, "aux", "AUX", "MD", ""),
                ("fail", False, 1, "ccomp", "VERB", "VB", ""),
                (".", False, 1, "punct", "PUNCT", ".", ""),
            ],
        )
    )
    assert (doc[4].head.text, doc[4].dep_) == ("fail", "nsubj")
    assert doc[10].left_edge.text == "the"


def test_a_pronoun_object_of_say_stays_its_object(blank_nlp: Language) -> None:
    # "Ada says it often gets worse ." read with 'it' as the object: a pronoun is left as the parser read it
    doc = mend_parse(
        hand_parse(
            blank_nlp,
            [
                ("Ada", True, 1, "nsubj", "PROPN", "NNP", ""),
                ("says", True, 1, "ROOT", "VERB", "VBZ", ""),
                ("it", True, 1, "dobj", "PRON", "PRP", ""),
                ("often", True, 4, "advmod", "ADV", "RB", ""),
                ("gets", True, 1, "ccomp", "VERB", "VBZ", ""),
                ("worse", False, 4, "acomp", "ADJ", "JJR", ""),
                (".", False, 1, "punct", "PUNCT", ".", ""),
            ],
        )
    )
    assert (doc[2].head.text, doc[2].dep_) == ("says", "dobj")


def _the_age_admitted(nlp: Language, verb: str) -> Doc:
    # "The 24 - year - old admitted nerves in the final were high ." with the verb read as a second modifier
    # of 'nerves', as the parser does
    return hand_parse(
        nlp,
        [
            ("The", True, 7, "det", "DET", "DT", ""),
            ("24", False, 3, "nummod", "NUM", "CD", ""),
            ("-", False, 3, "punct", "PUNCT", "HYPH", ""),
            ("year", False, 5, "npadvmod", "NOUN", "NN", ""),
            ("-", False, 5, "punct", "PUNCT", "HYPH", ""),
            ("old", True, 7, "amod", "ADJ", "JJ", ""),
            (verb, True, 7, "amod", "VERB", "VBN", ""),
            ("nerves", True, 11, "nsubj", "NOUN", "NNS", ""),
            ("in", True, 7, "prep", "ADP", "IN", ""),
            ("the", True, 10, "det", "DET", "DT", ""),
            ("final", True, 8, "pobj", "NOUN", "NN", ""),
            ("were", True, 11, "ROOT", "AUX", "VBD", ""),
            ("high", False, 11, "acomp", "ADJ", "JJ", ""),
            (".", False, 11, "punct", "PUNCT", ".", ""),
        ],
    )


def test_a_verb_of_saying_after_an_age_read_as_a_modifier_is_the_ages_verb(blank_nlp: Language) -> None:
    doc = mend_parse(_the_age_admitted(blank_nlp, "admitted"))
    assert (doc[6].dep_, doc[6].tag_) == ("ROOT", "VBD")
    assert (doc[5].head.text, doc[5].dep_) == ("admitted", "nsubj")
    assert (doc[11].head.text, doc[11].dep_) == ("admitted", "ccomp")
    assert doc[5].left_edge.text == "The"
    assert len(list(doc.sents)) == 1


def test_a_modifier_after_an_age_that_is_no_saying_stays_a_modifier(blank_nlp: Language) -> None:
    doc = mend_parse(_the_age_admitted(blank_nlp, "frayed"))
    assert (doc[6].head.text, doc[6].dep_) == ("nerves", "amod")


def test_an_age_described_speaker_whose_verb_the_parser_missed_speaks() -> None:
    text = (
        'Tom Idle scored twice on Saturday. "We were lucky," Idle said. '
        "The 24-year-old admitted interest in the cup run was huge."
    )
    article = extract(text)
    found = [
        (q.contents[0].text, article.speaker_of(q).name) for q in article.quotes if q.cue and q.cue.text == "admitted"
    ]
    assert found == [("interest in the cup run was huge", "Tom Idle")]

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

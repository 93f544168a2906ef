"""Parse mends: what English grammar rules out in the tagger's reading is set right before extraction."""

from __future__ import annotations

import pytest
from spacy.language import Language

from saidwhat import extract
from saidwhat.parse_mends import mend_parse


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

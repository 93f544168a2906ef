"""A cue whose subject follows it at the end of a sentence ('..., warned the magazine.')."""

from __future__ import annotations

from spacy.language import Language

import saidwhat
from saidwhat.extraction.clauses import find_indirect_quotes
from saidwhat.extraction.cues import Cue
from tests.parses import parsed


def found(text: str) -> list[tuple[str, str, str]]:
    return [
        (quote.contents[0].text, quote.cue.text if quote.cue else "", quote.sources[0].text if quote.sources else "")
        for quote in saidwhat.extract(text).quotes
    ]


def test_an_inverted_subject_parsed_as_an_object_is_the_source() -> None:
    text = "The Tarnby ferry will cost a lot more from June, warned the operator."
    assert found(text) == [("The Tarnby ferry will cost a lot more from June", "warned", "the operator")]


def test_a_leading_but_is_left_out_of_the_words_before_an_inverted_cue() -> None:
    text = "Fares fell last year. But using the old tickets could mean fines for riders, warned the operator."
    assert found(text) == [("using the old tickets could mean fines for riders", "warned", "the operator")]




def test_a_content_that_cuts_a_quoted_run_takes_the_clause_of_the_grammar() -> None:
    # the learned bounds take the quoted words and their closing mark only ('deep storage"')
    text = 'Behind this plan should be a rich robust ferry network and "deep storage", says Mr Brenn.'
    assert [(quote.type, quote.contents[0].text) for quote in saidwhat.extract(text).quotes] == [
        ("mixed", 'Behind this plan should be a rich robust ferry network and "deep storage"')
    ]


def test_a_participle_after_a_comma_names_its_object_not_its_speaker() -> None:
    assert found("Ada Brenn resigned on Monday, citing the report.") == []


def test_a_cue_set_off_after_a_link_word_reports_the_rest_of_the_sentence() -> None:
    text = "But, says Ada Brenn, head of research at Kelso, it was not the engine that changed how people travel."
    assert found(text) == [("it was not the engine that changed how people travel", "says", "Ada Brenn")]


def test_a_link_adverb_before_an_inverted_cue_is_not_reported() -> None:
    text = "More importantly, argues the study, cheap fares are pushing people to take the train more often."
    assert found(text) == [("cheap fares are pushing people to take the train more often", "argues", "the study")]


def test_said_with_its_subject_right_after_it_reports_the_words_before_it_without_a_comma(
    blank_nlp: Language,
) -> None:
    # "Fares will rise said Ada Brenn ." with 'said' parsed as joined to 'rise', and learned bounds that
    # take its subject, as the boundary scorer may do
    doc = parsed(
        blank_nlp,
        ["Fares", "will", "rise", "said", "Ada", "Brenn", "."],
        [2, 2, 2, 2, 5, 3, 2],
        ["nsubj", "aux", "ROOT", "conj", "compound", "nsubj", "punct"],
        ["NOUN", "AUX", "VERB", "VERB", "PROPN", "PROPN", "PUNCT"],
        ["fare", "will", "rise", "say", "Ada", "Brenn", "."],
        tags=["NNS", "MD", "VB", "VBD", "NNP", "NNP", "."],
    )
    cues = [Cue(3, (doc[3].idx, doc[3].idx + 4), 0.9)]
    found = find_indirect_quotes(doc, cues, [], lambda doc, token: (4, 6))
    assert [doc.text[slice(*q.contents[0])] for q in found] == ["Fares will rise"]

"""Source mentions the parse leaves out or gets wrong: a headline glued to the body, an inverted name, a named
appositive (extraction/sources.py, missed_subjects.py)."""

from __future__ import annotations

from spacy.language import Language

from saidwhat import extract
from saidwhat.extraction.missed_subjects import subject_the_parse_missed
from tests.parses import hand_parse


def _sources(nlp: Language, text: str) -> list[list[str]]:
    return [[source.text for source in quote.sources] for quote in extract(text, nlp=nlp).quotes]


def test_a_source_takes_no_words_of_a_glued_headline(nlp: Language) -> None:
    text = "Top judge clashes with ministers The country's top judge has said he clashed with ministers over inquiries."
    assert _sources(nlp, text)[0] == ["The country's top judge"]


def test_a_name_in_the_headline_does_not_start_the_body(nlp: Language) -> None:
    text = "Orr congratulates Lund on win Ada Orr has said she looks forward to working with Tom Lund."
    article = extract(text, nlp=nlp)
    assert [source.text for source in article.quotes[0].sources] == ["Ada Orr"]
    speaker = article.speaker_of(article.quotes[0])
    assert speaker is not None and speaker.name == "Ada Orr"


def test_a_subject_parsed_in_the_headline_is_the_bodys_first_phrase(nlp: Language) -> None:
    text = "Rovers wary of Dalton 'gamble' Hartside say they will not be rushed into a bid for Ed Dalton."
    assert ["Hartside"] in _sources(nlp, text)


def test_a_first_sentence_with_no_headline_keeps_its_source(nlp: Language) -> None:
    text = "The council said on Monday it would build the bridge next year."
    assert _sources(nlp, text) == [["The council"]]


def test_a_name_after_an_inverted_cue_is_the_source_whatever_its_tag(nlp: Language) -> None:
    text = 'The home side led early. "It feels a little bit like a defeat," admitted Keely. "We were winning."'
    assert _sources(nlp, text)[0] == ["Keely"]


def test_a_named_appositive_in_a_fronted_phrase_is_the_subject_the_parse_missed(nlp: Language) -> None:
    text = (
        "The reshuffle angered rivals. In response to Dr Gibb's comments, Ian Wyn Jones, leader of the Harbour "
        'group in the assembly, said: "It is apparent that this reshuffle was rushed."'
    )
    assert _sources(nlp, text) == [["Ian Wyn Jones"]]


def test_an_article_and_an_adjective_that_stands_for_a_noun_are_a_subject(nlp: Language) -> None:
    text = "The sprinter missed a test last year. The 31-year-old insisted he will be happy if he is charged."
    assert _sources(nlp, text)[-1] == ["The 31-year-old"]


def test_a_name_between_an_inverted_cue_and_a_comma_is_the_source(nlp: Language) -> None:
    text = (
        'Some farmers doubt the plan. "People who do not farm will take the subsidy," said Ola Dorrow, a maize '
        "farmer from Tarn told reporters."
    )
    assert _sources(nlp, text)[0] == ["Ola Dorrow"]


def test_an_adverb_that_opens_the_clause_is_not_part_of_the_verb_group(blank_nlp: Language) -> None:
    # 'Earlier, Ames - keen - had said it.', with 'Earlier' an adverb of 'said' and no subject
    doc = hand_parse(
        blank_nlp,
        [
            ("Earlier", False, 7, "advmod", "ADV", "RBR", "earlier"),
            (",", True, 7, "punct", "PUNCT", ",", ","),
            ("Ames", True, 4, "npadvmod", "PROPN", "NNP", "Ames"),
            ("-", True, 4, "punct", "PUNCT", "HYPH", "-"),
            ("keen", True, 1, "prep", "ADJ", "JJ", "keen"),
            ("-", True, 7, "punct", "PUNCT", ",", "-"),
            ("had", True, 7, "aux", "AUX", "VBD", "have"),
            ("said", True, 7, "ROOT", "VERB", "VBN", "say"),
            ("it", False, 7, "dobj", "PRON", "PRP", "it"),
            (".", False, 7, "punct", "PUNCT", ".", "."),
        ],
    )
    subject = subject_the_parse_missed(doc[7])
    assert subject is not None and subject.text == "Ames"

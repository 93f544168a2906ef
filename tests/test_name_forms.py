"""The words of an organisation's name (speakers/names.py): cut where NER stopped short, kept whole."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Span

from saidwhat.speakers.names import clean_name


def test_a_name_that_ends_in_of_the_takes_the_capitalised_words_after_it(nlp: Language) -> None:
    doc = nlp("Prices fell, according to figures from the Office of the Deputy Harbour Master on Monday.")
    span = Span(doc, 8, 11, label="ORG")  # NER stopped at 'the'
    assert span.text == "Office of the"
    assert clean_name(span, person=False) == "Office of the Deputy Harbour Master"


def test_a_name_that_ends_in_and_takes_the_capitalised_word_after_it(nlp: Language) -> None:
    doc = nlp("The Organisation for Rural Trade and Development said growth would slow.")
    span = Span(doc, 1, 6, label="ORG")
    assert span.text == "Organisation for Rural Trade and"
    assert clean_name(span, person=False) == "Organisation for Rural Trade and Development"


def test_a_trailing_small_word_with_nothing_capitalised_after_goes(nlp: Language) -> None:
    doc = nlp("Vellmart and its rivals said prices would rise.")
    assert clean_name(Span(doc, 0, 2, label="ORG"), person=False) == "Vellmart"


def test_a_plurals_possessive_inside_a_bodys_name_stays(nlp: Language) -> None:
    doc = nlp("The Professional Curlers' Association said the club had failed in its duty of care.")
    span = Span(doc, 1, 5, label="ORG")
    assert span.text == "Professional Curlers' Association"
    assert clean_name(span, person=False) == "Professional Curlers' Association"


def test_a_persons_possessive_ends_the_name(nlp: Language) -> None:
    doc = nlp("Mr Halvorsen's lawyers said he would appeal.")
    assert clean_name(Span(doc, 0, 3, label="PERSON")) == "Halvorsen"


def test_a_peers_title_that_ner_left_out_stays_before_the_surname(nlp: Language) -> None:
    doc = nlp("The Lord Chancellor, Lord Ashgrove, said he would choose the judge himself.")
    assert clean_name(Span(doc, 5, 6, label="PERSON")) == "Lord Ashgrove"


def test_a_title_word_after_lord_is_no_peers_surname(nlp: Language) -> None:
    doc = nlp("The Lord Chancellor said he would choose the judge himself.")
    assert clean_name(Span(doc, 2, 3, label="PERSON")) != "Lord Chancellor"


def test_a_nationality_before_a_persons_full_name_is_no_word_of_it(nlp: Language) -> None:
    doc = nlp("He lost to fellow German Hans Mottler on Monday.")
    assert clean_name(Span(doc, 4, 7, label="PERSON")) == "Hans Mottler"


def test_a_three_word_name_that_opens_with_a_first_name_stays_whole(nlp: Language) -> None:
    doc = nlp("Mary Ann Tolley said the vote was lost.")
    assert clean_name(Span(doc, 0, 3, label="PERSON")) == "Mary Ann Tolley"

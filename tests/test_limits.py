"""Bounds on the work of one document: a costly text ends in a recorded error; punctuation runs tokenize fast."""

from __future__ import annotations

import pytest
from spacy.language import Language

from saidwhat import ConfigError, extract, load_settings
from saidwhat.limits import GuardedTokenizer, work_limit_error
from saidwhat.settings import DEFAULT_SETTINGS


def test_work_limit_error_passes_ordinary_text() -> None:
    assert work_limit_error('"We open on Monday," the owner said. "Come early."\n', DEFAULT_SETTINGS) is None


def test_work_limit_error_names_too_many_quote_marks() -> None:
    settings = DEFAULT_SETTINGS.replace(max_quote_marks=3)
    reason = work_limit_error('"a" "b" said Jo.', settings)
    assert reason is not None and reason.startswith("4 quotation marks in the 100000 characters from offset 0")


def test_work_limit_error_does_not_count_apostrophes() -> None:
    assert work_limit_error("It's Jo's and Sam’s turn.", DEFAULT_SETTINGS.replace(max_quote_marks=1)) is None


def test_work_limit_error_names_a_stretch_without_sentence_end() -> None:
    text = "Short one. " + "word " * 30
    reason = work_limit_error(text, DEFAULT_SETTINGS.replace(max_sentence_chars=100))
    assert reason is not None and "from offset 10" in reason and "max_sentence_chars" in reason


def test_limits_must_be_positive() -> None:
    with pytest.raises(ConfigError, match="max_quote_marks"):
        load_settings(overrides={"max_quote_marks": 0})


@pytest.mark.parametrize(
    "text", ['"' * 40, 'He said ' + "!" * 20 + " and left.", "  " + "“”" * 30 + "\n\u2028x", ")" * 16 + "a" + "?" * 17]
)
def test_guarded_tokenizer_keeps_the_text(blank_nlp: Language, text: str) -> None:
    doc = GuardedTokenizer(blank_nlp.tokenizer)(text)
    assert doc.text == text


def test_guarded_tokenizer_cuts_a_punctuation_run_into_characters(blank_nlp: Language) -> None:
    doc = GuardedTokenizer(blank_nlp.tokenizer)("x " + "!" * 20)
    assert [token.text for token in doc] == ["x", *"!" * 20]


def test_guarded_tokenizer_leaves_ordinary_text_to_spacy(blank_nlp: Language) -> None:
    text = 'She said: "It\'s fine -- really!"'
    guarded = GuardedTokenizer(blank_nlp.tokenizer)(text)
    assert [t.text for t in guarded] == [t.text for t in blank_nlp.tokenizer(text)]


@pytest.mark.model
def test_extract_records_a_text_over_the_limits_as_an_error(nlp: Language) -> None:
    article = extract('"' * 12_000, nlp=nlp)
    assert article.quotes == () and len(article.errors) == 1 and "max_quote_marks" in article.errors[0]


@pytest.mark.model
def test_extract_lists_at_most_fifty_notes_and_counts_the_rest(nlp: Language) -> None:
    from saidwhat.pipeline import MAX_NOTES

    article = extract("x " + '"' * 200, nlp=nlp)
    assert len(article.errors) == MAX_NOTES + 1
    assert article.errors[-1].endswith("more notes like these left out")


@pytest.mark.model
def test_extract_survives_a_subject_of_nothing_but_marks_at_the_end(nlp: Language) -> None:
    # found by tests/test_fuzz.py: the parse made the trailing marks the subject of 'said'
    text = '" word said Kit" &quot; › » ‹ ‛'
    article = extract(text, nlp=nlp)
    assert all(text[s.start : s.end] == s.text for quote in article.quotes for s in quote.contents)

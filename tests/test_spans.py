"""Token and character bounds (extraction/spans.py), on hand-built Docs."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from saidwhat.extraction.spans import char_bounds, trim_punct


def test_trim_punct_drops_punctuation_and_space_at_either_end(blank_nlp: Language) -> None:
    doc = Doc(blank_nlp.vocab, words=[",", "Lee", "said", ".", "\n"], spaces=[True, True, False, False, False])
    assert trim_punct(doc, 0, len(doc)) == (1, 3)


def test_trim_punct_keeps_a_closing_bracket_whose_opening_one_is_in_the_span(blank_nlp: Language) -> None:
    doc = Doc(
        blank_nlp.vocab, words=["Sen.", "Lee", "(", "D-Ore.", ")", ","], spaces=[True, True, False, False, False, False]
    )
    assert trim_punct(doc, 0, len(doc)) == (0, 5)


def test_char_bounds_are_the_offsets_of_the_first_and_last_token(blank_nlp: Language) -> None:
    doc = Doc(blank_nlp.vocab, words=["Kit", "Connor", "said"])
    assert doc.text[slice(*char_bounds(doc, 0, 2))] == "Kit Connor"

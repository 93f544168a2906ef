"""Paragraphs, pieces and sentence ends of a text, with character offsets kept."""

from __future__ import annotations

import pytest
from spacy.language import Language

from saidwhat.segment import (
    INNER_SENTENCE_BREAK,
    Paragraph,
    find_paragraphs,
    has_sentence_end,
    rough_sentence_bounds,
    split_into_chunks,
)


def test_find_paragraphs_trims_lines_and_skips_blank_ones() -> None:
    text = "  Headline \n\n First paragraph.\r\n\t\nSecond."
    assert [text[p.start : p.end] for p in find_paragraphs(text)] == ["Headline", "First paragraph.", "Second."]


def test_find_paragraphs_numbers_them_in_order() -> None:
    assert [p.index for p in find_paragraphs("a\n\nb\nc")] == [0, 1, 2]


@pytest.mark.parametrize("text", ["", "\n", "  \n\t\n "])
def test_find_paragraphs_of_blank_text_is_empty(text: str) -> None:
    assert find_paragraphs(text) == []


def test_find_paragraphs_keeps_offsets() -> None:
    assert find_paragraphs("One.\nTwo.") == [Paragraph(0, 0, 4), Paragraph(1, 5, 9)]


def test_split_into_chunks_short_text_is_one_piece() -> None:
    assert split_into_chunks("Short text.", 1000) == [(0, 11)]


def test_split_into_chunks_cuts_after_a_line_break() -> None:
    text = ("A paragraph of narration here.\n" * 100).strip()
    pieces = split_into_chunks(text, 1000)
    assert all(text[end - 1] == "\n" for _, end in pieces[:-1])
    assert "".join(text[start:end] for start, end in pieces) == text


def test_split_into_chunks_cuts_after_a_full_stop_without_line_breaks() -> None:
    text = "One sentence of narration. " * 100
    pieces = split_into_chunks(text, 1000)
    assert all(text[end - 1] == "." for _, end in pieces[:-1])
    assert all(end - start <= 1000 for start, end in pieces)


def test_split_into_chunks_cuts_a_text_without_breaks_at_the_limit() -> None:
    text = "x" * 2500
    assert split_into_chunks(text, 1000) == [(0, 1000), (1000, 2000), (2000, 2500)]


def _bounds_text(nlp: Language, text: str) -> list[str]:
    doc = nlp.make_doc(text)
    return [doc[start:end].text_with_ws for start, end in rough_sentence_bounds(doc)]


def test_rough_sentence_bounds_cut_at_full_stops_and_line_breaks(blank_nlp: Language) -> None:
    text = 'Mr. Lee spoke first. "It works." she said!\nNext line'
    assert _bounds_text(blank_nlp, text) == ["Mr. Lee spoke first. ", '"It works." ', "she said!\n", "Next line"]


def test_rough_sentence_bounds_keep_a_closing_mark_with_its_sentence(blank_nlp: Language) -> None:
    assert _bounds_text(blank_nlp, 'He said "no." Then he left.') == ['He said "no." ', "Then he left."]


@pytest.mark.parametrize("text", [" The mayor left. ", "it rained! ", 'ends here." ', "the end."])
def test_has_sentence_end_at_a_stop_before_space_or_the_end(text: str) -> None:
    assert has_sentence_end(text)


@pytest.mark.parametrize("text", [", said Rep. ", " (D-Ore.) ", ", Jon B. Tarrow ", " the U.S. ", ", told "])
def test_has_sentence_end_not_after_an_abbreviation_or_initial(text: str) -> None:
    assert not has_sentence_end(text)


def test_inner_sentence_break_needs_a_capital_after_the_stop() -> None:
    assert INNER_SENTENCE_BREAK.search("it works. It lasts")
    assert not INNER_SENTENCE_BREAK.search("it works. it lasts")

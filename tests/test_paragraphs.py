"""The saidwhat_paragraphs component: sentences start after every line break, closing marks stay behind."""

from __future__ import annotations

import spacy
from spacy.language import Language

from saidwhat.paragraphs import find_sentence_starts, mark_paragraph_breaks


def _starts(nlp: Language, text: str) -> list[str]:
    doc = mark_paragraph_breaks(nlp.make_doc(text))
    return [token.text for token in doc if token.is_sent_start]


def test_mark_paragraph_breaks_starts_a_sentence_after_each_line_break(blank_nlp: Language) -> None:
    text = 'Star says show is "the best"\nThe star is back.\n\nShe said so.'
    assert _starts(blank_nlp, text) == ["Star", "The", "She"]


def test_mark_paragraph_breaks_keeps_a_closing_mark_with_its_sentence(blank_nlp: Language) -> None:
    doc = mark_paragraph_breaks(blank_nlp.make_doc('He said: "It never stops."\nNext.'))
    closing = [token for token in doc if token.text == '"'][-1]
    assert closing.is_sent_start is False


def test_mark_paragraph_breaks_text_without_breaks_is_left_alone(blank_nlp: Language) -> None:
    doc = mark_paragraph_breaks(blank_nlp.make_doc("One line only."))
    assert [token.is_sent_start for token in doc][1:] == [None, None, None]


def test_find_sentence_starts_skips_blank_lines_and_carriage_returns(blank_nlp: Language) -> None:
    doc = blank_nlp.make_doc("First.\r\n\r\n  Second.")
    assert {doc[i].text: value for i, value in find_sentence_starts(doc).items()} == {"Second": True}


def test_mark_paragraph_breaks_leaves_a_parsed_doc_alone(blank_nlp: Language) -> None:
    words, heads, deps = ["Hi", "\n", "there"], [0, 0, 0], ["ROOT", "dep", "dep"]
    doc = spacy.tokens.Doc(blank_nlp.vocab, words=words, heads=heads, deps=deps)
    before = [token.is_sent_start for token in doc]
    assert [token.is_sent_start for token in mark_paragraph_breaks(doc)] == before


def test_paragraph_breaks_component_is_registered(blank_nlp: Language) -> None:
    blank_nlp.add_pipe("saidwhat_paragraphs")
    doc = blank_nlp("Headline without stop\nFirst sentence.")
    assert [sent.text.strip() for sent in doc.sents] == ["Headline without stop", "First sentence."]

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


def test_a_wire_dateline_is_set_apart_from_the_sentence_it_opens(blank_nlp: Language) -> None:
    text = "Ferry talks end\nHALDEN, Norway, May 2 (Wire) — Ann Lee said the talks were over.\nOSLO - Bo Rask agreed."
    starts = find_sentence_starts(blank_nlp.make_doc(text))
    doc = blank_nlp.make_doc(text)
    assert [doc[i].text for i, is_start in sorted(starts.items()) if is_start] == ["HALDEN", "Ann", "OSLO", "Bo"]
    assert all(starts.get(token.i) is False for token in doc if token.text in ("Lee", "said", "Rask"))


def test_a_sentence_opening_with_a_capitalised_word_and_a_dash_is_no_dateline(blank_nlp: Language) -> None:
    doc = blank_nlp.make_doc("First.\nThe NHS - and its staff - will cope.")
    assert [doc[i].text for i, is_start in find_sentence_starts(doc).items() if is_start] == ["The"]


def test_the_parser_takes_the_person_after_a_dateline_for_the_subject(nlp: object) -> None:
    from saidwhat import extract

    article = extract("BRANDVIK, Norway (Wire) — Harbour master Ann Lee said the ferry would sail on Monday.")
    [quote] = article.quotes
    assert (quote.contents[0].text, [source.text for source in quote.sources]) == (
        "the ferry would sail on Monday",
        ["Ann Lee"],
    )

"""pipeline.py: texts prepared, batched, cut into pieces and turned into records, around a stand-in component.

The stand-in is a blank pipeline whose one component writes what the saidwhat component writes
(doc.user_data["saidwhat"]): each "..." is a direct quote of "Tobias Wren" when the text names him, and each "!" a note.
"""

from __future__ import annotations

import re

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from saidwhat.component import USER_DATA_KEY
from saidwhat.pipeline import MAX_NOTES, extract_many
from saidwhat.read import content_id
from saidwhat.records import Document, Quote, Span, Speaker
from saidwhat.settings import load_settings

SPEAKER = "Tobias Wren"
_QUOTED = re.compile(r'"[^"]*"')


@Language.component("test_pipeline_stand_in")
def _stand_in(doc: Doc) -> Doc:
    text = doc.text
    mentions = [Span(m.start(), m.end(), m.group()) for m in re.finditer(SPEAKER, text)]
    speakers = [Speaker("s1", SPEAKER, "person", tuple(mentions))] if mentions else []
    quotes = [
        Quote(f"q{i}", "direct", (Span(m.start(), m.end(), m.group()),), None, (), "s1" if mentions else None, 0.9)
        for i, m in enumerate(_QUOTED.finditer(text), 1)
    ]
    doc.user_data[USER_DATA_KEY] = {
        "quotes": [quote.to_dict() for quote in quotes],
        "speakers": [speaker.to_dict() for speaker in speakers],
        "errors": (["odd quote count"] if text.count('"') % 2 else []) + ["a bang"] * text.count("!"),
    }
    return doc


@pytest.fixture
def stand_in() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("test_pipeline_stand_in")
    return nlp


def _paragraph(n: int) -> str:
    return (
        f'{SPEAKER} spoke at the depot on day {n}. "We will reopen the line," he said.\n'
        + "The trains ran late.\n" * 30
    )


def test_extract_many_keeps_input_order_across_batches(stand_in: Language) -> None:
    settings = load_settings(overrides={"batch_size": 2})
    texts = [Document(f'"Line {n}," said {SPEAKER}.', f"d{n}") for n in range(5)]
    articles = list(extract_many(texts, nlp=stand_in, settings=settings))
    assert [article.doc_id for article in articles] == ["d0", "d1", "d2", "d3", "d4"]
    assert [article.quotes[0].text for article in articles] == [f'"Line {n},"' for n in range(5)]


def test_extract_many_names_a_text_without_id_by_its_content(stand_in: Language) -> None:
    (article,) = extract_many(["The depot closed."], nlp=stand_in, settings=load_settings())
    assert article.doc_id == content_id("The depot closed.")


def test_extract_many_cuts_an_over_long_text_and_says_so(stand_in: Language) -> None:
    text = "The trains ran late. " * 100
    settings = load_settings(overrides={"max_chars": 1_000})
    (article,) = extract_many([Document(text, "long")], nlp=stand_in, settings=settings)
    assert article.text == text[:1_000]
    assert article.errors == (f"text of {len(text)} characters cut to the first 1000 (max_chars)",)


def test_extract_many_replaces_lone_surrogates_one_for_one(stand_in: Language) -> None:
    text = 'Bad byte \ud800 here. "Fine," said Tobias Wren.'
    (article,) = extract_many([Document(text, "s")], nlp=stand_in, settings=load_settings())
    assert article.text == text.replace("\ud800", "\ufffd")
    assert "1 lone surrogate character(s) replaced by U+FFFD" in article.errors
    assert article.quotes[0].text == '"Fine,"'


def test_extract_many_skips_a_blank_text_without_parsing(stand_in: Language) -> None:
    (article,) = extract_many([Document("  \n ", "blank")], nlp=stand_in, settings=load_settings())
    assert (article.quotes, article.speakers, article.errors) == ((), (), ())


def test_extract_many_refuses_a_text_over_the_work_limits(stand_in: Language) -> None:
    settings = load_settings(overrides={"max_quote_marks": 2})
    (article,) = extract_many([Document('"a" "b" "c"', "marks")], nlp=stand_in, settings=settings)
    assert article.quotes == ()
    assert len(article.errors) == 1 and "max_quote_marks (2)" in article.errors[0]


def test_extract_many_caps_the_notes_of_one_text(stand_in: Language) -> None:
    (article,) = extract_many([Document("Stop!" * (MAX_NOTES + 10), "bangs")], nlp=stand_in, settings=load_settings())
    assert article.errors == ("a bang",) * MAX_NOTES + ("10 more notes like these left out",)


def test_extract_many_parses_a_long_text_in_pieces_and_merges_speakers(stand_in: Language) -> None:
    text = _paragraph(1) + _paragraph(2)
    settings = load_settings(overrides={"chunk_chars": 1_000})
    assert len(text) > 1_000
    (article,) = extract_many([Document(text, "pieces")], nlp=stand_in, settings=settings)
    assert [quote.id for quote in article.quotes] == ["q1", "q2"]
    assert [speaker.name for speaker in article.speakers] == [SPEAKER]
    speaker = article.speakers[0]
    assert len(speaker.mentions) == 2
    assert all(text[span.start : span.end] == span.text for span in speaker.mentions)
    for quote in article.quotes:
        assert quote.speaker == speaker.id
        assert text[quote.start : quote.end] == quote.text


def test_extract_many_notes_which_piece_an_error_came_from(stand_in: Language) -> None:
    text = _paragraph(1) + 'An odd " mark.\n' + _paragraph(2)
    settings = load_settings(overrides={"chunk_chars": 1_000})
    (article,) = extract_many([Document(text, "odd")], nlp=stand_in, settings=settings)
    assert any(note.startswith("odd quote count (in the piece from offset ") for note in article.errors)

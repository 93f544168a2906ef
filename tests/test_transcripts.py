"""Lines that open with who speaks: transcripts and 'Name: words' headlines."""

from __future__ import annotations

import pytest
from spacy.language import Language

from saidwhat import Article, extract

pytestmark = pytest.mark.model

INTERVIEW = (
    "Harbour plan: Mayor Rita Okoye spoke to Sam Verne of Coast Radio on Sunday.\n\n"
    "Part of the interview follows:\n\n"
    '"VERNE: Let us start with the harbour. Why close it now?\n\n'
    '"OKOYE: Because the sea wall is failing. We cannot wait another winter.\n\n'
    '"(CROSSTALK.)\n\n'
    '"VERNE: Will the fishing boats have somewhere to go?'
)


def lines(article: Article) -> list[tuple[str, str | None, str, str | None]]:
    """(source, cue, content, speaker) of every quote."""
    found = []
    for quote in article.quotes:
        speaker = article.speaker_of(quote)
        source = quote.sources[0].text if quote.sources else ""
        cue = quote.cue.text if quote.cue else None
        found.append((source, cue, quote.contents[0].text, speaker.name if speaker else None))
    return found


def test_transcript_turns_are_quotes_of_their_speakers(nlp: Language) -> None:
    assert lines(extract(INTERVIEW, nlp=nlp)) == [
        ("VERNE", ":", "Let us start with the harbour. Why close it now?", "Sam Verne"),
        ("OKOYE", ":", "Because the sea wall is failing. We cannot wait another winter", "Rita Okoye"),
        ("VERNE", ":", "Will the fishing boats have somewhere to go?", "Sam Verne"),
    ]


def test_headline_with_a_named_speaker_is_a_quote(nlp: Language) -> None:
    text = "Okoye: Harbour Must Close Before Winter.\n\nMayor Rita Okoye announced the closure on Sunday."
    assert lines(extract(text, nlp=nlp))[0] == ("Okoye", ":", "Harbour Must Close Before Winter", "Rita Okoye")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("UPDATE: The harbour reopened on Monday after repairs.", id="update-note"),
        pytest.param("BOOM: The harbour reopened on Monday after repairs.", id="a-shout"),
        pytest.param("Partial transcript as follows: the harbour reopened.", id="lower-case-words"),
        pytest.param("Rita Okoye: 547.\nSam Verne: 212.", id="a-tally"),
        pytest.param("A: Yes, on Monday after repairs.\nB: No.", id="an-answer-with-no-question"),
    ],
)
def test_lines_that_name_no_speaker_are_left_alone(nlp: Language, text: str) -> None:
    assert [quote.cue.text if quote.cue else None for quote in extract(text, nlp=nlp).quotes].count(":") == 0


def test_answers_of_a_question_and_answer_interview_are_quotes_and_questions_are_not(nlp: Language) -> None:
    text = (
        "Mayor Rita Okoye spoke to us about the harbour.\n\nQ: Will it reopen?\n\n"
        "A: Yes, on Monday after repairs.\n\nQ. And the boats?\n\nA. They will be back by June."
    )
    assert [(cue, content, speaker) for _, cue, content, speaker in lines(extract(text, nlp=nlp))] == [
        (":", "Yes, on Monday after repairs", "Rita Okoye"),
        (".", "They will be back by June", "Rita Okoye"),
    ]


def test_the_answers_are_the_words_of_the_person_the_interview_is_about(nlp: Language) -> None:
    text = (
        "Sam Verne met the singer Ana Pell in Leeds. Pell has a new album out.\n\n"
        "Q: Why now?\n\nA: Because the songs were ready.\n\nPell tours in May."
    )
    assert [speaker for *_, speaker in lines(extract(text, nlp=nlp))] == ["Ana Pell"]


def test_an_embedded_post_is_a_quote_of_the_author_its_sign_off_names(nlp: Language) -> None:
    text = (
        "The harbour reopened on Monday.\n\n"
        "The ferry is back! See you all on board pic.twitter.com/ab12Cd — Rita Okoye (@ritaokoye) May 4, 2026\n\n"
        "Boats began running at noon."
    )
    assert lines(extract(text, nlp=nlp)) == [
        ("Rita Okoye", "—", "The ferry is back! See you all on board", "Rita Okoye")
    ]


def test_a_dash_and_a_name_without_a_handle_and_date_is_no_post(nlp: Language) -> None:
    text = "The harbour reopened on Monday — Rita Okoye (mayor) was there.\n\nBoats began running at noon."
    assert [quote.cue.text if quote.cue else None for quote in extract(text, nlp=nlp).quotes].count("—") == 0

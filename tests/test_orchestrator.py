"""One parsed document through stages 3 to 5 (extraction/orchestrator.py), on hand-built parses."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from spacy.language import Language
from spacy.tokens import Doc

from saidwhat import extract
from saidwhat.extraction.conventions import POLNEAR, SAIDWHAT
from saidwhat.extraction.cues import CUES_KEY, found_cues
from saidwhat.extraction.docfacts import FACTS_KEY, doc_facts
from saidwhat.extraction.orchestrator import (
    analyse_doc,
    build_speakers,
    find_candidate_quotes,
    find_draft_quotes,
    forget_kept_state,
)
from saidwhat.speakers.entities import Entity
from tests.parses import connor_said, lee_said_that


def _contents(doc: Doc, conventions: object = SAIDWHAT) -> list[str]:
    drafts, _ = find_draft_quotes(doc, conventions=SAIDWHAT if conventions is SAIDWHAT else POLNEAR)
    return [doc.text[start:end] for draft in drafts for start, end in draft.contents]


def test_find_draft_quotes_draws_the_spans_of_the_conventions_asked_for(blank_nlp: Language) -> None:
    doc = lee_said_that(blank_nlp)
    assert _contents(doc, SAIDWHAT) == ["the pier would reopen"]
    assert _contents(doc, POLNEAR) == ["that the pier would reopen"]


def test_find_candidate_quotes_keeps_the_cues_on_the_doc_for_the_passes(blank_nlp: Language) -> None:
    doc = lee_said_that(blank_nlp)
    _, _, cues = find_candidate_quotes(doc)
    assert list(found_cues(doc).cues) == cues and [cue.token for cue in cues] == [1]


def test_forget_kept_state_takes_the_facts_and_the_cues_off_the_doc(blank_nlp: Language) -> None:
    doc = lee_said_that(blank_nlp)
    find_candidate_quotes(doc)
    assert FACTS_KEY in doc.user_data and CUES_KEY in doc.user_data
    forget_kept_state(doc)
    assert FACTS_KEY not in doc.user_data and CUES_KEY not in doc.user_data


def test_analyse_doc_takes_what_it_kept_off_the_doc_so_that_it_serialises(blank_nlp: Language) -> None:
    doc = connor_said(blank_nlp)
    analysis = analyse_doc(doc)
    assert [(q.sources[0].text, q.contents[0].text) for q in analysis.quotes] == [("Kit Connor", "it was fine")]
    assert FACTS_KEY not in doc.user_data and CUES_KEY not in doc.user_data
    assert Doc(blank_nlp.vocab).from_bytes(doc.to_bytes()).text == doc.text


def test_the_facts_of_one_doc_stay_when_another_doc_is_asked_about(blank_nlp: Language) -> None:
    first, second = connor_said(blank_nlp), lee_said_that(blank_nlp)
    facts = doc_facts(first)
    assert doc_facts(second) is not facts
    assert doc_facts(first) is facts


def test_documents_analysed_in_threads_get_what_they_get_one_by_one(blank_nlp: Language) -> None:
    makers = [connor_said, lee_said_that] * 8
    alone = [analyse_doc(make(blank_nlp)) for make in makers]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(lambda make: analyse_doc(make(blank_nlp)), makers))
    assert together == alone


def _reports(text: str) -> list[tuple[str, str]]:
    return [(quote.cue.text if quote.cue else "", quote.contents[0].text) for quote in extract(text).quotes]


def test_a_report_inside_a_glued_headlines_verb_stays_when_the_headline_goes() -> None:
    text = (
        "Mill town plans new bridge Tarnby council will close the old bridge next spring, according to local reports."
    )
    assert _reports(text) == [("according to", "Tarnby council will close the old bridge next spring")]


def test_a_report_inside_what_the_quote_decision_drops_stays() -> None:
    # 'had decided' reports no words; the wardens' report inside its content does
    text = "He had decided to support the plans as the wardens said they would help fight theft, fraud and "
    text += "illegal parking."
    assert _reports(text) == [("said", "they would help fight theft, fraud and illegal parking")]


def test_a_speakers_descriptions_are_shown_on_one_line_each_once() -> None:
    text = "Ann Lee, the union's leader, spoke."
    lee = Entity(["Ann Lee"], "person", mentions=[(0, 7)], descriptions=["union's\nleader", "union's leader ", " "])
    [speaker], _ = build_speakers(text, [lee])
    assert speaker.descriptions == ("union's leader",)

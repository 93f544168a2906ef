"""Quoted words in a headline glued to the body (headline.take_headline_fragments): each a partial quote."""

from __future__ import annotations

import dataclasses

import saidwhat
from saidwhat.extraction.conventions import SAIDWHAT
from saidwhat.extraction.deciders import load_deciders
from saidwhat.extraction.headline import take_headline_fragments
from saidwhat.extraction.marks import find_quoted_runs
from saidwhat.extraction.orchestrator import find_draft_quotes, forget_kept_state

WITH_FRAGMENTS = dataclasses.replace(SAIDWHAT, passes=(*SAIDWHAT.passes, take_headline_fragments))


def quotes(text: str) -> list[tuple[str, str]]:
    doc = saidwhat.load_nlp()(text)
    drafts, _ = find_draft_quotes(doc, deciders=load_deciders(use_model=True), conventions=WITH_FRAGMENTS)
    forget_kept_state(doc)
    return [(draft.type, " | ".join(text[start:end] for start, end in draft.contents)) for draft in drafts]


def test_quoted_words_in_a_glued_headline_are_a_partial_quote() -> None:
    text = "Ferry firm 'to raise' fares The Tarnby ferry will cost more from June, the operator has said."
    assert ("partial", "'to raise'") in quotes(text)


def test_a_clause_trimmed_to_the_body_is_indirect() -> None:
    text = "Ferry firm 'to raise' fares The Tarnby ferry will cost more from June, the operator has said."
    assert [(q.type, q.contents[0].text) for q in saidwhat.extract(text).quotes] == [
        ("indirect", "The Tarnby ferry will cost more from June")
    ]


def test_quoted_words_after_a_preposition_name_a_topic() -> None:
    text = "Town debate over 'loud' music The Eastbury council will vote on a noise rule, its leader has said."
    assert all("loud" not in content for _, content in quotes(text))


def test_quoted_words_in_a_headline_line_of_its_own_are_left_to_the_run_decision() -> None:
    text = "Ferry firm 'to raise' fares\n\nThe Tarnby ferry will cost more from June, the operator has said."
    assert ("indirect", "The Tarnby ferry will cost more from June") in quotes(text)


def test_a_quoted_word_that_starts_like_an_elision_opens_a_quotation() -> None:
    text = "Mayor attacked river 'embankment' plan"
    assert [text[run.start : run.end] for run in find_quoted_runs(text)[0]] == ["'embankment'"]


def test_an_elision_on_its_own_is_an_apostrophe() -> None:
    text = "Go and get 'em, she told the 'home' side."
    assert [text[run.start : run.end] for run in find_quoted_runs(text)[0]] == ["'home'"]

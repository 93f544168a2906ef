"""Verbs whose object is what was said (lexicon.TOPIC_VERBS): the noun phrase is an indirect quote."""

from __future__ import annotations

import pytest

import saidwhat
from saidwhat.extraction.deciders import load_deciders
from saidwhat.extraction.orchestrator import find_candidate_quotes, forget_kept_state


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Mayor Dana Holt cited the cost of the new bridge as the main reason.", "the cost of the new bridge"),
        ("Ferry boss Nils Arne has firmly declared his innocence.", "his innocence"),
    ],
)
def test_the_object_of_a_topic_verb_is_reported(text: str, content: str) -> None:
    found = [quote.contents[0].text for quote in saidwhat.extract(text).quotes]
    assert any(content in text_found for text_found in found), found


def test_a_requested_object_is_found_before_the_quote_decision() -> None:
    text = "The Eastbury council has requested more time to study the plan."
    doc = saidwhat.load_nlp()(text)
    drafts, _, _ = find_candidate_quotes(doc, deciders=load_deciders(use_model=True))
    forget_kept_state(doc)
    assert [text[start:end] for draft in drafts for start, end in draft.contents] == ["more time to study the plan"]

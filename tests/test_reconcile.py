"""Stage 4e: marked quotes settled against reported clauses, and continuations (extraction/reconcile.py).

The drafts are built by hand: reconcile reads offsets only.
"""

from __future__ import annotations

from spacy.language import Language

from saidwhat.extraction.drafts import DraftQuote
from saidwhat.extraction.reconcile import drop_nested, link_continuations, reconcile

MIXED = 'Lee told them that "nobody complains" about the bridge.'


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def _clause_and_quote(text: str) -> tuple[DraftQuote, DraftQuote]:
    clause = DraftQuote("indirect", [_span(text, 'that "nobody complains" about the bridge')], cue=(4, 8), cue_token=1)
    quote = DraftQuote("partial", [_span(text, '"nobody complains"')])
    return clause, quote


def test_reconcile_a_quote_inside_a_longer_clause_is_one_mixed_quote() -> None:
    clause, quote = _clause_and_quote(MIXED)
    (mixed,) = reconcile(MIXED, [quote], [clause])
    assert mixed is clause and mixed.type == "mixed"
    assert mixed.contents == [_span(MIXED, 'that "nobody complains" about the bridge')]


def test_reconcile_a_clause_of_belief_leaves_the_quoted_words_a_partial_quote_with_its_cue() -> None:
    clause, quote = _clause_and_quote(MIXED)
    (partial,) = reconcile(MIXED, [quote], [clause], belief_cues=frozenset({1}))
    assert partial is quote and partial.type == "partial" and partial.cue == (4, 8)


def test_reconcile_a_clause_inside_a_direct_quote_gives_the_quote_its_cue() -> None:
    text = '"I do not know why," he said.'
    quote = DraftQuote("direct", [_span(text, '"I do not know why,"')])
    clause = DraftQuote("indirect", [_span(text, "why")], cue=_span(text, "said"), cue_token=7)
    (direct,) = reconcile(text, [quote], [clause])
    assert direct is quote and direct.cue == _span(text, "said")


def test_drop_nested_leaves_out_a_clause_inside_another_ones_content_unless_its_cue_is_nested() -> None:
    outer = DraftQuote("indirect", [(10, 40)], cue=(4, 8), cue_token=1)
    inner = DraftQuote("indirect", [(25, 40)], cue=(15, 20), cue_token=3)
    assert drop_nested([outer, inner]) == [outer]
    assert drop_nested([outer, inner], nested_cues=frozenset({3})) == [outer, inner]


def test_link_continuations_a_direct_quote_without_attribution_takes_the_speaker_before(
    blank_nlp: Language,
) -> None:
    text = '"We won," Lee said. "It was hard."'
    blank_nlp.add_pipe("sentencizer")
    doc = blank_nlp(text)
    first = DraftQuote("direct", [_span(text, '"We won,"')], cue=_span(text, "said"), sources=[_span(text, "Lee")])
    second = DraftQuote("direct", [_span(text, '"It was hard."')])
    assert link_continuations(doc, [first, second]) == [first, second]
    assert second.inherits and not first.inherits

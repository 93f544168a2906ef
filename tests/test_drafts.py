"""DraftQuote: the working record between the extraction stages, offsets only."""

from __future__ import annotations

from saidwhat.extraction.drafts import DraftQuote


def test_a_draft_of_two_spans_starts_at_the_first_and_ends_at_the_last() -> None:
    draft = DraftQuote("direct", [(10, 20), (35, 50)])

    assert (draft.start, draft.end) == (10, 50)


def test_a_draft_covers_the_characters_of_its_spans_but_not_the_gap_between_them() -> None:
    draft = DraftQuote("direct", [(10, 20), (35, 50)])

    assert draft.covers(10) and draft.covers(49)
    assert not draft.covers(20) and not draft.covers(25) and not draft.covers(50)


def test_a_new_draft_has_no_cue_or_source_and_does_not_inherit_a_speaker() -> None:
    draft = DraftQuote("indirect", [(0, 5)])

    assert (draft.cue, draft.sources, draft.inherits) == (None, [], False)
    assert (draft.cue_token, draft.source_token) == (None, None)

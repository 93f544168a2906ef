"""saidwhat.annotations: fragments normalised and clipped the same way for gold, predictions and training."""

from __future__ import annotations

from saidwhat.annotations import clip_fragments, normalise

TEXT = '"We are ready," Tom Vey told reporters.'


def test_normalise_strips_marks_and_punctuation_at_both_ends() -> None:
    assert normalise(TEXT, [(0, 15)]) == ((1, 13),)
    assert TEXT[1:13] == "We are ready"


def test_normalise_keeps_a_colon_only_cue() -> None:
    assert normalise("Ann: yes", [(3, 4)]) == ((3, 4),)


def test_normalise_merges_fragments_separated_only_by_marks() -> None:
    text = '"Yes," "no"'
    assert normalise(text, [(0, 6), (7, 11)]) == ((1, 10),)


def test_clip_fragments_cuts_to_the_text_sorts_and_notes_what_was_outside() -> None:
    notes: list[str] = []
    assert clip_fragments([(5, 8), (-2, 3), (9, 40), (4, 4)], 20, "d1.ann", notes) == ((0, 3), (5, 8), (9, 20))
    assert notes == [
        "d1.ann: span -2-3 is outside the text (length 20), clipped",
        "d1.ann: span 9-40 is outside the text (length 20), clipped",
    ]

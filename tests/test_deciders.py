"""The deciders: hand-written rules, or the shipped learned model (extraction/deciders.py)."""

from __future__ import annotations

import pytest

from saidwhat.extraction.deciders import RULES, learned_cue_lemmas, load_deciders, load_model
from saidwhat.extraction.lexicon import SPEECH_VERBS


def test_load_deciders_without_the_model_are_the_rules() -> None:
    assert load_deciders(use_model=False) is RULES
    assert RULES.choose_content is None and RULES.quote_model is None


def test_the_learned_deciders_look_for_cues_at_every_speech_verb_and_more() -> None:
    model = load_model()
    if model is None:
        pytest.skip("no shipped model")
    lemmas = learned_cue_lemmas(model)
    assert lemmas > SPEECH_VERBS
    deciders = load_deciders(use_model=True)
    assert deciders.cue_lemmas == lemmas and deciders.choose_content is not None

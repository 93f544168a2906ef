"""The learned attribution model shipped in the package (see `saidwhat train`)."""

from __future__ import annotations

from .cues import CueScorer, rule_cue_score


def load_cue_scorer(path: str | None = None) -> CueScorer:
    """The cue scorer learned from PolNeAR train, or the rules when no model is shipped yet."""
    return rule_cue_score

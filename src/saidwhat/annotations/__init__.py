"""Annotated quotes as character fragments: the records that gold sets and predictions are reduced to,
and the brat reader. Below both `evaluation` (which scores them) and `learn` (which trains on them)."""

from .fragments import Annotations, EvalDoc, EvalQuote, Fragment, GoldSet, clip_fragments, normalise

__all__ = ["Annotations", "EvalDoc", "EvalQuote", "Fragment", "GoldSet", "clip_fragments", "normalise"]

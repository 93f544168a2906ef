"""Accuracy of quote extraction against gold annotations (`saidwhat evaluate`); see docs/evaluation.md."""

from ..annotations.fragments import EvalDoc, EvalQuote, GoldSet
from .gold import load_gold
from .metrics import Scores, score
from .predictions import Predictions, predict, read_predictions, write_score_format
from .report import headline, render_table
from .run import Evaluation, PredictionOptions, evaluate, settings_for

__all__ = [
    "EvalDoc",
    "EvalQuote",
    "Evaluation",
    "GoldSet",
    "PredictionOptions",
    "Predictions",
    "Scores",
    "evaluate",
    "headline",
    "load_gold",
    "predict",
    "read_predictions",
    "render_table",
    "score",
    "settings_for",
    "write_score_format",
]

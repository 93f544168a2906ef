"""Evaluate: load the gold, get predictions (run saidwhat or read a file), score."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language

from ..annotations.fragments import GoldSet
from ..settings import Settings, load_settings
from .gold import load_gold
from .metrics import non_quote_figures, score
from .predictions import Predictions, predict, read_predictions


@dataclass(frozen=True, slots=True)
class Evaluation:
    """A scored run: the gold set, the predictions, and the figures (`results`, as in docs/evaluation.md)."""

    gold: GoldSet
    predictions: Predictions
    results: dict[str, Any]
    pred_source: str

    @property
    def notes(self) -> tuple[str, ...]:
        return self.gold.notes + self.predictions.notes

    def to_dict(self) -> dict[str, Any]:
        """{"meta": what was scored, "results": the figures per subset}."""
        with_quotes = sum(1 for doc in self.gold.docs if doc.doc_id in self.predictions.by_doc)
        meta = {
            "gold": self.gold.path,
            "gold_kind": self.gold.kind,
            "pred": self.pred_source,
            "n_docs": len(self.gold.docs),
            "n_docs_missing_in_pred": len(self.gold.docs) - with_quotes,
            "n_gold_quotes": sum(len(doc.quotes) for doc in self.gold.docs),
            "n_notes": len(self.notes),
        }
        return {"meta": meta, "results": self.results}


# PolNeAR (brat) annotates '"A," X said. "B."' as one attribution of two fragments; the BBC and
# seed gold, like saidwhat's records by default, list "B." as a quote of its own.
CONVENTIONS_BY_LAYOUT = {"brat": "polnear"}


def settings_for(gold: GoldSet, *, conventions: str | None = None, settings: Settings | None = None) -> Settings:
    """The settings to extract with for this gold: its layout's span conventions unless told otherwise."""
    chosen = conventions or CONVENTIONS_BY_LAYOUT.get(gold.kind, "saidwhat")
    return (settings or load_settings()).replace(conventions=chosen)


@dataclass(frozen=True, slots=True)
class PredictionOptions:
    """Which predictions are scored: those in `pred_path`, else saidwhat's, extracted with `nlp` (whose
    saidwhat component's own settings then apply) or `settings`, in the gold's span conventions unless
    `conventions` ("saidwhat" or "polnear", see `Settings`) says otherwise (`CONVENTIONS_BY_LAYOUT`)."""

    pred_path: Path | None = None
    nlp: Language | None = None
    settings: Settings | None = None
    conventions: str | None = None

    @property
    def source(self) -> str:
        """What the figures call the predictions: the file, or "saidwhat"."""
        return str(self.pred_path) if self.pred_path else "saidwhat"


def predictions_for(gold: GoldSet, options: PredictionOptions) -> Predictions:
    """The predictions to score on the gold's texts, as `options` say."""
    if options.pred_path is not None:
        return read_predictions(options.pred_path, gold.docs)
    settings = settings_for(gold, conventions=options.conventions, settings=options.settings)
    return predict(gold.docs, nlp=options.nlp, settings=settings)


def evaluate(
    gold_path: Path, *, split: str = "dev", limit: int | None = None, options: PredictionOptions | None = None
) -> Evaluation:
    """Score saidwhat (or the predictions in `options.pred_path`) on the gold at `gold_path`.

    Raises:
        InputError: the gold or the predictions cannot be read.
    """
    options = options or PredictionOptions()
    gold = load_gold(gold_path, split=split, limit=limit)
    predictions = predictions_for(gold, options)
    results = score(gold.docs, predictions.by_doc).to_dict()
    if any(doc.non_quotes for doc in gold.docs):
        results["non_quotes"] = non_quote_figures((doc, predictions.by_doc.get(doc.doc_id, ())) for doc in gold.docs)
    return Evaluation(gold, predictions, results, options.source)

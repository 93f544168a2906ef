"""How far annotators agree with each other, and saidwhat with each of them, on texts marked more than once.

An F1 that two trained annotators of the same scheme reach against each other is the ceiling a system can be
expected to approach on that scheme: PolNeAR has 18 such texts (16 of train, 2 of dev, 5 or 6 annotators each).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..annotations.brat import brat_folder, load_brat_annotators
from ..annotations.fragments import Annotations, GoldSet
from ..errors import InputError
from .metrics import score_pairs
from .predictions import Predictions
from .run import PredictionOptions, predictions_for


@dataclass(frozen=True, slots=True)
class AgreementEvaluation:
    """Annotators scored against each other (`agreement`) and the predictions against each annotator."""

    texts: tuple[Annotations, ...]
    predictions: Predictions
    agreement: dict[str, Any]
    results: dict[str, Any]
    gold_path: str
    pred_source: str
    notes: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        meta = {
            "gold": self.gold_path,
            "gold_kind": "brat",
            "pred": self.pred_source,
            "n_texts": len(self.texts),
            "n_annotations": sum(len(versions) for versions in self.texts),
            "n_notes": len(self.notes),
        }
        return {"meta": meta, "agreement": self.agreement, "results": self.results}


def annotator_agreement(texts: tuple[Annotations, ...]) -> dict[str, Any]:
    """Every annotator of a text as gold against every other as predictions, summed over ordered pairs."""
    pairs = ((gold, other.quotes) for versions in texts for gold, other in itertools.permutations(versions, 2))
    return score_pairs(pairs).to_dict()


def against_each_annotator(texts: tuple[Annotations, ...], predictions: Predictions) -> dict[str, Any]:
    """The predictions scored against every annotator of every text, summed."""
    pairs = ((gold, predictions.by_doc.get(gold.doc_id, ())) for versions in texts for gold in versions)
    return score_pairs(pairs).to_dict()


def evaluate_agreement(
    gold_path: Path, *, split: str = "dev", limit: int | None = None, options: PredictionOptions | None = None
) -> AgreementEvaluation:
    """Annotator agreement and saidwhat's (or `options.pred_path`'s) scores on the brat texts marked more than once.

    Raises:
        InputError: the gold is not a brat folder, or no text in it has two .ann files.
    """
    options = options or PredictionOptions()
    folder = brat_folder(gold_path, split)
    if folder is None:
        raise InputError(
            f"gold '{gold_path}': annotator agreement needs a brat folder ({split}/text + {split}/attributions)"
        )
    notes: list[str] = []
    texts = load_brat_annotators(folder, notes, limit=limit)
    if not texts:
        raise InputError(f"{folder / 'attributions'}: no text has .ann files from two annotators to compare")
    firsts = GoldSet("brat", str(folder), tuple(versions[0] for versions in texts))
    predictions = predictions_for(firsts, options)
    return AgreementEvaluation(
        texts,
        predictions,
        annotator_agreement(texts),
        against_each_annotator(texts, predictions),
        str(folder),
        options.source,
        tuple(notes) + predictions.notes,
    )

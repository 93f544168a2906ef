"""The speaker ranker learned from bbc-train-gold: `saidwhat train --speakers` reproduces the shipped model,
and its 5-fold cross-validation (`saidwhat evaluate --folds 5`) stays at or above its floor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from saidwhat.learn.speakers import ParsedDoc, cross_validate, parse_gold, train_speaker_model
from saidwhat.speakers.ranker import shipped_speaker_model

from .conftest import shared_path

pytestmark = [pytest.mark.eval, pytest.mark.shared, pytest.mark.model]

FLOORS = json.loads(Path(__file__).with_name("eval_floors.json").read_text(encoding="utf-8"))["floors"]


@pytest.fixture(scope="module")
def train_docs() -> list[ParsedDoc]:
    return parse_gold(shared_path("data", "bbc-train-gold"))


def test_training_reproduces_the_shipped_speaker_model(train_docs: list[ParsedDoc]) -> None:
    shipped = shipped_speaker_model()
    assert shipped is not None
    trained = train_speaker_model(train_docs)
    assert (trained.weights, trained.calibration) == (shipped.weights, shipped.calibration)


def test_cross_validated_speaker_figures_stay_above_their_floors(train_docs: list[ParsedDoc]) -> None:
    figures = cross_validate(train_docs, folds=5)
    measured = {
        "speaker_acc_all": figures["speaker"]["acc_all"],
        "speaker_acc_matched": figures["speaker"]["acc_matched"],
        "speaker_kind_acc_matched": figures["speaker_kind"]["acc_matched"],
        "confident_precision": figures["calibration"]["precision"],
        "confident_coverage": figures["calibration"]["coverage"],
    }
    overrides = figures["overrides"]
    assert overrides["n_matched"] >= overrides["n_overridden"] >= overrides["n_ranker_right"]
    floors = FLOORS["bbc-train-gold-cv"]
    below = {name: (measured[name], floor) for name, floor in floors.items() if measured[name] < floor}
    assert not below, f"bbc-train-gold CV: figures below their floors (figure, floor): {below}"

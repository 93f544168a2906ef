"""Accuracy gate: saidwhat on PolNeAR dev and the BBC gold must not fall below the floors in eval_floors.json
(nor rise above its ceilings, for the figures where lower is better).

Raise a floor when the model improves (current figure minus 0.01); never lower one to make a change pass.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from saidwhat.evaluation import evaluate, headline

from .conftest import shared_path

pytestmark = [pytest.mark.eval, pytest.mark.shared, pytest.mark.model]

FLOORS_PATH = Path(__file__).with_name("eval_floors.json")
DATASETS = {"polnear-dev": ("data", "polnear"), "bbc-gold": ("data", "bbc-gold")}


def load_floors() -> dict[str, dict[str, float]]:
    floors: dict[str, dict[str, float]] = json.loads(FLOORS_PATH.read_text(encoding="utf-8"))["floors"]
    return floors


@pytest.mark.parametrize("dataset", sorted(DATASETS))
def test_eval_gate_headline_figures_stay_above_floors(dataset: str) -> None:
    # no shared `nlp`: evaluate loads saidwhat with the conventions of each gold
    evaluation = evaluate(shared_path(*DATASETS[dataset]), split="dev")
    figures = headline(evaluation.results)
    floors = load_floors()[dataset]
    below = {
        name: (figures.get(name), floor)
        for name, floor in floors.items()
        if figures.get(name) is None or float(figures[name] or 0.0) < floor
    }
    assert not below, f"{dataset}: figures below their floors (figure, floor): {below}"
    above = {
        name: (figures.get(name), ceiling)
        for name, ceiling in load_ceilings().get(dataset, {}).items()
        if figures.get(name) is None or float(figures[name] or 0.0) > ceiling
    }
    assert not above, f"{dataset}: lower-is-better figures above their ceilings (figure, ceiling): {above}"


def load_ceilings() -> dict[str, dict[str, float]]:
    """Figures where lower is better (the share of non-quotes reported as quotes): each must stay <= its ceiling."""
    ceilings: dict[str, dict[str, float]] = json.loads(FLOORS_PATH.read_text(encoding="utf-8")).get("ceilings", {})
    return ceilings

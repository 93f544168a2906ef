"""A linear scorer over sparse features, stored as plain JSON (no pickles) and run in pure Python."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path
from typing import Any

from ..errors import ModelError
from .features import Features

# The file `saidwhat train` writes and the package ships.
MODEL_FILE = "attribution.json"


@dataclass(frozen=True, slots=True)
class LinearModel:
    """Logistic regression weights by feature name."""

    weights: dict[str, float]
    threshold: float = 0.5

    def probability(self, features: Features) -> float:
        total = sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))

    def probability_of_keys(self, keys: list[str]) -> float:
        """`probability` of features that are all 1.0, named by `keys`: no dict to build."""
        total = sum(map(self.weights.get, keys, repeat(0.0)))  # in C: the scorers run on every verb
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))

    def to_dict(self) -> dict[str, Any]:
        return {"threshold": self.threshold, "weights": self.weights}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LinearModel:
        return cls({str(k): float(v) for k, v in data["weights"].items()}, float(data.get("threshold", 0.5)))


@dataclass(frozen=True, slots=True)
class AttributionModel:
    """The learned decisions: is this token a cue (`cue`), and where does its content start and end."""

    cue: LinearModel
    start: LinearModel
    end: LinearModel
    meta: dict[str, Any]

    def save(self, path: Path) -> None:
        payload = {
            "meta": self.meta,
            "cue": self.cue.to_dict(),
            "start": self.start.to_dict(),
            "end": self.end.to_dict(),
        }
        path.write_text(json.dumps(payload, sort_keys=True, separators=(",", ":")), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> AttributionModel:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            models = {name: LinearModel.from_dict(data[name]) for name in ("cue", "start", "end")}
            return cls(models["cue"], models["start"], models["end"], dict(data["meta"]))
        except (OSError, ValueError, KeyError, TypeError) as err:
            raise ModelError(
                f"attribution model '{path}' cannot be loaded ({err}); retrain with saidwhat train"
            ) from err

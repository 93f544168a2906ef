"""The learned speaker ranker: score every candidate speaker of a quote, keep the best, say how sure."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from ..errors import ModelError
from ..extraction.drafts import DraftQuote
from .entities import Entity
from .features import Candidate, FeatureMaker, Features, previous_features, quote_context, recency_ranks
from .rules import ResolvingIndex, rule_speakers

# The file `saidwhat train --speakers` writes and the package ships.
SPEAKER_MODEL_FILE = "speakers.json"


@dataclass(frozen=True, slots=True)
class SpeakerModel:
    """Logistic-regression weights over (quote, candidate) features, and the calibration of the winner's
    share of the candidates' probability into the chance that it is right."""

    weights: dict[str, float]
    calibration: tuple[float, float] = (1.0, 0.0)
    meta: dict[str, Any] = field(default_factory=dict)

    def score(self, features: Features) -> float:
        return sum(self.weights.get(name, 0.0) * value for name, value in features.items())

    def confidence(self, share: float) -> float:
        """How likely the chosen speaker is right, from its softmax share among the candidates (Platt
        scaling of the share's log-odds)."""
        slope, intercept = self.calibration
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, slope * log_odds(share) + intercept))))

    def save(self, path: Path) -> None:
        payload = {"meta": self.meta, "calibration": list(self.calibration), "weights": self.weights}
        path.write_text(json.dumps(payload, sort_keys=True, indent=0), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> SpeakerModel:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            slope, intercept = (float(x) for x in data.get("calibration", (1.0, 0.0)))
            weights = {str(k): float(v) for k, v in data["weights"].items()}
            return cls(weights, (slope, intercept), dict(data.get("meta", {})))
        except (OSError, ValueError, KeyError, TypeError) as err:
            raise ModelError(
                f"speaker model '{path}' cannot be loaded ({err}); retrain with saidwhat train --speakers"
            ) from err


def log_odds(share: float) -> float:
    share = min(max(share, 1e-6), 1.0 - 1e-6)
    return math.log(share / (1.0 - share))


@lru_cache(maxsize=1)
def shipped_speaker_model() -> SpeakerModel | None:
    """The speaker model that ships in the package (models/speakers.json), or None without one."""
    path = Path(str(files("saidwhat").joinpath("models", SPEAKER_MODEL_FILE)))
    return SpeakerModel.load(path) if path.exists() else None


@dataclass(frozen=True, slots=True)
class Resolved:
    """The speaker chosen for one quote (None: nobody that can be named) and how sure, if a model chose."""

    entity: Entity | None
    confidence: float | None = None


@dataclass(frozen=True, slots=True)
class QuoteCandidates:
    """One quote's candidate speakers with their features, the rules' choice first among equals."""

    draft: DraftQuote
    source_kind: str
    candidates: list[Candidate]
    features: list[Features]


def quote_candidates(doc: Doc, drafts: list[DraftQuote]) -> tuple[ResolvingIndex, list[QuoteCandidates]]:
    """The entities of a document and, for each draft quote, its candidates and their features."""
    index = ResolvingIndex(doc, drafts)
    maker = FeatureMaker(doc, index)
    rules = rule_speakers(doc, drafts, index)
    found = []
    # The rules' speaker of the quote before, not the ranker's: so it was learned (a choice the ranker
    # made itself weighs less on cross-validation, 0.737 against 0.742, and makes training sequential).
    previous: Entity | None = None
    for draft, rule in zip(drafts, rules, strict=True):
        context = quote_context(doc, draft, index)
        ranks = recency_ranks(maker, context.anchor)
        candidates = maker.candidates_of(rule)
        features: list[Features] = [
            maker.features(draft, context, candidate, ranks)
            | dict.fromkeys(previous_features(context.source_kind, draft, candidate, previous), 1.0)
            for candidate in candidates
        ]
        # English grammar: 'she' is never a man nor 'he' a woman the article has marked as such, and
        # "Lee's son" is never Lee.
        agreeing = [
            i for i, row in enumerate(features) if "agreement=clash" not in row and "owns_source_noun" not in row
        ] or list(range(len(features)))
        candidates, features = [candidates[i] for i in agreeing], [features[i] for i in agreeing]
        found.append(QuoteCandidates(draft, context.source_kind, candidates, features))
        previous = rule
    return index, found


def choose(model: SpeakerModel, quote: QuoteCandidates) -> Resolved:
    """The candidate the model scores highest, with its calibrated confidence."""
    scores = [model.score(features) for features in quote.features]
    best = max(range(len(scores)), key=scores.__getitem__)
    top = scores[best]
    share = 1.0 / sum(math.exp(score - top) for score in scores)
    return Resolved(quote.candidates[best].entity, model.confidence(share))


def resolve_quotes(doc: Doc, drafts: list[DraftQuote], *, model: SpeakerModel | None = None) -> list[Resolved]:
    """The speaker of each draft quote, in order: the learned ranker's choice (the shipped model unless
    one is given), or the hand-written rules' where no model is."""
    model = model or shipped_speaker_model()
    chosen: list[Resolved] = []
    if model is None:
        index = ResolvingIndex(doc, drafts)
        chosen = [Resolved(entity) for entity in rule_speakers(doc, drafts, index)]
    else:
        index, quotes = quote_candidates(doc, drafts)
        for quote in quotes:
            resolved = choose(model, quote)
            _move_source_mention(quote, resolved.entity)
            chosen.append(resolved)
    # The name the reader sees, whoever chose the speaker: 'Mutu' tagged ORG beside 'Adrian Mutu'.
    index.name_people_tagged_as_bodies()
    return chosen


def _move_source_mention(quote: QuoteCandidates, chosen: Entity | None) -> None:
    """The source mention belongs to the chosen speaker, not to the one the rules gave it to."""
    if not quote.draft.sources:
        return
    source = quote.draft.sources[0]
    for candidate in quote.candidates:
        entity = candidate.entity
        if candidate.rule and entity is not None and entity is not chosen and source in entity.mentions:
            entity.mentions.remove(source)
    if chosen is not None and source not in chosen.mentions:
        chosen.mentions.append(source)


def resolve_speakers(doc: Doc, drafts: list[DraftQuote]) -> list[Entity | None]:
    """The entity each draft quote is attributed to (None when unknown), in the order of `drafts`."""
    return [resolved.entity for resolved in resolve_quotes(doc, drafts)]

"""The learned attribution model shipped in the package (retrain with `saidwhat train`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from spacy.tokens import Doc, Token

from ..learn.boundaries import best_bounds
from ..learn.candidates import is_cue_candidate
from ..learn.features import cue_keys
from ..learn.linear import MODEL_FILE, AttributionModel, LinearModel
from ..learn.quoteness import QUOTE_MODEL_FILE, QuoteModels, load_quote_models
from .clauses import ContentChooser
from .cues import CueScorer, rule_cue_score
from .lexicon import SPEECH_VERBS

# A lemma whose own weight is above this makes a sentence worth parsing (see focus.py).
CUE_LEMMA_MIN_WEIGHT = 1.0


@dataclass(frozen=True, slots=True)
class Deciders:
    """How cues are scored and contents chosen: learned, or the rules where no model is used."""

    cue_score: CueScorer
    choose_content: ContentChooser | None
    cue_threshold: float = 0.5
    cue_extensions: frozenset[str] = frozenset()
    # Shapes of the words between a cue and its content that PolNeAR counts in the cue (cues.gap_key).
    cue_gaps: frozenset[str] = frozenset()
    # Lemmas that can be cues: where to look when only part of an article is parsed (focus.py).
    cue_lemmas: frozenset[str] = SPEECH_VERBS
    # Is a quoted run, and then a found quote, someone's words (learn/quoteness.py)? None keeps every one.
    run_model: LinearModel | None = None
    quote_model: LinearModel | None = None


# The hand-written rules, used where no learned model is (the spaCy component's use_model=False).
RULES = Deciders(rule_cue_score, None)


def shipped_model_path(name: str = MODEL_FILE) -> Path:
    """A model file that ships inside the package (models/attribution.json, models/names.json)."""
    return Path(str(files("saidwhat").joinpath("models", name)))


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> AttributionModel | None:
    """The model at `path` (a file or a `saidwhat train` output folder), else the shipped one, else None."""
    if path:
        candidate = Path(path)
        return AttributionModel.load(candidate / MODEL_FILE if candidate.is_dir() else candidate)
    shipped = shipped_model_path()
    return AttributionModel.load(shipped) if shipped.exists() else None


def model_deciders(model: AttributionModel, quote_models: QuoteModels | None = None) -> Deciders:
    def cue_score(token: Token) -> float:
        return model.cue.probability_of_keys(cue_keys(token)) if is_cue_candidate(token) else 0.0

    def choose_content(doc: Doc, cue: Token) -> tuple[int, int] | None:
        return best_bounds(cue, model.start, model.end)

    extensions = frozenset(str(key) for key in model.meta.get("cue_extensions", []))
    gaps = frozenset(str(key) for key in model.meta.get("cue_gaps", []))
    return Deciders(
        cue_score,
        choose_content,
        model.cue.threshold,
        extensions,
        gaps,
        cue_lemmas=learned_cue_lemmas(model),
        run_model=quote_models.runs if quote_models else None,
        quote_model=quote_models.quotes if quote_models else None,
    )


def learned_cue_lemmas(model: AttributionModel) -> frozenset[str]:
    """The speech verbs, and every lemma the cue scorer leans towards on its own."""
    learned = {
        name.removeprefix("lemma=")
        for name, weight in model.cue.weights.items()
        if name.startswith("lemma=") and weight > CUE_LEMMA_MIN_WEIGHT
    }
    return SPEECH_VERBS | learned


def load_deciders(*, use_model: bool, path: str | None = None) -> Deciders:
    """The learned deciders when asked for and available, else the hand-written rules."""
    model = load_model(path) if use_model else None
    return model_deciders(model, quote_model_at(path)) if model is not None else RULES


def quote_model_at(path: str | None = None) -> QuoteModels | None:
    """The quote decisions in a `saidwhat train` output folder when it holds them, else the shipped ones."""
    folder = Path(path) if path and Path(path).is_dir() else None
    if folder is not None and (folder / QUOTE_MODEL_FILE).exists():
        return load_quote_models(folder / QUOTE_MODEL_FILE)
    shipped = shipped_model_path(QUOTE_MODEL_FILE)
    return load_quote_models(shipped) if shipped.exists() else None

"""Learn the attribution model from brat-annotated articles: `saidwhat train --gold DIR --out DIR`."""

from __future__ import annotations

import dataclasses
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..annotations.brat import load_brat
from ..annotations.fragments import EvalQuote, normalise
from ..errors import ConfigError
from ..extraction.cues import extension_options, gap_key, verb_group, words_between
from ..extraction.docfacts import forget_doc_facts, token_at
from .boundaries import BoundaryContext
from .candidates import is_cue_candidate
from .features import Features, cue_features
from .linear import AttributionModel, LinearModel

logger = logging.getLogger(__name__)

# (stage, done, total): how training reports where it is, for a progress display.
Progress = Callable[[str, int, int], None]

# Tokens scored at or above this are cues; tuned on PolNeAR dev: from 0.4 down to 0.33 attribution
# accuracy rises by 0.021 and source exact F1 by 0.005, while cue and content exact F1 lose 0.005 and 0.001;
# from 0.33 to 0.32, 4 more attributions of 2,066 (train: 25 of 18,360) for 0.001 of cue exact F1.
CUE_THRESHOLD = 0.32


def learn_cue_extensions(docs: Iterable[tuple[Doc, Sequence[EvalQuote]]], *, min_count: int = 2) -> list[str]:
    """The words next to cue verbs that annotators include in the cue span more often than not."""
    seen: Counter[str] = Counter()
    included: Counter[str] = Counter()
    for doc, attributions in docs:
        for root, attribution in gold_cue_roots(doc, attributions).items():
            start = min(s for s, _ in attribution.cue)
            end = max(e for _, e in attribution.cue)
            lefts, rights = extension_options(doc[root])
            for key, first, last in lefts + rights:
                seen[key] += 1
                included[key] += int(start <= first.idx and last.idx + len(last.text) <= end)
    return sorted(key for key, count in seen.items() if count >= min_count and included[key] * 2 > count)


def learn_cue_gaps(
    docs: Iterable[tuple[Doc, Sequence[EvalQuote]]], extensions: frozenset[str], *, min_count: int = 5
) -> list[str]:
    """The shapes of the words between a cue and its content that annotators take into the cue four
    times in five or more ('complained [about]', 'went on [to say]'), by `gap_key`."""
    seen: Counter[str] = Counter()
    included: Counter[str] = Counter()
    for doc, attributions in docs:
        for root, attribution in gold_cue_roots(doc, attributions).items():
            if not attribution.contents:
                continue
            _, cue_end = verb_group(doc[root], extensions, leading_adverb=True)
            content_start = min(start for start, _ in attribution.contents)
            words = words_between(doc, cue_end, content_start) if cue_end <= content_start else []
            if words:
                key = gap_key(words)
                seen[key] += 1
                included[key] += int(max(end for _, end in attribution.cue) >= words[-1].idx + len(words[-1]))
    return sorted(key for key, count in seen.items() if count >= min_count and included[key] * 5 > count * 4)


@dataclass(slots=True)
class Examples:
    """Feature dicts and labels for the three decisions."""

    cue_x: list[Features]
    cue_y: list[int]
    start_x: list[Features]
    start_y: list[int]
    end_x: list[Features]
    end_y: list[int]


def gold_cue_roots(doc: Doc, attributions: Sequence[EvalQuote]) -> dict[int, EvalQuote]:
    """The token heading each gold cue span, mapped to its attribution."""
    roots: dict[int, EvalQuote] = {}
    for attribution in attributions:
        if not attribution.cue:
            continue
        start = min(s for s, _ in attribution.cue)
        end = max(e for _, e in attribution.cue)
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            roots.setdefault(span.root.i, attribution)
    return roots


def content_target(doc: Doc, attribution: EvalQuote) -> tuple[int, int] | None:
    """Indices of the first and last token of a gold content made of one stretch, else None."""
    fragments = normalise(doc.text, attribution.contents)
    if len(fragments) != 1:
        return None
    start, end = fragments[0]
    first, last = token_at(doc, start), token_at(doc, end - 1)
    return (first.i, last.i) if first is not None and last is not None else None


def collect_examples(docs: Iterable[tuple[Doc, Sequence[EvalQuote]]]) -> Examples:
    examples = Examples([], [], [], [], [], [])
    for doc, attributions in docs:
        roots = gold_cue_roots(doc, attributions)
        for token in doc:
            if not is_cue_candidate(token):
                continue
            examples.cue_x.append(cue_features(token))
            examples.cue_y.append(int(token.i in roots))
            if token.i in roots:
                _add_boundary_examples(examples, token, content_target(doc, roots[token.i]))
        forget_doc_facts(doc)  # training holds every Doc: their facts would add ~40% to its peak memory
    return examples


def _add_boundary_examples(examples: Examples, cue: Token, target: tuple[int, int] | None) -> None:
    if target is None or target[0] <= cue.i <= target[1]:
        return
    context = BoundaryContext(cue)
    for i in context.candidates:
        examples.start_x.append(context.features(i, start=True))
        examples.start_y.append(int(i == target[0]))
        examples.end_x.append(context.features(i, start=False))
        examples.end_y.append(int(i == target[1]))


def fit_linear(x: list[Features], y: list[int], *, c: float, class_weight: str | None = None) -> LinearModel:
    """Logistic regression (scikit-learn), exported as a weight per feature name."""
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError as err:
        raise ConfigError("saidwhat train needs scikit-learn: pip install 'saidwhat[train]'") from err
    if len(set(y)) < 2:
        raise ConfigError("the training data has no positive (or no negative) examples: is the gold annotated?")
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(x).tocsr()
    # liblinear takes 32-bit indices only
    matrix.indices = matrix.indices.astype("int32")
    matrix.indptr = matrix.indptr.astype("int32")
    classifier = LogisticRegression(C=c, max_iter=2000, solver="liblinear", class_weight=class_weight)
    classifier.fit(matrix, y)
    weights = {
        name: round(float(w), 4)
        for name, w in zip(vectorizer.get_feature_names_out(), classifier.coef_[0], strict=True)
        if abs(w) >= 1e-3
    }
    weights["bias"] = round(weights.get("bias", 0.0) + float(classifier.intercept_[0]), 4)
    return LinearModel(weights)


def parse_gold(
    folder: Path, nlp: Language, *, progress: Progress | None = None
) -> list[tuple[Doc, tuple[EvalQuote, ...]]]:
    """Parse every text of a brat folder with the English pipeline, calling `progress` after each."""
    notes: list[str] = []
    documents = load_brat(folder, notes)
    for note in notes:
        logger.warning(note)
    logger.info("parsing %d texts of %s", len(documents), folder)
    docs = nlp.pipe((document.text for document in documents), batch_size=16)
    parsed = []
    for doc, document in zip(docs, documents, strict=True):
        parsed.append((doc, document.quotes))
        if progress is not None:
            progress("parsing texts", len(parsed), len(documents))
    return parsed


def train_model(train_docs: Sequence[tuple[Doc, Sequence[EvalQuote]]], *, meta: dict[str, Any]) -> AttributionModel:
    """Fit both decisions on parsed, annotated documents."""
    examples = collect_examples(train_docs)
    logger.info("%d cue examples, %d boundary examples", len(examples.cue_y), len(examples.start_y))
    cue = dataclasses.replace(fit_linear(examples.cue_x, examples.cue_y, c=0.5), threshold=CUE_THRESHOLD)
    start = fit_linear(examples.start_x, examples.start_y, c=0.5)
    end = fit_linear(examples.end_x, examples.end_y, c=0.5)
    extensions = learn_cue_extensions(train_docs)
    meta = {
        **meta,
        "cue_examples": len(examples.cue_y),
        "boundary_examples": len(examples.start_y),
        "cue_extensions": extensions,
        "cue_gaps": learn_cue_gaps(train_docs, frozenset(extensions)),
        "trained": date.today().isoformat(),
    }
    return AttributionModel(cue, start, end, meta)


def train_from_folder(folder: Path, *, progress: Progress | None = None) -> AttributionModel:
    """Parse a brat folder with saidwhat's English pipeline and learn the model from it.

    Args:
        progress: called as (stage, done, total) while texts are parsed, then once before fitting.
    """
    from ..pipeline import load_parser

    if progress is not None:
        progress("loading the English pipeline", 0, 1)
    docs = parse_gold(folder, load_parser(), progress=progress)
    if progress is not None:
        progress("fitting the cue and boundary models", 0, 1)
    return train_model(docs, meta={"source": folder.name, "documents": len(docs)})

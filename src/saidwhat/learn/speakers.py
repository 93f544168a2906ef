"""Learn the speaker ranker from gold quotes with canonical speakers (the BBC gold layout), and
cross-validate it by article: `saidwhat train --speakers`, `saidwhat evaluate --folds 5`."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from ..annotations.fragments import EvalDoc, EvalQuote
from ..errors import ConfigError, InputError
from ..evaluation.gold import load_gold
from ..evaluation.metrics import best_content_match, prepare, score
from ..extraction.drafts import DraftQuote
from ..records import SpeakerKind
from ..settings import Settings, load_settings
from ..speakers.entities import Entity
from ..speakers.ranker import QuoteCandidates, SpeakerModel, log_odds, quote_candidates

# The regularisation of the ranker's logistic regression (sklearn's C), by 5-fold CV on bbc-train-gold
# (issue 19, with the upcoming-rank feature and the entity fixes): 487, 497, 499, 501, 498 and 495 of 631
# right at C = 0.1, 0.3, 0.5, 1, 2 and 3; at 1, 0.970 of quotes at confidence >= 0.9 are right, covering
# 0.585 of them (0.974 and 0.612 at 0.3).
RANKER_C = 1.0
SOURCE_KINDS = ("name", "pronoun", "nominal", "none")
_NAMELESS: frozenset[SpeakerKind] = frozenset({"group", "unknown"})


@dataclass(frozen=True, slots=True)
class ParsedDoc:
    """One gold document parsed, its draft quotes, their candidates, and the gold's source kinds."""

    gold: EvalDoc
    drafts: list[DraftQuote]
    quotes: list[QuoteCandidates]
    source_kinds: dict[int, str]  # gold quote index -> name / pronoun / nominal / none


def scored_name(entity: Entity | None) -> str | None:
    """The name a chosen candidate is scored under (as `evaluation.convert.speaker_name`)."""
    return None if entity is None or entity.kind in _NAMELESS else entity.name


def _gold_source_kinds(gold_path: Path) -> dict[str, dict[int, str]]:
    """Each BBC gold quote's `source_kind`, by doc_id and content start."""
    file = gold_path / "gold.json" if gold_path.is_dir() else gold_path
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise InputError(f"gold '{file}' cannot be read ({err})") from err
    if not isinstance(data, dict) or not isinstance(data.get("docs"), list):
        raise InputError(f"gold '{file}' is not in the BBC layout ({{'docs': [...]}} with speakers)")
    kinds: dict[str, dict[int, str]] = {}
    for doc in data["docs"]:
        by_start = kinds.setdefault(str(doc.get("doc_id")), {})
        for quote in doc.get("quotes") or []:
            if quote.get("contents"):
                by_start[int(quote["contents"][0]["start"])] = str(quote.get("source_kind", "none"))
    return kinds


def parse_gold(gold_path: Path, *, settings: Settings | None = None) -> list[ParsedDoc]:
    """Parse every text of a BBC-layout gold and find its draft quotes and their candidate speakers."""
    from ..extraction.conventions import conventions_named
    from ..extraction.deciders import load_deciders
    from ..extraction.orchestrator import find_draft_quotes, forget_kept_state
    from ..pipeline import load_nlp

    settings = settings or load_settings()
    gold = load_gold(gold_path)
    if not any(quote.speaker for doc in gold.docs for quote in doc.quotes):
        raise InputError(f"gold '{gold_path}' names no speakers: the speaker model learns from canonical names")
    kinds = _gold_source_kinds(gold_path)
    nlp = load_nlp(settings)
    deciders = load_deciders(use_model=settings.use_model, path=settings.model_path or None)
    parsed = []
    with nlp.select_pipes(disable=["saidwhat"]):
        for gold_doc, doc in zip(gold.docs, nlp.pipe(doc.text for doc in gold.docs), strict=True):
            drafts, _ = find_draft_quotes(doc, deciders=deciders, conventions=conventions_named(settings.conventions))
            parsed.append(_parsed(gold_doc, doc, drafts, kinds.get(gold_doc.doc_id, {})))
            forget_kept_state(doc)  # the candidates keep the Doc alive: not its facts (~40% of peak memory)
    return parsed


def _parsed(gold: EvalDoc, doc: Doc, drafts: list[DraftQuote], kinds: dict[int, str]) -> ParsedDoc:
    _, quotes = quote_candidates(doc, drafts)
    source_kinds = {i: kinds.get(quote.contents[0][0], "none") for i, quote in enumerate(gold.quotes)}
    return ParsedDoc(gold, drafts, quotes, source_kinds)


def matched_drafts(parsed: ParsedDoc) -> dict[int, int]:
    """Gold quote index -> the draft scored against it (the metric's `best_content_match`)."""
    text = parsed.gold.text
    preds = [prepare(text, EvalQuote(contents=tuple(draft.contents))) for draft in parsed.drafts]
    found = {}
    for i, quote in enumerate(parsed.gold.quotes):
        match = best_content_match(prepare(text, quote), preds)
        if match is not None:
            found[i] = next(j for j, pred in enumerate(preds) if pred is match)
    return found


def training_groups(docs: Sequence[ParsedDoc]) -> list[tuple[list[dict[str, float]], list[bool]]]:
    """(features of each candidate, is it the gold speaker) for each gold quote matched by a draft whose
    candidates hold the gold speaker (or nobody, where the gold names none)."""
    groups = []
    for parsed in docs:
        for draft_index, wanted in gold_names_of_drafts(parsed).items():
            quote = parsed.quotes[draft_index]
            labels = [(scored_name(c.entity) or "").strip().casefold() == wanted for c in quote.candidates]
            if any(labels):
                groups.append((quote.features, labels))
    return groups


def gold_names_of_drafts(parsed: ParsedDoc) -> dict[int, str]:
    """Draft index -> the case-folded gold speaker name ('' for none) of the gold quote it matches."""
    names: dict[int, str] = {}
    for gold_index, draft_index in matched_drafts(parsed).items():
        gold = parsed.gold.quotes[gold_index]
        if gold.speaker or gold.sources:
            names.setdefault(draft_index, (gold.speaker or "").strip().casefold())
    return names


def fit_weights(
    groups: Sequence[tuple[list[dict[str, float]], list[bool]]], *, c: float = RANKER_C
) -> dict[str, float]:
    """Logistic-regression weights over every (candidate, is it right) pair of the groups."""
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError as err:
        raise ConfigError("training needs scikit-learn: pip install 'saidwhat[train]'") from err
    rows = [row for features, _ in groups for row in features]
    labels = [label for _, group_labels in groups for label in group_labels]
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(rows)
    classifier = LogisticRegression(C=c, max_iter=2000)
    classifier.fit(matrix, labels)
    names = vectorizer.get_feature_names_out()
    return {str(name): round(float(w), 5) for name, w in zip(names, classifier.coef_[0], strict=True) if w}


def fit_calibration(shares: Sequence[float], right: Sequence[bool]) -> tuple[float, float]:
    """(slope, intercept) turning a winner's softmax share into the chance it is right."""
    from sklearn.linear_model import LogisticRegression

    classifier = LogisticRegression(C=100.0)
    classifier.fit([[log_odds(share)] for share in shares], list(right))
    return round(float(classifier.coef_[0][0]), 5), round(float(classifier.intercept_[0]), 5)


def folds_of(docs: Sequence[ParsedDoc], folds: int) -> list[list[int]]:
    """Document indices of each fold: whole articles, dealt in turn (GroupKFold by article)."""
    if not 2 <= folds <= len(docs):
        raise ConfigError(f"--folds must be between 2 and the number of documents ({len(docs)}), got {folds}")
    return [list(range(k, len(docs), folds)) for k in range(folds)]


@dataclass(slots=True)
class Chosen:
    """The ranker's pick for one draft: the name it is scored under, and the winner's softmax share."""

    name: str | None
    share: float
    kind: str | None


def pick_all(weights: dict[str, float], quotes: Sequence[QuoteCandidates]) -> list[Chosen]:
    """The ranker's pick for each quote of a document, in order (each knowing the one before)."""
    picks: list[Chosen] = []
    for quote in quotes:
        scores = [sum(weights.get(k, 0.0) * v for k, v in features.items()) for features in quote.features]
        best = max(range(len(scores)), key=scores.__getitem__)
        share = 1.0 / sum(math.exp(s - scores[best]) for s in scores)
        entity = quote.candidates[best].entity
        picks.append(Chosen(scored_name(entity), share, entity.kind if entity is not None else None))
    return picks


def train_speaker_model(docs: Sequence[ParsedDoc], *, folds: int = 5, source: str = "") -> SpeakerModel:
    """Weights from every document; the confidence calibrated on the folds' out-of-fold picks."""
    shares, right = [], []
    for held_out in folds_of(docs, folds):
        weights = fit_weights(training_groups([d for i, d in enumerate(docs) if i not in held_out]))
        for i in held_out:
            for share, correct in _graded(docs[i], weights):
                shares.append(share)
                right.append(correct)
    meta = {
        "trained": date.today().isoformat(),
        "gold": source,
        "documents": len(docs),
        "quotes": sum(len(d.drafts) for d in docs),
        "c": RANKER_C,
    }
    return SpeakerModel(fit_weights(training_groups(docs)), fit_calibration(shares, right), meta)


def _graded(parsed: ParsedDoc, weights: dict[str, float]) -> list[tuple[float, bool]]:
    """(winner's share, is it right) for each gold quote with a speaker matched by a draft."""
    graded = []
    picks = pick_all(weights, parsed.quotes)
    for gold_index, draft_index in matched_drafts(parsed).items():
        gold = parsed.gold.quotes[gold_index]
        if gold.speaker:
            chosen = picks[draft_index]
            graded.append((chosen.share, (chosen.name or "").casefold() == gold.speaker.strip().casefold()))
    return graded


def predicted_quotes(parsed: ParsedDoc, chosen: list[Chosen]) -> tuple[EvalQuote, ...]:
    return tuple(
        EvalQuote(
            contents=tuple(draft.contents),
            sources=tuple(draft.sources[:1]),
            cue=(draft.cue,) if draft.cue else (),
            speaker=pick_.name,
            speaker_kind=pick_.kind,
        )
        for draft, pick_ in zip(parsed.drafts, chosen, strict=True)
    )


def cross_validate(docs: Sequence[ParsedDoc], *, folds: int = 5) -> dict[str, Any]:
    """Train on all folds but one, score the one, for each fold: the speaker figures of `saidwhat evaluate`,
    by source kind, and the calibration of the confidence (out-of-fold, calibrated on the training folds)."""
    by_doc: dict[str, tuple[EvalQuote, ...]] = {}
    picks: dict[str, list[Chosen]] = {}
    confidences: dict[str, list[float]] = {}
    for held_out in folds_of(docs, folds):
        training = [d for i, d in enumerate(docs) if i not in held_out]
        model = train_speaker_model(training, folds=min(folds, len(training)))
        for i in held_out:
            parsed = docs[i]
            chosen = pick_all(model.weights, parsed.quotes)
            picks[parsed.gold.doc_id] = chosen
            confidences[parsed.gold.doc_id] = [model.confidence(c.share) for c in chosen]
            by_doc[parsed.gold.doc_id] = predicted_quotes(parsed, chosen)
    figures = score([d.gold for d in docs], by_doc).to_dict()["all"]
    return {
        "folds": folds,
        "speaker": figures["speaker"],
        "speaker_kind": figures.get("speaker_kind", {"n_matched": 0, "n_correct": 0, "acc_matched": 0.0}),
        "by_source_kind": _by_source_kind(docs, picks),
        "calibration": _calibration(docs, picks, confidences),
        "overrides": _overrides(docs, picks),
    }


def _overrides(docs: Sequence[ParsedDoc], picks: dict[str, list[Chosen]]) -> dict[str, int]:
    """Of the matched gold quotes with a speaker: on how many the ranker picks another speaker than the
    hand-written rules, and how many of those the rules and the ranker get right."""
    counts = {"n_matched": 0, "n_overridden": 0, "n_rule_right": 0, "n_ranker_right": 0}
    for parsed in docs:
        for gold_index, draft_index in matched_drafts(parsed).items():
            wanted = (parsed.gold.quotes[gold_index].speaker or "").strip().casefold()
            if not wanted:
                continue
            counts["n_matched"] += 1
            chosen = picks[parsed.gold.doc_id][draft_index].name
            rule = next((scored_name(c.entity) for c in parsed.quotes[draft_index].candidates if c.rule), None)
            if (chosen or "").casefold() != (rule or "").casefold():
                counts["n_overridden"] += 1
                counts["n_rule_right"] += (rule or "").casefold() == wanted
                counts["n_ranker_right"] += (chosen or "").casefold() == wanted
    return counts


def _by_source_kind(docs: Sequence[ParsedDoc], picks: dict[str, list[Chosen]]) -> dict[str, dict[str, Any]]:
    counts = {kind: [0, 0, 0] for kind in SOURCE_KINDS}  # gold with a speaker, matched, right
    for parsed in docs:
        matched = matched_drafts(parsed)
        for i, gold in enumerate(parsed.gold.quotes):
            if not gold.speaker:
                continue
            row = counts.setdefault(parsed.source_kinds[i], [0, 0, 0])
            row[0] += 1
            if i in matched:
                row[1] += 1
                row[2] += (picks[parsed.gold.doc_id][matched[i]].name or "").casefold() == gold.speaker.casefold()
    return {
        kind: {"n_gold_with_speaker": n, "n_matched": m, "n_correct": r, "acc_all": r / n if n else 0.0}
        for kind, (n, m, r) in counts.items()
    }


def _calibration(
    docs: Sequence[ParsedDoc], picks: dict[str, list[Chosen]], confidences: dict[str, list[float]]
) -> dict[str, Any]:
    """Among gold quotes with a speaker: how many got a confidence >= 0.9 and how many of those are right."""
    total = sure = sure_right = 0
    for parsed in docs:
        matched = matched_drafts(parsed)
        for i, gold in enumerate(parsed.gold.quotes):
            if not gold.speaker:
                continue
            total += 1
            j = matched.get(i)
            if j is not None and confidences[parsed.gold.doc_id][j] >= 0.9:
                sure += 1
                sure_right += (picks[parsed.gold.doc_id][j].name or "").casefold() == gold.speaker.casefold()
    return {
        "n_gold_with_speaker": total,
        "n_confident": sure,
        "n_confident_right": sure_right,
        "coverage": sure / total if total else 0.0,
        "precision": sure_right / sure if sure else 0.0,
    }


def render_cross_validation(figures: dict[str, Any]) -> str:
    """The cross-validation figures as a small table: all quotes with a speaker, then by source kind."""
    speaker = figures["speaker"]
    lines = [
        f"speaker ranker, {figures['folds']}-fold cross-validation by article",
        "source kind | with speaker matched correct | acc_all",
        f"all         | {speaker['n_gold_with_speaker']:12} {speaker['n_matched']:7} {speaker['n_correct']:7} |"
        f" {speaker['acc_all']:.3f}",
    ]
    for kind, row in figures["by_source_kind"].items():
        counts = f"{row['n_gold_with_speaker']:12} {row['n_matched']:7} {row['n_correct']:7}"
        lines.append(f"{kind:11} | {counts} | {row['acc_all']:.3f}")
    calibration = figures["calibration"]
    kind = figures["speaker_kind"]
    overrides = figures["overrides"]
    lines.append(
        f"ranker against the rules' choice: another speaker on {overrides['n_overridden']} of "
        f"{overrides['n_matched']} matched quotes with a speaker ({overrides['n_ranker_right']} right, "
        f"{overrides['n_rule_right']} right by the rules)"
    )
    lines.append(
        f"speaker kind right for {kind['n_correct']} of {kind['n_matched']} matched quotes with a speaker named"
        f" ({kind['acc_matched']:.3f})"
    )
    lines.append(
        f"speaker_confidence >= 0.9: {calibration['n_confident']} of {calibration['n_gold_with_speaker']} quotes "
        f"with a speaker (coverage {calibration['coverage']:.3f}), {calibration['n_confident_right']} right "
        f"(precision {calibration['precision']:.3f})"
    )
    return "\n".join(lines)

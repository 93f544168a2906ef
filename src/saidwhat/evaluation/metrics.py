"""Score predicted quotes against gold quotes, as defined in docs/evaluation.md (spec/metrics.md).

Counts are summed over documents (micro-averaged); `score` returns them as `Scores`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from ..annotations.fragments import DOUBLE_QUOTE_MARKS, LEFT_SINGLE_MARK, EvalDoc, EvalQuote, Fragment, normalise

Kind = Literal["content", "source", "cue"]
Subset = Literal["all", "direct", "indirect"]

KINDS: tuple[Kind, ...] = ("content", "source", "cue")
SUBSETS: tuple[Subset, ...] = ("all", "direct", "indirect")


@dataclass(frozen=True, slots=True)
class PreparedQuote:
    """A quote with what every metric reads: non-space characters and normalised fragments per kind."""

    quote: EvalQuote
    chars: Mapping[Kind, frozenset[int]]
    norm: Mapping[Kind, tuple[Fragment, ...]]
    direct: bool


def _fragments(quote: EvalQuote, kind: Kind) -> tuple[Fragment, ...]:
    return {"content": quote.contents, "source": quote.sources, "cue": quote.cue}[kind]


def nonspace_chars(text: str, fragments: Iterable[Fragment]) -> frozenset[int]:
    """Offsets of the non-whitespace characters inside the fragments."""
    return frozenset(i for start, end in fragments for i in range(start, end) if not text[i].isspace())


def is_direct(text: str, contents: Iterable[Fragment]) -> bool:
    """True when a content fragment holds a double quotation mark or opens with a left single mark."""
    for start, end in contents:
        fragment = text[start:end]
        if any(c in DOUBLE_QUOTE_MARKS for c in fragment) or fragment.lstrip().startswith(LEFT_SINGLE_MARK):
            return True
    return False


def prepare(text: str, quote: EvalQuote) -> PreparedQuote:
    """The quote with its characters and normalised spans worked out once."""
    return PreparedQuote(
        quote=quote,
        chars={kind: nonspace_chars(text, _fragments(quote, kind)) for kind in KINDS},
        norm={kind: normalise(text, _fragments(quote, kind)) for kind in KINDS},
        direct=is_direct(text, quote.contents),
    )


def align(preds: Sequence[PreparedQuote], golds: Sequence[PreparedQuote]) -> dict[int, int]:
    """One-to-one pairs pred index -> gold index, taken greedily by shared characters.

    A pair is a candidate when the two share a content or cue character; pairs with more shared
    characters (content + cue + source) go first, then those with more shared content.
    """
    candidates = []
    for i, pred in enumerate(preds):
        for j, gold in enumerate(golds):
            content = len(pred.chars["content"] & gold.chars["content"])
            cue = len(pred.chars["cue"] & gold.chars["cue"])
            if content or cue:
                source = len(pred.chars["source"] & gold.chars["source"])
                candidates.append((-(content + cue + source), -content, i, j))
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for _, _, i, j in sorted(candidates):
        if i not in pairs and j not in taken:
            pairs[i] = j
            taken.add(j)
    return pairs


def best_content_match(gold: PreparedQuote, preds: Sequence[PreparedQuote]) -> PreparedQuote | None:
    """The prediction sharing most content with the gold quote, if it covers at least half of it.

    Ties go to the higher content Jaccard, then to the larger cue overlap, then to the earlier prediction.
    """
    gold_content = gold.chars["content"]
    best: PreparedQuote | None = None
    best_key: tuple[int, float, int, int] | None = None
    for i, pred in enumerate(preds):
        shared = len(pred.chars["content"] & gold_content)
        if shared == 0 or 2 * shared < len(gold_content):
            continue
        jaccard = shared / len(pred.chars["content"] | gold_content)
        key = (shared, jaccard, len(pred.chars["cue"] & gold.chars["cue"]), -i)
        if best_key is None or key > best_key:
            best, best_key = pred, key
    return best


@dataclass(slots=True)
class SpanCounts:
    """Running counts for one span kind (or the whole quote) in one subset."""

    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0
    overlap: int = 0
    pred_chars: int = 0
    gold_chars: int = 0


@dataclass(slots=True)
class SubsetCounts:
    """Running counts for one subset (all, direct or indirect)."""

    n_pred: int = 0
    n_gold: int = 0
    spans: dict[str, SpanCounts] = field(default_factory=lambda: {k: SpanCounts() for k in (*KINDS, "quote")})
    attr_gold: int = 0
    attr_matched: int = 0
    attr_correct: int = 0
    speaker_gold: int = 0
    speaker_matched: int = 0
    speaker_correct: int = 0
    speaker_alias: int = 0
    speaker_kind_matched: int = 0
    speaker_kind_correct: int = 0


def _count_pred(counts: SubsetCounts, pred: PreparedQuote, gold: PreparedQuote | None) -> None:
    counts.n_pred += 1
    whole = counts.spans["quote"]
    whole.n_pred += 1
    all_equal = gold is not None
    for kind in KINDS:
        span = counts.spans[kind]
        span.n_pred += bool(pred.norm[kind])
        span.pred_chars += len(pred.chars[kind])
        whole.pred_chars += len(pred.chars[kind])
        if gold is None:
            continue
        equal = pred.norm[kind] == gold.norm[kind]
        all_equal = all_equal and equal
        span.tp += equal and bool(pred.norm[kind])
        shared = len(pred.chars[kind] & gold.chars[kind])
        span.overlap += shared
        whole.overlap += shared
    whole.tp += all_equal


def same_speaker(pred: PreparedQuote, gold: PreparedQuote) -> tuple[bool, bool]:
    """(exact, alias): the predicted name equals the gold name / one of the gold speaker's names."""
    name = (pred.quote.speaker or "").strip().casefold()
    gold_name = (gold.quote.speaker or "").strip().casefold()
    return name == gold_name, bool(name) and name in gold.quote.aliases


def _count_gold(counts: SubsetCounts, gold: PreparedQuote, preds: Sequence[PreparedQuote]) -> None:
    counts.n_gold += 1
    whole = counts.spans["quote"]
    whole.n_gold += 1
    for kind in KINDS:
        counts.spans[kind].n_gold += bool(gold.norm[kind])
        counts.spans[kind].gold_chars += len(gold.chars[kind])
        whole.gold_chars += len(gold.chars[kind])
    has_source, has_speaker = bool(gold.chars["source"]), bool(gold.quote.speaker)
    if not (has_source or has_speaker):
        return
    match = best_content_match(gold, preds)
    if has_source:
        counts.attr_gold += 1
        if match is not None:
            counts.attr_matched += 1
            counts.attr_correct += bool(match.chars["source"] & gold.chars["source"])
    if has_speaker:
        counts.speaker_gold += 1
        if match is not None:
            exact, alias = same_speaker(match, gold)
            counts.speaker_matched += 1
            counts.speaker_correct += exact
            counts.speaker_alias += alias
            if gold.quote.speaker_kind and match.quote.speaker:
                counts.speaker_kind_matched += 1
                counts.speaker_kind_correct += match.quote.speaker_kind == gold.quote.speaker_kind


def count_doc(doc: EvalDoc, predicted: Sequence[EvalQuote], counts: Mapping[Subset, SubsetCounts]) -> None:
    """Add one document's gold and predicted quotes to the running counts of each subset."""
    golds = [prepare(doc.text, quote) for quote in doc.quotes]
    preds = [prepare(doc.text, quote) for quote in predicted]
    pairs = align(preds, golds)
    pred_direct = [golds[pairs[i]].direct if i in pairs else pred.direct for i, pred in enumerate(preds)]
    for subset in SUBSETS:
        keep_direct = subset == "direct"
        for i, pred in enumerate(preds):
            if subset == "all" or pred_direct[i] == keep_direct:
                _count_pred(counts[subset], pred, golds[pairs[i]] if i in pairs else None)
        for gold in golds:
            if subset == "all" or gold.direct == keep_direct:
                _count_gold(counts[subset], gold, preds)


@dataclass(frozen=True, slots=True)
class Scores:
    """Summed counts per subset, and whether the gold names speakers; `to_dict` gives the figures."""

    counts: Mapping[Subset, SubsetCounts]
    has_speakers: bool

    def to_dict(self) -> dict[str, Any]:
        return {subset: _subset_figures(self.counts[subset], self.has_speakers) for subset in SUBSETS}


def score(gold_docs: Iterable[EvalDoc], predictions: Mapping[str, Sequence[EvalQuote]]) -> Scores:
    """Micro-averaged counts of the predictions (by doc_id) against every gold document."""
    return score_pairs((doc, predictions.get(doc.doc_id, ())) for doc in gold_docs)


def score_pairs(pairs: Iterable[tuple[EvalDoc, Sequence[EvalQuote]]]) -> Scores:
    """Micro-averaged counts over (gold document, predicted quotes) pairs; a text may come more than once."""
    counts: dict[Subset, SubsetCounts] = {subset: SubsetCounts() for subset in SUBSETS}
    has_speakers = False
    for doc, predicted in pairs:
        count_doc(doc, predicted, counts)
        has_speakers = has_speakers or any(quote.speaker for quote in doc.quotes)
    return Scores(counts, has_speakers)


def ratio(numerator: int, denominator: int) -> float | None:
    """numerator / denominator, or None when the denominator is 0."""
    return numerator / denominator if denominator else None


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float | None, float | None, float | None]:
    """Precision, recall and F1 = 2tp / (n_pred + n_gold); None where a denominator is 0."""
    return ratio(tp, n_pred), ratio(tp, n_gold), ratio(2 * tp, n_pred + n_gold)


def _prf_figures(hits: int, n_pred: int, n_gold: int, names: tuple[str, str, str]) -> dict[str, Any]:
    """Precision, recall and F1 of `hits` out of `n_pred` and `n_gold`, then the three counts under `names`."""
    precision, recall, f1 = prf(hits, n_pred, n_gold)
    return {"p": precision, "r": recall, "f1": f1, **dict(zip(names, (hits, n_pred, n_gold), strict=True))}


def _span_figures(span: SpanCounts) -> dict[str, Any]:
    return {
        "exact": _prf_figures(span.tp, span.n_pred, span.n_gold, ("tp", "n_pred", "n_gold")),
        "overlap": _prf_figures(
            span.overlap, span.pred_chars, span.gold_chars, ("overlap_chars", "pred_chars", "gold_chars")
        ),
    }


def _subset_figures(counts: SubsetCounts, has_speakers: bool) -> dict[str, Any]:
    figures: dict[str, Any] = {"n_gold_quotes": counts.n_gold, "n_pred_quotes": counts.n_pred}
    for kind, span in counts.spans.items():
        figures[kind] = _span_figures(span)
    figures["attribution"] = {
        "n_gold_with_source": counts.attr_gold,
        "n_matched": counts.attr_matched,
        "n_correct": counts.attr_correct,
        "acc_all": ratio(counts.attr_correct, counts.attr_gold),
        "acc_matched": ratio(counts.attr_correct, counts.attr_matched),
    }
    if has_speakers:
        figures["speaker"] = {
            "n_gold_with_speaker": counts.speaker_gold,
            "n_matched": counts.speaker_matched,
            "n_correct": counts.speaker_correct,
            "n_correct_alias": counts.speaker_alias,
            "acc_matched": ratio(counts.speaker_correct, counts.speaker_matched),
            "acc_all": ratio(counts.speaker_correct, counts.speaker_gold),
            "acc_alias_matched": ratio(counts.speaker_alias, counts.speaker_matched),
        }
    if counts.speaker_kind_matched:
        # saidwhat's own figure, beyond spec/metrics.md: person / organisation / group right, over the
        # matched gold quotes whose gold gives the kind and whose prediction names a speaker
        figures["speaker_kind"] = {
            "n_matched": counts.speaker_kind_matched,
            "n_correct": counts.speaker_kind_correct,
            "acc_matched": ratio(counts.speaker_kind_correct, counts.speaker_kind_matched),
        }
    return figures


def non_quote_figures(pairs: Iterable[tuple[EvalDoc, Sequence[EvalQuote]]]) -> dict[str, Any]:
    """How many of the gold's `non_quotes` (titles, terms, scare quotes) a predicted content touches.

    A non-quote is reported when a predicted quote's content shares a non-space character with it.
    """
    listed = reported = 0
    for doc, predicted in pairs:
        contents = nonspace_chars(doc.text, [fragment for quote in predicted for fragment in quote.contents])
        for fragment in doc.non_quotes:
            listed += 1
            reported += bool(nonspace_chars(doc.text, [fragment]) & contents)
    share = ratio(reported, listed)
    return {
        "n_gold": listed,
        "n_reported": reported,
        "share_reported": share,
        "share_not_reported": None if share is None else 1.0 - share,
    }

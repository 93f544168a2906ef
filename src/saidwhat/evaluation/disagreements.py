"""Where predictions and gold part ways, one record per quote: `saidwhat evaluate --disagreements FILE`.

The figures say how often a system is wrong; these records say where. Each is a gold quote no
prediction aligns with (`missed`), a prediction no gold quote aligns with (`spurious`), or an aligned
pair whose spans differ after normalisation (`differs`), with how each differing span kind relates:
the prediction's span is `shorter` or `longer` than the gold's (one inside the other), `overlapping`,
`elsewhere` (no character shared), `absent` (only the gold has one) or `extra` (only the prediction).
Then the gold quotes that attribution and speaker accuracy count wrong (`attribution`, `speaker`),
with the prediction they were matched to, if any. Spans are shown as they are compared: normalised as
in docs/evaluation.md.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..annotations.fragments import EvalDoc, EvalQuote, Fragment
from ..errors import InputError
from .metrics import KINDS, PreparedQuote, align, best_content_match, prepare, same_speaker


def span_relation(pred: tuple[Fragment, ...], gold: tuple[Fragment, ...]) -> str | None:
    """How a predicted span stands to the gold one; None when they are equal."""
    if pred == gold:
        return None
    if not pred:
        return "absent"
    if not gold:
        return "extra"
    pred_chars = {i for start, end in pred for i in range(start, end)}
    gold_chars = {i for start, end in gold for i in range(start, end)}
    if pred_chars < gold_chars:
        return "shorter"
    if pred_chars > gold_chars:
        return "longer"
    return "overlapping" if pred_chars & gold_chars else "elsewhere"


def _describe(text: str, quote: PreparedQuote) -> dict[str, Any]:
    described: dict[str, Any] = {
        kind: [{"start": start, "end": end, "text": text[start:end]} for start, end in quote.norm[kind]]
        for kind in KINDS
    }
    described["speaker"] = quote.quote.speaker
    return described


def _record(doc: EvalDoc, error: str, counted_as: PreparedQuote, **quotes: PreparedQuote | None) -> dict[str, Any]:
    subset = "direct" if counted_as.direct else "indirect"
    described = {role: None if quote is None else _describe(doc.text, quote) for role, quote in quotes.items()}
    return {"doc_id": doc.doc_id, "error": error, "subset": subset, **described}


def doc_disagreements(doc: EvalDoc, predicted: Sequence[EvalQuote]) -> Iterator[dict[str, Any]]:
    """The disagreements in one document: missed gold quotes, spurious predictions, differing pairs."""
    golds = [prepare(doc.text, quote) for quote in doc.quotes]
    preds = [prepare(doc.text, quote) for quote in predicted]
    pairs = align(preds, golds)
    aligned_golds = set(pairs.values())
    for j, gold in enumerate(golds):
        if j not in aligned_golds:
            yield _record(doc, "missed", gold, gold=gold)
    for i, pred in enumerate(preds):
        if i not in pairs:
            yield _record(doc, "spurious", pred, pred=pred)
            continue
        gold = golds[pairs[i]]
        relations = {kind: span_relation(pred.norm[kind], gold.norm[kind]) for kind in KINDS}
        differing = {kind: relation for kind, relation in relations.items() if relation is not None}
        if differing:
            # a differing pair is counted in its gold quote's subset, as the metrics count it
            yield {**_record(doc, "differs", gold, gold=gold, pred=pred), "spans": differing}
    yield from _wrong_attributions(doc, golds, preds)


def _wrong_attributions(
    doc: EvalDoc, golds: Sequence[PreparedQuote], preds: Sequence[PreparedQuote]
) -> Iterator[dict[str, Any]]:
    """The gold quotes that attribution or speaker accuracy counts wrong: no prediction covers half the
    content, or the one that does names no source sharing a character with the gold's / another speaker."""
    for gold in golds:
        match = best_content_match(gold, preds)
        if gold.chars["source"] and (match is None or not match.chars["source"] & gold.chars["source"]):
            yield _record(doc, "attribution", gold, gold=gold, pred=match)
        if gold.quote.speaker and (match is None or not same_speaker(match, gold)[0]):
            yield _record(doc, "speaker", gold, gold=gold, pred=match)


def disagreements(docs: Iterable[EvalDoc], predictions: Mapping[str, Sequence[EvalQuote]]) -> Iterator[dict[str, Any]]:
    """Every document's disagreements, in gold order."""
    for doc in docs:
        yield from doc_disagreements(doc, predictions.get(doc.doc_id, ()))


def tally(records: Iterable[dict[str, Any]]) -> Counter[str]:
    """Counts by kind of error: 'missed', 'spurious', 'attribution', 'speaker', and 'cue shorter' and the
    like for differing pairs."""
    counts: Counter[str] = Counter()
    for record in records:
        if record["error"] == "differs":
            counts.update(f"{kind} {relation}" for kind, relation in record["spans"].items())
        else:
            counts[record["error"]] += 1
    return counts


def write_disagreements(
    path: Path, docs: Iterable[EvalDoc], predictions: Mapping[str, Sequence[EvalQuote]]
) -> Counter[str]:
    """Write one JSON line per disagreement; return their tally."""
    records = list(disagreements(docs, predictions))
    try:
        with open(path, "w", encoding="utf-8") as out:
            out.writelines(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    except OSError as err:
        raise InputError(f"cannot write disagreements to '{path}' ({err.strerror})") from err
    return tally(records)


_WHOLE_QUOTE_ERRORS = ("missed", "spurious")
_MATCH_ERRORS = ("attribution", "speaker")


def summary_line(counts: Counter[str]) -> str:
    """'missed 3, spurious 1; differing spans: cue shorter 2, content longer 1; wrong attribution 4,
    wrong speaker 2' (spans most frequent first; speakers only where counted)."""
    whole = ", ".join(f"{kind} {counts[kind]}" for kind in _WHOLE_QUOTE_ERRORS)
    spans = [f"{key} {n}" for key, n in counts.most_common() if key not in _WHOLE_QUOTE_ERRORS + _MATCH_ERRORS]
    wrong = [f"wrong {kind} {counts[kind]}" for kind in _MATCH_ERRORS if kind == "attribution" or counts[kind]]
    return "; ".join([whole, *(["differing spans: " + ", ".join(spans)] if spans else []), ", ".join(wrong)])

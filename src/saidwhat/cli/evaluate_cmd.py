"""`saidwhat evaluate`: accuracy against gold annotations."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..evaluation import PredictionOptions, evaluate, render_table, write_score_format
from ..evaluation.agreement import evaluate_agreement
from ..evaluation.disagreements import summary_line, write_disagreements
from .outputs import check_writable, refuse_to_overwrite

MAX_NOTES_SHOWN = 20


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "evaluate",
        help="score saidwhat (or given predictions) against gold quotations",
        description=(
            "Run saidwhat on the texts of a gold set (PolNeAR brat folder, BBC gold folder, seed gold JSON, "
            "or hand-corrected saidwhat records) and print precision, recall, F1 and attribution accuracy. "
            "See docs/evaluation.md."
        ),
    )
    parser.add_argument("--gold", required=True, metavar="PATH", help="gold folder or file; the layout is detected")
    parser.add_argument("--split", default="dev", help="for a brat folder with splits: the one to use (default dev)")
    parser.add_argument("--pred", metavar="FILE.jsonl", help="score these predictions instead of running saidwhat")
    parser.add_argument("--limit", type=int, metavar="N", help="only the first N gold documents")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--dump-pred", metavar="FILE", help="write the scored predictions in score.py's format")
    parser.add_argument(
        "--disagreements",
        metavar="FILE.jsonl",
        help="write each quote where predictions and gold differ (missed, spurious, differing spans, wrong "
        "attribution or speaker) to FILE",
    )
    _add_other_runs(parser)
    parser.add_argument("--force", action="store_true", help="overwrite an existing output file")
    parser.add_argument(
        "--conventions",
        choices=("saidwhat", "polnear"),
        help="span conventions to extract with (see docs/model.md); default: the gold's own "
        "(polnear for brat, saidwhat for the JSON and records layouts)",
    )
    parser.set_defaults(func=evaluate_cli)


def _add_other_runs(parser: argparse.ArgumentParser) -> None:
    """Options that score something other than saidwhat against one gold: annotators, speaker-ranker folds."""
    parser.add_argument(
        "--annotators",
        action="store_true",
        help="brat gold only: on the texts that several annotators marked, score each annotator against each "
        "other (how far people agree) and saidwhat (or --pred) against each annotator",
    )
    parser.add_argument(
        "--folds",
        type=int,
        metavar="N",
        help="BBC-layout gold with speakers only: cross-validate the speaker ranker by article (train on N-1 "
        "folds, score the held-out one) and print its speaker figures by source kind",
    )


def _check_args(args: argparse.Namespace) -> None:
    if args.limit is not None and args.limit < 1:
        raise UsageError(f"--limit must be a positive number of documents, got {args.limit}")
    if args.split not in ("train", "dev", "test"):
        raise UsageError(f"--split must be train or dev (or test), got {args.split!r}")
    for option, path in (("--dump-pred", args.dump_pred), ("--disagreements", args.disagreements)):
        if path:
            check_writable(path, option)
            refuse_to_overwrite(path, force=args.force, what=f"{option} file")
    if args.pred and not Path(args.pred).is_file():
        raise UsageError(f"--pred file '{args.pred}' does not exist")
    if args.annotators and (args.dump_pred or args.disagreements):
        raise UsageError("--annotators scores against several annotators; it takes no --dump-pred or --disagreements")


def _report_notes(notes: tuple[str, ...]) -> None:
    for note in notes[:MAX_NOTES_SHOWN]:
        print(f"saidwhat evaluate: warning: {note}", file=sys.stderr)
    if len(notes) > MAX_NOTES_SHOWN:
        print(f"saidwhat evaluate: ... and {len(notes) - MAX_NOTES_SHOWN} more warnings", file=sys.stderr)


def _run_options(args: argparse.Namespace) -> dict[str, Any]:
    """What `evaluate` and `evaluate_agreement` take from the command line besides the gold path."""
    pred_path = Path(args.pred) if args.pred else None
    options = PredictionOptions(pred_path=pred_path, conventions=args.conventions)
    return {"split": args.split, "limit": args.limit, "options": options}


def evaluate_cli(args: argparse.Namespace) -> int:
    _check_args(args)
    if args.annotators:
        return _agreement_cli(args)
    if args.folds is not None:
        return _folds_cli(args)
    evaluation = evaluate(Path(args.gold), **_run_options(args))
    _report_notes(evaluation.notes)
    if args.dump_pred:
        write_score_format(Path(args.dump_pred), evaluation.predictions, evaluation.gold.docs)
    if args.disagreements:
        counts = write_disagreements(Path(args.disagreements), evaluation.gold.docs, evaluation.predictions.by_doc)
        print(f"saidwhat evaluate: wrote {args.disagreements}: {summary_line(counts)}", file=sys.stderr)
    if args.json:
        print(json.dumps(evaluation.to_dict(), indent=1))
    else:
        meta = evaluation.to_dict()["meta"]
        print(
            f"gold {meta['gold']} ({meta['gold_kind']}): {meta['n_docs']} docs, {meta['n_gold_quotes']} quotes;"
            f" predictions: {meta['pred']}"
        )
        print(render_table(evaluation.results))
    return 0


def _folds_cli(args: argparse.Namespace) -> int:
    from ..learn.speakers import cross_validate, parse_gold, render_cross_validation

    figures = cross_validate(parse_gold(Path(args.gold)), folds=args.folds)
    print(json.dumps(figures, indent=1) if args.json else render_cross_validation(figures))
    return 0


def _agreement_cli(args: argparse.Namespace) -> int:
    agreement = evaluate_agreement(Path(args.gold), **_run_options(args))
    _report_notes(agreement.notes)
    if args.json:
        print(json.dumps(agreement.to_dict(), indent=1))
        return 0
    meta = agreement.to_dict()["meta"]
    texts = f"{meta['n_texts']} text{'s' * (meta['n_texts'] != 1)}"
    print(
        f"gold {meta['gold']} (brat): {texts} marked by several annotators,"
        f" {meta['n_annotations']} annotations; predictions: {meta['pred']}"
    )
    print("\nannotators against each other (each as gold, every other one as predictions):")
    print(render_table(agreement.agreement))
    print(f"\n{meta['pred']} against each annotator:")
    print(render_table(agreement.results))
    return 0

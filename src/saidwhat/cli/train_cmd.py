"""`saidwhat train`: learn the attribution model from brat-annotated articles, or one of the other models.

The training modules are imported by the function that runs them: the other commands never load them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..errors import InputError, UsageError
from ..read import read_inputs
from .outputs import refuse_to_overwrite


def register(subparsers: Any) -> None:
    train = subparsers.add_parser(
        "train",
        help="learn the attribution model from brat-annotated articles (PolNeAR layout)",
        description="Parse the annotated texts, learn cue detection and content boundaries and write "
        "DIR/attribution.json. Use the result with SAIDWHAT_MODEL_PATH=DIR (or the setting model_path).",
    )
    train.add_argument(
        "--gold",
        metavar="PATH",
        help="folder with text/ and attributions/, or with a train/ split (required but with --names and --casing)",
    )
    train.add_argument(
        "--split", default="train", help="split folder to learn from when PATH has splits (default: train)"
    )
    train.add_argument("--out", required=True, metavar="DIR", help="folder to write attribution.json into")
    train.add_argument("--force", action="store_true", help="overwrite an existing model in DIR")
    _add_other_models(train)
    train.set_defaults(func=train_cli)


def _add_other_models(train: argparse.ArgumentParser) -> None:
    """The flags that learn one of the other shipped models instead of the attribution model."""
    train.add_argument(
        "--quotes",
        action="store_true",
        help="learn only the decision 'is this someone's words?' from a gold in the BBC layout (gold.json with "
        "non_quotes) and write DIR/quotes.json",
    )
    train.add_argument(
        "--polnear",
        metavar="PATH",
        help="with --quotes: also learn quoted runs from PolNeAR's train split (a run no attribution covers is none)",
    )
    train.add_argument(
        "--speakers",
        action="store_true",
        help="learn only the speaker ranker, from a gold with canonical speakers in the BBC layout "
        "(e.g. ../shared/data/bbc-train-gold), and write DIR/speakers.json; "
        "--out src/saidwhat/models reproduces the shipped one",
    )
    train.add_argument("--names", action="store_true", help="learn only the fast name classifier: DIR/names.json")
    train.add_argument(
        "--casing",
        action="store_true",
        help="count only which words news writes in lower case (a role, not a name, where one opens a name): "
        "DIR/lowercase_words.json",
    )
    train.add_argument(
        "--body-nouns",
        action="store_true",
        help="count only which nouns news uses of bodies, not people ('the software giant'): DIR/body_nouns.json",
    )
    train.add_argument(
        "--texts",
        metavar="FILE.csv",
        help="with --names, --casing or --body-nouns: news texts ('text' column) to learn from",
    )


def train_speakers_cli(args: argparse.Namespace) -> int:
    from ..learn.speakers import parse_gold, train_speaker_model
    from ..speakers.ranker import SPEAKER_MODEL_FILE

    out = Path(args.out)
    refuse_to_overwrite(out / SPEAKER_MODEL_FILE, force=args.force, what="model")
    gold = Path(args.gold)
    docs = parse_gold(gold)
    model = train_speaker_model(docs, source=gold.name)
    out.mkdir(parents=True, exist_ok=True)
    model.save(out / SPEAKER_MODEL_FILE)
    print(
        f"saidwhat train: learned the speaker ranker from {len(docs)} texts ({len(model.weights)} weights); "
        f"wrote {out / SPEAKER_MODEL_FILE}",
        file=sys.stderr,
    )
    return 0


def _check_args(args: argparse.Namespace) -> None:
    modes = [
        flag
        for flag, given in (
            ("--quotes", args.quotes),
            ("--speakers", args.speakers),
            ("--names", args.names),
            ("--casing", args.casing),
            ("--body-nouns", args.body_nouns),
        )
        if given
    ]
    if len(modes) > 1:
        raise UsageError(f"{' and '.join(modes)} conflict: each learns one model; give one of them")
    from_texts = args.names or args.casing or args.body_nouns
    if from_texts and not args.texts:
        raise UsageError(f"{modes[0]} needs --texts FILE.csv: the news texts to learn from")
    if args.texts and not from_texts:
        raise UsageError("--texts goes with --names, --casing or --body-nouns; the other models learn from --gold")
    if not from_texts and not args.gold:
        raise UsageError("--gold PATH is required: the annotated articles to learn from")


def train_cli(args: argparse.Namespace) -> int:
    _check_args(args)
    if args.quotes:
        return _train_quotes_cli(args)
    if args.speakers:
        return train_speakers_cli(args)
    if args.names:
        return train_names_cli(args)
    if args.casing:
        return _train_casing_cli(args)
    if args.body_nouns:
        return _train_body_nouns_cli(args)
    return _train_attribution_cli(args)


def _train_attribution_cli(args: argparse.Namespace) -> int:
    from ..annotations.brat import brat_folder
    from ..learn.linear import MODEL_FILE
    from ..learn.train import train_from_folder

    folder = brat_folder(Path(args.gold), args.split)
    if folder is None:
        raise InputError(
            f"'{args.gold}' holds neither {args.split}/text/ + {args.split}/attributions/ nor text/ + attributions/: "
            "saidwhat train reads brat standoff in the PolNeAR layout"
        )
    out = Path(args.out)
    refuse_to_overwrite(out / MODEL_FILE, force=args.force, what="model")
    out.mkdir(parents=True, exist_ok=True)
    model = train_from_folder(folder, progress=StderrProgress())
    model.save(out / MODEL_FILE)
    meta = model.meta
    print(
        f"saidwhat train: learned from {meta['documents']} texts ({meta['cue_examples']} cue and "
        f"{meta['boundary_examples']} boundary examples); wrote {out / MODEL_FILE}",
        file=sys.stderr,
    )
    return 0


class StderrProgress:
    """Training progress on stderr: a line per stage, and parsed texts every tenth of the way."""

    def __init__(self) -> None:
        self.stage = ""
        self.shown = -1

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage != self.stage:
            self.stage, self.shown = stage, -1
            if not done:
                print(f"saidwhat train: {stage}…", file=sys.stderr, flush=True)
        tenth = done * 10 // max(total, 1)
        if done and tenth > self.shown:
            self.shown = tenth
            print(f"saidwhat train: {stage}: {done}/{total}", file=sys.stderr, flush=True)


def _train_quotes_cli(args: argparse.Namespace) -> int:
    from ..extraction.deciders import load_deciders
    from ..learn.quoteness import QUOTE_MODEL_FILE
    from ..learn.train_quotes import train_quote_models
    from ..pipeline import load_parser

    gold = Path(args.gold)
    if not (gold / "gold.json").is_file():
        raise InputError(f"'{gold}' holds no gold.json: saidwhat train --quotes reads a gold in the BBC layout")
    out = Path(args.out)
    refuse_to_overwrite(out / QUOTE_MODEL_FILE, force=args.force, what="model")
    out.mkdir(parents=True, exist_ok=True)
    print(f"saidwhat train: parsing {gold} and learning the quote decisions ...", file=sys.stderr)
    polnear = Path(args.polnear) if args.polnear else None
    models = train_quote_models(gold, load_deciders(use_model=True), load_parser(), polnear_path=polnear)
    models.save(out / QUOTE_MODEL_FILE)
    meta = models.meta
    print(
        f"saidwhat train: learned from {meta['documents']} texts (+{meta['polnear_documents']} PolNeAR texts for "
        f"quoted runs): {meta['run_examples']} quoted runs, {meta['quote_positives']} quotes and "
        f"{meta['quote_negatives']} non-quotes found; wrote {out / QUOTE_MODEL_FILE}",
        file=sys.stderr,
    )
    return 0


def train_names_cli(args: argparse.Namespace) -> int:
    from ..learn.names import LABELS, NAMES_FILE, examples, fit
    from ..pipeline import load_parser

    out = Path(args.out)
    refuse_to_overwrite(out / NAMES_FILE, force=args.force, what="model")
    texts = _read_csv_texts(args.texts)
    pairs = list(examples(load_parser().pipe(texts, batch_size=32)))
    missing = sorted(set(LABELS) - {label for _, label in pairs})
    if missing:
        raise InputError(
            f"--texts: no run of proper nouns is labelled {', '.join(missing)} in {len(texts)} texts; give more"
        )
    out.mkdir(parents=True, exist_ok=True)
    fit(pairs).save(out / NAMES_FILE)
    print(
        f"saidwhat train: learned the name classifier from {len(pairs)} runs of proper nouns in {len(texts)} texts; "
        f"wrote {out / NAMES_FILE}",
        file=sys.stderr,
    )
    return 0


def _train_casing_cli(args: argparse.Namespace) -> int:
    from ..learn.casing import LOWERCASE_WORDS_FILE, save_lowercase_words, words_written_lower

    out = Path(args.out)
    refuse_to_overwrite(out / LOWERCASE_WORDS_FILE, force=args.force, what="model")
    texts = _read_csv_texts(args.texts)
    words = words_written_lower(texts)
    out.mkdir(parents=True, exist_ok=True)
    save_lowercase_words(words, out / LOWERCASE_WORDS_FILE, source=Path(args.texts).name, texts=len(texts))
    print(
        f"saidwhat train: {len(words)} words written in lower case in {len(texts)} texts; "
        f"wrote {out / LOWERCASE_WORDS_FILE}",
        file=sys.stderr,
    )
    return 0


def _train_body_nouns_cli(args: argparse.Namespace) -> int:
    from ..learn.body_nouns import BODY_NOUNS_FILE, learn_body_nouns, save_body_nouns
    from ..pipeline import load_nlp
    from ..settings import load_settings

    out = Path(args.out)
    refuse_to_overwrite(out / BODY_NOUNS_FILE, force=args.force, what="model")
    texts = _read_csv_texts(args.texts)
    nouns = learn_body_nouns(load_nlp(load_settings()), texts)
    out.mkdir(parents=True, exist_ok=True)
    save_body_nouns(nouns, out / BODY_NOUNS_FILE, source=Path(args.texts).name, texts=len(texts))
    print(
        f"saidwhat train: {len(nouns)} nouns of bodies in {len(texts)} texts; wrote {out / BODY_NOUNS_FILE}",
        file=sys.stderr,
    )
    return 0


def _read_csv_texts(path: str) -> list[str]:
    """The texts of a CSV file's rows, through saidwhat's one input reader; an unreadable file is an InputError."""
    items = list(read_inputs([path], input_format="csv"))
    failed = [item.error for item in items if item.error]
    if failed:
        raise InputError(f"--texts: {failed[0]}")
    return [item.document.text for item in items if item.document is not None]

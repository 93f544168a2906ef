"""`saidwhat train`: learn the attribution model from brat-annotated articles."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..errors import InputError


def register(subparsers: Any) -> None:
    train = subparsers.add_parser(
        "train",
        help="learn the attribution model from brat-annotated articles (PolNeAR layout)",
        description="Parse the annotated texts, learn cue detection and content boundaries and write "
        "DIR/attribution.json. Use the result with SAIDWHAT_MODEL_PATH=DIR (or the setting model_path).",
    )
    train.add_argument(
        "--gold", required=True, metavar="PATH", help="folder with text/ and attributions/, or with a train/ split"
    )
    train.add_argument(
        "--split", default="train", help="split folder to learn from when PATH has splits (default: train)"
    )
    train.add_argument("--out", required=True, metavar="DIR", help="folder to write attribution.json into")
    train.add_argument("--force", action="store_true", help="overwrite an existing model in DIR")
    train.add_argument(
        "--speakers",
        action="store_true",
        help="learn only the speaker ranker, from a gold with canonical speakers in the BBC layout "
        "(e.g. ../shared/data/bbc-train-gold), and write DIR/speakers.json; "
        "--out src/saidwhat/models reproduces the shipped one",
    )
    train.set_defaults(func=train_cli)


def train_speakers_cli(args: argparse.Namespace) -> int:
    from ..learn.speakers import parse_gold, train_speaker_model
    from ..speakers.ranker import SPEAKER_MODEL_FILE
    from . import UsageError

    out = Path(args.out)
    if (out / SPEAKER_MODEL_FILE).exists() and not args.force:
        raise UsageError(f"'{out / SPEAKER_MODEL_FILE}' exists; pass --force to overwrite it")
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


def train_cli(args: argparse.Namespace) -> int:
    from ..evaluation.brat import brat_folder
    from ..learn.linear import MODEL_FILE
    from ..learn.train import train_from_folder
    from . import UsageError

    if args.speakers:
        return train_speakers_cli(args)
    folder = brat_folder(Path(args.gold), args.split)
    if folder is None:
        raise InputError(
            f"'{args.gold}' holds neither {args.split}/text/ + {args.split}/attributions/ nor text/ + attributions/: "
            "saidwhat train reads brat standoff in the PolNeAR layout"
        )
    out = Path(args.out)
    if (out / MODEL_FILE).exists() and not args.force:
        raise UsageError(f"'{out / MODEL_FILE}' exists; pass --force to overwrite it")
    out.mkdir(parents=True, exist_ok=True)
    model = train_from_folder(folder)
    model.save(out / MODEL_FILE)
    meta = model.meta
    print(
        f"saidwhat train: learned from {meta['documents']} texts ({meta['cue_examples']} cue and "
        f"{meta['boundary_examples']} boundary examples); wrote {out / MODEL_FILE}",
        file=sys.stderr,
    )
    return 0

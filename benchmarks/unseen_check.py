"""What a change does on news nobody tuned on: 650 unannotated BBC articles, two versions' outputs side by side.

    python3 benchmarks/unseen_check.py sets [--data ../shared/data/bbc] [--out DIR]
    python3 benchmarks/unseen_check.py diff BASE.jsonl NEW.jsonl [--text SET.jsonl]

`sets` writes the two sets the team reads changes on, as JSONL (doc_id, text) for `saidwhat extract`:
train400.jsonl (400 articles of train.csv, where errors may be looked for) and val250.jsonl (250 of val.csv,
held out: read only as the diff of a change). The rows are fixed in benchmarks/unseen_ids.json; none is a text
of bbc-train-gold or bbc-gold. The data stays in ../shared; only row numbers live here.

`diff` compares two versions' `saidwhat extract` outputs over the same set and prints every quote whose speaker
or cue changed, or that one side alone reports (matched by its content's first start and last end), with the
sentence around it when `--text` names the set, then a count. Every printed change is meant to be read in its
article and counted better / worse / unclear: the counts, not the CV, decide whether a change transfers.

A change is checked with, for each set:

    saidwhat extract /tmp/unseen/val250.jsonl -o /tmp/base-val250.jsonl      # on the base commit
    saidwhat extract /tmp/unseen/val250.jsonl -o /tmp/new-val250.jsonl       # on the change
    python3 benchmarks/unseen_check.py diff /tmp/base-val250.jsonl /tmp/new-val250.jsonl --text /tmp/unseen/val250.jsonl
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
IDS = Path(__file__).resolve().parent / "unseen_ids.json"
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "bbc"
CONTEXT_CHARS = 160

Record = dict[str, Any]
Quote = dict[str, Any]


def write_sets(data: Path, out: Path) -> None:
    csv.field_size_limit(1 << 30)
    out.mkdir(parents=True, exist_ok=True)
    for name, chosen in json.loads(IDS.read_text(encoding="utf-8")).items():
        split = chosen["split"]
        with open(data / split, encoding="utf-8", newline="") as stream:
            rows = list(csv.DictReader(stream))
        prefix = split.removesuffix(".csv")
        with open(out / f"{name}.jsonl", "w", encoding="utf-8") as sink:
            for row in chosen["rows"]:
                sink.write(json.dumps({"doc_id": f"{prefix}-{row}", "text": rows[row]["text"]}) + "\n")
        print(f"{out / name}.jsonl: {len(chosen['rows'])} articles of {data / split}")


def read_jsonl(path: Path) -> list[Record]:
    with open(path, encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


def speaker_name(record: Record, quote: Quote) -> str | None:
    for speaker in record.get("speakers", []):
        if speaker["id"] == quote.get("speaker"):
            return str(speaker["name"])
    return None


def cue_text(quote: Quote) -> str | None:
    cue = quote.get("cue") or {}
    return cue.get("text")


def by_content_bounds(record: Record) -> dict[tuple[int, int], Quote]:
    return {(q["contents"][0]["start"], q["contents"][-1]["end"]): q for q in record.get("quotes", [])}


def changes(base: Record, new: Record) -> Iterator[tuple[tuple[int, int], str]]:
    """Each quote of one article that differs between the versions, as (bounds, one line)."""
    old_quotes, new_quotes = by_content_bounds(base), by_content_bounds(new)
    for bounds in sorted(set(old_quotes) | set(new_quotes)):
        was, now = old_quotes.get(bounds), new_quotes.get(bounds)
        if was is None or now is None:
            side, record, quote = ("base", base, was) if now is None else ("new", new, now)
            assert quote is not None
            content = " .. ".join(c["text"] for c in quote["contents"])[:100]
            yield bounds, f"only {side}: cue {cue_text(quote)!r}, speaker {speaker_name(record, quote)!r} | {content}"
            continue
        old_speaker, new_speaker = speaker_name(base, was), speaker_name(new, now)
        if old_speaker != new_speaker or cue_text(was) != cue_text(now):
            yield (
                bounds,
                (
                    f"speaker {old_speaker!r} -> {new_speaker!r}, cue {cue_text(was)!r} -> {cue_text(now)!r}"
                    f" | {was['contents'][0]['text'][:60]}"
                ),
            )


def context(text: str, start: int) -> str:
    return text[max(0, start - CONTEXT_CHARS) : start + CONTEXT_CHARS].replace("\n", " / ")


def print_diff(base_path: Path, new_path: Path, texts_path: Path | None) -> int:
    base, new = read_jsonl(base_path), read_jsonl(new_path)
    if [r["doc_id"] for r in base] != [r["doc_id"] for r in new]:
        sys.exit(f"error: {base_path} and {new_path} do not hold the same articles in the same order")
    texts = {r["doc_id"]: r["text"] for r in read_jsonl(texts_path)} if texts_path else {}
    changed = 0
    for old_record, new_record in zip(base, new, strict=True):
        for (start, end), line in changes(old_record, new_record):
            changed += 1
            print(f"{old_record['doc_id']} {start}-{end} {line}")
            if old_record["doc_id"] in texts:
                print(f"    … {context(texts[old_record['doc_id']], start)} …")
    print(f"{changed} quotes changed in {len(base)} articles")
    return changed


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    sets = commands.add_parser("sets", help="write train400.jsonl and val250.jsonl from the BBC articles")
    sets.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with train.csv and val.csv")
    sets.add_argument("--out", type=Path, default=Path("/tmp/unseen"), help="folder to write the sets to")
    diff = commands.add_parser("diff", help="print the quotes that differ between two outputs of one set")
    diff.add_argument("base", type=Path)
    diff.add_argument("new", type=Path)
    diff.add_argument("--text", type=Path, help="the set's JSONL, to print each change's context")
    args = parser.parse_args(argv)
    if args.command == "sets":
        write_sets(args.data, args.out)
    else:
        print_diff(args.base, args.new, args.text)


if __name__ == "__main__":
    main()

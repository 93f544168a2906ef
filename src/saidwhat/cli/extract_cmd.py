"""`saidwhat extract` and `saidwhat demo`: thin adapters over `saidwhat.batch` and `saidwhat.read`."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from ..batch import DEFAULT_CHUNK_SIZE, Outcome, default_workers, done_doc_ids, run_batch
from ..errors import UsageError
from ..pipeline import extract_many
from ..read import INPUT_FORMATS, Fields, Item, read_inputs
from ..records import Article, Document
from ..render import plural, render_article
from ..samples import demo_text
from ..settings import load_settings
from .outputs import check_writable, open_outputs, refuse_to_overwrite


def register(subparsers: Any) -> None:
    _register_extract(subparsers)
    _register_demo(subparsers)


def _register_extract(subparsers: Any) -> None:
    extract = subparsers.add_parser(
        "extract",
        help="find every quotation in articles; JSON Lines out",
        description=(
            "Read articles from files, directories (recursively: .txt, .html/.htm, .jsonl, .jsonl.gz) "
            "or stdin ('-' or no path) and write one JSON record per article, as it goes."
        ),
    )
    extract.add_argument("paths", nargs="*", metavar="PATH", help="files or directories; stdin when none or '-'")
    extract.add_argument("-o", "--output", metavar="FILE", help="write records here instead of stdout")
    extract.add_argument("--force", action="store_true", help="overwrite an existing --output file")
    extract.add_argument("--resume", action="store_true", help="append to --output, skipping doc_ids written there")
    extract.add_argument("--errors", metavar="FILE", help="write failed documents here (JSONL: doc_id, input, reason)")
    extract.add_argument("--workers", type=int, default=0, metavar="N", help="processes (default: all cores)")
    extract.add_argument("--chunk-size", type=int, default=DEFAULT_CHUNK_SIZE, metavar="N", help="documents per task")
    extract.add_argument("--unordered", action="store_true", help="write records as they finish (faster)")
    extract.add_argument(
        "--focus",
        action="store_true",
        help="parse only sentences that can hold a quotation (~3%% faster; ~0.4%% of quotes may differ)",
    )
    extract.add_argument(
        "--fast-entities",
        action="store_true",
        help="find names without spaCy's NER (about 2x faster; speaker names a little less often right)",
    )
    add_input_options(extract)
    extract.add_argument("--pretty", action="store_true", help="a readable view instead of JSON")
    extract.add_argument("--full", action="store_true", help="with --pretty: whole quotations, not one line each")
    extract.add_argument("--with-text", action="store_true", help="include the analysed text in each record")
    extract.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary on stderr")
    extract.set_defaults(func=extract_cli)


def _register_demo(subparsers: Any) -> None:
    demo = subparsers.add_parser(
        "demo",
        help="run on the built-in sample article and show the result",
        description="Extract the quotations of a short built-in interview piece.",
    )
    demo.add_argument("--json", action="store_true", help="print the JSON record instead")
    demo.add_argument("--full", action="store_true", help="whole quotations, not one line each")
    demo.add_argument(
        "--write-sample", metavar="FILE", help="also write the sample article to FILE (to ingest or extract)"
    )
    demo.set_defaults(func=demo_cli)


def add_input_options(parser: argparse.ArgumentParser) -> None:
    """The options of `saidwhat.read` that `extract` and `ingest` share."""
    parser.add_argument("--text-field", default="text", metavar="NAME", help="JSONL key (CSV column) holding the text")
    parser.add_argument("--id-field", default="id", metavar="NAME", help="JSONL key (CSV column) holding the doc_id")
    parser.add_argument("--input-format", choices=INPUT_FORMATS, default="auto", help="override the file type")


def read_items(args: argparse.Namespace) -> Iterator[Item]:
    """Every input item named on the command line, read with the shared input options."""
    fields = Fields(args.text_field, args.id_field)
    return read_inputs(args.paths, fields=fields, input_format=args.input_format)


@dataclass(slots=True)
class Tally:
    """What a run did, for the summary line."""

    articles: int = 0
    quotes: int = 0
    failed: int = 0
    skipped: int = 0


def check_options(args: argparse.Namespace) -> None:
    """Refuse conflicting or bad options before any work starts."""
    if args.resume and not args.output:
        raise UsageError("--resume needs -o/--output: the file to resume")
    if args.resume and args.force:
        raise UsageError("--resume and --force conflict: one keeps the output, the other overwrites it")
    if args.resume and args.pretty:
        raise UsageError("--resume needs JSON output; drop --pretty")
    if args.full and not args.pretty:
        raise UsageError("--full widens the --pretty view; add --pretty (JSON records always hold whole quotations)")
    if args.output:
        refuse_to_overwrite(args.output, force=args.force or args.resume, alternative=" or --resume to continue")
    if args.workers < 0:
        raise UsageError(f"--workers must be 0 (all cores) or more, got {args.workers}")
    if args.chunk_size < 1:
        raise UsageError(f"--chunk-size must be positive, got {args.chunk_size}")
    if args.errors and args.output and Path(args.errors).resolve() == Path(args.output).resolve():
        raise UsageError("--errors and --output must be different files")


def _skip_done(items: Iterator[Item], done: set[str], tally: Tally) -> Iterator[Item]:
    for item in items:
        if item.doc_id in done:
            tally.skipped += 1
            continue
        yield item


def _progress(outcomes: Iterator[Outcome], tally: Tally, *, show: bool) -> Iterator[Outcome]:
    """Count outcomes; with `show`, draw a progress bar on stderr with articles/s and quotes."""
    bar: Any = None
    if show:
        from tqdm import tqdm

        bar = tqdm(unit=" articles", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)
    try:
        for outcome in outcomes:
            if outcome.article is not None:
                tally.articles += 1
                tally.quotes += len(outcome.article.quotes)
            else:
                tally.failed += 1
            if bar is not None:
                bar.update(1)
                bar.set_postfix(quotes=tally.quotes, errors=tally.failed, refresh=False)
            yield outcome
    finally:
        if bar is not None:
            bar.close()


def _write(outcomes: Iterator[Outcome], out: TextIO, errors: TextIO | None, args: argparse.Namespace) -> None:
    colour = out is sys.stdout and sys.stdout.isatty()
    for outcome in outcomes:
        if outcome.article is not None:
            out.write(_format(outcome.article, args, colour))
            out.flush()
        elif outcome.failure is not None and errors is not None:
            errors.write(json.dumps(outcome.failure.to_dict(), ensure_ascii=False) + "\n")
            errors.flush()
        elif outcome.failure is not None:
            print(f"saidwhat extract: {outcome.failure.reason}", file=sys.stderr)


def _format(article: Article, args: argparse.Namespace, colour: bool) -> str:
    if args.pretty:
        return render_article(article, colour=colour, full=args.full) + "\n\n"
    return json.dumps(article.to_dict(with_text=args.with_text), ensure_ascii=False) + "\n"


def _outputs(args: argparse.Namespace) -> list[tuple[str, str, bool]]:
    return [("--output", args.output, bool(args.resume)), ("--errors", args.errors, False)]


def extract_cli(args: argparse.Namespace) -> int:
    check_options(args)
    for option, path, _ in _outputs(args):
        if path:
            check_writable(path, option)  # before reading any input
    started = time.perf_counter()
    tally = Tally()
    done = done_doc_ids(Path(args.output)) if args.resume else set()
    items = _skip_done(read_items(args), done, tally)
    workers = args.workers or default_workers()
    # The SAIDWHAT_* environment applies, and flags over it.
    settings = load_settings(overrides={"entities": "fast"} if args.fast_entities else None)
    outcomes = run_batch(
        items,
        workers=workers,
        chunk_size=args.chunk_size,
        ordered=not args.unordered,
        focus=args.focus,
        settings=settings,
    )
    show_bar = not args.quiet and sys.stderr.isatty()
    with ExitStack() as stack:
        files = [(option, path, append) for option, path, append in _outputs(args) if path]
        opened = dict(zip([option for option, _, _ in files], open_outputs(stack, files), strict=True))
        out: TextIO = opened.get("--output", sys.stdout)
        errors = opened.get("--errors")
        _write(_progress(outcomes, tally, show=show_bar), out, errors, args)
    if not args.quiet:
        print(_summary(tally, time.perf_counter() - started), file=sys.stderr)
    return 1 if tally.failed else 0


def _summary(tally: Tally, seconds: float) -> str:
    skipped = f", {tally.skipped} skipped (already done)" if tally.skipped else ""
    rate = tally.articles / seconds if seconds > 0 else 0.0
    counts = f"{plural(tally.articles, 'article')}, {plural(tally.quotes, 'quote')}, {plural(tally.failed, 'error')}"
    return f"saidwhat extract: {counts}{skipped} in {seconds:.1f} s ({rate:.1f} articles/s)"


def demo_cli(args: argparse.Namespace) -> int:
    if args.write_sample:
        target = Path(args.write_sample)
        if target.exists():
            raise UsageError(f"'{target}' exists; choose another file for --write-sample")
        check_writable(args.write_sample, "--write-sample")
        target.write_text(demo_text(), encoding="utf-8")
    article = next(extract_many([Document(demo_text(), "demo", title="Lantern Street star Maya Okafor (sample)")]))
    if args.json:
        print(json.dumps(article.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(render_article(article, colour=sys.stdout.isatty(), full=args.full))
    return 0

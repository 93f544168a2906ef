"""`saidwhat spark`: a thin adapter over `saidwhat.spark.job`."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError, UsageError
from ..read import Fields
from ..settings import load_settings

if TYPE_CHECKING:
    from ..spark.job import Progress

OUTPUT_FORMATS = ("parquet", "jsonl")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "spark",
        help="extract quotations from a corpus on Apache Spark; quote, article and error tables out",
        description=(
            "Read WARC/WARC.gz, JSONL(.gz), Parquet files and folders of .txt/.html on a Spark master and write "
            "the quotes/, articles/ and errors/ tables under --output, partitioned by publication day "
            "(docs/spark.md). Needs the spark extra: pip install 'saidwhat[spark]'."
        ),
    )
    parser.add_argument("paths", nargs="+", metavar="INPUT", help="files or folders (local or a path Spark reads)")
    parser.add_argument("-o", "--output", required=True, metavar="DIR", help="folder for the three tables")
    parser.add_argument(
        "--master", metavar="URL", help="Spark master (default: the one spark-submit set, else local[*])"
    )
    parser.add_argument("--format", choices=OUTPUT_FORMATS, default="parquet", help="table format (default parquet)")
    parser.add_argument("--partitions", type=int, default=0, metavar="N", help="tasks (default: 4 per core)")
    parser.add_argument("--force", action="store_true", help="overwrite the tables in an existing --output")
    parser.add_argument("--text-field", default="text", metavar="NAME", help="JSONL key / Parquet column of the text")
    parser.add_argument("--id-field", default="id", metavar="NAME", help="JSONL key / Parquet column of the doc_id")
    parser.add_argument("--fast-entities", action="store_true", help="find names without spaCy's NER (about 2x faster)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress and no summary on stderr")
    parser.set_defaults(func=spark_cli)


def check_options(args: argparse.Namespace) -> None:
    """Refuse bad options before Spark starts."""
    if args.partitions < 0:
        raise UsageError(f"--partitions must be 0 (4 per core) or more, got {args.partitions}")
    output = Path(args.output)
    if output.exists() and not output.is_dir():
        raise UsageError(f"--output '{output}' is a file; give a folder")
    if output.exists() and any(output.iterdir()) and not args.force:
        raise UsageError(f"output folder '{output}' is not empty; pass --force to overwrite its tables")


class _ProgressLine:
    """Spark's stage progress on stderr: one line redrawn on a terminal, a line per change elsewhere."""

    def __init__(self) -> None:
        self.last = ""
        self.redraw = sys.stderr.isatty()

    def __call__(self, progress: Progress) -> None:
        line = f"saidwhat spark: stage {progress.stage}: {progress.done}/{progress.total} tasks done"
        line += f", {progress.running} running"
        if line == self.last:
            return
        self.last = line
        print(f"\r{line}\033[K" if self.redraw else line, end="" if self.redraw else "\n", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.redraw and self.last:
            print(file=sys.stderr)


def spark_cli(args: argparse.Namespace) -> int:
    check_options(args)
    try:
        from ..spark.job import run_spark
    except ImportError as err:
        raise UsageError(f"Apache Spark is not installed: pip install 'saidwhat[spark]' ({err})") from err
    settings = load_settings(overrides={"entities": "fast"} if args.fast_entities else None)
    started = time.perf_counter()
    spark = _start(args.master)
    progress = None if args.quiet else _ProgressLine()
    try:
        summary = run_spark(
            spark,
            args.paths,
            args.output,
            output_format=args.format,
            partitions=args.partitions,
            fields=Fields(args.text_field, args.id_field),
            settings=settings,
            overwrite=args.force,
            on_progress=progress,
        )
    except InputError as err:
        raise UsageError(str(err)) from err
    finally:
        if progress is not None:
            progress.close()
        spark.stop()
    if not args.quiet:
        seconds = time.perf_counter() - started
        print(
            f"saidwhat spark: {summary.articles} articles, {summary.quotes} quotes, {summary.failed} errors "
            f"in {seconds:.1f} s; tables in {args.output}",
            file=sys.stderr,
        )
    return 1 if summary.failed else 0


def _start(master: str | None) -> Any:
    """A SparkSession on `master`; a missing Java runtime or a bad master URL is a usage error."""
    from ..spark.job import spark_session

    try:
        return spark_session(master)
    except Exception as err:  # py4j and pyspark raise several types for a JVM that does not start
        where = f"on master '{master}' " if master else ""
        raise UsageError(f"Spark could not start {where}(is Java 17+ installed?): {err}") from err

"""`saidwhat ingest`, `search`, `speakers` and `export`: the quote archive from the shell."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..archive import Archive, IngestReport, QueryError, SearchFilters, ingest, list_speakers, search_quotes
from ..archive.export import FORMATS, export_rows, write_csv, write_jsonl, write_parquet
from ..archive.search import QuoteHit
from ..errors import UsageError
from ..pipeline import extract_many
from ..read import Item
from ..records import Article, Document
from ..render import plural
from .extract_cmd import add_input_options, read_items
from .outputs import check_writable, refuse_to_overwrite

DEFAULT_DB = "saidwhat.db"
_BOLD_ON, _BOLD_OFF = "\033[1;33m", "\033[0m"
_PLAIN_ON, _PLAIN_OFF = "[", "]"


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default=DEFAULT_DB, metavar="FILE", help=f"archive file (default {DEFAULT_DB})")


def register(subparsers: Any) -> None:
    ingest_parser = subparsers.add_parser(
        "ingest",
        help="extract quotations from articles and store them in the archive",
        description="Read .txt, .html/.htm, .jsonl/.jsonl.gz (documents or records from `saidwhat extract "
        "--with-text`) or .csv (a text column) files, or directories of them, through the same reader as "
        "`saidwhat extract`; extract and store each article once; rerunning skips what is stored "
        "already. A `saidwhat spark` output folder (or its .parquet files) is stored as extracted there.",
    )
    ingest_parser.add_argument("paths", nargs="*", metavar="PATH", help="files or directories; stdin when none or '-'")
    add_input_options(ingest_parser)
    _add_db(ingest_parser)
    ingest_parser.set_defaults(func=ingest_cli)

    search = subparsers.add_parser("search", help="full-text search over stored quotes", description="Find quotes.")
    search.add_argument("query", metavar="QUERY", help='words that must all appear; "a phrase" in quotes')
    search.add_argument("--speaker", metavar="NAME", help="only quotes by this speaker (name, alias or id)")
    search.add_argument("--since", metavar="DATE", help="only articles published on or after (YYYY-MM-DD)")
    search.add_argument("--until", metavar="DATE", help="only articles published on or before (YYYY-MM-DD)")
    search.add_argument("--limit", type=int, default=20, metavar="N", help="at most N quotes (default 20)")
    search.add_argument("--json", action="store_true", help="JSON Lines instead of text")
    _add_db(search)
    search.set_defaults(func=search_cli)

    speakers = subparsers.add_parser("speakers", help="list speakers with quote counts", description="List speakers.")
    speakers.add_argument("--limit", type=int, default=100, metavar="N", help="at most N speakers (default 100)")
    speakers.add_argument("--json", action="store_true", help="JSON Lines instead of text")
    _add_db(speakers)
    speakers.set_defaults(func=speakers_cli)

    export = subparsers.add_parser(
        "export", help="write every stored quote with speaker and article fields", description="Export quotes."
    )
    export.add_argument("--format", choices=FORMATS, default="jsonl", help="output format (default jsonl)")
    export.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout (needed for parquet)")
    export.add_argument("--force", action="store_true", help="overwrite an existing --output file")
    _add_db(export)
    export.set_defaults(func=export_cli)


def _open_existing(db: str) -> Archive:
    if not Path(db).exists():
        raise UsageError(f"archive '{db}' does not exist; create it with `saidwhat ingest PATH --db {db}`")
    return Archive(db)


def pending_articles(archive: Archive, items: Iterable[Document | Article], skipped: list[str]) -> Iterator[Article]:
    """Articles for the items not stored yet (the others go to `skipped` unextracted): records pass
    through, documents are extracted in batches."""
    documents: list[Document] = []
    for item in items:
        if archive.has_article(item.doc_id or "", item.text):
            skipped.append(item.doc_id or "")
            continue
        if isinstance(item, Article):
            yield from extract_many(documents) if documents else ()
            documents = []
            yield item
        else:
            documents.append(item)
            if len(documents) >= 32:
                yield from extract_many(documents)
                documents = []
    if documents:
        yield from extract_many(documents)


def readable_items(items: Iterable[Item], failures: list[str]) -> Iterator[Document | Article]:
    """The record (already extracted) or the document of each item; unreadable ones go to `failures`."""
    for item in items:
        if item.record is not None:
            yield item.record
        elif item.document is not None:
            yield item.document
        else:
            failures.append(item.error or f"{item.origin}: cannot be read")


def ingest_cli(args: argparse.Namespace) -> int:
    failures: list[str] = []
    items = readable_items(read_items(args), failures)
    with Archive(args.db) as archive:
        before = archive.counts()["articles"]
        skipped: list[str] = []
        report = ingest(archive, pending_articles(archive, items, skipped))
        report.skipped[:0] = skipped
        total = archive.counts()
    for failure in failures:
        print(f"saidwhat ingest: {failure}", file=sys.stderr)
    _print_report(report, total, before, len(failures))
    return 1 if failures or report.failed else 0


def _print_report(report: IngestReport, total: dict[str, int], before: int, unread: int) -> None:
    added = plural(len(report.added), "article")
    holds = f"{plural(total['articles'], 'article')} (was {before}), {plural(total['quotes'], 'quote')}"
    print(
        f"saidwhat ingest: {added} added, {len(report.skipped)} already stored, {len(report.failed) + unread} "
        f"failed; archive holds {holds}, {plural(total['speakers'], 'speaker')}",
        file=sys.stderr,
    )


def mark_highlights(hit: QuoteHit, *, colour: bool) -> str:
    """The quote text with matched words in bold colour (a terminal) or [brackets] (anything else)."""
    on, off = (_BOLD_ON, _BOLD_OFF) if colour else (_PLAIN_ON, _PLAIN_OFF)
    parts, position = [], 0
    for start, end in hit.highlights:
        parts += [hit.text[position:start], on, hit.text[start:end], off]
        position = end
    parts.append(hit.text[position:])
    return " ".join("".join(parts).split())


def search_cli(args: argparse.Namespace) -> int:
    filters = SearchFilters(args.query, args.speaker, args.since, args.until, args.limit)
    with _open_existing(args.db) as archive:
        try:
            hits = search_quotes(archive.conn, filters)
        except QueryError as err:
            raise UsageError(str(err)) from err
    colour = sys.stdout.isatty()
    for hit in hits:
        if args.json:
            print(json.dumps(hit.to_dict(), ensure_ascii=False))
            continue
        who = hit.speaker_name or "(unknown speaker)"
        print(f"{who} — {hit.article_title or hit.article_id} ({hit.published or 'undated'})")
        print(f"    {mark_highlights(hit, colour=colour)}")
    if not hits and not args.json:
        print("no quotes found", file=sys.stderr)
    return 0


def speakers_cli(args: argparse.Namespace) -> int:
    with _open_existing(args.db) as archive:
        try:
            rows = list_speakers(archive.conn, limit=args.limit)
        except QueryError as err:
            raise UsageError(str(err)) from err
    for row in rows:
        if args.json:
            print(json.dumps(row, ensure_ascii=False))
        else:
            counts = f"{plural(row['quotes'], 'quote'):>11}  {plural(row['articles'], 'article'):>13}"
            print(f"{row['id']:>6}  {counts}  {row['name']} ({row['kind']})")
    return 0


def export_cli(args: argparse.Namespace) -> int:
    if args.format == "parquet" and not args.output:
        raise UsageError("--format parquet needs -o FILE (parquet is not written to stdout)")
    if args.output:
        refuse_to_overwrite(args.output, force=args.force)
        check_writable(args.output, "--output")
    with _open_existing(args.db) as archive:
        rows = export_rows(archive.conn)
        if args.format == "parquet":
            count = write_parquet(rows, Path(args.output))
        elif args.output:
            with open(args.output, "w", encoding="utf-8", newline="") as out:
                count = (write_csv if args.format == "csv" else write_jsonl)(rows, out)
        else:
            count = (write_csv if args.format == "csv" else write_jsonl)(rows, sys.stdout)
    print(f"saidwhat export: {plural(count, 'quote')} written", file=sys.stderr)
    return 0

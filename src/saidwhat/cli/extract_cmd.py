"""`saidwhat extract` and `saidwhat demo`."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from ..errors import InputError
from ..pipeline import extract_many
from ..records import Article, Document
from ..render import render_article
from ..samples import demo_text


def register(subparsers: Any) -> None:
    extract = subparsers.add_parser(
        "extract",
        help="find every quotation in articles; JSON Lines out",
        description="Read .txt files (or stdin) and write one JSON record per article.",
    )
    extract.add_argument("paths", nargs="*", metavar="PATH", help=".txt files; stdin when none")
    extract.add_argument("-o", "--output", metavar="FILE", help="write records here instead of stdout")
    extract.add_argument("--force", action="store_true", help="overwrite an existing --output file")
    extract.add_argument("--pretty", action="store_true", help="a readable view instead of JSON")
    extract.add_argument("--with-text", action="store_true", help="include the analysed text in each record")
    extract.set_defaults(func=extract_cli)
    demo = subparsers.add_parser(
        "demo",
        help="run on the built-in sample article and show the result",
        description="Extract the quotations of a short built-in interview piece.",
    )
    demo.add_argument("--json", action="store_true", help="print the JSON record instead")
    demo.set_defaults(func=demo_cli)


def _read_text_file(path: Path) -> Document:
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: not UTF-8 text ({err.reason} at byte {err.start})") from err
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror})") from err
    return Document(text=text.removeprefix("\ufeff"), doc_id=path.stem)


def read_documents(paths: list[str], failures: list[str]) -> Iterator[Document]:
    """Documents from paths (or stdin); a file that cannot be read is reported and skipped."""
    if not paths:
        yield Document(text=sys.stdin.read(), doc_id="stdin")
        return
    for name in paths:
        try:
            yield _read_text_file(Path(name))
        except InputError as err:
            print(f"saidwhat extract: {err}", file=sys.stderr)
            failures.append(name)


def write_articles(articles: Iterator[Article], out: TextIO, *, pretty: bool, colour: bool, with_text: bool) -> int:
    count = 0
    for article in articles:
        if pretty:
            out.write(render_article(article, colour=colour) + "\n\n")
        else:
            out.write(json.dumps(article.to_dict(with_text=with_text), ensure_ascii=False) + "\n")
        out.flush()
        count += 1
    return count


def extract_cli(args: argparse.Namespace) -> int:
    from . import UsageError

    if args.output and Path(args.output).exists() and not args.force:
        raise UsageError(f"output file '{args.output}' exists; pass --force to overwrite it")
    failures: list[str] = []
    articles = extract_many(read_documents(args.paths, failures))
    if args.output:
        with open(args.output, "w", encoding="utf-8") as out:
            write_articles(articles, out, pretty=args.pretty, colour=False, with_text=args.with_text)
    else:
        write_articles(articles, sys.stdout, pretty=args.pretty, colour=sys.stdout.isatty(), with_text=args.with_text)
    return 1 if failures else 0


def demo_cli(args: argparse.Namespace) -> int:
    article = next(extract_many([Document(demo_text(), "demo", title="Lantern Street star Maya Okafor (sample)")]))
    if args.json:
        print(json.dumps(article.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(render_article(article, colour=sys.stdout.isatty()))
    return 0

"""A small private reader for `saidwhat ingest`: .txt files, JSON Lines and CSV.

A JSONL line with a "quotes" key is an Article record already extracted (`saidwhat extract
--with-text`); any other line is a document with "text" and optional doc_id/id, title, url,
published. A CSV needs a `text` column. Stand-in until `saidwhat.read` lands.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..records import Article, Document
from ..spark.tables import is_article_table, read_article_table


def read_inputs(paths: list[str], failures: list[str]) -> Iterator[Document | Article]:
    """Documents and records from each path in turn; a bad file or line is noted in `failures` and skipped."""
    for name in paths:
        path = Path(name)
        try:
            if is_article_table(path):  # what `saidwhat spark` wrote
                yield from read_article_table(path, failures)
            elif path.suffix.lower() in (".jsonl", ".ndjson"):
                yield from _read_jsonl(path, failures)
            elif path.suffix.lower() == ".csv":
                yield from _read_csv(path)
            else:
                yield Document(text=_read_text(path), doc_id=path.stem)
        except InputError as err:
            failures.append(str(err))


def _read_text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: not UTF-8 text ({err.reason} at byte {err.start})") from err
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror})") from err


def _read_jsonl(path: Path, failures: list[str]) -> Iterator[Document | Article]:
    for number, line in enumerate(_read_text(path).splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield _item_from_json(json.loads(line), f"{path.stem}-{number}")
        except (ValueError, KeyError, TypeError) as err:
            failures.append(f"{path}:{number}: not a document or record ({err})")


def _item_from_json(data: Any, fallback_id: str) -> Document | Article:
    if not isinstance(data, dict):
        raise TypeError(f"expected a JSON object, got {type(data).__name__}")
    json.dumps(data, ensure_ascii=False).encode("utf-8")  # a lone surrogate ("\ud800") raises ValueError here
    if "quotes" in data:
        if not isinstance(data.get("text"), str):
            raise ValueError("an Article record needs its text; write it with `saidwhat extract --with-text`")
        return Article.from_dict(data)
    text = data["text"]
    if not isinstance(text, str):
        raise TypeError('"text" must be a string')
    doc_id = data.get("doc_id") or data.get("id") or fallback_id
    return Document(text, str(doc_id), data.get("title"), data.get("url"), data.get("published"))


def _read_csv(path: Path) -> Iterator[Document]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # whole articles sit in one field
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            if "text" not in (reader.fieldnames or []):
                raise InputError(f"{path}: CSV has no 'text' column (columns: {', '.join(reader.fieldnames or [])})")
            for number, row in enumerate(reader, 1):
                doc_id = row.get("doc_id") or row.get("id") or f"{path.stem}-{number}"
                yield Document(row["text"], doc_id, row.get("title"), row.get("url"), row.get("published"))
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: cannot be read as UTF-8 CSV ({err})") from err

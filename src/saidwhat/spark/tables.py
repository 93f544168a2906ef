"""Read back the article table that `saidwhat spark` wrote, for `saidwhat ingest`; pyarrow alone, no Spark."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..records import Article

READ_COLUMNS = ("doc_id", "text", "record")


def article_of_row(row: dict[str, Any]) -> Article:
    """The full `Article` (with its text) back from an article-table row, for the archive.

    Raises:
        ValueError: the row has no record or text (not written by `saidwhat spark`).
    """
    if not row.get("record") or row.get("text") is None:
        raise ValueError(f"row {row.get('doc_id')!r} has no 'record' and 'text' columns")
    data = json.loads(row["record"])
    data["text"] = row["text"]
    return Article.from_dict(data)


def is_article_table(path: Path) -> bool:
    """Whether a path is a `saidwhat spark` output folder, its articles/ table, or a .parquet file."""
    return path.suffix.lower() == ".parquet" or (path.is_dir() and (path / "articles").is_dir())


def read_article_table(path: Path, failures: list[str]) -> Iterator[Article]:
    """Each article (with its text) of the table under `path`, streamed; a bad row goes to `failures`.

    Raises:
        InputError: the path holds no article table saidwhat wrote.
    """
    try:
        import pyarrow.dataset as ds
    except ImportError as err:
        raise InputError(f"{path}: reading Parquet needs pyarrow: pip install 'saidwhat[spark]'") from err
    table_path = path / "articles" if (path / "articles").is_dir() else path
    try:
        dataset = ds.dataset(str(table_path), format="parquet", partitioning="hive")
    except (OSError, ValueError) as err:
        raise InputError(f"{table_path}: cannot be read as Parquet ({err})") from err
    absent = [name for name in READ_COLUMNS if name not in dataset.schema.names]
    if absent:
        raise InputError(f"{table_path}: no {', '.join(absent)} column; is it the articles/ table of `saidwhat spark`?")
    for batch in dataset.to_batches(columns=list(READ_COLUMNS), batch_size=256):
        for row in batch.to_pylist():
            try:
                yield article_of_row(row)
            except (ValueError, KeyError, TypeError) as err:
                failures.append(f"{table_path}: article {row.get('doc_id')!r} cannot be read back ({err})")

"""Write every quote with its speaker and article fields as JSON Lines, CSV or Parquet."""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from ..errors import ArchiveError

FORMATS = ("jsonl", "csv", "parquet")
COLUMNS = (
    "quote_id", "local_id", "type", "text", "start", "end", "cue", "sources", "confidence",
    "speaker_id", "speaker_name", "speaker_kind",
    "article_id", "article_title", "article_url", "article_published",
)  # fmt: skip

_EXPORT_SQL = (
    'SELECT q.id AS quote_id, q.local_id, q.type, q.text, q.start, q."end", q.cue, q.sources, q.confidence,'
    " q.speaker_id, s.name AS speaker_name, s.kind AS speaker_kind,"
    " a.doc_id AS article_id, a.title AS article_title, a.url AS article_url, a.published AS article_published"
    " FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN speakers s ON s.id = q.speaker_id"
    " ORDER BY a.id, q.start, q.id"
)


def export_rows(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """One flat dict per quote: cue as its text, sources joined by '; '."""
    for row in conn.execute(_EXPORT_SQL):
        record = dict(row)
        record["cue"] = json.loads(record["cue"])["text"] if record["cue"] else None
        record["sources"] = "; ".join(span["text"] for span in json.loads(record["sources"]))
        yield record


def write_jsonl(rows: Iterator[dict[str, Any]], out: TextIO) -> int:
    count = 0
    for count, row in enumerate(rows, 1):  # noqa: B007 - the count is the result
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return count


def write_csv(rows: Iterator[dict[str, Any]], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    count = 0
    for count, row in enumerate(rows, 1):  # noqa: B007 - the count is the result
        writer.writerow(row)
    return count


def write_parquet(rows: Iterator[dict[str, Any]], path: Path) -> int:
    """Parquet through pyarrow, imported here so that the rest works without it."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as err:
        raise ArchiveError("parquet export needs pyarrow: pip install pyarrow") from err
    records = list(rows)
    columns = {name: [record[name] for record in records] for name in COLUMNS}
    pq.write_table(pa.table(columns), str(path))
    return len(records)

"""The tables saidwhat writes at corpus scale, as Arrow schemas, and the rows of one outcome.

Plain pyarrow, no Spark: the Spark transform, `saidwhat ingest` and the tests share these. One
analysed document gives one *article row*; the quote, article and error tables are views of it
(docs/spark.md lists their columns).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

import pyarrow as pa

from ..batch import Outcome
from ..read import Item
from ..records import Article, Document, Quote

UNDATED = "undated"
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")

SPAN = pa.struct([("start", pa.int32()), ("end", pa.int32()), ("text", pa.string())])

# What a reader hands to the extraction: a document, or why it could not be read.
DOCUMENT_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()),
        ("input", pa.string()),
        ("text", pa.string()),
        ("title", pa.string()),
        ("url", pa.string()),
        ("published", pa.string()),
        ("error", pa.string()),
    ]
)

QUOTE_STRUCT = pa.struct(
    [
        ("quote_id", pa.string()),
        ("type", pa.string()),
        ("text", pa.string()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("contents", pa.list_(SPAN)),
        ("cue", SPAN),
        ("sources", pa.list_(SPAN)),
        ("speaker_id", pa.string()),
        ("speaker_name", pa.string()),
        ("speaker_kind", pa.string()),
        ("confidence", pa.float64()),
    ]
)

# One analysed (or failed) document; `error` is set, and the rest empty, when it failed.
ARTICLE_ROW_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()),
        ("input", pa.string()),
        ("title", pa.string()),
        ("url", pa.string()),
        ("published", pa.string()),
        ("date", pa.string()),
        ("quote_count", pa.int32()),
        ("speaker_count", pa.int32()),
        ("errors", pa.list_(pa.string())),
        ("error", pa.string()),
        ("text", pa.string()),
        ("record", pa.string()),
        ("quotes", pa.list_(QUOTE_STRUCT)),
    ]
)


def publication_day(published: str | None) -> str:
    """'2024-03-05T10:00:00Z' -> '2024-03-05', the partition of the output; 'undated' when unknown."""
    match = _DAY.match(published or "")
    return match.group(0) if match else UNDATED


def item_of(row: dict[str, Any]) -> Item:
    """The reader's row back as an `Item` for the batch core."""
    doc_id, where = row["doc_id"] or "", row["input"] or "dataframe"
    if row["error"] is not None:
        return Item(doc_id, where, error=row["error"])
    if row["text"] is None:
        return Item(doc_id, where, error=f"{where}: document {doc_id!r} has no text (null)")
    document = Document(row["text"], row["doc_id"], row["title"], row["url"], row["published"])
    return Item(doc_id, where, document=document)


def item_row(item: Item) -> dict[str, Any]:
    """A reader's `Item` as a row of DOCUMENT_SCHEMA."""
    document = item.document
    return {
        "doc_id": item.doc_id,
        "input": item.origin,
        "text": document.text if document else None,
        "title": document.title if document else None,
        "url": document.url if document else None,
        "published": document.published if document else None,
        "error": item.error if document is None else None,
    }


def outcome_row(item: Item, outcome: Outcome) -> dict[str, Any]:
    """The article row of one outcome: the record, its quotes flattened, or the failure."""
    article = outcome.article
    if article is None:
        reason = outcome.failure.reason if outcome.failure else "unreadable"
        published = item.document.published if item.document else None
        return _failed_row(item.doc_id, item.origin, reason, published)
    return {
        "doc_id": article.doc_id,
        "input": item.origin,
        "title": article.title,
        "url": article.url,
        "published": article.published,
        "date": publication_day(article.published),
        "quote_count": len(article.quotes),
        "speaker_count": len(article.speakers),
        "errors": list(article.errors),
        "error": None,
        "text": article.text,
        "record": json.dumps(article.to_dict(), ensure_ascii=False),
        "quotes": [quote_struct(article, quote) for quote in article.quotes],
    }


def _failed_row(doc_id: str, where: str, reason: str, published: str | None) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "input": where,
        "title": None,
        "url": None,
        "published": published,
        "date": publication_day(published),
        "quote_count": 0,
        "speaker_count": 0,
        "errors": [],
        "error": reason,
        "text": None,
        "record": None,
        "quotes": [],
    }


def quote_struct(article: Article, quote: Quote) -> dict[str, Any]:
    """One quote, with its resolved speaker's name and kind, as a QUOTE_STRUCT value."""
    speaker = article.speaker_of(quote)
    return {
        "quote_id": quote.id,
        "type": quote.type,
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
        "contents": [span.to_dict() for span in quote.contents],
        "cue": quote.cue.to_dict() if quote.cue else None,
        "sources": [span.to_dict() for span in quote.sources],
        "speaker_id": quote.speaker,
        "speaker_name": speaker.name if speaker else None,
        "speaker_kind": speaker.kind if speaker else None,
        "confidence": round(quote.confidence, 4),
    }


def record_batches(rows: Iterable[dict[str, Any]], schema: pa.Schema, size: int) -> Iterator[pa.RecordBatch]:
    """Rows gathered into Arrow batches of at most `size`."""
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield pa.RecordBatch.from_pylist(chunk, schema=schema)
            chunk = []
    if chunk:
        yield pa.RecordBatch.from_pylist(chunk, schema=schema)

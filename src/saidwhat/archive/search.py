"""Full-text search over quotes: safe FTS5 queries, filters, bm25 ranking and highlighted matches."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..errors import ArchiveError
from .link import normalise_name

MAX_LIMIT = 500
# Markers FTS5 puts around matched words; control characters never found in article text.
_OPEN, _CLOSE = "\x02", "\x03"
_PHRASE_OR_WORD = re.compile(r'"([^"]*)"|([^\s"]+)')
_WORD = re.compile(r"\w+")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class QueryError(ArchiveError):
    """A search query or filter value that cannot be used (no words, bad date, bad limit)."""


@dataclass(frozen=True, slots=True)
class SearchFilters:
    """Everything a quote search can be narrowed by."""

    query: str = ""
    speaker: str | None = None
    since: str | None = None
    until: str | None = None
    limit: int = 20
    offset: int = 0


@dataclass(frozen=True, slots=True)
class QuoteHit:
    """One quote found, with where the query words matched inside its text."""

    quote_id: int
    text: str
    highlights: tuple[tuple[int, int], ...]
    type: str
    confidence: float
    speaker_id: int | None
    speaker_name: str | None
    article_id: str
    article_title: str | None
    published: str | None
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.quote_id,
            "text": self.text,
            "highlights": [list(pair) for pair in self.highlights],
            "type": self.type,
            "confidence": self.confidence,
            "speaker": {"id": self.speaker_id, "name": self.speaker_name} if self.speaker_id is not None else None,
            "article": {"id": self.article_id, "title": self.article_title, "published": self.published},
            "start": self.start,
            "end": self.end,
        }


def fts_query(text: str) -> str:
    """A user query as a safe FTS5 expression: each word or "quoted phrase" a literal string, all required.

    Unbalanced quotes and FTS operators (`*`, `-`, `NEAR`, `:`, parentheses) lose their meaning
    and search as plain words. Raises QueryError when no word is left.
    """
    terms: list[str] = []
    text = text if text.count('"') % 2 == 0 else text.replace('"', " ")
    for match in _PHRASE_OR_WORD.finditer(text):
        words = _WORD.findall(match.group(1) if match.group(1) is not None else match.group(2))
        if words:
            terms.append('"' + " ".join(words) + '"')
    if not terms:
        raise QueryError(f"search query {text.strip()!r} has no words to look for")
    return " ".join(terms)


def check_date(value: str | None, name: str) -> str | None:
    """A YYYY, YYYY-MM or YYYY-MM-DD date, checked; None passes through."""
    if value is None or value == "":
        return None
    if not _DATE.match(value):
        raise QueryError(f"{name} date {value!r} is not YYYY-MM-DD (or YYYY-MM, YYYY)")
    try:
        date.fromisoformat(value + "-01-01"[len(value) - 4 :])  # '2024-13' is no month either
    except ValueError as err:
        raise QueryError(f"{name} date {value!r} is not a real date: {err}") from err
    return value


def check_paging(limit: int, offset: int) -> None:
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"limit {limit} is outside 1..{MAX_LIMIT}")
    if offset < 0:
        raise QueryError(f"offset {offset} is negative")


def split_highlights(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Text with FTS5 markers -> the plain text and the (start, end) of each matched stretch."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    position, start = 0, 0
    for char in marked:
        if char == _OPEN:
            start = position
        elif char == _CLOSE:
            spans.append((start, position))
        else:
            plain.append(char)
            position += 1
    return "".join(plain), tuple(spans)


def _filter_clauses(filters: SearchFilters) -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if filters.speaker:
        clauses.append(
            "q.speaker_id IN (SELECT speaker_id FROM speaker_aliases WHERE norm = ?"
            " UNION SELECT id FROM speakers WHERE lower(name) = ? OR CAST(id AS TEXT) = ?)"
        )
        norm = normalise_name(filters.speaker)
        params += [norm, norm, filters.speaker.strip()]
    since = check_date(filters.since, "since")
    until = check_date(filters.until, "until")
    if since:
        clauses.append("substr(a.published, 1, ?) >= ?")
        params += [len(since), since]
    if until:
        clauses.append("substr(a.published, 1, ?) <= ?")
        params += [len(until), until]
    return clauses, params


_SELECT = (
    "SELECT q.id, {text} AS marked, q.type, q.confidence, q.speaker_id, s.name AS speaker_name,"
    ' a.doc_id, a.title, a.published, q.start, q."end"'
    " FROM {source} JOIN articles a ON a.id = q.article_id LEFT JOIN speakers s ON s.id = q.speaker_id"
)
_FILTERED_MATCHES = (
    "SELECT quotes_fts.rowid FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid"
    " JOIN articles a ON a.id = q.article_id WHERE quotes_fts MATCH ?"
)


def search_quotes(conn: sqlite3.Connection, filters: SearchFilters) -> list[QuoteHit]:
    """Quotes matching the query (best bm25 first) or, with no query, the latest quotes; all values bound."""
    check_paging(filters.limit, filters.offset)
    clauses, params = _filter_clauses(filters)
    if filters.query.strip():
        return _ranked_hits(conn, fts_query(filters.query), clauses, params, filters)
    where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
    sql = _SELECT.format(text="q.text", source="quotes q")
    rows = conn.execute(
        f"{sql}{where} ORDER BY a.published DESC, q.id DESC LIMIT ? OFFSET ?", (*params, filters.limit, filters.offset)
    )
    return [_hit(row) for row in rows]


def _ranked_hits(
    conn: sqlite3.Connection, match: str, clauses: list[str], params: list[Any], filters: SearchFilters
) -> list[QuoteHit]:
    """Rank every match by bm25 first, then fetch and highlight only the page asked for: highlight()
    over all 2,000 matches of "government" cost 15 ms, the page of 20 well under one."""
    if clauses:
        sql = f"{_FILTERED_MATCHES} AND {' AND '.join(clauses)}"
    else:
        sql = "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?"
    page = [
        int(row[0])
        for row in conn.execute(
            f"{sql} ORDER BY quotes_fts.rank, quotes_fts.rowid LIMIT ? OFFSET ?",
            (match, *params, filters.limit, filters.offset),
        )
    ]
    if not page:
        return []
    marks = ", ".join("?" for _ in page)
    detail = _SELECT.format(
        text="highlight(quotes_fts, 0, ?, ?)", source="quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid"
    )
    rows = conn.execute(
        f"{detail} WHERE quotes_fts MATCH ? AND quotes_fts.rowid IN ({marks})", (_OPEN, _CLOSE, match, *page)
    )
    hits = {hit.quote_id: hit for hit in map(_hit, rows)}
    return [hits[quote_id] for quote_id in page if quote_id in hits]


def _hit(row: sqlite3.Row) -> QuoteHit:
    text, highlights = split_highlights(str(row["marked"]))
    return QuoteHit(
        quote_id=int(row["id"]),
        text=text,
        highlights=highlights,
        type=str(row["type"]),
        confidence=float(row["confidence"]),
        speaker_id=row["speaker_id"],
        speaker_name=row["speaker_name"],
        article_id=str(row["doc_id"]),
        article_title=row["title"],
        published=row["published"],
        start=int(row["start"]),
        end=int(row["end"]),
    )

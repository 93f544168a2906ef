"""Read-only views of the archive (speakers, one speaker, one article) as JSON-ready dicts."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from .search import check_paging


class NotFound(LookupError):
    """No speaker or article with the id asked for."""


def list_speakers(conn: sqlite3.Connection, *, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    """Speakers with their quote counts, most quoted first."""
    check_paging(limit, offset)
    rows = conn.execute(
        "SELECT s.id, s.name, s.kind, count(q.id) AS quotes,"
        " (SELECT count(DISTINCT article_id) FROM article_speakers x WHERE x.speaker_id = s.id) AS articles"
        " FROM speakers s LEFT JOIN quotes q ON q.speaker_id = s.id"
        " GROUP BY s.id ORDER BY quotes DESC, s.name LIMIT ? OFFSET ?",
        (limit, offset),
    )
    return [dict(row) for row in rows]


def count_speakers(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM speakers").fetchone()[0])


def get_speaker(conn: sqlite3.Connection, speaker_id: int, *, quote_limit: int = 200) -> dict[str, Any]:
    """One speaker: names, aliases, descriptions, quotes per month and the latest quotes."""
    row = conn.execute("SELECT id, name, kind FROM speakers WHERE id = ?", (speaker_id,)).fetchone()
    if row is None:
        raise NotFound(f"speaker {speaker_id} is not in the archive")
    aliases = [
        r[0]
        for r in conn.execute("SELECT alias FROM speaker_aliases WHERE speaker_id = ? ORDER BY rowid", (speaker_id,))
    ]
    descriptions = [
        r[0]
        for r in conn.execute(
            "SELECT description FROM speaker_descriptions WHERE speaker_id = ? ORDER BY rowid", (speaker_id,)
        )
    ]
    months = conn.execute(
        "SELECT coalesce(substr(a.published, 1, 7), 'undated') AS month, count(*) AS quotes"
        " FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.speaker_id = ? GROUP BY month ORDER BY month",
        (speaker_id,),
    )
    quotes = conn.execute(
        "SELECT q.id, q.text, q.type, a.doc_id AS article_id, a.title AS article_title, a.published"
        " FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.speaker_id = ?"
        " ORDER BY a.published DESC, q.id LIMIT ?",
        (speaker_id, quote_limit),
    )
    return {
        **dict(row),
        "aliases": aliases,
        "descriptions": descriptions,
        "months": [dict(r) for r in months],
        "quotes": [dict(r) for r in quotes],
    }


def get_article(conn: sqlite3.Connection, doc_id: str) -> dict[str, Any]:
    """One article: its text, its quotes with offsets, and its speakers with their archive ids and mentions."""
    row = conn.execute(
        "SELECT id, doc_id, title, url, published, text, sha256, errors FROM articles WHERE doc_id = ?", (doc_id,)
    ).fetchone()
    if row is None:
        raise NotFound(f"article {doc_id!r} is not in the archive")
    article_id = int(row["id"])
    speakers = [
        {**dict(s), "descriptions": json.loads(s["descriptions"]), "mentions": _mentions(conn, int(s["row_id"]))}
        for s in conn.execute(
            "SELECT x.id AS row_id, x.local_id, x.speaker_id AS id, s.name, x.name AS name_here, x.kind, x.descriptions"
            " FROM article_speakers x JOIN speakers s ON s.id = x.speaker_id WHERE x.article_id = ? ORDER BY x.id",
            (article_id,),
        )
    ]
    for speaker in speakers:
        del speaker["row_id"]
    quotes = [
        {
            "id": q["local_id"],
            "quote_id": q["id"],
            "type": q["type"],
            "text": q["text"],
            "contents": json.loads(q["contents"]),
            "cue": json.loads(q["cue"]) if q["cue"] else None,
            "sources": json.loads(q["sources"]),
            "confidence": q["confidence"],
            "speaker": {"id": q["speaker_id"], "name": q["speaker_name"]} if q["speaker_id"] is not None else None,
        }
        for q in conn.execute(
            "SELECT q.*, s.name AS speaker_name FROM quotes q LEFT JOIN speakers s ON s.id = q.speaker_id"
            " WHERE q.article_id = ? ORDER BY q.start, q.id",
            (article_id,),
        )
    ]
    record = {key: row[key] for key in ("doc_id", "title", "url", "published", "text", "sha256")}
    return {"id": row["doc_id"], **record, "errors": json.loads(row["errors"]), "quotes": quotes, "speakers": speakers}


def _mentions(conn: sqlite3.Connection, row_id: int) -> list[dict[str, Any]]:
    rows = conn.execute(
        'SELECT start, "end", text FROM mentions WHERE article_speaker_id = ? ORDER BY start', (row_id,)
    )
    return [dict(r) for r in rows]

"""Named schema migrations, each applied once and recorded in the `migrations` table."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone


@dataclass(frozen=True, slots=True)
class Migration:
    """One named schema step; `apply` runs inside the transaction that records it."""

    name: str
    apply: Callable[[sqlite3.Connection], None]


def _run_statements(conn: sqlite3.Connection, script: str) -> None:
    """Run statements split at ';;' one by one: `executescript` would commit the open transaction."""
    for statement in script.split(";;"):
        if statement.strip():
            conn.execute(statement)


# The statements keep the indentation they always had: SQLite stores their text in sqlite_master.

# Articles as ingested, one row per doc_id and text.
_ARTICLE_TABLES = """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            doc_id TEXT NOT NULL UNIQUE,
            title TEXT,
            url TEXT,
            published TEXT,
            text TEXT NOT NULL,
            sha256 TEXT NOT NULL UNIQUE,
            errors TEXT NOT NULL DEFAULT '[]',
            ingested_at TEXT NOT NULL
        );;
        CREATE INDEX articles_published ON articles(published);;
"""

# Speakers across articles, their aliases and descriptions, and each article's own speakers.
_SPEAKER_TABLES = """
        CREATE TABLE speakers (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            kind TEXT NOT NULL
        );;
        CREATE TABLE speaker_aliases (
            speaker_id INTEGER NOT NULL REFERENCES speakers(id),
            alias TEXT NOT NULL,
            norm TEXT NOT NULL,
            last_word TEXT NOT NULL,
            is_name INTEGER NOT NULL,
            PRIMARY KEY (speaker_id, norm)
        );;
        CREATE INDEX speaker_aliases_norm ON speaker_aliases(norm);;
        CREATE INDEX speaker_aliases_last_word ON speaker_aliases(last_word);;
        CREATE TABLE speaker_descriptions (
            speaker_id INTEGER NOT NULL REFERENCES speakers(id),
            description TEXT NOT NULL,
            PRIMARY KEY (speaker_id, description)
        );;
        CREATE TABLE article_speakers (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id),
            local_id TEXT NOT NULL,
            speaker_id INTEGER NOT NULL REFERENCES speakers(id),
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            descriptions TEXT NOT NULL DEFAULT '[]',
            UNIQUE (article_id, local_id)
        );;
        CREATE INDEX article_speakers_speaker ON article_speakers(speaker_id);;
"""

# Mentions of article speakers, and quotes with their spans as JSON.
_QUOTE_TABLES = """
        CREATE TABLE mentions (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id),
            article_speaker_id INTEGER NOT NULL REFERENCES article_speakers(id),
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL
        );;
        CREATE INDEX mentions_article ON mentions(article_id);;
        CREATE TABLE quotes (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id),
            local_id TEXT NOT NULL,
            type TEXT NOT NULL,
            text TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            contents TEXT NOT NULL,
            cue TEXT,
            sources TEXT NOT NULL DEFAULT '[]',
            confidence REAL NOT NULL,
            article_speaker_id INTEGER REFERENCES article_speakers(id),
            speaker_id INTEGER REFERENCES speakers(id),
            UNIQUE (article_id, local_id)
        );;
        CREATE INDEX quotes_speaker ON quotes(speaker_id);;
"""


def _create_core_tables(conn: sqlite3.Connection) -> None:
    for script in (_ARTICLE_TABLES, _SPEAKER_TABLES, _QUOTE_TABLES):
        _run_statements(conn, script)


def _create_quote_index(conn: sqlite3.Connection) -> None:
    """FTS5 over quote text with the quotes table as external content, kept current by triggers."""
    _run_statements(
        conn,
        """
        CREATE VIRTUAL TABLE quotes_fts USING fts5(
            text, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
        );;
        CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
            INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
        END;;
        CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
            INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
        END;;
        CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text ON quotes BEGIN
            INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
            INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
        END;;
        INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild');;
        """,
    )


def _index_quotes_by_article(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article_id)")


MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_core_tables", _create_core_tables),
    Migration("0002_quote_fts", _create_quote_index),
    Migration("0003_quotes_by_article", _index_quotes_by_article),
)


def applied_migrations(conn: sqlite3.Connection) -> list[str]:
    """Names of the migrations already applied, in order."""
    conn.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    return [row[0] for row in conn.execute("SELECT name FROM migrations ORDER BY rowid")]


def apply_migrations(conn: sqlite3.Connection, migrations: tuple[Migration, ...] = MIGRATIONS) -> list[str]:
    """Apply each migration not yet recorded, one transaction each; returns the names applied now.

    `conn` must be in autocommit mode (isolation_level=None) so that the explicit transactions hold.
    """
    done = set(applied_migrations(conn))
    applied: list[str] = []
    for migration in migrations:
        if migration.name in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have applied it while we waited for the write lock.
            if conn.execute("SELECT 1 FROM migrations WHERE name = ?", (migration.name,)).fetchone():
                conn.execute("COMMIT")
                continue
            migration.apply(conn)
            conn.execute(
                "INSERT INTO migrations (name, applied_at) VALUES (?, ?)",
                (migration.name, datetime.now(timezone.utc).isoformat(timespec="seconds")),
            )
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        applied.append(migration.name)
    return applied

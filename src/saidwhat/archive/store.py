"""The quote archive: a SQLite file holding articles, quotes, mentions and linked speakers."""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from types import TracebackType

from ..errors import ArchiveError
from ..records import Article, Quote, Speaker
from .link import (
    Candidate,
    SpeakerEvidence,
    aliases_of,
    build_evidence,
    evidence_of,
    is_name,
    last_word,
    normalise_name,
    pick_speaker,
)
from .migrations import apply_migrations

logger = logging.getLogger(__name__)

MEMORY = ":memory:"


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def connect(path: str | Path, *, timeout: float = 30.0) -> sqlite3.Connection:
    """A connection in autocommit mode (explicit transactions), WAL journal, migrations applied."""
    name = str(path)
    if name != MEMORY and not Path(name).parent.exists():
        raise ArchiveError(f"archive '{name}': folder '{Path(name).parent}' does not exist")
    try:
        conn = sqlite3.connect(name, timeout=timeout, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        apply_migrations(conn)
    except sqlite3.DatabaseError as err:
        raise ArchiveError(f"archive '{name}' cannot be opened: {err}; is it a saidwhat archive?") from err
    return conn


@dataclass(slots=True)
class IngestReport:
    """What one ingest run did."""

    added: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


class Archive:
    """One archive file; use as a context manager so the connection is closed."""

    def __init__(self, path: str | Path = MEMORY) -> None:
        self.path = str(path)
        self.conn = connect(self.path)

    def __enter__(self) -> Archive:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    def has_article(self, doc_id: str, text: str | None = None) -> bool:
        """Whether an article with this id (or this exact text) is stored already."""
        if self.conn.execute("SELECT 1 FROM articles WHERE doc_id = ?", (doc_id,)).fetchone():
            return True
        sha = text_sha256(text) if text is not None else None
        return bool(sha and self.conn.execute("SELECT 1 FROM articles WHERE sha256 = ?", (sha,)).fetchone())

    def add_article(self, article: Article) -> bool:
        """Store one extracted article in one transaction; False when it is there already (same id or text)."""
        if article.text is None:
            raise ArchiveError(f"article '{article.doc_id}' came without its text; the archive needs it")
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            if self.has_article(article.doc_id, article.text):
                self.conn.execute("ROLLBACK")
                return False
            _write_article(self.conn, article, article.text)
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")
        return True

    def counts(self) -> dict[str, int]:
        """Rows per table, for reports and tests."""
        tables = ("articles", "quotes", "speakers", "article_speakers", "mentions", "speaker_aliases")
        return {t: int(self.conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]) for t in tables}

    def check_integrity(self) -> list[str]:
        """Problems found by SQLite's integrity check and the FTS index check; empty when all is well."""
        problems = [row[0] for row in self.conn.execute("PRAGMA integrity_check") if row[0] != "ok"]
        try:
            self.conn.execute("INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError as err:
            problems.append(f"full-text index: {err}")
        return problems


def ingest(archive: Archive, articles: Iterable[Article]) -> IngestReport:
    """Store each article in its own transaction, so an interrupted run loses at most the one in flight."""
    report = IngestReport()
    for article in articles:
        try:
            added = archive.add_article(article)
        except (ArchiveError, sqlite3.Error, UnicodeError) as err:
            logger.error("article %s not stored: %s", article.doc_id, err)
            report.failed.append(article.doc_id)
            continue
        (report.added if added else report.skipped).append(article.doc_id)
    return report


def _write_article(conn: sqlite3.Connection, article: Article, text: str) -> None:
    cursor = conn.execute(
        "INSERT INTO articles (doc_id, title, url, published, text, sha256, errors, ingested_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            article.doc_id,
            article.title,
            article.url,
            article.published,
            text,
            text_sha256(text),
            json.dumps(list(article.errors), ensure_ascii=False),
            datetime.now(timezone.utc).isoformat(timespec="seconds"),
        ),
    )
    article_id = int(cursor.lastrowid or 0)
    local: dict[str, tuple[int, int]] = {}
    for speaker in article.speakers:
        local[speaker.id] = _write_speaker(conn, article_id, speaker, text)
    for quote in article.quotes:
        _write_quote(conn, article_id, quote, local.get(quote.speaker or ""))


def _write_speaker(conn: sqlite3.Connection, article_id: int, speaker: Speaker, text: str) -> tuple[int, int]:
    """Link (or create) the global speaker, store the article's speaker and its mentions; returns both ids."""
    evidence = evidence_of(speaker)
    speaker_id = pick_speaker(evidence, _candidates(conn, evidence))
    if speaker_id is None:
        speaker_id = int(
            conn.execute("INSERT INTO speakers (name, kind) VALUES (?, ?)", (speaker.name, speaker.kind)).lastrowid or 0
        )
    elif may_rename_with(speaker.name, text):
        _prefer_longer_name(conn, speaker_id, speaker.name)
    for alias, named in aliases_of(speaker):
        conn.execute(
            "INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, norm, last_word, is_name)"
            " VALUES (?, ?, ?, ?, ?)",
            (speaker_id, alias, normalise_name(alias), last_word(alias), int(named)),
        )
    for description in speaker.descriptions:
        conn.execute(
            "INSERT OR IGNORE INTO speaker_descriptions (speaker_id, description) VALUES (?, ?)",
            (speaker_id, description),
        )
    local_row = conn.execute(
        "INSERT INTO article_speakers (article_id, local_id, speaker_id, name, kind, descriptions)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (article_id, speaker.id, speaker_id, speaker.name, speaker.kind, json.dumps(list(speaker.descriptions))),
    ).lastrowid
    conn.executemany(
        'INSERT INTO mentions (article_id, article_speaker_id, start, "end", text) VALUES (?, ?, ?, ?, ?)',
        [(article_id, local_row, span.start, span.end, span.text) for span in speaker.mentions],
    )
    return int(local_row or 0), speaker_id


# What a person's or body's name is written with: letters, spaces, hyphens, apostrophes, full stops.
_NAME_PUNCTUATION = frozenset(" -'’.")


def may_rename_with(name: str, text: str) -> bool:
    """May an ingested record's speaker name replace an archive speaker's shorter one? Only a plain
    name that the article itself contains: a record from elsewhere could carry markup
    ('<img ...>Tom Brown') or any name at all."""
    plain = all(char.isalpha() or char in _NAME_PUNCTUATION for char in name)
    return plain and is_name(name) and name in text


def _prefer_longer_name(conn: sqlite3.Connection, speaker_id: int, name: str) -> None:
    """'Connor' becomes 'Kit Connor' once an article gives the full name."""
    conn.execute(
        "UPDATE speakers SET name = ? WHERE id = ? AND length(name) - length(replace(name, ' ', '')) < ?",
        (name, speaker_id, len(name.split()) - 1),
    )


def _candidates(conn: sqlite3.Connection, evidence: SpeakerEvidence) -> Iterator[Candidate]:
    """Archive speakers of the same kind sharing a name's last word with the new speaker."""
    surnames = sorted(evidence.surnames)
    if not surnames:
        return
    marks = ", ".join("?" for _ in surnames)
    rows = conn.execute(
        f"SELECT DISTINCT a.speaker_id FROM speaker_aliases a JOIN speakers s ON s.id = a.speaker_id"
        f" WHERE a.is_name = 1 AND a.last_word IN ({marks}) AND s.kind = ?",
        (*surnames, evidence.kind),
    ).fetchall()
    for row in rows:
        yield Candidate(int(row[0]), _stored_evidence(conn, int(row[0]), evidence.kind))


def _stored_evidence(conn: sqlite3.Connection, speaker_id: int, kind: str) -> SpeakerEvidence:
    aliases = conn.execute("SELECT norm, is_name FROM speaker_aliases WHERE speaker_id = ?", (speaker_id,)).fetchall()
    names = [str(row[0]) for row in aliases if row[1]]
    described = [str(row[0]) for row in aliases if not row[1]]
    described += [
        str(row[0])
        for row in conn.execute("SELECT description FROM speaker_descriptions WHERE speaker_id = ?", (speaker_id,))
    ]
    return build_evidence(kind, names, described)


def _write_quote(conn: sqlite3.Connection, article_id: int, quote: Quote, speaker: tuple[int, int] | None) -> None:
    conn.execute(
        'INSERT INTO quotes (article_id, local_id, type, text, start, "end", contents, cue, sources, confidence,'
        " article_speaker_id, speaker_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            article_id,
            quote.id,
            quote.type,
            quote.text,
            quote.start,
            quote.end,
            json.dumps([span.to_dict() for span in quote.contents], ensure_ascii=False),
            json.dumps(quote.cue.to_dict(), ensure_ascii=False) if quote.cue else None,
            json.dumps([span.to_dict() for span in quote.sources], ensure_ascii=False),
            quote.confidence,
            speaker[0] if speaker else None,
            speaker[1] if speaker else None,
        ),
    )

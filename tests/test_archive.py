"""The archive store: migrations, one transaction per article, idempotency, FTS kept current."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from saidwhat import ArchiveError, Article, Quote, Speaker
from saidwhat.archive import Archive, ingest
from saidwhat.archive.migrations import MIGRATIONS, Migration, applied_migrations, apply_migrations
from saidwhat.records import span_of

QuoteSpec = tuple[str, str | None]  # (content text, speaker local id)
SpeakerSpec = tuple[str, str, str, tuple[str, ...], tuple[str, ...]]  # (id, name, kind, mentions, descriptions)


def make_article(
    doc_id: str,
    text: str,
    quotes: list[QuoteSpec],
    speakers: list[SpeakerSpec],
    *,
    published: str | None = None,
    title: str | None = None,
) -> Article:
    """An Article record built by hand over `text`: each content and mention is found in the text."""
    records = []
    for number, (content, speaker) in enumerate(quotes, 1):
        start = text.index(content)
        records.append(
            Quote(f"q{number}", "direct", (span_of(text, start, start + len(content)),), None, (), speaker, 0.9)
        )
    people = []
    for local_id, name, kind, mentions, descriptions in speakers:
        spans = tuple(span_of(text, text.index(m), text.index(m) + len(m)) for m in mentions)
        people.append(Speaker(local_id, name, kind, spans, descriptions))  # type: ignore[arg-type]
    return Article(doc_id, tuple(records), tuple(people), title=title or doc_id, published=published, text=text)


RAIN = make_article(
    "rain",
    'Actor Kit Connor said: "The rain scenes were freezing." Connor laughed.',
    [("The rain scenes were freezing.", "s1")],
    [("s1", "Kit Connor", "person", ("Kit Connor", "Connor"), ("Actor",))],
    published="2024-01-05",
)
COFFEE = make_article(
    "coffee",
    'Maya Okafor said: "You learn to love coffee on night shoots."',
    [("You learn to love coffee on night shoots.", "s1")],
    [("s1", "Maya Okafor", "person", ("Maya Okafor",), ())],
    published="2024-02-10",
)


@pytest.fixture
def archive() -> Archive:
    return Archive(":memory:")


def test_open_applies_every_migration_once(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    Archive(path).close()
    with Archive(path) as archive:
        assert applied_migrations(archive.conn) == [m.name for m in MIGRATIONS]
        assert archive.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_new_migration_applies_on_open_and_is_recorded(archive: Archive) -> None:
    extra = Migration("9999_test_column", lambda conn: conn.execute("ALTER TABLE articles ADD COLUMN lang TEXT"))
    assert apply_migrations(archive.conn, (*MIGRATIONS, extra)) == ["9999_test_column"]
    assert apply_migrations(archive.conn, (*MIGRATIONS, extra)) == []
    assert "lang" in [row[1] for row in archive.conn.execute("PRAGMA table_info(articles)")]


def test_failed_migration_leaves_nothing_behind(archive: Archive) -> None:
    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x)")
        conn.execute("THIS IS NOT SQL")

    with pytest.raises(sqlite3.OperationalError):
        apply_migrations(archive.conn, (*MIGRATIONS, Migration("9999_broken", broken)))
    assert "9999_broken" not in applied_migrations(archive.conn)
    assert not archive.conn.execute("SELECT name FROM sqlite_master WHERE name = 'half_done'").fetchone()


def test_add_article_stores_quotes_speakers_and_mentions(archive: Archive) -> None:
    assert archive.add_article(RAIN)
    counts = archive.counts()
    assert (counts["articles"], counts["quotes"], counts["speakers"], counts["mentions"]) == (1, 1, 1, 2)
    row = archive.conn.execute("SELECT text, sha256, published FROM articles").fetchone()
    assert row["text"] == RAIN.text and len(row["sha256"]) == 64 and row["published"] == "2024-01-05"


def test_add_article_twice_changes_nothing(archive: Archive) -> None:
    assert archive.add_article(RAIN)
    before = archive.counts()
    assert not archive.add_article(RAIN)
    assert archive.counts() == before


def test_same_text_under_another_id_is_skipped(archive: Archive) -> None:
    archive.add_article(RAIN)
    copy = Article("rain-copy", RAIN.quotes, RAIN.speakers, text=RAIN.text)
    assert not archive.add_article(copy)
    assert archive.counts()["articles"] == 1


def test_article_without_text_is_refused_with_its_id(archive: Archive) -> None:
    with pytest.raises(ArchiveError, match="'bare'"):
        archive.add_article(Article("bare"))


def test_ingest_reports_added_skipped_and_failed(archive: Archive) -> None:
    report = ingest(archive, [RAIN, COFFEE, RAIN, Article("bare")])
    assert (report.added, report.skipped, report.failed) == (["rain", "coffee"], ["rain"], ["bare"])


def test_fts_index_follows_inserts_updates_and_deletes(archive: Archive) -> None:
    ingest(archive, [RAIN, COFFEE])
    conn = archive.conn

    def matches(word: str) -> int:
        return int(conn.execute("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH ?", (word,)).fetchone()[0])

    assert matches("coffee") == 1
    conn.execute("UPDATE quotes SET text = 'tea please' WHERE text LIKE '%coffee%'")
    assert (matches("coffee"), matches("tea")) == (0, 1)
    conn.execute("DELETE FROM quotes WHERE text = 'tea please'")
    assert matches("tea") == 0
    assert archive.check_integrity() == []


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("just some notes, not SQLite " * 100)
    with pytest.raises(ArchiveError, match=r"notes\.db"):
        Archive(path)


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="does not exist"):
        Archive(tmp_path / "nowhere" / "a.db")

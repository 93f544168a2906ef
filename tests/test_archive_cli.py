"""The archive commands: ingest (idempotent, crash-safe), search, speakers, export."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from saidwhat.archive import Archive
from saidwhat.cli import main

from .test_archive import make_article

ROOT = Path(__file__).resolve().parent.parent


def _record(number: int) -> str:
    text = f'Maya Okafor said: "Take {number} went well." The director Tom Hale said: "Night {number} was long."'
    article = make_article(
        f"take-{number}",
        text,
        [(f"Take {number} went well.", "s1"), (f"Night {number} was long.", "s2")],
        [
            ("s1", "Maya Okafor", "person", ("Maya Okafor",), ()),
            ("s2", "Tom Hale", "person", ("Tom Hale",), ("The director",)),
        ],
        published=f"2024-{number % 12 + 1:02d}-01",
    )
    return json.dumps(article.to_dict(with_text=True))


@pytest.fixture
def records(tmp_path: Path) -> Path:
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(_record(n) for n in range(1, 41)) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def db(tmp_path: Path, records: Path) -> Path:
    path = tmp_path / "quotes.db"
    assert main(["ingest", str(records), "--db", str(path)]) == 0
    return path


def test_ingest_records_then_rerun_adds_nothing(db: Path, records: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["ingest", str(records), "--db", str(db)]) == 0
    assert "0 articles added, 40 already stored" in capsys.readouterr().err
    with Archive(db) as archive:
        assert archive.counts()["articles"] == 40 and archive.counts()["quotes"] == 80
        assert archive.counts()["speakers"] == 2


def test_ingest_reports_bad_lines_and_goes_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(_record(1) + "\nnot json\n" + _record(2) + "\n", encoding="utf-8")
    assert main(["ingest", str(path), "--db", str(tmp_path / "m.db")]) == 1
    err = capsys.readouterr().err
    assert "mixed.jsonl:2" in err and "2 articles added" in err


def test_search_prints_speaker_title_and_marked_words(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "night 7", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "Tom Hale — take-7 (2024-08-01)" in out
    assert "[Night] [7] was long." in out


def test_search_json_with_filters(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["search", "take", "--speaker", "maya okafor", "--since", "2024-03-01", "--until", "2024-03-31", "--json"]
    assert main([*args, "--limit", "50", "--db", str(db)]) == 0
    hits = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert hits and all(
        h["article"]["published"] == "2024-03-01" and h["speaker"]["name"] == "Maya Okafor" for h in hits
    )


def test_search_bad_date_is_usage_error(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "take", "--since", "last week", "--db", str(db)]) == 2
    assert "since date 'last week'" in capsys.readouterr().err
    assert main(["search", "take", "--since", "2024-13", "--db", str(db)]) == 2
    assert "since date '2024-13' is not a real date" in capsys.readouterr().err


def test_search_unbalanced_quote_does_not_crash(db: Path) -> None:
    assert main(["search", '"night (7', "--db", str(db)]) == 0


def test_search_missing_archive_is_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "x", "--db", str(tmp_path / "none.db")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_speakers_lists_counts(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["speakers", "--db", str(db)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and "40 quotes" in lines[0]


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_export_text_formats(db: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--format", fmt, "--db", str(db)]) == 0
    out = capsys.readouterr().out
    rows = [json.loads(line) for line in out.splitlines()] if fmt == "jsonl" else list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 80
    assert {"speaker_name", "article_title", "article_published", "text"} <= set(rows[0])


def test_export_parquet(db: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "quotes.parquet"
    assert main(["export", "--format", "parquet", "-o", str(out), "--db", str(db)]) == 0
    table = pq.read_table(str(out))
    assert table.num_rows == 80 and "speaker_name" in table.column_names


def test_export_refuses_to_overwrite(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "quotes.csv"
    out.write_text("keep me")
    assert main(["export", "--format", "csv", "-o", str(out), "--db", str(db)]) == 2
    assert out.read_text() == "keep me"


def test_export_parquet_needs_output(db: Path) -> None:
    assert main(["export", "--format", "parquet", "--db", str(db)]) == 2


def _article_count(path: Path) -> int:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def _ingest_process(records: Path, db: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, "-m", "saidwhat", "ingest", str(records), "--db", str(db)]
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_ingest_killed_midway_then_rerun_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    records, db = tmp_path / "many.jsonl", tmp_path / "killed.db"
    total = 1500
    records.write_text("\n".join(_record(n) for n in range(1, total + 1)) + "\n", encoding="utf-8")
    process = _ingest_process(records, db)
    deadline = time.monotonic() + 60
    while _article_count(db) < 20 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert process.poll() is None, "ingest finished before it could be killed; raise `total`"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    with Archive(db) as archive:
        partial = archive.counts()
        assert archive.check_integrity() == []
        assert 0 < partial["articles"] < total
        assert partial["quotes"] == 2 * partial["articles"]  # no article was half written
    rerun = _ingest_process(records, db)
    _, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err.decode()
    with Archive(db) as archive:
        counts = archive.counts()
        assert archive.check_integrity() == []
        assert (counts["articles"], counts["quotes"], counts["speakers"]) == (total, 2 * total, 2)
        fts_rows = archive.conn.execute("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'night'").fetchone()[0]
        assert fts_rows == total


@pytest.mark.model
def test_ingest_text_and_csv_files_extracts_with_the_model(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "ferry.txt").write_text(
        '"The sea was calm all night," said captain Ana Ruiz. Ruiz added that the crew slept well.\n',
        encoding="utf-8",
    )
    (tmp_path / "more.csv").write_text(
        "text,title,published\n"
        '"""The harbour is full of boats,"" said Ole Berg, the harbour master.",Boats,2024-05-02\n',
        encoding="utf-8",
    )
    db = tmp_path / "m.db"
    assert main(["ingest", str(tmp_path / "ferry.txt"), str(tmp_path / "more.csv"), "--db", str(db)]) == 0
    assert main(["search", "sea", "--db", str(db)]) == 0
    assert main(["search", "boats", "--since", "2024-05", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "Ana Ruiz" in out and "[sea]" in out
    assert "Ole Berg — Boats (2024-05-02)" in out


def test_ingest_skips_a_record_with_an_unpaired_surrogate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "odd.jsonl"
    path.write_text(
        _record(1) + '\n{"text": "\\ud800 broken", "doc_id": "odd", "quotes": []}\n' + _record(2) + "\n",
        encoding="utf-8",
    )
    assert main(["ingest", str(path), "--db", str(tmp_path / "o.db")]) == 1
    err = capsys.readouterr().err
    assert "2 articles added" in err and "1 failed" in err


def test_ingest_stores_a_document_with_an_unpaired_surrogate_as_extract_reads_it(tmp_path: Path) -> None:
    path = tmp_path / "odd.jsonl"
    path.write_text('{"text": "\\ud800 Ana Ruiz said the sea was calm.", "doc_id": "odd"}\n', encoding="utf-8")
    assert main(["ingest", str(path), "--db", str(tmp_path / "o.db")]) == 0
    with Archive(tmp_path / "o.db") as archive:
        [errors] = archive.conn.execute("SELECT errors FROM articles").fetchone()
    assert "U+FFFD" in errors


@pytest.mark.parametrize("command", ["ingest", "search", "speakers", "export", "serve"])
def test_every_archive_command_has_help_and_docs(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0 and "--db" in capsys.readouterr().out
    assert f"saidwhat {command} " in (ROOT / "docs" / "archive.md").read_text(encoding="utf-8")


def test_ingest_reads_html_through_the_extract_reader(tmp_path: Path) -> None:
    pytest.importorskip("trafilatura")
    from .test_read import PAGE

    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "pier.html").write_text(PAGE, encoding="utf-8")
    assert main(["ingest", str(pages), "--db", str(tmp_path / "h.db")]) == 0
    with Archive(tmp_path / "h.db") as archive:
        [(doc_id, title, text)] = archive.conn.execute("SELECT doc_id, title, text FROM articles").fetchall()
    assert (doc_id, title) == ("pier", "Pier to reopen")
    assert "<html>" not in text and "We will rebuild it stronger" in text


def test_ingest_counts_a_missing_file_as_failed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", str(tmp_path / "absent.txt"), "--db", str(tmp_path / "m.db")]) == 1
    err = capsys.readouterr().err
    assert "absent.txt: no such file" in err and "1 failed" in err


def test_ingest_takes_extract_output_holding_line_separators(tmp_path: Path) -> None:
    source = tmp_path / "story.txt"
    source.write_text("Ana Ruiz said the sea\u2028was calm.\u2029Ole Berg said\u0085it was not.", encoding="utf-8")
    records = tmp_path / "records.jsonl"
    assert main(["extract", "-q", "--workers", "1", "--with-text", str(source), "-o", str(records)]) == 0
    assert main(["ingest", str(records), "--db", str(tmp_path / "s.db")]) == 0
    with Archive(tmp_path / "s.db") as archive:
        assert archive.counts()["articles"] == 1


def test_ingest_keeps_the_good_lines_of_a_file_with_a_non_utf8_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes((_record(1) + "\n").encode() + b"\xff\xfe broken\n" + (_record(2) + "\n").encode())
    assert main(["ingest", str(path), "--db", str(tmp_path / "u.db")]) == 1
    err = capsys.readouterr().err
    assert "mixed.jsonl:2" in err and "2 articles added" in err and "1 failed" in err


def test_ingest_stores_a_second_text_on_stdin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = str(tmp_path / "in.db")
    for text in ("Ana Ruiz said the sea was calm.", "Ole Berg said the sea was rough."):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
        assert main(["ingest", "--db", db]) == 0
    with Archive(db) as archive:
        assert archive.counts()["articles"] == 2


def test_ingest_takes_the_text_and_id_fields_as_extract_does(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"guid": "sea-1", "body": "Ana Ruiz said the sea was calm."}) + "\n", encoding="utf-8")
    db = str(tmp_path / "f.db")
    assert main(["ingest", str(path), "--text-field", "body", "--id-field", "guid", "--db", db]) == 0
    with Archive(db) as archive:
        assert [row[0] for row in archive.conn.execute("SELECT doc_id FROM articles")] == ["sea-1"]

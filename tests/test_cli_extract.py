"""`saidwhat extract` end to end, in process: input kinds, errors and exit status, resume, order."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path
from typing import Any

import pytest

from saidwhat.cli import main

pytestmark = pytest.mark.model

LEE = '"We will rebuild the pier," said Ann Lee, the mayor.\n'
OKAFOR = "Council leader Sam Okafor told reporters that the budget was safe.\n"


def _records(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _write(path: Path, text: str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict[str, Any]], str]:
    status = main(["extract", "--workers", "1", *argv])
    captured = capsys.readouterr()
    return status, _records(captured.out), captured.err


def test_txt_files_one_record_each(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, records, err = _run(capsys, _write(tmp_path / "lee.txt", LEE), _write(tmp_path / "okafor.txt", OKAFOR))
    assert status == 0
    assert [r["doc_id"] for r in records] == ["lee", "okafor"]
    assert records[0]["quotes"][0]["cue"]["text"] == "said"
    assert "2 articles" in err and "errors" in err


def test_directory_is_read_recursively(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(tmp_path / "in" / "a" / "lee.txt", LEE)
    _write(tmp_path / "in" / "b" / "c" / "okafor.txt", OKAFOR)
    status, records, _ = _run(capsys, "-q", str(tmp_path / "in"))
    assert status == 0 and [r["doc_id"] for r in records] == ["lee", "okafor"]


def test_jsonl_gz_and_custom_fields(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = [{"key": "x1", "body": LEE}, {"body": OKAFOR}]
    path = tmp_path / "feed.jsonl.gz"
    path.write_bytes(gzip.compress("".join(json.dumps(line) + "\n" for line in lines).encode()))
    status, records, _ = _run(capsys, "-q", "--text-field", "body", "--id-field", "key", str(path))
    assert status == 0 and [r["doc_id"] for r in records] == ["x1", "feed:2"]


def test_jsonl_metadata_is_kept(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = {"id": "p", "text": LEE, "title": "Pier", "url": "https://news.example/p", "published": "2024-05-01"}
    status, records, _ = _run(capsys, "-q", _write(tmp_path / "feed.jsonl", json.dumps(line) + "\n"))
    assert status == 0
    assert (records[0]["title"], records[0]["url"], records[0]["published"]) == (
        "Pier",
        "https://news.example/p",
        "2024-05-01",
    )


def test_stdin_text(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(LEE.encode())))
    status, records, _ = _run(capsys, "-q", "-")
    assert status == 0 and records[0]["doc_id"].startswith("stdin-") and records[0]["quotes"]


def test_second_stdin_text_is_not_skipped_by_resume(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.jsonl"
    for number, text in enumerate((LEE, OKAFOR)):
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
        flags = ["--resume"] if number else []
        assert _run(capsys, "-q", *flags, "-o", str(out), "-")[0] == 0
    assert len(_records(out.read_text(encoding="utf-8"))) == 2


def test_stdin_jsonl(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.dumps({"id": "a", "text": LEE}) + "\n" + json.dumps({"id": "b", "text": OKAFOR}) + "\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data.encode())))
    status, records, _ = _run(capsys, "-q")
    assert status == 0 and [r["doc_id"] for r in records] == ["a", "b"]


def test_html_with_text_offsets_refer_to_extracted_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("trafilatura")
    page = (
        "<html><head><title>Pier to reopen</title></head><body><nav>Menu</nav><article>"
        "<p>The storm-damaged pier in Westford will reopen next summer, the town council has confirmed.</p>"
        f"<p>{LEE.strip()}</p></article></body></html>"
    )
    status, records, _ = _run(capsys, "-q", "--with-text", _write(tmp_path / "pier.html", page))
    assert status == 0
    record = records[0]
    assert record["doc_id"] == "pier" and record["title"] == "Pier to reopen"
    quote = record["quotes"][0]["contents"][0]
    assert record["text"][quote["start"] : quote["end"]] == quote["text"]


def test_bad_utf8_among_good_files_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe not text")
    errors = tmp_path / "errors.jsonl"
    good = _write(tmp_path / "lee.txt", LEE)
    status, records, err = _run(capsys, "--errors", str(errors), good, str(bad), _write(tmp_path / "z.txt", OKAFOR))
    assert status == 1
    assert [r["doc_id"] for r in records] == ["lee", "z"]
    [failure] = _records(errors.read_text(encoding="utf-8"))
    assert failure["doc_id"] == "bad" and failure["input"] == str(bad)
    assert str(bad) in failure["reason"] and "UTF-8" in failure["reason"]
    assert "1 error in" in err


def test_failures_go_to_stderr_without_errors_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = _run(capsys, str(tmp_path / "missing.txt"))
    assert status == 1 and "missing.txt" in err


def test_output_file_is_not_overwritten_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = _write(tmp_path / "out.jsonl", "keep\n")
    status, _, err = _run(capsys, "-o", out, _write(tmp_path / "lee.txt", LEE))
    assert status == 2 and "--force" in err
    assert Path(out).read_text(encoding="utf-8") == "keep\n"


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--resume"], "--resume needs -o"),
        (["--resume", "--force", "-o", "OUT"], "conflict"),
        (["--workers", "-1"], "--workers"),
        (["--chunk-size", "0"], "--chunk-size"),
        (["--full"], "--pretty"),
    ],
)
def test_usage_errors_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], flags: list[str], message: str
) -> None:
    argv = [str(tmp_path / "out.jsonl") if flag == "OUT" else flag for flag in flags]
    status, _, err = _run(capsys, *argv, _write(tmp_path / "lee.txt", LEE))
    assert status == 2 and message in err


def test_resume_skips_written_ids_and_repairs_last_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lee, okafor = _write(tmp_path / "lee.txt", LEE), _write(tmp_path / "okafor.txt", OKAFOR)
    out = tmp_path / "out.jsonl"
    assert _run(capsys, "-q", "-o", str(out), lee)[0] == 0
    first = out.read_text(encoding="utf-8")
    out.write_text(first + '{"doc_id": "okafor", "quo', encoding="utf-8")  # a killed run's half line
    status, _, err = _run(capsys, "--resume", "-o", str(out), lee, okafor)
    assert status == 0 and "1 skipped" in err
    records = _records(out.read_text(encoding="utf-8"))
    assert [r["doc_id"] for r in records] == ["lee", "okafor"]
    assert out.read_text(encoding="utf-8").startswith(first)


def test_two_workers_keep_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = [json.dumps({"id": f"n{i}", "text": LEE if i % 2 else OKAFOR}) for i in range(7)]
    path = _write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    status = main(["extract", "-q", "--workers", "2", "--chunk-size", "1", path])
    records = _records(capsys.readouterr().out)
    assert status == 0 and [r["doc_id"] for r in records] == [f"n{i}" for i in range(7)]


def test_pretty_and_demo_still_work(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "-q", "--workers", "1", "--pretty", _write(tmp_path / "lee.txt", LEE)]) == 0
    assert "Ann Lee" in capsys.readouterr().out
    assert main(["demo", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["doc_id"] == "demo"


def test_pretty_full_shows_whole_quotations(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    words = " ".join(["the pier will be rebuilt with stone from the old quarry"] * 12)
    path = _write(tmp_path / "long.txt", f'"{words}," said Ann Lee, the mayor.\n')
    assert main(["extract", "-q", "--workers", "1", "--pretty", path]) == 0
    assert "…" in capsys.readouterr().out
    assert main(["extract", "-q", "--workers", "1", "--pretty", "--full", path]) == 0
    out = capsys.readouterr().out
    assert "…" not in out and " ".join(out.split()).count("old quarry") == 12


def test_summary_says_one_quote(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = _run(capsys, _write(tmp_path / "lee.txt", LEE))
    assert status == 0 and "1 article, 1 quote, 0 errors" in err


def test_focus_flag_gives_the_records_of_a_whole_parse(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path / "lee.txt", "The pier opened in 1902. It is long.\n" + LEE + "Gulls nest under it.\n")
    _, whole, _ = _run(capsys, "-q", path)
    status, focused, _ = _run(capsys, "-q", "--focus", path)
    assert status == 0 and focused == whole


def test_fast_entities_flag_finds_the_speaker_without_the_ner(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, records, _ = _run(capsys, "--fast-entities", _write(tmp_path / "lee.txt", LEE))
    assert status == 0
    assert [speaker["name"] for speaker in records[0]["speakers"]] == ["Ann Lee"]

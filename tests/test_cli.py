"""The command line, run in-process: saidwhat.cli.main([...]) with captured output."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from saidwhat.cli import build_parser, main

ROOT = Path(__file__).resolve().parent.parent
GOOD = 'Kit Connor said: "It is a show about kindness."\n'
OTHER = "The BBC said it was reviewing the report.\n"


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    actions = [action for action in parser._actions if isinstance(action, argparse._SubParsersAction)]
    return dict(actions[0].choices)


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _records(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("command", sorted(_subcommands()))
def test_cli_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert f"saidwhat {command}" in out
    description = _subcommands()[command].description
    assert description and description in out.replace("\n", " ").replace("  ", " ")


@pytest.mark.parametrize("command", sorted(_subcommands()))
def test_cli_every_command_is_in_the_readme(command: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"saidwhat {command}" in readme


def test_cli_top_level_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert all(command in out for command in _subcommands())


def test_cli_without_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "usage: saidwhat" in capsys.readouterr().err


def test_cli_unknown_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", "--no-such-flag"])
    assert exit_info.value.code == 2


@pytest.mark.model
def test_cli_extract_writes_one_record_per_file_named_by_stem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], article_schema: dict[str, Any]
) -> None:
    first, second = _write(tmp_path, "connor.txt", GOOD), _write(tmp_path, "bbc.txt", OTHER)
    assert main(["extract", str(first), str(second)]) == 0
    records = _records(capsys.readouterr().out)
    assert [record["doc_id"] for record in records] == ["connor", "bbc"]
    assert [len(record["quotes"]) for record in records] == [1, 1]
    for record in records:
        jsonschema.validate(record, article_schema)
        assert "text" not in record


@pytest.mark.model
def test_cli_extract_with_text_includes_the_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--with-text", str(_write(tmp_path, "connor.txt", GOOD))]) == 0
    (record,) = _records(capsys.readouterr().out)
    assert record["text"] == GOOD
    span = record["quotes"][0]["contents"][0]
    assert record["text"][span["start"] : span["end"]] == span["text"]


@pytest.mark.model
def test_cli_extract_reads_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(GOOD.encode("utf-8"))))
    assert main(["extract"]) == 0
    (record,) = _records(capsys.readouterr().out)
    assert record["doc_id"].startswith("stdin-")
    assert record["quotes"][0]["contents"][0]["text"] == '"It is a show about kindness."'


@pytest.mark.model
def test_cli_extract_utf8_bom_is_dropped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode("utf-8"))
    assert main(["extract", "--with-text", str(path)]) == 0
    (record,) = _records(capsys.readouterr().out)
    assert record["text"] == GOOD


@pytest.mark.model
def test_cli_extract_pretty_prints_the_readable_view(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--pretty", str(_write(tmp_path, "connor.txt", GOOD))]) == 0
    out = capsys.readouterr().out
    assert out.startswith("== connor  (1 quote, 1 speaker)")
    assert "Kit Connor" in out and "cue: said" in out


@pytest.mark.model
def test_cli_extract_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "out.jsonl"
    assert main(["extract", "-o", str(output), str(_write(tmp_path, "connor.txt", GOOD))]) == 0
    assert capsys.readouterr().out == ""
    assert [record["doc_id"] for record in _records(output.read_text(encoding="utf-8"))] == ["connor"]


def test_cli_extract_refuses_to_overwrite_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = _write(tmp_path, "out.jsonl", "keep me\n")
    assert main(["extract", "-o", str(output), str(_write(tmp_path, "connor.txt", GOOD))]) == 2
    err = capsys.readouterr().err
    assert "out.jsonl" in err and "--force" in err
    assert output.read_text(encoding="utf-8") == "keep me\n"


@pytest.mark.model
def test_cli_extract_force_overwrites(tmp_path: Path) -> None:
    output = _write(tmp_path, "out.jsonl", "old\n")
    assert main(["extract", "--force", "-o", str(output), str(_write(tmp_path, "connor.txt", GOOD))]) == 0
    assert [record["doc_id"] for record in _records(output.read_text(encoding="utf-8"))] == ["connor"]


@pytest.mark.model
def test_cli_extract_undecodable_file_is_reported_and_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Caf\xe9 owner said: \u201cFine.\u201d".encode("latin-1", "replace"))
    first, last = _write(tmp_path, "connor.txt", GOOD), _write(tmp_path, "bbc.txt", OTHER)
    assert main(["extract", str(first), str(bad), str(last)]) == 1
    captured = capsys.readouterr()
    assert [record["doc_id"] for record in _records(captured.out)] == ["connor", "bbc"]
    # one line names the file and the problem; the last line is the run's summary
    lines = [line for line in captured.err.strip().splitlines() if "latin1.txt" in line]
    assert len(lines) == 1
    assert "not UTF-8" in lines[0]
    assert "1 error in" in captured.err.strip().splitlines()[-1]


@pytest.mark.model
def test_cli_extract_missing_file_is_reported_and_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = _write(tmp_path, "connor.txt", GOOD)
    assert main(["extract", str(tmp_path / "absent.txt"), str(good)]) == 1
    captured = capsys.readouterr()
    assert [record["doc_id"] for record in _records(captured.out)] == ["connor"]
    assert "absent.txt: no such file" in captured.err


@pytest.mark.model
def test_cli_demo_prints_the_readable_view(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("== demo")
    assert "Maya Okafor" in out and "speakers:" in out


@pytest.mark.model
def test_cli_demo_json_is_a_valid_record(capsys: pytest.CaptureFixture[str], article_schema: dict[str, Any]) -> None:
    assert main(["demo", "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    jsonschema.validate(record, article_schema)
    assert record["doc_id"] == "demo" and record["quotes"]


def test_cli_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("saidwhat ")


@pytest.mark.model
def test_cli_extract_crash_in_one_document_does_not_stop_the_batch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import saidwhat.component

    real = saidwhat.component.analyse_doc

    def crash_on_stray_mark(doc: Any, **kwargs: Any) -> Any:
        if "›" in doc.text:
            raise IndexError("simulated bug in the analysis")
        return real(doc, **kwargs)

    monkeypatch.setattr(saidwhat.component, "analyse_doc", crash_on_stray_mark)
    crashing = _write(tmp_path, "stray.txt", '› "It is lovely," said Maria Lopez.\n')
    good = _write(tmp_path, "connor.txt", GOOD)
    assert main(["extract", "--workers", "1", str(crashing), str(good)]) == 1
    captured = capsys.readouterr()
    assert "connor" in [record["doc_id"] for record in _records(captured.out)]
    assert "stray" in captured.err

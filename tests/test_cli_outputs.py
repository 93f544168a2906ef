"""Unwritable output files are one line and exit 2, checked before any output is truncated."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from saidwhat.cli import main
from saidwhat.cli.outputs import refuse_to_overwrite
from saidwhat.errors import UsageError


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "in.txt"
    path.write_text('"We open at nine," the baker said.\n', encoding="utf-8")
    return path


def _bad_paths(tmp_path: Path) -> list[str]:
    (tmp_path / "a-folder").mkdir(exist_ok=True)
    return [str(tmp_path / "missing" / "out.jsonl"), str(tmp_path / "a-folder")]


@pytest.mark.parametrize("option", ["-o", "--errors"])
@pytest.mark.parametrize("which", [0, 1])
def test_extract_unwritable_output_is_one_line_and_exit_2(
    tmp_path: Path, article: Path, capsys: pytest.CaptureFixture[str], option: str, which: int
) -> None:
    bad = _bad_paths(tmp_path)[which]
    assert main(["extract", "-q", str(article), option, bad]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1 and bad in err


def test_extract_force_keeps_the_old_output_when_errors_file_fails(
    tmp_path: Path, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    previous = tmp_path / "prev.jsonl"
    previous.write_text('{"doc_id": "kept"}\n', encoding="utf-8")
    bad = _bad_paths(tmp_path)[0]
    assert main(["extract", "-q", str(article), "-o", str(previous), "--force", "--errors", bad]) == 2
    assert previous.read_text(encoding="utf-8") == '{"doc_id": "kept"}\n'


def test_open_outputs_truncates_only_once_every_file_is_open(tmp_path: Path) -> None:
    from contextlib import ExitStack

    from saidwhat.cli.outputs import open_outputs
    from saidwhat.errors import UsageError

    previous = tmp_path / "prev.jsonl"
    previous.write_text("old\n", encoding="utf-8")
    (tmp_path / "locked").mkdir()
    with ExitStack() as stack, pytest.raises(UsageError, match="--errors"):
        open_outputs(stack, [("--output", str(previous), False), ("--errors", str(tmp_path / "locked"), False)])
    assert previous.read_text(encoding="utf-8") == "old\n"


def test_export_unwritable_output_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from saidwhat.archive import Archive

    Archive(tmp_path / "a.db").close()
    bad = _bad_paths(tmp_path)[0]
    assert main(["export", "--db", str(tmp_path / "a.db"), "-o", bad]) == 2
    assert "does not exist" in capsys.readouterr().err


@pytest.mark.parametrize("option", ["--dump-pred", "--disagreements"])
@pytest.mark.parametrize("which", [0, 1])
def test_evaluate_unwritable_output_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str, which: int
) -> None:
    gold, pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold.write_text(json.dumps({"doc_id": "d1", "text": "Hi.", "quotes": []}) + "\n", encoding="utf-8")
    pred.write_text(json.dumps({"doc_id": "d1", "quotes": []}) + "\n", encoding="utf-8")
    bad = _bad_paths(tmp_path)[which]
    assert main(["evaluate", "--gold", str(gold), "--pred", str(pred), option, bad]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1 and bad in err


def test_demo_write_sample_into_a_missing_folder_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = str(tmp_path / "missing" / "sample.txt")
    assert main(["demo", "--write-sample", bad]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_refuse_to_overwrite_names_the_file_and_the_way_out(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    refuse_to_overwrite(path, force=False)  # nothing there yet
    path.write_text("kept", encoding="utf-8")
    refuse_to_overwrite(path, force=True)
    with pytest.raises(UsageError, match=r"output file '.*out.jsonl' exists; pass --force to overwrite it or --resume"):
        refuse_to_overwrite(path, force=False, alternative=" or --resume to continue")

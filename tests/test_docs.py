"""The documented commands leave nothing for git to pick up."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# An output option followed by a concrete name in the current folder (FILE, DIR placeholders are
# upper case; a path into src/ is a file meant to be committed).
_WRITTEN = re.compile(
    r"(?:-o|--output|--dump-pred|--disagreements|--errors|--write-sample|--out)\s+([a-z][\w.-]*)(?![\w./:-])"
)


def _documented_outputs() -> set[str]:
    pages = [ROOT / "README.md", ROOT / "DEVELOPERS.md", *sorted((ROOT / "docs").glob("*.md"))]
    return {name for page in pages for name in _WRITTEN.findall(page.read_text(encoding="utf-8"))}


def test_files_written_by_documented_commands_are_git_ignored() -> None:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a checkout")
    names = _documented_outputs()
    assert {"pred.jsonl", "dev-errors.jsonl"} <= names
    ignored = subprocess.run(
        ["git", "check-ignore", "--no-index", *names], cwd=ROOT, capture_output=True, text=True, check=False
    ).stdout.split()
    assert sorted(names - set(ignored)) == []

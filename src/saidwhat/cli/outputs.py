"""Output files opened (and checked) before anything is truncated: a bad path is one line and exit 2."""

from __future__ import annotations

import os
from contextlib import ExitStack
from pathlib import Path
from typing import TextIO

from ..errors import UsageError


def refuse_to_overwrite(path: str | Path, *, force: bool, what: str = "output file", alternative: str = "") -> None:
    """Raise UsageError when `path` exists and --force was not given (nothing is overwritten silently).

    Args:
        what: how the message names the file ("output file", "--dump-pred file", "model").
        alternative: another way out, added to the message (" or --resume to continue").
    """
    if Path(path).exists() and not force:
        raise UsageError(f"{what} '{path}' exists; pass --force to overwrite it{alternative}")


def check_writable(path: str, option: str) -> None:
    """Raise UsageError unless `path` can be written: its folder exists and it is not itself a folder."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise UsageError(f"{option} '{path}' is a directory; give a file name")
    if not folder.is_dir():
        raise UsageError(f"{option} '{path}': folder '{folder}' does not exist")
    if not os.access(target if target.exists() else folder, os.W_OK):
        raise UsageError(f"{option} '{path}' cannot be written (permission denied)")


def open_outputs(stack: ExitStack, files: list[tuple[str, str, bool]]) -> list[TextIO]:
    """Open (option, path, append) files for writing, in order; truncate the others only once all are open.

    A later file that cannot be opened leaves the earlier ones as they were (`-o prev.jsonl --force
    --errors missing/dir/x` keeps prev.jsonl).
    """
    for option, path, _ in files:
        check_writable(path, option)
    handles: list[TextIO] = []
    for option, path, _ in files:
        try:
            handles.append(stack.enter_context(open(path, "a", encoding="utf-8")))  # noqa: SIM115 - closed by stack
        except OSError as err:
            raise UsageError(f"{option} '{path}' cannot be opened: {err.strerror or err}") from err
    for handle, (_, _, append) in zip(handles, files, strict=True):
        if not append:
            handle.truncate(0)
    return handles

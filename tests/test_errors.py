"""errors.py: one family of errors, each named for what went wrong; the CLI maps them to exit statuses."""

from __future__ import annotations

import inspect

import pytest

import saidwhat
from saidwhat import errors
from saidwhat.cli import EXIT_SOME_FAILED, EXIT_USAGE, main

ERRORS = [cls for _, cls in inspect.getmembers(errors, inspect.isclass) if cls.__module__ == errors.__name__]


@pytest.mark.parametrize("error", ERRORS, ids=lambda cls: cls.__name__)
def test_errors_are_saidwhat_errors_with_a_docstring(error: type[Exception]) -> None:
    assert issubclass(error, errors.SaidwhatError)
    assert (error.__doc__ or "").strip()


@pytest.mark.parametrize("error", ERRORS, ids=lambda cls: cls.__name__)
def test_errors_are_part_of_the_public_api(error: type[Exception]) -> None:
    assert getattr(saidwhat, error.__name__) is error
    assert error.__name__ in saidwhat.__all__


@pytest.mark.parametrize(("error", "status"), [(errors.UsageError, EXIT_USAGE), (errors.InputError, EXIT_SOME_FAILED)])
def test_errors_become_one_line_on_stderr_and_an_exit_status(
    error: type[Exception], status: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def fail(args: object) -> int:
        raise error("the value 'x' is bad; pass another")

    monkeypatch.setattr("saidwhat.cli.archive_cmd.speakers_cli", fail)
    assert main(["speakers"]) == status
    assert capsys.readouterr().err == "saidwhat speakers: the value 'x' is bad; pass another\n"

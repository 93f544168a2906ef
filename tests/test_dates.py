"""The one date check used by the CLI, the archive and the server."""

from __future__ import annotations

import pytest

from saidwhat.dates import validate_date
from saidwhat.errors import InputError


@pytest.mark.parametrize("value", ["2024", "2024-02", "2024-02-29", "1999-12-31"])
def test_validate_date_accepts_real_dates(value: str) -> None:
    assert validate_date(value, "since") == value


@pytest.mark.parametrize("value", ["2024-13", "2024-00", "2024-02-30", "2023-02-29", "2024-1-5", "yesterday", ""])
def test_validate_date_names_the_bad_value(value: str) -> None:
    with pytest.raises(InputError, match=f"since date {value!r}"):
        validate_date(value, "since")

"""The one check of a date given by a user (search filters on the CLI and the server, publication dates).

A date is YYYY, YYYY-MM or YYYY-MM-DD, and must exist: month 01-12, a day the month has.
"""

from __future__ import annotations

import re
from datetime import date

from .errors import InputError

DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
_DATE = re.compile(DATE_PATTERN)


def validate_date(value: str, name: str) -> str:
    """The date unchanged when it is a real YYYY, YYYY-MM or YYYY-MM-DD date.

    Raises:
        InputError: naming `name`, the value and what is wrong with it.
    """
    if not _DATE.match(value):
        raise InputError(f"{name} date {value!r} is not YYYY-MM-DD (or YYYY-MM, YYYY)")
    year, month, day = [*value.split("-"), "01", "01"][:3]
    try:
        date(int(year), int(month), int(day))
    except ValueError as err:
        raise InputError(f"{name} date {value!r} is not a real date: {err}") from err
    return value

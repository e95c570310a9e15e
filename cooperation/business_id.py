"""Finnish business ID (Y-tunnus): seven digits, a hyphen and a mod-11 check digit."""
from __future__ import annotations

import re

_FORM = re.compile(r"^([0-9]{7})[-\u2013]([0-9])$")
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2)


def check_digit(digits: str) -> int | None:
    """The check digit for seven digits; None when no valid check digit exists (remainder 1)."""
    remainder = sum(int(d) * w for d, w in zip(digits, _WEIGHTS)) % 11
    if remainder == 0:
        return 0
    if remainder == 1:
        return None
    return 11 - remainder


def normalise(value: str) -> str:
    """Published texts sometimes write the hyphen as an en dash (3221307–8)."""
    return value.replace("\u2013", "-")


def is_valid(value: str) -> bool:
    match = _FORM.match(value)
    return match is not None and check_digit(match.group(1)) == int(match.group(2))

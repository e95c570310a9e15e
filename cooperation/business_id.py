"""Finnish business ID (Y-tunnus): seven digits, a hyphen and a mod-11 check digit."""
from __future__ import annotations

import re

# characters that look like (or hide in place of) the hyphen: published texts and word processors put them
# there; read as the hyphen, named to the editor by their Unicode names
LOOKALIKES = {
    "\u2013": "EN DASH",
    "\u2014": "EM DASH",
    "\u2212": "MINUS SIGN",
    "\u2011": "NON-BREAKING HYPHEN",
    "\u2012": "FIGURE DASH",
    "\u00ad": "SOFT HYPHEN",
}
_FORM = re.compile("^([0-9]{7})[-" + "".join(LOOKALIKES) + "]([0-9])$")
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2)
UNKNOWN = "\u2014"  # printed where a party's business ID is not known (business_id_unknown: true)


def check_digit(digits: str) -> int | None:
    """The check digit for seven digits; None when no valid check digit exists (remainder 1)."""
    remainder = sum(int(d) * w for d, w in zip(digits, _WEIGHTS)) % 11
    if remainder == 0:
        return 0
    if remainder == 1:
        return None
    return 11 - remainder


def normalise(value: str) -> str:
    """The one written form: a look-alike of the hyphen between the digits becomes the hyphen (3221307–8)."""
    match = _FORM.match(value)
    return f"{match.group(1)}-{match.group(2)}" if match else value


def lookalike(value: str) -> str | None:
    """The character standing in for the hyphen, as U+XXXX NAME; None when it is the hyphen itself."""
    match = _FORM.match(value)
    if match is None or value[7] == "-":
        return None
    return f"U+{ord(value[7]):04X} {LOOKALIKES[value[7]]}"


def is_well_formed(value: str) -> bool:
    return _FORM.match(value) is not None


def is_valid(value: str) -> bool:
    match = _FORM.match(value)
    return match is not None and check_digit(match.group(1)) == int(match.group(2))

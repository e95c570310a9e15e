"""The data format's version (`format` in agreement/agreement.yaml) and the migrations between versions.

Data without `format` is format 1 (everything written before the format had a version). Each change of the format
from now on is one ``Step`` in ``STEPS``: the format it gives, what it changes in words, and a function that changes
the data of the files it concerns in place (plain mappings: the same function upgrades ruamel.yaml's round-trip
documents for `migrate`, keeping comments, key order and quoting, and the data read from an older git revision in
memory, so history, diffs and decisions read every version in today's format). Each step comes with a test that
migrates a fixture of the previous format (tests/fixtures/format1, tests/test_migrate.py).

A step must leave the fingerprint of a text as it was (`format` itself is not part of it, domain.MONITORING_PATHS):
decisions name the texts they approved by their fingerprints.

An addition that leaves every existing file as it reads is no change of the format and has no step: a new optional
file or field. So `agreement/consultations.yaml` (the consultation rounds, tool 0.2.x): data without it reads as
before, it is outside the agreement's text (domain.OUTSIDE_THE_TEXT), and a tool from before it warns that it does not
read the file (`file_unexpected`) instead of misreading anything.
"""
from __future__ import annotations

import copy
import re
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cooperation import __version__
from cooperation.i18n.messages import param

FORMAT = 2  # the format this tool writes and reads
FIRST = 1  # data without `format`
AGREEMENT_FILE = "agreement/agreement.yaml"
PACKAGE = "yhteistyosopimus"

Files = MutableMapping[str, Any]  # a file's path under the data's folder (agreement/agreement.yaml) → its data
Change = tuple[str, dict[str, str]]  # (file, what changed: fi, sv, en)


@dataclass(frozen=True)
class Step:
    to: int  # the format this step gives (from to - 1)
    tool: str  # the first version of the tool that reads it
    what: dict[str, str]  # the change in words (fi, sv, en)
    apply: Callable[[Files], list[Change]]  # changes the files' data in place; returns what it changed
    # the same change made in a file's text, line by line (file, text → text, or None where it cannot): `migrate`
    # uses it where the loader reads the result as exactly ``apply``'s data, else ruamel.yaml's round trip, which
    # keeps comments, order and quoting but joins a plain text folded over several lines
    edit: Callable[[str, str], str | None] | None = None


def _add_format(files: Files) -> list[Change]:
    """Format 2: the format is named. `format: 2` opens agreement.yaml (after its comments)."""
    data = files.get(AGREEMENT_FILE)
    if not isinstance(data, MutableMapping):
        return []
    if hasattr(data, "insert"):  # ruamel.yaml's mapping: the key first, where a reader looks for it
        data.insert(0, "format", 2)
    else:
        items = list(data.items())
        data.clear()
        data["format"] = 2
        data.update(items)
    return [(AGREEMENT_FILE, param("format_added"))]


def _add_format_line(name: str, text: str) -> str | None:
    """`format: 2` as a line of its own before the first key of agreement.yaml (its opening comments stay first)."""
    if name != AGREEMENT_FILE:
        return None
    lines = text.splitlines(keepends=True)
    for index, line in enumerate(lines):
        if line.strip() and not line.lstrip().startswith("#") and not line.startswith(("---", "%")):
            if line[0].isspace():
                return None
            return "".join(lines[:index] + ["format: 2\n"] + lines[index:])
    return None


STEPS: tuple[Step, ...] = (
    Step(2, "0.2.0", param("format_step_2"), _add_format, _add_format_line),
)
assert [s.to for s in STEPS] == list(range(FIRST + 1, FORMAT + 1)), "one step per format, in order"


def format_of(agreement: Any) -> int | None:
    """The format an agreement.yaml's data is in: 1 without `format`; None when `format` is not a whole number
    (the schema says so)."""
    if not isinstance(agreement, dict) or "format" not in agreement:
        return FIRST
    value = agreement["format"]
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= FIRST else None


def steps_from(current: int) -> tuple[Step, ...]:
    return tuple(step for step in STEPS if step.to > current)


def upgraded(files: dict[str, Any], current: int) -> tuple[dict[str, Any], list[Change]]:
    """A copy of ``files`` in today's format (the given objects are not changed) and what changed."""
    files = {name: copy.deepcopy(data) for name, data in files.items()}
    changes: list[Change] = []
    for step in steps_from(current):
        changes += step.apply(files)
    return files, changes


def pinned_version(root: Path) -> str | None:
    """The tool's version a region's repository pins (its requirements.txt: `yhteistyosopimus==0.3.0`, or a wheel's
    address `…/yhteistyosopimus-0.3.0-py3-none-any.whl`), or None."""
    path = Path(root) / "requirements.txt"
    try:
        if path.is_symlink() or not path.is_file() or path.stat().st_size > 100_000:
            return None
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        match = re.match(rf"{PACKAGE}\s*==\s*([0-9][0-9A-Za-z.+-]*)\s*$", line, re.I) \
            or re.search(rf"{PACKAGE}-([0-9][0-9A-Za-z.+]*?)-py3-none-any\.whl", line, re.I)
        if match:
            return match.group(1)
    return None


def _version_key(version: str) -> tuple:
    return tuple(int(part) if part.isdigit() else -1 for part in re.split(r"[.+-]", version))


def install_advice(root: Path, data_format: int) -> dict[str, str]:
    """What to install to read data of ``data_format``: the version the region's repository pins where it is newer
    than this one, else the newest release."""
    pinned = pinned_version(root)
    if pinned and _version_key(pinned) > _version_key(__version__):
        return param("install_pinned", package=PACKAGE, version=pinned)
    return param("install_newer", package=PACKAGE, format=str(data_format))

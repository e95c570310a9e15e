"""The cells of every CSV the tool writes, safe to open in a spreadsheet (OWASP: CSV injection).

A spreadsheet runs a cell starting with = + - @ (or a tab or carriage return before one) as a formula:
``=HYPERLINK(…)`` in a measurement's note or a party's name would run in the reader's Excel. Every CSV writer
wraps its ``csv.writer`` in ``neutralised``: a text cell starting so gets a leading ' (spreadsheets show it as
text, without the mark). Numbers stay numbers: a negative value (-1.3, or -1,3 as Finnish spreadsheets write it)
is data, and one written as text is a number too, never a formula. The tool's own reader of the files it writes
(the measurement files) takes the mark away again: ``unmarked``.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:[.,][0-9]+)?|[.,][0-9]+)(?:[eE][+-]?[0-9]+)?")


def safe_cell(value: Any) -> Any:
    """``value`` as a CSV cell a spreadsheet will not run: a text that starts like a formula gets a leading '."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def unmarked(text: str) -> str:
    """A cell as written before ``safe_cell`` marked it (for reading back a file the tool wrote)."""
    return text[1:] if text.startswith("'") and safe_cell(text[1:]) == text else text


class _Neutralised:
    def __init__(self, writer: Any):
        self._writer = writer

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow([safe_cell(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def neutralised(writer: Any) -> _Neutralised:
    """A ``csv.writer`` whose every cell, in every row (headings too), goes through ``safe_cell``."""
    return _Neutralised(writer)

"""Problems found in the data, collected into one result.

Checks never print and never raise for bad data: they add problems here, and a
reporter (see ``reporter``) turns them into text, GitHub annotations or JSON.
A problem carries a message code and parameters, not a finished sentence, so
the same problem can be shown in Finnish, Swedish or English.
"""
from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as _field
from typing import Any

ERROR = "error"
WARNING = "warning"
INFO = "info"  # something to look at (an import's notes); never fails a run


@dataclass(frozen=True)
class Problem:
    severity: str
    code: str
    file: str
    line: int = 1  # 0: the file as a whole
    column: int = 1  # 0: the whole line
    params: dict[str, Any] = _field(default_factory=dict, compare=False, hash=False)
    # the item the problem is about: (kind, id), e.g. ("action", "HYTE-1-T2")
    item: tuple[str, str] | None = None
    # the field's key path inside the item and its human titles per language
    field: str | None = None
    field_titles: dict[str, str] | None = _field(default=None, compare=False, hash=False)
    # a position in a file without lines: a workbook cell ("C14", or "3" for a whole row) or a JSON entry ("[3]");
    # line and column then only order the problems
    cell: str | None = None

    def sort_key(self):
        return (self.file, self.line, self.column, self.code, self.field or "")


class Result:
    """All problems of one run, in the order files were read."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self._seen: set = set()

    def add(self, problem: Problem) -> None:
        key = (problem.severity, problem.code, problem.file, problem.line, problem.column,
               problem.cell, problem.item, problem.field, repr(sorted(problem.params.items(), key=str)))
        if key not in self._seen:
            self._seen.add(key)
            self.problems.append(problem)

    def extend(self, problems) -> None:
        for p in problems:
            self.add(p)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WARNING]

    @property
    def notices(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == INFO]

    def sorted(self) -> list[Problem]:
        return sorted(self.problems, key=Problem.sort_key)

    def exit_code(self, strict: bool = False) -> int:
        if self.errors or (strict and self.warnings):
            return 1
        return 0

"""One command's, or one preview session's, workspace: what it reads and computes once, passed in as Sphinx passes
its build environment. Each stage keeps its memo here under its own name — the files read, their schema checks and
canonical content, the model, the texts git's commits hold, the history, the site's rendered pieces — and a new
command starts with a new workspace, so nothing of one command is seen by the next and no module keeps state of its
own. Within one workspace a memo is keyed by what it depends on (a file's bytes, a commit), never trusted blindly.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


class Workspace:
    def __init__(self) -> None:
        self._memos: dict[str, Any] = {}

    def memo(self, name: str) -> dict:
        """The stage's dictionary ``name`` (empty on first use)."""
        return self._memos.setdefault(name, {})

    def get(self, name: str, make: Callable[[], T]) -> T:
        """The stage's object ``name``, made by ``make()`` on first use."""
        if name not in self._memos:
            self._memos[name] = make()
        return self._memos[name]

    def forget(self) -> None:
        """Everything read and computed so far (a benchmark times a cold build in the same process)."""
        self._memos.clear()

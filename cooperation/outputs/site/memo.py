"""Renderings kept from one build of the site's pages to the next in the same process.

`mkdocs serve` generates every page again after each edit, from a model loaded anew; an edit of one sub-area
leaves the other sub-areas' indicators and texts as they were. A rendering is kept under a key made of every
value it is rendered from (never a model object's identity: each build has new ones), so what is found is what
rendering again would give. Only what the latest build used is kept: memory stays about one build's worth.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

T = TypeVar("T")
_MISSING = object()


class Memo:
    def __init__(self) -> None:
        self._kept: dict = {}  # the previous build's renderings
        self._used: dict = {}  # the current build's
        self.made = 0  # renderings made (not found) since the build started

    def start(self) -> None:
        """A build begins: the renderings the previous one used are kept for it, older ones let go."""
        self._kept, self._used, self.made = self._used, {}, 0

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        value = self._used.get(key, _MISSING)
        if value is _MISSING:
            value = self._kept.pop(key, _MISSING)
            if value is _MISSING:
                value = make()
                self.made += 1
            self._used[key] = value
        return value  # type: ignore[return-value]

    def __len__(self) -> int:
        return len(self._kept) + len(self._used)


# the site's pages: one build at a time in a process (each language's MkDocs build in turn)
PAGES = Memo()

"""Renderings kept from one build of the site's pages to the next in the same workspace (a preview session).

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
        self._kept: dict = {}  # the previous build's renderings: key → (value, the keys it was made from)
        self._used: dict = {}  # the current build's
        self.made = 0  # renderings made (not found) since the build started
        self._making: list[list] = []  # the keys asked for while each rendering in progress is made

    def start(self) -> None:
        """A build begins: the renderings the previous one used are kept for it, older ones let go."""
        self._kept, self._used, self.made = self._used, {}, 0

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        """The rendering kept under ``key``, else ``make()``'s. A rendering made from others (a page from its chart
        and tables) uses them too when it is found: they stay kept for a build that needs them again."""
        if self._making:
            self._making[-1].append(key)
        entry = self._used.get(key, _MISSING)
        if entry is _MISSING:
            entry = self._kept.pop(key, _MISSING)
            if entry is _MISSING:
                self._making.append([])
                try:
                    value = make()
                finally:
                    parts = tuple(self._making.pop())
                entry = (value, parts)
                self.made += 1
            else:
                self._keep(entry[1])
            self._used[key] = entry
        return entry[0]  # type: ignore[no-any-return]

    def _keep(self, keys: tuple) -> None:
        """The parts a found rendering was made from, used by this build too."""
        for key in keys:
            if key not in self._used and key in self._kept:
                entry = self._used[key] = self._kept.pop(key)
                self._keep(entry[1])

    def __len__(self) -> int:
        return len(self._kept) + len(self._used)


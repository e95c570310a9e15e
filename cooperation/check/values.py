"""Defensive reading of data the schema may have refused, and "did you mean" suggestions.

The checks run on every file, valid or not: these helpers never assume a type.
"""
from __future__ import annotations

import datetime
import difflib
from collections.abc import Iterator
from typing import Any, TypeGuard

from cooperation.i18n.messages import param


def dicts(value: Any) -> Iterator[tuple[int, dict]]:
    """(index, item) for the dict items of a list; anything else yields nothing."""
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield index, item


def whole(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def number(value: Any) -> TypeGuard[int | float]:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def string(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def iso_date(value: Any) -> datetime.date | None:
    """An ISO date, or None for anything else (the schema has reported that)."""
    if not isinstance(value, str):
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


def short(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def suggest(word: Any, choices, list_allowed: bool = True, cutoff: float = 0.6) -> dict[str, str] | str:
    if not isinstance(word, str):
        return ""
    choices = list(choices)
    found = difflib.get_close_matches(word, choices, n=1, cutoff=cutoff)
    if not found:
        if list_allowed and 0 < len(choices) <= 5:
            listed = ", ".join(choices)
            return param("allowed", values=listed)
        return ""
    return param("did_you_mean", value=found[0])

"""The current date and what is late by it: one rule for `validate`, the site and the yearly report.

The date is injectable (``--today``, tests): otherwise SOURCE_DATE_EPOCH when set, so that a reproducible
build stays the same build whatever day it runs, and only then the real date.
"""
from __future__ import annotations

import contextlib
import contextvars
import datetime
import os
from collections.abc import Iterator

# the command's --today, for its block only (a context variable: another command, or a test in another thread, has
# its own; the command's worker threads get it through background.Threads)
_fixed: contextvars.ContextVar[datetime.date | None] = contextvars.ContextVar("today", default=None)


def today() -> datetime.date:
    fixed = _fixed.get()
    if fixed is not None:
        return fixed
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date()
    return datetime.date.today()


@contextlib.contextmanager
def fixed_today(day: datetime.date | None) -> Iterator[None]:
    """Within the block, ``today()`` is ``day`` (None: unchanged)."""
    if day is None:
        yield
        return
    token = _fixed.set(day)
    try:
        yield
    finally:
        _fixed.reset(token)


def first_day(parts: tuple) -> datetime.date:
    """(year, month or None, day or None) → its first day."""
    year, month, day = parts
    return datetime.date(year, month or 1, day or 1)


def last_day(parts: tuple) -> datetime.date:
    year, month, day = parts
    if day:
        return datetime.date(year, month, day)
    if month:
        following = datetime.date(year + (month == 12), month % 12 + 1, 1)
        return following - datetime.timedelta(days=1)
    return datetime.date(year, 12, 31)


FINISHED = ("done", "cancelled")


def action_lateness(status: str, start: tuple | None, end: tuple | None, day: datetime.date) -> str | None:
    """"past_end": the schedule has ended and the action is not done or cancelled; "not_started": still
    planned after its start (the whole month or year written) has passed; None: on time."""
    if end and last_day(end) < day and status not in FINISHED:
        return "past_end"
    if start and status == "planned" and last_day(start) < day:
        return "not_started"
    return None


# how many years old the newest value may be, by monitoring interval: statistics for a year come out during
# the next one, so a yearly indicator measured for 2024 is current until the end of 2026
MAX_AGE_YEARS = {"monthly": 1, "quarterly": 1, "yearly": 2, "every_two_years": 3, "once_per_term": 5}


def indicator_stale(frequency: str, newest_year: int, day: datetime.date) -> bool:
    return day.year - newest_year > MAX_AGE_YEARS.get(frequency, 2)

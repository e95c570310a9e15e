"""The agreement's periods (council term, validity): each ends after it starts."""
from __future__ import annotations

from typing import TYPE_CHECKING

from cooperation.check.values import iso_date

if TYPE_CHECKING:
    from cooperation.check.checker import Checker


def check_periods(c: Checker) -> None:
    doc = c.doc("agreement")
    if doc is None:
        return
    for key in ("council_term", "validity"):
        period = c.agreement().get(key)
        if isinstance(period, dict):
            start, end = iso_date(period.get("start")), iso_date(period.get("end"))
            if start and end and end < start:
                c.error("period_order", doc, "agreement", (key, "end"), start=period["start"], end=period["end"])

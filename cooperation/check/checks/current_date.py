"""The checks by the current date (cooperation.timeliness.today, injectable with --today; the rules of lateness are
in cooperation/timeliness.py): values for years not yet come are errors; actions past their end or not started, and
indicators whose newest value is older than their monitoring interval allows, are warnings."""
from __future__ import annotations

from typing import TYPE_CHECKING

from cooperation.check.values import iso_date
from cooperation.result import ERROR, Problem
from cooperation.schemas import parse_partial_date
from cooperation.timeliness import MAX_AGE_YEARS, action_lateness, indicator_stale, today

if TYPE_CHECKING:
    from cooperation.check.checker import Checker


def check_timeliness(c: Checker) -> None:
    day = today()
    newest: dict[str, int] = {}
    year_titles = c.schemas.titles_at("measurement", ("year",))
    for row in c.sources.measurements:
        if row.year > day.year:
            c.result.add(Problem(ERROR, "measurement_future_year", row.file, row.line, row.columns.get("year", 1),
                                 {"year": row.year, "today": f"{day.day}.{day.month}.{day.year}"},
                                 ("measurement", f"{row.indicator}/{row.area}/{row.year}"), "year", year_titles))
        else:
            newest[row.indicator] = max(row.year, newest.get(row.indicator, row.year))
    status_labels = c.schemas.enum_labels("subarea", ("goals", 0, "actions", 0, "status"))
    frequency_labels = c.schemas.enum_labels("subarea", ("goals", 0, "indicators", 0, "frequency"))
    for doc, path, item_kind, item in c.subarea_items():
        if item_kind == "action":
            schedule = item.get("schedule") if isinstance(item.get("schedule"), dict) else {}
            start = parse_partial_date(schedule.get("start")) if schedule.get("start") is not None else None
            end = parse_partial_date(schedule.get("end")) if schedule.get("end") is not None else None
            status = item.get("status")
            if not isinstance(status, str):
                continue
            _check_status_history(c, doc, path, item, status, day)
            late = action_lateness(status, start or None, end or None, day)
            if late == "past_end":
                c.warning("action_past_end", doc, "subarea", path + ("status",), end=schedule.get("end"),
                          status=status_labels.get(status, status))
            elif late == "not_started":
                c.warning("action_not_started", doc, "subarea", path + ("status",), start=schedule.get("start"))
        elif item_kind == "indicator":
            frequency, ident = item.get("frequency"), item.get("id")
            # the schema reports an id or frequency of the wrong type; this check says nothing of them
            if isinstance(frequency, str) and isinstance(ident, str) and ident in newest \
                    and indicator_stale(frequency, newest[ident], day):
                c.warning("indicator_stale", doc, "subarea", path + ("frequency",), year=newest[ident],
                          frequency=frequency_labels.get(frequency, frequency),
                          age=MAX_AGE_YEARS.get(frequency, 2))


def _check_status_history(c: Checker, doc, path: tuple, action: dict, status: str, day) -> None:
    """Each update dated between the agreement's start and today, in order, the newest one the current status."""
    history = action.get("status_history")
    if not isinstance(history, list):
        return
    validity = c.agreement().get("validity")
    start = iso_date(validity.get("start")) if isinstance(validity, dict) else None
    previous = None
    for index, update in enumerate(history):
        when = iso_date(update.get("date")) if isinstance(update, dict) else None
        if when is None:
            continue
        where = path + ("status_history", index, "date")
        if when > day:
            c.error("status_date_future", doc, "subarea", where, date=_fi(when), today=_fi(day))
        elif start and when < start:
            c.error("status_date_before_agreement", doc, "subarea", where, date=_fi(when), start=_fi(start))
        if previous and when < previous:
            c.error("status_history_order", doc, "subarea", where, date=_fi(when), previous=_fi(previous))
        previous = when
    last = history[-1] if history and isinstance(history[-1], dict) else None
    if last and isinstance(last.get("status"), str) and last["status"] != status:
        labels = c.schemas.enum_labels("subarea", ("goals", 0, "actions", 0, "status"))
        c.error("status_history_mismatch", doc, "subarea", path + ("status_history", len(history) - 1, "status"),
                last=labels.get(last["status"], last["status"]), status=labels.get(status, status))


def _fi(date) -> str:
    return f"{date.day}.{date.month}.{date.year}"

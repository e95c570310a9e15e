"""Actions: the lead among the responsible parties, a reason for a delay, a schedule in order and inside
the council term."""
from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from cooperation.check.values import iso_date
from cooperation.domain import expand_parties
from cooperation.schemas import parse_partial_date
from cooperation.timeliness import first_day as _first_day
from cooperation.timeliness import last_day as _last_day

if TYPE_CHECKING:
    from cooperation.check.checker import Checker


def check_actions(c: Checker) -> None:
    parties = c.parties()
    municipalities = set(c.municipalities())
    term = c.agreement().get("council_term")
    term_start = iso_date(term.get("start")) if isinstance(term, dict) else None
    term_end = iso_date(term.get("end")) if isinstance(term, dict) else None
    for doc, path, item_kind, action in c.subarea_items():
        if item_kind != "action":
            continue
        lead, responsible = action.get("lead"), action.get("responsible")
        if isinstance(lead, str) and isinstance(responsible, list) and responsible:
            covered = set(expand_parties((r for r in responsible if isinstance(r, str)), municipalities))
            # a lead of all_municipalities is refused by the schema (party_ref's pattern)
            if lead not in covered and (lead in parties or not parties):
                c.error("lead_not_responsible", doc, "subarea", path + ("lead",), lead=lead)
        status = action.get("status")
        if status in ("delayed", "cancelled") and not action.get("status_reason"):
            labels = c.schemas.enum_labels("subarea", ("goals", 0, "actions", 0, "status"))
            c.error("status_reason_missing", doc, "subarea", path + ("status",), status=labels.get(status, status))
        schedule = action.get("schedule")
        if isinstance(schedule, dict):
            start = parse_partial_date(schedule.get("start"))
            end = parse_partial_date(schedule.get("end")) if "end" in schedule else None
            first = _first_day(start) if start else None
            last = _last_day(end) if end else (_last_day(start) if start else None)
            if first and last and end and last < first:
                c.error("schedule_order", doc, "subarea", path + ("schedule", "end"),
                        start=schedule.get("start"), end=schedule.get("end"))
            elif first and last and term_start and term_end and (first < term_start or last > term_end):
                c.warning("schedule_outside_term", doc, "subarea", path + ("schedule",),
                          start=schedule.get("start"), end=schedule.get("end", "…"),
                          term=f"{_fi_date(term_start)}–{_fi_date(term_end)}")


def _fi_date(date: datetime.date) -> str:
    return f"{date.day}.{date.month}.{date.year}"

"""Measurements: known indicators and areas, areas the indicator follows, one value per indicator, area and year."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cooperation.check.values import suggest
from cooperation.domain import REGION, expand_parties
from cooperation.result import ERROR, WARNING, Problem

if TYPE_CHECKING:
    from cooperation.check.checker import Checker


def check_measurements(c: Checker) -> None:
    if not c.sources.measurements:
        return
    indicators: dict[str, dict] = {}
    for _, _, item_kind, item in c.subarea_items():
        if item_kind == "indicator" and isinstance(item.get("id"), str):
            indicators[item["id"]] = item
    parties = c.parties()
    municipalities = set(c.municipalities())
    have_parties = c.parties_known()
    seen: dict[tuple, Any] = {}
    titles = {name: c.schemas.titles_at("measurement", (name,)) for name in ("indicator", "area", "year")}

    def report(severity, code, row, column, **params):
        c.result.add(Problem(severity, code, row.file, row.line, row.columns.get(column, 1), params,
                             ("measurement", f"{row.indicator}/{row.area}/{row.year}"), column, titles[column]))

    followed: dict[str, set | None] = {}
    for iid, indicator in indicators.items():
        areas = indicator.get("areas")
        if isinstance(areas, list):
            followed[iid] = set(expand_parties((a for a in areas if isinstance(a, str)), municipalities))
        else:
            followed[iid] = None
    check_indicator = c.subareas_complete()
    for row in c.sources.measurements:
        areas = followed.get(row.indicator, False)
        if areas is False and check_indicator:
            report(ERROR, "measurement_unknown_indicator", row, "indicator", ref=row.indicator,
                   suggestion=suggest(row.indicator, indicators))
        if row.area != REGION and row.area not in parties and have_parties:
            report(ERROR, "measurement_unknown_area", row, "area", ref=row.area)
        elif areas and row.area not in areas:
            report(WARNING, "measurement_area_not_followed", row, "area", indicator=row.indicator, area=row.area)
        key = (row.indicator, row.area, row.year)
        if key in seen:
            report(ERROR, "measurement_duplicate", row, "year", indicator=row.indicator, area=row.area,
                   year=row.year, where=f"{seen[key].file}:{seen[key].line}")
        else:
            seen[key] = row

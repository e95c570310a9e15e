"""Sub-areas against the Kuntaliitto workbook: each workbook sub-area once, in its group, and the six common
ones present."""
from __future__ import annotations

from typing import TYPE_CHECKING

from cooperation.domain import COMMON_WORKBOOK_SUBAREAS
from cooperation.result import WARNING, Problem

if TYPE_CHECKING:
    from cooperation.check.checker import Checker


def check_workbook_subareas(c: Checker) -> None:
    used: dict[str, str] = {}
    labels = c.schemas.enum_labels("subarea", ("workbook_subarea",))
    group_labels = c.schemas.enum_labels("subarea", ("group",))
    for doc in c.sources.subareas:
        data = doc.data if isinstance(doc.data, dict) else {}
        value = data.get("workbook_subarea")
        if not isinstance(value, str) or value not in labels:
            continue
        if value in used:
            c.warning("duplicate_workbook_subarea", doc, "subarea", ("workbook_subarea",), value=value, other=used[value])
        used.setdefault(value, str(data.get("id")))
        expected = labels[value].get("group")
        if expected and isinstance(data.get("group"), str) and data["group"] in group_labels and data["group"] != expected:
            c.warning("workbook_group_mismatch", doc, "subarea", ("group",), expected=group_labels[expected])
    if not c.sources.subareas or not c.subareas_complete():
        return
    for value in COMMON_WORKBOOK_SUBAREAS:
        if value not in used:
            c.result.add(Problem(WARNING, "common_subarea_missing", "subareas/", 1, 1,
                                 {"title": labels[value], "value": value}))

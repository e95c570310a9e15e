"""Sub-areas against the Kuntaliitto workbook: each workbook sub-area once, in its group, and the six common
ones present; the agreement's own section numbers used once."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cooperation.check.values import dicts
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
    # only a region that says it follows the workbook's model is reminded of the model's common sub-areas
    if not c.sources.subareas or not c.subareas_complete() or c.agreement().get("kuntaliitto_model") is not True:
        return
    for value in COMMON_WORKBOOK_SUBAREAS:
        if value not in used:
            c.result.add(Problem(WARNING, "common_subarea_missing", "subareas/", 1, 1,
                                 {"title": labels[value], "value": value}))


def check_section_numbers(c: Checker) -> None:
    """A real agreement's own section numbers (number: 7.2) for sub-areas and forums: each used once."""
    seen: dict[str, str] = {}
    forums = c.doc("forums")
    items: list[tuple[Any, str, tuple, dict]] = [(doc, "subarea", (), doc.data) for doc in c.sources.subareas if isinstance(doc.data, dict)]
    if forums is not None and isinstance(forums.data, dict):
        items += [(forums, "forums", ("forums", i), f) for i, f in dicts(forums.data.get("forums"))]
    for doc, kind, path, data in items:
        number = data.get("number")
        if not isinstance(number, str):
            continue
        if number in seen:
            c.error("duplicate_section_number", doc, kind, path + ("number",), value=number, other=seen[number])
        seen.setdefault(number, str(data.get("id")))

"""Indicators: a source that can be found, and a target later than the baseline and in its direction."""
from __future__ import annotations

from typing import TYPE_CHECKING

from cooperation.check.values import number, whole
from cooperation.i18n.messages import RELATIONS

if TYPE_CHECKING:
    from cooperation.check.checker import Checker


def check_indicators(c: Checker) -> None:
    labels = c.schemas.enum_labels("subarea", ("goals", 0, "indicators", 0, "direction"))
    for doc, path, item_kind, indicator in c.subarea_items():
        if item_kind != "indicator":
            continue
        source = indicator.get("source")
        if isinstance(source, dict):
            if "sotkanet" not in source and "name" not in source:
                c.error("source_missing", doc, "subarea", path + ("source",))
            elif "sotkanet" not in source and "url" not in source:
                c.warning("source_url_missing", doc, "subarea", path + ("source",))
        baseline, target = indicator.get("baseline"), indicator.get("target")
        if not (isinstance(baseline, dict) and isinstance(target, dict)):
            continue
        by, bv, ty, tv = baseline.get("year"), baseline.get("value"), target.get("year"), target.get("value")
        if whole(by) and whole(ty) and ty <= by:
            c.error("target_year", doc, "subarea", path + ("target", "year"), target=ty, baseline=by)
        if not (number(bv) and number(tv)):
            continue
        direction = indicator.get("direction")
        if direction == "increase" and not tv > bv or direction == "decrease" and not tv < bv:
            c.error("target_direction", doc, "subarea", path + ("target", "value"),
                    direction=labels.get(direction, direction), target=tv, baseline=bv,
                    relation=RELATIONS[direction])
        elif direction == "keep" and tv != bv:
            c.warning("target_keep", doc, "subarea", path + ("target", "value"), target=tv, baseline=bv)

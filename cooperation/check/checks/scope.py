"""Scope 2–3 (goals with actions and indicators): every goal has both, every indicator a baseline and a target."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cooperation.check.checker import Checker


def check_scope(c: Checker) -> None:
    scope = c.agreement().get("scope")
    if scope not in (2, 3):
        return
    for doc, path, item_kind, item in c.subarea_items():
        if item_kind == "goal":
            if not item.get("actions"):
                c.error("goal_without_action", doc, "subarea", path, scope=scope)
            if not item.get("indicators"):
                c.error("goal_without_indicator", doc, "subarea", path, scope=scope)
        elif item_kind == "indicator":
            for key in ("baseline", "target"):
                if key not in item:
                    c.error("required", doc, "subarea", path + (key,))

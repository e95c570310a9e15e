"""The three-way merge of a workbook's changes with the repository's: the workbook was exported from ``base``;
``ours`` is the repository now, ``theirs`` the workbook. Where both changed the same value differently, ours is
kept and a conflict noted (the import then writes nothing and names the cell).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cooperation.workbook.cells import MISSING


@dataclass
class Conflict:
    item: str  # the item's id
    path: tuple  # the field inside the item
    ours: Any  # the repository's value now
    theirs: Any  # the workbook's


def same(a: Any, b: Any) -> bool:
    """Equal as data: 46 and 46.0 are the same number; True is not 1."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    return type(a) is type(b) and a == b


def _id_list(*values: Any) -> bool:
    lists = [v for v in values if v is not MISSING]
    return all(isinstance(v, list) and all(isinstance(x, dict) and isinstance(x.get("id"), str) for x in v)
               for v in lists) and any(lists)


def merge3(base: Any, ours: Any, theirs: Any, item: str, path: tuple, conflicts: list[Conflict]) -> Any:
    """The workbook's changes (base → theirs) applied to the repository's data (ours); where both changed the
    same value differently, ours is kept and a conflict noted."""
    if theirs is MISSING and ours is MISSING:
        return MISSING
    if _same(theirs, base):
        return ours
    if _same(ours, base) or _same(ours, theirs):
        return theirs if not _same(ours, theirs) else ours
    if all(isinstance(v, dict) for v in (base, ours, theirs) if v is not MISSING) and isinstance(ours, dict) \
            and isinstance(theirs, dict):
        b = base if isinstance(base, dict) else {}
        out: dict = {}
        for key in list(ours) + [k for k in theirs if k not in ours]:
            value = merge3(b.get(key, MISSING), ours.get(key, MISSING), theirs.get(key, MISSING), item, path + (key,),
                           conflicts)
            if value is not MISSING:
                out[key] = value
        return out
    if isinstance(ours, list) and isinstance(theirs, list) and _id_list(base, ours, theirs):
        return _merge_items(base if isinstance(base, list) else [], ours, theirs, conflicts)
    conflicts.append(Conflict(item, path, ours, theirs))
    return ours


def _same(a: Any, b: Any) -> bool:
    if a is MISSING or b is MISSING:
        return a is b
    return same(a, b)


def _merge_items(base: list, ours: list, theirs: list, conflicts: list[Conflict]) -> list:
    by_base = {x["id"]: x for x in base}
    by_theirs = {x["id"]: x for x in theirs}
    by_ours = {x["id"]: x for x in ours}
    out: list = []
    for entry in ours:
        ident = entry["id"]
        merged = merge3(by_base.get(ident, MISSING), entry, by_theirs.get(ident, MISSING), ident, (), conflicts)
        if merged is not MISSING:
            out.append(merged)
    for index, entry in enumerate(theirs):  # added in the workbook: after the item it follows there
        ident = entry["id"]
        if ident in by_ours:
            continue
        if ident in by_base:  # deleted in the repository, kept in the workbook
            if not same(entry, by_base[ident]):
                conflicts.append(Conflict(ident, (), MISSING, entry))
            continue
        before = next((theirs[i]["id"] for i in range(index - 1, -1, -1)
                       if any(x["id"] == theirs[i]["id"] for x in out)), None)
        position = next((i + 1 for i, x in enumerate(out) if x["id"] == before), 0)
        out.insert(position, entry)
    return out

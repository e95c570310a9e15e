"""References between files: every party (or "all municipalities", or the region) and sub-area named exists."""
from __future__ import annotations

from typing import TYPE_CHECKING

from cooperation.check.values import dicts, suggest
from cooperation.domain import ALL_MUNICIPALITIES, REGION

if TYPE_CHECKING:
    from cooperation.check.checker import Checker


def check_party_references(c: Checker) -> None:
    if not c.parties_known():
        return
    parties = c.parties()
    names = list(parties)

    def ref(doc, kind, path, value, allow_all=False, allow_region=False):
        if not isinstance(value, str):
            return
        if value in parties or (allow_all and value == ALL_MUNICIPALITIES) or (allow_region and value == REGION):
            return
        c.error("unknown_party", doc, kind, path, ref=value, suggestion=suggest(value, names))

    agreement_doc = c.doc("agreement")
    for i, person in dicts(c.agreement().get("coordinators")):
        ref(agreement_doc, "agreement", ("coordinators", i, "party"), person.get("party"))
    forums = c.doc("forums")
    if forums is not None and isinstance(forums.data, dict):
        for fi, forum in dicts(forums.data.get("forums")):
            for mi, member in dicts(forum.get("members")):
                ref(forums, "forums", ("forums", fi, "members", mi, "party"), member.get("party"), allow_all=True)
            ref(forums, "forums", ("forums", fi, "chair"), forum.get("chair"))
            ref(forums, "forums", ("forums", fi, "owner"), forum.get("owner"))
    annexes = c.doc("annexes")
    if annexes is not None and isinstance(annexes.data, dict):
        subarea_ids = {d.data.get("id") for d in c.sources.subareas
                       if isinstance(d.data, dict) and isinstance(d.data.get("id"), str)}
        for ai, annex in dicts(annexes.data.get("annexes")):
            for pi, party in enumerate(annex.get("parties") or [] if isinstance(annex.get("parties"), list) else []):
                ref(annexes, "annexes", ("annexes", ai, "parties", pi), party, allow_all=True)
            subareas = annex.get("subareas")
            for si, sid in enumerate(subareas if isinstance(subareas, list) else []):
                if isinstance(sid, str) and sid not in subarea_ids:
                    c.error("unknown_subarea", annexes, "annexes", ("annexes", ai, "subareas", si), ref=sid)
    for doc in c.sources.subareas:
        if not isinstance(doc.data, dict):
            continue
        for pi, person in dicts(doc.data.get("responsible_persons")):
            ref(doc, "subarea", ("responsible_persons", pi, "party"), person.get("party"))
    for doc, path, item_kind, item in c.subarea_items():
        if item_kind == "action":
            responsible = item.get("responsible")
            for ri, party in enumerate(responsible if isinstance(responsible, list) else []):
                ref(doc, "subarea", path + ("responsible", ri), party, allow_all=True)
            ref(doc, "subarea", path + ("lead",), item.get("lead"))
        elif item_kind == "indicator":
            areas = item.get("areas")
            for ri, area in enumerate(areas if isinstance(areas, list) else []):
                ref(doc, "subarea", path + ("areas", ri), area, allow_all=True, allow_region=True)

"""Forums: the chair is a member, members listed unless the forum is a party's own body, and a permanent forum
has no end."""
from __future__ import annotations

from typing import TYPE_CHECKING

from cooperation.check.values import dicts
from cooperation.domain import expand_parties

if TYPE_CHECKING:
    from cooperation.check.checker import Checker


def check_forums(c: Checker) -> None:
    doc = c.doc("forums")
    if doc is None or not isinstance(doc.data, dict):
        return
    municipalities = set(c.municipalities())
    for i, forum in dicts(doc.data.get("forums")):
        chair = forum.get("chair")
        members = set(expand_parties((m["party"] for _, m in dicts(forum.get("members")) if isinstance(m.get("party"), str)),
                                     municipalities))
        if isinstance(chair, str) and chair in c.parties() and chair not in members:
            c.warning("chair_not_member", doc, "forums", ("forums", i, "chair"), chair=chair)
        if "members" not in forum and "owner" not in forum:  # a party's own body needs no member list
            c.error("required", doc, "forums", ("forums", i, "members"))
        if forum.get("permanent") is True and "until" in forum:
            c.warning("until_permanent", doc, "forums", ("forums", i, "until"))

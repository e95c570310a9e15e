"""Consultation rounds (agreement/consultations.yaml): each round's dates and channel, each statement dated within its
round, about an item the agreement has, from one author; and no personal contact data in anything published.

The round's version is checked against git after the cross-checks (cooperation.changes.consultation), as a
decision's is."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from cooperation.check.values import dicts, iso_date, suggest
from cooperation.domain import ALL_MUNICIPALITIES
from cooperation.i18n.messages import param
from cooperation.timeliness import today

if TYPE_CHECKING:
    from cooperation.check.checker import Checker

KIND = "consultations"
# what the site links to as the way to give a statement, the region's own address: the one place an address belongs
CHANNEL = "channel"

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# a phone number: +358 40 123 4567, 040-123 4567, (09) 123 4567, 0401234567; seven digits or more, starting with
# + or 0 (a sum, a year, a date or a statute number starts otherwise or breaks at its dots and slashes)
PHONE = re.compile(r"(?<![\w+.,/\-])(?:\+\d|0)[\d \u00a0\-()]{5,}\d(?!\w)")
BUSINESS_ID = re.compile(r"\d{7}-\d")  # 0201256-6 starts with a zero too: a business ID, not a phone number


def contact_data(text: str) -> tuple[str, int] | None:
    """("email" or "phone", the 1-based index where it starts) of the first contact detail in ``text``."""
    found = []
    email = EMAIL.search(text)
    if email:
        found.append(("email", email.start()))
    for match in PHONE.finditer(text):
        digits = sum(ch.isdigit() for ch in match.group())
        if 7 <= digits <= 15 and not BUSINESS_ID.fullmatch(match.group().strip()):
            found.append(("phone", match.start()))
            break
    if not found:
        return None
    what, start = min(found, key=lambda pair: pair[1])
    return what, start + 1


def contact_words(what: str) -> dict[str, str]:
    return param("an_email_address" if what == "email" else "a_phone_number")


def check_consultations(c: Checker) -> None:
    doc = c.doc(KIND)
    if doc is None or not isinstance(doc.data, dict):
        return
    items = _item_ids(c) if c.subareas_complete() else None
    parties = c.parties() if c.parties_known() else None
    day = today()
    rounds: dict[str, int] = {}
    for ri, r in dicts(doc.data.get("consultations")):
        at = ("consultations", ri)
        _unique(c, doc, at, r.get("id"), rounds)
        if isinstance(r.get("id"), str) and r["id"].lower() == "index":  # lausunnot/index.md lists the rounds
            c.error("reserved_id", doc, KIND, at + ("id",), id=r["id"])
        opens, closes = iso_date(r.get("opens")), iso_date(r.get("closes"))
        if opens and closes and closes < opens:
            c.error("period_order", doc, KIND, at + ("closes",), start=r["opens"], end=r["closes"])
        channel = r.get(CHANNEL)
        if isinstance(channel, dict) and not channel.get("form_url") and not channel.get("email"):
            c.error("consultation_channel_missing", doc, KIND, at + (CHANNEL,))
        consulted = r.get("items")
        for ii, item in enumerate(consulted if isinstance(consulted, list) else []):
            _item(c, doc, at + ("items", ii), item, items)
        asked = r.get("asked")
        asked_parties = asked.get("parties") if isinstance(asked, dict) else None
        for pi, party in enumerate(asked_parties if isinstance(asked_parties, list) else []):
            if parties is not None and isinstance(party, str) and party != ALL_MUNICIPALITIES and party not in parties:
                c.error("unknown_party", doc, KIND, at + ("asked", "parties", pi), ref=party,
                        suggestion=suggest(party, list(parties)))
        statements: dict[str, int] = {}
        for si, s in dicts(r.get("statements")):
            where = at + ("statements", si)
            _unique(c, doc, where, s.get("id"), statements)
            date = iso_date(s.get("date"))
            if date and opens and closes and opens <= closes and not opens <= date <= closes:
                c.error("consultation_statement_outside", doc, KIND, where + ("date",), date=s["date"],
                        opens=r["opens"], closes=r["closes"])
            if "item" in s:
                _item(c, doc, where + ("item",), s["item"], items)
            authors = [key for key in ("party", "organisation") if s.get(key)] + \
                (["private_person"] if s.get("private_person") is True else [])
            if len(authors) != 1:
                c.error("consultation_statement_submitter", doc, KIND, where + ((authors[1],) if len(authors) > 1 else ()))
            party = s.get("party")
            if parties is not None and isinstance(party, str) and party not in parties:
                c.error("unknown_party", doc, KIND, where + ("party",), ref=party, suggestion=suggest(party, list(parties)))
            if closes and closes < day and "response" not in s:
                c.notice("consultation_unanswered", doc, KIND, where, closes=r["closes"])
    _contact_data(c, doc)


def _unique(c: Checker, doc, path: tuple, ident: Any, seen: dict[str, int]) -> None:
    if not isinstance(ident, str):
        return
    if ident.lower() in seen:
        c.error("consultation_duplicate", doc, KIND, path + ("id",), id=ident, where=f"{doc.name}:{seen[ident.lower()]}")
    else:
        seen[ident.lower()] = doc.position(path + ("id",))[0]


def _item_ids(c: Checker) -> list[str]:
    ids = [d.data["id"] for d in c.sources.subareas if isinstance(d.data, dict) and isinstance(d.data.get("id"), str)]
    return ids + [item["id"] for _, _, _, item in c.subarea_items() if isinstance(item.get("id"), str)]


def _item(c: Checker, doc, path: tuple, value: Any, items: list[str] | None) -> None:
    if items is None or not isinstance(value, str) or value in items:
        return
    c.error("consultation_unknown_item", doc, KIND, path, ref=value, suggestion=suggest(value, items, list_allowed=False))


def _contact_data(c: Checker, doc) -> None:
    """Every text of the file is published (site, Word, the pull request's comment) but the round's own channel."""
    stack: list[tuple[tuple, Any]] = [((), doc.data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            found = contact_data(value)
            if found:
                c.error("personal_contact_data", doc, KIND, path, what=contact_words(found[0]), index=found[1])
        elif isinstance(value, dict):
            stack.extend((path + (key,), child) for key, child in value.items()
                         if not (len(path) == 2 and key == CHANNEL))
        elif isinstance(value, list):
            stack.extend((path + (index,), child) for index, child in enumerate(value))

"""Identifiers: unique across every file (case-insensitively), a sub-area named like its file, and no id
that would replace a page or folder of the site."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cooperation.check.values import dicts
from cooperation.i18n.messages import ITEM_KINDS
from cooperation.load.yaml_loader import Document
from cooperation.schemas import Schemas

if TYPE_CHECKING:
    from cooperation.check.checker import Checker


def check_unique_ids(c: Checker) -> None:
    seen: dict[str, tuple[str, str, str]] = {}

    def visit(doc: Document, kind: str, path: tuple, item_kind: str, ident: Any) -> None:
        if not isinstance(ident, str):
            return
        key = ident.lower()
        if key in seen:
            other_kind, other_id, where = seen[key]
            c.error("duplicate_id", doc, kind, path + ("id",), id=ident,
                    other=f"{ITEM_KINDS[other_kind]['fi']} {other_id}", where=where)
        else:
            line = doc.position(path + ("id",))[0]
            seen[key] = (item_kind, ident, f"{doc.name}:{line}")

    for kind, list_key, item_kind in (("parties", "parties", "party"), ("forums", "forums", "forum"),
                                      ("annexes", "annexes", "annex")):
        doc = c.doc(kind)
        if doc is not None and isinstance(doc.data, dict):
            for i, item in dicts(doc.data.get(list_key)):
                visit(doc, kind, (list_key, i), item_kind, item.get("id"))
    for doc in c.sources.subareas:
        if isinstance(doc.data, dict):
            visit(doc, "subarea", (), "subarea", doc.data.get("id"))
    for doc, path, item_kind, item in c.subarea_items():
        visit(doc, "subarea", path, item_kind, item.get("id"))
    doc = c.doc("agreement")
    steps: set[str] = set()
    for i, step in dicts(c.agreement().get("annual_cycle")):
        sid = step.get("id")
        if isinstance(sid, str):
            if sid in steps:
                c.error("annual_cycle_duplicate", doc, "agreement", ("annual_cycle", i, "id"), id=sid)
            steps.add(sid)


def check_subarea_file_names(c: Checker) -> None:
    for doc in c.sources.subareas:
        if isinstance(doc.data, dict) and isinstance(doc.data.get("id"), str):
            expected = doc.path.stem
            if doc.data["id"] != expected:
                c.error("subarea_file_name", doc, "subarea", ("id",), expected=expected)


def reserved_ids(schemas: Schemas) -> frozenset[str]:
    """Ids that cannot name a sub-area or a party: each gets a page (osa-alueet/<id>/,
    osapuolet/<id>/), and one named like a fixed page or folder of the site would replace it
    (a sub-area ``index`` replaced the overview). tests/test_crosschecks.py derives the fixed
    names from a real Site build, so a new page cannot be forgotten here."""
    return SITE_NAMES | frozenset(schemas.enum_labels("agreement", ("languages",)))


SITE_NAMES = frozenset({
    # pages and folders of cooperation/outputs/site/pages.py and hook.py
    "index", "osa-alueet", "osapuolet", "vastuumatriisi", "mittarit", "foorumit", "saadosperusta",
    "pelisaannot", "liitesopimukset", "lataukset", "saavutettavuus", "historia", "allekirjoitetun-jalkeen",
    "versiot", "kaaviot", "tietomuoto", "schema", "hyvaksynnat", "myohassa", "lausunnot",
    # docs/ and MkDocs + Material's own files and folders
    "ohje", "assets", "search", "stylesheets", "javascripts", "sitemap", "404",
    # language versions of the site live in folders named by their code
    "fi", "sv", "en",
})


def check_reserved_ids(c: Checker) -> None:
    reserved = reserved_ids(c.schemas)
    for doc in c.sources.subareas:
        ident = doc.data.get("id") if isinstance(doc.data, dict) else None
        if isinstance(ident, str) and ident.lower() in reserved:
            c.error("reserved_id", doc, "subarea", ("id",), id=ident)
    parties = c.doc("parties")
    if parties is not None and isinstance(parties.data, dict):
        for i, party in dicts(parties.data.get("parties")):
            ident = party.get("id")
            if isinstance(ident, str) and ident.lower() in reserved:
                c.error("reserved_id", parties, "parties", ("parties", i, "id"), id=ident)

"""Consultation rounds against git and the negotiation record: the text each round names (validate's post-check, as a
decision's version is bound), and the statements that concern the items a change touches (the pull request's diff
comment lists them)."""
from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cooperation.changes import gitrepo
from cooperation.changes.diff import Diff, compare, md_text, to_markdown
from cooperation.changes.snapshot import revision_sources
from cooperation.check.checker import Checker
from cooperation.check.values import dicts
from cooperation.domain import MONITORING
from cooperation.i18n import labels as L
from cooperation.i18n.consultation_words import CONSULTATION_DIFF_WORDS as WORDS
from cooperation.load.sources import Sources
from cooperation.model.types import Agreement
from cooperation.result import Problem

KIND = "consultations"
TEXT_CHARS = 240  # a statement quoted in the diff comment: its beginning


# --- validate's post-check: the text each round was about -------------------------------------------------------
def bind(texts, sources: Sources, model: Agreement) -> list[Problem]:
    """Each round bound to the text it names (``texts``: changes.versions.Texts, read once with the decisions'), its
    ``Round.text`` set; a name no text has is an error at its line, one git cannot check a warning."""
    from cooperation.changes.versions import DAY_ENDS
    doc = sources.documents.get(KIND)
    if doc is None or not model.consultations:
        return []
    c = Checker(sources, checks=())
    for index, round_ in enumerate(model.consultations):
        round_.text = texts.find(round_.version, round_.opens.isoformat() + DAY_ENDS)
        if round_.text is not None:
            continue
        where = ("consultations", index, "version")
        if texts.repo is None:
            c.warning("consultation_version_not_checked", doc, KIND, where, version=round_.version,
                      current=texts.current.fingerprint[:12])
        elif texts.shallow:
            c.warning("consultation_version_shallow", doc, KIND, where, version=round_.version)
        else:
            known = [v.name for v in texts.signed() if v.name] + [texts.current.fingerprint[:12] + "…"]
            c.error("consultation_unknown_version", doc, KIND, where, version=round_.version, known=", ".join(known))
    return c.result.problems


# --- the statements a change concerns ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Concern:
    """A statement (as the newer files hold it) about an item a change touched."""
    round_id: str
    round_title: Any  # as written: text or per language
    statement: str  # its id in the round
    date: str
    item: str  # "" for the agreement as a whole
    author: Any  # a party's or organisation's name as written (text or per language); None: a private person
    language: str
    text: str
    translation: dict
    outcome: str | None  # None: no response yet

    def as_json(self) -> dict:
        return {"round": self.round_id, "statement": self.statement, "date": self.date, "item": self.item or None,
                "private_person": self.author is None, "language": self.language, "outcome": self.outcome}


def _ancestors(sources: Sources) -> dict[str, set[str]]:
    """Each item's id → the ids it belongs to (its goal, its sub-area)."""
    out: dict[str, set[str]] = {}
    for doc in sources.subareas:
        data = doc.data if isinstance(doc.data, dict) else {}
        sid = data.get("id")
        for _, goal in dicts(data.get("goals")):
            gid = goal.get("id")
            if isinstance(gid, str):
                out[gid] = {sid} if isinstance(sid, str) else set()
                for key in ("actions", "indicators"):
                    for _, item in dicts(goal.get(key)):
                        if isinstance(item.get("id"), str):
                            out[item["id"]] = {gid} | out[gid]
    return out


def concerning(diff: Diff, sources: Sources) -> list[Concern]:
    """The statements of ``sources``' rounds about an item ``diff`` changed: on the item itself, on the goal or sub-area
    it belongs to, whose response names it, or (a change of the agreement's own fields) on the agreement as a whole."""
    doc = sources.documents.get(KIND)
    if doc is None or not isinstance(doc.data, dict) or diff.change_class is None:
        return []
    changed = {i.id for i in diff.items if i.kind != "agreement"}
    whole = any(i.kind == "agreement" and i.change_class != MONITORING for i in diff.items)
    ancestors = _ancestors(sources)
    touched = changed | {a for ident in changed for a in ancestors.get(ident, set())}
    party_doc = sources.documents.get("parties")
    names = {p["id"]: p.get("name") for _, p in dicts(party_doc.data.get("parties") if party_doc is not None
                                                      and isinstance(party_doc.data, dict) else None)}
    main = ((sources.agreement.data or {}).get("languages") or ["fi"])[0] if sources.agreement is not None else "fi"
    out = []
    for _, r in dicts(doc.data.get("consultations")):
        for _, s in dicts(r.get("statements")):
            item = s.get("item")
            given = s.get("response")
            response: dict = given if isinstance(given, dict) else {}
            changes = response.get("changes")
            named = set(changes if isinstance(changes, list) else []) & changed
            if not (item in touched or named or (item is None and whole)):
                continue
            author = None if s.get("private_person") is True else names.get(s.get("party")) or s.get("organisation")
            translation = s.get("translation")
            out.append(Concern(str(r.get("id")), r.get("title"), str(s.get("id")), str(s.get("date")), item or "",
                               author, str(s.get("language") or main), str(s.get("text") or ""),
                               translation if isinstance(translation, dict) else {}, response.get("outcome")))
    return out


def diff_with_statements(root: Path, base: str, head: str | None = None) -> tuple[Diff, list[Concern]]:
    """``diff.diff_revisions`` and the statements of the newer revision that concern its changes."""
    skipped: list[gitrepo.Skipped] = []
    with tempfile.TemporaryDirectory() as tmp:
        new = revision_sources(root, head, Path(tmp), skipped)
        diff = compare(revision_sources(root, base, Path(tmp), skipped), new)
        concerns = concerning(diff, new)
    diff.skipped = skipped
    return diff, concerns


def _shown(value: Any, lang: str) -> str:
    if isinstance(value, dict):
        return str(value.get(lang) or next((v for v in value.values() if isinstance(v, str)), ""))
    return str(value or "")


def concern_line(c: Concern, lang: str) -> str:
    """One statement as the pull request's comment lists it: data as text, never as Markdown."""
    author = WORDS["private_person"][lang] if c.author is None else _shown(c.author, lang)
    text = c.text if c.language == lang or not c.translation.get(lang) else c.translation[lang]
    text = " ".join(text.split())
    if len(text) > TEXT_CHARS:
        text = text[: TEXT_CHARS - 1] + "…"
    parts = [c.item or WORDS["whole_agreement"][lang], author, L.partial_date(c.date, lang),
             f"{_shown(c.round_title, lang)}, {c.statement}"]
    response = L.enum("statement_outcome", c.outcome, lang) if c.outcome else WORDS["no_response"][lang]
    return (f"- **{md_text(parts[0])}** – {md_text(parts[1])}, {md_text(parts[2])} ({md_text(parts[3])}): "
            f"{md_text(text)} – _{md_text(WORDS['response'][lang])}: {md_text(response)}_")


def markdown(diff: Diff, concerns: list[Concern], lang: str = "fi", max_chars: int | None = None) -> str:
    """``diff.to_markdown`` followed by the statements about its changes; with ``max_chars``, both within it (the
    statements take at most a third, cut at a whole line)."""
    from cooperation.changes.diff import MIN_MAX_CHARS
    lang = lang if lang in ("fi", "sv", "en") else "fi"
    if not concerns:
        return to_markdown(diff, lang, max_chars=max_chars)
    head = ["", f"#### {WORDS['heading'][lang]}", ""]
    lines = [concern_line(c, lang) for c in concerns]
    section = "\n".join(head + lines) + "\n"
    if max_chars is None:
        return to_markdown(diff, lang) + section
    budget = min(max_chars // 3, max_chars - MIN_MAX_CHARS)
    if len(section) > budget:  # as many as fit, and how many more there are; nothing where not even that fits
        def cut(kept: list[str]) -> str:
            return "\n".join(head + kept + [WORDS["more_statements"][lang].format(n=len(lines) - len(kept))]) + "\n"
        kept: list[str] = []
        while len(kept) < len(lines) and len(cut(kept + [lines[len(kept)]])) <= budget:
            kept.append(lines[len(kept)])
        section = cut(kept) if len(cut(kept)) <= budget else ""
    return to_markdown(diff, lang, max_chars=max_chars - len(section)) + section

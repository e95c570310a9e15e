"""Who approved which text: versions of the agreement and each party's decisions on them, derived.

A version is a text the parties decide on, named by its fingerprint: a signed version (a git tag such as
v1.0, read by cooperation.changes.versions) or the current proposal. A decision names its version by tag
or fingerprint; a decision that names none concerns the current text (what the tool assumed before
decisions named versions). A party's state for a version is its latest decision on that version.
"""
from __future__ import annotations

from dataclasses import dataclass

from cooperation.model.types import Decision, Party
from cooperation.schemas import partial_date_span

APPROVED, PENDING = "approved", "pending"
MIN_FINGERPRINT_PREFIX = 12  # hex digits enough to name a fingerprint in a decision


@dataclass(frozen=True)
class Version:
    name: str  # the tag ("v1.0"), or "" for the current proposal that has no tag
    fingerprint: str
    date: str | None  # the text's version_date at that revision
    current: bool  # the text in the files now
    aliases: tuple[str, ...] = ()  # other tags of the same text (v1.0 and v1.0-allekirjoitettu)

    @property
    def short(self) -> str:
        return self.name or self.fingerprint[:12]


def resolve(ref: str | None, versions: list[Version]) -> Version | None:
    """The version a decision names: a tag, a fingerprint (or a prefix of 12+ hex digits); None → current."""
    if ref is None:
        return next((v for v in versions if v.current), None)
    for v in versions:
        if v.name and (v.name == ref or ref in v.aliases):
            return v
    lowered = ref.lower()
    if len(lowered) >= MIN_FINGERPRINT_PREFIX and all(ch in "0123456789abcdef" for ch in lowered):
        return next((v for v in versions if v.fingerprint.startswith(lowered)), None)
    return None


@dataclass(frozen=True)
class Cell:
    """One party's state for one version: its latest decision on it, or pending."""

    state: str  # an outcome (approved, rejected, tabled, returned, noted) or "pending"
    decision: Decision | None
    history: tuple[Decision, ...]  # every decision of the party on this version, in order


def cell(party: Party, version: Version, versions: list[Version]) -> Cell:
    mine = tuple(d for d in party.decisions if resolve(d.version, versions) == version)
    if not mine:
        return Cell(PENDING, None, ())
    return Cell(mine[-1].outcome, mine[-1], mine)


def signing(parties: list[Party]) -> list[Party]:
    return [p for p in parties if p.signs]


def approved_by(parties: list[Party], version: Version, versions: list[Version]) -> list[Party]:
    """The signing parties whose latest decision on ``version`` approved it."""
    return [p for p in signing(parties) if cell(p, version, versions).state == APPROVED]


def _last_day(decision: Decision) -> tuple:
    span = partial_date_span(decision.date)
    return (span[1], span[0]) if span else ()


def all_approved(parties: list[Party], version: Version, versions: list[Version]) -> bool:
    among = signing(parties)
    return bool(among) and len(approved_by(parties, version, versions)) == len(among)


def in_force_since(parties: list[Party], version: Version, versions: list[Version]) -> str | None:
    """The date the last signing party approved ``version`` (as precise as the minutes give it), or None
    while a signing party has not approved it or an approval's date is not recorded."""
    if not all_approved(parties, version, versions):
        return None
    cells = [cell(p, version, versions) for p in signing(parties)]
    decisions = [c.decision for c in cells if c.decision is not None]
    if any(d.date is None for d in decisions):
        return None
    return max(decisions, key=_last_day).date


def latest_approval(party: Party, versions: list[Version]) -> tuple[Decision, Version | None] | None:
    """The party's latest approving decision and the version it approved."""
    for d in reversed(party.decisions):
        if d.outcome == APPROVED:
            return d, resolve(d.version, versions)
    return None


def in_force(parties: list[Party], versions: list[Version]) -> tuple[Version, str | None] | None:
    """The newest version every signing party has approved, and the date it entered into force (None
    when an approval's date is not recorded)."""
    for v in reversed(versions):
        if all_approved(parties, v, versions):
            return v, in_force_since(parties, v, versions)
    return None


def table(parties: list[Party], versions: list[Version]) -> dict:
    """Parties × versions as plain data (the `approvals` command's JSON; text and CSV are read from it)."""
    found = in_force(parties, versions)
    out_versions = []
    for v in versions:
        out_versions.append({
            "name": v.name or None, "fingerprint": v.fingerprint, "date": v.date, "current": v.current,
            "approved": len(approved_by(parties, v, versions)), "signing": len(signing(parties)),
            "all_approved": all_approved(parties, v, versions),
            "in_force_since": in_force_since(parties, v, versions)})
    rows = []
    for p in parties:
        cells = {}
        for v in versions:
            c = cell(p, v, versions)
            d = c.decision
            cells[v.fingerprint] = {"state": c.state, "date": d.date if d else None, "section": d.section if d else None,
                                    "diary_number": d.diary_number if d else None,
                                    "decisions": len(c.history)}
        rows.append({"id": p.id, "number": p.number, "signs": p.signs, "versions": cells})
    return {"versions": out_versions, "in_force": found[0].fingerprint if found else None,
            "in_force_since": found[1] if found else None, "parties": rows}

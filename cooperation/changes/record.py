"""The record of a whole term: the history's changes grouped by the version they were made under — before the first
signing, after each signed version, the amendment proposal to the version in force — and by year and month, as the
site's history and year pages show them.

A change belongs to the period of the newest signed version made before it. Where a signed version was made is the
change that gave its text (the first one after the version before it whose fingerprint is the version's); a version
whose text no listed change gave (the record begins after it, or it was reached off the main line) begins where the
record's changes are dated after the text was first seen. A version known by neither begins no period.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from cooperation.changes.history import Entry
from cooperation.domain import AMENDMENT, EDITORIAL, MONITORING
from cooperation.model.approvals import PROPOSAL, Version, VersionState

BEFORE_SIGNING, SIGNED, AMENDMENT_PROPOSAL = "before_signing", "signed", "proposal"
CLASSES = (AMENDMENT, EDITORIAL, MONITORING)


@dataclass
class Period:
    """Consecutive changes made under one version."""

    kind: str  # BEFORE_SIGNING, SIGNED (after that version was signed) or AMENDMENT_PROPOSAL (since the one in force)
    # SIGNED: the version signed before these changes; AMENDMENT_PROPOSAL: the text proposed now; BEFORE_SIGNING: the
    # first signed version these changes led to (None: none signed yet, the text proposed now is ``proposed``)
    version: Version | None
    entries: list[Entry] = field(default_factory=list)  # newest first
    proposed: Version | None = None  # BEFORE_SIGNING with no signed version yet: the current text

    @property
    def anchor(self) -> str:
        """The period's place on a year page (the same on every year page it spans)."""
        if self.kind == BEFORE_SIGNING:
            return "ennen-allekirjoittamista"
        if self.kind == AMENDMENT_PROPOSAL:
            return "muutosehdotus"
        assert self.version is not None
        return f"versio-{self.version.fingerprint[:12]}"

    def of_year(self, year: int) -> list[Entry]:
        return [e for e in self.entries if e.year == year]


def signed_versions(state: VersionState) -> list[Version]:
    """The versions every signing party approved, oldest first: those the versions page lists."""
    return [v for v in state.versions
            if state.all_approved(v) and (v.tags or not v.current) or v == state.in_force]


def _moment(text: str | None) -> datetime.datetime | None:
    if not text:
        return None
    try:
        moment = datetime.datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=datetime.UTC)


def periods(entries: list[Entry], state: VersionState) -> list[Period]:
    """The changes (newest first, as the history holds them) in their periods, newest first; a period without
    changes is left out."""
    ordered = entries[::-1]  # oldest first
    bounds: list[tuple[int, Version]] = []  # (index of the first change after the version, the version)
    at = 0
    for version in signed_versions(state):
        begins = None
        if at == 0 and ordered and ordered[0].diff.fingerprint_old == version.fingerprint:
            begins = 0  # the record begins after the version's text was made
        if begins is None:
            begins = next((i + 1 for i in range(at, len(ordered))
                           if ordered[i].diff.fingerprint_new == version.fingerprint), None)
        if begins is None and (seen := _moment(version.appeared)) is not None:
            begins = next((i for i in range(at, len(ordered))
                           if (_moment(ordered[i].change.date) or seen) > seen), len(ordered))
        if begins is None:
            continue
        bounds.append((max(begins, at), version))
        at = max(begins, at)
    out: list[Period] = []
    first = bounds[0][1] if bounds else None
    out.append(Period(BEFORE_SIGNING, first, ordered[:bounds[0][0] if bounds else len(ordered)][::-1],
                      proposed=None if bounds else state.current))
    for index, (begins, version) in enumerate(bounds):
        ends = bounds[index + 1][0] if index + 1 < len(bounds) else len(ordered)
        last = index + 1 == len(bounds)
        if last and state.kind == PROPOSAL and version == state.in_force:
            out.append(Period(AMENDMENT_PROPOSAL, state.current, ordered[begins:ends][::-1]))
        else:
            out.append(Period(SIGNED, version, ordered[begins:ends][::-1]))
    return [p for p in reversed(out) if p.entries]


def class_counts(entries: list[Entry]) -> dict[str, int]:
    """How many changes of each class (amendment, editorial, monitoring), every class named."""
    counts = dict.fromkeys(CLASSES, 0)
    for entry in entries:
        counts[entry.diff.change_class or AMENDMENT] += 1
    return counts


def months(entries: list[Entry]) -> list[tuple[str, list[Entry]]]:
    """("2026-03", its changes) for each month holding a change, in the entries' order (newest first)."""
    out: dict[str, list[Entry]] = {}
    for entry in entries:
        out.setdefault(entry.month, []).append(entry)
    return list(out.items())

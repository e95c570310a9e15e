"""Which text each decision is about, and what that makes of the agreement: one version state.

A *version* is a text the parties decide on, named by its fingerprint: a signed version (a git tag such as
v1.0), a text some party decided on, or the text in the files now. A decision is *bound* to a version: the
one it names (tag, fingerprint or a 12+ digit prefix of one), else the text that was current on its date
(cooperation.changes.versions reads both from git). An unbound decision counts for nothing.

A party's state for a version comes from its decisions bound to that version, or to a text from which only
editorial changes lead to it: ``noted`` never counts; among the rest, the decision of the highest body
(council above board above any other) that decided counts, the latest of them. An approval of an earlier
text that was amended since is shown as such ("käsiteltävä uudelleen") and is not counted.

The state of the agreement is derived once, here, and every output reads it:

* ``draft``: no version has been approved by every signing party;
* ``in_force``: the text in the files is the version in force (or differs from it only editorially);
* ``proposal``: a version is in force and the text in the files amends it (n/m approved of *this* text).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from cooperation.model.types import Agreement, Decision, Party, Text
from cooperation.schemas import partial_date_span

DRAFT, IN_FORCE, PROPOSAL = "draft", "in_force", "proposal"
APPROVED, NOTED, PENDING = "approved", "noted", "pending"
EARLIER = "earlier"  # the party approved an earlier text, amended since: to be decided again
MIN_FINGERPRINT_PREFIX = 12  # hex digits enough to name a fingerprint in a decision

# how a decision was bound to its text
NAMED, BY_DATE, UNBOUND = "named", "date", "unbound"


@dataclass(frozen=True)
class Version:
    fingerprint: str
    label: str | None = None  # agreement.yaml's `version` in that text ("1.1")
    date: str | None = None  # its `version_date` (ISO 8601)
    tags: tuple[str, ...] = ()  # git tags naming the text, oldest first (v1.0 and v1.0-allekirjoitettu)
    commit: str | None = None  # a commit holding the text (a tag's first); None: only the files as they are
    appeared: str | None = None  # the committer date of the first commit found with the text
    current: bool = False  # the text in the files now

    @property
    def name(self) -> str:
        """The signed version's tag, or "" for a text without one."""
        return self.tags[0] if self.tags else ""

    @property
    def aliases(self) -> tuple[str, ...]:
        return self.tags[1:]

    @property
    def short(self) -> str:
        return self.name or self.fingerprint[:MIN_FINGERPRINT_PREFIX]

    @property
    def existed(self) -> str | None:
        """The earliest day the text is known to have existed: its version date, else its first commit."""
        return self.date or (self.appeared[:10] if self.appeared else None)


def names(ref: str, version: Version) -> bool:
    """Whether a decision's ``version`` value names this version: a tag, the fingerprint or a prefix of it."""
    if ref in version.tags:
        return True
    lowered = ref.lower()
    return (len(lowered) >= MIN_FINGERPRINT_PREFIX and all(ch in "0123456789abcdef" for ch in lowered)
            and version.fingerprint.startswith(lowered))


def is_fingerprint_ref(ref: str) -> bool:
    lowered = ref.lower()
    return len(lowered) >= MIN_FINGERPRINT_PREFIX and all(ch in "0123456789abcdef" for ch in lowered)


@dataclass(frozen=True)
class Binding:
    """A decision and the text it is about."""

    party: str  # the party's id
    index: int  # the decision's place among the party's decisions
    decision: Decision
    version: Version | None
    how: str  # NAMED, BY_DATE or UNBOUND
    why: str = ""  # UNBOUND: why (a message code of cooperation.i18n.messages)
    params: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Standing:
    """One party's state for one version."""

    state: str  # an outcome (approved, rejected, tabled, returned, noted), "pending" or "earlier"
    decision: Decision | None  # the decision that sets the state; "earlier": the approval of the earlier text
    history: tuple[Decision, ...]  # every decision of the party about this text, in order
    earlier: Version | None = None  # "earlier": the text the party approved


COUNCIL, BOARD, OTHER_BODY = 2, 1, 0
_COUNCIL_WORDS = ("valtuusto", "fullmäktige")
_BOARD_WORDS = ("hallitus", "styrelse")


def body_rank(body: Text) -> int:
    """A council (valtuusto, fullmäktige) decides over a board (hallitus, styrelse), which decides over any other
    body: the board proposes, the council approves."""
    words = " ".join(v.lower() for v in body.values.values() if isinstance(v, str)) if body else ""
    if any(w in words for w in _COUNCIL_WORDS):
        return COUNCIL
    if any(w in words for w in _BOARD_WORDS):
        return BOARD
    return OTHER_BODY


def deciding(bindings: Iterable[Binding]) -> Binding | None:
    """The decision that sets a party's state among its decisions on one text: noted ones never do; of the
    rest, the latest of the highest body that decided."""
    counted = [b for b in bindings if b.decision.outcome != NOTED]
    if not counted:
        return None
    top = max(body_rank(b.decision.body) for b in counted)
    return [b for b in counted if body_rank(b.decision.body) == top][-1]


def _last_day(decision: Decision) -> tuple:
    span = partial_date_span(decision.date)
    return (span[1], span[0]) if span else ()


@dataclass(frozen=True)
class VersionState:
    """The agreement's versions, each party's state on each, and which version holds: computed once by
    ``derive`` and read by every output."""

    kind: str  # DRAFT, IN_FORCE or PROPOSAL
    current: Version
    in_force: Version | None
    in_force_since: str | None  # the day the last signing party approved it (as precise as the minutes)
    versions: tuple[Version, ...]  # every text the record knows, oldest first; the current one last
    bindings: tuple[Binding, ...]
    signing: tuple[str, ...]  # the ids of the parties that sign
    standings: dict[tuple[str, str], Standing] = field(compare=False, hash=False, repr=False)

    def standing(self, party: Party | str, version: Version) -> Standing:
        pid = party if isinstance(party, str) else party.id
        return self.standings.get((pid, version.fingerprint)) or Standing(PENDING, None, ())

    def approved(self, version: Version) -> list[str]:
        """The signing parties whose state on ``version`` is approved."""
        return [pid for pid in self.signing if self.standing(pid, version).state == APPROVED]

    def all_approved(self, version: Version) -> bool:
        return bool(self.signing) and len(self.approved(version)) == len(self.signing)

    def since(self, version: Version) -> str | None:
        """The day ``version`` entered into force: the latest deciding approval; None while a signing party has
        not approved it or an approval's date is not recorded."""
        if not self.all_approved(version):
            return None
        decisions = [self.standing(pid, version).decision for pid in self.signing]
        if any(d is None or d.date is None for d in decisions):
            return None
        return max((d for d in decisions if d is not None), key=_last_day).date

    @property
    def proposal(self) -> Version | None:
        """The text the parties are deciding on now: the current one, unless it is the version in force."""
        return None if self.kind == IN_FORCE else self.current

    @property
    def undated(self) -> bool:
        """In force, but the day it entered into force is not known (an approval's date is not recorded)."""
        return self.in_force is not None and self.in_force_since is None

    def shown(self) -> list[Version]:
        """The versions a reader is shown, newest first: every signed or decided-on text and the current one."""
        return list(reversed(self.versions))


def derive(parties: list[Party], versions: list[Version], bindings: list[Binding],
           equivalent: Callable[[Version, Version], bool]) -> VersionState:
    """The version state. ``versions``: oldest first, exactly one of them current. ``equivalent(a, b)``: only
    editorial changes (or none) lead from text ``a`` to text ``b``."""
    order = {v.fingerprint: i for i, v in enumerate(versions)}
    current = next(v for v in versions if v.current)
    signing = tuple(p.id for p in parties if p.signs)
    same: dict[tuple[str, str], bool] = {}

    def counts_for(decided: Version, version: Version) -> bool:
        if decided.fingerprint == version.fingerprint:
            return True
        key = (decided.fingerprint, version.fingerprint)
        if key not in same:
            same[key] = equivalent(decided, version)
        return same[key]

    standings: dict[tuple[str, str], Standing] = {}
    for party in parties:
        own = [b for b in bindings if b.party == party.id and b.version is not None]
        for version in versions:
            about = [b for b in own if b.version is not None and counts_for(b.version, version)]
            chosen = deciding(about)
            if chosen is not None:
                standings[(party.id, version.fingerprint)] = Standing(chosen.decision.outcome, chosen.decision,
                                                              tuple(b.decision for b in about))
                continue
            earlier = [b for b in own if b.decision.outcome == APPROVED and b.version is not None
                       and order.get(b.version.fingerprint, -1) < order[version.fingerprint]]
            if earlier:
                last = earlier[-1]
                standings[(party.id, version.fingerprint)] = Standing(EARLIER, last.decision, tuple(b.decision for b in about),
                                                              last.version)
            elif about:  # noted only
                standings[(party.id, version.fingerprint)] = Standing(NOTED, about[-1].decision, tuple(b.decision for b in about))
    state = VersionState(DRAFT, current, None, None, tuple(versions), tuple(bindings), signing, standings)
    decided = {b.version.fingerprint for b in bindings if b.version is not None}
    candidates = [v for v in versions if state.all_approved(v) and (v.fingerprint in decided or v.tags or v.current)]
    if not candidates:
        return state
    # the newest to enter into force; of texts in force since the same day (one approved, the other reached from
    # it by editorial changes only) the one the parties decided on; an undated one by its place among the versions
    in_force = max(candidates, key=lambda v: (_span_end(state.since(v)), v.fingerprint in decided, order[v.fingerprint]))
    kind = IN_FORCE if state.all_approved(current) else PROPOSAL
    return VersionState(kind, current, in_force, state.since(in_force), tuple(versions), tuple(bindings), signing, standings)


def without_history(model: Agreement) -> VersionState:
    """The state of a model read from files alone (no git, no decision bound): its text, a draft."""
    current = Version(model.fingerprint, model.version, model.version_date.isoformat() if model.version_date else None,
                      current=True)
    return derive(model.parties, [current], [], lambda a, b: a == b)


def _span_end(day: str | None) -> str:
    span = partial_date_span(day)
    return span[1].isoformat() if span else ""


def table(parties: list[Party], state: VersionState) -> dict:
    """Parties × versions as plain data (the `approvals` command's JSON; text and CSV are read from it)."""
    out_versions = []
    for v in state.versions:
        out_versions.append({
            "name": v.name or None, "label": v.label, "fingerprint": v.fingerprint, "date": v.date,
            "current": v.current, "in_force": state.in_force is not None and v == state.in_force,
            "approved": len(state.approved(v)), "signing": len(state.signing),
            "all_approved": state.all_approved(v), "in_force_since": state.since(v)})
    rows = []
    for p in parties:
        cells = {}
        for v in state.versions:
            c = state.standing(p, v)
            d = c.decision
            cells[v.fingerprint] = {"state": c.state, "body": d.body.values if d else None,
                                    "date": d.date if d else None, "section": d.section if d else None,
                                    "diary_number": d.diary_number if d else None,
                                    "earlier": c.earlier.fingerprint if c.earlier else None,
                                    "decisions": len(c.history)}
        rows.append({"id": p.id, "number": p.number, "signs": p.signs, "versions": cells})
    return {"state": state.kind, "current": state.current.fingerprint, "versions": out_versions,
            "in_force": state.in_force.fingerprint if state.in_force else None,
            "in_force_since": state.in_force_since, "parties": rows}


def as_signed(state: VersionState, version: Version) -> VersionState:
    """The state as a signed version's own documents tell it (its Word and PDF built from its tag): that text is
    the current one and, once every signing party approved it, in force since the day the last of them did; the
    decisions are those recorded now, after the tag."""
    current = replace(version, current=True)
    approved = state.all_approved(version)
    return replace(state, kind=IN_FORCE if approved else DRAFT, current=current,
                   in_force=current if approved else None, in_force_since=state.since(version) if approved else None)

"""The agreement's types: what every output reads, and nothing that reads files."""
from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cooperation import business_id
from cooperation.domain import ALL_MUNICIPALITIES, REGION
from cooperation.model.status import IndicatorStatus, indicator_status
from cooperation.schemas import parse_partial_date
from cooperation.timeliness import action_lateness, indicator_stale

if TYPE_CHECKING:
    from cooperation.model.approvals import VersionState
    from cooperation.model.consultations import Round


class Text:
    """A text given per language; a plain string is in the agreement's main language."""

    __slots__ = ("values", "main")

    def __init__(self, value: Any, main: str):
        self.main = main
        if isinstance(value, dict):
            self.values = {k: v.strip() for k, v in value.items() if isinstance(v, str)}
        elif isinstance(value, str):
            self.values = {main: value.strip()}
        else:
            self.values = {}

    def get(self, lang: str) -> str:
        return self.values.get(lang) or self.values.get(self.main) or next(iter(self.values.values()), "")

    def __bool__(self) -> bool:
        return bool(self.values)

    def __repr__(self) -> str:
        return f"Text({self.values!r})"


@dataclass
class LegalReference:
    law: Text
    number: str
    section: str
    summary: Text


@dataclass
class Person:
    name: str
    role: Text
    party: str
    github: str | None = None


@dataclass
class Accessibility:
    """What the site's accessibility statement says beyond the law's fixed words (306/2019): where to send
    feedback, when the statement was prepared and reviewed, which content is known not to be accessible."""
    contact_email: str | None = None
    feedback_url: str | None = None
    prepared: datetime.date | None = None
    reviewed: datetime.date | None = None
    known_problems: list[tuple[Text, str | None]] = field(default_factory=list)  # (text, WCAG criterion)


@dataclass
class Signatory:
    name: str
    title: Text


@dataclass
class Decision:
    body: Text
    date: str | None  # as the minutes give it: "2026-03-02", "2026-03" or "2026"; None when unknown
    section: int | None  # the minutes' §, None when unknown
    diary_number: str | None
    outcome: str
    minutes_url: str | None
    version: str | None = None  # the text decided on: a version tag (v1.0) or a fingerprint; None: the current text
    note: Text | None = None


@dataclass
class Party:
    id: str
    number: int
    kind: str
    name: Text
    business_id: str | None  # None: not known (business_id_unknown), printed as business_id.UNKNOWN
    signs: bool
    signatories: list[Signatory]
    decisions: list[Decision]
    website: str | None = None
    sotkanet_region: int | None = None

    @property
    def business_id_shown(self) -> str:
        """The business ID as every output prints it: a dash where it is not known, never an invented one."""
        return self.business_id or business_id.UNKNOWN


@dataclass
class ForumMember:
    party: str  # a party id or "all_municipalities"
    parties: list[str]  # the party ids it stands for
    role: Text


@dataclass
class Forum:
    id: str
    number: str | None  # the agreement's own section number (6.4.3), when given
    name: Text
    levels: list[str]  # several where elected chairs and officials meet in one forum; none when not stated
    owner: str | None  # the party whose own body (committee, working group) the forum is
    members: list[ForumMember]
    chair: str | None
    frequency: str | None
    months: list[int]
    permanent: bool
    until: datetime.date | None
    purpose: Text

    @property
    def party_ids(self) -> list[str]:
        seen: dict[str, None] = dict.fromkeys([self.owner] if self.owner else [])
        for member in self.members:
            seen.update(dict.fromkeys(member.parties))
        return list(seen)


@dataclass
class Annex:
    id: str
    title: Text
    kind: str
    parties: list[str]
    party_refs: list[str]
    legally_binding: bool
    status: str
    subareas: list[str]
    description: Text
    url: str | None
    file_size: int | None = None  # the linked file's size in bytes, as the data says (the site's link tells it)
    scanned: bool = False  # the linked PDF is a scanned paper: not accessible, the site's link says so


@dataclass
class Measurement:
    area: str
    year: int
    value: float
    note: str = ""


@dataclass
class RemovedIndicator:
    """An indicator an amendment removed, whose recorded values are kept as its history."""
    id: str
    name: Text  # as the last text that held it named it
    unit: str
    decimals: int
    measurements: list[Measurement]
    removed_in: str | None  # the version number of the text that removed it
    removed_on: str  # the day of the change that removed it (ISO 8601)


@dataclass
class StatusUpdate:
    date: datetime.date
    status: str
    note: Text


@dataclass
class Action:
    id: str
    number: str
    title: Text
    description: Text
    responsible_refs: list[str]  # as written: party ids and "all_municipalities"
    responsible: list[str]  # party ids, expanded
    lead: str
    schedule_start: str | None
    schedule_end: str | None
    status: str
    status_reason: Text
    resources: Text
    status_history: list[StatusUpdate] = field(default_factory=list)  # oldest first; the last is the status

    @functools.cached_property
    def responsible_set(self) -> frozenset[str]:
        return frozenset(self.responsible)

    def lateness(self, day: datetime.date) -> str | None:
        """"past_end", "not_started" or None by ``day`` (cooperation.timeliness states the rule)."""
        return action_lateness(self.status, parse_partial_date(self.schedule_start) if self.schedule_start else None,
                               parse_partial_date(self.schedule_end) if self.schedule_end else None, day)


@dataclass
class Indicator:
    id: str
    number: str
    name: Text
    description: Text
    unit: str
    decimals: int
    sotkanet: int | None
    source_name: Text
    source_url: str | None
    direction: str
    baseline: tuple[int, float] | None
    target: tuple[int, float] | None
    frequency: str
    area_refs: list[str]
    areas: list[str]  # "region" and party ids, expanded
    measurements: list[Measurement] = field(default_factory=list)

    def series(self, area: str = REGION) -> list[Measurement]:
        """The values of one area in year order (computed once per indicator)."""
        by_area = self.__dict__.get("_by_area")
        if by_area is None:
            by_area = {}
            for m in self.measurements:
                by_area.setdefault(m.area, []).append(m)
            # stored only when whole: each language's document is written in a thread of its own
            self.__dict__["_by_area"] = by_area
        return by_area.get(area, [])

    @property
    def status_area(self) -> str:
        return REGION if REGION in self.areas or not self.areas else self.areas[0]

    @functools.cached_property
    def status(self) -> IndicatorStatus:
        """The progress level where the target is written (the region when it is followed)."""
        return indicator_status(self)

    def progress(self, area: str) -> IndicatorStatus:
        """The progress level of one area, computed once."""
        cache = self.__dict__.setdefault("_progress", {})
        if area not in cache:
            cache[area] = self.status if area == self.status_area else indicator_status(self, area)
        return cache[area]

    @property
    def newest_year(self) -> int | None:
        return max((m.year for m in self.measurements), default=None)

    def stale(self, day: datetime.date) -> bool:
        """The newest value is older than the monitoring interval allows (cooperation.timeliness)."""
        newest = self.newest_year
        return newest is not None and indicator_stale(self.frequency, newest, day)

    @property
    def measured_areas(self) -> list[str]:
        """The areas it follows that have values, in the written order."""
        return [a for a in self.areas if self.series(a)]

    def sotkanet_url(self, lang: str = "fi") -> str | None:
        """The indicator's page in Sotkanet's interface in the reader's language (it has fi, sv and en)."""
        ui = lang if lang in ("fi", "sv", "en") else "fi"
        return f"https://sotkanet.fi/sotkanet/{ui}/metadata/indicators/{self.sotkanet}" if self.sotkanet else None


@dataclass
class Goal:
    id: str
    number: str
    title: Text
    description: Text
    actions: list[Action]
    indicators: list[Indicator]


@dataclass
class Subarea:
    id: str
    number: str  # as the agreement numbers it: its own (7.2) when given, else its position
    number_given: bool
    code: str | None
    title: Text
    group: str
    workbook_subarea: str | None
    basis: str
    legal_references: list[LegalReference]
    responsible_persons: list[Person]
    description: Text
    resources: Text
    notes: Text
    goals: list[Goal]
    file: str


@dataclass
class CycleStep:
    id: str
    title: Text
    months: list[int]
    description: Text
    legal_reference: LegalReference | None


@dataclass
class Agreement:
    id: str
    document_type: Text  # a known type's official name per language, or the document's own name
    title: Text
    short_title: Text
    languages: list[str]
    council_term: tuple[datetime.date, datetime.date | None]
    validity: tuple[datetime.date, datetime.date | None]
    scope: int
    version: str
    version_date: datetime.date | None
    stamp: Text
    status: str
    purpose: Text
    starting_points: Text
    general_goals: list[Text]
    legal_basis: list[LegalReference]
    operating_rules: dict[str, Text]
    additional_rules: list[tuple[Text, Text]]
    amendment: Text
    coordinators: list[Person]
    annual_cycle: list[CycleStep]
    parties: list[Party]
    forums: list[Forum]
    annexes: list[Annex]
    subareas: list[Subarea]
    fingerprint: str
    content: dict = field(repr=False, default_factory=dict)
    accessibility: Accessibility = field(default_factory=Accessibility)
    rationale: Text | None = None  # why the current amendment is proposed (not part of the text or its fingerprint)
    # indicators an amendment removed whose values stay in measurements/ (set by the pipeline from git)
    removed_indicators: list[RemovedIndicator] = field(default_factory=list, repr=False, compare=False)
    # which version holds and who approved which text: derived from git and the decisions by the pipeline
    # (cooperation.changes.versions), None for a model built from files alone
    version_state: VersionState | None = field(default=None, repr=False, compare=False)
    # the first day of the site's negotiation record (agreement.yaml's record_start), None: since the repository began
    record_start: datetime.date | None = None
    # the consultation rounds on its drafts (agreement/consultations.yaml): the record of its preparation, not its text
    consultations: list[Round] = field(default_factory=list, repr=False, compare=False)

    @property
    def main_language(self) -> str:
        return self.languages[0]

    def party(self, party_id: str) -> Party:
        return self._parties[party_id]

    def __post_init__(self):
        self._parties = {p.id: p for p in self.parties}

    def party_names(self, refs: list[str], lang: str) -> str:
        """Party references as readers say them: names, "kaikki kunnat", "koko alue"."""
        from cooperation.i18n import labels
        return ", ".join(labels.word("all_municipalities", lang) if ref == ALL_MUNICIPALITIES else
                         labels.word("region", lang) if ref == REGION else self.party(ref).name.get(lang)
                         for ref in refs)

    @property
    def county(self) -> Party:
        return next(p for p in self.parties if p.kind == "county")

    @property
    def municipalities(self) -> list[Party]:
        return [p for p in self.parties if p.kind == "municipality"]

    @property
    def goals(self) -> list[Goal]:
        return [g for s in self.subareas for g in s.goals]

    @property
    def actions(self) -> list[Action]:
        return [a for g in self.goals for a in g.actions]

    @property
    def indicators(self) -> list[Indicator]:
        return [i for g in self.goals for i in g.indicators]

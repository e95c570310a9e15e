"""The agreement as one typed model, built once from validated files and read by every output.

Derived values live here and nowhere else: display numbers (1.2.3), the parties an action
covers when it says "all municipalities", the latest value and status of each indicator,
and the fingerprint of the agreement's content.
"""
from __future__ import annotations

import datetime
import functools
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from cooperation import business_id
from cooperation.domain import ALL_MUNICIPALITIES, MONITORING_PATHS, REGION
from cooperation.load.sources import Sources
from cooperation.schemas import default_schemas, parse_partial_date

GROUP_ORDER = ("common", "interface", "regional")


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
class Signatory:
    name: str
    title: Text


@dataclass
class Decision:
    body: Text
    date: datetime.date
    section: int
    diary_number: str | None
    outcome: str
    minutes_url: str | None


@dataclass
class Party:
    id: str
    number: int
    kind: str
    name: Text
    business_id: str
    signs: bool
    signatories: list[Signatory]
    decisions: list[Decision]
    website: str | None = None
    sotkanet_region: int | None = None

    @property
    def approved(self) -> bool:
        return any(d.outcome == "approved" for d in self.decisions)


@dataclass
class ForumMember:
    party: str  # a party id or "all_municipalities"
    parties: list[str]  # the party ids it stands for
    role: Text


@dataclass
class Forum:
    id: str
    name: Text
    level: str
    members: list[ForumMember]
    chair: str | None
    frequency: str
    months: list[int]
    permanent: bool
    until: datetime.date | None
    purpose: Text

    @property
    def party_ids(self) -> list[str]:
        seen: dict[str, None] = {}
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


@dataclass
class Measurement:
    area: str
    year: int
    value: float
    note: str = ""


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

    @functools.cached_property
    def responsible_set(self) -> frozenset[str]:
        return frozenset(self.responsible)


@dataclass
class IndicatorStatus:
    code: str  # achieved / on_track / off_track / insufficient_data
    latest: Measurement | None
    expected: float | None  # where the straight path from baseline to target is in the latest year
    progress: float | None  # share of the way from baseline to target
    elapsed: float | None  # share of the time from baseline year to target year


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
            by_area = self.__dict__["_by_area"] = {}
            for m in self.measurements:
                by_area.setdefault(m.area, []).append(m)
        return by_area.get(area, [])

    @property
    def status_area(self) -> str:
        return REGION if REGION in self.areas or not self.areas else self.areas[0]

    @functools.cached_property
    def status(self) -> IndicatorStatus:
        return indicator_status(self)

    def sotkanet_url(self) -> str | None:
        return f"https://sotkanet.fi/sotkanet/fi/metadata/indicators/{self.sotkanet}" if self.sotkanet else None


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
    number: str
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
    document_type: str
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


# --- indicator status: one rule, stated on the site ------------------------------------------
STATUS_TOLERANCE = 0.1  # how far behind the straight path still counts as on track


def indicator_status(indicator: Indicator) -> IndicatorStatus:
    """Achieved when the latest value reaches the target; on track when it is at least as far
    from the baseline towards the target as the time elapsed since the baseline year, less 10
    percentage points; off track otherwise. Without a baseline, target or a value measured after
    the baseline year there is not enough data. For "keep" the latest value must stay within
    10 % of the target."""
    series = indicator.series(indicator.status_area)
    if not indicator.baseline or not indicator.target:
        return IndicatorStatus("insufficient_data", series[-1] if series else None, None, None, None)
    (base_year, base_value), (target_year, target_value) = indicator.baseline, indicator.target
    later = [m for m in series if m.year > base_year]
    if not later:
        return IndicatorStatus("insufficient_data", series[-1] if series else None, None, None, None)
    latest = later[-1]
    elapsed = min(1.0, (latest.year - base_year) / (target_year - base_year)) if target_year > base_year else 1.0
    expected = base_value + (target_value - base_value) * elapsed
    if indicator.direction == "keep":
        tolerance = abs(target_value) * STATUS_TOLERANCE or STATUS_TOLERANCE
        code = "achieved" if abs(latest.value - target_value) <= tolerance else "off_track"
        return IndicatorStatus(code, latest, expected, None, elapsed)
    span = target_value - base_value
    progress = (latest.value - base_value) / span if span else 1.0
    if progress >= 1.0:
        code = "achieved"
    elif progress >= elapsed - STATUS_TOLERANCE:
        code = "on_track"
    else:
        code = "off_track"
    return IndicatorStatus(code, latest, expected, progress, elapsed)


# --- fingerprint -----------------------------------------------------------------------------
# Not part of what the parties approve: monitoring data, the approval trail, and workflow details.


def _canonical(value: Any, kind: str, path: tuple, main: str, text_paths: set) -> Any:
    shape = tuple("*" if isinstance(p, int) else p for p in path)
    if shape in MONITORING_PATHS.get(kind, ()):
        return None
    if shape in text_paths:
        if isinstance(value, str):
            value = {main: value}
        return {k: "\n".join(line.rstrip() for line in v.strip().splitlines()) for k, v in sorted(value.items())}
    if isinstance(value, dict):
        out = {}
        for key in sorted(value):
            child = _canonical(value[key], kind, path + (key,), main, text_paths)
            if child is not None:
                out[key] = child
        return out
    if isinstance(value, list):
        return [_canonical(v, kind, path + (i,), main, text_paths) for i, v in enumerate(value)]
    return value


def canonical_content(sources: Sources) -> dict:
    """The agreement's approved content as plain data: the input of the fingerprint."""
    schemas = default_schemas()
    main = (sources.agreement.data.get("languages") or ["fi"])[0]
    content: dict[str, Any] = {}
    docs = [(kind, doc.name, doc) for kind, doc in sources.yaml_documents()]
    for kind, name, doc in sorted(docs, key=lambda d: d[1]):
        text_paths = {tuple("*" if isinstance(p, int) else p for p in path)
                      for path, node, _ in schemas.walk(kind, doc.data) if node.get("x-kind")}
        content[name] = _canonical(doc.data, kind, (), main, text_paths)
    return content


def compute_fingerprint(content: dict) -> str:
    serialised = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(serialised.encode("utf-8")).hexdigest()


def fingerprint_of(sources: Sources) -> str:
    """The fingerprint of files as written, valid or not; '' for files too broken to have a content."""
    if sources.agreement is None or not isinstance(sources.agreement.data, dict):
        return ""
    try:
        return compute_fingerprint(canonical_content(sources))
    except (TypeError, AttributeError, KeyError, ValueError):
        return ""


# --- building ----------------------------------------------------------------------------------
def _date(value: Any) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if isinstance(value, str) else None


def build(sources: Sources) -> Agreement:
    a = sources.agreement.data
    languages = a["languages"]
    main = languages[0]

    def text(value: Any) -> Text:
        return Text(value, main)

    def legal(ref: dict) -> LegalReference:
        return LegalReference(text(ref["law"]), ref["number"], ref["section"], text(ref.get("summary")))

    def person(p: dict) -> Person:
        return Person(p["name"], text(p["role"]), p["party"], p.get("github"))

    parties = []
    for number, p in enumerate(sources.documents["parties"].data["parties"], start=1):
        parties.append(Party(
            id=p["id"], number=number, kind=p["kind"], name=text(p["name"]),
            business_id=business_id.normalise(p["business_id"]), signs=p["signs"],
            signatories=[Signatory(s["name"], text(s["title"])) for s in p.get("signatories", [])],
            decisions=[Decision(text(d["body"]), _date(d["date"]), d["section"], d.get("diary_number"),
                                d["outcome"], d.get("minutes_url")) for d in p.get("decisions", [])],
            website=p.get("website"), sotkanet_region=p.get("sotkanet_region")))
    municipality_ids = [p.id for p in parties if p.kind == "municipality"]

    def expand(refs: list[str]) -> list[str]:
        out: dict[str, None] = {}
        for ref in refs:
            out.update(dict.fromkeys(municipality_ids if ref == ALL_MUNICIPALITIES else [ref]))
        return list(out)

    forums = [Forum(
        id=f["id"], name=text(f["name"]), level=f["level"],
        members=[ForumMember(m["party"], expand([m["party"]]), text(m["role"])) for m in f["members"]],
        chair=f.get("chair"), frequency=f["frequency"], months=sorted(f.get("months", [])),
        permanent=f["permanent"], until=_date(f.get("until")), purpose=text(f["purpose"]))
        for f in sources.documents["forums"].data["forums"]]
    annex_doc = sources.documents.get("annexes")
    annexes = [Annex(
        id=x["id"], title=text(x["title"]), kind=x["kind"], parties=expand(x["parties"]), party_refs=x["parties"],
        legally_binding=x["legally_binding"], status=x["status"], subareas=x.get("subareas", []),
        description=text(x.get("description")), url=x.get("url"))
        for x in (annex_doc.data["annexes"] if annex_doc else [])]

    values: dict[str, list[Measurement]] = {}
    for row in sorted(sources.measurements, key=lambda r: (r.indicator, r.area, r.year)):
        values.setdefault(row.indicator, []).append(Measurement(row.area, row.year, row.value, row.note))

    workbook_order = default_schemas().node_at("subarea", ("workbook_subarea",))["enum"]

    def subarea_order(doc) -> tuple:
        d = doc.data
        wb = d.get("workbook_subarea")
        return (GROUP_ORDER.index(d["group"]), workbook_order.index(wb) if wb else len(workbook_order), d["id"])

    subareas = []
    for s_number, doc in enumerate(sorted(sources.subareas, key=subarea_order), start=1):
        d = doc.data
        goals = []
        for g_number, g in enumerate(d["goals"], start=1):
            goal_number = f"{s_number}.{g_number}"
            actions = [Action(
                id=x["id"], number=f"{goal_number}.{n}", title=text(x["title"]), description=text(x.get("description")),
                responsible_refs=list(x["responsible"]), responsible=expand(x["responsible"]), lead=x["lead"],
                schedule_start=_schedule(x.get("schedule", {}).get("start")),
                schedule_end=_schedule(x.get("schedule", {}).get("end")),
                status=x["status"], status_reason=text(x.get("status_reason")), resources=text(x.get("resources")))
                for n, x in enumerate(g.get("actions", []), start=1)]
            indicators = []
            for n, i in enumerate(g.get("indicators", []), start=1):
                source = i["source"]
                area_refs = i.get("areas", [REGION])
                indicators.append(Indicator(
                    id=i["id"], number=f"{goal_number}.M{n}", name=text(i["name"]), description=text(i.get("description")),
                    unit=i["unit"], decimals=i.get("decimals", 0), sotkanet=source.get("sotkanet"),
                    source_name=text(source.get("name")), source_url=source.get("url"), direction=i["direction"],
                    baseline=(i["baseline"]["year"], i["baseline"]["value"]) if "baseline" in i else None,
                    target=(i["target"]["year"], i["target"]["value"]) if "target" in i else None,
                    frequency=i["frequency"], area_refs=area_refs, areas=expand(area_refs),
                    measurements=values.get(i["id"], [])))
            goals.append(Goal(g["id"], goal_number, text(g["title"]), text(g.get("description")), actions, indicators))
        subareas.append(Subarea(
            id=d["id"], number=str(s_number), code=d.get("code"), title=text(d["title"]), group=d["group"],
            workbook_subarea=d.get("workbook_subarea"), basis=d["basis"],
            legal_references=[legal(r) for r in d.get("legal_references", [])],
            responsible_persons=[person(p) for p in d["responsible_persons"]], description=text(d["description"]),
            resources=text(d.get("resources")), notes=text(d.get("notes")), goals=goals, file=doc.name))

    rules = a["operating_rules"]
    content = canonical_content(sources)
    return Agreement(
        id=a["id"], document_type=a["document_type"], title=text(a["title"]), short_title=text(a.get("short_title") or a["title"]),
        languages=languages, council_term=(_date(a["council_term"]["start"]), _date(a["council_term"].get("end"))),
        validity=(_date(a["validity"]["start"]), _date(a["validity"].get("end"))), scope=a["scope"],
        version=a["version"], version_date=_date(a.get("version_date")), stamp=text(a.get("stamp")), status=a["status"],
        purpose=text(a["purpose"]), starting_points=text(a["starting_points"]),
        general_goals=[text(g) for g in a.get("general_goals", [])],
        legal_basis=[legal(r) for r in a["legal_basis"]],
        operating_rules={k: text(rules[k]) for k in ("goal_setting", "information_sharing", "dispute_resolution")},
        additional_rules=[(text(r["title"]), text(r["text"])) for r in rules.get("additional", [])],
        amendment=text(a["amendment"]), coordinators=[person(p) for p in a.get("coordinators", [])],
        annual_cycle=[CycleStep(c["id"], text(c["title"]), sorted(c["months"]), text(c.get("description")),
                                legal(c["legal_reference"]) if "legal_reference" in c else None)
                      for c in a.get("annual_cycle", [])],
        parties=parties, forums=forums, annexes=annexes, subareas=subareas,
        fingerprint=compute_fingerprint(content), content=content)


def _schedule(value: Any) -> str | None:
    if value is None:
        return None
    parts = parse_partial_date(value)
    return str(value) if parts else None


def _t(text, lang: str) -> str:
    return text.get(lang) if text else ""


def goal_cells(model: Agreement, goals: list, lang: str) -> dict[str, str]:
    """The workbook's texts for some goals: a line per goal, per action with its responsible parties and per
    indicator. The exported workbook has a row per goal; the Word document's annex a row per sub-area."""
    return {
        "goals": "\n".join(f"{g.id}: {_t(g.title, lang)}" for g in goals),
        "actions": "\n".join(f"• {a.id}: {_t(a.title, lang)} ({model.party_names(a.responsible_refs, lang)})"
                             for g in goals for a in g.actions),
        "indicators": "\n".join(f"• {i.id}: {_t(i.name, lang)}" + (f" (Sotkanet {i.sotkanet})" if i.sotkanet else "")
                                for g in goals for i in g.indicators),
    }

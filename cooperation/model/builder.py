"""build(sources) → Agreement: display numbers (1.2.3), "all municipalities" expanded to the parties it
covers, measurements attached to their indicators, and the fingerprint of the content."""
from __future__ import annotations

import datetime
from typing import Any

from cooperation import business_id
from cooperation.domain import REGION, expand_parties
from cooperation.load.sources import Sources
from cooperation.model.consultations import build_rounds
from cooperation.model.fingerprint import canonical_content, compute_fingerprint
from cooperation.model.types import (
    Accessibility,
    Action,
    Agreement,
    Annex,
    CycleStep,
    Decision,
    Forum,
    ForumMember,
    Goal,
    Indicator,
    LegalReference,
    Measurement,
    Party,
    Person,
    Signatory,
    StatusUpdate,
    Subarea,
    Text,
)
from cooperation.schemas import default_schemas, document_type_code, document_types, parse_partial_date

GROUP_ORDER = ("common", "interface", "regional")


def _date(value: Any) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if isinstance(value, str) else None


def _day(value: str) -> datetime.date:
    """A required date: the schema has checked it is one."""
    return datetime.date.fromisoformat(value)


def _data(sources: Sources, kind: str) -> Any:
    """A required file's data: build() runs on checked sources only, where every required file was read."""
    doc = sources.documents.get(kind)
    if doc is None:
        raise ValueError(f"{kind}: build() needs checked sources")
    return doc.data


def build(sources: Sources) -> Agreement:
    a = _data(sources, "agreement")
    languages = a["languages"]
    main = languages[0]

    def text(value: Any) -> Text:
        return Text(value, main)

    def legal(ref: dict) -> LegalReference:
        return LegalReference(text(ref["law"]), ref["number"], ref["section"], text(ref.get("summary")))

    def person(p: dict) -> Person:
        return Person(p["name"], text(p["role"]), p["party"], p.get("github"))

    parties = []
    for number, p in enumerate(_data(sources, "parties")["parties"], start=1):
        parties.append(Party(
            id=p["id"], number=number, kind=p["kind"], name=text(p["name"]),
            business_id=business_id.normalise(p["business_id"]) if "business_id" in p else None, signs=p["signs"],
            signatories=[Signatory(s["name"], text(s["title"])) for s in p.get("signatories", [])],
            decisions=[Decision(text(d["body"]), str(d["date"]) if "date" in d else None, d.get("section"),
                                d.get("diary_number"), d["outcome"], d.get("minutes_url"), d.get("version"),
                                text(d["note"]) if "note" in d else None) for d in p.get("decisions", [])],
            website=p.get("website"), sotkanet_region=p.get("sotkanet_region")))
    municipality_ids = [p.id for p in parties if p.kind == "municipality"]

    def expand(refs: list[str]) -> list[str]:
        return expand_parties(refs, municipality_ids)

    forums = [Forum(
        id=f["id"], number=f.get("number"), name=text(f["name"]),
        levels=[f["level"]] if isinstance(f.get("level"), str) else list(f.get("level", [])),
        owner=f.get("owner"),
        members=[ForumMember(m["party"], expand([m["party"]]), text(m["role"])) for m in f.get("members", [])],
        chair=f.get("chair"), frequency=f.get("frequency"), months=sorted(f.get("months", [])),
        permanent=f["permanent"], until=_date(f.get("until")), purpose=text(f.get("purpose")))
        for f in _data(sources, "forums")["forums"]]
    annex_doc = sources.documents.get("annexes")
    annexes = [Annex(
        id=x["id"], title=text(x["title"]), kind=x["kind"], parties=expand(x["parties"]), party_refs=x["parties"],
        legally_binding=x["legally_binding"], status=x["status"], subareas=x.get("subareas", []),
        description=text(x.get("description")), url=x.get("url"), file_size=x.get("file_size"),
        scanned=bool(x.get("scanned")))
        for x in (annex_doc.data["annexes"] if annex_doc else [])]

    values: dict[str, list[Measurement]] = {}
    for row in sorted(sources.measurements, key=lambda r: (r.indicator, r.area, r.year)):
        values.setdefault(row.indicator, []).append(Measurement(row.area, row.year, row.value, row.note))

    workbook_order = (default_schemas().node_at("subarea", ("workbook_subarea",)) or {}).get("enum", [])

    def subarea_order(doc) -> tuple:
        d = doc.data
        wb = d.get("workbook_subarea")
        # an agreement's own order first (order: 1, 2, …), then the workbook's groups
        return (d.get("order", float("inf")), GROUP_ORDER.index(d["group"]),
                workbook_order.index(wb) if wb else len(workbook_order), d["id"])

    subareas = []
    for position, doc in enumerate(sorted(sources.subareas, key=subarea_order), start=1):
        d = doc.data
        s_number = d.get("number") or str(position)  # a real agreement's own number (7.2) is kept as written
        goals = []
        for g_number, g in enumerate(d["goals"], start=1):
            goal_number = f"{s_number}.{g_number}"
            actions = [Action(
                id=x["id"], number=f"{goal_number}.{n}", title=text(x["title"]), description=text(x.get("description")),
                responsible_refs=list(x["responsible"]), responsible=expand(x["responsible"]), lead=x["lead"],
                schedule_start=_schedule(x.get("schedule", {}).get("start")),
                schedule_end=_schedule(x.get("schedule", {}).get("end")),
                status=x["status"], status_reason=text(x.get("status_reason")), resources=text(x.get("resources")),
                status_history=[StatusUpdate(_day(u["date"]), u["status"], text(u.get("note")))
                                for u in x.get("status_history", [])])
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
            id=d["id"], number=s_number, number_given="number" in d, code=d.get("code"), title=text(d["title"]), group=d["group"],
            workbook_subarea=d.get("workbook_subarea"), basis=d["basis"],
            legal_references=[legal(r) for r in d.get("legal_references", [])],
            responsible_persons=[person(p) for p in d["responsible_persons"]], description=text(d["description"]),
            resources=text(d.get("resources")), notes=text(d.get("notes")), goals=goals, file=doc.name))

    rules = a.get("operating_rules", {})  # a framework agreement (scope 1) may state none
    # a known type by its code prints its official name in every language
    known_type = document_types().get(document_type_code(a["document_type"]) or "")
    content = canonical_content(sources)
    consultations = sources.documents.get("consultations")
    agreement = Agreement(
        id=a["id"], document_type=Text(known_type, main) if known_type else text(a["document_type"]), title=text(a["title"]), short_title=text(a.get("short_title") or a["title"]),
        languages=languages, council_term=(_day(a["council_term"]["start"]), _date(a["council_term"].get("end"))),
        validity=(_day(a["validity"]["start"]), _date(a["validity"].get("end"))), scope=a["scope"],
        version=a["version"], version_date=_date(a.get("version_date")), stamp=text(a.get("stamp")), status=a["status"],
        record_start=_date(a.get("record_start")),
        purpose=text(a["purpose"]), starting_points=text(a["starting_points"]),
        general_goals=[text(g) for g in a.get("general_goals", [])],
        legal_basis=[legal(r) for r in a["legal_basis"]],
        operating_rules={k: text(rules[k]) for k in ("goal_setting", "information_sharing", "dispute_resolution") if k in rules},
        additional_rules=[(text(r["title"]), text(r["text"])) for r in rules.get("additional", [])],
        amendment=text(a.get("amendment")), coordinators=[person(p) for p in a.get("coordinators", [])],
        annual_cycle=[CycleStep(c["id"], text(c["title"]), sorted(c["months"]), text(c.get("description")),
                                legal(c["legal_reference"]) if "legal_reference" in c else None)
                      for c in a.get("annual_cycle", [])],
        parties=parties, forums=forums, annexes=annexes, subareas=subareas,
        fingerprint=compute_fingerprint(content, sources), content=content, accessibility=_accessibility(a.get("accessibility") or {}, text),
        rationale=text(a["rationale"]) if a.get("rationale") else None)
    agreement.consultations = build_rounds(consultations.data if consultations is not None else None, main, expand)
    return agreement


def _accessibility(d: dict, text) -> Accessibility:
    return Accessibility(contact_email=d.get("contact_email"), feedback_url=d.get("feedback_url"),
                         prepared=_date(d.get("prepared")), reviewed=_date(d.get("reviewed")),
                         known_problems=[(text(p["text"]), p.get("criterion")) for p in d.get("known_problems", [])])


def _schedule(value: Any) -> str | None:
    if value is None:
        return None
    parts = parse_partial_date(value)
    return str(value) if parts else None

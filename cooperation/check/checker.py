"""Check the loaded files: the JSON Schema first, then what a reviewer would check by hand.

``check(sources)`` never prints and never raises for bad data; every problem goes
into the returned ``Result`` with the file, line, column, item and field.
"""
from __future__ import annotations

import datetime
import difflib
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from cooperation import business_id
from cooperation.domain import ALL_MUNICIPALITIES, COMMON_WORKBOOK_SUBAREAS, REGION, SIGNED_STATUSES
from cooperation.i18n.messages import ITEM_KINDS
from cooperation.load.sources import Sources
from cooperation.load.yaml_loader import ILLEGAL_CHARACTER, Document, character_name
from cooperation.result import ERROR, WARNING, Problem, Result
from cooperation.schemas import Schemas, default_schemas, parse_partial_date

# Tests set this so that a cross-check crashing on malformed data fails loudly instead of
# being absorbed; users never see a traceback either way.
RAISE_CHECK_ERRORS = False


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _dicts(value: Any):
    """(index, item) for the dict items of a list; anything else yields nothing."""
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield index, item


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _suggest(word: Any, choices) -> dict[str, str] | str:
    if not isinstance(word, str):
        return ""
    choices = list(choices)
    found = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if not found:
        if 0 < len(choices) <= 5:
            listed = ", ".join(choices)
            return {"fi": f" (sallitut: {listed})", "en": f" (allowed: {listed})"}
        return ""
    return {"fi": f" (tarkoititko ”{found[0]}”?)", "en": f' (did you mean "{found[0]}"?)'}


class Checker:
    def __init__(self, sources: Sources, schemas: Schemas | None = None):
        self.sources = sources
        self.schemas = schemas or default_schemas()
        self.result = Result()
        self._item_kinds: dict[tuple, str | None] = {}
        # (file, path) of values the schema refused: cross-checks say nothing more about them
        self._schema_paths: set[tuple[str, tuple]] = set()

    # --- locating problems ------------------------------------------------------------------
    def _item_kind(self, kind: str, prefix: tuple) -> str | None:
        shape = (kind,) + tuple(0 if isinstance(p, int) else p for p in prefix)
        if shape not in self._item_kinds:
            self._item_kinds[shape] = self.schemas.item_kind_at(kind, shape[1:])
        return self._item_kinds[shape]

    def locate(self, kind: str, data: Any, path: tuple):
        """The item (kind, id) enclosing ``path``, and the field inside it with its titles."""
        item, rest = None, path
        for cut in range(len(path), -1, -1):
            item_kind = self._item_kind(kind, path[:cut])
            if item_kind:
                obj: Any = data
                for part in path[:cut]:
                    obj = obj[part]
                ident = obj.get("id") if isinstance(obj, dict) else None
                if not isinstance(ident, (str, int)) or isinstance(ident, bool):
                    ident = f"nro {path[cut - 1] + 1}" if cut and isinstance(path[cut - 1], int) else "?"
                item, rest = (item_kind, str(ident)), path[cut:]
                break
        if not rest:
            return item, None, None
        parts, titles = [], defaultdict(list)
        for i, part in enumerate(rest):
            if isinstance(part, int):
                parts[-1:] = [f"{parts[-1]}[{part + 1}]"] if parts else [f"[{part + 1}]"]
                continue
            parts.append(part)
            node_titles = self.schemas.titles_at(kind, tuple(_shape(path[: len(path) - len(rest) + i + 1])))
            for lang in ("fi", "sv", "en"):
                titles[lang].append((node_titles or {}).get(lang) or (node_titles or {}).get("fi") or part)
        return item, ".".join(parts), {lang: " › ".join(t) for lang, t in titles.items()}

    def report(self, severity: str, code: str, doc: Document, kind: str, path: tuple,
               key: bool = False, **params) -> None:
        if (doc.name, tuple(path)) in self._schema_paths:
            return
        line, column = doc.position(path, key=key)
        item, field, titles = self.locate(kind, doc.data, tuple(path))
        self.result.add(Problem(severity, code, doc.name, line, column, params, item, field, titles))

    def error(self, code, doc, kind, path, **params):
        self.report(ERROR, code, doc, kind, path, **params)

    def warning(self, code, doc, kind, path, **params):
        self.report(WARNING, code, doc, kind, path, **params)

    # --- schema ---------------------------------------------------------------------------------
    def check_schema(self, kind: str, doc: Document) -> bool:
        errors = list(self.schemas.validators[kind].iter_errors(doc.data))
        format_paths = {tuple(e.absolute_path) for e in errors if e.validator == "format"}
        for error in errors:
            self._translate(kind, doc, error, format_paths)
        self._schema_paths.update((doc.name, tuple(e.absolute_path)) for e in errors)
        self._schema_paths.update((doc.name, tuple(e.absolute_path) + (name,)) for e in errors
                                  if e.validator == "required" for name in e.validator_value)
        return not errors

    def _translate(self, kind: str, doc: Document, error, format_paths) -> None:
        path = tuple(error.absolute_path)
        validator, instance, schema = error.validator, error.instance, error.schema
        if validator in ("anyOf", "oneOf"):
            by_branch: dict[int, list] = defaultdict(list)
            for sub in error.context or []:
                by_branch[sub.relative_schema_path[0]].append(sub)
            fitting = [b for b, subs in by_branch.items()
                       if not any(s.validator == "type" and not s.relative_path for s in subs)]
            if len(fitting) == 1:
                for sub in by_branch[fitting[0]]:
                    self._translate(kind, doc, sub, format_paths)
                return
            expected = []
            for subs in by_branch.values():
                for s in subs:
                    if s.validator == "type" and not s.relative_path:
                        expected.extend(s.validator_value if isinstance(s.validator_value, list) else [s.validator_value])
            expected_text = _TEXT_EXPECTED if schema.get("x-kind") in ("text", "markdown") else _types_text(expected)
            self.error("type", doc, kind, path, expected=expected_text,
                       actual=_types_text([_type_name(instance)]), hint=_type_hint(expected, instance))
            return
        if validator == "required":
            if isinstance(instance, dict):
                for name in error.validator_value:
                    if name not in instance:
                        line, column = doc.position(path)
                        item, field, titles = self.locate(kind, doc.data, path + (name,))
                        self.result.add(Problem(ERROR, "required", doc.name, line, column, {}, item, field, titles))
            return
        if validator == "additionalProperties":
            known = schema.get("properties", {})
            for key in instance:
                if key not in known:
                    self._unknown(kind, doc, path, key, known)
            return
        if validator == "type":
            expected = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
            expected_text = _TEXT_EXPECTED if schema.get("x-kind") in ("text", "markdown") else _types_text(expected)
            self.error("type", doc, kind, path, expected=expected_text,
                       actual=_types_text([_type_name(instance)]), hint=_type_hint(expected, instance))
            return
        if validator == "enum":
            labels = schema.get("x-enum", {})
            allowed = [{"fi": f"{v} ({labels[str(v)]['fi']})", "en": f"{v} ({labels[str(v)]['en']})"}
                       if str(v) in labels else str(v) for v in error.validator_value]
            suggestion: Any = ""
            if isinstance(instance, str):
                for value, label in labels.items():
                    if instance.strip().lower() in (label.get("fi", "").lower(), label.get("sv", "").lower(),
                                                    label.get("en", "").lower()):
                        suggestion = {"fi": f" (tarkoititko ”{value}”?)", "en": f' (did you mean "{value}"?)'}
                        break
                else:
                    suggestion = _suggest(instance, [str(v) for v in error.validator_value])
            self.error("enum", doc, kind, path, value=_short(instance), allowed=allowed, suggestion=suggestion)
            return
        if validator == "pattern":
            if path in format_paths:
                return
            help_text = schema.get("x-format") or schema.get("description") or schema.get("title") or error.validator_value
            self.error("pattern", doc, kind, path, value=_short(instance), help={"fi": help_text, "en": help_text})
            return
        if validator == "format":
            code = {"date": "format_date", "partial-date": "format_partial_date", "uri": "format_uri"}.get(
                error.validator_value, "invalid")
            self.error(code, doc, kind, path, value=_short(instance), detail=error.message)
            return
        simple = {"minItems": ("min_items", {"count": error.validator_value}),
                  "uniqueItems": ("unique_items", {}),
                  "minLength": ("empty_text", {}),
                  "minProperties": ("empty_object", {}),
                  "minimum": ("minimum", {"limit": error.validator_value, "value": instance}),
                  "maximum": ("maximum", {"limit": error.validator_value, "value": instance})}
        if validator in simple:
            code, params = simple[validator]
            self.error(code, doc, kind, path, **params)
            return
        self.error("invalid", doc, kind, path, detail=error.message)

    def _unknown(self, kind, doc, path, key, known) -> None:
        line, column = doc.position(path + (key,), key=True)
        item, field, titles = self.locate(kind, doc.data, path)
        self.result.add(Problem(ERROR, "unknown_field", doc.name, line, column,
                                {"key": key, "suggestion": _suggest(key, known)}, item, field, titles))

    # --- the whole run --------------------------------------------------------------------------
    def run(self) -> Result:
        self.result.extend(self.sources.problems)
        self.valid: dict[str, bool] = {}
        for kind, doc in self.sources.yaml_documents():
            self.valid[doc.name] = self.check_schema(kind, doc)
        for check in CROSS_CHECKS:
            try:
                check(self)
            except Exception as exc:  # noqa: BLE001 - a check must never turn into a traceback
                if RAISE_CHECK_ERRORS:
                    raise
                # Malformed documents were already reported by the schema; only flag a
                # crash on data the schema accepted, as that is a bug in the check.
                if all(self.valid.values()):
                    self.result.add(Problem(ERROR, "internal", "-", 1, 1,
                                            {"check": check.__name__, "detail": f"{type(exc).__name__}: {exc}"}))
        return self.result

    # --- shared lookups for the cross-checks -----------------------------------------------------
    def doc(self, kind: str) -> Document | None:
        return self.sources.documents.get(kind)

    def agreement(self) -> dict:
        doc = self.doc("agreement")
        return doc.data if doc is not None and isinstance(doc.data, dict) else {}

    def parties(self) -> dict[str, dict]:
        doc = self.doc("parties")
        data = doc.data if doc is not None and isinstance(doc.data, dict) else {}
        return {p["id"]: p for _, p in _dicts(data.get("parties")) if isinstance(p.get("id"), str)}

    def parties_known(self) -> bool:
        doc = self.doc("parties")
        return doc is not None and isinstance(doc.data, dict) and isinstance(doc.data.get("parties"), list)

    def municipalities(self) -> list[str]:
        return [pid for pid, p in self.parties().items() if p.get("kind") == "municipality"]

    def subarea_items(self):
        """(doc, path, kind-of-item, item) for every goal, action and indicator."""
        for doc in self.sources.subareas:
            if not isinstance(doc.data, dict):
                continue
            for gi, goal in _dicts(doc.data.get("goals")):
                yield doc, ("goals", gi), "goal", goal
                for ai, action in _dicts(goal.get("actions")):
                    yield doc, ("goals", gi, "actions", ai), "action", action
                for ii, indicator in _dicts(goal.get("indicators")):
                    yield doc, ("goals", gi, "indicators", ii), "indicator", indicator

    def subareas_complete(self) -> bool:
        """False when a sub-area file could not be read: what it holds is then unknown."""
        return not any(name.startswith("subareas/") for name in self.sources.failed)

    def languages(self) -> list[str]:
        langs = self.agreement().get("languages")
        if isinstance(langs, list) and langs and all(isinstance(x, str) for x in langs):
            return langs
        return ["fi"]


_TEXT_EXPECTED = {"fi": "tekstiä tai kieliversiot (fi:, sv:)", "en": "text or language versions (fi:, sv:)"}


def _shape(path):
    return tuple(0 if isinstance(p, int) else p for p in path)


def _short(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _types_text(types) -> dict[str, str]:
    from cooperation.i18n.messages import TYPES
    seen = []
    for t in types:
        if t not in seen:
            seen.append(t)
    return {lang: " tai ".join(TYPES.get(t, {}).get(lang, t) for t in seen) if lang == "fi"
            else " or ".join(TYPES.get(t, {}).get(lang, t) for t in seen) for lang in ("fi", "en")}


def _type_hint(expected, instance) -> dict[str, str] | str:
    if "string" in expected and isinstance(instance, (int, float, bool)):
        return {"fi": "; jos tarkoitit tekstiä, laita arvo lainausmerkkeihin (esim. \"1.10\")",
                "en": '; if you meant text, put the value in quotes (e.g. "1.10")'}
    if "array" in expected and isinstance(instance, (str, int, float)):
        return {"fi": "; kirjoita jokainen kohta omalle rivilleen viivan (- ) jälkeen",
                "en": "; write each entry on its own line after a dash (- )"}
    if instance is None:
        return {"fi": " (arvo puuttuu kaksoispisteen jälkeen)", "en": " (no value after the colon)"}
    return ""


# =====================================================================================================
# Cross-checks: each takes the checker and reports through it. Data may be malformed (the schema
# has reported that already), so every access is defensive.
# =====================================================================================================

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
            for i, item in _dicts(doc.data.get(list_key)):
                visit(doc, kind, (list_key, i), item_kind, item.get("id"))
    for doc in c.sources.subareas:
        if isinstance(doc.data, dict):
            visit(doc, "subarea", (), "subarea", doc.data.get("id"))
    for doc, path, item_kind, item in c.subarea_items():
        visit(doc, "subarea", path, item_kind, item.get("id"))
    doc = c.doc("agreement")
    steps: set[str] = set()
    for i, step in _dicts(c.agreement().get("annual_cycle")):
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


def check_party_references(c: Checker) -> None:
    if not c.parties_known():
        return
    parties = c.parties()
    names = list(parties)

    def ref(doc, kind, path, value, allow_all=False, allow_region=False):
        if not isinstance(value, str):
            return
        if value in parties or (allow_all and value == ALL_MUNICIPALITIES) or (allow_region and value == REGION):
            return
        c.error("unknown_party", doc, kind, path, ref=value, suggestion=_suggest(value, names))

    agreement_doc = c.doc("agreement")
    for i, person in _dicts(c.agreement().get("coordinators")):
        ref(agreement_doc, "agreement", ("coordinators", i, "party"), person.get("party"))
    forums = c.doc("forums")
    if forums is not None and isinstance(forums.data, dict):
        for fi, forum in _dicts(forums.data.get("forums")):
            for mi, member in _dicts(forum.get("members")):
                ref(forums, "forums", ("forums", fi, "members", mi, "party"), member.get("party"), allow_all=True)
            ref(forums, "forums", ("forums", fi, "chair"), forum.get("chair"))
    annexes = c.doc("annexes")
    if annexes is not None and isinstance(annexes.data, dict):
        subarea_ids = {d.data.get("id") for d in c.sources.subareas
                       if isinstance(d.data, dict) and isinstance(d.data.get("id"), str)}
        for ai, annex in _dicts(annexes.data.get("annexes")):
            for pi, party in enumerate(annex.get("parties") or [] if isinstance(annex.get("parties"), list) else []):
                ref(annexes, "annexes", ("annexes", ai, "parties", pi), party, allow_all=True)
            subareas = annex.get("subareas")
            for si, sid in enumerate(subareas if isinstance(subareas, list) else []):
                if isinstance(sid, str) and sid not in subarea_ids:
                    c.error("unknown_subarea", annexes, "annexes", ("annexes", ai, "subareas", si), ref=sid)
    for doc in c.sources.subareas:
        if not isinstance(doc.data, dict):
            continue
        for pi, person in _dicts(doc.data.get("responsible_persons")):
            ref(doc, "subarea", ("responsible_persons", pi, "party"), person.get("party"))
    for doc, path, item_kind, item in c.subarea_items():
        if item_kind == "action":
            responsible = item.get("responsible")
            for ri, party in enumerate(responsible if isinstance(responsible, list) else []):
                ref(doc, "subarea", path + ("responsible", ri), party, allow_all=True)
            ref(doc, "subarea", path + ("lead",), item.get("lead"))
        elif item_kind == "indicator":
            areas = item.get("areas")
            for ri, area in enumerate(areas if isinstance(areas, list) else []):
                ref(doc, "subarea", path + ("areas", ri), area, allow_all=True, allow_region=True)


def check_actions(c: Checker) -> None:
    parties = c.parties()
    municipalities = set(c.municipalities())
    term = c.agreement().get("council_term")
    term_start = _date(term.get("start")) if isinstance(term, dict) else None
    term_end = _date(term.get("end")) if isinstance(term, dict) else None
    for doc, path, item_kind, action in c.subarea_items():
        if item_kind != "action":
            continue
        lead, responsible = action.get("lead"), action.get("responsible")
        if isinstance(lead, str) and isinstance(responsible, list) and responsible:
            covered = set(r for r in responsible if isinstance(r, str))
            if ALL_MUNICIPALITIES in covered:
                covered |= municipalities
            if lead == ALL_MUNICIPALITIES:
                c.error("lead_not_single", doc, "subarea", path + ("lead",))
            elif lead not in covered and (lead in parties or not parties):
                c.error("lead_not_responsible", doc, "subarea", path + ("lead",), lead=lead)
        status = action.get("status")
        if status in ("delayed", "cancelled") and not action.get("status_reason"):
            labels = c.schemas.enum_labels("subarea", ("goals", 0, "actions", 0, "status"))
            c.error("status_reason_missing", doc, "subarea", path + ("status",), status=labels.get(status, status))
        schedule = action.get("schedule")
        if isinstance(schedule, dict):
            start = parse_partial_date(schedule.get("start"))
            end = parse_partial_date(schedule.get("end")) if "end" in schedule else None
            first = _first_day(start) if start else None
            last = _last_day(end) if end else (_last_day(start) if start else None)
            if first and end and last < first:
                c.error("schedule_order", doc, "subarea", path + ("schedule", "end"),
                        start=schedule.get("start"), end=schedule.get("end"))
            elif first and term_start and term_end and (first < term_start or last > term_end):
                c.warning("schedule_outside_term", doc, "subarea", path + ("schedule",),
                          start=schedule.get("start"), end=schedule.get("end", "…"),
                          term=f"{_fi_date(term_start)}–{_fi_date(term_end)}")


def _date(value: Any) -> datetime.date | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


def _fi_date(date: datetime.date) -> str:
    return f"{date.day}.{date.month}.{date.year}"


def _first_day(parts) -> datetime.date:
    year, month, day = parts
    return datetime.date(year, month or 1, day or 1)


def _last_day(parts) -> datetime.date:
    year, month, day = parts
    if day:
        return datetime.date(year, month, day)
    if month:
        following = datetime.date(year + (month == 12), month % 12 + 1, 1)
        return following - datetime.timedelta(days=1)
    return datetime.date(year, 12, 31)


def check_scope(c: Checker) -> None:
    scope = c.agreement().get("scope")
    if scope not in (2, 3):
        return
    for doc, path, item_kind, item in c.subarea_items():
        if item_kind == "goal":
            if not item.get("actions"):
                c.error("goal_without_action", doc, "subarea", path, scope=scope)
            if not item.get("indicators"):
                c.error("goal_without_indicator", doc, "subarea", path, scope=scope)
        elif item_kind == "indicator":
            for key in ("baseline", "target"):
                if key not in item:
                    c.error("required", doc, "subarea", path + (key,))


def check_indicators(c: Checker) -> None:
    labels = c.schemas.enum_labels("subarea", ("goals", 0, "indicators", 0, "direction"))
    for doc, path, item_kind, indicator in c.subarea_items():
        if item_kind != "indicator":
            continue
        source = indicator.get("source")
        if isinstance(source, dict):
            if "sotkanet" not in source and "name" not in source:
                c.error("source_missing", doc, "subarea", path + ("source",))
            elif "sotkanet" not in source and "url" not in source:
                c.warning("source_url_missing", doc, "subarea", path + ("source",))
        baseline, target = indicator.get("baseline"), indicator.get("target")
        if not (isinstance(baseline, dict) and isinstance(target, dict)):
            continue
        by, bv, ty, tv = baseline.get("year"), baseline.get("value"), target.get("year"), target.get("value")
        if all(isinstance(x, int) and not isinstance(x, bool) for x in (by, ty)) and ty <= by:
            c.error("target_year", doc, "subarea", path + ("target", "year"), target=ty, baseline=by)
        if not all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in (bv, tv)):
            continue
        direction = indicator.get("direction")
        if direction == "increase" and not tv > bv or direction == "decrease" and not tv < bv:
            from cooperation.i18n.messages import RELATIONS
            c.error("target_direction", doc, "subarea", path + ("target", "value"),
                    direction=labels.get(direction, direction), target=tv, baseline=bv,
                    relation=RELATIONS[direction])
        elif direction == "keep" and tv != bv:
            c.warning("target_keep", doc, "subarea", path + ("target", "value"), target=tv, baseline=bv)


def check_parties(c: Checker) -> None:
    doc = c.doc("parties")
    if doc is None or not isinstance(doc.data, dict):
        return
    kinds = []
    business_ids: dict[str, str] = {}
    regions: dict[int, str] = {}
    status = c.agreement().get("status")
    status_labels = c.schemas.enum_labels("agreement", ("status",))
    for i, party in _dicts(doc.data.get("parties")):
        path = ("parties", i)
        pid = party.get("id")
        kinds.append(party.get("kind"))
        if pid == REGION:
            c.error("reserved_party_id", doc, "parties", path + ("id",), id=pid)
        value = _str(party.get("business_id"))
        if value and business_id._FORM.match(value):
            if "\u2013" in value:
                c.warning("business_id_dash", doc, "parties", path + ("business_id",),
                          value=value, normalised=business_id.normalise(value))
            if not business_id.is_valid(value):
                digit = business_id.check_digit(value[:7])
                expected = ({"fi": f" (pitäisi olla {value[:7]}-{digit})", "en": f" (should be {value[:7]}-{digit})"}
                            if digit is not None else {"fi": " (tällaista Y-tunnusta ei ole)", "en": " (no such business ID)"})
                c.error("business_id_check", doc, "parties", path + ("business_id",), value=value, expected=expected)
            normal = business_id.normalise(value)
            if normal in business_ids:
                c.error("duplicate_business_id", doc, "parties", path + ("business_id",), value=normal,
                        other=business_ids[normal])
            business_ids.setdefault(normal, str(pid))
        region = party.get("sotkanet_region")
        if isinstance(region, int) and not isinstance(region, bool):
            if region in regions:
                c.error("duplicate_sotkanet_region", doc, "parties", path + ("sotkanet_region",), value=region,
                        other=regions[region])
            regions.setdefault(region, str(pid))
        signs = party.get("signs") is True
        signatories = party.get("signatories")
        decisions = list(_dicts(party.get("decisions")))
        previous = None
        for di, decision in decisions:
            date = _date(decision.get("date"))
            if date and previous and date < previous:
                c.warning("decisions_order", doc, "parties", path + ("decisions", di, "date"),
                          date=decision.get("date"), previous=previous.isoformat())
            previous = date or previous
        if status in SIGNED_STATUSES and signs:
            if not any(d.get("outcome") == "approved" for _, d in decisions):
                c.error("signed_without_approval", doc, "parties", path + ("decisions",),
                        status=status_labels.get(status, status))
            if not signatories:
                c.error("signed_without_signatories", doc, "parties", path + ("signatories",),
                        status=status_labels.get(status, status))
        elif signs and not signatories:
            c.warning("signs_without_signatories", doc, "parties", path + ("signs",))
    if isinstance(doc.data.get("parties"), list) and doc.data["parties"]:
        if kinds.count("county") == 0:
            c.error("no_county", doc, "parties", ("parties",))
        elif kinds.count("county") > 1:
            c.error("many_counties", doc, "parties", ("parties",))
        if "municipality" not in kinds:
            c.error("no_municipalities", doc, "parties", ("parties",))


def check_periods(c: Checker) -> None:
    doc = c.doc("agreement")
    if doc is None:
        return
    for key in ("council_term", "validity"):
        period = c.agreement().get(key)
        if isinstance(period, dict):
            start, end = _date(period.get("start")), _date(period.get("end"))
            if start and end and end < start:
                c.error("period_order", doc, "agreement", (key, "end"), start=period["start"], end=period["end"])


def check_forums(c: Checker) -> None:
    doc = c.doc("forums")
    if doc is None or not isinstance(doc.data, dict):
        return
    municipalities = set(c.municipalities())
    for i, forum in _dicts(doc.data.get("forums")):
        chair = forum.get("chair")
        members = {m.get("party") for _, m in _dicts(forum.get("members")) if isinstance(m.get("party"), str)}
        if ALL_MUNICIPALITIES in members:
            members |= municipalities
        if isinstance(chair, str) and chair in c.parties() and chair not in members:
            c.warning("chair_not_member", doc, "forums", ("forums", i, "chair"), chair=chair)
        if forum.get("permanent") is True and "until" in forum:
            c.warning("until_permanent", doc, "forums", ("forums", i, "until"))


def check_workbook_subareas(c: Checker) -> None:
    used: dict[str, str] = {}
    labels = c.schemas.enum_labels("subarea", ("workbook_subarea",))
    group_labels = c.schemas.enum_labels("subarea", ("group",))
    for doc in c.sources.subareas:
        data = doc.data if isinstance(doc.data, dict) else {}
        value = data.get("workbook_subarea")
        if not isinstance(value, str) or value not in labels:
            continue
        if value in used:
            c.warning("duplicate_workbook_subarea", doc, "subarea", ("workbook_subarea",), value=value, other=used[value])
        used.setdefault(value, str(data.get("id")))
        expected = labels[value].get("group")
        if isinstance(data.get("group"), str) and data["group"] in group_labels and data["group"] != expected:
            c.warning("workbook_group_mismatch", doc, "subarea", ("group",), expected=group_labels[expected])
    if not c.sources.subareas or not c.subareas_complete():
        return
    for value in COMMON_WORKBOOK_SUBAREAS:
        if value not in used:
            c.result.add(Problem(WARNING, "common_subarea_missing", "subareas/", 1, 1,
                                 {"title": labels[value], "value": value}))


def check_translations(c: Checker) -> None:
    languages = c.languages()
    if len(languages) < 2:
        return
    main = languages[0]
    language_names = c.schemas.enum_labels("agreement", ("languages",))
    for kind, doc in c.sources.yaml_documents():
        for path, node, value in c.schemas.walk(kind, doc.data):
            if node.get("x-kind") not in ("text", "markdown"):
                continue
            if isinstance(value, str):
                present = {main}
            elif isinstance(value, dict):
                present = {k for k, v in value.items() if isinstance(v, str) and v.strip()}
            else:
                continue
            for lang in languages:
                if lang not in present:
                    c.warning("missing_translation", doc, kind, path, language=language_names.get(lang, lang),
                              languages="–".join(languages))


def check_measurements(c: Checker) -> None:
    if not c.sources.measurements:
        return
    indicators: dict[str, dict] = {}
    for _, _, item_kind, item in c.subarea_items():
        if item_kind == "indicator" and isinstance(item.get("id"), str):
            indicators[item["id"]] = item
    parties = c.parties()
    municipalities = set(c.municipalities())
    have_parties = c.parties_known()
    seen: dict[tuple, Any] = {}
    titles = {name: c.schemas.titles_at("measurement", (name,)) for name in ("indicator", "area", "year")}

    def report(severity, code, row, column, **params):
        c.result.add(Problem(severity, code, row.file, row.line, row.columns.get(column, 1), params,
                             ("measurement", f"{row.indicator}/{row.area}/{row.year}"), column, titles[column]))

    followed: dict[str, set | None] = {}
    for iid, indicator in indicators.items():
        areas = indicator.get("areas")
        if isinstance(areas, list):
            areas = {a for a in areas if isinstance(a, str)}
            followed[iid] = areas | municipalities if ALL_MUNICIPALITIES in areas else areas
        else:
            followed[iid] = None
    check_indicator = c.subareas_complete()
    for row in c.sources.measurements:
        areas = followed.get(row.indicator, False)
        if areas is False and check_indicator:
            report(ERROR, "measurement_unknown_indicator", row, "indicator", ref=row.indicator,
                   suggestion=_suggest(row.indicator, indicators))
        if row.area != REGION and row.area not in parties and have_parties:
            report(ERROR, "measurement_unknown_area", row, "area", ref=row.area)
        elif areas and row.area not in areas:
            report(WARNING, "measurement_area_not_followed", row, "area", indicator=row.indicator, area=row.area)
        key = (row.indicator, row.area, row.year)
        if key in seen:
            report(ERROR, "measurement_duplicate", row, "year", indicator=row.indicator, area=row.area,
                   year=row.year, where=f"{seen[key].file}:{seen[key].line}")
        else:
            seen[key] = row


def check_characters(c: Checker) -> None:
    """Every text can be written out: the site, the Word document (XML) and the workbook refuse
    control characters, and nobody types them on purpose (a "\\x0b" escape in double quotes)."""
    for kind, doc in c.sources.yaml_documents():
        stack = [((), doc.data)]
        while stack:  # iterative: the depth is bounded, but no walk here recurses
            path, value = stack.pop()
            if isinstance(value, str):
                found = ILLEGAL_CHARACTER.search(value)
                if found:
                    c.error("control_char", doc, kind, path, char=character_name(found.group()), index=found.start() + 1)
            elif isinstance(value, dict):
                stack.extend((path + (key,), child) for key, child in value.items())
            elif isinstance(value, list):
                stack.extend((path + (index,), child) for index, child in enumerate(value))


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
    "versiot", "kaaviot", "tietomuoto", "schema",
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
    doc = c.doc("parties")
    if doc is not None and isinstance(doc.data, dict):
        for i, party in _dicts(doc.data.get("parties")):
            ident = party.get("id")
            if isinstance(ident, str) and ident.lower() in reserved:
                c.error("reserved_id", doc, "parties", ("parties", i, "id"), id=ident)


CROSS_CHECKS: list[Callable[[Checker], None]] = [
    check_unique_ids, check_subarea_file_names, check_party_references, check_actions, check_scope,
    check_indicators, check_parties, check_periods, check_forums, check_workbook_subareas,
    check_translations, check_measurements, check_characters, check_reserved_ids,
]


def check(sources: Sources, schemas: Schemas | None = None) -> Result:
    return Checker(sources, schemas).run()

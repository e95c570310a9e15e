"""The semantic diff of two versions of the agreement, in the words the parties negotiate in.

Items keep their identity by id, so a renamed or moved goal, action or indicator is a change of
that item, not a removal and an addition. Each change is classified:

* monitoring update: measurements, action statuses, the approval trail — no new approval;
* editorial: wording only;
* amendment: goals, targets, responsibilities, parties, forums — every party must approve.

Works on the files as written (not the validated model), so an old revision that no longer
validates can still be compared.
"""
from __future__ import annotations

import dataclasses
import difflib
import json
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cooperation.changes import gitrepo
from cooperation.changes.sentences import WHOLE_VALUES, Context, change_label, field_sentence
from cooperation.changes.snapshot import revision_sources
from cooperation.changes.wording import changed_languages, per_language, text_class, word_diff
from cooperation.domain import AMENDMENT, EDITORIAL, MONITORING, MONITORING_PATHS, SITE_ONLY_PATHS
from cooperation.i18n import labels as L
from cooperation.i18n.diff_words import (
    CLASS_HELP,
    CLASS_NAMES,
    LANGUAGE_WORDS,
    MEASUREMENT_WORDS,
    MORE_CHANGES,
    MORE_CHANGES_SHORT,
    MORE_CHANGES_SHORT_ONE,
    SKIPPED_WORDS,
)
from cooperation.i18n.diff_words import DIFF_WORDS as WORDS
from cooperation.i18n.labels import number, partial_date
from cooperation.i18n.messages import ITEM_KINDS
from cooperation.load.sources import Sources
from cooperation.model import fingerprint_of
from cooperation.model.fingerprint import normal_form
from cooperation.schemas import default_schemas, titles_of

ORDER = {None: 0, MONITORING: 1, EDITORIAL: 2, AMENDMENT: 3}  # every class a change can have, by weight


@dataclass
class FieldChange:
    path: str
    titles: dict[str, str]
    old: Any
    new: Any
    kind: str
    shown: dict[str, tuple[str, str]] = field(default_factory=dict)  # lang → (old, new) as readers say it
    text: bool = False  # a text field: shown as an inline word diff
    untranslated: list[str] = field(default_factory=list)  # languages of the agreement whose text did not change
    where: tuple[str, tuple] | None = None  # (file, path in it) in the newer version
    file_kind: str = ""  # the kind of file the item is in (agreement, parties, subarea ...)


@dataclass
class ItemChange:
    kind: str  # goal, action, indicator, party, forum, annex, subarea, agreement
    id: str
    title: Any  # the item's title or name as written (text or per language)
    change: str  # added / removed / changed
    fields: list[FieldChange] = field(default_factory=list)
    # its own data before and after, the parties' names: what its sentences need (derived from the rest: not compared)
    context: Context | None = field(default=None, repr=False, compare=False)
    path: tuple | None = None  # where it is in its file (the newer one; the older one for a removed item)
    subarea: str | None = None  # the sub-area a goal, action or indicator is in

    @property
    def change_class(self) -> str:
        if self.change != "changed":
            return AMENDMENT
        return max((f.kind for f in self.fields), key=ORDER.__getitem__, default=MONITORING)


@dataclass(frozen=True)
class ValueChange:
    """One measured value added, changed or removed: which indicator, area and year, its old and new value."""
    indicator: str
    area: str  # "region" or a party id
    year: int
    old: float | None  # None: added
    new: float | None  # None: removed
    decimals: int = 1  # as the indicator shows its values


@dataclass
class Diff:
    items: list[ItemChange]
    measurements: dict[str, int]
    fingerprint_old: str
    fingerprint_new: str
    main_language: str = "fi"
    skipped: list[gitrepo.Skipped] = field(default_factory=list)  # paths in a revision that were not read
    values: list[ValueChange] = field(default_factory=list)  # the measurements' changes one by one
    area_names: dict[str, Any] = field(default_factory=dict)  # party id → its name as written (either version)

    @property
    def change_class(self) -> str | None:
        classes = [i.change_class for i in self.items] + ([MONITORING] if any(self.measurements.values()) else [])
        return max(classes, key=ORDER.__getitem__, default=None)

    @property
    def fingerprint_changes(self) -> bool:
        return self.fingerprint_old != self.fingerprint_new


# --- collecting items ----------------------------------------------------------------------
def _items(sources: Sources, files: dict | None = None) -> dict[tuple[str, str], tuple[str, tuple, dict, dict]]:
    """(item kind, id) → (file kind, path in the file, data without nested items, location); ``files``
    receives (item kind, id) → the file's name."""
    out: dict = {}
    files = {} if files is None else files
    name = ""

    def put(item_kind, ident, file_kind, path, data, location, nested=()):
        if isinstance(data, dict) and isinstance(ident, str):
            own = {k: v for k, v in data.items() if k not in nested}
            out[(item_kind, ident)] = (file_kind, path, own, location)
            files[(item_kind, ident)] = name

    docs = sources.documents
    agreement = docs.get("agreement")
    if agreement is not None and isinstance(agreement.data, dict):
        name = agreement.name
        put("agreement", str(agreement.data.get("id", "agreement")), "agreement", (), agreement.data, {})
    for file_kind, key, item_kind in (("parties", "parties", "party"), ("forums", "forums", "forum"),
                                      ("annexes", "annexes", "annex")):
        doc = docs.get(file_kind)
        data = doc.data if doc is not None and isinstance(doc.data, dict) else {}
        name = doc.name if doc is not None else ""
        for index, item in enumerate(data.get(key) or []):
            if isinstance(item, dict):
                put(item_kind, item.get("id"), file_kind, (key, index), item, {})
    for doc in sources.subareas:
        data = doc.data if isinstance(doc.data, dict) else {}
        name = doc.name
        sid = data.get("id")
        put("subarea", sid, "subarea", (), data, {}, nested=("goals",))
        for gi, goal in enumerate(data.get("goals") or []):
            if not isinstance(goal, dict):
                continue
            put("goal", goal.get("id"), "subarea", ("goals", gi), goal, {"subarea": sid}, nested=("actions", "indicators"))
            for kind, key in (("action", "actions"), ("indicator", "indicators")):
                for index, item in enumerate(goal.get(key) or []):
                    if isinstance(item, dict):
                        put(kind, item.get("id"), "subarea", ("goals", gi, key, index), item, {"goal": goal.get("id")})
    return out


def _shape(path: tuple) -> tuple:
    """A path as in the monitoring table: list positions as '*'."""
    return tuple("*" if isinstance(p, int) else p for p in path)


def _node(file_kind: str, path: tuple) -> dict | None:
    return default_schemas().node_at(file_kind, tuple(0 if isinstance(p, int) else p for p in path))


def _flatten(value: Any, file_kind: str, path: tuple, out: dict, records: dict) -> None:
    """The leaves of a value by path; a text, a value with its year and a schedule each one leaf, and each list of
    records (decisions, status updates, legal references ...) into ``records`` whole, to be matched record by
    record (a decision added before the others is one added decision, not every later one changed)."""
    node = _node(file_kind, path) if path else None
    if node is not None and node.get("x-kind") in ("text", "markdown"):
        out[path] = value
        return
    if path and path[-1] in WHOLE_VALUES and isinstance(value, dict):
        out[path] = value
        return
    if isinstance(value, dict):
        for key, child in value.items():
            _flatten(child, file_kind, path + (key,), out, records)
    elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        records[path] = value
    elif isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value):
        for index, child in enumerate(value):
            _flatten(child, file_kind, path + (index,), out, records)
    else:
        out[path] = tuple(value) if isinstance(value, list) else value


def _paired(old: list, new: list) -> list[tuple[int | None, Any, int | None, Any]]:
    """The records of two versions of a list that differ: (old index, old, new index, new), an added record
    without the old, a removed one without the new; unchanged records are matched whole and left out."""
    def key(record: Any) -> str:
        return json.dumps(record, sort_keys=True, ensure_ascii=False, default=str)
    out: list[tuple[int | None, Any, int | None, Any]] = []
    matcher = difflib.SequenceMatcher(None, [key(r) for r in old], [key(r) for r in new], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        olds, news = list(range(i1, i2)), list(range(j1, j2))
        for n in range(max(len(olds), len(news))):
            i = olds[n] if n < len(olds) else None
            j = news[n] if n < len(news) else None
            out.append((i, old[i] if i is not None else None, j, new[j] if j is not None else None))
    return out


def _is_text(file_kind: str, path: tuple) -> bool:
    node = _node(file_kind, path)
    return node is not None and node.get("x-kind") in ("text", "markdown")


def _site_only(file_kind: str, path: tuple) -> bool:
    shape = _shape(path)
    return any(shape[: len(only)] == only for only in SITE_ONLY_PATHS.get(file_kind, ()))


def _classify(file_kind: str, path: tuple, old: Any = None, new: Any = None, main: str = "fi") -> str:
    """Monitoring by where the value is; a text change by what changed in it (wording.text_class: editorial
    only for punctuation, whitespace, case or a spelling fix); any other value: an amendment."""
    shape = _shape(path)
    for monitored in MONITORING_PATHS.get(file_kind, ()):
        if shape[: len(monitored)] == monitored:
            return MONITORING
    if _is_text(file_kind, path):
        return text_class(old, new, main) if old is not None and new is not None else AMENDMENT
    return AMENDMENT


def _titles(file_kind: str, item_path: tuple, rel: tuple) -> dict[str, str]:
    parts: dict[str, list[str]] = {"fi": [], "sv": [], "en": []}
    for i, part in enumerate(rel):
        if isinstance(part, int):
            for lang in parts:
                if parts[lang]:
                    parts[lang][-1] += f" {part + 1}"
            continue
        node = _node(file_kind, item_path + rel[: i + 1])
        titles = titles_of(node) if node else {}
        for lang in parts:
            parts[lang].append(titles.get(lang) or titles.get("fi") or str(part))
    return {lang: " › ".join(p) for lang, p in parts.items()}


def _text_equal(old: Any, new: Any, main: str) -> bool:
    def norm(v):
        if isinstance(v, str):
            return {main: v.strip()}
        if isinstance(v, dict):
            return {k: x.strip() if isinstance(x, str) else x for k, x in v.items()}
        return v
    return norm(old) == norm(new)


def to_json_data(diff: Diff) -> dict:
    """The diff as plain data (the cache keeps the diff of each commit: what two commits hold never changes), each
    item's context with it: the sentences read the item's data and the parties' names from it."""
    data = dataclasses.asdict(dataclasses.replace(diff, items=[]))
    data["items"] = [{**dataclasses.asdict(dataclasses.replace(i, context=None)),
                      "context": None if i.context is None else {name: getattr(i.context, name)
                                                                 for name in Context.__slots__}}
                     for i in diff.items]
    return data


def from_json_data(data: dict) -> Diff:
    def field_change(f: dict) -> FieldChange:
        return FieldChange(f["path"], f["titles"], f["old"], f["new"], f["kind"],
                           {lang: tuple(pair) for lang, pair in f["shown"].items()}, f["text"], list(f["untranslated"]),
                           (f["where"][0], tuple(f["where"][1])) if f["where"] else None, f.get("file_kind", ""))

    def item_change(i: dict) -> ItemChange:
        context = Context(**i["context"]) if i.get("context") else None
        return ItemChange(i["kind"], i["id"], i["title"], i["change"], [field_change(f) for f in i["fields"]],
                          context, tuple(i["path"]) if i.get("path") is not None else None, i.get("subarea"))
    return Diff([item_change(i) for i in data["items"]], dict(data["measurements"]), data["fingerprint_old"],
                data["fingerprint_new"], data["main_language"], [gitrepo.Skipped(**x) for x in data["skipped"]],
                [ValueChange(**x) for x in data.get("values", [])], dict(data.get("area_names", {})))


def _identical(a: Any, b: Any) -> bool:
    """The same data, type for type (1, 1.0 and True differ, as in the records' comparison): an item holding it
    has no change to look for, field by field."""
    if a is b:
        return True
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_identical(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_identical(x, y) for x, y in zip(a, b))
    return bool(a == b)


def compare(old: Sources, new: Sources, fingerprints: tuple[str, str] | None = None) -> Diff:
    """The changes from ``old`` to ``new``. ``fingerprints``: the two revisions' own, where ``old`` and ``new`` are
    only their parts that differ (the history's commits); else those of ``old`` and ``new``."""
    languages = ((new.agreement.data or {}).get("languages") or ["fi"]) if new.agreement else ["fi"]
    languages = languages if isinstance(languages, list) and languages else ["fi"]
    main = languages[0]
    files: dict = {}
    before, after = _items(old), _items(new, files)
    names = _party_names(old)
    names.update(_party_names(new))
    goal_subarea = {ident: loc.get("subarea") for items in (before, after)
                    for (kind, ident), (_, _, _, loc) in items.items() if kind == "goal"}

    def subarea_of(kind: str, ident: str, location: dict) -> str | None:
        if kind == "subarea":
            return ident
        return location.get("subarea") or goal_subarea.get(str(location.get("goal")))
    items: list[ItemChange] = []
    for key in list(before) + [k for k in after if k not in before]:
        kind, ident = key
        if key not in after:
            file_kind, path, data, location = before[key]
            items.append(ItemChange(kind, ident, data.get("title") or data.get("name"), "removed",
                                    context=Context(kind, file_kind, data, None, names, main), path=path,
                                    subarea=subarea_of(kind, ident, location)))
            continue
        file_kind, path, data, location = after[key]
        if key not in before:
            items.append(ItemChange(kind, ident, data.get("title") or data.get("name"), "added",
                                    context=Context(kind, file_kind, None, data, names, main), path=path,
                                    subarea=subarea_of(kind, ident, location)))
            continue
        old_kind, old_path, old_data, old_location = before[key]
        if location == old_location and _identical(old_data, data):
            continue  # nothing of it changed (most items of the agreement and the parties in a commit's diff)
        change = ItemChange(kind, ident, data.get("title") or data.get("name"), "changed",
                            context=Context(kind, file_kind, old_data, data, names, main), path=path,
                            subarea=subarea_of(kind, ident, location))
        if location != old_location:
            change.fields.append(FieldChange("location", {k: WORDS["moved"][k] for k in ("fi", "sv", "en")},
                                             " / ".join(f"{v}" for v in old_location.values()),
                                             " / ".join(f"{v}" for v in location.values()), AMENDMENT,
                                             file_kind=file_kind))
        flat_old: dict = {}
        flat_new: dict = {}
        records_old: dict = {}
        records_new: dict = {}
        for k, v in old_data.items():
            _flatten(v, old_kind, old_path + (k,), flat_old, records_old)
        for k, v in data.items():
            _flatten(v, file_kind, path + (k,), flat_new, records_new)
        rel_old = {p[len(old_path):]: v for p, v in flat_old.items()}
        rel_new = {p[len(path):]: v for p, v in flat_new.items()}
        records_rel_old = {p[len(old_path):]: v for p, v in records_old.items()}
        records_rel_new = {p[len(path):]: v for p, v in records_new.items()}
        for records, leaves in ((records_rel_old, rel_new), (records_rel_new, rel_old)):
            for rel in records:  # a list of records emptied (or filled) on one side: records, not a value
                if leaves.get(rel) == ():
                    del leaves[rel]
        for one, other in ((records_rel_old, records_rel_new), (records_rel_new, records_rel_old)):
            for rel in one:
                other.setdefault(rel, [])
        for rel in list(rel_old) + [r for r in rel_new if r not in rel_old]:
            if _site_only(file_kind, path + rel):
                continue  # the website's own settings: no change to the agreement
            a, b = rel_old.get(rel), rel_new.get(rel)
            if a == b or _text_equal(a, b, main) or \
                    normal_form(file_kind, path + rel, a) == normal_form(file_kind, path + rel, b):
                continue
            node = _node(file_kind, path + rel) or {}
            if isinstance(a if a is not None else b, tuple):  # a list of values: describe by its items' node
                node = _node(file_kind, path + rel + (0,)) or node
            shown = {lang: (_display(a, node, lang, main, names), _display(b, node, lang, main, names))
                     for lang in ("fi", "sv", "en")}
            cls = _classify(file_kind, path + rel, a, b, main)
            text = _is_text(file_kind, path + rel) and a is not None and b is not None
            untranslated: list[str] = []
            if text and cls != MONITORING and len(languages) > 1:
                changed, same = changed_languages(a, b, main)
                untranslated = [lang for lang in same if lang in languages] if changed else []
            change.fields.append(FieldChange(".".join(str(p) for p in rel), _titles(file_kind, path, rel), a, b,
                                             cls, shown, text, untranslated, (files.get(key, ""), path + rel),
                                             file_kind))
        for rel in list(records_rel_old) + [r for r in records_rel_new if r not in records_rel_old]:
            for i, a, j, b in _paired(records_rel_old.get(rel, []), records_rel_new.get(rel, [])):
                at = rel + ((j if j is not None else i),)
                cls = _classify(file_kind, path + at)
                if isinstance(a, dict) and isinstance(b, dict):  # a record changed: its fields' weight
                    keys = [k for k in dict.fromkeys([*a, *b]) if a.get(k) != b.get(k)]
                    if len(keys) == 1 and not isinstance(a.get(keys[0], b.get(keys[0])), (dict, list)) or \
                            len(keys) == 1 and _is_text(file_kind, path + at + (keys[0],)):
                        at, a, b = at + (keys[0],), a.get(keys[0]), b.get(keys[0])  # one field of it: that field
                        cls = _classify(file_kind, path + at, a, b, main)
                    else:
                        cls = max((_classify(file_kind, path + at + (k,), a.get(k), b.get(k), main) for k in keys),
                                  key=ORDER.__getitem__, default=MONITORING)
                text = _is_text(file_kind, path + at) and a is not None and b is not None
                change.fields.append(FieldChange(".".join(str(p) for p in at), _titles(file_kind, path, at), a, b,
                                                 cls, text=text, where=(files.get(key, ""), path + at),
                                                 file_kind=file_kind))
        if change.fields:
            items.append(change)
    old_values = {(m.indicator, m.area, m.year): (m.value, m.note) for m in old.measurements}
    new_values = {(m.indicator, m.area, m.year): (m.value, m.note) for m in new.measurements}
    measurements = {"added": sum(1 for k in new_values if k not in old_values),
                    "removed": sum(1 for k in old_values if k not in new_values),
                    "changed": sum(1 for k, v in new_values.items() if k in old_values and old_values[k] != v)}
    decimals = _decimals(old)
    decimals.update(_decimals(new))
    values = [ValueChange(ident, area, year, old_values[key][0] if key in old_values else None,
                          new_values[key][0] if key in new_values else None, decimals.get(ident, 1))
              for key in sorted(set(old_values) | set(new_values), key=lambda k: (k[0], k[1] != "region", k[1], k[2]))
              for ident, area, year in [key]
              if old_values.get(key) != new_values.get(key)]
    fingerprint_old, fingerprint_new = fingerprints or (fingerprint_of(old), fingerprint_of(new))
    return Diff(items, measurements, fingerprint_old, fingerprint_new, main, values=values, area_names=names)


def _decimals(sources: Sources) -> dict[str, int]:
    """Indicator id → how many decimals it shows (1 where not written)."""
    out: dict[str, int] = {}
    for doc in sources.subareas:
        data = doc.data if isinstance(doc.data, dict) else {}
        for goal in data.get("goals") or []:
            for indicator in (goal.get("indicators") or []) if isinstance(goal, dict) else []:
                if isinstance(indicator, dict) and isinstance(indicator.get("id"), str):
                    shown = indicator.get("decimals", 1)
                    out[indicator["id"]] = shown if isinstance(shown, int) and 0 <= shown <= 3 else 1
    return out


def value_line(change: ValueChange, lang: str, main: str, area_names: dict[str, Any]) -> str:
    """"HYTE-1-M1, Kuusiniemen kaupunki, 2024: 16,8 → 17,2" (a value added: "– → 17,2")."""
    if change.area == "region":
        area = L.word("region", lang).capitalize()
    else:
        area = show(area_names[change.area], lang, main) if area_names.get(change.area) else change.area
    old, new = (number(v, change.decimals, lang) if v is not None else "–" for v in (change.old, change.new))
    return f"{change.indicator}, {area}, {change.year}: {old} → {new}"


_ALL = ("all_municipalities", "region")  # words of labels.WORDS


def _party_names(sources: Sources) -> dict[str, Any]:
    doc = sources.documents.get("parties")
    data = doc.data if doc is not None and isinstance(doc.data, dict) else {}
    return {p["id"]: p.get("name") for p in data.get("parties") or []
            if isinstance(p, dict) and isinstance(p.get("id"), str)}


_ISO_DAY = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def _display(value: Any, node: dict, lang: str, main: str, names: dict) -> str:
    """A value (or each value of a list, ``node`` then describing the items) as a reader says it:
    enum labels, party names, yes/no."""
    labels = node.get("x-enum") or {}
    party = node.get("x-ref") == "party"
    dated = node.get("format") in ("date", "partial-date")

    def one(v: Any) -> str:
        if dated and isinstance(v, (str, int)) and _ISO_DAY.fullmatch(str(v)):
            return partial_date(str(v), lang)  # "2026-02-14" → "14.2.2026", "2026-09" → "9/2026"
        if isinstance(v, str) and v in _ALL and party:
            return L.word(v, lang)
        if isinstance(v, str) and party and v in names:
            return show(names[v], lang, main)
        if labels and str(v) in labels:
            return labels[str(v)].get(lang) or labels[str(v)]["fi"]
        return show(v, lang, main)
    if isinstance(value, (list, tuple)):
        return ", ".join(one(v) for v in value)
    return one(value)


# --- revisions -------------------------------------------------------------------------------
def diff_revisions(root: Path, base: str, head: str | None = None) -> Diff:
    skipped: list[gitrepo.Skipped] = []
    with tempfile.TemporaryDirectory() as tmp:
        diff = compare(revision_sources(root, base, Path(tmp), skipped), revision_sources(root, head, Path(tmp), skipped))
    diff.skipped = skipped
    return diff


# --- output ----------------------------------------------------------------------------------
_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|#~"})


def md_text(text: str) -> str:
    """Data as Markdown text: nothing interpreted, no @mentions, one line."""
    return " ".join(str(text).split()).translate(_MD_SPECIAL).replace("@", "@\u200b")


def show(value: Any, lang: str, main: str) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return WORDS["yes" if value else "no"][lang]
    if isinstance(value, dict) and value and all(isinstance(v, str) for v in value.values()):
        return value.get(lang) or value.get(main) or next(iter(value.values()))
    if isinstance(value, (list, tuple)):
        return ", ".join(show(v, lang, main) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


# items whose ids readers use ("HYTE-1-T1"); the others' ids are the files' own (a forum "lapset-ja-nuoret", a party
# "kuusiniemi"): readers see their names instead
SHOWN_IDS = ("goal", "action", "indicator")


def item_label(item: ItemChange, lang: str, main: str) -> str:
    """"Toimenpide HYTE-1-T1 (Liikuntaneuvonta)"; "Forum: Forum för tjänster för barn och unga" (no file's id)."""
    kind = ITEM_KINDS.get(item.kind, {}).get(lang, item.kind)
    title = show(item.title, lang, main) if item.title else ""
    if len(title) > 80:
        title = title[:77] + "…"
    if item.kind not in SHOWN_IDS and title:
        return f"{kind}: {title}"
    return f"{kind} {item.id}" + (f" ({title})" if title else "")


def field_line(item: ItemChange, f: FieldChange, lang: str, main: str) -> str:
    """One change as a sentence in the parties' words ("HYTE-2-T2: tila päivitetty 10.2.2026: käynnissä";
    "HYTE-1-M1, tavoitetaso 2028: 14,0 % → 13,0 %"): changes/sentences.py."""
    return field_sentence(item, f, lang if lang in ("fi", "sv", "en") else "fi", main)


CONTEXT_CHARS = 60  # unchanged text kept around a change in an inline diff


def text_runs(f: FieldChange, lang: str, main: str) -> list[tuple[str, str]]:
    """A text field's change in ``lang`` (else the main language) as word runs, long unchanged runs
    shortened to their ends."""
    old, new = per_language(f.old, main), per_language(f.new, main)
    use = lang if lang in old or lang in new else main
    runs = word_diff(" ".join(old.get(use, "").split()), " ".join(new.get(use, "").split()))
    out = []
    for i, (op, text) in enumerate(runs):
        if op == "=" and len(text) > 2 * CONTEXT_CHARS:
            head = text[:CONTEXT_CHARS] if i > 0 else ""
            tail = text[-CONTEXT_CHARS:] if i < len(runs) - 1 else ""
            text = (head + " … " + tail).strip() if head or tail else text
            text = (" " if i > 0 else "") + text + (" " if i < len(runs) - 1 else "")
        out.append((op, text))
    return out


def _md_piece(text: str, mark: str = "") -> str:
    core = md_text(text)
    if not core:
        return " " if text else ""
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() else ""
    return f"{lead}{mark}{core}{mark}{trail}"


def inline_markdown(f: FieldChange, lang: str, main: str) -> str:
    """Old words struck (~~…~~), new ones bold, everything else as it was; data never interpreted."""
    marks = {"=": "", "-": "~~", "+": "**"}
    return "".join(_md_piece(text, marks[op]) for op, text in text_runs(f, lang, main))


def untranslated_note(f: FieldChange, lang: str) -> str:
    """"ruotsinkielinen teksti ei muuttunut" for each language of the agreement left as it was."""
    return "; ".join(WORDS["untranslated"][lang].format(language=LANGUAGE_WORDS.get(code, {}).get(lang, code))
                     for code in f.untranslated)


MIN_MAX_CHARS = 1000  # room for the class, the fingerprint and the notice


def to_markdown(diff: Diff, lang: str = "fi", max_chars: int | None = None) -> str:
    """The diff as Markdown; with ``max_chars``, cut at a whole line to fit (a pull-request comment
    holds 65,536 characters), ending with how many changes were left out."""
    lang = lang if lang in ("fi", "sv", "en") else "fi"
    if max_chars is not None and max_chars < MIN_MAX_CHARS:
        raise ValueError(f"max_chars must be at least {MIN_MAX_CHARS}")
    main = diff.main_language
    cls = diff.change_class
    lines: list[tuple[str, bool]] = []  # (line, whether it is one change)
    if cls is None:
        head = [WORDS["no_changes"][lang]]
    else:
        head = [f"**{WORDS['change'][lang]}: {CLASS_NAMES[cls][lang]}** ({CLASS_HELP[cls][lang]})", ""]
        if diff.fingerprint_changes:
            head.append(f"{WORDS['fingerprint_changes'][lang]}: `{diff.fingerprint_old[:16]}…` → "
                        f"`{diff.fingerprint_new[:16]}…`")
        else:
            head.append(f"{WORDS['fingerprint_same'][lang]} (`{diff.fingerprint_new[:16]}…`).")
    if diff.skipped:
        lines += [("", False), (f"#### {SKIPPED_WORDS['heading'][lang]}", False), ("", False)]
        lines += [(f"- {md_text(s.path)} ({s.commit[:12]}): {SKIPPED_WORDS[s.reason][lang]}", False)
                  for s in diff.skipped]
    for change in ("changed", "added", "removed") if cls is not None else ():
        items = [i for i in diff.items if i.change == change]
        if not items:
            continue
        lines += [("", False), (f"#### {WORDS[change][lang]}", False), ("", False)]
        for item in items:
            if change == "changed":
                for f in item.fields:
                    if f.text:
                        head_text = md_text(change_label(item, f, lang, main))
                        line = f"- {head_text}: {inline_markdown(f, lang, main)} _({CLASS_NAMES[f.kind][lang]})_"
                    else:
                        line = f"- {md_text(field_line(item, f, lang, main))} _({CLASS_NAMES[f.kind][lang]})_"
                    if f.untranslated:
                        line += f" – ⚠ {md_text(untranslated_note(f, lang))}"
                    lines.append((line, True))
            else:
                lines.append((f"- {md_text(item_label(item, lang, main))}", True))
    if any(diff.measurements.values()):
        lines += [("", False), (f"#### {WORDS['measurements'][lang]}", False), ("", False),
                  (MEASUREMENT_WORDS[lang].format(**diff.measurements).capitalize() + ":", False), ("", False)]
        lines += [(f"- {md_text(value_line(v, lang, main, diff.area_names))}", True) for v in diff.values]
    text = "\n".join(head + [line for line, _ in lines]) + "\n"
    if max_chars is None or len(text) <= max_chars:
        return text
    return _capped(head, lines, lang, max_chars)


def _capped(head: list[str], lines: list[tuple[str, bool]], lang: str, max_chars: int) -> str:
    total = sum(1 for _, counts in lines if counts)
    budget = max_chars - len(MORE_CHANGES[lang].format(n=total)) - 3  # the notice, a blank line, newlines
    kept, size, shown = list(head), len("\n".join(head)), 0
    for line, counts in lines:
        if size + 1 + len(line) > budget:
            break
        kept.append(line)
        size += 1 + len(line)
        shown += counts
    while len(kept) > len(head) and not kept[-1].startswith("- "):  # no heading without its lines
        kept.pop()
    return "\n".join(kept + ["", MORE_CHANGES[lang].format(n=total - shown)]) + "\n"


def to_json(diff: Diff, lang: str = "fi") -> dict:
    main = diff.main_language
    return {
        "class": diff.change_class,
        "class_name": CLASS_NAMES[diff.change_class][lang] if diff.change_class else None,
        "fingerprint": {"old": diff.fingerprint_old, "new": diff.fingerprint_new, "changes": diff.fingerprint_changes},
        "items": [{"kind": i.kind, "id": i.id, "change": i.change, "class": i.change_class,
                   "label": item_label(i, lang, main),
                   "fields": [{"field": f.path, "title": f.titles.get(lang), "old": f.old, "new": f.new, "class": f.kind,
                               "text": field_line(i, f, lang, main),
                               "untranslated": f.untranslated} for f in i.fields]}
                  for i in diff.items],
        "measurements": diff.measurements,
        "values": [{"indicator": v.indicator, "area": v.area, "year": v.year, "old": v.old, "new": v.new,
                    "text": value_line(v, lang, main, diff.area_names)} for v in diff.values],
        "skipped": [{"commit": s.commit, "path": s.path, "reason": s.reason} for s in diff.skipped],
    }


def untranslated_problems(diff: Diff, sources: Sources) -> list:
    """`validate --base REV`: a warning at each text changed in one language of the agreement and not in
    another, at its line in the newer files."""
    from cooperation.check.checker import Checker
    docs = {doc.name: (kind, doc) for kind, doc in sources.yaml_documents()}
    checker = Checker(sources, checks=())
    for item in diff.items:
        for f in item.fields:
            if not f.untranslated or f.where is None or f.where[0] not in docs:
                continue
            kind, doc = docs[f.where[0]]
            checker.warning("text_not_translated", doc, kind, f.where[1],
                            languages={lang: ", ".join(LANGUAGE_WORDS.get(code, {}).get(lang, code)
                                                       for code in f.untranslated) for lang in ("fi", "sv", "en")})
    return checker.result.problems


SUMMARY_ITEMS = 3  # changes named in a summary; the rest are counted
SUMMARY_SENTENCE_CHARS = 100  # a longer sentence is summarised as "<what>: <field> muutettu"


def summary(diff: Diff, lang: str = "fi", limit: int = SUMMARY_ITEMS) -> str:
    """The change in the parties' words, for a heading: "HYTE-1-M1, tavoitetaso 2028: 14,0 % → 13,0 %; …"."""
    from cooperation.changes.sentences import item_phrase, label, phrase, title
    lang = lang if lang in ("fi", "sv", "en") else "fi"
    main = diff.main_language
    parts: list[str] = []
    for item in sorted(diff.items, key=lambda i: -ORDER[i.change_class]):  # amendments first
        if item.change != "changed":
            parts.append(item_phrase(item.change, item.kind, label(item, lang, main), lang))
            continue
        for f in sorted(item.fields, key=lambda f: -ORDER[f.kind]):
            sentence = field_line(item, f, lang, main)
            if len(sentence) > SUMMARY_SENTENCE_CHARS:
                where = f.where[1] if f.where else (f.path,)
                name = title(f.file_kind, tuple(where), lang) \
                    if f.file_kind else f.titles.get(lang, f.path).lower()
                sentence = f"{label(item, lang, main)}, " + phrase("text_changed", lang).format(field=name)
            parts.append(sentence)
    if diff.values:  # which values, not how many: "HYTE-1-M1, Kuusiniemen kaupunki, 2024: 16,8 → 17,2"
        parts += [value_line(v, lang, main, diff.area_names) for v in diff.values]
    elif any(diff.measurements.values()):
        parts.append(f"{WORDS['measurements'][lang]}: " + MEASUREMENT_WORDS[lang].format(**diff.measurements))
    text = "; ".join(parts[:limit])
    if len(parts) > limit:
        more = len(parts) - limit
        text += " " + (MORE_CHANGES_SHORT_ONE[lang] if more == 1 else MORE_CHANGES_SHORT[lang].format(n=more))
    return " ".join(text.split())

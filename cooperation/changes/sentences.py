"""A change of the semantic diff in the parties' words: one sentence per change, never a field path.

    HYTE-2-T2: tila päivitetty 10.2.2026: käynnissä
    Kuusiniemen kaupunginvaltuusto hyväksyi sopimuksen 16.3.2026 (§ 19)
    HYTE-1-M1, tavoitetaso 2028: 14,0 % → 13,0 %
    HYTE-1-T1, aikataulu: 1/2026–12/2027 → 1/2027–12/2028

diff.py keeps a record of a list (a decision, a status update, a signatory, a legal reference) and a value with its
year (a baseline or target) or a schedule whole, as one change; here each is said as a reader says it: dates as
dates, numbers with a decimal comma, the unit and the year, parties by name, codes by their words. Every output
that shows a change (the pull-request comment, the history, the Atom feed, the home page, a goal's history, the
change annex, the yearly report) reads these sentences through ``diff.field_line`` and ``diff.summary``.

An added or removed item is told with every field it has (``item_fields``), so the change annex can say what a
new action is (its parties, lead and schedule) and what a removed one said.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from cooperation.i18n import labels as L
from cooperation.i18n.diff_words import DIFF_WORDS as WORDS
from cooperation.i18n.messages import ITEM_KINDS
from cooperation.i18n.sentence_words import PHRASES
from cooperation.i18n.sentence_words import SV_ITEMS as _SV_ITEMS
from cooperation.model import statements as S
from cooperation.schemas import default_schemas, titles_of

if TYPE_CHECKING:
    from cooperation.changes.diff import FieldChange, ItemChange

LANGS = ("fi", "sv", "en")
SHORT_TEXT = 100  # a text at most this long is quoted whole in a sentence; a longer one "muutettu" (documents show it)
WHOLE_VALUES = ("baseline", "target", "schedule", "validity", "council_term")  # dicts told as one value
_ISO_DAY = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

def item_phrase(change: str, kind: str, shown: str, lang: str) -> str:
    """"Uusi toimenpide HYTE-1-T3", "Nytt mål HYTE-9", "Borttagen åtgärd HYTE-1-T2"."""
    if lang == "sv":
        return f"{_SV_ITEMS[change].get(kind, kind)} {shown}".strip()
    name = ITEM_KINDS.get(kind, {}).get(lang, kind)
    return phrase("new_item" if change == "added" else "removed_item", lang).format(
        kind=name[:1].lower() + name[1:], label=shown).strip()


def phrase(key: str, lang: str) -> str:
    entry = PHRASES[key]
    return entry.get(lang) or entry["fi"]


# --- values as readers say them ------------------------------------------------------------------------------
def text_of(value: Any, lang: str, main: str) -> str:
    """A text in ``lang`` (else the main language, else any), a plain string as it is."""
    if isinstance(value, dict):
        texts = {k: v for k, v in value.items() if isinstance(v, str)}
        return " ".join((texts.get(lang) or texts.get(main) or next(iter(texts.values()), "")).split())
    return " ".join(str(value).split()) if value is not None else ""


def is_text_dict(value: Any) -> bool:
    return isinstance(value, dict) and bool(value) and all(isinstance(v, str) for v in value.values()) and \
        all(len(k) == 2 for k in value)


def number(value: float | int, lang: str, decimals: int | None = None) -> str:
    """12.5 → "12,5": as written (a whole number without decimals), or with the indicator's decimals."""
    if decimals is None:
        decimals = 0 if float(value).is_integer() else len(repr(float(value)).split(".")[1])
    return L.number(float(value), decimals, lang)


def day(value: str, lang: str) -> str:
    return L.partial_date(value, lang) if isinstance(value, str) and _ISO_DAY.match(value) else str(value)


class Context:
    """What a change's values need to be told: the item's own data before and after (an indicator's unit and
    decimals) and the parties' names."""

    __slots__ = ("kind", "file_kind", "before", "after", "names", "main")

    def __init__(self, kind: str, file_kind: str, before: dict | None, after: dict | None, names: dict, main: str):
        self.kind, self.file_kind, self.before, self.after, self.names, self.main = \
            kind, file_kind, before or {}, after or {}, names, main

    def own(self, key: str) -> Any:
        return self.after.get(key, self.before.get(key))

    def party(self, ref: Any, lang: str) -> str:
        if ref == "all_municipalities":
            return L.word("all_municipalities", lang) if lang != "en" else "all municipalities"
        if ref == "region":
            return L.word("region", lang) if lang != "en" else "the whole region"
        name = self.names.get(ref)
        return text_of(name, lang, self.main) if name else str(ref)

    def value_at(self, value: Any, lang: str, with_year: bool = True) -> str:
        """{year, value} of an indicator: "14,0 % (2028)" in its unit and decimals."""
        if not isinstance(value, dict):
            return display(self, value, None, lang)
        unit, decimals = self.own("unit"), self.own("decimals")
        amount = value.get("value")
        if isinstance(amount, (int, float)) and not isinstance(amount, bool):
            # the indicator's decimals, or more where the value has them: a change is never rounded away
            written = 0 if float(amount).is_integer() else len(repr(float(amount)).split(".")[1])
            places = max(decimals if isinstance(decimals, int) else 0, written)
            shown = L.with_unit(float(amount), unit, places, lang) if isinstance(unit, str) \
                else number(amount, lang, places)
        else:
            shown = "–"
        return f"{shown} ({value.get('year')})" if with_year and value.get("year") is not None else shown


def _node(file_kind: str, path: tuple) -> dict | None:
    return default_schemas().node_at(file_kind, tuple(0 if isinstance(p, int) else p for p in path))


def title(file_kind: str, path: tuple, lang: str) -> str:
    """A field's title in ``lang``, lower case, as it reads inside a sentence."""
    node = _node(file_kind, path)
    titles = titles_of(node) if node else {}
    text = titles.get(lang) or titles.get("fi")
    if not text and len(path) > 1 and isinstance(path[-1], int):  # an item of a list: the list's title and its number
        return f"{title(file_kind, path[:-1], lang)} {path[-1] + 1}"
    text = text or str(path[-1])
    return text[:1].lower() + text[1:] if not text[1:2].isupper() else text


def _labels(file_kind: str, path: tuple) -> dict:
    return default_schemas().enum_labels(file_kind, tuple(0 if isinstance(p, int) else p for p in path))


def display(ctx: Context, value: Any, path: tuple | None, lang: str) -> str:
    """Any value of the data as a reader says it, by its place in the schema (``path`` within the file)."""
    if value is None:
        return "–"
    node = (_node(ctx.file_kind, path) if path is not None else None) or {}
    key = path[-1] if path else None
    if isinstance(value, bool):
        return WORDS["yes" if value else "no"].get(lang, "yes" if value else "no")
    if key in ("baseline", "target"):
        return ctx.value_at(value, lang)
    if key in ("schedule", "validity", "council_term") and isinstance(value, dict):
        return "–".join(day(value[k], lang) for k in ("start", "end") if value.get(k))
    if key == "source" and isinstance(value, dict) and value.get("sotkanet") is not None:
        return L.word("sotkanet", lang).format(id=value["sotkanet"])
    if is_text_dict(value):
        return plain_markdown(text_of(value, lang, ctx.main))
    labels = _labels(ctx.file_kind, path) if path is not None else {}
    if isinstance(value, (list, tuple)):
        item_path = (path or ()) + (0,)
        return ", ".join(labels[str(v)].get(lang) or labels[str(v)]["fi"] if str(v) in labels
                         else display(ctx, v, item_path, lang) for v in value)
    if isinstance(value, dict):  # a record: its fields by title, "Sotkanet-indikaattori: 717"
        parts = [(k, v) for k, v in value.items() if v not in (None, "", [], {}) and k not in ("github",)]
        if len(parts) == 1 and parts[0][0] in ("name", "title", "text"):
            return display(ctx, parts[0][1], (path or ()) + (parts[0][0],), lang)
        return ", ".join(f"{title(ctx.file_kind, (path or ()) + (k,), lang)}: {display(ctx, v, (path or ()) + (k,), lang)}"
                         if k not in ("name", "party", "body", "law") else display(ctx, v, (path or ()) + (k,), lang)
                         for k, v in parts)
    if node.get("x-ref") == "party" or (node.get("$ref") or "").endswith(("party_ref", "party_set_ref", "area_ref")):
        return ctx.party(value, lang)
    if str(value) in labels:
        return labels[str(value)].get(lang) or labels[str(value)]["fi"]
    if isinstance(value, (int, float)):
        return str(value) if key in ("year", "section", "sotkanet", "months", "order") or isinstance(value, int) \
            else number(value, lang)
    return plain_markdown(day(value, lang)) if isinstance(value, str) else str(value)


_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\3(?![\w*])")
_LINK = re.compile(r"\[([^\]]+)\]\((\S+?)\)")
_HEADING = re.compile(r"(?m)^#{1,6}\s+")


def plain_markdown(text: str) -> str:
    """A Markdown field as the words a document prints: emphasis marks and heading marks out, a link as its text
    and address ("**sitova**" → "sitova", "[THL](https://thl.fi)" → "THL (https://thl.fi)")."""
    text = _LINK.sub(lambda m: f"{m.group(1)} ({m.group(2)})", text)
    text = _HEADING.sub("", text)
    previous = None
    while previous != text:
        previous = text
        text = _EMPHASIS.sub(lambda m: m.group(2) if m.group(2) is not None else m.group(4), text)
    return text


# --- sentences ----------------------------------------------------------------------------------------------
def label(item: ItemChange, lang: str, main: str) -> str:
    """What a sentence is about: a goal's, action's or indicator's id; a party, forum, annex or sub-area by name;
    "Sopimus" for the agreement's own fields."""
    if item.kind in ("goal", "action", "indicator"):
        return str(item.id)
    if item.kind == "agreement":
        return ITEM_KINDS["agreement"].get(lang, "Agreement")
    name = text_of(item.title, lang, main) if item.title else ""
    return name or str(item.id)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _at(data: Any, path: tuple) -> Any:
    for part in path:
        if isinstance(part, int) and isinstance(data, list) and part < len(data):
            data = data[part]
        elif isinstance(part, str) and isinstance(data, dict):
            data = data.get(part)
        else:
            return None
    return data


def field_sentence(item: ItemChange, f: FieldChange, lang: str, main: str) -> str:
    """One change of one item as a sentence."""
    ctx: Context = item.context or Context(item.kind, f.file_kind, None, None, {}, main)
    who = label(item, lang, main)
    if f.path == "location":
        return f"{who}: {f.titles.get(lang, '').lower()} {f.old} → {f.new}"
    path = tuple(int(p) if p.isdigit() else p for p in f.path.split("."))
    full = f.where[1] if f.where else path
    key, last = path[0], path[-1]
    record = isinstance(last, int)  # a record of a list, whole
    indexes = [n for n, p in enumerate(path) if isinstance(p, int)]
    if indexes and not record:  # one field of a record: the record as it is now, and as it was
        at = indexes[-1] + 1
        now = _at(ctx.after, path[:at]) if f.new is not None or _at(ctx.after, path[:at]) is not None else None
        now = now if isinstance(now, dict) else {}
        then = {**now, path[at]: f.old} if len(path) == at + 1 else now
        if key == "decisions":
            return _decision(then, now, ctx, full[:len(full) - len(path) + at], lang)
        if key == "status_history":
            return _status_update(who, then, now, ctx, full[:len(full) - len(path) + at], lang)
        hint = _record_hint(ctx, now, full[:len(full) - len(path) + at], lang)
        name = title(ctx.file_kind, full, lang)
        where = title(ctx.file_kind, full[:len(full) - len(path) + at - 1], lang)
        who = f"{who}, {where}" + (f" ({hint})" if hint else "")
        return _plain_change(who, name, f, ctx, full, lang, main)
    if record and key == "status_history":
        return _status_update(who, f.old, f.new, ctx, full, lang)
    if record and key == "decisions":
        return _decision(f.old, f.new, ctx, full, lang)
    if record and key == "signatories":
        which = "signatory_added" if f.old is None else "signatory_removed" if f.new is None else None
        if which:
            return f"{who}: " + phrase(which, lang).format(who=display(ctx, f.new if f.old is None else f.old, full, lang))
    name = title(ctx.file_kind, full[:-1] if record else full, lang)
    if key in ("baseline", "target") and isinstance(f.old, dict) and isinstance(f.new, dict) \
            and f.old.get("year") == f.new.get("year"):
        return (f"{who}, {name} {f.new.get('year')}: {ctx.value_at(f.old, lang, with_year=False)} → "
                f"{ctx.value_at(f.new, lang, with_year=False)}")
    return _plain_change(who, name, f, ctx, full, lang, main)


def _plain_change(who: str, name: str, f: FieldChange, ctx: Context, full: tuple, lang: str, main: str) -> str:
    if f.old is None:
        return f"{who}: " + phrase("value_added", lang).format(field=name, new=display(ctx, f.new, full, lang))
    if f.new is None:
        return f"{who}: " + phrase("value_removed", lang).format(field=name, old=display(ctx, f.old, full, lang))
    if f.text:
        from cooperation.changes.wording import changed_languages
        from cooperation.i18n.diff_words import LANGUAGE_WORDS
        changed, _ = changed_languages(f.old, f.new, main)
        if changed and lang not in changed and lang in (f.new if isinstance(f.new, dict) else {main: f.new}):
            languages = ", ".join(LANGUAGE_WORDS.get(code, {}).get(lang, code) for code in changed)
            return f"{who}, " + phrase("changed_in", lang).format(field=name, language=languages)
        old, new = plain_markdown(text_of(f.old, lang, main)), plain_markdown(text_of(f.new, lang, main))
        if len(old) > SHORT_TEXT or len(new) > SHORT_TEXT:
            return f"{who}, " + phrase("text_changed", lang).format(field=name)
        return f"{who}, {name}: ”{old}” → ”{new}”"
    return f"{who}, {name}: {display(ctx, f.old, full, lang)} → {display(ctx, f.new, full, lang)}"


def _record_hint(ctx: Context, record: dict, path: tuple, lang: str) -> str:
    """Which record of a list a change is in, by its name, title or date."""
    for key in ("name", "title", "law", "body", "date", "party", "id"):
        if record.get(key) not in (None, "", {}):
            return display(ctx, record[key], path + (key,), lang)
    return ""


def _status_update(who: str, old: Any, new: Any, ctx: Context, path: tuple, lang: str) -> str:
    entry = new if new is not None else old
    entry = entry if isinstance(entry, dict) else {}
    status = display(ctx, entry.get("status"), path + ("status",), lang)
    when = day(str(entry["date"]), lang) if entry.get("date") else "–"
    note = text_of(entry.get("note"), lang, ctx.main) if entry.get("note") else ""
    key = "status_updated" if old is None else "status_update_removed" if new is None else "status_update_corrected"
    text = f"{who}: " + phrase(key, lang).format(date=when, status=status)
    return text + (f" – {note}" if note and new is not None else "")


def decision_text(ctx: Context, decision: dict, lang: str) -> str:
    """A decision record as minutes say it: "Kuusiniemen kaupunginvaltuusto hyväksyi sopimuksen 16.3.2026 (§ 19)"."""
    body = text_of(decision.get("body"), lang, ctx.main)
    party = text_of(ctx.own("name"), lang, ctx.main)
    section = decision.get("section")
    return S.decision_sentence(party, body, str(decision.get("outcome", "")), decision.get("date"),
                               section if isinstance(section, int) else None, lang, decision.get("version"))


def _decision(old: Any, new: Any, ctx: Context, path: tuple, lang: str) -> str:
    if old is None and isinstance(new, dict):
        return decision_text(ctx, new, lang)
    if new is None and isinstance(old, dict):
        return phrase("decision_removed", lang).format(decision=decision_text(ctx, old, lang))
    old, new = (old if isinstance(old, dict) else {}), (new if isinstance(new, dict) else {})
    changes = "; ".join(f"{title(ctx.file_kind, path + (k,), lang)} {display(ctx, old.get(k), path + (k,), lang)} → "
                        f"{display(ctx, new.get(k), path + (k,), lang)}"
                        for k in dict.fromkeys([*old, *new]) if old.get(k) != new.get(k))
    return phrase("decision_corrected", lang).format(decision=decision_text(ctx, old, lang), changes=changes)


def change_label(item: ItemChange, f: FieldChange, lang: str, main: str) -> str:
    """What a text change is of, before its word diff: "HYTE-1-T1, kuvaus"."""
    ctx = item.context
    where = f.where[1] if f.where else ()
    name = title(f.file_kind or (ctx.file_kind if ctx else ""), where, lang) if where and (f.file_kind or ctx) \
        else f.titles.get(lang, f.path).lower()
    return f"{label(item, lang, main)}, {name}"


def item_heading(item: ItemChange, lang: str, main: str) -> str:
    """"Uusi toimenpide HYTE-1-T3: Liikuntaneuvonta …" (the title whole), "Poistettu mittari HYTE-1-M2: …"."""
    name = text_of(item.title, lang, main) if item.title else ""
    ident = str(item.id) if item.kind in ("goal", "action", "indicator") else ""
    shown = f"{ident}: {name}" if ident and name else ident or name
    if item.change == "changed":
        return f"{ITEM_KINDS.get(item.kind, {}).get(lang, item.kind)} {shown}"
    return item_phrase(item.change, item.kind, shown, lang)


def item_fields(item: ItemChange, lang: str, main: str) -> list[tuple[str, str]]:
    """Every field an added item has (a removed one had), as (title, value): its parties, lead, schedule,
    baseline, target, description ... in the schema's order; ids, titles and monitoring workflow left out."""
    ctx = item.context
    if ctx is None:
        return []
    data = ctx.after if item.change == "added" else ctx.before
    base = item.path or ()
    out = []
    for key, value in data.items():
        if key in ("id", "title", "name", "status_history", "order") or value in (None, "", [], {}):
            continue
        out.append((_cap(title(ctx.file_kind, base + (key,), lang)), display(ctx, value, base + (key,), lang)))
    return out

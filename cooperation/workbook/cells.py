"""How each value is shown in a workbook cell, and read back from one.

Codes are shown as words of the workbook's language (the schema's value labels, the item levels of
``i18n.labels``) and read back from the words of either language or from the codes; numbers are read with a
decimal comma or point, a percent sign and spaces (no-break ones too) between thousands; parties by name.
What is not a value of its column raises ``Invalid`` with a message code and its parameters, which the import
reports at the cell.
"""
from __future__ import annotations

import datetime
import functools
import json
import math
import re
from typing import Any

from cooperation.domain import ALL_MUNICIPALITIES, REGION
from cooperation.i18n import labels as L
from cooperation.workbook.layout import (
    FIELDS,
    LANGUAGES,
    LEVELS,
    NAME_FIELD,
    TEXT_FIELDS,
    all_municipalities_words,
    enum_at,
    normal,
)

MISSING: Any = object()  # a field or part a side does not have


def filled(value: Any) -> bool:
    """Whether a cell holds anything (a text of spaces only is empty)."""
    return value is not None and (not isinstance(value, str) or value.strip() != "")


class Invalid(Exception):
    """A cell's content is no value of its column: a message code and its parameters say why."""

    def __init__(self, code: str, **params: Any):
        super().__init__(code)
        self.code, self.params = code, params


# --- the data sheet's values ------------------------------------------------------------------------------------
_NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_SPECIAL = {"true": True, "false": False, "null": None}


def encode_value(value: Any) -> str:
    """A data-sheet value as the text of its cell: numbers keep their form (46.0 stays 46.0), a text that would
    read as something else is written in quotes."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    if isinstance(value, dict):
        return "{}"
    if isinstance(value, list):
        return "[]"
    text = str(value)
    if _NUMBER.fullmatch(text) or text in _SPECIAL or text in ("{}", "[]") or text.startswith('"'):
        return json.dumps(text, ensure_ascii=False)
    return text


def decode_value(cell: Any) -> Any:
    """The value a data-sheet cell holds (encode_value's inverse); a number typed into the cell is a number."""
    if isinstance(cell, bool) or isinstance(cell, (int, float)):
        return cell
    if isinstance(cell, (datetime.datetime, datetime.date)):  # a date typed into the cell
        return cell.date().isoformat() if isinstance(cell, datetime.datetime) else cell.isoformat()
    text = "" if cell is None else str(cell)
    if _NUMBER.fullmatch(text):
        return json.loads(text)
    if text in _SPECIAL:
        return _SPECIAL[text]
    if text == "{}":
        return {}
    if text == "[]":
        return []
    if len(text) >= 2 and text.startswith('"') and text.endswith('"'):
        try:
            return json.loads(text)
        except ValueError:
            return text
    return text


# --- words for codes ----------------------------------------------------------------------------------------------
def level_word(level: str, lang: str) -> str:
    return L.word(level, lang)


@functools.cache
def _level_words() -> dict[str, str]:
    found = {normal(level): level for level in LEVELS}
    found.update({normal(L.word(level, lang)): level for level in LEVELS for lang in LANGUAGES})
    return found


def read_level(text: Any) -> str | None:
    return _level_words().get(normal(text))


def enum_word(labels: dict[str, dict[str, str]], value: Any, lang: str) -> Any:
    """A code as the word of the workbook's language (the value itself when it is no code of the field)."""
    entry = labels.get(value) if isinstance(value, str) else None
    return (entry.get(lang) or entry.get("fi") or value) if entry else value


def unit_word(value: Any, lang: str) -> Any:
    """An indicator's unit as the workbook shows it (a column the import does not read): the word of the workbook's
    language with no-break spaces in its number ("/ 1 000 asukasta" stays on one line in a narrow cell)."""
    word = enum_word(enum_at("indicator", ("unit",)), value, lang)
    return L.no_break_unit(word) if isinstance(word, str) else word


@functools.lru_cache(maxsize=256)
def _words(level: str, shape: tuple) -> dict[str, str]:
    """Every word of an enum field (of any language of its labels, and the code itself) → code; a word two codes
    share is left out (only its code is read)."""
    found: dict[str, str | None] = {}
    for code, words in enum_at(level, shape).items():
        for word in [code, *(w for k, w in words.items() if k in ("fi", "sv", "en") and isinstance(w, str))]:
            found[normal(word)] = code if found.get(normal(word), code) == code else None
    for code in enum_at(level, shape):  # a code always reads as itself
        found[normal(code)] = code
    return {word: code for word, code in found.items() if code is not None}


def read_enum(level: str, shape: tuple, text: Any, column: str, lang: str) -> str:
    """The code a cell's word names (the field at ``shape`` of a ``level`` item); Invalid names the words of the
    workbook's language."""
    code = _words(level, shape).get(normal(text))
    if code is None:
        raise Invalid("workbook_unknown_word", value=_shown(text), column=column,
                      allowed=allowed_words(enum_at(level, shape), lang))
    return code


def allowed_words(labels: dict[str, dict[str, str]], lang: str) -> str:
    return ", ".join(f"”{enum_word(labels, code, lang)}”" for code in labels)


def _shown(value: Any) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= 60 else text[:59] + "…"


# --- numbers ------------------------------------------------------------------------------------------------------
_SEPARATORS = re.compile("[\\s\u00a0\u202f\u2007\u2009']")
_DECIMAL = re.compile(r"[-+]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][-+]?[0-9]+)?")


def read_number(cell: Any) -> int | float:
    """A number from a cell: a number as is; a text with a decimal comma or point, an optional percent sign and
    spaces (also no-break and thin ones) between thousands ("1 234,5", "15 %", "−2,5")."""
    if isinstance(cell, bool):
        raise Invalid("workbook_not_a_number", value=_shown(cell))
    if isinstance(cell, (int, float)):
        number = cell
    else:
        text = _SEPARATORS.sub("", str(cell)).replace("\u2212", "-").removesuffix("%")
        if text.count(",") == 1 and "." not in text:
            text = text.replace(",", ".")
        if not _DECIMAL.fullmatch(text):
            raise Invalid("workbook_not_a_number", value=_shown(cell))
        number = int(text) if re.fullmatch(r"[-+]?[0-9]+", text) else float(text)
    if isinstance(number, float) and not math.isfinite(number):
        raise Invalid("workbook_not_a_number", value=_shown(cell))
    return number


def show_number(value: Any) -> str:
    """A number as a Finnish or Swedish reader writes it in a text: 16,8; -1,4 (no thousands separators)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    return repr(value).replace(".", ",")


# --- a value in a year: baseline, target -------------------------------------------------------------------------
_DATED = re.compile(r"^(?P<value>[^()]*?)\s*\(\s*(?P<year>[0-9]{4})\s*\)$")


def show_dated(value: Any) -> str:
    """{year: 2024, value: 16.8} → "16,8 (2024)"."""
    if isinstance(value, dict) and set(value) == {"year", "value"}:
        return f"{show_number(value['value'])} ({value['year']})"
    return encode_value(value) if not isinstance(value, (dict, list)) else json.dumps(value, ensure_ascii=False)


def read_dated(text: Any) -> dict:
    match = _DATED.match(" ".join(str(text).split()))
    if not match:
        raise Invalid("workbook_dated_value_invalid", value=_shown(text))
    try:
        number = read_number(match.group("value"))
    except Invalid:
        raise Invalid("workbook_dated_value_invalid", value=_shown(text)) from None
    return {"year": int(match.group("year")), "value": number}


# --- a schedule ---------------------------------------------------------------------------------------------------
_DASHES = re.compile(r"\s*[–—]\s*|\s+-\s+")
_YEARS = re.compile(r"^([0-9]{4})-([0-9]{4})$")


def _show_date(value: Any) -> str:
    return L.partial_date(str(value), "fi") if isinstance(value, (int, str)) and not isinstance(value, bool) \
        and re.fullmatch(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", str(value)) else str(value)


def show_schedule(value: Any) -> str:
    """{start: 2026-01, end: 2026-12} → "1/2026–12/2026"; a start only → "1/2026"."""
    if not isinstance(value, dict) or not set(value) <= {"start", "end"}:
        return json.dumps(value, ensure_ascii=False)
    start = _show_date(value["start"]) if "start" in value else ""
    return f"{start}–{_show_date(value['end'])}" if "end" in value else start


def _read_date(text: str) -> int | str:
    text = text.strip()
    if re.fullmatch(r"[0-9]{4}", text):
        return int(text)
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}(-[0-9]{2})?", text):
        return text
    month = re.fullmatch(r"([0-9]{1,2})\s*[/.]\s*([0-9]{4})", text)
    if month:
        return f"{month.group(2)}-{int(month.group(1)):02d}"
    day = re.fullmatch(r"([0-9]{1,2})\.\s*([0-9]{1,2})\.\s*([0-9]{4})", text)
    if day:
        return f"{day.group(3)}-{int(day.group(2)):02d}-{int(day.group(1)):02d}"
    raise ValueError(text)


def read_schedule(cell: Any) -> dict:
    """"1/2026–12/2027", "2026–2028", "15.9.2026", "2026-09" → {start, end}; Invalid for anything else."""
    if isinstance(cell, int) and not isinstance(cell, bool):
        cell = str(cell)
    text = " ".join(str(cell).split())
    parts = _DASHES.split(text, maxsplit=1)
    if len(parts) == 1 and _YEARS.match(text):
        parts = list(_YEARS.match(text).groups())  # type: ignore[union-attr]
    try:
        dates = [_read_date(part) for part in parts]
    except ValueError:
        raise Invalid("workbook_schedule_invalid", value=_shown(cell)) from None
    from cooperation.schemas import parse_partial_date
    if any(parse_partial_date(d) is None for d in dates):
        raise Invalid("workbook_schedule_invalid", value=_shown(cell))
    return {"start": dates[0], "end": dates[1]} if len(dates) == 2 else {"start": dates[0]}


# --- texts in several languages -----------------------------------------------------------------------------------
def text_part(value: Any, lang: str, main: str) -> str | None:
    """The part of a text in ``lang``: its key, or a plain text when ``lang`` is the main language."""
    if isinstance(value, dict):
        part = value.get(lang)
        return part if isinstance(part, str) else None
    return value if isinstance(value, str) and lang == main else None


def display_text(value: Any, lang: str, main: str) -> str:
    """A text for a reader of ``lang``: its part in ``lang``, else in the main language."""
    return text_part(value, lang, main) or text_part(value, main, main) or ""


def join_text(parts: dict[str, str], rest: Any, base: Any, main: str, languages: list[str]) -> Any:
    """A text put back together: ``parts`` (language → text) from the main sheet, ``rest`` what the data sheet
    holds of it (MISSING: nothing). A text that was plain stays plain while only its main language is there."""
    if isinstance(rest, dict):
        combined = {**rest, **parts}
    elif isinstance(rest, str):
        if not parts:
            return rest
        combined = {main: rest, **parts}
    elif rest is not MISSING:
        return rest if not parts else {**parts}
    else:
        if not parts:
            return MISSING
        combined = dict(parts)
    if isinstance(base, str) and set(combined) == {main}:
        return combined[main]
    order = list(base) if isinstance(base, dict) else []
    order += [x for x in languages if x not in order] + [x for x in ("fi", "sv", "en") if x not in order]
    return {key: combined[key] for key in sorted(combined, key=lambda k: order.index(k) if k in order else len(order))}


# --- parties ------------------------------------------------------------------------------------------------------
class Parties:
    """Party references shown as names in the workbook's language, and read back from a name in either language
    or an id. A name that two parties share, or that holds a list separator, is shown as the party's id."""

    def __init__(self, parties: list[dict]):
        self.ids = [p["id"] for p in parties if isinstance(p, dict) and isinstance(p.get("id"), str)]
        self.names: dict[str, dict[str, str]] = {}
        count: dict[str, int] = {}
        for p in parties:
            if not isinstance(p, dict) or not isinstance(p.get("id"), str):
                continue
            names = p.get("name")
            names = names if isinstance(names, dict) else {"fi": names}
            self.names[p["id"]] = {k: v for k, v in names.items() if isinstance(v, str)}
            for name in {normal(v) for v in self.names[p["id"]].values()}:
                count[name] = count.get(name, 0) + 1
        self.known: dict[str, str] = {}
        for pid, names in self.names.items():
            for name in names.values():
                if count[normal(name)] == 1 and normal(name) not in self.ids:
                    self.known[normal(name)] = pid
        for pid in self.ids:
            self.known[normal(pid)] = pid
        self._shown: dict[tuple, str] = {}  # (reference, language, as an area) → how a cell shows it
        self._read: dict[tuple, str] = {}  # (a cell's text, as an area) → the reference it names

    def name(self, ref: Any, lang: str, area: bool = False) -> str:
        key = (ref, lang, area) if isinstance(ref, str) else None
        shown = self._shown.get(key) if key else None
        if shown is None:
            shown = self._name(ref, lang, area)
            if key:
                self._shown[key] = shown
        return shown

    def _name(self, ref: Any, lang: str, area: bool) -> str:
        if ref == ALL_MUNICIPALITIES:
            return L.word("all_municipalities", lang)
        if ref == REGION and area:
            return L.word("region_capital", lang)
        names = self.names.get(ref) if isinstance(ref, str) else None
        name = (names.get(lang) or names.get("fi")) if names else None
        if name and self.known.get(normal(name)) == ref and not re.search(r"[,;\n]", name):
            return name
        return str(ref)

    def names_of(self, refs: Any, lang: str) -> str:
        if not isinstance(refs, list):
            return json.dumps(refs, ensure_ascii=False)
        return ", ".join(self.name(ref, lang) for ref in refs)

    def read(self, text: Any, column: str, lang: str, area: bool = False) -> str:
        """The party (or all municipalities, or for an area the whole region) a name or id names."""
        found = self._read.get((text, area)) if isinstance(text, str) else None
        if found is None:
            found = self._read_uncached(text, column, lang, area)
            if isinstance(text, str):
                self._read[(text, area)] = found
        return found

    def _read_uncached(self, text: Any, column: str, lang: str, area: bool) -> str:
        key = normal(text)
        if key in all_municipalities_words() and not area:
            return ALL_MUNICIPALITIES
        if area and key in {normal(L.word(w, x)) for w in ("region_capital", "region") for x in LANGUAGES} | {REGION}:
            return REGION
        found = self.known.get(key)
        if found is None:
            raise Invalid("workbook_unknown_party", value=_shown(text), column=column, sheet=L.word("sheet_parties", lang))
        return found

    def read_list(self, text: Any, column: str, lang: str) -> list[str]:
        refs: list[str] = []
        for part in re.split(r"[,;\n]", str(text)):
            if part.strip():
                ref = self.read(part, column, lang)
                if ref not in refs:
                    refs.append(ref)
        return refs


# --- what a row of the main sheet shows ---------------------------------------------------------------------------
def show_field(field: str, level: str, value: Any, lang: str, main: str, parties: Parties) -> Any:
    """A field of an item as its main-sheet cell shows it (None: an empty cell)."""
    if field in TEXT_FIELDS:
        return text_part(value, lang, main)
    if field == "responsible":
        return parties.names_of(value, lang)
    if field == "lead":
        return parties.name(value, lang)
    if field == "schedule":
        return show_schedule(value)
    if field == "status":
        return enum_word(enum_at(level, ("status",)), value, lang)
    return show_dated(value)


def main_cells(level: str, item: dict, lang: str, languages: list[str],
               parties: Parties) -> dict[tuple[str, str | None], Any]:
    """(column, language of a text column) → what the item's row shows there."""
    main = languages[0] if languages else "fi"
    out: dict[tuple[str, str | None], Any] = {("id", None): item.get("id"), ("level", None): level_word(level, lang)}
    for column, field in FIELDS[level].items():
        if field in item:
            shown = show_field(field, level, item[field], lang, main, parties)
            if shown is not None and shown != "":
                out[(column, None)] = shown
    name = item.get(NAME_FIELD[level])
    for language in languages:
        if language != lang:
            part = text_part(name, language, main)
            if part:
                out[("text", language)] = part
    return out


def parties_rows(parties: list[dict], lang: str) -> list[list]:
    """The parties sheet's rows: number, name, kind, business ID, id (the import compares what it reads with them)."""
    from cooperation.business_id import UNKNOWN
    rows = []
    for number, p in enumerate(parties, start=1):
        kind = p.get("kind")
        rows.append([number, display_text(p.get("name"), lang, "fi"),
                     L.enum("party_kind", kind, lang) if isinstance(kind, str) else None,
                     p.get("business_id") or UNKNOWN, p.get("id")])
    return rows

"""The round-trip workbook's sheets, columns and rows, and which of its cells the import reads.

Sheets (names in the workbook's language): the main sheet in the columns of Kuntaliitto's template, a row per
sub-area, goal, action and indicator; the data sheet with every other field (id, field path, value); the
yearly values sheet, a row per indicator and area; the parties; a hidden sheet naming the agreement,
fingerprint, git revision, language, party and year the workbook was made for; a hidden sheet of the words the
drop-down lists offer. A party's copy has the rows that concern the party.
"""
from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

from cooperation.domain import ALL_MUNICIPALITIES, REGION, expand_parties
from cooperation.i18n import labels as L
from cooperation.schemas import default_schemas

FORMAT = "cooperation-workbook/3"
META_SHEET = "_source"  # hidden, in no language: where the workbook came from
LISTS_SHEET = "_lists"  # hidden, the words of the drop-down lists
LANGUAGES = ("fi", "sv")  # the languages the workbook speaks; a word of either is read in either workbook
SHEETS = {"main": "sheet_main", "data": "sheet_data", "values": "sheet_values", "parties": "sheet_parties"}
PREVIOUS_YEARS = 3  # the years before the update year shown beside it, for reference


def sheet_name(key: str, lang: str) -> str:
    return L.word(SHEETS[key], lang)


def sheet_names(key: str) -> set[str]:
    """The sheet's name in every language the workbook speaks."""
    return {sheet_name(key, lang) for lang in LANGUAGES}


# --- the items of a sub-area file, top down -------------------------------------------------------------------
LEVELS = ("subarea", "goal", "action", "indicator")
CHILD_LISTS = {"subarea": ("goals",), "goal": ("actions", "indicators"), "action": (), "indicator": ()}
NAME_FIELD = {"subarea": "title", "goal": "title", "action": "title", "indicator": "name"}
# a representative schema path of each level's item (the schema describes every goal alike)
EXAMPLE_PATH = {"subarea": (), "goal": ("goals", 0), "action": ("goals", 0, "actions", 0),
                "indicator": ("goals", 0, "indicators", 0)}


def workbook_items(subarea: dict) -> Iterator[tuple[str, dict, str | None]]:
    """A sub-area file's items in reading order: (level, item, parent id), the sub-area first, each goal followed
    by its actions and indicators."""
    yield "subarea", subarea, None
    for goal in subarea.get("goals") or []:
        if isinstance(goal, dict):
            yield "goal", goal, subarea.get("id")
            for child_list, level in (("actions", "action"), ("indicators", "indicator")):
                for child in goal.get(child_list) or []:
                    if isinstance(child, dict):
                        yield level, child, goal.get("id")


# --- the main sheet: Kuntaliitto's columns ----------------------------------------------------------------------
LAYOUT = ("subarea", "goal", "action", "responsible", "lead", "schedule", "status", "status_reason", "resources",
          "indicator", "baseline", "target")
# level → main-sheet column → the item's field in it
FIELDS: dict[str, dict[str, str]] = {
    "subarea": {"subarea": "title", "resources": "resources"},
    "goal": {"goal": "title"},
    "action": {"action": "title", "responsible": "responsible", "lead": "lead", "schedule": "schedule",
               "status": "status", "status_reason": "status_reason", "resources": "resources"},
    "indicator": {"indicator": "name", "baseline": "baseline", "target": "target"},
}
# texts: the workbook language's part is on the main sheet; a name's other languages are in the "Teksti (…)"
# columns, any other text's on the data sheet
TEXT_FIELDS = ("title", "name", "status_reason", "resources")
COLUMN_WIDTHS = {"id": 14, "level": 12, "subarea": 34, "goal": 40, "action": 44, "responsible": 28, "lead": 24,
                 "schedule": 16, "status": 14, "status_reason": 30, "resources": 30, "indicator": 40,
                 "baseline": 14, "target": 14, "text": 44, "comment": 36, "party": 18}
_ACTION, _INDICATOR = EXAMPLE_PATH["action"], EXAMPLE_PATH["indicator"]


def main_columns(languages: list[str], lang: str) -> list[tuple[str, str | None]]:
    """(column key, language of a "Teksti (…)" column) in the main sheet's order."""
    columns: list[tuple[str, str | None]] = [("id", None), ("level", None)]
    columns += [(key, None) for key in LAYOUT]
    columns += [("text", x) for x in languages if x != lang]
    return columns + [("comment", None), ("party", None)]


def main_heading(key: str, lang: str, language: str | None = None) -> str:
    if key == "id":
        return L.field("subarea", ("id",), lang)
    if key in ("level", "subarea", "goal", "action", "indicator"):
        return L.word(key, lang)
    if key in ("responsible", "lead", "schedule", "status", "status_reason", "resources"):
        return L.field("subarea", _ACTION + (key,), lang)
    if key in ("baseline", "target"):
        return L.field("subarea", _INDICATOR + (key,), lang)
    if key == "text":
        return L.word("col_text_in", lang).format(language=L.word(f"in_lang_{language}", lang))
    return L.word({"comment": "col_comment", "party": "col_comment_party"}[key], lang)


@functools.cache
def main_headings() -> dict[str, tuple[str, str | None]]:
    """Every language's heading (normalised) → (column key, language of a text column)."""
    found: dict[str, tuple[str, str | None]] = {}
    for lang in LANGUAGES:
        for key, _ in main_columns([], lang):
            found[normal(main_heading(key, lang))] = (key, None)
        for language in ("fi", "sv", "en"):
            found[normal(main_heading("text", lang, language))] = ("text", language)
    return found


def main_fields(level: str) -> set[str]:
    """The item's fields the main sheet holds (whole, or a text's part in the workbook's language)."""
    return set(FIELDS[level].values()) | {"id"}


def data_fields(level: str, item: dict, lang: str, languages: list[str]) -> Iterator[tuple[tuple, Any]]:
    """(field path, value) of every value of an item the data sheet holds: what the main sheet does not."""
    main = languages[0] if languages else "fi"
    shown = main_fields(level)
    for key, value in item.items():
        if key in CHILD_LISTS[level] and value != []:  # the items below have rows of their own
            continue
        if key not in shown or key not in TEXT_FIELDS:
            if key not in shown:
                yield from flatten(value, (key,))
            continue
        on_main = {lang} | (set(languages) if key == NAME_FIELD[level] else set())
        if isinstance(value, dict) and value:
            for language, text in value.items():
                if language not in on_main:
                    yield from flatten(text, (key, language))
        elif isinstance(value, str):
            if main not in on_main:  # a plain text is in the main language
                yield (key,), value
        else:
            yield from flatten(value, (key,))


def flatten(value: Any, path: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    """(path, leaf) for every scalar of a value; an empty dict or list is a leaf of its own."""
    if isinstance(value, dict) and value:
        for key, child in value.items():
            yield from flatten(child, path + (key,))
    elif isinstance(value, list) and value:
        for index, child in enumerate(value):
            yield from flatten(child, path + (index,))
    else:
        yield path, value


DATA_COLUMNS = ("id", "field", "value", "title")


def data_heading(key: str, lang: str) -> str:
    if key == "id":
        return L.field("subarea", ("id",), lang)
    return L.word({"field": "col_field", "value": "col_value", "title": "col_explanation"}[key], lang)


@functools.lru_cache(maxsize=4096)
def field_title(level: str, shape: tuple, lang: str) -> str | None:
    """What a data-sheet field is, in words: "Lähtötaso: Arvo"; a text's language after its field's title.
    ``shape``: the field path with list positions as 0."""
    schemas = default_schemas()
    example = EXAMPLE_PATH[level]
    full = example + shape
    language = full[-1] if len(shape) > 1 and full[-1] in ("fi", "sv", "en") else None
    names: list[str] = []
    for end in range(len(example) + 1, len(full) + (0 if language else 1)):
        titles = {} if isinstance(full[end - 1], int) else schemas.titles_at("subarea", full[:end]) or {}
        name = titles.get(lang) or titles.get("fi")
        if name:
            names.append(name)
    if not names:
        return None
    return ": ".join(names) + (f" ({L.word('in_lang_' + language, lang)})" if language else "")


@functools.lru_cache(maxsize=4096)
def enum_at(level: str, shape: tuple) -> dict[str, dict[str, str]]:
    """The value labels of an enum field at ``shape`` under a level's item ({} when the field is no enum)."""
    return default_schemas().enum_labels("subarea", EXAMPLE_PATH[level] + shape) or {}


# --- the yearly values sheet --------------------------------------------------------------------------------------
VALUE_COLUMNS = ("id", "indicator", "area", "unit", "previous", "value", "note", "progress", "progress_code")


def value_heading(key: str, lang: str, year: int) -> str:
    if key == "id":
        return L.field("subarea", ("id",), lang)
    if key in ("indicator", "area", "unit", "progress"):
        return L.word(key, lang)
    if key == "value":
        return L.word("col_value_year", lang).format(year=year)
    if key == "note":
        return L.word("col_note_year", lang).format(year=year)
    return "progress"  # the hidden column of progress codes: a code, in no language


def previous_years(year: int) -> list[int]:
    return list(range(year - PREVIOUS_YEARS, year))


# --- whose rows: a party's copy ------------------------------------------------------------------------------------
def municipalities_of(parties: list[dict]) -> list[str]:
    return [p["id"] for p in parties if isinstance(p, dict) and p.get("kind") == "municipality"
            and isinstance(p.get("id"), str)]


def party_area(party: str, parties: list[dict]) -> str:
    """The area a party follows its values in: its own for a municipality, else the whole region."""
    return party if party in municipalities_of(parties) else REGION


def indicator_areas(indicator: dict, municipalities: list[str]) -> list[str]:
    areas = indicator.get("areas")
    refs = [a for a in areas if isinstance(a, str)] if isinstance(areas, list) else [REGION]
    return expand_parties(refs or [REGION], municipalities)


def concerns(level: str, item: dict, party: str, parties: list[dict]) -> bool:
    """Whether a row belongs in the party's copy: every sub-area and goal (what is agreed), the actions it is
    responsible for or leads, the indicators followed in its area."""
    municipalities = municipalities_of(parties)
    if level == "action":
        refs = [r for r in item.get("responsible") or [] if isinstance(r, str)] + [str(item.get("lead"))]
        return party in expand_parties(refs, municipalities)
    if level == "indicator":
        return party_area(party, parties) in indicator_areas(item, municipalities)
    return True


def highlighted(level: str, item: dict, party: str, parties: list[dict]) -> bool:
    """A row the party's copy highlights: an action or indicator of its own (sub-areas and goals are context)."""
    return level in ("action", "indicator") and concerns(level, item, party, parties)


# --- words ------------------------------------------------------------------------------------------------------
def normal(text: Any) -> str:
    """A heading or word as compared: case, surrounding space and colons, runs of spaces ignored."""
    import unicodedata
    text = unicodedata.normalize("NFC", str(text or ""))
    return " ".join(text.replace("\n", " ").split()).strip(" :").lower()


def all_municipalities_words() -> set[str]:
    return {normal(L.word("all_municipalities", lang)) for lang in LANGUAGES} | {ALL_MUNICIPALITIES}

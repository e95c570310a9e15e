"""The shared vocabulary of the agreement, used by every stage.

Words a user reads are not here (they are in ``i18n``); these are the codes that data and code share.
"""
from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterable

# party references that are not parties
ALL_MUNICIPALITIES = "all_municipalities"  # expanded once, in the model (Agreement.expand)
REGION = "region"  # measurements and indicator areas: the whole region

def expand_parties(refs: Iterable[str], municipalities: Iterable[str]) -> list[str]:
    """Party references with "all municipalities" replaced by every municipality: each party once, in order.
    The one expansion: the checks and the model both read party references through it."""
    out: dict[str, None] = {}
    for ref in refs:
        out.update(dict.fromkeys(municipalities if ref == ALL_MUNICIPALITIES else [ref]))
    return list(out)


# the six sub-areas every agreement has (Kuntaliitto's workbook)
COMMON_WORKBOOK_SUBAREAS = ("wellbeing_promotion", "personnel", "participation", "premises",
                            "support_services", "vitality")
SIGNED_STATUSES = ("signed", "in_force")

# the classes of a change, by weight: a monitoring update needs no new approval, an editorial change is
# wording only, an amendment must be approved by every party (when unsure, a change is an amendment)
MONITORING, EDITORIAL, AMENDMENT = "monitoring", "editorial", "amendment"

# Monitoring data, the approval trail and workflow details: not part of what the parties approve, so
# they stay out of the fingerprint, and a change to them is a monitoring update (file kind → field shapes,
# "*" for any list index).
MONITORING_PATHS: dict[str, set[tuple[str, ...]]] = {
    "agreement": {("status",), ("stamp",), ("version",), ("version_date",), ("coordinators",),
                  ("accessibility",),  # the site's accessibility statement, not the agreement's content
                  ("kuntaliitto_model",)},  # how the check reads the sub-areas, not what is agreed
    "parties": {("parties", "*", "decisions"), ("parties", "*", "signatories"), ("parties", "*", "website"),
                ("parties", "*", "sotkanet_region")},
    "annexes": {("annexes", "*", "status")},
    "subarea": {("goals", "*", "actions", "*", "status"), ("goals", "*", "actions", "*", "status_reason"),
                ("responsible_persons", "*", "github"), ("goals", "*", "actions", "*", "status_history")},
}

# --- the Kuntaliitto workbook's layout, shared by its export and its import
COLUMNS = ("subarea", "goals", "actions", "resources", "indicators", "notes")
HEADINGS = {
    "subarea": ("osa-alue", "osa-alueet"),
    "goals": ("tavoitteet", "tavoite", "yhteistyön tavoitteet"),
    "actions": ("toimenpiteet ja vastuutahot", "toimenpiteet", "toimenpiteet ja vastuut"),
    "resources": ("resurssit", "resurssi"),
    "indicators": ("arviointimittarit", "mittarit", "arviointimittari"),
    "notes": ("huomioitavaa", "huomiot"),
}
REQUIRED_COLUMNS = ("subarea", "goals")
GROUP_HEADINGS = {"common": "yhteiset", "interface": "yhdyspintakohtaiset", "regional": "alueen erityispiirteisiin"}
STANDARD = {  # workbook sub-area → (file id, id prefix)
    "wellbeing_promotion": ("hyte", "HYTE"), "personnel": ("henkilosto", "HENK"), "participation": ("osallisuus", "OSA"),
    "premises": ("tilat", "TILA"), "support_services": ("tukipalvelut", "TUKI"), "vitality": ("elinvoima", "ELI"),
    "education_and_social": ("sivistys", "SIV"), "employment": ("tyollisyys", "TY"),
    "integration": ("kotoutuminen", "KOTO"), "security": ("turvallisuus", "TUR"),
}
SHEET = "Työkirja"
COLUMN_TITLES = {
    "fi": ("Osa-alue", "Tavoitteet", "Toimenpiteet ja vastuutahot", "Resurssit", "Arviointimittarit", "Huomioitavaa"),
    "sv": ("Delområde", "Mål", "Åtgärder och ansvariga", "Resurser", "Indikatorer", "Att beakta"),
}

# --- the round-trip workbook (export-xlsx → edited by the parties → import-xlsx), shared by both sides
WORKBOOK_FORMAT = "cooperation-workbook/2"
META_SHEET = "_source"  # hidden, in no language: where the workbook came from (agreement, fingerprint, git revision, party)
SHEETS = {"main": {"fi": "Työkirja", "sv": "Arbetsbok"}, "data": {"fi": "Kaikki tiedot", "sv": "Alla uppgifter"}}
# a sub-area file's items, top down: (level, the list its children are in, the field holding its name)
ITEM_LEVELS = {"subarea": ("goals", "title"), "goal": (("actions", "indicators"), "title"),
               "action": ((), "title"), "indicator": ((), "name")}
LEVEL_WORDS = {"subarea": {"fi": "Osa-alue", "sv": "Delområde"}, "goal": {"fi": "Tavoite", "sv": "Mål"},
               "action": {"fi": "Toimenpide", "sv": "Åtgärd"}, "indicator": {"fi": "Mittari", "sv": "Indikator"}}
# the main sheet's columns: key → heading per language; "text" has one column per agreement language
MAIN_HEADINGS = {
    "id": {"fi": "Tunniste", "sv": "Identifierare"},
    "level": {"fi": "Taso", "sv": "Nivå"},
    "text": {"fi": "Teksti ({language})", "sv": "Text ({language})"},
    "responsible": {"fi": "Vastuutahot", "sv": "Ansvariga"},
    "comment": {"fi": "Kommentit", "sv": "Kommentarer"},
    "party": {"fi": "Kommentoiva osapuoli", "sv": "Kommenterande part"},
}
LANGUAGE_WORDS = {"fi": {"fi": "suomeksi", "sv": "på finska"}, "sv": {"fi": "ruotsiksi", "sv": "på svenska"},
                  "en": {"fi": "englanniksi", "sv": "på engelska"}}
DATA_HEADINGS = {"id": {"fi": "Tunniste", "sv": "Identifierare"}, "field": {"fi": "Kenttä", "sv": "Fält"},
                 "value": {"fi": "Arvo", "sv": "Värde"}, "title": {"fi": "Selite", "sv": "Förklaring"}}


def workbook_items(subarea: dict):
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


def main_sheet_fields(level: str) -> tuple[str, ...]:
    """The fields of an item shown in the main sheet (the rest are on the data sheet)."""
    return ("id", ITEM_LEVELS[level][1]) + (("responsible",) if level == "action" else ())


def child_lists(level: str) -> tuple[str, ...]:
    lists = ITEM_LEVELS[level][0]
    return (lists,) if isinstance(lists, str) else tuple(lists)


def flatten(value, path: tuple = ()):
    """(path, leaf) for every scalar of a value; an empty dict or list is a leaf of its own."""
    if isinstance(value, dict) and value:
        for key, child in value.items():
            yield from flatten(child, path + (key,))
    elif isinstance(value, list) and value:
        for index, child in enumerate(value):
            yield from flatten(child, path + (index,))
    else:
        yield path, value


_NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_WORDS = {"true": True, "false": False, "null": None}


def encode_value(value) -> str:
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
    if _NUMBER.fullmatch(text) or text in _WORDS or text in ("{}", "[]") or text.startswith('"'):
        return json.dumps(text, ensure_ascii=False)
    return text


def decode_value(cell):
    """The value a data-sheet cell holds (encode_value's inverse); a number typed into the cell is a number."""
    if isinstance(cell, bool) or isinstance(cell, (int, float)):
        return cell
    if isinstance(cell, (datetime.datetime, datetime.date)):  # a date typed into the cell
        return cell.date().isoformat() if isinstance(cell, datetime.datetime) else cell.isoformat()
    text = "" if cell is None else str(cell)
    if _NUMBER.fullmatch(text):
        return json.loads(text)
    if text in _WORDS:
        return _WORDS[text]
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

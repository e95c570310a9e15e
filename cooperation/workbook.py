"""The Kuntaliitto workbook (strategisten tavoitteiden työkirja): export from the data and import into it.

Export writes the workbook's layout: one row per goal under its sub-area, group headings, the
columns Osa-alue · Tavoitteet · Toimenpiteet ja vastuutahot · Resurssit · Arviointimittarit ·
Huomioitavaa, plus sheets of parties and indicators. Import reads such a workbook — tolerant of
heading spelling, merged cells, empty rows and several items in one cell — into sub-area files.
"""
from __future__ import annotations

import datetime
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from . import labels as L
from .checker import ALL_MUNICIPALITIES
from .model import Agreement
from .output import reproducible_zip
from .schemas import default_schemas

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


# --- export ------------------------------------------------------------------------------------
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


def export(model: Agreement, lang: str | None = None) -> bytes:
    lang = lang or model.main_language
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    head = list(COLUMN_TITLES.get(lang, COLUMN_TITLES["fi"]))
    sheet.append(head)
    bold = Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
        cell.fill = PatternFill("solid", fgColor="DCE6F1")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    wrap = Alignment(wrap_text=True, vertical="top")

    group = None
    for s in model.subareas:
        if s.group != group:
            group = s.group
            sheet.append([L.enum("group", group, lang).capitalize()])
            row = sheet.max_row
            sheet.cell(row, 1).font = Font(bold=True, size=12)
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(COLUMNS))
        first = sheet.max_row + 1
        for index, goal in enumerate(s.goals):
            cells = goal_cells(model, [goal], lang)
            sheet.append([f"{s.number} {_t(s.title, lang)} [{s.id}]" if index == 0 else None, cells["goals"],
                          cells["actions"], _t(s.resources, lang) if index == 0 else None, cells["indicators"],
                          _t(s.notes, lang) if index == 0 else None])
            for cell in sheet[sheet.max_row]:
                cell.alignment = wrap
        last = sheet.max_row
        if last > first:
            for column in (1, 4, 6):
                sheet.merge_cells(start_row=first, start_column=column, end_row=last, end_column=column)
    for column, width in zip("ABCDEF", (28, 40, 60, 28, 45, 30)):
        sheet.column_dimensions[column].width = width

    parties = book.create_sheet("Osapuolet" if lang == "fi" else "Parter")
    parties.append(["Nro", L.word("party", lang), L.word("kind", lang), L.word("business_id", lang), "id"])
    for p in model.parties:
        parties.append([p.number, _t(p.name, lang), L.enum("party_kind", p.kind, lang), p.business_id, p.id])
    _header(parties, (6, 45, 22, 14, 24))

    indicators = book.create_sheet("Mittarit" if lang == "fi" else "Indikatorer")
    indicators.append(["id", L.word("indicator", lang), L.word("unit", lang),
                       L.word("baseline", lang), L.word("target", lang), L.word("latest", lang), L.word("status", lang),
                       L.word("source", lang)])
    for i in model.indicators:
        status = i.status
        indicators.append([i.id, _t(i.name, lang), L.enum("unit", i.unit, lang),
                           f"{i.baseline[1]} ({i.baseline[0]})" if i.baseline else None,
                           f"{i.target[1]} ({i.target[0]})" if i.target else None,
                           f"{status.latest.value} ({status.latest.year})" if status.latest else None,
                           L.word("status_" + status.code, lang),
                           f"Sotkanet {i.sotkanet}" if i.sotkanet else _t(i.source_name, lang)])
    _header(indicators, (14, 60, 10, 16, 16, 16, 22, 30))
    when = datetime.datetime(2000, 1, 1)
    book.properties.created = book.properties.modified = when
    book.properties.creator = book.properties.lastModifiedBy = "cooperation"
    buffer = io.BytesIO()
    book.save(buffer)
    return _reproducible(buffer.getvalue())


def _reproducible(data: bytes) -> bytes:
    """openpyxl stamps the save time as 'modified': fix it, and the zip entries' times, for identical output."""
    import zipfile
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>2000-01-01T00:00:00Z\2",
                                 content)
            target.writestr(info.filename, content)
    return reproducible_zip(out.getvalue())


def _header(sheet, widths) -> None:
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


# --- import ------------------------------------------------------------------------------------
def normalise(text: Any) -> str:
    text = unicodedata.normalize("NFC", str(text or ""))
    return " ".join(text.replace("\n", " ").split()).strip(" :").lower()


_BULLET = re.compile(r"^\s*(?:[-–•*·▪◦]|\d+[.)])\s*")
_ID_PREFIX = re.compile(r"^([A-ZÅÄÖ0-9]+(?:-[A-Z0-9]+)*):\s*")
_PARENS = re.compile(r"\(([^()]*)\)\s*$")
_SOTKANET = re.compile(r"(?:sotkanet|ind\.?)\s*(\d{1,6})", re.I)


def items_of(cell: Any) -> list[str]:
    """One cell's items: lines or bullets, empty lines dropped."""
    if cell is None:
        return []
    lines = [_BULLET.sub("", line).strip() for line in str(cell).replace("\r", "").split("\n")]
    return [line for line in lines if line]


@dataclass
class Note:
    """Something the import did or could not do, with the cell it concerns."""

    severity: str  # error / warning / info
    cell: str  # Työkirja.xlsx!C14
    message: str


@dataclass
class Imported:
    files: dict[str, dict] = field(default_factory=dict)  # subarea id → data
    notes: list[Note] = field(default_factory=list)
    used_ids: set[str] = field(default_factory=set)  # ids given so far, in lower case

    @property
    def errors(self) -> list[Note]:
        return [n for n in self.notes if n.severity == "error"]


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:40] or "osa-alue"


class PartyMatcher:
    """Free text ("Kunnat ja HVA", "Hämeenkyrön kunta", "kaikki kunnat") → party ids."""

    def __init__(self, parties: list[dict]):
        self.parties = parties
        self.county = next((p["id"] for p in parties if p.get("kind") == "county"), None)
        self.names: dict[str, str] = {}
        for p in parties:
            names = p.get("name")
            for name in (names.values() if isinstance(names, dict) else [names]):
                if isinstance(name, str):
                    self.names[normalise(name)] = p["id"]
                    self.names[normalise(name.split(" ")[0])] = p["id"]  # "Kuusiniemen"
            self.names[normalise(p["id"])] = p["id"]

    def match(self, text: str) -> tuple[list[str], list[str]]:
        found: list[str] = []
        unknown: list[str] = []
        parts = re.split(r",|;|/|\bja\b|\boch\b|&|\+", text)
        for part in parts:
            key = normalise(part)
            if not key:
                continue
            if key in ("kunnat", "kaikki kunnat", "alueen kunnat", "kommunerna", "alla kommuner", "kaikki alueen kunnat"):
                ref = ALL_MUNICIPALITIES
            elif key in ("hva", "hyvinvointialue", "välfärdsområdet", "hyvinvointialueen"):
                ref = self.county
            elif key in self.names:
                ref = self.names[key]
            else:
                ref = next((pid for name, pid in self.names.items() if len(key) > 3 and (name.startswith(key) or key.startswith(name))), None)
            if ref is None:
                unknown.append(part.strip())
            elif ref not in found:
                found.append(ref)
        return found, unknown


def _find_header(sheet) -> tuple[int, dict[str, int]] | None:
    for row in sheet.iter_rows(min_row=1, max_row=min(sheet.max_row, 30)):
        mapping: dict[str, int] = {}
        for cell in row:
            key = normalise(cell.value)
            for column, names in HEADINGS.items():
                if key in names and column not in mapping:
                    mapping[column] = cell.column
        if len(mapping) >= 2 and "subarea" in mapping:
            return row[0].row, mapping
    return None


def _merged_values(sheet) -> dict[tuple[int, int], Any]:
    values = {}
    for merged in sheet.merged_cells.ranges:
        top = sheet.cell(merged.min_row, merged.min_col).value
        for row in range(merged.min_row, merged.max_row + 1):
            for column in range(merged.min_col, merged.max_col + 1):
                values[(row, column)] = top
    return values


def _standard_subarea(title: str) -> str | None:
    labels = default_schemas().enum_labels("subarea", ("workbook_subarea",))
    key = normalise(re.sub(r"^\d+\s*", "", title))
    for value, label in labels.items():
        if normalise(label["fi"]) == key or normalise(label.get("sv", "")) == key:
            return value
    for value, label in labels.items():
        if key and (normalise(label["fi"]).startswith(key) or key.startswith(normalise(label["fi"])[:25])):
            return value
    return None


def import_workbook(path: Path, parties: list[dict], main_language: str = "fi",
                    placeholder_person: dict | None = None) -> Imported:
    result = Imported()
    name = path.name
    try:
        book = load_workbook(path, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a broken file
        result.notes.append(Note("error", name, f"tiedostoa ei voi lukea Excel-työkirjana ({type(exc).__name__}: {exc})"))
        return result
    sheet = book[SHEET] if SHEET in book.sheetnames else book.worksheets[0]
    found = _find_header(sheet)
    if found is None:
        result.notes.append(Note("error", f"{name}!A1", "otsikkoriviä ei löytynyt: tarvitaan ainakin sarakkeet "
                                                         "”Osa-alue” ja ”Tavoitteet”"))
        return result
    header_row, columns = found
    for column in REQUIRED_COLUMNS:
        if column not in columns:
            result.notes.append(Note("error", f"{name}!{header_row}", f"sarake ”{HEADINGS[column][0].capitalize()}” puuttuu"))
    if result.errors:
        return result
    for column in COLUMNS:
        if column not in columns:
            result.notes.append(Note("info", f"{name}!{header_row}", f"saraketta ”{HEADINGS[column][0].capitalize()}” ei ole"))
    merged = _merged_values(sheet)
    matcher = PartyMatcher(parties)
    group = "common"
    current: dict | None = None
    current_title = ""
    first_cells: dict[str, str] = {}  # sub-area id → the cell it was named in
    codes: set[str] = set()

    def value(row: int, column: str) -> Any:
        if column not in columns:
            return None
        col = columns[column]
        return merged.get((row, col), sheet.cell(row, col).value)

    def ref(row: int, column: str) -> str:
        return f"{name}!{get_column_letter(columns[column])}{row}"

    for row in range(header_row + 1, sheet.max_row + 1):
        cells = {c: value(row, c) for c in COLUMNS}
        if all(v is None or not str(v).strip() for v in cells.values()):
            continue
        title = normalise(cells["subarea"])
        # a heading merged across the row repeats its text in every cell: that is not content
        others = [c for c in COLUMNS if c != "subarea" and cells[c] is not None and str(cells[c]).strip()
                  and normalise(cells[c]) != title]
        heading = next((g for g, word in GROUP_HEADINGS.items() if title.startswith(word)), None)
        if heading and not others:
            group = heading
            continue
        if cells["subarea"] is None or not str(cells["subarea"]).strip():
            if current is None:
                result.notes.append(Note("warning", ref(row, "subarea"), "rivillä ei ole osa-aluetta; rivi ohitettiin"))
                continue
        elif current is None or current_title != title:
            current = _new_subarea(str(cells["subarea"]), group, codes, placeholder_person, matcher, result, ref(row, "subarea"))
            current_title = title
            first_cells[current["id"]] = ref(row, "subarea")
            result.files[current["id"]] = current
        _add_row(current, cells, row, ref, matcher, result, main_language)
    for ident, data in result.files.items():
        if not data["goals"]:
            result.notes.append(Note("warning", first_cells[ident], f"osa-alueella {ident} ei ole tavoitteita"))
    return result


_TRAILING_ID = re.compile(r"\s*\[([a-z0-9][a-z0-9-]{0,62})\]\s*$")


def _new_subarea(title_text: str, group: str, codes: set[str], person: dict | None, matcher: PartyMatcher,
                 result: Imported, cell: str) -> dict:
    title = re.sub(r"^\d+(\.\d+)*\s+", "", " ".join(title_text.split()))
    given = _TRAILING_ID.search(title)  # the exported workbook names each sub-area's id: "… [saaristo]"
    title = _TRAILING_ID.sub("", title)
    standard = _standard_subarea(title)
    if standard:
        ident, code = STANDARD[standard]
    else:
        ident = slug(title)
        code = "".join(w[0] for w in re.findall(r"[A-Za-zÅÄÖåäö]+", title.upper()))[:4] or "OA"
    if given:
        ident = given.group(1)
    while code in codes:
        code += "X"
    codes.add(code)
    if standard and default_schemas().enum_labels("subarea", ("workbook_subarea",))[standard].get("group") != group:
        group = default_schemas().enum_labels("subarea", ("workbook_subarea",))[standard]["group"]
    data: dict = {"id": ident, "code": code, "title": title, "group": group}
    if standard:
        data["workbook_subarea"] = standard
    data["basis"] = "joint_priority"
    data["responsible_persons"] = [person or {"name": "Nimeämättä", "role": "vastuuhenkilö", "party": matcher.county}]
    data["description"] = f"{title}. (Tuotu työkirjasta: kirjoita kuvaus.)"
    data["goals"] = []
    result.notes.append(Note("info", cell, f"osa-alue {ident}: nimeä vastuuhenkilöt, kirjoita kuvaus ja tarkista peruste "
                                           "(lainsäädännön vähimmäisvaatimus vai yhteinen painopiste)"))
    return data


def _split_responsible(text: str) -> tuple[str, str | None]:
    match = _PARENS.search(text)
    if match:
        return text[: match.start()].strip(), match.group(1)
    for separator in (" – ", " - ", ": vastuu ", "; vastuu: ", " / vastuu: "):
        if separator in text:
            head, tail = text.rsplit(separator, 1)
            return head.strip(), tail
    return text.strip(), None


def _take_id(text: str, default: str, used: set[str]) -> tuple[str, str]:
    """Keep an id written before the text ("HYTE-1-T2: …") so ids stay stable; else number by position."""
    match = _ID_PREFIX.match(text)
    ident = match.group(1) if match else default
    while ident.lower() in used:
        ident += "B"
    used.add(ident.lower())
    return ident, text[match.end():] if match else text


def _add_row(subarea: dict, cells: dict, row: int, ref, matcher: PartyMatcher, result: Imported, lang: str) -> None:
    used = result.used_ids
    goals = items_of(cells["goals"])
    actions = items_of(cells["actions"])
    indicators = items_of(cells["indicators"])
    code = subarea["code"]
    if not goals:
        if actions or indicators:
            if not subarea["goals"]:
                result.notes.append(Note("warning", ref(row, "goals"), "toimenpiteille ja mittareille ei ole tavoitetta; "
                                                                       "ne ohitettiin"))
                return
            goals_here = [subarea["goals"][-1]]
        else:
            goals_here = []
    else:
        goals_here = []
        for text in goals:
            ident, text = _take_id(text, f"{code}-{len(subarea['goals']) + 1}", used)
            goal = {"id": ident, "title": text, "actions": [], "indicators": []}
            subarea["goals"].append(goal)
            goals_here.append(goal)
        if len(goals) > 1 and (actions or indicators):
            result.notes.append(Note("warning", ref(row, "goals"), f"solussa on {len(goals)} tavoitetta: toimenpiteet ja "
                                                                  f"mittarit liitettiin ensimmäiseen ({goals_here[0]['id']}); "
                                                                  "tarkista kohdistus"))
    if not goals_here:
        return
    goal = goals_here[0]
    for text in actions:
        ident, text = _take_id(text, f"{goal['id']}-T{len(goal['actions']) + 1}", used)
        title, who = _split_responsible(text)
        refs, unknown = matcher.match(who) if who else ([], [])
        action = {"id": ident, "title": title or text}
        if not refs:
            refs = [matcher.county] if matcher.county else []
            result.notes.append(Note("warning", ref(row, "actions"),
                                     f"toimenpide {action['id']}: vastuutahoa ei tunnistettu"
                                     + (f" (”{', '.join(unknown)}”)" if unknown else "") + "; merkittiin hyvinvointialue"))
        elif unknown:
            result.notes.append(Note("warning", ref(row, "actions"), f"toimenpide {action['id']}: vastuutahoa "
                                                                     f"”{', '.join(unknown)}” ei tunnistettu"))
        action["responsible"] = refs
        named = [r for r in refs if r != ALL_MUNICIPALITIES]
        first_municipality = next((p["id"] for p in matcher.parties if p.get("kind") == "municipality"), None)
        action["lead"] = named[0] if named else first_municipality or matcher.county
        action["status"] = "planned"
        goal["actions"].append(action)
    for text in indicators:
        ident, text = _take_id(text, f"{goal['id']}-M{len(goal['indicators']) + 1}", used)
        sotkanet = _SOTKANET.search(text)
        name = _SOTKANET.sub("", text).replace("()", "").strip(" ,;")
        indicator = {"id": ident, "name": name or text,
                     "unit": "percent" if "%" in text else "count",
                     "source": {"sotkanet": int(sotkanet.group(1))} if sotkanet else {"name": "Määritettävä lähde"},
                     "direction": "increase", "frequency": "yearly", "areas": ["region"]}
        goal["indicators"].append(indicator)
        result.notes.append(Note("info", ref(row, "indicators"), f"mittari {indicator['id']}: tarkista yksikkö, suunta ja "
                                                                 "lähde, ja anna lähtötaso ja tavoitetaso"))
    resources = cells.get("resources")
    if resources and str(resources).strip() and "resources" not in subarea:
        subarea["resources"] = str(resources).strip()
    notes = cells.get("notes")
    if notes and str(notes).strip() and "notes" not in subarea:
        subarea["notes"] = str(notes).strip()

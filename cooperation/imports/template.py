"""A Kuntaliitto workbook read into sub-area data: tolerant of heading spelling, merged cells, empty
rows and several items in one cell; bounded in size and rows; every uncertain cell noted as a problem with its
position (``Työkirja.xlsx!C14``), reported as validate reports. Writing the files is cooperation/imports/import_xlsx.py's job.
"""
from __future__ import annotations

import re
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

from cooperation.domain import ALL_MUNICIPALITIES
from cooperation.imports.xlsx import Book, Notes, Unreadable, cell_name, container_problem, size_text
from cooperation.load.yaml_loader import MAX_YAML_BYTES
from cooperation.result import ERROR, INFO, WARNING
from cooperation.schemas import default_schemas

# Import limits: how many empty rows in a row end the table, how many sub-areas a workbook may hold.
EMPTY_ROW_RUN = 1000
MAX_SUBAREAS = 100  # each is a file validate reads; the workbook template has ten
MAX_IMPORT_CHARS = 20_000_000  # text taken from all cells together
MAX_MARKED_CELLS = 100_000  # formula cells without a stored value, and error values, noted
HEADER_ROWS, HEADER_COLUMNS = 30, 60

# --- Kuntaliitto's template: its columns, headings and sub-areas
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


Cell = tuple[int, int]  # (row, column), both from 1


class Imported(Notes):
    """What a template workbook gave: the sub-area files, and the notes at its cells (its one sheet's cells are
    named as C14)."""

    def __init__(self, name: str):
        super().__init__(name)
        self.files: dict[str, dict] = {}  # subarea id → data
        self.used_ids: set[str] = set()  # ids given so far, in lower case
        self.first_cells: dict[str, Cell] = {}  # sub-area id → the cell that names it

    @property
    def notes(self):
        return self.problems

    def note(self, severity: str, code: str, at: Cell | int | None, /, **params: Any) -> None:
        """A problem at a cell, at a whole row (the heading row), or (None) about the workbook as a whole."""
        if isinstance(at, tuple):
            self.at(severity, code, None, at[0], at[1], **params)
        elif at is not None:
            self.row(severity, code, at, **params)
        else:
            self.book(severity, code, **params)

    def ref(self, at: Cell) -> str:  # type: ignore[override]
        """A cell as a message quotes it: Työkirja.xlsx!A2."""
        return f"{self.name}!{cell_name(*at)}"


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
            ref: str | None
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


def _header(rows) -> tuple[int, dict[str, int]] | None:
    """The heading row among the first rows: the row number and the template's columns found in it."""
    for number, values, _marks in rows:
        if number > HEADER_ROWS:
            return None
        mapping: dict[str, int] = {}
        for column_number, value in enumerate(values[:HEADER_COLUMNS], start=1):
            if not isinstance(value, str) or len(value) > 100:  # headings are short; don't normalise a huge cell
                continue
            key = normalise(value)
            for column, names in HEADINGS.items():
                if key in names and column not in mapping:
                    mapping[column] = column_number
        if len(mapping) >= 2 and "subarea" in mapping:
            return number, mapping
    return None


class _Merged:
    """The value of each cell in a merged range is its top-left cell's, looked up as the rows stream by."""

    def __init__(self, ranges: list[tuple[int, int, int, int]], columns: dict[str, int]):
        wanted = set(columns.values())
        self.ranges = sorted((r for r in ranges if any(r[0] <= c <= r[2] for c in wanted)), key=lambda r: r[1])
        self.next = 0
        self.active: list[tuple[tuple[int, int, int, int], Any]] = []

    def values(self, row: int, values: list, columns) -> dict[int, Any]:
        """Column → value, for the cells of this row that lie in a merged range but are not its top-left cell."""
        self.active = [(r, v) for r, v in self.active if r[3] >= row]
        while self.next < len(self.ranges) and self.ranges[self.next][1] <= row:
            found = self.ranges[self.next]
            self.next += 1
            if found[3] >= row:
                top = values[found[0] - 1] if found[1] == row and found[0] <= len(values) else None
                self.active.append((found, top))
        if not self.active:
            return {}
        return {column: value for r, value in self.active for column in columns
                if r[0] <= column <= r[2] and (row, column) != (r[1], r[0]) and value is not None}


def import_workbook(path: Path, parties: list[dict], main_language: str = "fi",
                    placeholder_person: dict | None = None) -> Imported:
    result = Imported(path.name)
    problem = container_problem(path)
    if problem:
        code, params = problem
        result.note(ERROR, code, None, **params)
        return result
    try:
        book = Book(path)
    except Exception:  # noqa: BLE001 - a broken container raises many kinds
        result.note(ERROR, "workbook_part_missing", None)
        return result
    try:
        _read_workbook(book, result, parties, main_language, placeholder_person)
    except Unreadable as exc:
        result.note(ERROR, exc.code, None, **exc.params)
    except (KeyError, ValueError, OSError, EOFError, zipfile.BadZipFile) as exc:
        result.note(ERROR, "workbook_broken_sheet", None, sheet="", error=type(exc).__name__)
    finally:
        book.close()
    return result


def _read_workbook(book: Book, result: Imported, parties: list[dict], main_language: str,
                   placeholder_person: dict | None) -> None:
    if not book.sheetnames:
        raise Unreadable("workbook_no_sheet")
    sheet = SHEET if SHEET in book.sheetnames else book.sheetnames[0]
    try:
        merged_ranges = book.merged(sheet)
    except Unreadable as exc:
        if exc.code == "workbook_broken_sheet":
            exc.params["sheet"] = sheet
        raise
    rows = book.rows(sheet)
    found = _header(rows)
    if found is None:
        result.note(ERROR, "workbook_no_header", (1, 1))
        return
    header_row, columns = found
    for column in REQUIRED_COLUMNS:
        if column not in columns:
            result.note(ERROR, "workbook_column_missing", header_row, column=HEADINGS[column][0].capitalize())
    if result.errors:
        return
    for column in COLUMNS:
        if column not in columns:
            result.note(INFO, "workbook_column_absent", header_row, column=HEADINGS[column][0].capitalize())
    merged = _Merged(merged_ranges, columns)
    matcher = PartyMatcher(parties)
    group = "common"
    current: dict | None = None
    current_title = ""
    last_raw: Any = None
    last_title = ""
    first_cells = result.first_cells
    codes: set[str] = set()
    spent: dict[int, int] = {}  # id(sub-area) → characters of workbook text taken into it
    total = 0
    empty_run = 0
    width = max(columns.values())
    by_number = {number: column for column, number in columns.items()}

    def ref(row: int, column: str) -> Cell:
        return row, columns[column]

    previous = header_row
    marked = 0
    for row, values, marks in rows:
        empty_run += row - previous - 1  # the rows between had no cells
        previous = row
        values = values + [None] * (width - len(values)) if len(values) < width else values
        own = {number: values[number - 1] for number in by_number
               if values[number - 1] is not None and str(values[number - 1]).strip()}
        spill = merged.values(row, values, by_number) if empty_run < EMPTY_ROW_RUN else {}
        bad = [(number, unknown) for number in by_number
               if marks and number in marks and (unknown := _unknown(marks[number])) is not None]
        if empty_run >= EMPTY_ROW_RUN:
            if own or bad:
                first = min([n for n in own] + [n for n, _ in bad])
                result.note(ERROR, "workbook_after_empty_rows", (row, first), limit=EMPTY_ROW_RUN)
                return
            continue  # only to find out whether anything follows; rows are cheap to skip
        for number, (code, params) in bad:
            result.note(ERROR, code, (row, number), **params)
        marked += len(bad)
        if marked > MAX_MARKED_CELLS:
            raise Unreadable("workbook_too_many_formulas", limit=size_text(MAX_MARKED_CELLS))
        if not own:
            empty_run = 0 if bad else empty_run + 1
            continue  # a row of merged cells only repeats the rows above
        empty_run = 0
        cells = {column: None for column in COLUMNS}
        cells.update({by_number[number]: value for number, value in spill.items()})
        cells.update({by_number[number]: value for number, value in own.items()})
        # text taken from the workbook is counted before it is copied: a zip bomb must not fill the memory
        size = sum(len(str(value)) for column, value in cells.items() if value is not None and column != "subarea")
        size += len(str(own.get(columns["subarea"], "")))
        for column, value in cells.items():
            if value is not None and len(str(value)) > MAX_YAML_BYTES:
                result.note(ERROR, "workbook_cell_too_large", ref(row, column), size=size_text(len(str(value))),
                            limit=size_text(MAX_YAML_BYTES))
                return
        total += size
        if total > MAX_IMPORT_CHARS:
            result.note(ERROR, "workbook_too_much_text", ref(row, "subarea"), limit=size_text(MAX_IMPORT_CHARS))
            return
        raw = cells["subarea"]
        if raw is not last_raw:  # a merged sub-area cell is one object on every row: normalise it once
            last_raw, last_title = raw, normalise(raw)
        title = last_title
        heading = next((g for g, word in GROUP_HEADINGS.items() if title.startswith(word)), None)
        # a heading merged across the row repeats its text in every cell: that is not content
        if heading and not [c for c in COLUMNS if c != "subarea" and cells[c] is not None and str(cells[c]).strip()
                            and normalise(cells[c]) != title]:
            group = heading
            continue
        if raw is None or not str(raw).strip():
            if current is None:
                result.note(WARNING, "workbook_row_without_subarea", ref(row, "subarea"))
                continue
        elif current is None or current_title != title:
            if len(result.files) >= MAX_SUBAREAS and _identity(str(raw))[0] not in result.files:
                result.note(ERROR, "workbook_too_many_subareas", ref(row, "subarea"), limit=MAX_SUBAREAS)
                return
            current = _start_subarea(str(raw), group, codes, placeholder_person, matcher, result, ref(row, "subarea"),
                                     first_cells)
            current_title = title
        spent[id(current)] = spent.get(id(current), 0) + size
        if spent[id(current)] > MAX_YAML_BYTES:
            result.note(ERROR, "workbook_subarea_too_large", first_cells.get(current["id"], ref(row, "subarea")),
                        id=current["id"], row=row, limit=size_text(MAX_YAML_BYTES))
            return
        _add_row(current, cells, row, ref, matcher, result, main_language)
    for ident, data in result.files.items():
        if not data["goals"]:
            result.note(WARNING, "workbook_subarea_without_goals", first_cells[ident], id=ident)


_TRAILING_ID = re.compile(r"\s*\[([a-z0-9][a-z0-9-]{0,62})\]\s*$")


def _identity(title_text: str) -> tuple[str, str, str | None, bool]:
    """(id, title, standard sub-area, whether the id was written in the cell) of a sub-area named in a cell."""
    title = re.sub(r"^\d+(\.\d+)*\s+", "", " ".join(title_text.split()))
    given = _TRAILING_ID.search(title)  # the exported workbook names each sub-area's id: "… [saaristo]"
    title = _TRAILING_ID.sub("", title)
    standard = _standard_subarea(title)
    ident = given.group(1) if given else STANDARD[standard][0] if standard else slug(title)
    return ident, title, standard, bool(given)


def _start_subarea(title_text: str, group: str, codes: set[str], person: dict | None, matcher: PartyMatcher,
                   result: Imported, cell: Cell, first_cells: dict[str, Cell]) -> dict:
    """The sub-area a cell names: a new one, or the same one named again further down (its rows are joined)."""
    ident, title, standard, given = _identity(title_text)
    existing = result.files.get(ident)
    if existing is not None:
        first = result.ref(first_cells[ident])
        if standard or given or normalise(existing["title"]) == normalise(title):
            result.note(WARNING, "workbook_subarea_continues", cell, id=ident, first=first)
            return existing
        result.note(ERROR, "workbook_duplicate_subarea", cell, id=ident, first=first, title=existing["title"],
                    new_title=title)
        # read on into a sub-area that is not kept, so that the rest of the workbook is still checked
        return _new_subarea(ident, title, standard, group, codes, person, matcher)
    data = _new_subarea(ident, title, standard, group, codes, person, matcher)
    result.note(INFO, "workbook_new_subarea", cell, id=ident)
    result.files[ident] = data
    first_cells[ident] = cell
    return data


def _new_subarea(ident: str, title: str, standard: str | None, group: str, codes: set[str], person: dict | None,
                 matcher: PartyMatcher) -> dict:
    if standard:
        code = STANDARD[standard][1]
    else:
        code = "".join(w[0] for w in re.findall(r"[A-Za-zÅÄÖåäö]+", title.upper()))[:4] or "OA"
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
                result.note(WARNING, "workbook_row_without_goal", ref(row, "goals"))
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
            result.note(WARNING, "workbook_several_goals", ref(row, "goals"), count=len(goals), goal=goals_here[0]["id"])
    if not goals_here:
        return
    goal = goals_here[0]
    for text in actions:
        ident, text = _take_id(text, f"{goal['id']}-T{len(goal['actions']) + 1}", used)
        title, who = _split_responsible(text)
        refs, unknown = matcher.match(who) if who else ([], [])
        action: dict[str, Any] = {"id": ident, "title": title or text}
        if not refs:
            refs = [matcher.county] if matcher.county else []
            if unknown:
                result.note(WARNING, "workbook_responsible_unmatched", ref(row, "actions"), id=ident,
                            names=", ".join(unknown))
            else:
                result.note(WARNING, "workbook_responsible_unknown", ref(row, "actions"), id=ident)
        elif unknown:
            result.note(WARNING, "workbook_responsible_partly", ref(row, "actions"), id=ident, names=", ".join(unknown))
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
        result.note(INFO, "workbook_indicator_to_check", ref(row, "indicators"), id=ident)
    resources = cells.get("resources")
    if resources and str(resources).strip() and "resources" not in subarea:
        subarea["resources"] = str(resources).strip()
    notes = cells.get("notes")
    if notes and str(notes).strip() and "notes" not in subarea:
        subarea["notes"] = str(notes).strip()


def _unknown(mark: tuple) -> tuple[str, dict[str, Any]] | None:
    """Why a marked cell has no value to read: a formula saved without its value, or an error value (#REF!)."""
    if mark[0] == "error":
        return "workbook_error_value", {"value": mark[1]}
    if mark[0] == "formula" and not mark[2]:
        return "workbook_formula_without_value", {"formula": f" (={mark[1]})" if mark[1] else ""}
    return None

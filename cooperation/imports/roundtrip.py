"""A workbook made by export-xlsx, read back: the sub-area files it describes, its comments, and a three-way
merge of its changes with the repository's.

The workbook's main sheet has a row per item (its id, level, name in each language, an action's responsible
parties, a comment and the commenting party); the data sheet every other field (id, field path, value); the
hidden sheet where it came from. Every problem names its cell (``tyokirja.xlsx!C14``); nothing is evaluated:
a formula is refused, never computed or imported as a formula. cooperation/outputs/workbook.py writes it.
"""
from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.parsers import expat

from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import coordinate_to_tuple
from openpyxl.utils.exceptions import CellCoordinatesException

from cooperation.domain import (
    ALL_MUNICIPALITIES,
    DATA_HEADINGS,
    ITEM_LEVELS,
    LANGUAGE_WORDS,
    LEVEL_WORDS,
    MAIN_HEADINGS,
    META_SHEET,
    SHEETS,
    WORKBOOK_FORMAT,
    child_lists,
    decode_value,
    main_sheet_fields,
    workbook_items,
)
from cooperation.imports.workbook import MAX_IMPORT_CHARS, Imported, normalise
from cooperation.result import ERROR, Problem
from cooperation.schemas import default_schemas

MAX_ROWS = 200_000  # rows read from a sheet: far beyond any agreement (the large benchmark region has ~5 000)
MISSING = object()
_INDEX = re.compile(r"[0-9]{1,6}")  # a list position in a field path (str.isdigit() is true for "²")
EXCEL_CELL_CHARS = 32_767  # the most a cell holds (Excel's limit)  # a key or item one side does not have


def is_roundtrip(path: Path) -> bool:
    """Whether the file is a workbook export-xlsx made (it has the hidden sheet naming its source)."""
    try:
        with zipfile.ZipFile(path) as archive:
            workbook = archive.read("xl/workbook.xml")
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError):
        return False
    return f'name="{META_SHEET}"'.encode() in workbook


@dataclass
class Row:
    number: int  # the row in the main sheet
    id: str | None
    level: str | None
    texts: dict[str, str]  # language → text, only the non-empty cells
    responsible: list[str] | None
    comment: str | None
    party: str | None


@dataclass
class Read:
    """What the workbook holds, with the cell of every value."""

    meta: dict[str, str]
    languages: list[str]  # the text columns' languages, in the sheet's order
    rows: list[Row] = field(default_factory=list)
    data: dict[str, list[tuple[tuple, Any]]] = field(default_factory=dict)  # item id → (field path, value)
    cells: dict[tuple[str, tuple], tuple[str, int, int]] = field(default_factory=dict)  # (id, path) → (sheet, row, col)
    id_cells: dict[str, tuple[str, int, int]] = field(default_factory=dict)
    main_sheet: str = ""


def _heading_keys(table: dict[str, dict[str, str]]) -> dict[str, str]:
    return {normalise(words[lang]): key for key, words in table.items() for lang in ("fi", "sv") if key != "text"}


_TEXT_HEADINGS = {normalise(MAIN_HEADINGS["text"][sheet_lang].format(language=words[sheet_lang])): lang
                  for lang, words in LANGUAGE_WORDS.items() for sheet_lang in ("fi", "sv")}
_LEVELS = {normalise(words[lang]): level for level, words in LEVEL_WORDS.items() for lang in ("fi", "sv")}


class _Cells:
    """Problems at cells of one sheet: the main sheet's cells as C14, others as 'Kaikki tiedot'!C14."""

    def __init__(self, result: Imported, sheet: str, main: bool):
        self.result, self.sheet, self.main = result, sheet, main

    def name(self, row: int, column: int) -> str:
        cell = f"{get_column_letter(column)}{row}"
        return cell if self.main else f"'{self.sheet}'!{cell}"

    def note(self, code: str, row: int, column: int, **params: Any) -> None:
        self.result.notes.append(Problem(ERROR, code, self.result.name, row, column, params,
                                         cell=self.name(row, column)))


_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


class _Unreadable(Exception):
    pass


def _parse(stream, start, end=None, text=None) -> None:
    """Stream XML through expat with namespaces as "uri name"; a DOCTYPE (entities) is refused."""
    def no_doctype(*_args) -> None:
        raise _Unreadable("doctype")
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = start
    if end:
        parser.EndElementHandler = end
    if text:
        parser.CharacterDataHandler = text
    parser.StartDoctypeDeclHandler = no_doctype
    while chunk := stream.read(1 << 20):
        parser.Parse(chunk, False)
    parser.Parse(b"", True)


class _Book:
    """The sheets of an .xlsx read straight from its XML (openpyxl's reader builds an object per cell and its
    style: ten times slower on a large agreement). Values only: text, numbers, booleans; formulas flagged."""

    def __init__(self, path: Path):
        self.archive = zipfile.ZipFile(path)
        self.paths = self._sheet_paths()
        self.sheetnames = list(self.paths)
        self.shared = self._shared_strings()

    def close(self) -> None:
        self.archive.close()

    def _sheet_paths(self) -> dict[str, str]:
        targets: dict[str, str] = {}
        sheets: list[tuple[str, str]] = []

        def rel(name: str, attrs: dict) -> None:
            if name.endswith(" Relationship") or name == "Relationship":
                targets[attrs.get("Id", "")] = attrs.get("Target", "")

        def sheet(name: str, attrs: dict) -> None:
            if name == f"{_MAIN_NS} sheet":
                sheets.append((attrs.get("name", ""), attrs.get(f"{_REL_NS} id", "")))
        with self.archive.open("xl/_rels/workbook.xml.rels") as stream:
            _parse(stream, rel)
        with self.archive.open("xl/workbook.xml") as stream:
            _parse(stream, sheet)
        paths = {}
        for name, rid in sheets:
            target = targets.get(rid, "")
            paths[name] = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        return paths

    def _shared_strings(self) -> list[str]:
        if "xl/sharedStrings.xml" not in self.archive.namelist():
            return []
        strings: list[str] = []
        parts: list[str] = []
        state = {"t": False, "phonetic": 0}

        def start(name: str, attrs: dict) -> None:
            local = name.rpartition(" ")[2]
            if local == "si":
                parts.clear()
            elif local == "rPh":
                state["phonetic"] += 1
            elif local == "t" and not state["phonetic"]:
                state["t"] = True

        def end(name: str) -> None:
            local = name.rpartition(" ")[2]
            if local == "si":
                strings.append(_ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), "".join(parts)))
            elif local == "rPh":
                state["phonetic"] -= 1
            elif local == "t":
                state["t"] = False

        def text(data: str) -> None:
            if state["t"]:
                parts.append(data)
        with self.archive.open("xl/sharedStrings.xml") as stream:
            _parse(stream, start, end, text)
        return strings

    def rows(self, name: str, max_row: int):
        """(row number, [(value, is formula)] by column from 1) of a sheet, rows with no cells left out."""
        buffer: list[tuple[int, list]] = []
        state: dict[str, Any] = {"row": 0, "column": 0, "cell": None, "reading": None}
        current: dict[int, tuple[Any, bool]] = {}

        def start(tag: str, attrs: dict) -> None:
            local = tag.rpartition(" ")[2]
            if local == "row":
                state["row"] = int(attrs["r"]) if attrs.get("r", "").isascii() and attrs.get("r", "").isdigit() \
                    else state["row"] + 1
                state["column"] = 0
                current.clear()
            elif local == "c":
                reference = attrs.get("r")
                if reference:
                    state["column"] = _column(reference)
                else:
                    state["column"] += 1
                state["cell"] = {"t": attrs.get("t", "n"), "f": False, "v": [], "is": []}
            elif state["cell"] is not None:
                if local == "f":
                    state["cell"]["f"] = True
                elif local == "v":
                    state["reading"] = "v"
                elif local == "t":
                    state["reading"] = "is"

        def end(tag: str) -> None:
            local = tag.rpartition(" ")[2]
            if local in ("v", "t"):
                state["reading"] = None
            elif local == "c" and state["cell"] is not None:
                cell = state["cell"]
                current[state["column"]] = (self._value(cell), cell["f"])
                state["cell"] = None
            elif local == "row" and current:
                width = max(current)
                buffer.append((state["row"], [current.get(c, (None, False)) for c in range(1, width + 1)]))

        def text(data: str) -> None:
            if state["reading"] and state["cell"] is not None:
                state["cell"][state["reading"]].append(data)

        parser = expat.ParserCreate(namespace_separator=" ")
        parser.buffer_text = True  # a cell's text in one call, not one per line or entity
        parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, text

        def no_doctype(*_args) -> None:
            raise _Unreadable("doctype")
        parser.StartDoctypeDeclHandler = no_doctype
        with self.archive.open(self.paths[name]) as stream:
            while chunk := stream.read(1 << 20):
                parser.Parse(chunk, False)
                for number, values in buffer:
                    if number > max_row:
                        return
                    yield number, values
                buffer.clear()
            parser.Parse(b"", True)
        for number, values in buffer:
            if number <= max_row:
                yield number, values

    def _value(self, cell: dict) -> Any:
        kind, raw = cell["t"], "".join(cell["v"])
        if kind == "inlineStr":
            text = "".join(cell["is"])
            return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text
        if kind == "s":
            index = int(raw) if raw.strip().isdigit() else -1
            return self.shared[index] if 0 <= index < len(self.shared) else None
        if kind in ("str", "e", "d"):
            return raw or None
        if kind == "b":
            return raw.strip() == "1"
        if not raw.strip():
            return None
        try:
            number = float(raw)
        except ValueError:
            return raw
        return int(number) if number.is_integer() and re.fullmatch(r"-?[0-9]+", raw.strip()) else number


_COLUMNS: dict[str, int] = {}  # a reference's letters → its column: checked once, not once per cell


def _column(reference: str) -> int:
    """The column of a cell reference such as "C14" (an unreadable one raises CellCoordinatesException)."""
    letters = reference.rstrip("0123456789")
    column = _COLUMNS.get(letters) if letters != reference else None
    if column is None:
        column = coordinate_to_tuple(reference)[1]
        _COLUMNS[letters] = column
    return column


def read_workbook(path: Path, result: Imported) -> Read | None:
    """The workbook's contents, or None after noting why it cannot be read (every problem with its cell)."""
    try:
        book = _Book(path)
    except (KeyError, ValueError, zipfile.BadZipFile, expat.ExpatError, _Unreadable, OSError, EOFError):
        result.note(ERROR, "workbook_part_missing", None)
        return None
    try:
        return _read(book, result)
    except (KeyError, ValueError, zipfile.BadZipFile, expat.ExpatError, _Unreadable, OSError, EOFError,
            CellCoordinatesException) as exc:
        result.note(ERROR, "workbook_broken_sheet", None, sheet="", error=type(exc).__name__)
        return None
    finally:
        book.close()


def _values(book: _Book, name: str, result: Imported, cells: _Cells, budget: list[int]):
    """(row number, values) of a sheet; formulas and over-full cells are noted and read as empty."""
    for number, row in book.rows(name, MAX_ROWS):
        values: list[Any] = []
        for column, (value, formula) in enumerate(row, start=1):
            if formula:
                cells.note("workbook_formula", number, column, formula=str(value)[:40] if value is not None else "")
                value = None
            elif isinstance(value, str):
                budget[0] += len(value)
                if len(value) > EXCEL_CELL_CHARS:
                    cells.note("workbook_cell_full", number, column, size=f"{len(value):_}".replace("_", " "),
                               limit=f"{EXCEL_CELL_CHARS:_}".replace("_", " "))
                    value = None
            values.append(value)
        if budget[0] > MAX_IMPORT_CHARS:
            cells.note("workbook_too_much_text", number, 1, limit=f"{MAX_IMPORT_CHARS:_}".replace("_", " "))
            return
        yield number, values


_ID = "[a-z0-9][a-z0-9-]{0,62}"
_LANGUAGE = "|".join(LANGUAGE_WORDS)
# what each row of the hidden sheet may hold (the export writes exactly these): the values are handed to git and
# compared with the data, so a forged one is refused at its cell, never passed on
SOURCE_VALUES: dict[str, tuple[str, dict[str, str]]] = {
    "agreement": (_ID, {"fi": "sopimuksen tunniste", "sv": "avtalets identifierare", "en": "the agreement's identifier"}),
    "fingerprint": ("[0-9a-f]{64}", {"fi": "SHA-256-sormenjälki (64 heksamerkkiä)",
                                     "sv": "ett SHA-256-fingeravtryck (64 hexadecimala tecken)",
                                     "en": "a SHA-256 fingerprint (64 hexadecimal characters)"}),
    "revision": ("(?:[0-9a-f]{40}|[0-9a-f]{64})?", {"fi": "git-versio (40 tai 64 heksamerkkiä) tai tyhjä",
                                                    "sv": "en git-version (40 eller 64 hexadecimala tecken) eller tom",
                                                    "en": "a git revision (40 or 64 hexadecimal characters) or empty"}),
    "language": (f"(?:{_LANGUAGE})", {"fi": "kielikoodi", "sv": "en språkkod", "en": "a language code"}),
    "party": (f"(?:{_ID})?", {"fi": "osapuolen tunniste tai tyhjä", "sv": "en parts identifierare eller tom",
                              "en": "a party's identifier or empty"}),
    "languages": (f"(?:{_LANGUAGE})(?:, (?:{_LANGUAGE}))*", {"fi": "kielikoodit pilkuin erotettuina",
                                                            "sv": "språkkoder åtskilda med kommatecken",
                                                            "en": "language codes separated by commas"}),
}


def _source(book: _Book, result: Imported) -> dict[str, str] | None:
    """The hidden sheet's rows (key → value), every one checked; None (with the problems at their cells) when the
    format is not this program's or any value is not what the export writes."""
    rows = [(number, [value for value, _ in row[:2]] + [None, None], any(f for _, f in row[:2]))
            for number, row in book.rows(META_SHEET, 100)] if META_SHEET in book.sheetnames else []
    meta = {str(row[0]): "" if row[1] is None else str(row[1]) for _, row, _ in rows if row[0]}
    if meta.get("format") != WORKBOOK_FORMAT:
        result.note(ERROR, "workbook_unknown_format", None, format=meta.get("format", ""))
        return None
    cells = _Cells(result, META_SHEET, False)
    known = {"format": (re.escape(WORKBOOK_FORMAT), {"fi": WORKBOOK_FORMAT}), **SOURCE_VALUES}
    names = {"fi": "jokin näistä: ", "sv": "ett av: ", "en": "one of: "}  # a row's name
    seen: set[str] = set()
    before = len(result.errors)
    for number, row, formula in rows:
        key = "" if row[0] is None else str(row[0])
        value = "" if row[1] is None else str(row[1])
        if key not in known or key in seen:
            cells.note("workbook_source_value", number, 1, sheet=META_SHEET, value=_quoted(key),
                       expected={lang: words + ", ".join(known) for lang, words in names.items()})
            continue
        seen.add(key)
        pattern, expected = known[key]
        if formula or not re.fullmatch(pattern, value):
            cells.note("workbook_source_value", number, 2, sheet=META_SHEET, value=_quoted(value), expected=expected)
    return None if len(result.errors) > before else meta


def _quoted(value: str) -> str:
    """At most 40 characters of a value, its control characters kept (the message shows them as <U+0000>)."""
    return value if len(value) <= 40 else value[:39] + "…"


def _read(book: _Book, result: Imported) -> Read | None:
    names = book.sheetnames
    meta = _source(book, result)
    if meta is None:
        return None
    main_name = next((n for n in names if n in SHEETS["main"].values()), None)
    data_name = next((n for n in names if n in SHEETS["data"].values()), None)
    if main_name is None or data_name is None:
        result.note(ERROR, "workbook_sheet_missing", None,
                    sheet=" / ".join(SHEETS["main" if main_name is None else "data"].values()))
        return None
    read = Read(meta, [], main_sheet=main_name)
    budget = [0]
    main = _Cells(result, main_name, True)
    headings = _heading_keys(MAIN_HEADINGS)
    columns: dict[str, int] = {}
    text_columns: dict[int, str] = {}
    rows = _values(book, main_name, result, main, budget)
    header = next(rows, None)
    if header is None:
        result.note(ERROR, "workbook_id_column_missing", None, sheet=main_name)
        return None
    for column, value in enumerate(header[1], start=1):
        key = normalise(value)
        if key in headings and headings[key] not in columns:
            columns[headings[key]] = column
        elif key in _TEXT_HEADINGS:
            text_columns[column] = _TEXT_HEADINGS[key]
    if "id" not in columns:
        result.note(ERROR, "workbook_id_column_missing", 1, sheet=main_name,
                    heading=" / ".join(MAIN_HEADINGS["id"].values()))
        return None
    read.languages = list(text_columns.values())
    seen: dict[str, int] = {}

    def at(values: list, key: str) -> Any:
        column = columns.get(key)
        return values[column - 1] if column and column <= len(values) else None

    for number, values in rows:
        if not any(v is not None and str(v).strip() for v in values):
            continue
        ident = at(values, "id")
        ident = str(ident).strip() if ident is not None and str(ident).strip() else None
        level_text = at(values, "level")
        level = _LEVELS.get(normalise(level_text)) if level_text is not None else None
        texts = {lang: str(values[c - 1]) for c, lang in text_columns.items()
                 if c <= len(values) and values[c - 1] is not None and str(values[c - 1]).strip()}
        responsible = at(values, "responsible")
        comment, party = at(values, "comment"), at(values, "party")
        row = Row(number, ident, level, texts,
                  [r.strip() for r in str(responsible).split(",") if r.strip()] if responsible is not None else None,
                  str(comment).strip() if comment is not None and str(comment).strip() else None,
                  str(party).strip() if party is not None and str(party).strip() else None)
        if level_text is not None and str(level_text).strip() and level is None:
            main.note("workbook_unknown_level", number, columns.get("level", 1), level=str(level_text)[:40],
                      levels=", ".join(words["fi"] for words in LEVEL_WORDS.values()))
            continue
        if ident is not None:
            if ident in seen:
                main.note("workbook_duplicate_id", number, columns["id"], id=ident,
                          first=main.name(seen[ident], columns["id"]))
                continue
            seen[ident] = number
            read.id_cells[ident] = (main_name, number, columns["id"])
            for column, lang in text_columns.items():
                read.cells[(ident, (lang,))] = (main_name, number, column)
            if "responsible" in columns:
                read.cells[(ident, ("responsible",))] = (main_name, number, columns["responsible"])
        read.rows.append(row)

    data = _Cells(result, data_name, False)
    data_keys = _heading_keys(DATA_HEADINGS)
    data_rows = _values(book, data_name, result, data, budget)
    header = next(data_rows, None)
    data_columns: dict[str, int] = {}
    for column, value in enumerate(header[1] if header else [], start=1):
        key = normalise(value)
        if key in data_keys:
            data_columns.setdefault(data_keys[key], column)
    if not {"id", "field", "value"} <= set(data_columns):
        result.note(ERROR, "workbook_id_column_missing", None, sheet=data_name,
                    heading=" / ".join(DATA_HEADINGS["id"].values()))
        return None
    def get(values: list, key: str) -> Any:
        column = data_columns[key]
        return values[column - 1] if column <= len(values) else None

    for number, values in data_rows:
        ident, path_text = get(values, "id"), get(values, "field")
        if ident is None or path_text is None or not str(path_text).strip():
            continue
        path = tuple(int(p) if _INDEX.fullmatch(p) else p for p in str(path_text).strip().split("."))
        read.data.setdefault(str(ident).strip(), []).append((path, decode_value(get(values, "value"))))
        read.cells[(str(ident).strip(), path)] = (data_name, number, data_columns["value"])
    return read


# --- the sub-area files the workbook describes ------------------------------------------------------------
def _nest(pairs: list[tuple[tuple, Any]]) -> dict:
    """Field paths and values back into nested data: dicts, and lists where the keys are list positions."""
    root: dict = {}
    for path, value in pairs:
        node = root
        for part in path[:-1]:
            node = node.setdefault(part, {})
            if not isinstance(node, dict):
                break
        else:
            node[path[-1]] = value
    return _lists(root)


def _lists(value: Any) -> Any:
    if isinstance(value, dict):
        value = {k: _lists(v) for k, v in value.items()}
        if value and all(isinstance(k, int) for k in value):
            return [value[k] for k in sorted(value)]
    return value


def rebuild(read: Read, result: Imported, main_language: str, base: dict[str, dict] | None,
            codes: dict[str, str]) -> dict[str, dict]:
    """Sub-area id → its data as the workbook has it. ``base``: the files the workbook was exported from (its
    ids are the only ones a row may carry; a new row leaves the id empty and gets one here); None for a first
    import. ``codes``: sub-area id → code, for new ids."""
    known: dict[str, tuple[str, dict]] = {}
    base_parent: dict[str, str] = {}
    for data in (base or {}).values():
        for known_level, known_item, parent_id in workbook_items(data):
            if isinstance(known_item.get("id"), str):
                known[known_item["id"]] = (known_level, known_item)
                if isinstance(parent_id, str):
                    base_parent[known_item["id"]] = parent_id
    used = set(known) | {r.id for r in read.rows if r.id}
    for data_id, pairs in read.data.items():  # a data row whose id was edited would drop its field silently
        if base is not None and data_id not in known and data_id not in used:
            at = read.cells[(data_id, pairs[0][0])]
            result.notes.append(Problem(ERROR, "workbook_unknown_id", result.name, at[1], 1, {"id": data_id},
                                        cell=_name(read, (at[0], at[1], 1))))
    subareas: dict[str, dict] = {}
    children: dict[int, dict[str, list]] = {}  # id(item) → child list → items
    subarea: dict | None = None
    goal: dict | None = None
    by_id: dict[str, dict] = {}
    placed: list[tuple[int, str, dict, dict | None]] = []  # (row, level, item, the item above it in the sheet)
    for row in read.rows:
        level = row.level
        before = known.get(row.id) if row.id else None
        if row.id and base is not None and before is None:
            result.notes.append(Problem(ERROR, "workbook_unknown_id", result.name, row.number, 1, {"id": row.id},
                                        cell=_name(read, read.id_cells[row.id])))
            continue
        if before is not None and row.id and level != before[0] and level is not None:
            result.notes.append(Problem(ERROR, "workbook_level_changed", result.name, row.number, 1,
                                        {"id": row.id, "level": LEVEL_WORDS[before[0]]["fi"]},
                                        cell=_name(read, read.id_cells[row.id])))
            continue
        if before is not None and level is None:
            level = before[0]
        if level is None:
            continue  # a row of comments only, or notes a user added
        ident = row.id
        if ident is None:
            if level == "subarea":
                result.notes.append(Problem(ERROR, "workbook_new_subarea_row", result.name, row.number, 1, {},
                                            cell=f"A{row.number}"))
                continue
            ident = _new_id(level, subarea or {}, goal or {}, codes, children, used)
            used.add(ident)
            result.notes.append(Problem("info", "workbook_new_item", result.name, row.number, 1,
                                        {"id": ident, "level": LEVEL_WORDS[level]["fi"]}, cell=f"A{row.number}"))
        item: dict = {"id": ident}
        text_field = ITEM_LEVELS[level][1]
        old_text = before[1].get(text_field) if before else None
        if row.texts:
            if isinstance(old_text, str) and set(row.texts) == {main_language}:
                item[text_field] = row.texts[main_language]
            else:
                item[text_field] = {lang: row.texts[lang] for lang in read.languages if lang in row.texts}
        if level == "action" and row.responsible is not None:
            item["responsible"] = row.responsible
        fields = _nest([(p, v) for p, v in read.data.get(row.id, []) if isinstance(p[0], str)]) if row.id else {}
        for key, value in fields.items():
            if key not in main_sheet_fields(level):
                item[key] = value
        if level == "action" and row.id is None:  # a new action: planned, led by the first party named
            named = [r for r in item.get("responsible") or [] if r != ALL_MUNICIPALITIES]
            if named:
                item["lead"] = named[0]
            item["status"] = "planned"
        item = _schema_order(level, item)
        children[id(item)] = {name: [] for name in child_lists(level)}
        if level == "subarea":
            subarea, goal = item, None
            if ident in subareas:
                continue
            subareas[ident] = item
        else:
            placed.append((row.number, level, item, subarea if level == "goal" else goal))
            if level == "goal":
                goal = item
        by_id[ident] = item
    # an item stays under its parent in the files (a sorted or filtered sheet moves nothing); a new row, or one
    # whose parent's row was deleted, goes under the item above it
    for number, level, item, above in placed:
        parent = by_id.get(base_parent.get(item["id"], ""), above)
        if parent is None:
            result.notes.append(Problem(ERROR, "workbook_row_without_parent", result.name, number, 1,
                                        {"level": LEVEL_WORDS[level]["fi"]}, cell=f"A{number}"))
            continue
        children[id(parent)]["goals" if level == "goal" else "actions" if level == "action" else "indicators"] \
            .append(item)

    def assemble(node: dict) -> None:
        for name, items in children.get(id(node), {}).items():
            for child in items:
                assemble(child)
            if items or name in node:
                node[name] = node.get(name) if not items else items
    for data in subareas.values():
        assemble(data)
    return subareas


_EXAMPLE_PATH = {"subarea": (), "goal": ("goals", 0), "action": ("goals", 0, "actions", 0),
                 "indicator": ("goals", 0, "indicators", 0)}


def _schema_order(level: str, item: dict) -> dict:
    """The item's keys in the schema's order, as the files write them (unknown keys after)."""
    node = default_schemas().node_at("subarea", _EXAMPLE_PATH[level]) or {}
    order = {key: index for index, key in enumerate(node.get("properties", {}))}
    return dict(sorted(item.items(), key=lambda pair: order.get(pair[0], len(order))))


def _name(read: Read, at: tuple[str, int, int]) -> str:
    sheet, row, column = at
    cell = f"{get_column_letter(column)}{row}"
    return cell if sheet == read.main_sheet else f"'{sheet}'!{cell}"


def _new_id(level: str, subarea: dict, goal: dict, codes: dict[str, str], children: dict, used: set[str]) -> str:
    if level == "goal":
        prefix = f"{subarea.get('code') or codes.get(subarea.get('id', ''), 'OA')}-"
    else:
        prefix = f"{goal.get('id')}-{'T' if level == 'action' else 'M'}"
    number = 1  # the first number not in use
    while f"{prefix}{number}" in used:
        number += 1
    return f"{prefix}{number}"


# --- three-way merge ----------------------------------------------------------------------------------------
@dataclass
class Conflict:
    item: str  # the item's id
    path: tuple  # the field inside the item
    ours: Any  # the repository's value now
    theirs: Any  # the workbook's


def same(a: Any, b: Any) -> bool:
    """Equal as data: 46 and 46.0 are the same number; True is not 1."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    return type(a) is type(b) and a == b


def _id_list(*values: Any) -> bool:
    lists = [v for v in values if v is not MISSING]
    return all(isinstance(v, list) and all(isinstance(x, dict) and isinstance(x.get("id"), str) for x in v)
               for v in lists) and any(lists)


def merge3(base: Any, ours: Any, theirs: Any, item: str, path: tuple, conflicts: list[Conflict]) -> Any:
    """The workbook's changes (base → theirs) applied to the repository's data (ours); where both changed the
    same value differently, ours is kept and a conflict noted."""
    if theirs is MISSING and ours is MISSING:
        return MISSING
    if _same(theirs, base):
        return ours
    if _same(ours, base) or _same(ours, theirs):
        return theirs if not _same(ours, theirs) else ours
    if all(isinstance(v, dict) for v in (base, ours, theirs) if v is not MISSING) and isinstance(ours, dict) \
            and isinstance(theirs, dict):
        b = base if isinstance(base, dict) else {}
        out: dict = {}
        for key in list(ours) + [k for k in theirs if k not in ours]:
            value = merge3(b.get(key, MISSING), ours.get(key, MISSING), theirs.get(key, MISSING), item, path + (key,),
                           conflicts)
            if value is not MISSING:
                out[key] = value
        return out
    if isinstance(ours, list) and isinstance(theirs, list) and _id_list(base, ours, theirs):
        return _merge_items(base if isinstance(base, list) else [], ours, theirs, conflicts)
    conflicts.append(Conflict(item, path, ours, theirs))
    return ours


def _same(a: Any, b: Any) -> bool:
    if a is MISSING or b is MISSING:
        return a is b
    return same(a, b)


def _merge_items(base: list, ours: list, theirs: list, conflicts: list[Conflict]) -> list:
    by_base = {x["id"]: x for x in base}
    by_theirs = {x["id"]: x for x in theirs}
    by_ours = {x["id"]: x for x in ours}
    out: list = []
    for entry in ours:
        ident = entry["id"]
        merged = merge3(by_base.get(ident, MISSING), entry, by_theirs.get(ident, MISSING), ident, (), conflicts)
        if merged is not MISSING:
            out.append(merged)
    for index, entry in enumerate(theirs):  # added in the workbook: after the item it follows there
        ident = entry["id"]
        if ident in by_ours:
            continue
        if ident in by_base:  # deleted in the repository, kept in the workbook
            if not same(entry, by_base[ident]):
                conflicts.append(Conflict(ident, (), MISSING, entry))
            continue
        before = next((theirs[i]["id"] for i in range(index - 1, -1, -1)
                       if any(x["id"] == theirs[i]["id"] for x in out)), None)
        position = next((i + 1 for i, x in enumerate(out) if x["id"] == before), 0)
        out.insert(position, entry)
    return out

"""A workbook made by export-xlsx, read back: every sheet's cells, each kept with its place.

The format is cooperation/workbook/ (the main sheet in Kuntaliitto's columns, the data sheet, the yearly values,
the parties, the hidden sheets of lists and of where the workbook came from). What the cells mean is worked out
by cooperation/imports/rebuild.py against the data the workbook was exported from. Nothing is evaluated: a
formula is refused, never computed or imported as a formula; every problem names its cell (``tyokirja.xlsx!C14``).
"""
from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cooperation.i18n import labels as L
from cooperation.i18n.messages import param
from cooperation.imports.xlsx import Book, Notes, Unreadable, size_text
from cooperation.result import ERROR
from cooperation.workbook import cells as C
from cooperation.workbook import layout as Y

MAX_ROWS = 200_000  # rows read from a sheet: far beyond any agreement (the large benchmark region has ~10 000)
MAX_IMPORT_CHARS = 20_000_000  # text taken from all cells together
EXCEL_CELL_CHARS = 32_767  # the most a cell holds (Excel's limit)
_INDEX = re.compile(r"[0-9]{1,6}")  # a list position in a field path (str.isdigit() is true for "²")


def is_roundtrip(path: Path) -> bool:
    """Whether the file is a workbook export-xlsx made (it has the hidden sheet naming its source)."""
    try:
        with zipfile.ZipFile(path) as archive:
            workbook = archive.read("xl/workbook.xml")
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError):
        return False
    return f'name="{Y.META_SHEET}"'.encode() in workbook


@dataclass
class Row:
    """A row of the main sheet."""

    number: int
    id: str | None
    level: str | None  # from its level cell (None: left empty)
    cells: dict[str, Any]  # layout column → the cell's content, non-empty cells only
    texts: dict[str, str]  # language → the name in its "Teksti (…)" column
    comment: str | None
    party: str | None


@dataclass
class DataRow:
    number: int
    id: str
    path: tuple
    value: Any  # as read: what it means depends on the item's level (an enum's words)
    title: Any


@dataclass
class ValueRow:
    number: int
    id: Any
    area: Any
    cells: dict[Any, Any]  # column key (("previous", year) for a year before) → the cell's content
    percent: bool = False  # the value cell shows its number as a percentage (Excel read "15 %" as 0.15)


@dataclass
class Read:
    """What the workbook holds, with the place of every cell."""

    meta: dict[str, str]
    lang: str  # the workbook's language
    languages: list[str]  # the agreement's languages when it was exported
    year: int | None  # the yearly update's year
    party: str | None  # a party's copy
    sheets: dict[str, str] = field(default_factory=dict)  # sheet key → its name in this workbook
    columns: dict[tuple[str, str | None], int] = field(default_factory=dict)  # the main sheet's columns
    rows: list[Row] = field(default_factory=list)
    data: list[DataRow] = field(default_factory=list)
    value_columns: dict[Any, int] = field(default_factory=dict)
    values: list[ValueRow] = field(default_factory=list)
    data_columns: dict[str, int] = field(default_factory=dict)  # the data sheet's columns
    reference: dict[str, list[tuple[int, list, Any]]] = field(default_factory=dict)  # sheets only shown: their rows
    headings: dict[str, list] = field(default_factory=dict)  # a sheet's heading row as read


def read_workbook(path: Path, notes: Notes) -> Read | None:
    """The workbook's contents, or None after noting why it cannot be read (every problem with its cell)."""
    try:
        book = Book(path)
    except (KeyError, ValueError, zipfile.BadZipFile, Unreadable, OSError, EOFError):
        notes.book(ERROR, "workbook_part_missing")
        return None
    try:
        return _Reader(book, notes).read()
    except Unreadable as exc:
        notes.book(ERROR, exc.code, **exc.params)
        return None
    except (KeyError, ValueError, zipfile.BadZipFile, OSError, EOFError) as exc:
        notes.book(ERROR, "workbook_broken_sheet", sheet="", error=type(exc).__name__)
        return None
    finally:
        book.close()


_filled = C.filled

_ID = "[a-z0-9][a-z0-9-]{0,62}"
_LANGUAGE = "|".join(Y.LANGUAGES)
# what each row of the hidden sheet may hold (the export writes exactly these): the values are handed to git and
# compared with the data, so a forged one (a NUL in the revision reached git and crashed) is refused at its cell
SOURCE_VALUES: dict[str, str] = {
    "agreement": _ID, "fingerprint": "[0-9a-f]{64}", "revision": "(?:[0-9a-f]{40}|[0-9a-f]{64})?",
    "language": f"(?:{_LANGUAGE})", "party": f"(?:{_ID})?", "languages": f"(?:{_LANGUAGE})(?:, (?:{_LANGUAGE}))*",
    "year": "[0-9]{4}", "schemas": "[0-9a-f]{64}",
}  # what each value should be, in words: messages.PARAMS["source_<key>"]


def _quoted(value: str) -> str:
    """At most 40 characters of a value, its control characters kept (the message shows them as <U+0000>)."""
    return value if len(value) <= 40 else value[:39] + "…"


class _Reader:
    def __init__(self, book: Book, notes: Notes):
        self.book, self.notes = book, notes
        self.budget = 0

    def read(self) -> Read | None:
        book, notes = self.book, self.notes
        names = book.sheetnames
        meta = self._source()
        if meta is None:
            return None
        lang = meta["language"] if meta.get("language") in Y.LANGUAGES else "fi"  # checked by _source
        year = int(meta["year"]) if re.fullmatch(r"[0-9]{4}", meta.get("year", "")) else None
        languages = [x.strip() for x in meta.get("languages", "").split(",") if x.strip()] or [lang]
        read = Read(meta, lang, languages, year, meta.get("party") or None)
        for key in Y.SHEETS:
            found = next((n for n in names if n in Y.sheet_names(key)), None)
            if found is not None:
                read.sheets[key] = found
        for key in ("main", "data"):
            if key not in read.sheets:
                notes.book(ERROR, "workbook_sheet_missing", sheet=" / ".join(sorted(Y.sheet_names(key))))
                return None
        notes.main = read.sheets["main"]
        if not self._main(read) or not self._data(read):
            return None
        if "values" in read.sheets:
            self._values(read)
        for key in ("parties",):
            if key in read.sheets:
                read.reference[key] = list(self._cells(read.sheets[key]))
        if Y.LISTS_SHEET in names:
            read.reference["lists"] = list(self._cells(Y.LISTS_SHEET))
        ours = set(read.sheets.values()) | {Y.META_SHEET, Y.LISTS_SHEET}
        for name in names:
            if name not in ours:
                self._foreign(name, read)
        return read

    # --- cells ---------------------------------------------------------------------------------------------------

    def _source(self) -> dict[str, str] | None:
        """The hidden sheet's rows (key → value), every one checked; None (with the problems at their cells) when the
        format is not this program's or any value is not what the export writes."""
        book, notes = self.book, self.notes
        rows = [(number, values[:2] + [None, None], bool(marks and any(m[0] == "formula" for m in marks.values())))
                for number, values, marks in book.rows(Y.META_SHEET, 100)] if Y.META_SHEET in book.sheetnames else []
        meta = {str(row[0]): "" if row[1] is None else str(row[1]) for _, row, _ in rows if row[0]}
        if meta.get("format") != Y.FORMAT:
            notes.book(ERROR, "workbook_unknown_format", format=meta.get("format", ""))
            return None
        known = {"format": re.escape(Y.FORMAT), **SOURCE_VALUES}
        seen: set[str] = set()
        before = len(notes.problems)
        for number, row, formula in rows:
            key = "" if row[0] is None else str(row[0])
            value = "" if row[1] is None else str(row[1])
            if key not in known or key in seen:
                notes.at(ERROR, "workbook_source_value", Y.META_SHEET, number, 1, sheet=Y.META_SHEET,
                         value=_quoted(key), expected=param("source_key", keys=", ".join(known)))
                continue
            seen.add(key)
            if formula or not re.fullmatch(known[key], value):
                expected = {"fi": Y.FORMAT, "sv": Y.FORMAT, "en": Y.FORMAT} if key == "format" else param(f"source_{key}")
                notes.at(ERROR, "workbook_source_value", Y.META_SHEET, number, 2, sheet=Y.META_SHEET,
                         value=_quoted(value), expected=expected)
        return None if len(notes.problems) > before else meta
    def _cells(self, sheet: str):
        """(row number, values) of a sheet; formulas and over-full cells are noted and read as empty."""
        for number, row, marks in self.book.rows(sheet, MAX_ROWS):
            values: list[Any] = row  # a list of its own, per row
            if marks:
                for column, mark in marks.items():
                    if mark[0] == "formula":
                        self.notes.at(ERROR, "workbook_formula", sheet, number, column, formula=str(mark[1])[:40])
                        values[column - 1] = None
                    elif mark[0] == "error":
                        self.notes.at(ERROR, "workbook_error_value", sheet, number, column, value=mark[1])
            lengths = [len(value) for value in values if value.__class__ is str]
            self.budget += sum(lengths)
            if lengths and max(lengths) > EXCEL_CELL_CHARS:
                for column, value in enumerate(values, start=1):
                    if isinstance(value, str) and len(value) > EXCEL_CELL_CHARS:
                        self.notes.at(ERROR, "workbook_cell_full", sheet, number, column, size=size_text(len(value)),
                                      limit=size_text(EXCEL_CELL_CHARS))
                        values[column - 1] = None
            if self.budget > MAX_IMPORT_CHARS:
                self.notes.at(ERROR, "workbook_too_much_text", sheet, number, 1, limit=size_text(MAX_IMPORT_CHARS))
                return
            yield number, values, marks

    def _foreign(self, name: str, read: Read) -> None:
        """A sheet the workbook did not come with: nothing on it is read, so anything on it is refused."""
        for number, values, _ in self._cells(name):
            column = next((c for c, v in enumerate(values, start=1) if _filled(v)), None)
            if column is not None:
                self.notes.at(ERROR, "workbook_not_read_sheet", name, number, column, sheet=name,
                              main=read.sheets["main"])
                return

    def _unread(self, sheet: str, number: int, values: list, known: set[int], headings: list) -> None:
        """Content in a column the import does not know: refused at its cell."""
        for column, value in enumerate(values, start=1):
            if column not in known and _filled(value):
                heading = headings[column - 1] if column <= len(headings) and _filled(headings[column - 1]) else ""
                self.notes.at(ERROR, "workbook_not_read_column", sheet, number, column,
                              column=str(heading) if heading else "–")

    # --- the main sheet ------------------------------------------------------------------------------------------
    def _main(self, read: Read) -> bool:
        sheet = read.sheets["main"]
        rows = self._cells(sheet)
        header = next(rows, None)
        heads = header[1] if header else []
        read.headings["main"] = list(heads)
        known = Y.main_headings()
        for column, value in enumerate(heads, start=1):
            key = known.get(Y.normal(value)) if isinstance(value, str) else None
            if key is not None and key not in read.columns:
                read.columns[key] = column
        if ("id", None) not in read.columns:
            self.notes.row(ERROR, "workbook_id_column_missing", header[0] if header else 1, sheet=sheet,
                           heading=" / ".join(Y.main_heading("id", x) for x in Y.LANGUAGES))
            return False
        where = {key: column for key, column in read.columns.items()}
        used = set(where.values())
        seen: dict[str, int] = {}

        def at(values: list, key: tuple[str, str | None]) -> Any:
            column = where.get(key)
            return values[column - 1] if column and column <= len(values) else None

        for number, values, _ in rows:
            if not any(_filled(v) for v in values):
                continue
            self._unread(sheet, number, values, used, heads)
            raw_id = at(values, ("id", None))
            ident = str(raw_id).strip() if _filled(raw_id) else None
            level_text = at(values, ("level", None))
            level = C.read_level(level_text) if _filled(level_text) else None
            if _filled(level_text) and level is None:
                self.notes.at(ERROR, "workbook_unknown_level", sheet, number, where[("level", None)],
                              level=str(level_text)[:40],
                              levels=", ".join(f"”{C.level_word(x, read.lang)}”" for x in Y.LEVELS))
                continue
            if ident is not None:
                if ident in seen:
                    self.notes.at(ERROR, "workbook_duplicate_id", sheet, number, where[("id", None)], id=ident,
                                  first=self.notes.cell(sheet, seen[ident], where[("id", None)]))
                    continue
                seen[ident] = number
            comment, party = at(values, ("comment", None)), at(values, ("party", None))
            read.rows.append(Row(
                number, ident, level,
                {key: value for key in Y.LAYOUT if _filled(value := at(values, (key, None)))},
                {language: str(value) for (key, language), column in where.items()
                 if key == "text" and language and _filled(value := at(values, (key, language)))},
                str(comment).strip() if _filled(comment) else None, str(party).strip() if _filled(party) else None))
        return True

    # --- the data sheet ------------------------------------------------------------------------------------------
    def _data(self, read: Read) -> bool:
        sheet = read.sheets["data"]
        rows = self._cells(sheet)
        header = next(rows, None)
        heads = header[1] if header else []
        known = {Y.normal(Y.data_heading(key, x)): key for key in Y.DATA_COLUMNS for x in Y.LANGUAGES}
        columns: dict[str, int] = {}
        for column, value in enumerate(heads, start=1):
            key = known.get(Y.normal(value)) if isinstance(value, str) else None
            if key is not None:
                columns.setdefault(key, column)
        if not {"id", "field", "value"} <= set(columns):
            self.notes.book(ERROR, "workbook_id_column_missing", sheet=sheet,
                            heading=" / ".join(Y.data_heading("id", x) for x in Y.LANGUAGES))
            return False
        used = set(columns.values())

        def get(values: list, key: str) -> Any:
            column = columns.get(key)
            return values[column - 1] if column and column <= len(values) else None

        for number, values, _ in rows:
            self._unread(sheet, number, values, used, heads)
            ident, path_text = get(values, "id"), get(values, "field")
            if not _filled(ident) or not _filled(path_text):
                filled = next((c for c, v in enumerate(values, start=1) if c in used and _filled(v)), None)
                if filled is not None:
                    self.notes.at(ERROR, "workbook_data_row_incomplete", sheet, number, filled)
                continue
            path = tuple(int(p) if _INDEX.fullmatch(p) else p for p in str(path_text).strip().split("."))
            read.data.append(DataRow(number, str(ident).strip(), path, get(values, "value"), get(values, "title")))
        read.data_columns = columns
        return True

    # --- the yearly values sheet ---------------------------------------------------------------------------------
    def _values(self, read: Read) -> None:
        sheet = read.sheets["values"]
        rows = self._cells(sheet)
        header = next(rows, None)
        if header is None:
            return
        number, heads = header[0], header[1]
        read.headings["values"] = list(heads)
        words = {Y.normal(Y.value_heading(key, x, 0)): key for key in ("id", "indicator", "area", "unit", "progress")
                 for x in Y.LANGUAGES}
        yearly = {key: [re.compile(re.escape(Y.normal(L.word(word, x))).replace(r"\{year\}", "([0-9]{4})") + "$")
                        for x in Y.LANGUAGES] for key, word in (("value", "col_value_year"), ("note", "col_note_year"))}
        columns: dict[Any, int] = {}
        for column, value in enumerate(heads, start=1):
            text = Y.normal(value)
            if column == len(heads) and text == Y.value_heading("progress_code", "fi", 0):
                columns["progress_code"] = column
            elif text in words:
                columns.setdefault(words[text], column)
            elif re.fullmatch(r"[0-9]{4}", text):
                columns[("previous", int(text))] = column
            else:
                for key, patterns in yearly.items():
                    match = next((m for p in patterns if (m := p.match(text))), None)
                    if match:
                        columns.setdefault(key, column)
                        if read.year is not None and int(match.group(1)) != read.year:
                            self.notes.at(ERROR, "workbook_year_heading", sheet, number, column,
                                          found=match.group(1), year=read.year)
        read.value_columns = columns
        used = set(columns.values())
        for number, values, marks in rows:
            if not any(_filled(v) for v in values):
                continue
            self._unread(sheet, number, values, used, heads)
            cells = {key: values[column - 1] for key, column in columns.items() if column <= len(values)}
            percent = bool(marks and columns.get("value") in marks and marks[columns["value"]] == ("percent",))
            read.values.append(ValueRow(number, cells.get("id"), cells.get("area"), cells, percent))

"""The workbook the parties edit and send back (export-xlsx), one per language of the agreement.

Its format is cooperation/workbook/: the main sheet in the columns of Kuntaliitto's template (a row per sub-area,
goal, action and indicator; statuses and levels as words of the workbook's language with drop-down lists), the
data sheet with every other field (lossless), the yearly values sheet (a row per indicator and area, the update
year's values beside the years before it), the parties, and hidden sheets naming where the workbook came from and
the words of the drop-down lists. import-xlsx (cooperation/imports/roundtrip.py) reads it back. Every text is
written as text, never as a formula.
"""
from __future__ import annotations

import datetime
import io
import re
import zipfile
from collections.abc import Iterable
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from cooperation.changes.gitrepo import clean_revision
from cooperation.files import reproducible_zip
from cooperation.i18n import labels as L
from cooperation.load.sources import Sources
from cooperation.model import Agreement
from cooperation.schemas import default_schemas
from cooperation.timeliness import today
from cooperation.workbook import cells as C
from cooperation.workbook import layout as Y


def default_year() -> int:
    """The year whose values the yearly update asks for: the one before this year (statistics lag a year)."""
    return today().year - 1


def export(model: Agreement, sources: Sources, lang: str | None = None, party: str | None = None,
           year: int | None = None) -> bytes:
    """The workbook in ``lang``. ``party``: a party's copy, with the rows that concern it (its own actions and
    indicators highlighted) and its id in the commenting party's column. ``year``: the yearly update's year."""
    lang = lang if lang in Y.LANGUAGES else "fi"
    return export_languages(model, sources, [lang], party, year)[lang]


def export_languages(model: Agreement, sources: Sources, langs: list[str], party: str | None = None,
                     year: int | None = None) -> dict[str, bytes]:
    """The workbook in each of ``langs``; what they share is worked out once."""
    shared = _Shared(model, sources, party, year or default_year())
    return {lang: _Book(shared, lang if lang in Y.LANGUAGES else "fi").save() for lang in langs}


class _Shared:
    """What every language's workbook is made of: the files' items in the agreement's order, the parties, the
    values by indicator, area and year, the revision."""

    def __init__(self, model: Agreement, sources: Sources, party: str | None, year: int):
        self.model, self.party, self.year = model, party, year
        self.languages = list(model.languages)
        documents = {doc.data.get("id"): doc.data for doc in sources.subareas if isinstance(doc.data, dict)}
        parties_doc = sources.documents.get("parties")
        self.parties: list[dict] = [p for p in (parties_doc.data.get("parties") or []) if isinstance(p, dict)] \
            if parties_doc is not None and isinstance(parties_doc.data, dict) else []
        self.codec = C.Parties(self.parties)
        self.items: list[tuple[str, dict]] = []  # (level, item) of the main sheet's rows
        for subarea in model.subareas:
            document = documents.get(subarea.id)
            if document is None:
                continue
            for level, item, _parent in Y.workbook_items(document):
                if party is None or Y.concerns(level, item, party, self.parties):
                    self.items.append((level, item))
        self.values = {(m.indicator, m.area, m.year): (m.value, m.note) for m in sources.measurements}
        self.indicators = {i.id: i for i in model.indicators}
        self.revision = clean_revision(sources.root) or ""
        # the yearly values sheet's rows in every language: (indicator, area, the years before, the year's value and
        # note, the progress level's code)
        previous = Y.previous_years(year)
        municipalities = Y.municipalities_of(self.parties)
        own = Y.party_area(party, self.parties) if party is not None else None
        self.value_rows: list[tuple[dict, str, list, Any, Any, str]] = []
        for level, item in self.items:
            if level != "indicator" or not isinstance(item.get("id"), str):
                continue
            indicator = self.indicators.get(item["id"])
            for area in Y.indicator_areas(item, municipalities):
                if own is None or area == own:
                    now = self.values.get((item["id"], area, year))
                    self.value_rows.append((item, area, [(self.values.get((item["id"], area, y)) or (None,))[0]
                                                         for y in previous], now[0] if now else None,
                                            (now[1] or None) if now else None,
                                            indicator.progress(area).code if indicator is not None else ""))
        self.paths: dict[tuple[str, tuple], tuple[str, tuple, dict]] = {}  # (level, path) → (text, shape, labels)
        self.value_template: dict[tuple, list[tuple[str, str, str, str, str, str]]] = {}  # styles → values rows' XML


_MAIN_FILL = PatternFill("solid", fgColor="FFF2CC")  # a party's own rows
_READ_ONLY = PatternFill("solid", fgColor="EDEDED")  # reference columns: the import does not read them
_TEXT_FORMAT = "@"  # typed input stays text (a schedule "1/2027" is not turned into a date)


class _Book:
    def __init__(self, shared: _Shared, lang: str):
        self.s, self.lang = shared, lang
        self.book = Workbook()
        self.styles = _Styles(self.book)
        self.rows: dict[str, tuple[bytes, str]] = {}  # sheet title → its rows after the heading, as XML
        self.lists: dict[str, list[str]] = {}  # the drop-down lists: key → words

    def save(self) -> bytes:
        book, lang = self.book, self.lang
        main = book.active
        main.title = Y.sheet_name("main", lang)
        data = book.create_sheet(Y.sheet_name("data", lang))
        values = book.create_sheet(Y.sheet_name("values", lang))
        parties = book.create_sheet(Y.sheet_name("parties", lang))
        self._parties(parties)
        self._main(main)
        self._data(data)
        self._values(values)
        self._lists()
        meta = book.create_sheet(Y.META_SHEET)
        for key, value in (("format", Y.FORMAT), ("agreement", self.s.model.id),
                           ("fingerprint", self.s.model.fingerprint), ("revision", self.s.revision),
                           ("language", lang), ("party", self.s.party or ""), ("languages", ", ".join(self.s.languages)),
                           ("year", str(self.s.year)), ("schemas", default_schemas().digest)):
            meta.append([key, value])
        meta.sheet_state = "hidden"
        _as_text(book)
        when = datetime.datetime(2000, 1, 1)
        book.properties.created = book.properties.modified = when
        book.properties.creator = book.properties.lastModifiedBy = "cooperation"
        buffer = io.BytesIO()
        book.save(buffer)
        files = {sheet.title: f"xl/worksheets/sheet{index}.xml" for index, sheet in enumerate(book.worksheets, 1)}
        return _reproducible(buffer.getvalue(), {files[title]: rows for title, rows in self.rows.items()})

    # --- the main sheet ----------------------------------------------------------------------------------------
    def _main(self, sheet) -> None:
        lang, languages = self.lang, self.s.languages
        columns = Y.main_columns(languages, lang)
        sheet.append([Y.main_heading(key, lang, language) for key, language in columns])
        _header(sheet, [Y.COLUMN_WIDTHS[key] for key, _ in columns])
        sheet["A1"].style_id  # noqa: B018 (registers the heading's style first, as openpyxl's writer would)
        position = {column: index for index, column in enumerate(columns)}
        text_columns = {"subarea", "goal", "action", "indicator", "text", "status_reason", "resources", "comment"}
        rows: list[tuple[list, list[int]]] = []
        status_rows: list[int] = []
        for number, (level, item) in enumerate(self.s.items, start=2):
            fill = _MAIN_FILL if self.s.party and Y.highlighted(level, item, self.s.party, self.s.parties) else None
            bold = level == "subarea"
            shown = C.main_cells(level, item, lang, languages, self.s.codec)
            values: list[Any] = [None] * len(columns)
            for column, value in shown.items():
                values[position[column]] = value
            values[position[("party", None)]] = self.s.party
            styles = [self.styles.id(wrap=key in text_columns, bold=bold, fill=fill,
                                     text=key in ("schedule", "baseline", "target"))
                      if value is not None or fill else 0 for (key, _), value in zip(columns, values)]
            rows.append((values, styles))
            if level == "action":
                status_rows.append(number)
        last = len(rows) + 1
        self.rows[sheet.title] = _rows_xml(rows, 2)
        for key, _ in columns:  # typed input in the empty rows below is text too
            if key in ("schedule", "baseline", "target"):
                sheet.column_dimensions[get_column_letter(position[(key, None)] + 1)].number_format = _TEXT_FORMAT
        sheet.freeze_panes = "C2"
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{last}"
        self._list(sheet, "level", [C.level_word(level, lang) for level in Y.LEVELS],
                   [f"{_letter(position, 'level')}2:{_letter(position, 'level')}{last + 500}"])
        status = Y.enum_at("action", ("status",))
        for key, words, where in (
                ("status", [C.enum_word(status, code, lang) for code in status], status_rows),
                ("lead", [self.s.codec.name(p, lang) for p in self.s.codec.ids], status_rows)):
            letter = _letter(position, key)
            # rows added below the table get the lists too
            self._list(sheet, key, words, _ranges(letter, where) + [f"{letter}{last + 1}:{letter}{last + 500}"])

    # --- the data sheet ----------------------------------------------------------------------------------------
    def _data(self, sheet) -> None:
        lang = self.lang
        sheet.append([Y.data_heading(key, lang) for key in Y.DATA_COLUMNS])
        _header(sheet, (16, 30, 60, 30))
        value_style = self.styles.id(wrap=True)
        rows: list[tuple[list, list[int]]] = []
        enums: dict[tuple[str, tuple], list[int]] = {}
        styles = [0, 0, value_style, 0]
        paths = self.s.paths
        titles: dict[tuple[str, tuple], str | None] = {}
        for level, item in self.s.items:
            ident = item.get("id")
            for path, leaf in Y.data_fields(level, item, lang, self.s.languages):
                known = paths.get((level, path))
                if known is None:
                    shape = tuple(0 if isinstance(p, int) else p for p in path)
                    known = paths[(level, path)] = (".".join(str(p) for p in path), shape, Y.enum_at(level, shape))
                text, shape, labels = known
                title = titles.get((level, shape), False)
                if title is False:
                    title = titles[(level, shape)] = Y.field_title(level, shape, lang)
                if labels and leaf.__class__ is str and leaf in labels:
                    enums.setdefault((level, shape), []).append(len(rows) + 2)
                    shown = C.enum_word(labels, leaf, lang)
                else:
                    shown = C.encode_value(leaf)
                rows.append(([ident, text, shown, title], styles))
        self.rows[sheet.title] = _rows_xml(rows, 2)
        for (level, shape), numbers in sorted(enums.items()):
            labels = Y.enum_at(level, shape)
            self._list(sheet, f"{level}:{'.'.join(str(p) for p in shape)}",
                       [C.enum_word(labels, code, lang) for code in labels], _ranges("C", numbers))

    # --- the yearly values sheet -------------------------------------------------------------------------------
    def _values(self, sheet) -> None:
        lang, year, s = self.lang, self.s.year, self.s
        previous = Y.previous_years(year)
        heads: list[Any] = []
        for key in Y.VALUE_COLUMNS:
            heads += [str(y) for y in previous] if key == "previous" else [Y.value_heading(key, lang, year)]
        sheet.append(heads)
        _header(sheet, [14, 50, 24, 10] + [9] * len(previous) + [12, 30, 24, 6])
        reference = self.styles.id(fill=_READ_ONLY)
        reference_text = self.styles.id(wrap=True, fill=_READ_ONLY)
        note = self.styles.id(wrap=True, text=True)
        styles = [0, reference_text, 0, reference] + [reference] * len(previous) + [0, note, reference, 0]
        main = self.s.languages[0]
        # the rows' cells but their words are the same in every language: written once, the words put in per language
        template = s.value_template.get(tuple(styles))
        if template is None:
            template = s.value_template[tuple(styles)] = _value_template(s.value_rows, styles)
        texts: dict[Any, str] = {}  # a text → its cell's XML after the reference and style

        def cell(text: Any) -> str:
            xml = texts.get(text)
            if xml is None:
                xml = texts[text] = _text_cell(text)
            return xml
        shown: dict[str, tuple[str, str]] = {}  # indicator id → its name's and unit's cells in this language
        parts: list[str] = []
        for (item, area, _, _, _, code), (head, at_area, at_unit, numbers, at_progress, tail) in zip(s.value_rows,
                                                                                                    template):
            ident = item["id"]
            named = shown.get(ident)
            if named is None:
                named = shown[ident] = (cell(C.display_text(item.get("name"), lang, main)),
                                        cell(C.unit_word(item.get("unit"), lang)))
            parts += (head, named[0], at_area, cell(s.codec.name(area, lang, area=True)), at_unit, named[1], numbers,
                      at_progress, cell(L.word("status_" + code, lang) if code else None), tail)
        rows = s.value_rows
        self.rows[sheet.title] = ("".join(parts).encode("utf-8"), f"{_COLUMNS[len(styles) - 1]}{len(rows) + 1}") \
            if rows else (b"", "A1")
        sheet.column_dimensions[get_column_letter(len(heads))].hidden = True
        sheet.freeze_panes = "E2"
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(heads))}{len(rows) + 1}"

    # --- the parties -------------------------------------------------------------------------------------------
    def _parties(self, sheet) -> None:
        lang = self.lang
        sheet.append([L.word("col_number", lang), L.word("party", lang), L.word("kind", lang),
                      L.word("business_id", lang), Y.main_heading("id", lang)])
        for row in C.parties_rows(self.s.parties, lang):
            sheet.append(row)
        _header(sheet, (6, 45, 22, 14, 24))
        if self.s.party:
            for row in sheet.iter_rows(min_row=2):
                if row[4].value == self.s.party:
                    for cell in row:
                        cell.fill = _MAIN_FILL

    # --- the drop-down lists -----------------------------------------------------------------------------------
    def _list(self, sheet, key: str, words: list[str], where: list[str]) -> None:
        """A drop-down list of ``words`` on the cells ``where``, its words on the hidden sheet of lists."""
        if not where:
            return
        column = get_column_letter(len(self.lists) + 1)
        self.lists[key] = words
        validation = DataValidation(type="list", formula1=f"'{Y.LISTS_SHEET}'!${column}$2:${column}${len(words) + 1}",
                                    allow_blank=True, showErrorMessage=True,
                                    errorTitle=L.word("list_error_title", self.lang), error=L.word("list_error", self.lang))
        validation.sqref = " ".join(where)  # type: ignore[assignment]
        sheet.add_data_validation(validation)

    def _lists(self) -> None:
        sheet = self.book.create_sheet(Y.LISTS_SHEET)
        keys = list(self.lists)
        sheet.append(keys)
        for index in range(max((len(words) for words in self.lists.values()), default=0)):
            sheet.append([self.lists[key][index] if index < len(self.lists[key]) else None for key in keys])
        sheet.sheet_state = "hidden"


def _letter(position: dict, key: str) -> str:
    return get_column_letter(position[(key, None)] + 1)


def _ranges(letter: str, numbers: Iterable[int]) -> list[str]:
    """Row numbers as cell ranges of a column: [3, 4, 5, 9] → ["C3:C5", "C9"]."""
    out: list[str] = []
    run: list[int] = []
    for number in sorted(numbers):
        if run and number == run[-1] + 1:
            run.append(number)
            continue
        if run:
            out.append(f"{letter}{run[0]}:{letter}{run[-1]}" if len(run) > 1 else f"{letter}{run[0]}")
        run = [number]
    if run:
        out.append(f"{letter}{run[0]}:{letter}{run[-1]}" if len(run) > 1 else f"{letter}{run[0]}")
    return out


def _as_text(book) -> None:
    """Every text is written as text: openpyxl stores a string starting with "=" as a live formula, and a
    party name such as =HYPERLINK(…) would run in the reader's Excel. Characters XML cannot hold are dropped."""
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    text = ILLEGAL_CHARACTERS_RE.sub("", cell.value)
                    if text != cell.value:
                        cell.value = text
                    cell.data_type = "s"


def _reproducible(data: bytes, rows: dict[str, tuple[bytes, str]]) -> bytes:
    """openpyxl stamps the save time as 'modified': fix it, and the zip entries' times, for identical output.
    ``rows``: the rows (XML, last cell) to add to a sheet file after its heading row."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:  # compressed once, by reproducible_zip
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>2000-01-01T00:00:00Z\2",
                                 content)
            if info.filename in rows:
                content = _with_rows(content, *rows[info.filename])
            target.writestr(info.filename, content)
    return reproducible_zip(out.getvalue(), level=1)  # a third larger than zlib's default, three times faster


class _Styles:
    """Style ids of the workbook's cell formats, registered as openpyxl registers a styled cell's."""

    def __init__(self, book) -> None:
        self.book = book
        self.known: dict[tuple, int] = {}

    def id(self, wrap: bool = False, bold: bool = False, fill: PatternFill | None = None, text: bool = False) -> int:
        key = (wrap, bold, id(fill), text)
        if key not in self.known:
            style = StyleArray()
            if wrap:
                style.alignmentId = self.book._alignments.add(Alignment(wrap_text=True, vertical="top"))
            if bold:
                style.fontId = self.book._fonts.add(Font(bold=True))
            if fill is not None:
                style.fillId = self.book._fills.add(fill)
            if text:
                style.numFmtId = 49  # "@", the built-in text format
            self.known[key] = self.book._cell_styles.add(style) if any((wrap, bold, fill, text)) else 0
        return self.known[key]


_COLUMNS = [get_column_letter(column) for column in range(1, 101)]


def _rows_xml(rows: list[tuple[list, list[int]]], first: int) -> tuple[bytes, str]:
    """The <row> elements of ``rows`` (values, style id per cell) from row number ``first``, as openpyxl writes
    them: a text as an inline string (never a formula, whatever it starts with), an empty cell only if styled;
    and the last cell's reference, for the sheet's dimension."""
    parts: list[str] = []
    append = parts.append
    texts: dict[str, str] = {}  # a text → its inline string's XML (names repeat on every area's row)
    number, last = first - 1, "A1"
    for number, (values, style_ids) in enumerate(rows, start=first):
        append(f'<row r="{number}">')
        for letter, value, style in zip(_COLUMNS, values, style_ids):
            styled = f' s="{style}"' if style else ""
            kind = value.__class__
            if kind is str and value:
                xml = texts.get(value)
                if xml is None:
                    text = ILLEGAL_CHARACTERS_RE.sub("", value)
                    space = ' xml:space="preserve"' if text != text.strip() else ""
                    xml = texts[value] = f' t="inlineStr"><is><t{space}>{_escape(text)}</t></is></c>'
                append(f'<c r="{letter}{number}"{styled}{xml}')
            elif value is None or value == "":
                if styled:
                    append(f'<c r="{letter}{number}"{styled} t="n"/>')
            elif kind is bool:
                append(f'<c r="{letter}{number}"{styled} t="b"><v>{int(value)}</v></c>')
            elif kind is int or kind is float:
                append(f'<c r="{letter}{number}"{styled} t="n"><v>{value!r}</v></c>')
            else:
                text = ILLEGAL_CHARACTERS_RE.sub("", str(value))
                space = ' xml:space="preserve"' if text != text.strip() else ""
                append(f'<c r="{letter}{number}"{styled} t="inlineStr"><is><t{space}>{_escape(text)}</t></is></c>')
        append("</row>")
        last = f"{_COLUMNS[max(len(values), 1) - 1]}{number}"
    return "".join(parts).encode("utf-8"), last


def _text_cell(text: Any) -> str:
    """A text cell's XML after its reference and style: an inline string, or an empty cell."""
    if text is None or text == "":
        return ' t="n"/>'
    text = ILLEGAL_CHARACTERS_RE.sub("", str(text))
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f' t="inlineStr"><is><t{space}>{_escape(text)}</t></is></c>'


def _value_template(rows: list, styles: list[int]) -> list[tuple[str, str, str, str, str, str]]:
    """The yearly values rows' XML but for their words (the indicator's name, the area, the unit, the progress
    level): per row (up to the name's cell, up to the area's, up to the unit's, the numbers and the note, up to the
    progress level's, the rest). The cells as _rows_xml writes them."""
    out = []
    previous = len(styles) - 8  # id, indicator, area, unit, …the years before…, value, note, progress, code

    def start(column: int, number: int) -> str:
        return f'<c r="{_COLUMNS[column]}{number}"' + (f' s="{styles[column]}"' if styles[column] else "")

    def number_cell(column: int, number: int, value: Any) -> str:
        if value is None:
            return start(column, number) + ' t="n"/>' if styles[column] else ""
        return start(column, number) + f' t="n"><v>{value!r}</v></c>'

    def text_cell(column: int, number: int, text: Any) -> str:
        return start(column, number) + _text_cell(text) if text or styles[column] else ""
    for number, (item, _area, before, value, note, code) in enumerate(rows, start=2):
        numbers = "".join(number_cell(4 + index, number, v) for index, v in enumerate([*before, value]))
        out.append((f'<row r="{number}">' + text_cell(0, number, item["id"]) + start(1, number),
                    start(2, number), start(3, number), numbers + text_cell(5 + previous, number, note),
                    start(6 + previous, number), text_cell(7 + previous, number, code) + "</row>"))
    return out


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _with_rows(sheet: bytes, rows: bytes, last: str) -> bytes:
    """A sheet file openpyxl wrote with its heading row only, with ``rows`` after it and its dimension to match."""
    if not rows:
        return sheet
    head, end, tail = sheet.partition(b"</sheetData>")
    head = re.sub(rb'(<dimension ref="A1:)[A-Z]+[0-9]+(")', rb"\g<1>" + last.encode() + rb"\2", head, count=1)
    return head + rows + end + tail


def _header(sheet, widths) -> None:
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width

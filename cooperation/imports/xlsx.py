"""Reading an .xlsx file, and problems at its cells: what both workbook imports share.

``Book`` streams a sheet's cell values straight from its XML (openpyxl's reader builds an object per cell and its
style: many times slower on a large agreement): texts, numbers, booleans; a formula, an error value and a number
formatted as a percentage are marked; merged ranges come from a pass of their own. Nothing is evaluated, and a
DOCTYPE (entities) is refused. ``container_problem`` says, before anything is unpacked, why a file cannot be a
workbook we read. ``Notes`` is the one way an import makes a problem at a cell (``Työkirja.xlsx!C14``).
"""
from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal
from xml.etree import ElementTree as ET

from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import coordinate_to_tuple, range_boundaries

from cooperation.result import ERROR, Problem

MAX_WORKBOOK_BYTES = 50_000_000  # a workbook's members unpacked
MAX_ROWS = 1_048_576  # Excel's last row
OLE2_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")  # an encrypted .xlsx and an old .xls are OLE2 compound files
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")
_INTEGER = re.compile(r"-?[0-9]+")
_PERCENT_FORMATS = {9, 10}  # built-in 0% and 0.00%
_ROW, _C, _V, _IS, _F, _T, _R = (f"{_MAIN}{tag}" for tag in ("row", "c", "v", "is", "f", "t", "r"))


class Unreadable(Exception):
    """The workbook's XML is broken or refused: a message code and its parameters say why."""

    def __init__(self, code: str, **params: Any):
        super().__init__(code)
        self.code, self.params = code, params


def size_text(number: int) -> str:
    return f"{number:_}".replace("_", " ")


def container_problem(path: Path) -> tuple[str, dict[str, Any]] | None:
    """Why the file cannot be a workbook we read (a message code and its parameters), found before any of it
    is unpacked; None when it may be one."""
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
            encrypted = head == OLE2_SIGNATURE and _contains(handle, "EncryptedPackage".encode("utf-16-le"))
    except OSError as exc:
        return "workbook_unreadable", {"reason": str(exc.strerror or exc)}
    if encrypted:
        return "workbook_encrypted", {}
    if head == OLE2_SIGNATURE:
        return "workbook_old_format", {}
    try:
        with zipfile.ZipFile(path) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        return "workbook_not_xlsx", {}
    if total > MAX_WORKBOOK_BYTES:
        return "workbook_too_large", {"size": size_text(total), "limit": size_text(MAX_WORKBOOK_BYTES)}
    return None


def _contains(handle, needle: bytes, chunk: int = 1 << 20) -> bool:
    tail = b""
    while True:
        data = handle.read(chunk)
        if not data:
            return False
        if needle in tail + data:
            return True
        tail = data[-len(needle):]


def _unescape(text: str) -> str:
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


def _parse(stream, events: tuple[Literal["start", "end"], ...] = ("end",)) -> Iterator[tuple[str, Any]]:
    """(event, element) of an XML part, streamed; a DOCTYPE is refused before anything is parsed."""
    parser: ET.XMLPullParser = ET.XMLPullParser(events=events)
    head = stream.read(1 << 16)
    start = re.search(rb"<[A-Za-z_]", head)
    if b"<!DOCTYPE" in (head[: start.start()] if start else head):
        raise Unreadable("workbook_doctype")
    chunk = head
    try:
        while chunk:
            parser.feed(chunk)
            yield from parser.read_events()  # type: ignore[misc]  # (start and end events only)
            chunk = stream.read(1 << 20)
        parser.close()
        yield from parser.read_events()  # type: ignore[misc]
    except ET.ParseError as exc:
        raise Unreadable("workbook_broken_sheet", sheet="", error=f"XML: {exc}") from exc


class Book:
    """The sheets of an .xlsx file, read as values (ValueError, KeyError or zipfile errors for a broken file)."""

    def __init__(self, path: Path):
        self.archive = zipfile.ZipFile(path)
        try:
            self.paths = self._sheet_paths()
        except BaseException:
            self.archive.close()
            raise
        self.sheetnames = list(self.paths)
        self._shared: list[str] | None = None
        self._percent: set[int] | None = None

    def close(self) -> None:
        self.archive.close()

    def __enter__(self) -> Book:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def _sheet_paths(self) -> dict[str, str]:
        targets: dict[str, str] = {}
        with self.archive.open("xl/_rels/workbook.xml.rels") as stream:
            for _, element in _parse(stream):
                if element.tag.endswith("Relationship"):
                    targets[element.get("Id", "")] = element.get("Target", "")
        paths: dict[str, str] = {}
        with self.archive.open("xl/workbook.xml") as stream:
            for _, element in _parse(stream):
                if element.tag == f"{_MAIN}sheet":
                    target = targets.get(element.get(f"{_REL}id", ""), "")
                    if target:
                        paths[element.get("name", "")] = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        return paths

    @property
    def shared(self) -> list[str]:
        if self._shared is None:
            self._shared = []
            if "xl/sharedStrings.xml" in self.archive.namelist():
                with self.archive.open("xl/sharedStrings.xml") as stream:
                    data = stream.read(MAX_WORKBOOK_BYTES + 1)
                fast = _fast_shared(data)
                self._shared = fast if fast is not None else _element_shared(data)
        return self._shared

    def _percent_styles(self) -> set[int]:
        """The cell formats (style indexes) that show a number as a percentage."""
        if self._percent is None:
            self._percent = set()
            if "xl/styles.xml" in self.archive.namelist():
                custom: dict[int, str] = {}
                with self.archive.open("xl/styles.xml") as stream:
                    formats: list[int] = []
                    for _, element in _parse(stream):
                        if element.tag == f"{_MAIN}numFmt":
                            custom[int(element.get("numFmtId", "0"))] = element.get("formatCode", "")
                        elif element.tag == f"{_MAIN}cellXfs":
                            formats = [int(xf.get("numFmtId", "0")) for xf in element if xf.tag == f"{_MAIN}xf"]
                for index, number_format in enumerate(formats):
                    code = re.sub(r'"[^"]*"|\\.', "", custom.get(number_format, ""))
                    if number_format in _PERCENT_FORMATS or "%" in code:
                        self._percent.add(index)
        return self._percent

    def rows(self, name: str, max_row: int = MAX_ROWS) -> Iterator[tuple[int, list[Any], dict[int, tuple] | None]]:
        """(row number, values by column from 1, marks) of a sheet's rows that have cells, up to ``max_row``.
        ``marks`` (None for a row without any): column → ("formula", text, whether a value is saved),
        ("error", value) or ("percent",) for a number shown as a percentage.

        The rows are read with regular expressions where the sheet is written as every spreadsheet program writes
        it (a row's cells as <c r="…" s="…" t="…">, no namespace prefix, no CDATA): an XML parser's object per
        element cost more than the rest of the import. Any row that does not fit is read by the XML parser, and a
        sheet that does not is read by it whole; both ways give the same values (tests/test_xlsx_reader.py)."""
        with self.archive.open(self.paths[name]) as stream:
            data = stream.read(MAX_WORKBOOK_BYTES + 1)
        start = re.search(rb"<[A-Za-z_]", data[: 1 << 16])
        if b"<!DOCTYPE" in (data[: start.start()] if start else data[: 1 << 16]):
            raise Unreadable("workbook_doctype")
        fast = _Fast.of(data)
        if fast is not None:
            try:
                rows = list(fast.rows(self, max_row))
            except _Fallback:
                rows = None
            if rows is not None:
                yield from rows
                return
        yield from self._element_rows(data, max_row)

    def _element_rows(self, data: bytes, max_row: int) -> Iterator[tuple[int, list[Any], dict[int, tuple] | None]]:
        number = 0
        for row in self._row_elements(data):
            reference = row.get("r", "")
            number = int(reference) if reference.isascii() and reference.isdigit() else number + 1
            if number > max_row:
                return
            values, marks = self._cells(row)
            if values:
                yield number, values, marks

    def _row_elements(self, data: bytes) -> Iterator[ET.Element]:
        """The sheet's row elements. The rows are parsed a megabyte at a time, each batch in one go (a streaming
        parser's event per element cost more than the rest of the import); a sheet the cut does not fit (a prefixed
        namespace, a CDATA section) is streamed element by element instead."""
        root = re.compile(rb"<worksheet\b[^>]*>").search(data)
        body = re.compile(rb"<sheetData\b[^>]*?(/?)>").search(data)
        close = data.rfind(b"</sheetData>")
        if root and body and body.group(1) == b"/":
            return
        if root and body and close > body.end() and b"<![CDATA[" not in data:
            wrapper = data[root.start():root.end()]
            position, end = body.end(), close
            try:
                while position < end:
                    cut = data.rfind(b"</row>", position, min(position + (1 << 20), end))
                    cut = end if cut < 0 else cut + len(b"</row>")
                    batch = ET.fromstring(wrapper + data[position:cut] + b"</worksheet>")
                    position = cut
                    yield from batch
                return
            except ET.ParseError:
                pass  # read it element by element below: the same rows, or where the XML breaks
        import io
        for _, element in _parse(io.BytesIO(data)):
            if element.tag == _ROW:
                yield element
                element.clear()

    def _cells(self, row: ET.Element) -> tuple[list[Any], dict[int, tuple] | None]:
        values: list[Any] = []
        marks: dict[int, tuple] | None = None
        column = 0
        columns = _COLUMNS
        for cell in row:
            if cell.tag != _C:
                continue
            reference = cell.get("r")
            if reference:
                letters = reference.rstrip("0123456789")
                column = columns.get(letters) or _column(reference)
            else:
                column += 1
            kind = cell.get("t", "n")
            raw = inline = formula = None
            for child in cell:
                tag = child.tag
                if tag == _V:
                    raw = child.text
                elif tag == _IS:
                    inline = child
                elif tag == _F:
                    formula = child
            value: Any
            if kind == "inlineStr":
                value = _unescape(_text(inline)) if inline is not None else None
            elif kind == "s":
                index = int(raw) if raw and raw.strip().isdigit() else -1
                shared = self.shared
                value = shared[index] if 0 <= index < len(shared) else None
            elif kind == "n":
                value = _number(raw)
                style = cell.get("s")
                if value is not None and style and style.isdigit() and int(style) in self._percent_styles():
                    marks = marks or {}
                    marks[column] = ("percent",)
            elif kind == "b":
                value = None if raw is None else raw.strip() == "1"
            elif kind == "e":
                value = None
                marks = marks or {}
                marks[column] = ("error", raw or "#")
            else:  # "str" (a formula's text), "d" (an ISO date)
                value = raw or None
            if formula is not None:
                marks = marks or {}
                marks[column] = ("formula", formula.text or "", raw not in (None, ""))
            if value is not None or (marks and column in marks):
                if column > len(values):
                    values.extend([None] * (column - len(values)))
                values[column - 1] = value
        return values, marks

    def merged(self, name: str) -> list[tuple[int, int, int, int]]:
        """The sheet's merged ranges (min_col, min_row, max_col, max_row)."""
        found: list[tuple[int, int, int, int]] = []
        with self.archive.open(self.paths[name]) as stream:
            parent = None
            for event, element in _parse(stream, ("start", "end")):
                if event == "start":
                    if element.tag == f"{_MAIN}sheetData":
                        parent = element
                    continue
                if element.tag == f"{_MAIN}mergeCell" and element.get("ref"):
                    bounds = range_boundaries(element.get("ref", ""))
                    if None not in bounds:
                        found.append(bounds)  # type: ignore[arg-type]
                        if len(found) > MAX_MARKED:
                            raise Unreadable("workbook_too_many_merged", limit=size_text(MAX_MARKED))
                elif element.tag == f"{_MAIN}row":
                    element.clear()
                    if parent is not None:
                        del parent[:]
        return found


class _Fallback(Exception):
    """The sheet is not written as the regular expressions read it: the XML parser reads it."""


_ROW_NUMBER = re.compile(r'\br="([0-9]+)"')
# a cell as spreadsheet programs write it: its content a value, a formula and an inline string in their usual forms
# (character classes, never a lazy .*?: those step through megabytes one character at a time)
_CELL = re.compile(r'<c r="([A-Z]{1,3})[0-9]{1,7}"(?: s="([0-9]+)")?(?: t="([a-zA-Z]+)")?\s*(?:/>|>'
                   r'(?:(<f\b[^>]*/>|<f\b[^>]*>([^<]*)</f>))?(?:<v>([^<]*)</v>|(<v/>))?'
                   r'(<is><t(?: xml:space="preserve")?>([^<]*)</t></is>)?</c>)')
_VALUE = re.compile(r"<v>([^<]*)</v>|<v/>")
_FORMULA = re.compile(r"<f\b[^>]*?(?:/>|>([^<]*)</f>)")
_TEXT = re.compile(r"<t\b[^>]*?(?:/>|>([^<]*)</t>)")
_SIMPLE_INLINE = re.compile(r'<is><t(?: xml:space="preserve")?>([^<]*)</t></is>')
_PHONETIC = re.compile(r"<rPh\b.*?</rPh>|<phoneticPr\b[^>]*/>", re.S)
_ENTITY = re.compile(r"&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}
_ELEMENT_PREFIX = re.compile(r"</?[A-Za-z_][\w.-]*:")


def _xml_text(text: str) -> str:
    """Character data as an XML parser gives it: line ends normalised, entities and character references read."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "&" in text:
        def entity(match: re.Match) -> str:
            name = match.group(1)
            if name[0] != "#":
                return _NAMED[name]
            return chr(int(name[2:], 16) if name[1] in "xX" else int(name[1:]))
        if text.count("&") != len(_ENTITY.findall(text)):
            raise _Fallback  # an entity no parser would read without a DTD: the parser says where
        text = _ENTITY.sub(entity, text)
    return text


class _Fast:
    """A sheet read with regular expressions: its rows between <sheetData> and </sheetData>."""

    def __init__(self, text: str, start: int, end: int, wrapper: str):
        self.text, self.start, self.end, self.wrapper = text, start, end, wrapper

    @classmethod
    def of(cls, data: bytes) -> _Fast | None:
        head = data[:200]
        if re.match(rb"<\?xml[^>]*encoding=[\"'](?!utf-8|UTF-8)", head) or b"<![CDATA[" in data:
            return None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return None
        root = re.search(r"<worksheet\b[^>]*>", text)
        body = re.search(r"<sheetData\b[^>]*?(/?)>", text)
        if root is None or body is None:
            return None
        if body.group(1) == "/":
            return cls(text, body.end(), body.end(), root.group(0))
        end = text.find("</sheetData>", body.end())
        if end < 0 or "<!--" in text[body.end():end] or _ELEMENT_PREFIX.search(text, body.end(), end):
            return None
        return cls(text, body.end(), end, root.group(0))

    def rows(self, book: Book, max_row: int) -> Iterator[tuple[int, list[Any], dict[int, tuple] | None]]:
        number, position, end = 0, self.start, self.end
        text = self.text
        while True:  # str.find, not a lazy pattern: the scan for </row> runs at C speed over megabytes
            start = text.find("<row", position, end)
            if start < 0:
                break
            if text[position:start].strip():
                raise _Fallback  # something between the rows
            close = text.find(">", start, end)
            if close < 0 or text[start + 4] not in " >/\t\r\n":
                raise _Fallback
            attributes = text[start + 4:close]
            if attributes.endswith("/"):  # <row …/>: no cells
                position, inner = close + 1, ""
            else:
                finish = text.find("</row>", close, end)
                if finish < 0:
                    raise _Fallback
                position, inner = finish + 6, text[close + 1:finish]
            found = _ROW_NUMBER.search(attributes)
            number = int(found.group(1)) if found else number + 1
            if number > max_row:
                return
            if not inner:
                continue
            cells = self._cells(book, inner)
            if cells is None:  # a row not written as expected: read by the XML parser
                element = ET.fromstring(self.wrapper + text[start:position] + "</worksheet>")[0]
                cells = book._cells(element)
            if cells[0]:
                yield number, cells[0], cells[1]
        if text[position:end].strip():
            raise _Fallback

    @staticmethod
    def _cells(book: Book, inner: str) -> tuple[list[Any], dict[int, tuple] | None] | None:
        """A row's cells, or None when one is written otherwise (rich text, a phonetic reading): the parser's."""
        found = _CELL.findall(inner)
        if len(found) != inner.count("<c"):
            return None
        values: list[Any] = []
        marks: dict[int, tuple] | None = None
        columns = _COLUMNS
        for letters, style, kind, formula, formula_text, raw, empty, is_element, inline in found:
            column = columns.get(letters) or _column(letters + "1")  # (a dictionary, filled as columns are met)
            value: Any = None
            if raw and ("&" in raw or "\r" in raw):
                raw = _xml_text(raw)
            if not kind or kind == "n":
                value = _number(raw)
                if value is not None and style and int(style) in book._percent_styles():
                    marks = marks or {}
                    marks[column] = ("percent",)
            elif kind == "inlineStr":
                value = inline if is_element else None
                if value and ("&" in value or "\r" in value):
                    value = _xml_text(value)
                if value and "_x" in value:
                    value = _unescape(value)
            elif kind == "s":
                index = int(raw) if raw and raw.strip().isdigit() else -1
                shared = book.shared
                value = shared[index] if 0 <= index < len(shared) else None
            elif kind == "b":
                value = None if not (raw or empty) else raw.strip() == "1"
            elif kind == "e":
                marks = marks or {}
                marks[column] = ("error", raw or "#")
            else:  # "str" (a formula's text), "d" (an ISO date)
                value = raw or None
            if formula:
                marks = marks or {}
                marks[column] = ("formula", _xml_text(formula_text), raw not in (None, ""))
            if value is not None or (marks and column in marks):
                if column > len(values):
                    values.extend([None] * (column - len(values)))
                values[column - 1] = value
        return values, marks


def _element_shared(data: bytes) -> list[str]:
    """The shared strings read by the XML parser."""
    import io
    strings: list[str] = []
    for _, element in _parse(io.BytesIO(data)):
        if element.tag == f"{_MAIN}si":
            strings.append(_unescape(_text(element)))
            element.clear()
    return strings


_SHARED_ITEM = re.compile(r"<si>(.*?)</si>|<si/>", re.S)


def _fast_shared(data: bytes) -> list[str] | None:
    """The shared strings read with regular expressions (None: for the XML parser to read)."""
    if re.match(rb"<\?xml[^>]*encoding=[\"'](?!utf-8|UTF-8)", data[:200]) or b"<![CDATA[" in data \
            or b"<!DOCTYPE" in data[:4096]:
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    found = _SHARED_ITEM.findall(text)
    if len(found) != text.count("<si") or "<!--" in text or _ELEMENT_PREFIX.search(text, text.find("<sst")):
        return None
    strings: list[str] = []
    try:
        for item in found:
            if "<rPh" in item or "<phoneticPr" in item:
                item = _PHONETIC.sub("", item)
            strings.append(_unescape(_xml_text("".join(t or "" for t in _TEXT.findall(item)))))
    except _Fallback:
        return None
    return strings


MAX_MARKED = 100_000  # merged ranges recorded from a sheet


def _text(element: ET.Element) -> str:
    """The text of a string item: its t, or its runs' t, never the phonetic (rPh) reading."""
    direct = element.find(f"{_MAIN}t")
    if direct is not None and len(element) == 1:
        return direct.text or ""
    parts: list[str] = []
    for child in element:
        if child.tag == f"{_MAIN}t":
            parts.append(child.text or "")
        elif child.tag == f"{_MAIN}r":
            parts.extend(t.text or "" for t in child if t.tag == f"{_MAIN}t")
    return "".join(parts)


def _number(raw: str | None) -> Any:
    if not raw or raw.isspace():
        return None
    if raw.isdigit() or (raw[0] == "-" and raw[1:].isdigit()):
        return int(raw)
    try:
        number = float(raw)
    except ValueError:
        return raw
    return int(raw.strip()) if _INTEGER.fullmatch(raw.strip()) else number


# every column's letters → its number (A → 1 … XFD → 16384, Excel's last): a constant table, read once per cell
_COLUMNS: Mapping[str, int] = MappingProxyType({get_column_letter(number): number for number in range(1, 16385)})


def _column(reference: str) -> int:
    """The column of a cell reference such as "C14" (an unreadable one raises ValueError)."""
    letters = reference.rstrip("0123456789")
    column = _COLUMNS.get(letters) if letters != reference else None
    return column if column is not None else coordinate_to_tuple(reference)[1]


# --- problems at cells ------------------------------------------------------------------------------------------------
def cell_name(row: int, column: int) -> str:
    return f"{get_column_letter(column)}{row}"


class Notes:
    """Problems at the cells of one workbook, in reading order: the one way an import makes them. A cell of the
    ``main`` sheet (or of a workbook read as one sheet) is named as C14, any other as 'Kaikki tiedot'!C14."""

    def __init__(self, name: str, main: str | None = None):
        self.name, self.main = name, main
        self.problems: list[Problem] = []

    def cell(self, sheet: str | None, row: int, column: int) -> str:
        name = cell_name(row, column)
        return name if sheet is None or sheet == self.main else f"'{sheet}'!{name}"

    def ref(self, sheet: str | None, row: int, column: int) -> str:
        """A cell as a message quotes it: Työkirja.xlsx!A2."""
        return f"{self.name}!{self.cell(sheet, row, column)}"

    def at(self, severity: str, code: str, sheet: str | None, row: int, column: int, /, **params: Any) -> Problem:
        problem = Problem(severity, code, self.name, row, column, params, cell=self.cell(sheet, row, column))
        self.problems.append(problem)
        return problem

    def moved(self, problem: Problem, sheet: str | None, row: int, column: int) -> Problem:
        """A problem found in a file the workbook's cell became (the check of the data as an import would write
        it), at that cell; its item and field kept."""
        return Problem(problem.severity, problem.code, self.name, row, column, problem.params, problem.item,
                       problem.field, problem.field_titles, cell=self.cell(sheet, row, column))

    def row(self, severity: str, code: str, row: int, /, **params: Any) -> None:
        """A problem of a whole row (a heading row)."""
        self.problems.append(Problem(severity, code, self.name, row, 0, params, cell=str(row)))

    def book(self, severity: str, code: str, /, **params: Any) -> None:
        """A problem of the workbook as a whole."""
        self.problems.append(Problem(severity, code, self.name, 0, 0, params))

    @property
    def errors(self) -> list[Problem]:
        return [n for n in self.problems if n.severity == ERROR]

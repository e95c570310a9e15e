"""The workbook the parties edit and send back (export-xlsx), one per language of the agreement.

Lossless: the main sheet has a row per sub-area, goal, action and indicator (its id, its name in every language,
an action's responsible parties, and columns for a party's comments); the data sheet holds every other field of
the sub-area files, one value per row; a hidden sheet names the agreement, fingerprint and git revision it came
from, so that import-xlsx can merge it back (cooperation/imports/roundtrip.py). Every text is written as text
(never a formula). A Kuntaliitto workbook made by hand is read by cooperation/imports/workbook.py.
"""
from __future__ import annotations

import datetime
import io
import re

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter

from cooperation.changes.gitrepo import clean_revision
from cooperation.domain import (
    DATA_HEADINGS,
    ITEM_LEVELS,
    LANGUAGE_WORDS,
    LEVEL_WORDS,
    MAIN_HEADINGS,
    META_SHEET,
    SHEETS,
    WORKBOOK_FORMAT,
    child_lists,
    encode_value,
    expand_parties,
    flatten,
    main_sheet_fields,
    workbook_items,
)
from cooperation.files import reproducible_zip
from cooperation.i18n import labels as L
from cooperation.load.sources import Sources
from cooperation.model import Agreement
from cooperation.schemas import default_schemas


def _t(text, lang: str) -> str:
    return text.get(lang) if text else ""


def export(model: Agreement, sources: Sources, lang: str | None = None, party: str | None = None) -> bytes:
    """The workbook in ``lang``: the main sheet (one row per item, its name in every language, comments), the
    data sheet (every other field), reference sheets, and a hidden sheet naming the version it came from.
    ``party``: a copy for one party, its rows highlighted and its id in the commenting party's column."""
    lang = lang if lang in SHEETS["main"] else "fi"
    book = Workbook()
    main = book.active
    main.title = SHEETS["main"][lang]
    data = book.create_sheet(SHEETS["data"][lang])
    languages = list(model.languages)
    head = [MAIN_HEADINGS["id"][lang], MAIN_HEADINGS["level"][lang]]
    head += [MAIN_HEADINGS["text"][lang].format(language=LANGUAGE_WORDS.get(x, {}).get(lang, x)) for x in languages]
    head += [MAIN_HEADINGS[key][lang] for key in ("responsible", "comment", "party")]
    main.append(head)
    data.append([DATA_HEADINGS[key][lang] for key in ("id", "field", "value", "title")])
    _header(main, ())  # first, for the style ids openpyxl would give
    _header(data, (16, 30, 60, 30))
    municipalities = [p.id for p in model.parties if p.kind == "municipality"]
    own = PatternFill("solid", fgColor="FFF2CC")
    wrap = Alignment(wrap_text=True, vertical="top")
    documents = {doc.data.get("id"): doc.data for doc in sources.subareas if isinstance(doc.data, dict)}
    indented = {level: Alignment(wrap_text=True, vertical="top", indent={"subarea": 0, "goal": 1}.get(level, 2))
                for level in LEVEL_WORDS}
    styles = _Styles(book)
    main["A1"].style_id  # noqa: B018 (registers the heading's style first, as openpyxl's writer would)
    width = len(head)
    main_rows: list[tuple[list, list[int]]] = []  # (values, style id per column) of the rows after the heading
    data_rows: list[list] = []
    for subarea in model.subareas:
        document = documents.get(subarea.id)
        if document is None:
            continue
        for level, item, _parent in workbook_items(document):
            text = item.get(ITEM_LEVELS[level][1])
            texts = [text.get(x) if isinstance(text, dict) else (text if x == languages[0] else None)
                     for x in languages]
            responsible = item.get("responsible") if level == "action" else None
            fill = own if party and party in _parties_of(level, item, municipalities) else None
            bold = level == "subarea"
            base = styles.id(wrap, bold, fill)
            indent = styles.id(indented[level], bold, fill)
            main_rows.append(([item.get("id"), LEVEL_WORDS[level][lang], *texts,
                               ", ".join(str(r) for r in responsible) if isinstance(responsible, list) else None,
                               None, party],
                              [base, base] + [indent] * len(languages) + [base] * (width - 2 - len(languages))))
            shown = main_sheet_fields(level) + child_lists(level)
            example = _EXAMPLE_PATH[level]
            for key, value in item.items():
                if key in shown and not (key in child_lists(level) and value == []):
                    continue
                for path, leaf in flatten(value, (key,)):
                    data_rows.append([item.get("id"), ".".join(str(p) for p in path), encode_value(leaf),
                                      _field_title(example, path, lang)])
    for letter, column_width in zip("ABCDEFGHIJ", [16, 12] + [60] * len(languages) + [30, 40, 20]):
        main.column_dimensions[letter].width = column_width
    main.freeze_panes = "C2"
    main.auto_filter.ref = f"A1:{get_column_letter(width)}{len(main_rows) + 1}"
    value_style = styles.id(wrap, False, None)
    # the big sheets' rows are written as XML after openpyxl has saved the rest (its cell objects made the
    # export of a large agreement take seconds): same cells, same styles
    rows_xml = {main.title: _rows_xml(main_rows, 2),
                data.title: _rows_xml([(values, [0, 0, value_style, 0]) for values in data_rows], 2)}

    parties = book.create_sheet("Osapuolet" if lang == "fi" else "Parter")
    parties.append(["Nro", L.word("party", lang), L.word("kind", lang), L.word("business_id", lang), "id"])
    for p in model.parties:
        parties.append([p.number, _t(p.name, lang), L.enum("party_kind", p.kind, lang), p.business_id_shown, p.id])
    _header(parties, (6, 45, 22, 14, 24))
    if party:
        for row in parties.iter_rows(min_row=2):
            if row[4].value == party:
                for cell in row:
                    cell.fill = own

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

    meta = book.create_sheet(META_SHEET)
    for key, value in (("format", WORKBOOK_FORMAT), ("agreement", model.id), ("fingerprint", model.fingerprint),
                       ("revision", clean_revision(sources.root) or ""), ("language", lang), ("party", party or ""),
                       ("languages", ", ".join(languages))):
        meta.append([key, value])
    meta.sheet_state = "hidden"
    _as_text(book)
    when = datetime.datetime(2000, 1, 1)
    book.properties.created = book.properties.modified = when
    book.properties.creator = book.properties.lastModifiedBy = "cooperation"
    buffer = io.BytesIO()
    book.save(buffer)
    sheet_files = {sheet.title: f"xl/worksheets/sheet{index}.xml" for index, sheet in enumerate(book.worksheets, 1)}
    return _reproducible(buffer.getvalue(), {sheet_files[title]: rows for title, rows in rows_xml.items()})


# a representative schema path of each level's item (the schema describes every goal alike)
_EXAMPLE_PATH = {"subarea": (), "goal": ("goals", 0), "action": ("goals", 0, "actions", 0),
                 "indicator": ("goals", 0, "indicators", 0)}


def _field_title(example: tuple, path: tuple, lang: str) -> str | None:
    """What a data-sheet field is, in words: "Lähtötaso: Arvo"; a text's language after its field's title."""
    schemas = default_schemas()
    shape = example + tuple(0 if isinstance(p, int) else p for p in path)
    language = shape[-1] if len(path) > 1 and shape[-1] in LANGUAGE_WORDS else None
    names: list[str] = []
    for end in range(len(example) + 1, len(shape) + (0 if language else 1)):
        titles = {} if isinstance(shape[end - 1], int) else schemas.titles_at("subarea", shape[:end]) or {}
        name = titles.get(lang) or titles.get("fi")
        if name:
            names.append(name)
    if not names:
        return None
    return ": ".join(names) + (f" ({LANGUAGE_WORDS[language].get(lang, language)})" if language else "")


def _parties_of(level: str, item: dict, municipalities: list[str]) -> list[str]:
    """The parties a row concerns: an action's responsible parties and lead, a sub-area's responsible persons'
    parties, an indicator's areas."""
    if level == "action":
        refs = [r for r in item.get("responsible") or [] if isinstance(r, str)] + [str(item.get("lead"))]
    elif level == "subarea":
        refs = [str(p.get("party")) for p in item.get("responsible_persons") or [] if isinstance(p, dict)]
    elif level == "indicator":
        refs = [r for r in item.get("areas") or [] if isinstance(r, str)]
    else:
        refs = []
    return expand_parties(refs, municipalities)


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
    import zipfile
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
    return reproducible_zip(out.getvalue())


class _Styles:
    """Style ids of the workbook's cell formats, registered as openpyxl registers a styled cell's."""

    def __init__(self, book) -> None:
        self.book = book
        self.known: dict[tuple, int] = {}

    def id(self, alignment: Alignment, bold: bool, fill: PatternFill | None) -> int:
        key = (id(alignment), bold, id(fill))
        if key not in self.known:
            style = StyleArray()
            style.alignmentId = self.book._alignments.add(alignment)
            if bold:
                style.fontId = self.book._fonts.add(Font(bold=True))
            if fill is not None:
                style.fillId = self.book._fills.add(fill)
            self.known[key] = self.book._cell_styles.add(style)
        return self.known[key]


_COLUMNS = [get_column_letter(column) for column in range(1, 51)]


def _rows_xml(rows: list[tuple[list, list[int]]], first: int) -> tuple[bytes, str]:
    """The <row> elements of ``rows`` (values, style id per cell) from row number ``first``, as openpyxl writes
    them: a text as an inline string (never a formula, whatever it starts with), an empty cell only if styled;
    and the last cell's reference, for the sheet's dimension."""
    parts: list[str] = []
    number, last = first - 1, "A1"
    for number, (values, style_ids) in enumerate(rows, start=first):
        parts.append(f'<row r="{number}">')
        for column, (value, style) in enumerate(zip(values, style_ids)):
            reference = f"{_COLUMNS[column]}{number}"
            styled = f' s="{style}"' if style else ""
            if value is None or value == "":
                if styled:
                    parts.append(f'<c r="{reference}"{styled} t="n"/>')
            elif isinstance(value, bool):
                parts.append(f'<c r="{reference}"{styled} t="b"><v>{int(value)}</v></c>')
            elif isinstance(value, (int, float)):
                parts.append(f'<c r="{reference}"{styled} t="n"><v>{value!r}</v></c>')
            else:
                text = ILLEGAL_CHARACTERS_RE.sub("", str(value))
                space = ' xml:space="preserve"' if text != text.strip() else ""
                parts.append(f'<c r="{reference}"{styled} t="inlineStr"><is><t{space}>{_escape(text)}</t></is></c>')
        parts.append("</row>")
        last = f"{_COLUMNS[max(len(values), 1) - 1]}{number}"
    return "".join(parts).encode("utf-8"), last


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



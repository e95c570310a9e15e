"""The Kuntaliitto workbook (strategisten tavoitteiden työkirja) from the data.

One row per goal under its sub-area, group headings, the columns Osa-alue · Tavoitteet · Toimenpiteet ja
vastuutahot · Resurssit · Arviointimittarit · Huomioitavaa, plus sheets of parties and indicators.
Every text is written as text (never a formula). The import is cooperation/imports/workbook.py.
"""
from __future__ import annotations

import datetime
import io
import re

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from cooperation.domain import COLUMN_TITLES, COLUMNS, SHEET
from cooperation.files import reproducible_zip
from cooperation.i18n import labels as L
from cooperation.model import Agreement, goal_cells


def _t(text, lang: str) -> str:
    return text.get(lang) if text else ""


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
    for letter, width in zip("ABCDEF", (28, 40, 60, 28, 45, 30)):
        sheet.column_dimensions[letter].width = width

    parties = book.create_sheet("Osapuolet" if lang == "fi" else "Parter")
    parties.append(["Nro", L.word("party", lang), L.word("kind", lang), L.word("business_id", lang), "id"])
    for p in model.parties:
        parties.append([p.number, _t(p.name, lang), L.enum("party_kind", p.kind, lang), p.business_id_shown, p.id])
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
    _as_text(book)
    when = datetime.datetime(2000, 1, 1)
    book.properties.created = book.properties.modified = when
    book.properties.creator = book.properties.lastModifiedBy = "cooperation"
    buffer = io.BytesIO()
    book.save(buffer)
    return _reproducible(buffer.getvalue())


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



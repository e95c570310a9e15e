"""Regenerate the Word template (cooperation/resources/templates/agreement.docx, linked from
templates/agreement.docx) from pandoc's own reference.docx.

    .venv/bin/python templates/make_template.py

The template is a real Word document: a region may open it in Word and change the logo,
fonts, colours and styles, keeping the {{ … }} and {% … %} placeholders (see README.md).
Deriving it from pandoc's reference.docx keeps the styles pandoc uses for Markdown from data
(headings, lists, tables) so they come out formatted. Run this only to start over.
"""
from __future__ import annotations

import datetime
import io
import re
import subprocess
import sys
from pathlib import Path

import pypandoc
from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

HERE = Path(__file__).resolve().parent


def reference_docx() -> bytes:
    return subprocess.run([pypandoc.get_pandoc_path(), "--print-default-data-file", "reference.docx"],
                          capture_output=True, check=True).stdout


def field(paragraph, instruction: str) -> None:
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    r_pr = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "16")
    r_pr.append(size)
    run.append(r_pr)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    simple.append(run)
    paragraph._p.append(simple)


def metric_compatible_fonts(doc) -> None:
    """Calibri (body) and Cambria (headings) instead of Aptos: Word has them, and LibreOffice prints them
    with the metric-compatible Carlito and Caladea (fonts-crosextra-*), so lines break at the same words."""
    for part in doc.part.package.iter_parts():
        if part.partname.startswith("/word/theme/"):
            xml = part.blob.decode("utf-8")
            xml = re.sub(r'<a:latin typeface="Aptos Display"[^>]*/>', '<a:latin typeface="Cambria"/>', xml)
            xml = re.sub(r'<a:latin typeface="Aptos"[^>]*/>', '<a:latin typeface="Calibri"/>', xml)
            part._blob = xml.encode("utf-8")


def toc_styles(doc) -> None:
    """TOC 1 and TOC 2: what Word uses when it updates the table of contents (and the entries written in)."""
    for level, indent in ((1, 0), (2, 0.6)):
        style = doc.styles.add_style(f"TOC {level}", WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        style.next_paragraph_style = doc.styles["Normal"]
        style.paragraph_format.left_indent = Cm(indent)
        style.paragraph_format.space_after = Pt(3)
        style.paragraph_format.tab_stops.add_tab_stop(Cm(16), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        style.element.get_or_add_uiPriority().val = 39  # type: ignore[attr-defined]


def row_property(row, name: str) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    element = OxmlElement(f"w:{name}")
    element.set(qn("w:val"), "true")
    tr_pr.append(element)


def borders(table) -> None:
    tbl_pr = table._tbl.tblPr
    element = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        border = OxmlElement(f"w:{side}")
        border.set(qn("w:val"), "single")
        border.set(qn("w:sz"), "4")
        border.set(qn("w:color"), "808080")
        element.append(border)
    tbl_pr.append(element)


def make() -> Path:
    doc = Document(io.BytesIO(reference_docx()))
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    styles = doc.styles
    styles["Normal"].font.size = Pt(11)
    metric_compatible_fonts(doc)
    toc_styles(doc)
    first = doc.sections[0]  # pandoc's reference.docx leaves the page size to the reader: A4
    first.page_width, first.page_height = Cm(21), Cm(29.7)
    first.left_margin = first.right_margin = Cm(2.5)
    first.top_margin, first.bottom_margin = Cm(2), Cm(2)

    # --- cover page ---
    doc.add_paragraph("{%p if draft_mark %}")
    mark = doc.add_paragraph()
    mark.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = mark.add_run("{{ draft_mark }}")
    run.bold, run.font.size, run.font.color.rgb = True, Pt(28), RGBColor(0xA0, 0x10, 0x10)
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{{ document_type }}", style="Subtitle")
    doc.add_paragraph("{{ title }}", style="Title")
    doc.add_paragraph("{{ labels.parties }}", style="Heading 2")
    doc.add_paragraph("{%p for party in cover_parties %}")
    doc.add_paragraph("{{ party }}", style="Compact")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("")
    doc.add_paragraph("{{ labels.term }}: {{ term }}")
    doc.add_paragraph("{{ labels.version }} {{ version }} · {{ status }} · {{ date }}")
    doc.add_paragraph("{%p if stamp %}")
    doc.add_paragraph("{{ stamp }}")
    doc.add_paragraph("{%p endif %}")
    p = doc.add_paragraph()
    p.add_run("{{ labels.fingerprint }}: ").bold = True
    p.add_run("{{ fingerprint }}").font.name = "Courier New"
    doc.add_paragraph("{{ labels.fingerprint_help }}")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    # --- the agreement itself, from data through pandoc ---
    doc.add_paragraph("{{p body }}")

    # --- signature pages: two signing parties' blocks side by side, a row never split across pages ---
    heading = doc.add_paragraph("{{ signatures_heading }}", style="Heading 1")
    heading.paragraph_format.page_break_before = True
    blocks = doc.add_table(rows=3, cols=2)
    blocks.rows[0].cells[0].paragraphs[0].text = "{%tr for pair in signing_pairs %}"
    row_property(blocks.rows[1], "cantSplit")
    for cell, side in zip(blocks.rows[1].cells, ("left", "right")):
        cell.paragraphs[0].text = "{%p if pair." + side + " %}"
        cell.add_paragraph().add_run("{{ pair." + side + ".heading }}").bold = True
        for text in ("{{ labels.place_and_date }}: ____________________",
                     "{%p for signatory in pair." + side + ".signatories %}", "", "______________________________",
                     "{{ signatory.name }}", "{{ signatory.title }}", "{%p endfor %}", "{%p endif %}", ""):
            para = cell.add_paragraph(text)
            para.paragraph_format.keep_with_next = True
    blocks.rows[2].cells[0].paragraphs[0].text = "{%tr endfor %}"

    # --- the workbook as an annex: landscape, header row repeated on every page ---
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21)
    for margin in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, margin, Cm(1.8))
    doc.add_paragraph("{{ workbook_heading }}", style="Heading 1")
    columns = ("subarea", "goals", "actions", "resources", "indicators", "notes")
    table = doc.add_table(rows=4, cols=len(columns))
    borders(table)
    widths = (Cm(3.4), Cm(5), Cm(6.2), Cm(3.4), Cm(4.7), Cm(3.4))
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width
    head = table.rows[0]
    row_property(head, "tblHeader")
    row_property(head, "cantSplit")
    for cell, name in zip(head.cells, columns):
        cell.paragraphs[0].add_run("{{ workbook_head." + name + " }}").bold = True
    table.rows[1].cells[0].paragraphs[0].text = "{%tr for row in workbook %}"
    for cell, name in zip(table.rows[2].cells, columns):
        cell.paragraphs[0].text = "{{ row." + name + " }}"
        cell.paragraphs[0].style = styles["Compact"]
    table.rows[3].cells[0].paragraphs[0].text = "{%tr endfor %}"

    # --- footer on every page: version and fingerprint, page number ---
    for sec in doc.sections:
        footer = sec.footer
        footer.is_linked_to_previous = sec is not doc.sections[0]
    for sec in doc.sections:
        sec.header.is_linked_to_previous = sec is not doc.sections[0]
    footer = doc.sections[0].footer
    para = footer.paragraphs[0]
    para.add_run("{{ footer }} · {{ labels.page }} ").font.size = Pt(8)
    field(para, "PAGE")
    para.add_run(" / ").font.size = Pt(8)
    field(para, "NUMPAGES")
    # --- header on every page: LUONNOS / UTKAST while the agreement is not approved (empty after) ---
    para = doc.sections[0].header.paragraphs[0]
    para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = para.add_run("{{ draft_mark }}")
    run.bold, run.font.size, run.font.color.rgb = True, Pt(12), RGBColor(0xA0, 0x10, 0x10)

    # no w:updateFields: Word would ask the signatory to update fields on opening; the table of contents is
    # filled (and numbered where LibreOffice is installed) when the document is made (outputs/docx/wordml.py)

    props = doc.core_properties
    props.title = props.subject = props.keywords = props.comments = ""
    props.author = props.last_modified_by = "cooperation"
    props.created = props.modified = datetime.datetime(2026, 1, 1)
    props.revision = 1
    # the template is package data (cooperation/resources/templates); templates/agreement.docx points to it
    out = HERE.parent / "cooperation" / "resources" / "templates" / "agreement.docx"
    doc.save(out)
    return out


if __name__ == "__main__":
    print(make(), file=sys.stderr)

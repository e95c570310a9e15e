"""Finishing touches on the rendered Word document, in its XML: the proofing language and a table of
contents that is right without updating fields (LibreOffice and PDF converters do not update them, and Word is
not asked to: no w:updateFields, no dirty field), numbered with the pages of LibreOffice's own layout where
LibreOffice is installed (number_pages)."""
from __future__ import annotations

import copy
import io
import re
import zipfile

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from lxml import etree

TOC_LEVELS = {"Heading1": 1, "Heading2": 2}
TOC_INDENT = {1: 0, 2: 400}  # twentieths of a point, for a template without TOC styles


def _child(parent, tag: str, first: bool = False) -> BaseOxmlElement:
    """``parent``'s child ``tag``, added (as its first child or its last) where it has none."""
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        if first:
            parent.insert(0, found)
        else:
            parent.append(found)
    return found


def finish(docx, language_tag: str) -> None:
    set_language(docx, language_tag)
    fill_toc(docx)
    no_field_updates(docx)
    keep_with_tables(docx)
    fit_columns(docx)


# a word's width, estimated from its letters: Calibri (Carlito in LibreOffice) averages about half an em a letter,
# a bold one a little more; a cell's margins on both sides
EM_SHARE, BOLD_SHARE, CELL_MARGINS = 0.54, 0.58, 230  # twentieths of a point for the margins
_WORD = re.compile(r"[^\s\-\u2013\u2014/]+")  # a line may break at a space, a hyphen, a dash or a slash


def fit_columns(docx) -> None:
    """No word is broken inside a table cell: a column narrower than its longest word is widened to hold it, the
    other columns giving up their share (where the table has room for every column's longest word; LibreOffice and
    Word break a word only where it is wider than its cell)."""
    body = docx.element.body
    sections = _sections_after(body)
    for table in body.iter(qn("w:tbl")):
        grid = table.find(qn("w:tblGrid"))
        if grid is None:
            continue
        columns = grid.findall(qn("w:gridCol"))
        widths = [int(c.get(qn("w:w")) or 0) for c in columns]
        total = sum(widths)
        if not total or len(columns) < 2:
            continue
        needs = [0] * len(columns)
        for row in table.findall(qn("w:tr")):
            cells = row.findall(qn("w:tc"))
            if len(cells) != len(columns):
                continue
            for index, cell in enumerate(cells):
                needs[index] = max(needs[index], _longest_word(cell))
        # the grid's units: a table as wide as the text (pandoc's, in percent) is drawn at the text's width
        scale = total / _table_width(table, total, sections)
        needs = [round((n + CELL_MARGINS) * scale) if n else 0 for n in needs]
        if sum(max(n, 1) for n in needs) > total or all(w >= n for w, n in zip(widths, needs)):
            continue
        short = [i for i, (w, n) in enumerate(zip(widths, needs)) if w < n]
        extra = sum(needs[i] - widths[i] for i in short)
        spare = {i: widths[i] - needs[i] for i in range(len(columns)) if i not in short and widths[i] > needs[i]}
        if extra > sum(spare.values()):
            continue
        new = list(widths)
        for i in short:
            new[i] = needs[i]
        room = sum(spare.values())
        for i, free in spare.items():
            new[i] = widths[i] - round(extra * free / room)
        new[-1] += total - sum(new)
        for column, width in zip(columns, new):
            column.set(qn("w:w"), str(width))
        for row in table.findall(qn("w:tr")):
            cells = row.findall(qn("w:tc"))
            if len(cells) != len(columns):
                continue
            for cell, width in zip(cells, new):
                cell_width = _child(_child(cell, "w:tcPr", first=True), "w:tcW", first=True)
                cell_width.set(qn("w:w"), str(width))
                cell_width.set(qn("w:type"), "dxa")


def _sections_after(body) -> dict:
    """Each table of the body (not one inside a cell) → the section properties it is drawn with: those of the first
    section break after it, else the body's last. One pass from the end (a scan after each table took seconds on a
    large region's 300 tables)."""
    sections: dict = {}
    current = body.find(qn("w:sectPr"))
    paragraph, table, break_path = qn("w:p"), qn("w:tbl"), f"{qn('w:pPr')}/{qn('w:sectPr')}"
    for element in reversed(body):
        if element.tag == paragraph:
            found = element.find(break_path)
            if found is not None:
                current = found
        elif element.tag == table:
            sections[element] = current
    return sections


def _table_width(table, grid_total: int, sections: dict) -> int:
    """The table's drawn width in twentieths of a point: its own (dxa), or its share of its section's text width
    (``sections``: _sections_after)."""
    width = table.find(f"{qn('w:tblPr')}/{qn('w:tblW')}")
    kind = width.get(qn("w:type")) if width is not None else None
    value = str(width.get(qn("w:w")) or "") if width is not None else ""
    if kind == "dxa" and value.isdigit() and int(value):
        return int(value)
    if kind == "pct" and value.isdigit() and int(value):
        section = sections.get(table)
        if section is not None:
            size, margins = section.find(qn("w:pgSz")), section.find(qn("w:pgMar"))
            try:
                text = (int(str(size.get(qn("w:w")))) - int(str(margins.get(qn("w:left"))))
                        - int(str(margins.get(qn("w:right")))))
                return round(text * int(value) / 5000)
            except (AttributeError, TypeError, ValueError):
                pass
    return grid_total


_RUN, _RUN_PR, _SIZE, _BOLD, _VALUE, _TEXT = qn("w:r"), qn("w:rPr"), qn("w:sz"), qn("w:b"), qn("w:val"), qn("w:t")


def _longest_word(cell) -> int:
    """The widest word of a cell in twentieths of a point, by its letters, its font size and whether it is bold."""
    widest = 0
    for run in cell.iter(_RUN):
        longest = max(map(len, _WORD.findall("".join(t.text or "" for t in run.iter(_TEXT)))), default=0)
        if not longest:
            continue
        properties = run.find(_RUN_PR)
        size = properties.find(_SIZE) if properties is not None else None
        value = str(size.get(_VALUE) or "") if size is not None else ""
        points = int(value) / 2 if value.isdigit() else 11
        bold = properties is not None and properties.find(_BOLD) is not None
        widest = max(widest, round(longest * points * 20 * (BOLD_SHARE if bold else EM_SHARE)))
    return widest


KEPT_BEFORE_TABLE = 3  # paragraphs before a table kept on its page: a heading, an item's name, a line of its facts
KEPT_LENGTH = 400  # a longer paragraph is text of its own, not the table's caption


def keep_with_tables(docx) -> None:
    """The heading and the short paragraphs that introduce a table are kept on the page of its first row (w:keepNext),
    so that no heading is left at the bottom of a page with its table on the next."""
    body = docx.element.body
    for table in body.iter(qn("w:tbl")):
        previous = table.getprevious()
        for _ in range(KEPT_BEFORE_TABLE):
            if previous is None or previous.tag != qn("w:p") or len(_text(previous)) > KEPT_LENGTH:
                break
            if _text(previous).strip() or previous.find(f".//{qn('w:drawing')}") is not None:
                _keep_next(previous)
            previous = previous.getprevious()


def _keep_next(paragraph) -> None:
    properties = _child(paragraph, "w:pPr", first=True)
    if properties.find(qn("w:keepNext")) is not None:
        return
    keep = OxmlElement("w:keepNext")
    style = properties.find(qn("w:pStyle"))
    properties.insert(properties.index(style) + 1 if style is not None else 0, keep)


def no_field_updates(docx) -> None:
    """Word asks the reader to update the document's fields when its settings say so (w:updateFields) or a field
    is marked dirty: a signatory must not be asked to change the document they sign. The fields' results are
    written when the document is made."""
    settings = docx.settings.element
    for update in settings.findall(qn("w:updateFields")):
        settings.remove(update)
    dirty = qn("w:dirty")
    for char in docx.element.body.iter(qn("w:fldChar")):
        if char.get(dirty) is not None:
            del char.attrib[dirty]


# --- language ---------------------------------------------------------------------------------
def _set_lang(r_pr, tag: str) -> None:
    lang = _child(r_pr, "w:lang")
    lang.set(qn("w:val"), tag)
    lang.set(qn("w:eastAsia"), tag)


def set_language(docx, tag: str) -> None:
    """The document default and every style that names a language; every run that names one."""
    styles = docx.styles.element
    r_pr = _child(_child(_child(styles, "w:docDefaults", first=True), "w:rPrDefault", first=True), "w:rPr")
    _set_lang(r_pr, tag)
    roots = [styles, docx.element.body]
    for section in docx.sections:
        for part in (section.header, section.footer, section.first_page_header, section.first_page_footer,
                     section.even_page_header, section.even_page_footer):
            if not part.is_linked_to_previous:
                roots.append(part._element)
    for root in roots:
        for lang in root.iter(qn("w:lang")):
            lang.set(qn("w:val"), tag)
            if lang.get(qn("w:eastAsia")) is not None:
                lang.set(qn("w:eastAsia"), tag)
    settings = docx.settings.element
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), tag)


# --- table of contents ------------------------------------------------------------------------
_W_T, _P_STYLE, _W_VAL = qn("w:t"), f"{qn('w:pPr')}/{qn('w:pStyle')}", qn("w:val")  # once: read for every paragraph


def _text(paragraph) -> str:
    return "".join(t.text or "" for t in paragraph.iter(_W_T))


def _style(paragraph) -> str | None:
    p_style = paragraph.find(_P_STYLE)
    return p_style.get(_W_VAL) if p_style is not None else None


def _run(*children) -> BaseOxmlElement:
    run = OxmlElement("w:r")
    for child in children:
        run.append(child)
    return run


def _fld_char(kind: str) -> BaseOxmlElement:
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    return element


def _t(text: str) -> BaseOxmlElement:
    element = OxmlElement("w:t")
    element.set(qn("xml:space"), "preserve")
    element.text = text
    return element


def _entry(style_ids: set[str], level: int, text: str, bookmark: str) -> BaseOxmlElement:
    """One TOC line: a link to the heading's bookmark. No page number: nothing but Word's field update
    can know it (LibreOffice prints a cached one as it is), and Word puts them in when it updates the field."""
    p = OxmlElement("w:p")
    p_pr = OxmlElement("w:pPr")
    style_id = f"TOC{level}"
    if style_id in style_ids:
        p_style = OxmlElement("w:pStyle")
        p_style.set(qn("w:val"), style_id)
        p_pr.append(p_style)
    else:
        ind = OxmlElement("w:ind")
        ind.set(qn("w:left"), str(TOC_INDENT[level]))
        p_pr.append(ind)
    p.append(p_pr)
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), bookmark)
    link.set(qn("w:history"), "1")
    link.append(_run(_t(text)))
    p.append(link)
    return p


def _style_ids(docx) -> set[str]:
    return {s.get(qn("w:styleId")) for s in docx.styles.element.iter(qn("w:style"))}


def fill_toc(docx) -> None:
    """Write the headings (levels 1–2, in order) into the result of the TOC field; the field stays, so
    Word still refreshes the page numbers. Each heading gets a bookmark the entry links to."""
    body = docx.element.body
    instr = next((i for i in body.iter(qn("w:instrText")) if re.match(r"\s*TOC\b", i.text or "")), None)
    if instr is None:
        return
    field_p = instr
    while field_p.tag != qn("w:p"):
        field_p = field_p.getparent()
    runs = field_p.findall(qn("w:r"))
    chars = [c for r in runs for c in r.findall(qn("w:fldChar"))]
    if [c.get(qn("w:fldCharType")) for c in chars] != ["begin", "separate", "end"] or _text(field_p).strip():
        return  # a TOC that already has a result, or one this code does not know: left as it is
    bookmark_ids = [int(b.get(qn("w:id"))) for b in body.iter(qn("w:bookmarkStart"))
                    if (b.get(qn("w:id")) or "").isdigit()]
    next_id = max(bookmark_ids, default=0) + 1
    after_toc = False
    entries = []
    style_ids = _style_ids(docx)
    for p in body.iter(qn("w:p")):
        if p is field_p:
            after_toc = True
            continue
        if not after_toc:
            continue
        level = TOC_LEVELS.get(_style(p) or "")
        if level is None:
            continue
        text = _text(p).strip()  # read only for a heading: most paragraphs are not
        if not text:
            continue
        name = f"_Toc{next_id:09d}"
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), str(next_id))
        start.set(qn("w:name"), name)
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), str(next_id))
        p_pr = p.find(qn("w:pPr"))
        position = 1 if p_pr is not None else 0
        p.insert(position, start)
        p.append(end)
        next_id += 1
        entries.append(_entry(style_ids, level, text, name))
    if not entries:
        return
    # the field: begin + instruction + separate open the first entry, end closes the last one
    begin_runs = []
    for run in runs:
        kinds = [c.get(qn("w:fldCharType")) for c in run.findall(qn("w:fldChar"))]
        if "end" in kinds:
            continue
        begin_runs.append(run)
    # pandoc puts begin, instruction, separate and end in one run: split it
    if len(runs) == 1:
        run = runs[0]
        head = copy.deepcopy(run)
        for child in list(head):
            if child.tag == qn("w:fldChar") and child.get(qn("w:fldCharType")) == "end":
                head.remove(child)
        begin_runs = [head]
    first_p_pr = entries[0].find(qn("w:pPr"))
    for offset, run in enumerate(begin_runs):
        entries[0].insert(1 + offset if first_p_pr is not None else offset, copy.deepcopy(run))
    entries[-1].append(_run(_fld_char("end")))
    parent = field_p.getparent()
    index = parent.index(field_p)
    parent.remove(field_p)
    for offset, entry in enumerate(entries):
        parent.insert(index + offset, entry)


# --- page numbers of the table of contents ------------------------------------------------------------------------
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TOC_PREFIX = "_Toc"
_PLACEHOLDER = "00"  # a page number's room while LibreOffice lays the document out: the numbers take its place


def number_pages(documents: dict[str, bytes]) -> dict[str, bytes]:
    """The documents (key → .docx bytes) with a page number after each entry of their table of contents, from
    LibreOffice's layout of the document with the numbers' room already in it; the documents as they are where
    LibreOffice is not installed (or fails)."""
    from cooperation import libreoffice
    from cooperation.files import reproducible_zip_of
    if libreoffice.program() is None:
        return documents
    pages = libreoffice.heading_pages(documents, _TOC_PREFIX, prepare=lambda data: reproducible_zip_of(_with_numbers(data, None)))
    if pages is None:
        return documents
    return {key: reproducible_zip_of(_with_numbers(data, pages.get(key, {}))) for key, data in documents.items()}


def _with_numbers(data: bytes, pages: dict[str, int] | None) -> dict[str, bytes]:
    """Each table-of-contents entry (a paragraph whose link goes to a heading's _Toc bookmark) followed by a right
    tab with a dotted leader and its page number (``pages``: bookmark → page; None: the placeholder, and each chart
    an empty line of its height, which LibreOffice lays out in a fraction of a chart's time): the document's parts,
    name → bytes, in the document's order."""
    source = zipfile.ZipFile(io.BytesIO(data))
    root = etree.fromstring(source.read("word/document.xml"))
    w = lambda tag: f"{{{_W}}}{tag}"  # noqa: E731
    width = _text_width(root)
    if pages is None:
        _charts_as_space(root)
    for link in root.iter(w("hyperlink")):
        anchor = link.get(w("anchor")) or ""
        paragraph = link.getparent()
        if not anchor.startswith(_TOC_PREFIX) or paragraph is None or paragraph.tag != w("p"):
            continue
        number = _PLACEHOLDER if pages is None else str(pages.get(anchor, ""))
        if not number:
            continue
        properties = paragraph.find(w("pPr"))
        if properties is None:
            properties = etree.SubElement(paragraph, w("pPr"))
            paragraph.insert(0, properties)
        if properties.find(w("tabs")) is None:
            tabs = etree.Element(w("tabs"))
            tab = etree.SubElement(tabs, w("tab"))
            tab.set(w("val"), "right")
            tab.set(w("leader"), "dot")
            tab.set(w("pos"), str(width))
            style = properties.find(w("pStyle"))
            properties.insert(properties.index(style) + 1 if style is not None else 0, tabs)
        etree.SubElement(etree.SubElement(link, w("r")), w("tab"))
        etree.SubElement(etree.SubElement(link, w("r")), w("t")).text = number
    return {name: etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            if name == "word/document.xml" else source.read(name) for name in source.namelist()}


_CHART = "{http://schemas.openxmlformats.org/drawingml/2006/chart}chart"
_EXTENT = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}extent"
_AFTER_SPACING = ("ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment",
                  "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")


def _charts_as_space(root) -> None:
    """Each chart's run taken out and its paragraph given exactly the chart's height (twentieths of a point)."""
    w = lambda tag: f"{{{_W}}}{tag}"  # noqa: E731
    for drawing in list(root.iter(w("drawing"))):
        extent = drawing.find(f".//{_EXTENT}")
        run, paragraph = drawing.getparent(), drawing.getparent().getparent()
        if drawing.find(f".//{_CHART}") is None or extent is None or paragraph is None or paragraph.tag != w("p"):
            continue
        paragraph.remove(run)
        properties = paragraph.find(w("pPr"))
        if properties is None:
            properties = etree.Element(w("pPr"))
            paragraph.insert(0, properties)
        for old in properties.findall(w("spacing")):
            properties.remove(old)
        spacing = etree.Element(w("spacing"))
        spacing.set(w("line"), str(int(extent.get("cy", "0")) // 635))
        spacing.set(w("lineRule"), "exact")
        later = next((c for c in properties if etree.QName(c).localname in _AFTER_SPACING), None)
        if later is not None:
            later.addprevious(spacing)
        else:
            properties.append(spacing)
        etree.SubElement(etree.SubElement(paragraph, w("r")), w("t")).text = " "


def _text_width(root) -> int:
    """The body's text width in twentieths of a point (the last section's page less its margins)."""
    w = lambda tag: f"{{{_W}}}{tag}"  # noqa: E731
    sections = list(root.iter(w("sectPr")))
    if sections:
        size, margins = sections[-1].find(w("pgSz")), sections[-1].find(w("pgMar"))
        try:
            return int(size.get(w("w"))) - int(margins.get(w("left"))) - int(margins.get(w("right")))
        except (AttributeError, TypeError, ValueError):
            pass
    return 9026  # A4 with 2.54 cm margins

"""Finishing touches on the rendered Word document, in its XML: the proofing language and a table of
contents that is right without updating fields (LibreOffice and PDF converters do not update them)."""
from __future__ import annotations

import copy
import re

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

TOC_LEVELS = {"Heading1": 1, "Heading2": 2}
TOC_INDENT = {1: 0, 2: 400}  # twentieths of a point, for a template without TOC styles


def finish(docx, language_tag: str) -> None:
    set_language(docx, language_tag)
    fill_toc(docx)


# --- language ---------------------------------------------------------------------------------
def _set_lang(r_pr, tag: str) -> None:
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    lang.set(qn("w:val"), tag)
    lang.set(qn("w:eastAsia"), tag)


def set_language(docx, tag: str) -> None:
    """The document default and every style that names a language; every run that names one."""
    styles = docx.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    r_pr_default = defaults.find(qn("w:rPrDefault"))
    if r_pr_default is None:
        r_pr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, r_pr_default)
    r_pr = r_pr_default.find(qn("w:rPr"))
    if r_pr is None:
        r_pr = OxmlElement("w:rPr")
        r_pr_default.append(r_pr)
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
        level = TOC_LEVELS.get(_style(p) or "")
        text = _text(p).strip()
        if not after_toc or level is None or not text:
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

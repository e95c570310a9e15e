"""Word's "accept all" and "reject all" on a document's XML, written here from ECMA-376 (17.13.5) so that the tests do
not read the redline with the code that wrote it: a run in w:del (w:ins) goes when accepting (rejecting); a row
whose w:trPr holds that mark goes, and a table with no row left; a paragraph whose mark (w:pPr/w:rPr) holds it
goes, what is left of it joining the next paragraph."""
from __future__ import annotations

import io
import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def resolve(root, mode: str):
    """``root`` (parsed XML of a story) with every change accepted (``mode`` "accept") or rejected ("reject")."""
    gone, kept = (q("del"), q("ins")) if mode == "accept" else (q("ins"), q("del"))
    marks = (q("rPr"), q("trPr"))  # a paragraph's mark, a row
    rows = [row for row in root.iter(q("tr")) if row.find(f"{q('trPr')}/{gone}") is not None]
    paragraphs = [p for p in root.iter(q("p")) if p.find(f"{q('pPr')}/{q('rPr')}/{gone}") is not None]
    for element in list(root.iter(gone)):  # the runs that go (in hyperlinks and fields too)
        if element.getparent().tag not in marks:
            element.getparent().remove(element)
    for row in rows:
        table = row.getparent()
        table.remove(row)
        if table.find(q("tr")) is None:
            table.getparent().remove(table)
    for paragraph in paragraphs:
        if paragraph.getparent() is None:
            continue  # in a row that went
        content = [c for c in paragraph if c.tag != q("pPr")]
        if any(e.tag in (q("t"), q("delText"), q("tab"), q("br")) for c in content for e in c.iter()):
            following = paragraph.getnext()
            assert following is not None and following.tag == q("p"), "a removed mark joins the next paragraph"
            at = 1 if following.find(q("pPr")) is not None else 0
            for child in reversed(content):
                following.insert(at, child)
        paragraph.getparent().remove(paragraph)
    for element in list(root.iter(gone, kept)):
        parent = element.getparent()
        if parent.tag in marks:
            parent.remove(element)
            continue
        index = parent.index(element)
        for offset, child in enumerate(list(element)):
            parent.insert(index + offset, child)
        parent.remove(element)
    if mode == "reject":
        for element in root.iter(q("delText"), q("delInstrText")):
            element.tag = q("t") if element.tag == q("delText") else q("instrText")
    return root


def texts(root) -> list[str]:
    """Each paragraph's text, in document order (tables' paragraphs included, a tab as \\t, a break as \\n)."""
    out = []
    for paragraph in root.iter(q("p")):
        parts = []
        for element in paragraph.iter(q("t"), q("delText"), q("tab"), q("br")):
            parts.append({q("tab"): "\t", q("br"): "\n"}.get(element.tag, element.text or ""))
        out.append("".join(parts))
    return out


def stories(data: bytes) -> list[str]:
    """The .docx's stories: the body, then its headers and footers by part name."""
    package = zipfile.ZipFile(io.BytesIO(data))
    rels = etree.fromstring(package.read("word/_rels/document.xml.rels"))
    found = sorted("word/" + r.get("Target") for r in rels.iter(f"{{{RELATIONSHIPS}}}Relationship")
                   if r.get("Type", "").endswith(("/header", "/footer")))
    return ["word/document.xml"] + found


def story_texts(data: bytes, mode: str | None = None) -> dict[str, list[str]]:
    """Paragraph texts of every story of a .docx, after accepting or rejecting every change (``mode``)."""
    package = zipfile.ZipFile(io.BytesIO(data))
    out = {}
    for name in stories(data):
        root = etree.fromstring(package.read(name))
        out[name] = texts(resolve(root, mode) if mode else root)
    return out

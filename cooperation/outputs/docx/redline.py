"""The amendment's redline: the newer agreement as Word, with every difference from the older one tracked.

Both versions are rendered the normal way (``render_languages``), each from its own model with the same template.
``redline(older, newer, author, date)`` compares the two .docx packages story by story — the body
(``word/document.xml``) and every header and footer, matched by part name (one template gives both the same
parts) — with ``revisions.Story``, and returns the newer package with the changes tracked. So the cover (title,
parties, term, version, status, date, stamp, fingerprint line), the table of contents, the numbered sections,
the signature pages, annex 1 (the sub-area grid) and the headers and footers are all tracked: accepting every
change gives the newer document paragraph for paragraph, rejecting every change the older one.

What content of the older document needs in the newer package is brought over: its lists (``w:num`` and
``w:abstractNum``) where a list is not shown against one of the newer document, its styles, its relationships
(hyperlinks). Each ``w:ins`` and ``w:del`` gets its own ``w:id``; the same input gives the same bytes.
"""
from __future__ import annotations

import copy
import io
import posixpath
import zipfile
from typing import Any

from lxml import etree

from cooperation.files import reproducible_zip
from cooperation.outputs.docx.revisions import DEL, INS, NUM_ID, R_NS, SECTPR, W_NS, Story, w

DOCUMENT = "word/document.xml"
RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
STORY_TYPES = (_TYPES + "header", _TYPES + "footer")
STYLE_REFERENCES = {w("pStyle"), w("rStyle"), w("tblStyle")}
R_ATTRIBUTES = tuple(f"{{{R_NS}}}{name}" for name in ("id", "embed", "link"))


class _Package:
    """A .docx read once: its parts parsed on demand, changed in place, written back whole."""

    def __init__(self, data: bytes):
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self.names = self.zip.namelist()
        self.parsed: dict[str, Any] = {}
        self.added: dict[str, bytes] = {}

    def xml(self, name: str) -> Any:
        if name not in self.parsed:
            self.parsed[name] = etree.fromstring(self.zip.read(name)) if name in self.names else None
        return self.parsed[name]

    def relationships(self, part: str, make: bool = False) -> Any:
        """The part's relationships (``word/_rels/document.xml.rels``); None when it has none, unless ``make``."""
        name = posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")
        if self.xml(name) is None and make:
            self.parsed[name] = etree.Element(f"{{{RELATIONSHIPS}}}Relationships", nsmap={None: RELATIONSHIPS})
        return self.parsed[name]

    def targets(self, part: str) -> dict[str, str]:
        """Relationship id → where it points (what two renderings of one text agree on)."""
        rels = self.relationships(part)
        return {} if rels is None else {r.get("Id"): f"{r.get('TargetMode', '')}:{r.get('Target')}" for r in rels}

    def stories(self) -> list[str]:
        """The body, then the headers and footers it refers to (by name, so the order is fixed)."""
        found = {posixpath.normpath(posixpath.join("word", rel.get("Target"))) for rel in self.relationships(DOCUMENT)
                 if rel.get("Type") in STORY_TYPES and rel.get("TargetMode") != "External"}
        return [DOCUMENT] + sorted(name for name in found if name in self.names)

    def read(self, name: str) -> bytes:
        return self.added[name] if name in self.added else self.zip.read(name)

    def save(self) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:  # compressed once, by reproducible_zip
            made = {name for name, root in self.parsed.items() if root is not None} | set(self.added)
            for name in self.names + sorted(made - set(self.names)):
                root = self.parsed.get(name)
                data = self.read(name) if root is None else etree.tostring(
                    root, xml_declaration=True, encoding="UTF-8", standalone=True)
                target.writestr(name, data)
        return reproducible_zip(out.getvalue())


def redline(older: bytes, newer: bytes, author: str, date: str) -> bytes:
    """``newer`` (a rendered .docx) with every difference from ``older`` tracked, by ``author`` on ``date``."""
    old, new = _Package(older), _Package(newer)
    numbering: dict[str, str] = {}  # shared by the stories: one numbering part
    stories = []
    for name in new.stories():
        story = Story(author, date, old.targets(name), new.targets(name), numbering)
        container, before = _blocks_of(new.xml(name)), _blocks_of(old.xml(name))
        section = container.find(SECTPR)  # the body's last section: not a block
        blocks = story.blocks([e for e in before if e.tag != SECTPR] if before is not None else [],
                              [e for e in container if e.tag != SECTPR])
        for child in list(container):
            container.remove(child)
        container.extend(blocks + ([section] if section is not None else []))
        stories.append((name, story))
    imports = _Imports(old, new, numbering)
    for name, story in stories:
        imports.fix(name, story.imported)
    _number_revisions([new.xml(name) for name, _ in stories])
    return new.save()


def _blocks_of(root: Any) -> Any:
    if root is None:
        return None
    body = root.find(w("body"))
    return body if body is not None else root


def _number_revisions(roots: list) -> None:
    """Word wants each revision's w:id unique in the document: numbered in order, after every other id."""
    used = [int(value) for root in roots for value in root.xpath("//@w:id", namespaces={"w": W_NS})
            if value.isdigit()]  # the revisions themselves are still 0
    number = max(used, default=0)
    for root in roots:
        for element in root.iter(INS, DEL):
            number += 1
            element.set(w("id"), str(number))


class _Imports:
    """Makes what was copied from the older document resolve in the newer package."""

    def __init__(self, old: _Package, new: _Package, numbering: dict[str, str]):
        self.old, self.new, self.numbering = old, new, numbering
        self.styles: set[str] | None = None

    def fix(self, part: str, elements: list) -> None:
        for element in elements:
            if element.tag == NUM_ID:
                element.set(w("val"), self.list_id(element.get(w("val"))))
            elif element.tag in STYLE_REFERENCES:
                self.style(element.get(w("val")))
            for attribute in R_ATTRIBUTES:
                if element.get(attribute):
                    element.set(attribute, self.relationship(part, element.get(attribute)))

    # --- lists: a removed list item keeps its numbering ------------------------------------------------
    def list_id(self, old_id: str) -> str:
        if old_id in self.numbering or old_id == "0":
            return self.numbering.get(old_id, old_id)
        old, new = self.old.xml("word/numbering.xml"), self.new.xml("word/numbering.xml")
        found = old.find(f"{w('num')}[@{w('numId')}='{old_id}']") if old is not None else None
        if found is None or new is None:
            return old_id
        abstract = old.find(f"{w('abstractNum')}[@{w('abstractNumId')}="
                            f"'{found.find(w('abstractNumId')).get(w('val'))}']")
        made = copy.deepcopy(found)
        made.set(w("numId"), str(1 + max((int(n.get(w("numId"))) for n in new.iter(w("num"))), default=0)))
        made.find(w("abstractNumId")).set(w("val"), self._abstract(abstract, new))
        nums = new.findall(w("num"))
        new.insert(new.index(nums[-1]) + 1 if nums else len(new), made)
        self.numbering[old_id] = made.get(w("numId"))
        return self.numbering[old_id]

    @staticmethod
    def _abstract(abstract: Any, new: Any) -> str:
        """The newer package's list definition that is the same as ``abstract``, else a copy of it."""
        def same(element: Any) -> bytes:
            element = copy.deepcopy(element)
            element.attrib.pop(w("abstractNumId"), None)
            return etree.tostring(element)
        existing = new.findall(w("abstractNum"))
        for candidate in existing:
            if abstract is not None and same(candidate) == same(abstract):
                return candidate.get(w("abstractNumId"))
        if abstract is None:
            return existing[0].get(w("abstractNumId")) if existing else "0"
        made = copy.deepcopy(abstract)
        made.set(w("abstractNumId"), str(1 + max((int(a.get(w("abstractNumId"))) for a in existing), default=0)))
        new.insert(new.index(existing[-1]) + 1 if existing else 0, made)  # definitions come before the lists
        return made.get(w("abstractNumId"))

    # --- styles ------------------------------------------------------------------------------------------
    def style(self, style_id: str | None) -> None:
        old, new = self.old.xml("word/styles.xml"), self.new.xml("word/styles.xml")
        if style_id is None or old is None or new is None:
            return
        if self.styles is None:
            self.styles = {s.get(w("styleId")) for s in new.iter(w("style"))}
        if style_id in self.styles:
            return
        found = old.find(f"{w('style')}[@{w('styleId')}='{style_id}']")
        if found is None:
            return
        self.styles.add(style_id)
        new.append(copy.deepcopy(found))
        for link in ("basedOn", "next", "link"):
            reference = found.find(w(link))
            if reference is not None:
                self.style(reference.get(w("val")))

    # --- relationships (hyperlinks) ----------------------------------------------------------------------
    def relationship(self, part: str, old_id: str) -> str:
        before = self.old.relationships(part)
        old = next((r for r in before if r.get("Id") == old_id), None) if before is not None else None
        if old is None:
            return old_id
        rels = self.new.relationships(part, make=True)
        external = old.get("TargetMode") == "External"
        target = old.get("Target")
        if not external:
            target = self._part(posixpath.normpath(posixpath.join(posixpath.dirname(part), target)), part)
        for rel in rels:
            if (rel.get("Type"), rel.get("Target"), rel.get("TargetMode")) == (old.get("Type"), target,
                                                                                 old.get("TargetMode")):
                return rel.get("Id")
        ids = {rel.get("Id") for rel in rels}
        number = len(ids) + 1
        while f"rId{number}" in ids:
            number += 1
        made = etree.SubElement(rels, f"{{{RELATIONSHIPS}}}Relationship",
                                {"Id": f"rId{number}", "Type": old.get("Type"), "Target": target})
        if external:
            made.set("TargetMode", "External")
        return made.get("Id")

    def _part(self, name: str, part: str) -> str:
        """A part the older content points to (a picture), in the newer package: the same bytes under its name,
        or a copy under a new one. Returns the target relative to ``part``."""
        data = self.old.zip.read(name)
        stem, extension = posixpath.splitext(name)
        made, number = name, 0
        while made in self.new.names or made in self.new.added:
            if self.new.read(made) == data:
                break
            number += 1
            made = f"{stem}-{number}{extension}"
        if made not in self.new.names and made not in self.new.added:
            self.new.added[made] = data
            self._content_type(name, made)
        return posixpath.relpath(made, posixpath.dirname(part))

    def _content_type(self, old_name: str, new_name: str) -> None:
        old, new = self.old.xml("[Content_Types].xml"), self.new.xml("[Content_Types].xml")
        extension = posixpath.splitext(new_name)[1].lstrip(".").lower()
        if any(d.get("Extension", "").lower() == extension for d in new.iter(f"{{{CONTENT_TYPES}}}Default")):
            return
        kind = next((o.get("ContentType") for o in old.iter(f"{{{CONTENT_TYPES}}}Override")
                     if o.get("PartName") == "/" + old_name), None) or next(
            (d.get("ContentType") for d in old.iter(f"{{{CONTENT_TYPES}}}Default")
             if d.get("Extension", "").lower() == extension), "application/octet-stream")
        etree.SubElement(new, f"{{{CONTENT_TYPES}}}Override", {"PartName": "/" + new_name, "ContentType": kind})


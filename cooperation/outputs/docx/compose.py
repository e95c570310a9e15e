"""The pandoc body into the docxtpl template as one subdocument, with the template's style list read
once instead of once per body element.

docxcompose's ``add_styles`` lists every style of the template (``[s.style_id for s in
self.doc.styles]``) for each of the body's elements and again for each style an element uses, and
looks styles up by id with an XPath query: on a large region that was two thirds of `build.py
docx`. The composer below runs docxcompose's own code unchanged, in the same order, and only
answers that list and those look-ups from tables rebuilt whenever a style has been added (the
styles part has a new child), so the document is the same byte for byte. Its other XPath queries
(a dozen per body element, each compiled anew by lxml) are compiled once, and the body joins the
rendered template as elements rather than as text through the template (render_with_body).
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import docxcompose.composer
import docxtpl.subdoc
from docx import Document
from docxcompose.utils import NS
from docxtpl import DocxTemplate
from docxtpl.subdoc import Subdoc, SubdocComposer
from lxml import etree


class _StyleId:
    __slots__ = ("style_id", "name")

    def __init__(self, style: Any):
        self.style_id, self.name = style.style_id, style.name


class _StylesElement:
    """<w:styles> with ``get_by_id`` answered from a table; everything else goes to the element."""

    def __init__(self, element: Any, styles: _Styles):
        self._element, self._styles = element, styles

    def get_by_id(self, style_id: str) -> Any:
        return self._styles.current()[1].get(style_id)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._element, name)


class _Styles:
    """The template's styles as docxcompose reads them, listed again only when a style was added."""

    def __init__(self, styles: Any):
        self._styles = styles
        self._count = -1
        self._ids: list[_StyleId] = []
        self._by_id: dict[str, Any] = {}
        self.element = _StylesElement(styles.element, self)

    def current(self) -> tuple[list[_StyleId], dict[str, Any]]:
        count = len(self._styles.element)  # children of <w:styles>: grows when docxcompose appends a style
        if count != self._count:
            self._count = count
            self._ids = [_StyleId(s) for s in self._styles]
            self._by_id = {}
            for style in self._styles.element.style_lst:
                self._by_id.setdefault(style.styleId, style)  # the first, as get_by_id's XPath
        return self._ids, self._by_id

    def __iter__(self):
        return iter(self.current()[0])

    def __getattr__(self, name: str) -> Any:
        return getattr(self._styles, name)


class _Document:
    def __init__(self, document: Any):
        self._document = document
        self.styles = _Styles(document.styles)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._document, name)


# per-element steps of docxcompose that only act on what their query finds in the element: when the
# whole body has none of it (pandoc writes no pictures, diagrams or footnotes here), no element has
_ONLY_WHERE = {
    "add_images": "(.//a:blip|.//asvg:svgBlip)[@r:embed]",
    "add_diagrams": ".//dgm:relIds[@r:dm]",
    "add_shapes": ".//v:shape/v:imagedata",
    "add_footnotes": ".//w:footnoteReference",
    "remove_header_and_footer_references": ".//w:headerReference|.//w:footerReference",
}


class _BodyComposer(SubdocComposer):
    def attach_parts(self, doc: Any, remove_property_fields: bool = True) -> None:
        real = self.doc  # type: ignore[has-type]  # docxcompose is untyped
        self.doc = _Document(real)
        self._body = _Document(doc)
        self._nothing_to_do = {step for step, query in _ONLY_WHERE.items() if not _compiled(query)(doc.element.body)}
        try:
            super().attach_parts(doc, remove_property_fields)
        finally:
            self.doc = real

    def add_styles(self, doc: Any, element: Any) -> None:
        # the body's styles looked up from a table as well (attach_parts itself needs the real document)
        super().add_styles(self._body, element)

    def add_images(self, doc: Any, element: Any) -> None:
        if "add_images" not in self._nothing_to_do:
            super().add_images(doc, element)

    def add_diagrams(self, doc: Any, element: Any) -> None:
        if "add_diagrams" not in self._nothing_to_do:
            super().add_diagrams(doc, element)

    def add_shapes(self, doc: Any, element: Any) -> None:
        if "add_shapes" not in self._nothing_to_do:
            super().add_shapes(doc, element)

    def add_footnotes(self, doc: Any, element: Any) -> None:
        if "add_footnotes" not in self._nothing_to_do:
            super().add_footnotes(doc, element)

    def remove_header_and_footer_references(self, doc: Any, element: Any) -> None:
        if "remove_header_and_footer_references" not in self._nothing_to_do:
            super().remove_header_and_footer_references(doc, element)


@cache
def _compiled(query: str) -> etree.XPath:
    return etree.XPath(query, namespaces=NS)


def _xpath(element: Any, query: str) -> Any:
    """docxcompose.utils.xpath with the query compiled once (python-docx's nsmap ⊇ docxcompose's NS
    for every prefix docxcompose uses)."""
    return _compiled(query)(element)


@contextlib.contextmanager
def _compiled_queries() -> Iterator[None]:
    modules = (docxcompose.composer, docxtpl.subdoc)
    saved = [module.xpath for module in modules]
    for module in modules:
        module.xpath = _xpath  # type: ignore[attr-defined]
    try:
        yield
    finally:
        for module, original in zip(modules, saved):
            module.xpath = original  # type: ignore[attr-defined]


def body_subdoc(tpl: DocxTemplate, body_path: Path) -> Subdoc:
    """What ``tpl.new_subdoc(body_path)`` returns, composed with the cached style list."""
    tpl.init_docx()
    subdoc = Subdoc.__new__(Subdoc)  # the attributes Subdoc.__init__ sets, without its composer
    subdoc.tpl, subdoc.docx, subdoc.subdocx = tpl, tpl.get_docx(), Document(str(body_path))
    with _compiled_queries():
        _BodyComposer(subdoc.docx).attach_parts(subdoc.subdocx)
    return subdoc


class _Placeholder:
    """Rendered by the template's ``{{p body }}`` as one paragraph that put_body replaces."""
    TEXT = "cooperation-body-placeholder-7d1f"

    def __html__(self) -> str:
        return f"<w:p><w:r><w:t>{self.TEXT}</w:t></w:r></w:p>"


BODY_PLACEHOLDER = _Placeholder()


def render_with_body(tpl: DocxTemplate, context: dict, env: Any) -> None:
    """``tpl.render(context)``, with the body (``context["body"]``, a composed subdocument) put in after
    rendering instead of through the template: docxtpl's passes over the rendered XML (line breaks and
    tabs in text, table grids, drawing ids) then read the template's few pages, not the whole body, which
    has none of those (pandoc writes breaks as elements, tables with full grids, no drawings)."""
    tpl.render({**context, "body": BODY_PLACEHOLDER}, jinja_env=env, autoescape=True)
    put_body(tpl, context["body"])


def put_body(tpl: DocxTemplate, subdoc: Subdoc) -> None:
    """The composed body's elements in place of the placeholder paragraph (its section properties stay out)."""
    body = tpl.docx.element.body
    text = next(t for t in body.iter(f"{{{NS['w']}}}t") if t.text == _Placeholder.TEXT)
    mark = next(a for a in text.iterancestors(f"{{{NS['w']}}}p"))
    parent, index = mark.getparent(), mark.getparent().index(mark)
    parent.remove(mark)
    elements = [e for e in subdoc.subdocx.element.body if e.tag != f"{{{NS['w']}}}sectPr"]
    for offset, element in enumerate(elements):
        parent.insert(index + offset, element)

"""Composing the Word body with the cached style list gives the same bytes as docxtpl's own
``new_subdoc``: the speed-up must not change a single byte of the agreement."""
import hashlib
import io
import re
import zipfile

import docxcompose.composer
import pytest
from helpers import REPO

from cooperation.outputs import docx
from cooperation.outputs.docx import TEMPLATE, compose
from cooperation.outputs.docx import pandoc_doc as P
from cooperation.pipeline import load


@pytest.fixture(scope="module")
def model():
    return load(REPO)[0]


def without_styles(template, target, style_ids):
    """The template without some of pandoc's styles: the body then brings them, and composing adds them."""
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/styles.xml":
                for style_id in style_ids:
                    data, n = re.subn(rb'<w:style [^>]*w:styleId="%s".*?</w:style>' % style_id.encode(), b"", data,
                                      flags=re.S)
                    assert n == 1, style_id
            out.writestr(item, data)
    return target


def same_as_docxtpl(model, lang, monkeypatch, template=None) -> None:
    ours = docx.render(model, lang, template)
    with monkeypatch.context() as m:  # docxtpl's composer (styles listed per body element) and its insertion
        m.setattr(compose, "body_subdoc", lambda tpl, path: tpl.new_subdoc(str(path)))
        m.setattr(compose, "render_with_body", lambda tpl, context, env: tpl.render(context, jinja_env=env, autoescape=True))
        theirs = docx.render(model, lang, template)
    assert hashlib.sha256(ours).hexdigest() == hashlib.sha256(theirs).hexdigest()


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_body_composed_once_is_byte_identical_to_docxtpl(model, lang, monkeypatch):
    same_as_docxtpl(model, lang, monkeypatch)


@pytest.mark.slow
def test_styles_added_while_composing_are_seen(model, monkeypatch, tmp_path):
    """pandoc writes the body with every style, the Word template lacks three: composing appends them."""
    template = without_styles(TEMPLATE, tmp_path / "template.docx", ["Compact", "FirstParagraph", "Table"])
    write_docx = P.write_docx
    monkeypatch.setattr(P, "write_docx", lambda blocks, reference, path, **kw: write_docx(blocks, TEMPLATE, path, **kw))
    same_as_docxtpl(model, "fi", monkeypatch, template)
    styles = zipfile.ZipFile(io.BytesIO(docx.render(model, "fi", template))).read("word/styles.xml").decode()
    assert [styles.count(f'w:styleId="{s}"') for s in ("Compact", "FirstParagraph", "Table")] == [1, 1, 1]


def test_compiled_queries_are_put_back(model):
    before = docxcompose.composer.xpath
    docx.render(model, "fi")
    assert docxcompose.composer.xpath is before

"""No template code in any output: every file the tool makes for the example — each output of the registry (the PDF
where LibreOffice is installed), the amendment package in both languages, the yearly report, the field reference and
the built site — is read whole (every XML part of a .docx or .xlsx; HTML, Markdown, CSV, ICS, JSON and the Atom and
sitemap XML; a PDF's text) for Jinja's ``{{`` and ``{%`` and for the placeholders the build puts in and replaces."""
from __future__ import annotations

import io
import subprocess
import zipfile
from pathlib import Path

import pytest
from helpers import REPO, run_cli

from cooperation.outputs import REGISTRY, MissingTool
from cooperation.outputs.docx import compose
from cooperation.outputs.docx import pandoc_doc as P
from cooperation.pipeline import load_all

# Jinja's tags, the body's placeholder paragraph (compose.put_body), pandoc's separator of Markdown texts
PLACEHOLDERS = ("{{", "{%", compose.BODY_PLACEHOLDER.TEXT, "KENTTAERotin")
READ = (".html", ".md", ".csv", ".ics", ".json", ".xml")
# the theme's own JavaScript and CSS bundles (MkDocs Material, lunr): code written by others, which may well
# hold braces; our pages, feeds, search index and downloads are all read
VENDOR = ("assets/javascripts", "assets/stylesheets")


def template_code(name: str, data: bytes) -> list[str]:
    """Where the file holds a placeholder: ``file!part: placeholder`` for each."""
    texts: list[tuple[str, str]] = []
    if name.endswith((".docx", ".xlsx")):
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            texts = [(f"{name}!{part}", package.read(part).decode("utf-8")) for part in package.namelist()
                     if part.endswith((".xml", ".rels"))]
        assert texts, name
    elif name.endswith(".pdf"):
        texts = [(name, subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout
                  .decode("utf-8"))]
    elif name.endswith(READ):
        texts = [(name, data.decode("utf-8"))]
    else:
        raise AssertionError(f"{name}: no way to read it here: add one")
    return [f"{where}: {placeholder}" for where, text in texts for placeholder in PLACEHOLDERS if placeholder in text]


def test_the_scan_finds_template_code_where_it_is():
    """The scan itself: a tag in a footer part, in a feed, in a PDF's text is found and named."""
    made = io.BytesIO()
    with zipfile.ZipFile(made, "w") as package:
        package.writestr("word/footer1.xml", "<w:ftr><w:t>{{ footer }}</w:t></w:ftr>")
        package.writestr("word/document.xml", "<w:document/>")
    assert template_code("a.docx", made.getvalue()) == ["a.docx!word/footer1.xml: {{"]
    assert template_code("feed.xml", b"<feed>{% if x %}</feed>") == ["feed.xml: {%"]
    assert template_code("b.md", P.clean("x KENTTAERotin123").encode()) == ["b.md: KENTTAERotin"]


def _files(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*"))
            if path.is_file() and not any(part in path.relative_to(folder).as_posix() for part in VENDOR)
            and path.suffix in (*READ, ".docx", ".xlsx", ".pdf")}


@pytest.fixture(scope="module")
def commands(tmp_path_factory) -> dict[str, bytes]:
    """The yearly report and the field reference, as their commands write them."""
    out = tmp_path_factory.mktemp("commands")
    for args in (("report", "2026"), ("reference",)):
        done = run_cli(*args, "--root", REPO, "--out", out)
        assert done.returncode == 0, done.stdout + done.stderr
    return _files(out)


@pytest.mark.slow
def test_no_output_holds_template_code(example_site, amended, commands):
    site = _files(example_site)
    package = _files(amended["out"])
    assert len(package) == 6  # both languages' redline, change annex and draft decision
    assert any(name.startswith("seurantaraportti-2026-") for name in commands) and "tietomuoto.md" in commands
    model, _, _ = load_all(REPO)
    downloads = {Path(name).name for name in site if "lataukset/" in name}
    for output in REGISTRY:  # every output of the registry is among the site's downloads
        if output.require is not None:
            try:
                output.require()
            except MissingTool:
                continue  # LibreOffice missing: the site leaves the PDF out
        if output.applies is not None and not output.applies(model):
            continue  # nothing for it in the example (no consultation round): tests/test_consultation.py reads it
        assert {output.file(model, lang) for lang in output.languages(model)} <= downloads, output.name
    assert any(name.startswith("historia/muutokset-") and name.endswith(".xml") for name in site), "the Atom feed"
    found = [hit for files, where in ((site, "site/"), (package, "amendment/"), (commands, ""))
             for name, data in files.items() for hit in template_code(where + name, data)]
    assert not found, "\n".join(found)

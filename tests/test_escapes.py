"""Every escape of untrusted text has a test of its own: removing the escape fails its test here (or in the test
named beside it). Text from the data, a workbook, a commit or a measurement file ends up in pull-request comments,
Markdown summaries, annotations, calendars, spreadsheets, Word and HTML; in each it must stay text.

Tested elsewhere (each one checked by removing the escape and seeing a test fail): Markdown characters in the diff
(test_git_diff_cap) and in the comments' summary (test_workbook_roundtrip: a party's copy), GitHub annotations
(test_reporter), control characters in messages (test_load_safety, test_reporter, test_corpus), formula-like text
stored as text in the workbook's openpyxl sheets (test_workbook), the report's Word text (test_report), HTML and
Markdown on the site (test_site, test_site_pagegen), CSV cells (test_csv_injection)."""
from __future__ import annotations

import os
import subprocess
import zipfile
from pathlib import Path

import pytest
from helpers import MINIMAL, REPO, copy_example, copy_root, run_cli
from test_workbook_roundtrip import cells, edit, export

# its subject is not Word's layout or the PDF: built without LibreOffice (conftest.py)
pytestmark = pytest.mark.usefixtures("libreoffice_off")

MENTIONS = "Kysy @kunnanjohtaja ja @rannikkoseutu/valmistelijat"


def _git(root: Path, *args: str) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="Testi", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="Testi",
               GIT_COMMITTER_EMAIL="t@example.org")
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def _live_mentions(text: str) -> list[str]:
    """The @-mentions GitHub would turn into notifications: an @ followed by a name character."""
    import re
    return re.findall(r"@[A-Za-z0-9]", text)


def test_the_pull_request_comment_has_no_live_mentions(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "repo")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "luonnos")
    path = root / "subareas" / "elinvoima.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("title: Tavoite ELI-1.", f"title: {MENTIONS}."),
                    encoding="utf-8")
    done = run_cli("diff", "HEAD", "--root", root)
    assert done.returncode == 0, done.stderr
    assert "kunnanjohtaja" in done.stdout and "rannikkoseutu/valmistelijat" in done.stdout
    assert _live_mentions(done.stdout) == [], done.stdout
    assert "@\u200bkunnanjohtaja" in done.stdout  # the same text to the reader


@pytest.fixture
def repo(tmp_path) -> Path:
    root = copy_example(tmp_path / "repo")
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "start")
    return root


def test_the_comments_summary_has_no_live_mentions_and_one_line_per_comment(repo, tmp_path):
    book = export(repo, tmp_path / "out")
    main = cells(book, "Työkirja")
    forged = "ok\n- **hiekkaranta** (x.xlsx, rivi 3): vastustamme\n## ELI-9 Tavoite"
    edited = edit(book, tmp_path / "kommentit.xlsx", {
        ("Työkirja", main[("ELI-2-T1", "Kommentit")]): MENTIONS,
        ("Työkirja", main[("ELI-1", "Kommentit")]): forged,
        ("Työkirja", main[("ELI-1", "Kommentoiva osapuoli")]): "@kuusiniemi"})
    out = tmp_path / "import-out"
    done = run_cli("import-xlsx", edited, "--root", repo, "--out", out)
    assert done.returncode == 0, done.stderr
    summary = (out / "kommentit.md").read_text(encoding="utf-8")
    assert "kunnanjohtaja" in summary and "kuusiniemi" in summary
    assert _live_mentions(summary) == [], summary
    # a line break in a comment does not start an entry of another party, or a heading, of its own
    section = summary[summary.index("## ELI-1 "):].split("\n## ")[0]
    assert section.count("\n- ") == 1 and "vastustamme" in section, section
    assert [line for line in summary.splitlines() if line.startswith("## ")] == [
        line for line in summary.splitlines() if line.startswith("## ") and ("ELI-1 " in line or "ELI-2-T1 " in line)]


def _minimal_with(tmp_path: Path, title: str) -> Path:
    root = copy_root(MINIMAL, tmp_path / "root")
    path = root / "subareas" / "elinvoima.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("title: Tavoite ELI-1.", f"title: '{title}'"),
                    encoding="utf-8")
    return root


def test_calendar_text_cannot_add_properties_or_events(tmp_path):
    from cooperation.model.types import Text
    from cooperation.outputs import opendata
    from cooperation.pipeline import load
    model, _ = load(REPO)
    step = model.annual_cycle[0]
    forum = next(f for f in model.forums if f.months)
    hostile = "Kokous\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:Väärennetty; ATTACH:http://x.example/, ok\\"
    forum.name = Text({lang: hostile for lang in model.languages}, model.main_language)
    step.title = Text({lang: hostile for lang in model.languages}, model.main_language)
    events = len(opendata.calendar_events(model, model.languages[0]))
    ics = opendata.ics(model, model.languages[0]).decode("utf-8")
    lines = ics.split("\r\n")
    assert sum(1 for line in lines if line == "BEGIN:VEVENT") == sum(1 for line in lines if line == "END:VEVENT") == events
    assert not any(line.startswith(("SUMMARY:Väärennetty", "ATTACH:", "END:VEVENT\\n")) for line in lines)
    unfolded = ics.replace("\r\n ", "")
    assert "SUMMARY:Kokous\\nEND:VEVENT\\nBEGIN:VEVENT\\nSUMMARY:Väärennetty\\; ATTACH:http://x.example/\\, ok\\\\" \
        in unfolded


def test_workbook_cells_hold_formula_like_text_as_text_and_xml_characters_as_themselves(tmp_path):
    from openpyxl import load_workbook
    root = _minimal_with(tmp_path, '=HYPERLINK("http://x.example","<b>&amp;</b>")\r')
    done = run_cli("export-xlsx", "--root", root, "--out", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    book_path = next((tmp_path / "out").glob("*-tyokirja.xlsx"))
    with zipfile.ZipFile(book_path) as package:
        xml = b"".join(package.read(n) for n in package.namelist() if n.startswith("xl/worksheets/"))
    assert b"<f>" not in xml and b"<b>&amp;" not in xml
    values = [c.value for row in load_workbook(book_path)["Työkirja"].iter_rows() for c in row]
    formula = [v for v in values if isinstance(v, str) and v.startswith("=HYPERLINK")]
    assert formula and all(v.startswith('=HYPERLINK("http://x.example","<b>&amp;</b>")') for v in formula)
    sheet = load_workbook(book_path)["Työkirja"]
    assert all(c.data_type == "s" for row in sheet.iter_rows() for c in row if isinstance(c.value, str))



XML_TEXT = 'Kunta & <b>Co</b> "lainaus"'


@pytest.fixture
def xml_root(tmp_path) -> Path:
    """The minimal agreement whose title, a party's name, a signatory and an indicator's name hold XML's characters."""
    root = copy_root(MINIMAL, tmp_path / "root")

    def replace(name: str, old: str, new: str) -> None:
        path = root / name
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, old
        path.write_text(text.replace(old, new), encoding="utf-8")
    replace("agreement/agreement.yaml", "title: Testialueen strateginen yhteistyösopimus",
            f"title: 'Sopimus {XML_TEXT}'")
    replace("agreement/parties.yaml", "name: Alfan kunta", f"name: 'Alfan {XML_TEXT}'")
    replace("agreement/parties.yaml", "name: Bertta Berg", f"name: 'Bertta {XML_TEXT}'")
    replace("subareas/hyte.yaml", "name: Mittari HYTE-1-M1", f"name: 'Mittari {XML_TEXT}'")
    return root


def _parts(path: Path) -> dict[str, bytes]:
    from lxml import etree
    with zipfile.ZipFile(path) as package:
        parts = {n: package.read(n) for n in package.namelist() if n.endswith((".xml", ".rels"))}
    for data in parts.values():
        etree.fromstring(data)  # every part is well-formed XML
    return parts


def _texts(data: bytes) -> list[str]:
    from lxml import etree
    return [t for t in etree.fromstring(data).xpath("//text()") if t.strip()]


@pytest.mark.slow
def test_word_template_fields_keep_xml_characters_as_text(xml_root, tmp_path):
    """Autoescape: without it docxtpl drops text (and table rows) holding < or & without an error."""
    from docx import Document
    done = run_cli("docx", "--root", xml_root, "--out", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    path = next((tmp_path / "out").glob("*-fi.docx"))
    _parts(path)
    doc = Document(str(path))
    texts = [p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells]
    assert any(f"Sopimus {XML_TEXT}" in t for t in texts)  # the cover's title
    assert any(f"Alfan {XML_TEXT}" in t for t in texts)  # the parties and the signature pages
    assert any(f"Bertta {XML_TEXT}" in t for t in texts)


@pytest.mark.slow
def test_report_charts_keep_xml_characters_as_text(xml_root, tmp_path):
    """Chart titles, series names (the areas) and the chart's description for screen readers."""
    done = run_cli("report", "2026", "--root", xml_root, "--today", "2026-11-28", "--out", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    parts = _parts(tmp_path / "out" / "seurantaraportti-2026-fi.docx")
    charts = [name for name in parts if name.startswith("word/charts/chart")]
    assert charts
    texts = [t for name in charts for t in _texts(parts[name])]
    assert any(f"Mittari {XML_TEXT}" in t for t in texts), texts  # the title
    assert f"Alfan {XML_TEXT}" in texts, texts  # a series
    from lxml import etree
    described = [d.get("descr") for d in etree.fromstring(parts["word/document.xml"]).iter(
        "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")]
    assert any(d and f"Mittari {XML_TEXT}" in d and f"Alfan {XML_TEXT}" in d for d in described), described


def test_a_carriage_return_in_a_workbook_cell_is_kept(tmp_path):
    """XML reads a bare carriage return as a line feed: the workbook writes it as &#13;, so the text comes back
    as it was (an import of an unchanged workbook changes nothing)."""
    from openpyxl import load_workbook
    root = copy_root(MINIMAL, tmp_path / "root")
    path = root / "subareas" / "elinvoima.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("title: Tavoite ELI-1.", 'title: "Tavoite\\r\\nELI-1."'),
                    encoding="utf-8")
    done = run_cli("export-xlsx", "--root", root, "--out", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    book = load_workbook(next((tmp_path / "out").glob("*-tyokirja.xlsx")))
    assert "Tavoite\r\nELI-1." in [c.value for row in book["Työkirja"].iter_rows() for c in row]


def test_site_charts_keep_xml_characters_as_text(xml_root):
    """The site's SVG charts: their title and description (what a screen reader says) hold names from the data."""
    from lxml import etree

    from cooperation.outputs.site.charts import indicator_svg
    from cooperation.pipeline import load
    model, _ = load(xml_root)
    indicator = next(i for i in model.indicators if i.id == "HYTE-1-M1")
    svg = etree.fromstring(indicator_svg(model, indicator, "fi", "kaavio").encode("utf-8"))  # well-formed
    texts = " ".join(svg.xpath("//text()"))
    assert f"Mittari {XML_TEXT}" in texts, texts
    assert not svg.xpath("//*[local-name()='b']")


@pytest.mark.slow
def test_the_sites_name_keeps_xml_characters_as_text(xml_root, tmp_path):
    """The theme prints the site's name (the agreement's short title, here its title) without escaping it."""
    done = run_cli("site", "--root", xml_root, "--out", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "out" / "site" / "index.html").read_text(encoding="utf-8")
    assert "<b>Co</b>" not in page and "&lt;b&gt;Co&lt;/b&gt;" in page

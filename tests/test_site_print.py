"""A printed responsibility matrix has every column: Chromium's print to PDF, read back with pdftotext."""
from __future__ import annotations

import shutil
import subprocess

import pytest
from helpers import REPO, require_browser
from test_browser import ARTIFACTS

from cooperation.i18n import labels as L
from cooperation.pipeline import load

LANGUAGES = {"fi": "", "sv": "sv/"}


@pytest.fixture(scope="module")
def model():
    return load(REPO)[0]


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_printed_matrix_has_every_column_and_no_scroll_hint(browser, served_pages, model, lang, tmp_path):
    require_browser(shutil.which("pdftotext") is not None, "pdftotext is missing: apt-get install poppler-utils")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(served_pages + LANGUAGES[lang] + "vastuumatriisi/", wait_until="load")
    hint = L.word("scroll_hint", lang)
    assert page.get_by_text(hint).is_visible()  # on screen the reader is told the table scrolls
    pdf = tmp_path / "matrix.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    page.close()
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copy(pdf, ARTIFACTS / f"site-matrix-print-{lang}.pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    width, height = (float(x) for x in next(line for line in info.splitlines()
                                            if line.startswith("Page size:")).split()[2:5:2])
    assert width > height  # landscape
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert hint not in " ".join(text.split())
    # the header row: the parties' column and a column per sub-area, all on one line of the printout
    # the codes are written in the main language: a Swedish page heads its columns by the sub-areas' numbers
    codes = [s.code if s.code and lang == model.main_language else str(s.number) for s in model.subareas]
    header = [line.split() for line in text.splitlines() if line.split()[:1] == [L.word("party", lang)]]
    assert header and header[0][1:] == codes
    # every party has its row: the first word of each name starts a line
    starts = {line.split()[0] for line in text.splitlines() if line.split()}
    assert [p.id for p in model.parties if p.name.get(lang).split()[0] not in starts] == []


@pytest.mark.parametrize("size", ["A4", "A5"])
@pytest.mark.parametrize("path", ["osa-alueet/tyollisyys/", "osapuolet/kuusiniemi/", "mittarit/", "myohassa/",
                                  "mittarit/hyte-1-m1/", "sv/osa-alueet/hyte/"])
def test_no_heading_is_left_at_the_foot_of_a_printed_page(browser, served_pages, path, size, tmp_path):
    """Issue 32.5: a heading printed last on a page, its table or text on the next, reads as a page of its own."""
    require_browser(shutil.which("pdftotext") is not None, "pdftotext is missing: apt-get install poppler-utils")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(served_pages + path, wait_until="load")
    headings = page.evaluate("""() => [...document.querySelectorAll(`.md-content h2, .md-content h3, .md-content caption,
        .md-content .approval-group, .md-content .notes-title`)].map(h => h.innerText.replace(/\\s+/g, ' ').trim())
        .filter(t => t)""")
    # a chart's legend names "Huomautukset arvoihin" too: a line of it is no heading
    legend = page.evaluate("""() => [...document.querySelectorAll('.chart-legend li')].map(li => li.innerText.trim())""")
    headings = [h for h in headings if h not in legend]
    pdf = tmp_path / "page.pdf"
    page.pdf(path=str(pdf), format=size, print_background=True)
    page.close()
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")
    assert len(pages) > 1
    stranded = []
    for number, text in enumerate(pages[:-1], 1):
        lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
        if lines and any(h == lines[-1] or h.startswith(lines[-1]) for h in headings):
            stranded.append((number, lines[-1]))
    assert stranded == []

"""Ready to sign with many parties: every signing party's block has a line to sign on and lines for the name and
position even when nobody is named yet; the cover holds 30 parties on one page; a long title without short_title
keeps the footer to one line. Checked in the Word document read back and in its PDF (LibreOffice)."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from docx import Document
from helpers import MINIMAL, TESTS, convert_to_pdf, run_cli

THIRTY = TESTS / "fixtures" / "thirty_parties"


@pytest.fixture(scope="module")
def thirty(tmp_path_factory) -> tuple[Path, Path]:
    out = tmp_path_factory.mktemp("thirty-sign")
    done = run_cli("docx", "--root", THIRTY, "--out", out)
    assert done.returncode == 0, done.stdout + done.stderr
    docx = out / "pitkajarvi-2026-fi.docx"
    convert_to_pdf(out, docx)
    return docx, out / "pitkajarvi-2026-fi.pdf"


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


def _cells(docx: Path) -> list[str]:
    return [p.text for t in Document(str(docx)).tables for row in t.rows for c in row.cells for p in c.paragraphs]


def test_unnamed_signatories_get_lines_to_sign_and_clarify_by_hand(thirty):
    docx, _ = thirty
    cells = _cells(docx)
    signing = 29  # every party but the joint municipal authority (signs: false)
    assert cells.count("Nimenselvennys: ______________________________") == signing
    assert cells.count("Asema: ______________________________") == signing
    assert cells.count("______________________________") == signing
    assert "30. Pitkäjärven koulutuskuntayhtymä" not in cells


def test_named_signatories_keep_their_names_under_the_line(tmp_path):
    assert run_cli("docx", "--root", MINIMAL, "--out", tmp_path).returncode == 0
    cells = _cells(tmp_path / "testi-2026-fi.docx")
    line = cells.index("______________________________")
    assert cells[line + 1:line + 3] == ["Aino Aaltonen", "aluevaltuuston puheenjohtaja"]
    assert not any(c.startswith("Nimenselvennys") for c in cells)


def test_the_cover_holds_thirty_parties_on_one_page(thirty):
    _, pdf = thirty
    pages = _pages(pdf)
    cover = " ".join(pages[0].split())
    assert "1. Pitkäjärven hyvinvointialue (1000000-4)" in cover
    assert "15. Pitkäjärven maakunnan liitto (1118785-1)" in cover
    assert "30. Pitkäjärven koulutuskuntayhtymä (1237570-7)" in cover
    assert "300a3256ab3743a392d23bfd1412ba213357f04c4a5df15aa7058f1380edc341" in cover  # the cover's last facts
    assert pages[1].split()[:1] == ["LUONNOS"] and "Sisällys" in pages[1]


def test_a_long_title_without_short_title_keeps_the_footer_on_one_line(thirty):
    _, pdf = thirty
    pages = _pages(pdf)
    footer = "Pitkäjärven hyvinvointialueen, Pitkäjärven… · Versio 1.0 · SHA-256 300a3256ab3743a3… · Sivu"
    for number, page in enumerate(pages, start=1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        assert lines[-1] == f"{footer} {number} / {len(pages)}", f"page {number}: {lines[-2:]}"

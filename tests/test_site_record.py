"""The site offers the agreement's record (issue 23 point 4), through the outputs' registry: each completed year's
report made from that year's last commit, the amendment package while the text amends the version in force, and
each signed version's own Word document (and PDF, where LibreOffice is installed) built from its tag, linked from the
versions page with the version's label, date and the day it entered into force. A region signed as v1.0, approved
by every signing party, then amended."""
from __future__ import annotations

import io
import os
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from amending import edit
from helpers import MINIMAL, copy_root, run_cli

# the record's documents offered and what they say are the subject, not Word's layout or the PDFs (their own tests:
# test_word_pages.py, test_pdf.py): built as on a machine without LibreOffice
pytestmark = pytest.mark.usefixtures("libreoffice_off")

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _git(root: Path, *args: str, date: str) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="Testi", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="Testi",
               GIT_COMMITTER_EMAIL="t@example.org", GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def _texts(data: bytes) -> list[str]:
    from lxml import etree
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in root.iter(f"{W}p")]


@pytest.fixture(scope="module")
def record_site(tmp_path_factory):
    root = copy_root(MINIMAL, tmp_path_factory.mktemp("region") / "root")
    _git(root, "init", "-q", "-b", "main", date="2026-02-01T10:00:00+02:00")
    _git(root, "add", "-A", date="2026-02-01T10:00:00+02:00")
    _git(root, "commit", "-q", "-m", "Sopimus 1.0", date="2026-02-01T10:00:00+02:00")
    _git(root, "tag", "v1.0", date="2026-02-01T10:00:00+02:00")

    def approve(d):
        for day, party in zip((2, 9, 16), d["parties"]):
            party["decisions"] = [{"body": "valtuusto", "date": f"2026-03-{day:02d}", "section": day, "outcome": "approved",
                                   "version": "v1.0"}]
    edit(root, "agreement/parties.yaml", approve)
    _git(root, "commit", "-q", "-am", "Hyväksynnät", date="2026-03-20T10:00:00+02:00")
    edit(root, "subareas/hyte.yaml", lambda d: d["goals"][0]["indicators"][0]["target"].update(value=25))
    edit(root, "agreement/agreement.yaml", lambda d: d.update(version="1.1", version_date="2026-06-01"))
    _git(root, "commit", "-q", "-am", "Muutos 1.1", date="2026-06-01T10:00:00+03:00")
    out = tmp_path_factory.mktemp("site")
    done = run_cli("site", "--root", root, "--out", out, "--today", "2027-02-01")
    assert done.returncode == 0, done.stderr
    done = run_cli("report", "2026", "--root", root, "--out", out / "report", "--today", "2027-02-01")
    assert done.returncode == 0, done.stderr
    return out / "site"


@pytest.mark.slow
def test_the_downloads_offer_the_year_s_report_the_amendment_package_and_the_signed_version(record_site):
    files = {p.name for p in (record_site / "lataukset").iterdir()}
    assert {"seurantaraportti-2026-fi.docx", "testi-2026-muutokset-fi.docx", "testi-2026-muutosliite-fi.docx",
            "testi-2026-paatosesitys-fi.docx", "testi-2026-1.0-fi.docx"} <= files
    page = (record_site / "lataukset" / "index.html").read_text(encoding="utf-8")
    assert "Päättäjille" in page and "Seurantaraportti 2026" in page and "Allekirjoitettu sopimus, versio 1.0" in page
    published = (record_site / "lataukset" / "seurantaraportti-2026-fi.docx").read_bytes()
    assert published == (record_site.parent / "report" / "seurantaraportti-2026-fi.docx").read_bytes()  # as `report`
    report = _texts(published)
    assert report[0] == "Strategisen yhteistyösopimuksen seurantaraportti 2026"
    assert "Tiedot sellaisina kuin ne olivat vuoden 2026 lopussa (viimeksi tallennettu 1.6.2026)." in report
    decision = _texts((record_site / "lataukset" / "testi-2026-paatosesitys-fi.docx").read_bytes())
    assert any("Muutettava teksti: versio 1.0" in t and "Muutettu teksti: versio 1.1" in t for t in decision)


def test_the_signed_version_s_document_is_built_from_its_tag_and_says_it_is_in_force(record_site):
    signed = _texts((record_site / "lataukset" / "testi-2026-1.0-fi.docx").read_bytes())
    text = "\n".join(signed)
    assert "Voimassa 16.3.2026 alkaen" in text and "LUONNOS" not in text and "MUUTOSEHDOTUS" not in text
    rows = [line for line in signed if "HYTE-1-M1" in line]
    assert rows and not any("25" in line for line in rows)  # the signed text's target (20), not the amended one


def test_the_versions_page_links_each_signed_version_s_documents(record_site):
    page = (record_site / "historia" / "versiot" / "index.html").read_text(encoding="utf-8")
    row = re.search(r"<tr[^>]*>(?:(?!</tr>).)*testi-2026-1\.0-fi\.docx(?:(?!</tr>).)*</tr>", page, re.S)
    assert row is not None
    assert "Versio 1.0" in row.group(0) and "Voimassa 16.3.2026 alkaen" in row.group(0)
    assert 'href="../../lataukset/testi-2026-1.0-fi.docx"' in row.group(0)

"""Any order and any subset of fi/sv: a Swedish-first and a Swedish-only agreement (tests/fixtures) build a
site (the first language at /, the others under /<lang>/), a Word document per language and a workbook;
the fingerprint does not depend on the order of `languages`; problem messages come in Swedish too."""
from __future__ import annotations

import re
import shutil
import string
from pathlib import Path

import pytest
from docx import Document
from helpers import TESTS, copy_root, run_cli
from openpyxl import load_workbook
from test_site import Page
from test_site_languages import FINNISH, Visible

from cooperation.i18n.messages import M

# its subject is not Word's layout or the PDF: built without LibreOffice (conftest.py)
pytestmark = pytest.mark.usefixtures("libreoffice_off")

SWEDISH_FIRST = TESTS / "fixtures" / "swedish_first"
SWEDISH_ONLY = TESTS / "fixtures" / "swedish_only"


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_message_has_finnish_swedish_and_english_with_the_same_placeholders():
    for code, texts in M.items():
        assert set(texts) == {"fi", "sv", "en"}, code
        assert _placeholders(texts["sv"]) == _placeholders(texts["fi"]) == _placeholders(texts["en"]), code


def test_validate_speaks_swedish(tmp_path):
    root = copy_root(SWEDISH_ONLY, tmp_path / "data")
    path = root / "agreement" / "agreement.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("scope: 2", 'scope: "2"'), encoding="utf-8")
    done = run_cli("validate", "--root", root, "--lang", "sv")
    assert done.returncode == 1
    assert 'agreement/agreement.yaml:9:8: fel: fält ”Omfattning” (scope): värdet ska vara ett heltal, inte text\n' \
        in done.stdout
    assert done.stderr.strip() == "2 fel, 0 varningar."
    words = set(re.findall(r"[a-zåäö]+", done.stdout.lower()))
    assert not words & {"virhe", "varoitus", "kenttä", "arvo", "puuttuu", "tai"}, words & set(FINNISH)


def _fingerprint(root: Path) -> str:
    done = run_cli("fingerprint", "--root", root)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_the_order_of_languages_is_not_content(tmp_path):
    root = copy_root(SWEDISH_FIRST, tmp_path / "data")
    swedish_first = _fingerprint(root)
    assert swedish_first == "820eb8b113ae805678e6b853cacd37990e07a53dd7516c27baf5a97f59419c01"
    path = root / "agreement" / "agreement.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("languages: [sv, fi]", "languages: [fi, sv]"),
                    encoding="utf-8")
    assert _fingerprint(root) == swedish_first
    path.write_text(path.read_text(encoding="utf-8").replace("godkänns av varje part", "godkänns av alla"),
                    encoding="utf-8")
    assert _fingerprint(root) != swedish_first


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    built = {}
    for name, source in (("first", SWEDISH_FIRST), ("only", SWEDISH_ONLY)):
        out = tmp_path_factory.mktemp(f"site-{name}")
        done = run_cli("site", "--root", source, "--out", out)
        assert done.returncode == 0, done.stderr
        built[name] = out / "site"
    return built


def _html_lang(path: Path) -> str:
    return re.search(r'<html lang="([a-z]+)"', path.read_text(encoding="utf-8")).group(1)


def _switch(path: Path) -> dict[str, str]:
    return {a["hreflang"]: a["href"] for tag, a in Page(path.read_text(encoding="utf-8")).tags
            if tag == "a" and "hreflang" in a and "md-select__link" in (a.get("class") or "")}


@pytest.mark.slow
def test_swedish_first_site_has_swedish_at_the_root_and_finnish_under_fi(sites):
    site = sites["first"]
    assert _html_lang(site / "index.html") == "sv" and _html_lang(site / "fi" / "index.html") == "fi"
    assert not (site / "sv").exists()
    assert _switch(site / "osa-alueet" / "valfard" / "index.html") == {"sv": "/osa-alueet/valfard/",
                                                                        "fi": "/fi/osa-alueet/valfard/"}
    assert _switch(site / "fi" / "osapuolet" / "index.html") == {"sv": "/osapuolet/", "fi": "/fi/osapuolet/"}
    assert "Skärgårdens samarbetsavtal" in (site / "index.html").read_text(encoding="utf-8")
    assert "Saariston yhteistyösopimus" in (site / "fi" / "index.html").read_text(encoding="utf-8")


def _finnish_words(pages: list[Path]) -> list[str]:
    found = []
    for path in pages:
        words = re.findall(r"[a-zåäöA-ZÅÄÖ-]+", " ".join(Visible(path.read_text(encoding="utf-8")).text))
        found += [f"{path}: {w}" for w in words if w.lower() in FINNISH]
    return found


@pytest.mark.parametrize("name", ["first", "only"])
def test_swedish_pages_at_the_root_hold_no_finnish(sites, name):
    site = sites[name]
    pages = [p for p in site.rglob("*.html") if not p.relative_to(site).as_posix().startswith("fi/")]
    assert len(pages) > 10
    assert all(_html_lang(p) == "sv" for p in pages if p.name == "index.html")
    assert _finnish_words(pages) == []


def test_swedish_only_site_has_no_other_language(sites):
    site = sites["only"]
    assert _html_lang(site / "index.html") == "sv"
    assert not (site / "fi").exists() and not (site / "sv").exists()
    assert _switch(site / "index.html") == {}


@pytest.mark.parametrize("source, languages", [(SWEDISH_FIRST, ["sv", "fi"]), (SWEDISH_ONLY, ["sv"])])
def test_a_word_document_and_a_workbook_per_language(tmp_path, source, languages):
    done = run_cli("docx", "--root", source, "--out", tmp_path)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in tmp_path.glob("*.docx")) == sorted(f"skargard-2026-{lang}.docx" for lang in languages)
    text = "\n".join(p.text for p in Document(str(tmp_path / "skargard-2026-sv.docx")).paragraphs)
    assert "Avtal om strategiskt samarbete mellan Skärgårdens välfärdsområde" in text
    assert "Alby kommun" in text
    done = run_cli("export-xlsx", "--root", source, "--out", tmp_path)
    assert done.returncode == 0, done.stderr
    # the workbook of the first language has no language suffix, and its sheets and headings are Swedish
    book = load_workbook(tmp_path / "skargard-2026-arbetsbok.xlsx", read_only=True)  # named in Swedish (25.7)
    assert book.sheetnames[0] == "Arbetsbok"
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for c in row if c]
    assert "Främjande av välfärd och hälsa" in cells and "Alby kommun" in cells and "Tunniste" not in cells
    shutil.rmtree(tmp_path)


def test_reordering_languages_is_no_change_in_the_diff(tmp_path):
    import json
    import subprocess
    root = copy_root(SWEDISH_FIRST, tmp_path / "data")
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "sv first"]):
        subprocess.run(["git", "-C", str(root), *args], check=True, env=env, capture_output=True)
    path = root / "agreement" / "agreement.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("languages: [sv, fi]", "languages: [fi, sv]"),
                    encoding="utf-8")
    done = run_cli("diff", "HEAD", "--root", root, "--format", "json")
    assert done.returncode == 0, done.stderr
    diff = json.loads(done.stdout)
    assert diff["items"] == [] and diff["fingerprint"]["changes"] is False

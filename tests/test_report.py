"""The yearly monitoring report: Word per language read back with python-docx (every sub-area, goal,
indicator and party), converted with LibreOffice; snapshot semantics in a real git repository; a year with
no data exits 1 with a Finnish message and writes nothing."""
from __future__ import annotations

import os
import subprocess

import pytest
from docx import Document
from helpers import MINIMAL, REPO, convert_to_pdf, copy_example, copy_root, run_cli

from cooperation.domain import REGION
from cooperation.i18n import labels as L
from cooperation.pipeline import load

# the report's contents, its years and its tables are the subject here, not Word's layout: built as on a machine
# without LibreOffice (its contents unnumbered); the conversion test has it (office), test_report_council.py numbers
pytestmark = pytest.mark.usefixtures("libreoffice_off")


@pytest.fixture(scope="module")
def example_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    done = run_cli("report", "2026", "--today", "2026-11-28", "--out", out)
    assert done.returncode == 0, done.stderr
    return load(REPO)[0], {lang: out / f"seurantaraportti-2026-{lang}.docx" for lang in ("fi", "sv")}


def _headings(doc, level: int) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style.name == f"Heading {level}"]


@pytest.mark.parametrize("lang, title", [("fi", "Strategisen yhteistyösopimuksen seurantaraportti 2026"),
                                         ("sv", "Uppföljningsrapport för avtalet om strategiskt samarbete 2026")])
def test_every_sub_area_goal_indicator_and_party_is_reported(example_report, lang, title):
    model, paths = example_report
    doc = Document(str(paths[lang]))
    assert doc.core_properties.title == title and doc.paragraphs[0].text == title
    text = "\n".join(p.text for p in doc.paragraphs)
    assert model.fingerprint in text
    h1, h2 = _headings(doc, 1), _headings(doc, 2)
    for s in model.subareas:
        assert f"{s.number} {s.title.get(lang)}" in h1
        for g in s.goals:
            assert f"{g.number} {g.title.get(lang)}" in h2
    # the summary first, the method after the data last
    assert h1[0] == L.word("report_summary", lang) and h1[-1] == L.word("status_rule_heading", lang)
    assert h1[-2] == L.word("report_parties", lang)
    parties_part = h2[-len(model.parties):]
    assert parties_part == [p.name.get(lang) for p in model.parties]
    tables = {t.rows[0].cells[0].text: t for t in doc.tables}
    assert tables
    for i in model.indicators:
        assert f"{i.id} {i.name.get(lang)}" in text
    # each indicator's table: one row per area with values, the area's own progress level last
    by_first_cell = {}
    for t in doc.tables:
        for row in t.rows[1:]:
            by_first_cell.setdefault(row.cells[0].text, []).append([c.text for c in row.cells])
    for i in (x for x in model.indicators if x.measured_areas):
        for area in i.measured_areas:
            name = L.word("region", lang).capitalize() if area == REGION else model.party(area).name.get(lang)
            level = L.word("status_" + i.progress(area).code, lang)
            assert any(r[-1].split("\n")[0] == level.capitalize() for r in by_first_cell[name]), (i.id, area)
    # every action's status, with its notes and this year's dated updates
    cells = "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    delayed = next(a for a in model.actions if a.status_history and a.status == "delayed")
    for update in delayed.status_history:
        assert f"{L.date(update.date, lang)}: {L.enum('action_status', update.status, lang)}" in cells
    assert delayed.status_reason.get(lang) in cells


def test_the_report_converts_with_libreoffice(example_report, tmp_path):
    _, paths = example_report
    convert_to_pdf(tmp_path, paths["fi"])
    pdf = tmp_path / "seurantaraportti-2026-fi.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Strategisen yhteistyösopimuksen seurantaraportti 2026" in text and "Myöhässä olevat" in text
    assert "{{" not in text  # nothing of the agreement template's fields


def test_a_year_with_no_data_writes_nothing(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "root")
    out = tmp_path / "out"
    future = run_cli("report", "2027", "--root", root, "--today", "2026-11-28", "--out", out)
    assert future.returncode == 1 and "vuodelta 2027 ei ole vielä seurantatietoja" in future.stderr
    no_git = run_cli("report", "2026", "--root", root, "--today", "2027-11-28", "--out", out)
    assert no_git.returncode == 1 and "vuodelta 2026 ei ole tallennettua versiota" in no_git.stderr
    assert not out.exists()


@pytest.mark.parametrize("year", ["0", "-1", "-0", "+2026", "20266", "2026.0", "1_999", "vuosi"])
def test_a_year_that_is_not_a_year_is_a_usage_error(tmp_path, year):
    done = run_cli("report", year, "--today", "2026-11-28", "--out", tmp_path / "out")  # the example: in git
    assert done.returncode == 2, done.stderr
    assert f"”{year}” ei ole vuosiluku" in done.stderr and "sisäinen virhe" not in done.stderr
    assert not (tmp_path / "out").exists()


@pytest.fixture
def git_calls(tmp_path, monkeypatch):
    """Every git command run, recorded (git on PATH is a wrapper that notes its arguments, then runs git)."""
    import shutil
    calls = tmp_path / "git-calls"
    wrapper = tmp_path / "bin" / "git"
    wrapper.parent.mkdir()
    wrapper.write_text(f'#!/bin/sh\necho "$*" >> {calls}\nexec {shutil.which("git")} "$@"\n')
    wrapper.chmod(0o755)
    monkeypatch.setenv("PATH", f"{wrapper.parent}{os.pathsep}{os.environ['PATH']}")
    return calls


def test_a_year_outside_the_agreements_term_is_refused_before_git_is_asked(tmp_path, git_calls):
    root = copy_root(MINIMAL, tmp_path / "root")
    _git(root, "init", "-q", "-b", "main", date="2026-06-01T10:00:00+03:00")
    _git(root, "add", "-A", date="2026-06-01T10:00:00+03:00")
    _git(root, "commit", "-q", "-m", "Seuranta 2026", date="2026-06-01T10:00:00+03:00")
    git_calls.unlink(missing_ok=True)
    for year in ("1999", "2025"):
        done = run_cli("report", year, "--root", root, "--today", "2026-11-28", "--out", tmp_path / "out")
        assert done.returncode == 1, done.stderr
        assert f"virhe: vuodelta {year} ei ole seurantatietoja: sopimus on voimassa 2026–2029" in done.stderr
    assert not git_calls.exists()
    assert not (tmp_path / "out").exists()


def test_a_past_year_in_a_shallow_clone_says_to_fetch_the_history(tmp_path):
    origin = copy_root(MINIMAL, tmp_path / "origin")
    _git(origin, "init", "-q", "-b", "main", date="2026-06-01T10:00:00+03:00")
    _git(origin, "add", "-A", date="2026-06-01T10:00:00+03:00")
    _git(origin, "commit", "-q", "-m", "Seuranta 2026", date="2026-06-01T10:00:00+03:00")
    (origin / "measurements" / "values.csv").write_text(
        (origin / "measurements" / "values.csv").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    _git(origin, "commit", "-q", "-am", "Seuranta 2027", date="2027-03-01T10:00:00+02:00")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", origin.as_uri(), str(clone)], check=True)
    done = run_cli("report", "2026", "--root", clone, "--today", "2027-11-28", "--out", tmp_path / "out")
    assert done.returncode == 2, done.stderr  # the clone, not the data
    assert "vajaa klooni" in done.stderr and "git fetch --unshallow" in done.stderr
    assert not (tmp_path / "out").exists()


def _git(root, *args, date):
    env = dict(os.environ, GIT_AUTHOR_NAME="Testi", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="Testi",
               GIT_COMMITTER_EMAIL="t@example.org", GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


@pytest.mark.slow
def test_a_correction_next_year_leaves_the_published_report_byte_identical(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "root")
    _git(root, "init", "-q", "-b", "main", date="2026-06-01T10:00:00+03:00")
    _git(root, "add", "-A", date="2026-06-01T10:00:00+03:00")
    _git(root, "commit", "-q", "-m", "Seuranta 2026", date="2026-06-01T10:00:00+03:00")

    def report(year: int, today: str, out: str):
        done = run_cli("report", str(year), "--root", root, "--today", today, "--out", tmp_path / out)
        assert done.returncode == 0, done.stderr
        return (tmp_path / out / f"seurantaraportti-{year}-fi.docx").read_bytes()

    published = report(2026, "2027-01-10", "first")
    values = root / "measurements" / "values.csv"
    values.write_text(values.read_text(encoding="utf-8").replace("HYTE-1-M1,region,2025,12.5", "HYTE-1-M1,region,2025,17"),
                      encoding="utf-8")
    _git(root, "commit", "-q", "-am", "Korjaus", date="2027-01-15T10:00:00+02:00")
    assert report(2026, "2027-02-01", "again") == published
    doc = Document(str(tmp_path / "again" / "seurantaraportti-2026-fi.docx"))
    assert "12 *1" in [c.text for t in doc.tables for r in t.rows for c in r.cells]
    assert any("ennakkotieto" in p.text and p.text.startswith("Huomautukset") for p in doc.paragraphs)
    texts = [p.text for p in doc.paragraphs]
    assert "Muutokset vuonna 2026" in texts
    assert "Sopimuksen tiedot tallennettiin ensimmäisen kerran vuonna 2026; aiempaa versiota, johon verrata, ei ole." \
        in texts
    assert not any("Korjaus" in t or "Seuranta 2026" in t for t in texts)  # never a commit's subject
    current = Document(__import__("io").BytesIO(report(2027, "2027-02-01", "current")))
    texts = [p.text for p in current.paragraphs]
    assert "Mittaustulokset: 0 lisätty, 1 muutettu, 0 poistettu." in texts and not any("Korjaus" in t for t in texts)
    assert "17 *1" in [c.text for t in current.tables for r in t.rows for c in r.cells]


@pytest.mark.slow
def test_text_in_a_table_stays_text(tmp_path):
    """The report writes plain-text tables as Word XML itself: markup and entities in a title come out as the
    same text, in the same cell, not as Word markup."""
    root = copy_example(tmp_path / "root")
    hyte = root / "subareas" / "hyte.yaml"
    hostile = '<w:t>x</w:t>&amp; "=1+1" <'
    hyte.write_text(hyte.read_text(encoding="utf-8").replace(
        "fi: Liikuntaneuvonnan palveluketju sote-keskuksista kuntien liikuntapalveluihin",
        "fi: '" + hostile.replace("'", "''") + "'", 1), encoding="utf-8")
    done = run_cli("report", "2026", "--root", root, "--today", "2026-11-28", "--out", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    doc = Document(str(tmp_path / "out" / "seurantaraportti-2026-fi.docx"))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert 'HYTE-1-T1 <w:t>x</w:t>&amp; "=1+1" <' in cells

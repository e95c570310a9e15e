"""The yearly report as a council reads it (issue 23 point 3), read back from the Word documents and from
LibreOffice's PDF: page 1 is a summary whose statements are claims about the data, each tested where it is true
and where it is false (what is late, what worsened, what changed in the year); the late lists are exactly the
delayed and overdue actions and the stale indicators; each indicator's baseline and target stand beside the year's
values with the progress words; the year's changes come from the semantic diff, never from commit subjects; the
title follows the document type; the footer and the table of contents carry page numbers. Finnish and Swedish,
and a Swedish-first region."""
from __future__ import annotations

import os
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from amending import edit
from helpers import MINIMAL, REPO, TESTS, convert_to_pdf, copy_root, run_cli
from lxml import etree

# its subject is not Word's layout or the PDF: built without LibreOffice (conftest.py)
pytestmark = pytest.mark.usefixtures("libreoffice_off")

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SWEDISH_FIRST = TESTS / "fixtures" / "swedish_first"
FRAMEWORK = TESTS / "fixtures" / "framework"
ARTIFACTS = REPO / "test-artifacts"
TODAY = "2026-11-28"


def body(path: Path) -> list[tuple[str, str]]:
    """(style, text) of the body's paragraphs and table cells' paragraphs, in order (the TOC field's entries too)."""
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    out = []
    for p in root.iter(f"{W}p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        out.append((style.get(f"{W}val") if style is not None else "",
                    "".join(t.text or "" for t in p.iter(f"{W}t")).replace("\xa0", " ")))
    return out


def summary(path: Path) -> list[str]:
    """Page 1: the paragraphs before the table of contents."""
    texts = []
    for style, text in body(path):
        if style == "TOCHeading":
            break
        texts.append(text)
    return texts


def section(texts: list[str], heading: str, following: tuple[str, ...]) -> list[str]:
    start = texts.index(heading) + 1
    end = min((texts.index(h, start) for h in following if h in texts[start:]), default=len(texts))
    return [t for t in texts[start:end] if t]


def report(root: Path, out: Path, year: int = 2026) -> dict[str, Path]:
    done = run_cli("report", str(year), "--root", root, "--today", TODAY, "--out", out)
    assert done.returncode == 0, done.stderr
    return {p.stem.rsplit("-", 1)[1]: p for p in out.glob(f"*-{year}-*.docx")}  # named in the main language


def late_minimal(root: Path) -> Path:
    """The minimal fixture with a delayed action, one past its end, one not started, one done after its end, and a
    yearly indicator last measured in 2023."""
    edit(root, "subareas/hyte.yaml", lambda d: d["goals"][0]["actions"][0].update(
        status="delayed", status_reason="Rahoitus viivästyi."))
    edit(root, "subareas/henkilosto.yaml", lambda d: d["goals"][0]["actions"][0].update(
        schedule={"start": "2026-01", "end": "2026-06"}))
    edit(root, "subareas/osallisuus.yaml", lambda d: d["goals"][0]["actions"][0].update(
        status="planned", schedule={"start": "2026-03", "end": "2027-12"}))
    edit(root, "subareas/tilat.yaml", lambda d: d["goals"][0]["actions"][0].update(
        status="done", schedule={"start": "2026-01", "end": "2026-06"}))
    (root / "measurements" / "values.csv").write_text(
        "indicator,area,year,value,note\nHYTE-1-M1,region,2022,10,\nHYTE-1-M1,region,2023,11,\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def late_report(tmp_path_factory):
    root = late_minimal(copy_root(MINIMAL, tmp_path_factory.mktemp("late") / "root"))
    return report(root, tmp_path_factory.mktemp("late-out"))["fi"]


@pytest.fixture(scope="module")
def calm_report(tmp_path_factory):
    root = copy_root(MINIMAL, tmp_path_factory.mktemp("calm") / "root")
    return report(root, tmp_path_factory.mktemp("calm-out"))["fi"]


@pytest.mark.slow
def test_the_late_lists_are_exactly_the_delayed_and_overdue_actions_and_the_stale_indicators(late_report):
    page = summary(late_report)
    late = section(page, "Myöhässä olevat toimenpiteet", ("Vanhentuneet mittaritiedot",))
    assert late == ["HYTE-1-T1 Toimenpide HYTE-1-T1: viivästynyt",
                    "HENK-1-T1 Toimenpide HENK-1-T1: Myöhässä: aikataulu päättyi 6/2026",
                    "OSA-1-T1 Toimenpide OSA-1-T1: Ei aloitettu: piti alkaa 3/2026"]  # TILA-1-T1 is done
    stale = section(page, "Vanhentuneet mittaritiedot", ("Heikentyneet mittarit",))
    assert stale == ["HYTE-1-M1 Mittari HYTE-1-M1: Tieto on vanhentunut: uusin arvo on vuodelta 2023."]
    texts = [t for _, t in body(late_report)]
    assert "Ei myöhässä olevia toimenpiteitä eikä vanhentuneita mittaritietoja." not in texts


@pytest.mark.slow
def test_nothing_late_is_said_only_when_nothing_is(calm_report):
    page = summary(calm_report)
    assert section(page, "Myöhässä olevat toimenpiteet", ("Vanhentuneet mittaritiedot",)) == \
        ["Ei myöhässä olevia toimenpiteitä."]
    assert section(page, "Vanhentuneet mittaritiedot", ("Heikentyneet mittarit",)) == ["Ei vanhentuneita mittaritietoja."]
    texts = [t for _, t in body(calm_report)]
    assert "Ei myöhässä olevia toimenpiteitä eikä vanhentuneita mittaritietoja." in texts


def test_a_worsened_indicator_is_named_with_its_values_and_only_then(late_report, calm_report):
    # the late fixture: 10 (2022) → 11 (2023), no baseline value of 2024: its own first value is the base, an increase
    # is wanted, so it improved; the calm fixture's region went 10 → 12.5
    assert section(summary(calm_report), "Heikentyneet mittarit", ("Muutokset vuonna 2026",)) == \
        ["Yksikään mittari ei ole heikentynyt."]


@pytest.mark.slow
def test_a_worsened_indicator_says_it_worsened(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "root")
    (root / "measurements" / "values.csv").write_text(
        "indicator,area,year,value,note\nHYTE-1-M1,region,2024,10,\nHYTE-1-M1,region,2025,9,\n"
        "HYTE-1-M1,alfa,2024,10,\nHYTE-1-M1,alfa,2025,8,\n", encoding="utf-8")
    path = report(root, tmp_path / "out")["fi"]
    assert section(summary(path), "Heikentyneet mittarit", ("Muutokset vuonna 2026",)) == [
        "HYTE-1-M1 Mittari HYTE-1-M1: Koko alue 10 % (2024) → 9 % (2025); heikentynyt myös näillä alueilla: Alfan kunta."]
    cells = [t for _, t in body(path)]
    assert "Heikentynyt: arvo on muuttunut lähtötasosta väärään suuntaan." in cells  # the region's row


def test_each_indicator_has_its_baseline_and_target_beside_the_values(calm_report):
    texts = [t for _, t in body(calm_report)]
    assert "Lähtötaso 10 % (2024), tavoitetaso 20 % (2028), suunta: kasvaa." in texts
    root = etree.fromstring(zipfile.ZipFile(calm_report).read("word/document.xml"))
    rows = [["\n".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in tc.iter(f"{W}p"))
             for tc in tr.iter(f"{W}tc")] for tr in root.iter(f"{W}tr")]
    head = next(r for r in rows if r[0] == "Alue (%)")
    assert head == ["Alue (%)", "Lähtötaso", "2024", "2025", "Edistyminen"]
    # by hand: 10 → 12,5 in one year against (20/10)^(1/4) − 1 = 18,92 % a year: pace 132 %; 2,5 of 10 points, 1 of 4
    # years
    assert ["Koko alue", "10 (2024)", "10", "12 *1", "Edistyy tavoitteen mukaan\nMuutosvauhti 132 % tarvittavasta; "
            "kuljettu 25 % matkasta, aikaa kulunut 25 %."] in [[c.replace("\xa0", " ") for c in r] for r in rows]


def _git(root: Path, *args: str, date: str) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="Testi", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="Testi",
               GIT_COMMITTER_EMAIL="t@example.org", GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def _a_year_of_changes(root: Path, indicator: str, target: float, file: str) -> None:
    """The data committed in 2025; in 2026 a target amended, a decision recorded and a status updated, each merged
    with an English commit subject."""
    _git(root, "init", "-q", "-b", "main", date="2025-06-01T10:00:00+03:00")
    _git(root, "add", "-A", date="2025-06-01T10:00:00+03:00")
    _git(root, "commit", "-q", "-m", "Initial commit", date="2025-06-01T10:00:00+03:00")
    edit(root, f"subareas/{file}", lambda d: next(i for g in d["goals"] for i in g["indicators"]
                                                  if i["id"] == indicator)["target"].update(value=target))
    _git(root, "commit", "-q", "-am", "Merge branch 'raise-target' into main", date="2026-03-01T10:00:00+02:00")
    edit(root, "agreement/parties.yaml", lambda d: d["parties"][1].update(decisions=[
        {"body": {"fi": "kunnanvaltuusto", "sv": "kommunfullmäktige"}, "date": "2026-03-02", "section": 12,
         "outcome": "approved"}]))
    _git(root, "commit", "-q", "-am", "Merge pull request #7 from x/decisions", date="2026-03-03T10:00:00+02:00")


@pytest.mark.slow
def test_the_year_s_changes_are_the_semantic_diff_in_the_report_s_language(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "root")
    _a_year_of_changes(root, "HYTE-1-M1", 25, "hyte.yaml")
    path = report(root, tmp_path / "out")["fi"]
    page = summary(path)
    changes = section(page, "Muutokset vuonna 2026", ())
    assert changes[:2] == ["Sopimusmuutoksia 1, toimituksellisia muutoksia 0.", "HYTE-1-M1, tavoitetaso 2028: 20 % → 25 %"]
    assert "Kirjattuja päätöksiä: 1 uutta, 0 korjattua, 0 poistettua." in changes
    texts = [t for _, t in body(path)]
    assert "Alfan kunnanvaltuusto hyväksyi sopimuksen 2.3.2026 (§ 12)" in texts
    assert not any("Merge" in t or "commit" in t for t in texts)


@pytest.mark.slow
def test_a_swedish_first_region_reports_in_swedish(tmp_path):
    root = copy_root(SWEDISH_FIRST, tmp_path / "root")
    (root / "measurements").mkdir()
    (root / "measurements" / "values.csv").write_text(
        "indicator,area,year,value,note\nVAL-1-M1,region,2021,62,\nVAL-1-M1,region,2022,61.5,\n", encoding="utf-8")
    edit(root, "subareas/valfard.yaml", lambda d: d["goals"][0]["actions"][0].update(
        status="delayed", status_reason={"sv": "Finansieringen dröjer.", "fi": "Rahoitus viivästyy."}))
    _a_year_of_changes(root, "VAL-1-M1", 70, "valfard.yaml")
    paths = report(root, tmp_path / "out")
    page = summary(paths["sv"])
    assert page[0] == "Uppföljningsrapport för avtalet om strategiskt samarbete 2026"
    assert section(page, "Försenade åtgärder", ("Föråldrade indikatoruppgifter",)) == \
        ["VAL-1-T1 Gemensam välfärdsberättelse: försenad"]
    assert section(page, "Föråldrade indikatoruppgifter", ("Indikatorer som försämrats",)) == \
        ["VAL-1-M1 Andel som upplever god livskvalitet: Uppgiften är föråldrad: det senaste värdet är från 2022."]
    assert "VAL-1-M1, målnivå 2028: 65 % → 70 %" in section(page, "Ändringar år 2026", ())
    texts = [t for _, t in body(paths["sv"])]
    assert "Stadsfullmäktige i Bstads stad godkände avtalet 2.3.2026 (§ 12)" not in texts  # bstad is the third party
    assert "Kommunfullmäktige i Alby kommun godkände avtalet 2.3.2026 (§ 12)" in texts
    for finnish in ("Tavoite", "Myöhässä", "tavoitetaso", "Muutokset vuonna", "hyväksyi", "Edistyminen"):
        assert not any(finnish in t for t in texts), finnish
    assert summary(paths["fi"])[0] == "Strategisen yhteistyösopimuksen seurantaraportti 2026"


@pytest.mark.parametrize("kind, lang, title", [
    ("framework_agreement", "fi", "Puitesopimuksen seurantaraportti 2026"),
    ("Alueellinen yhteistyöasiakirja", "fi", "Seurantaraportti 2026: Alueellinen yhteistyöasiakirja"),
])
@pytest.mark.slow
def test_the_title_follows_the_document_type(tmp_path, kind, lang, title):
    root = copy_root(FRAMEWORK, tmp_path / "root")
    edit(root, "agreement/agreement.yaml", lambda d: d.update(document_type=kind))
    path = report(root, tmp_path / "out")[lang]
    assert summary(path)[0] == title
    assert not any("yhteistyösopimuksen seurantaraportti" in t.lower() for _, t in body(path))


def test_the_footer_and_the_table_of_contents_number_the_pages(tmp_path):
    """LibreOffice's PDF of the report: every page's footer says its number, each entry of the table of contents
    the page its heading is on (first found after the table of contents), and page 1 is the summary."""
    paths = report(REPO, tmp_path / "out")
    convert_to_pdf(tmp_path, paths["fi"])
    pdf = tmp_path / "seurantaraportti-2026-fi.pdf"
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")[:-1]
    for number, page in enumerate(pages, 1):
        assert f"Sivu {number} / {len(pages)}" in " ".join(page.split()), number
    assert "Yhteenveto" in pages[0] and "Myöhässä olevat toimenpiteet" in pages[0]
    lines = [[" ".join(line.split()) for line in page.splitlines()] for page in pages]
    toc_page = next(n for n, page in enumerate(lines) if "Sisällys" in page)
    last_toc = max(n for n, page in enumerate(pages) if "........" in page)
    entries = [m.groups() for page in lines[toc_page:last_toc + 1] for line in page
               if (m := re.match(r"^(\d+ \S.*?) ?\.{3,} ?(\d+)$", line))]
    assert len(entries) >= 10
    start = last_toc + 1
    for heading, number in entries:  # in order: a heading said twice (a sub-area in the late items) is found after
        found = next((n for n in range(start, len(pages)) if heading in " ".join(lines[n])), None)
        assert found is not None, heading
        assert found + 1 == int(number), (heading, number, found + 1)
        start = found
    ARTIFACTS.mkdir(exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(ARTIFACTS / "report-summary-fi")], check=True, timeout=60)

"""The amendment package as council documents (issue 23 points 1 and 2), read back from the Word files and from
LibreOffice's PDF: the draft decision is a council item per signing party (its bodies, preparer and presenter,
background with the versions by label and date, what changes, why, when it takes effect, attachments, the proposal
by body, one fingerprint line) with no git word; the change annex tells the amendments first by sub-area, every
value with its unit, year and decimal comma, an added item with all its fields and a removed one with what it said,
editorial changes briefly and monitoring updates and decisions as count lines, nothing cut; a package without an
amendment is refused; Finnish and Swedish, and a Swedish-first region."""
from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from amending import edit, git
from helpers import MINIMAL, REPO, TESTS, convert_to_pdf, copy_root, run_cli
from lxml import etree
from tracked import q

# its subject is not Word's layout or the PDF: built without LibreOffice (conftest.py)
pytestmark = pytest.mark.usefixtures("libreoffice_off")

ARTIFACTS = REPO / "test-artifacts"
SWEDISH_FIRST = TESTS / "fixtures" / "swedish_first"
GIT_WORDS = re.compile(r"\bHEAD\b|~\d|\bv1\.0\b|\b[0-9a-f]{40}\b|\bcommit\b|\btagi?\b")


def blocks(path: Path) -> list[tuple[str, str]]:
    """(style, text) of the body's paragraphs in order, list items included."""
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    out = []
    for p in root.iter(q("p")):
        style = p.find(f"{q('pPr')}/{q('pStyle')}")
        out.append((style.get(q("val")) if style is not None else "",
                    "".join(t.text or "" for t in p.iter(q("t"))).replace("\xa0", " ")))
    return out


def text(path: Path) -> str:
    return "\n".join(t for _, t in blocks(path))


def headings(path: Path, level: int) -> list[str]:
    return [t for style, t in blocks(path) if style == f"Heading{level}"]


def struck(path: Path) -> list[str]:
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    return ["".join(t.text or "" for t in r.iter(q("t"))) for r in root.iter(q("r"))
            if r.find(f"{q('rPr')}/{q('strike')}") is not None]


@pytest.fixture(scope="module")
def package(amended):
    out = amended["out"]
    return {name: out / f"rannikkoseutu-2026-{name}.docx" for name in (
        "paatosesitys-fi", "muutosliite-fi", "beslutsforslag-sv", "andringsbilaga-sv")}


@pytest.mark.slow
def test_the_draft_decision_is_a_council_item_per_signing_party(package, amended):
    from cooperation.pipeline import load
    model = load(amended["root"])[0]
    path = package["paatosesitys-fi"]
    signing = [p for p in model.parties if p.signs]
    assert headings(path, 1) == [f"{p.name.get('fi')}: päätösesitys" for p in signing]
    assert set(headings(path, 2)) == {f"{model.title.get('fi')}: muutoksen hyväksyminen"}
    assert headings(path, 3)[:3] == ["Selostus", "Liitteet", "Päätösehdotus"]
    assert len(headings(path, 3)) == 3 * len(signing)
    body = text(path)
    # preparers from the data (the county's coordinator), else a placeholder; the presenter is the manager who signs
    assert "Valmistelija: Anna Lindqvist, strategiajohtaja" in body
    assert "Valmistelija: [nimi, tehtävä, puhelin, sähköposti]" in body
    assert "Esittelijä: Jari Heikkilä, hyvinvointialuejohtaja" in body
    assert "Esittelijä: Helena Koskinen" not in body  # the council's chair does not present the board's item
    # the background: the versions by label and date, what changes (values with unit, year and decimal comma), why,
    # when it takes effect
    assert "Muutettava teksti: versio 1.0, päivätty 28.11.2026. Muutettu teksti: versio 1.1, päivätty 4.5.2026." in body
    assert "HYTE-1-M1, tavoitetaso 2028: 14,0 % → 15,0 %" in body
    assert "Poistettu toimenpide HYTE-1-T2: Maksuttomat ohjatut liikuntaryhmät työikäisille iltaisin" in body
    assert "Uusi toimenpide HYTE-9-T1: Uusi toimenpide" in body
    assert "[Perustelut kirjoitetaan tähän" in body  # neither the data nor the request gave a rationale
    assert "Sopimus tulee voimaan, kun kaikki sen allekirjoittavat osapuolet (15) ovat hyväksyneet sen" in body
    # the proposal by body: the county's board to its council, a town's board to its council, a municipality's
    assert "Aluehallitus esittää, että aluevaltuusto hyväksyy sopimuksen" in body
    assert "Kaupunginhallitus esittää, että kaupunginvaltuusto hyväksyy sopimuksen" in body
    assert "Kunnanhallitus esittää, että kunnanvaltuusto hyväksyy sopimuksen" in body
    assert "Maakuntahallitus esittää, että maakuntavaltuusto hyväksyy sopimuksen" in body
    assert "rannikkoseutu-2026-muutokset-fi.docx" in body and "rannikkoseutu-2026-muutosliite-fi.docx" in body
    assert not GIT_WORDS.search(body), GIT_WORDS.search(body)


def test_the_swedish_draft_decision_is_in_swedish(package):
    path = package["beslutsforslag-sv"]
    body = text(path)
    assert headings(path, 3)[:3] == ["Bakgrund", "Bilagor", "Beslutsförslag"]
    assert "Beredare: Anna Lindqvist, strategidirektör" in body and "Föredragande: Jari Heikkilä" in body
    assert "Välfärdsområdesstyrelsen föreslår att välfärdsområdesfullmäktige godkänner ändringarna" in body
    assert "Stadsstyrelsen föreslår att stadsfullmäktige godkänner" in body
    assert "HYTE-1-M1, målnivå 2028: 14,0 % → 15,0 %" in body
    assert "HYTE-1, mål: texten på finska ändrad" in body  # the Swedish text did not change: no Finnish shown
    for finnish in ("Päätösehdotus", "Selostus", "tavoitetaso", "Valmistelija", "Poistettu", "hyväksyy"):
        assert finnish not in body
    assert not GIT_WORDS.search(body)


def test_the_change_annex_tells_amendments_first_by_sub_area_in_the_parties_words(package):
    path = package["muutosliite-fi"]
    assert headings(path, 2) == ["Sopimusmuutokset", "Seurantatiedot ja kirjatut päätökset"]
    assert headings(path, 3) == ["Sopimuksen yleiset osat", "1 Asukkaiden hyvinvoinnin ja terveyden edistäminen"]
    body = text(path)
    assert "HYTE-1-M1, tavoitetaso 2028: 14,0 % → 15,0 %" in body
    # an added action with every field; a removed one with what it said
    added = body[body.index("Uusi toimenpide HYTE-9-T1: Uusi toimenpide"):]
    for line in ("Vastuutahot: Rannikkoseudun hyvinvointialue, kaikki kunnat",
                 "Päävastuutaho: Rannikkoseudun hyvinvointialue", "Aikataulu: 1/2026–12/2026"):
        assert line in added.split("\nUusi ")[0]
    removed = body[body.index("Poistettu toimenpide HYTE-1-T2"):]
    assert "Päävastuutaho: Kuusiniemen kaupunki" in removed and "Aikataulu: 2026–2028" in removed
    # a text change whole, with the removed words struck through; nothing cut
    assert "Hyvinvointialue ja kunnat palvelevat yhdessä samoja asukkaita." in body
    assert "mutta ei muuta kenenkään lakisääteisiä tehtäviä." in body and "…" not in body
    assert "**" not in body  # Markdown is read, not printed
    assert "Mittaustulokset: 6 lisätty, 0 muutettu, 6 poistettu." in body
    assert not GIT_WORDS.search(body)


def test_the_swedish_change_annex_has_no_finnish(package):
    body = text(package["andringsbilaga-sv"])
    assert "Borttagen åtgärd HYTE-1-T2: Avgiftsfria ledda motionsgrupper" in body
    assert "Huvudansvarig: Granuddens stad" in body and "HYTE-1-M1, målnivå 2028: 14,0 % → 15,0 %" in body
    assert "Mätvärden: 6 tillagda, 0 ändrade, 6 borttagna." in body
    for finnish in ("Sopimusmuutokset", "Poistettu", "Päävastuutaho", "tavoitetaso", "palvelevat"):
        assert finnish not in body


@pytest.fixture(scope="module")
def small_repo(tmp_path_factory):
    """The minimal fixture signed as v1.0 in a repository of its own."""
    root = copy_root(MINIMAL, tmp_path_factory.mktemp("small") / "root")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "1.0")
    git(root, "tag", "v1.0")
    return root


def _clone(small_repo: Path, tmp_path: Path) -> Path:
    root = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(small_repo), str(root)], check=True)
    git(root, "checkout", "-q", "-B", "main", "v1.0")
    return root


def test_a_package_without_an_amendment_is_refused_and_nothing_is_written(small_repo, tmp_path):
    root = _clone(small_repo, tmp_path)
    out = tmp_path / "out"
    same = run_cli("amendment", "HEAD", "HEAD", "--root", root, "--out", out)
    # the same text on both sides: said so with its fingerprint (pipeline.SameText)
    assert same.returncode == 1 and "sama sormenjälki" in same.stderr and "mitään ei kirjoitettu" in same.stderr
    # monitoring only: a status, a decision and a value
    edit(root, "subareas/hyte.yaml", lambda d: d["goals"][0]["actions"][0].update(status="delayed",
                                                                                   status_reason="Rahoitus puuttuu."))
    edit(root, "agreement/parties.yaml", lambda d: d["parties"][1].update(decisions=[
        {"body": "kunnanvaltuusto", "date": "2026-03-02", "section": 12, "outcome": "approved", "version": "v1.0"}]))
    git(root, "commit", "-q", "-am", "Seuranta")
    monitoring = run_cli("amendment", "v1.0", "--root", root, "--out", out)
    assert monitoring.returncode == 1 and "vain seurantapäivityksiä" in monitoring.stderr
    # an editorial change only (a spelling fix): no approval needed, so no package either
    edit(root, "subareas/hyte.yaml", lambda d: d["goals"][0].update(title=d["goals"][0]["title"] + ","))
    editorial = run_cli("amendment", "v1.0", "--root", root, "--out", out)
    assert editorial.returncode == 1 and "vain toimituksellisia muutoksia" in editorial.stderr
    assert not out.exists()


@pytest.mark.slow
def test_the_rationale_comes_from_this_amendment_s_data_else_the_pull_request(small_repo, tmp_path):
    root = _clone(small_repo, tmp_path)
    edit(root, "subareas/hyte.yaml", lambda d: d["goals"][0]["indicators"][0]["target"].update(value=25))
    request = tmp_path / "kuvaus.md"
    request.write_text("Tavoitetta **nostetaan**, koska 2025 tavoite jo lähes saavutettiin.\n\n"
                       "<script>x</script> [linkki](javascript:alert(1))", encoding="utf-8")
    out = tmp_path / "out"
    done = run_cli("amendment", "v1.0", "--root", root, "--out", out, "--rationale", request)
    assert done.returncode == 0, done.stderr
    body = text(out / "testi-2026-paatosesitys-fi.docx")
    assert "Tavoitetta nostetaan, koska 2025 tavoite jo lähes saavutettiin." in body
    # the request is Markdown from outside: its markup stays text and a script link is only its words
    assert "<script>x</script> linkki" in body and "javascript" not in body and "[Perustelut" not in body
    # the editors' rationale in the data, written for this amendment, comes first
    edit(root, "agreement/agreement.yaml", lambda d: d.update(rationale="Liikuntatavoite tarkistettiin johtoryhmässä."))
    git(root, "commit", "-q", "-am", "Muutos")
    git(root, "tag", "v1.1")
    done = run_cli("amendment", "v1.0", "--root", root, "--out", tmp_path / "out2", "--rationale", request)
    assert done.returncode == 0, done.stderr
    body = text(tmp_path / "out2" / "testi-2026-paatosesitys-fi.docx")
    assert "Liikuntatavoite tarkistettiin johtoryhmässä." in body and "nostetaan" not in body
    # the next amendment leaves the rationale as it was: it is the previous amendment's, not this one's
    edit(root, "subareas/hyte.yaml", lambda d: d["goals"][0]["indicators"][0]["target"].update(value=26))
    done = run_cli("amendment", "v1.1", "--root", root, "--out", tmp_path / "out3")
    assert done.returncode == 0, done.stderr
    body = text(tmp_path / "out3" / "testi-2026-paatosesitys-fi.docx")
    assert "Liikuntatavoite tarkistettiin" not in body and "[Perustelut kirjoitetaan tähän" in body


@pytest.mark.slow
def test_editorial_changes_briefly_and_monitoring_as_count_lines(small_repo, tmp_path):
    root = _clone(small_repo, tmp_path)
    long_title = ("Liikuntaneuvonnan palveluketju sote-keskuksista kuntien liikuntapalveluihin ja järjestöjen "
                  "ryhmiin koko alueella vuosina 2027–2028")
    edit(root, "subareas/hyte.yaml", lambda d: (
        d["goals"][0].update(title=d["goals"][0]["title"] + ","),  # editorial
        d["goals"][0]["actions"].append({"id": "HYTE-1-T3", "title": long_title, "responsible": ["hva", "alfa"],
                                         "lead": "alfa", "schedule": {"start": "2027-01", "end": "2028-12"},
                                         "status": "planned"}),
        d["goals"][0]["actions"][0].update(status="delayed", status_reason="Rahoitus puuttuu.")))
    edit(root, "agreement/parties.yaml", lambda d: d["parties"][1].update(decisions=[
        {"body": "kunnanvaltuusto", "date": "2026-03-02", "section": 12, "outcome": "approved", "version": "v1.0"}]))
    out = tmp_path / "out"
    done = run_cli("amendment", "v1.0", "--root", root, "--out", out)
    assert done.returncode == 0, done.stderr
    path = out / "testi-2026-muutosliite-fi.docx"
    assert headings(path, 2) == ["Sopimusmuutokset", "Toimitukselliset muutokset", "Seurantatiedot ja kirjatut päätökset"]
    body = text(path)
    assert f"Uusi toimenpide HYTE-1-T3: {long_title}" in body  # whole: never cut
    assert "Seurantapäivityksiä (toimenpiteiden tilat, version tiedot ym.): 2." in body
    assert "Kirjattuja päätöksiä: 1 uutta, 0 korjattua, 0 poistettua." in body
    assert "kunnanvaltuusto" not in body  # the decision is counted, not told field by field


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.slow
def test_a_swedish_first_region_gets_its_package_in_swedish_first(tmp_path):
    root = copy_root(SWEDISH_FIRST, tmp_path / "root")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "1.0")
    git(root, "tag", "v1.0")
    edit(root, "subareas/valfard.yaml", lambda d: d["goals"][0]["indicators"][0]["target"].update(value=66.5))
    edit(root, "agreement/agreement.yaml", lambda d: d.update(version="1.1", version_date="2026-05-04", rationale={
        "sv": "Målnivån höjs efter förhandlingen.", "fi": "Tavoitetasoa nostetaan neuvottelun jälkeen."}))
    out = tmp_path / "out"
    done = run_cli("amendment", "v1.0", "--root", root, "--out", out)
    assert done.returncode == 0, done.stderr
    decision = text(out / "skargard-2026-beslutsforslag-sv.docx")
    assert "Målnivån höjs efter förhandlingen." in decision
    assert "Stadsstyrelsen föreslår att stadsfullmäktige godkänner" in decision  # Bstads stad
    assert "Kommunstyrelsen föreslår att kommunfullmäktige godkänner" in decision  # Alby kommun
    assert "VAL-1-M1, målnivå 2028: 65 % → 66,5 %" in decision
    assert "Föredragande: Björn Berg, kommundirektör" in decision
    finnish = text(out / "skargard-2026-paatosesitys-fi.docx")
    assert "Tavoitetasoa nostetaan neuvottelun jälkeen." in finnish and "VAL-1-M1, tavoitetaso 2028" in finnish
    assert "Bstadin kaupunginhallitus" not in finnish and "Kaupunginhallitus esittää" in finnish


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils is not installed")
def test_libreoffice_lays_out_the_decision_and_the_annex(package, tmp_path):
    """As a council's office opens them: LibreOffice's PDF has one party's item starting on each page it is
    given, the footer on every page, and a first page to look at (test-artifacts/)."""
    convert_to_pdf(tmp_path, package["paatosesitys-fi"], package["muutosliite-fi"])
    decision = tmp_path / "rannikkoseutu-2026-paatosesitys-fi.pdf"
    pages = subprocess.run(["pdftotext", "-layout", str(decision), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")
    starts = [n for n, page in enumerate(pages) if re.search(r"^\s*\S.*: päätösesitys\s*$", page, re.M)]
    assert len(starts) == 15 and all(": päätösesitys" in pages[n].strip().splitlines()[0] for n in starts)
    assert all("Päätösesitys · " in page for page in pages if page.strip())
    ARTIFACTS.mkdir(exist_ok=True)
    for pdf, name in ((decision, "amendment-decision-fi"),
                      (tmp_path / "rannikkoseutu-2026-muutosliite-fi.pdf", "amendment-annex-fi")):
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                        str(ARTIFACTS / name)], check=True, timeout=60)
        assert (ARTIFACTS / f"{name}.png").stat().st_size > 5000


def test_text_from_the_data_stays_text_in_the_decision(amended):
    """The added goal's title holds markup: it is printed as those characters, never as Word markup."""
    data = (amended["out"] / "rannikkoseutu-2026-paatosesitys-fi.docx").read_bytes()
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    texts = ["".join(t.text or "" for t in p.iter(q("t"))) for p in body.iter(q("p"))]
    assert "Uusi tavoite HYTE-9: Uusi tavoite & <b>lisätty</b>" in texts


def _workflow_step(name: str, job: str, step: str) -> str:
    import yaml
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / name).read_text(encoding="utf-8"))
    return next(s for s in workflow["jobs"][job]["steps"] if s.get("name") == step)["run"]


def _run_step(script: str, root: Path, **env: str) -> subprocess.CompletedProcess:
    import os
    import sys
    environment = dict(os.environ, PATH=f"{Path(sys.executable).parent}:{os.environ['PATH']}", **env)
    return subprocess.run(["bash", "-e", "-c", script], cwd=root, env=environment, capture_output=True, text=True,
                          timeout=600)


@pytest.mark.slow
def test_the_pull_request_workflow_makes_the_package_with_its_description(small_repo, tmp_path):
    """The workflow's step as GitHub runs it: an amendment gets its package, the description its rationale; a
    monitoring update gets none, and the step passes."""
    from helpers import copy_code
    root = _clone(small_repo, tmp_path)
    copy_code(root)
    base = git(root, "rev-parse", "HEAD").strip()
    (root / "out").mkdir()
    edit(root, "subareas/hyte.yaml", lambda d: d["goals"][0]["actions"][0].update(status="done"))
    step = _workflow_step("pull-request.yml", "check", "Amendment package")
    done = _run_step(step, root, BASE_SHA=base, PR_BODY="Vain seurantaa.")
    assert done.returncode == 0, done.stderr
    assert not (root / "out" / "muutospaketti").exists()
    edit(root, "subareas/hyte.yaml", lambda d: d["goals"][0]["indicators"][0]["target"].update(value=25))
    done = _run_step(step, root, BASE_SHA=base, PR_BODY="Tavoitetta nostetaan; `$(touch hacked)` on tekstiä.")
    assert done.returncode == 0, done.stderr
    body = text(root / "out" / "muutospaketti" / "testi-2026-paatosesitys-fi.docx")
    assert "Tavoitetta nostetaan; $(touch hacked) on tekstiä." in body and not (root / "hacked").exists()


def test_the_release_of_an_editorial_version_has_no_package(small_repo, tmp_path):
    from helpers import copy_code
    root = _clone(small_repo, tmp_path)
    copy_code(root)
    edit(root, "subareas/hyte.yaml", lambda d: d["goals"][0].update(title=d["goals"][0]["title"] + ","))
    git(root, "commit", "-q", "-am", "Pilkku")
    git(root, "tag", "v1.0.1")
    (root / "out").mkdir()
    done = _run_step(_workflow_step("release.yml", "release", "Amendment package against the previous signed version"),
                     root, TAG="v1.0.1")
    assert done.returncode == 0, done.stderr
    assert list((root / "out").iterdir()) == []

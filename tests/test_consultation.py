"""Hearing the region (issue 29): a consultation round as data, statements in from a web form and the workbooks'
comments, the round on the site ("Mitä kuulimme – mitä teimme"), the Word summary for the council item, the
statements in the pull request's diff comment and the history, and privacy. The round is the tests' own
(tests/fixtures/consultation, set up by tests/consulting.py over a copy of the example region)."""
from __future__ import annotations

import io
import json
import re
import shutil
import zipfile
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pypandoc
import pytest
import yaml
from amending import edit, git
from consulting import FIXTURE, ROUNDS, fingerprint
from helpers import run_cli
from test_no_template_code import template_code
from test_site import Page, read

from cooperation.changes.diff import diff_revisions

# its subject is not Word's layout or the PDF: built without LibreOffice (conftest.py)
pytestmark = pytest.mark.usefixtures("libreoffice_off")

ROUND = "lausunnot/luonnos-2026/"
OPEN = "lausunnot/muutos-2026/"
REPOSITORY = "https://github.com/rannikkoseutu/yhteistyosopimus"


def statements() -> list[dict]:
    data = yaml.safe_load((FIXTURE / "consultations.yaml").read_text(encoding="utf-8"))
    return data["consultations"][0]["statements"]


def word_text(path: Path) -> str:
    return " ".join(pypandoc.convert_file(str(path), "plain", extra_args=["--wrap=none"]).split())


def article(site: Path, path: str) -> str:
    """A page's own content, without the navigation (which names every page in the site's language)."""
    html = (site / path / "index.html").read_text(encoding="utf-8")
    return re.search(r'<article class="md-content__inner.*?</article>', html, re.S).group(0)


@pytest.fixture()
def region(consulted, tmp_path) -> Path:
    """A copy of the consulted region's repository to change."""
    return Path(shutil.copytree(consulted["root"], tmp_path / "region", symlinks=True))


# --- the round as data ----------------------------------------------------------------------------------------------
def test_the_fixture_round_is_as_large_as_asked():
    found = statements()
    organisations = {s.get("party") or json.dumps(s.get("organisation"), sort_keys=True)
                     for s in found if not s.get("private_person")}
    assert (len(found), len(organisations), sum(1 for s in found if s.get("private_person"))) == (14, 6, 3)
    assert {s.get("language", "fi") for s in found} == {"fi", "sv"}


@pytest.mark.slow
def test_a_round_is_outside_the_text_and_its_fingerprint(consulted):
    """Recording statements changes nothing the parties approve: the same fingerprint, no change in the diff."""
    root = consulted["root"]
    assert fingerprint(root) == consulted["current"]
    diff = diff_revisions(root, "HEAD~1", "HEAD")  # the commit that added the rounds
    assert diff.change_class is None and diff.items == [] and not diff.fingerprint_changes


def test_the_example_validates_with_the_rounds(consulted):
    ran = run_cli("validate", "--root", consulted["root"], "--strict")
    assert ran.returncode == 0, ran.stdout
    # the statement still waiting for its response is pointed at, without failing the check
    assert "Lausunto L14: kierros päättyi 2026-09-30, mutta lausunnolla ei ole vielä vastinetta" in ran.stdout


# --- the site --------------------------------------------------------------------------------------------------------
def test_what_we_heard_page_per_subarea_and_goal(consulted):
    site = consulted["site"]
    page = read(site, ROUND)
    text = page.content
    assert "Mitä kuulimme – mitä teimme: Sopimusluonnoksen lausuntokierros 2026" in text
    assert "Lausuntokierros päättyi 30.9.2026" in text
    assert "Lausunnolla oleva versio 0.9 ( " + consulted["draft"][:12] + "… )" in text
    assert "14 lausuntoa: 6 organisaatiolta ja 3 yksityishenkilöltä" in text
    assert "Lausunnot säilytetään hyvinvointialueen asianhallinnassa kymmenen vuotta." in text
    # counts per sub-area and outcome: statements, taken into account, partly, not, response pending
    assert "1 Asukkaiden hyvinvoinnin ja terveyden edistäminen 7 3 1 2 1" in text
    assert "Koko sopimus 2 0 2 0 0" in text
    assert "Yhteensä 14 5 5 3 1" in text
    # every statement has its place; the goal's statements by organisation, private persons last
    assert {f"luonnos-2026-l{n}" for n in range(1, 15)} <= page.ids
    body = article(site, ROUND)
    hyte1 = body[body.index('id="tavoite-hyte-1"'):body.index('id="tavoite-hyte-2"')]
    order = [hyte1.index(f'id="luonnos-2026-{n}"') for n in ("l3", "l4", "l1", "l2")]
    assert order == sorted(order)
    # a response with its outcome, the items it changed and the pull request that changed them
    l1 = body[body.index('id="luonnos-2026-l1"'):body.index('id="luonnos-2026-l2"')]
    assert "otettu huomioon" in l1 and "Toimenpiteeseen lisättiin viikonloppuryhmät." in l1
    assert 'href="../../osa-alueet/hyte/#hyte-1-t2"' in l1 and f'href="{REPOSITORY}/pull/7"' in l1
    assert 'class="badge outcome-accepted"' in l1


def test_what_we_heard_page_in_swedish_has_no_finnish(consulted):
    site = consulted["site"]
    text = read(site, "sv/" + ROUND).content
    assert "Vad vi hörde – vad vi gjorde: Remissrunda om avtalsutkastet 2026" in text
    assert "Totalt 14 5 5 3 1" in text
    for s in statements():
        language = s.get("language", "fi")
        swedish = s["text"] if language == "sv" else (s.get("translation") or {}).get("sv")
        if swedish:
            assert " ".join(swedish.split()) in text, s["id"]
        if language == "fi":
            assert " ".join(s["text"].split()) not in text, s["id"]  # linked on the Finnish page instead
        reasoning = (s.get("response") or {}).get("reasoning")
        if reasoning:
            assert reasoning["sv"] in text and reasoning["fi"] not in text, s["id"]
    body = article(site, "sv/" + ROUND)
    assert 'Utlåtandet finns endast på finska. <a href="../../../lausunnot/luonnos-2026/#luonnos-2026-l2" hreflang="fi">' \
        in body
    fi_body = article(site, ROUND)
    assert '<a href="../../sv/lausunnot/luonnos-2026/#luonnos-2026-l3" hreflang="sv">Lue lausunto</a>' in fi_body


@pytest.mark.slow
def test_the_rounds_pages_link_within_the_site(consulted):
    """Every link of the rounds' pages (and the notices on the other pages) leads to a page and an anchor there."""
    site = consulted["site"]
    pages = [p for prefix in ("", "sv/") for p in (f"{prefix}lausunnot/", f"{prefix}{ROUND}", f"{prefix}{OPEN}",
                                                    prefix, f"{prefix}osa-alueet/hyte/", f"{prefix}historia/")]
    checked = 0
    for path in pages:
        page = read(site, path)
        base = "http://site/" + path
        for link in page.links:
            url = urlparse(urljoin(base, link))
            if url.netloc != "site" or "lausunnot" not in url.path + path:
                continue
            target = site / unquote(url.path.lstrip("/"))
            target = target / "index.html" if url.path.endswith("/") else target
            assert target.is_file(), f"{path}: {link}"
            if url.fragment and target.suffix == ".html":
                assert url.fragment in Page(target.read_text(encoding="utf-8")).ids, f"{path}: {link}"
            checked += 1
        for tag, attributes in page.tags:  # a statement linked on the page in its own language
            if tag == "a" and attributes.get("hreflang") in ("fi", "sv") and "lausunnot" in attributes.get("href", ""):
                target = urlparse(urljoin(base, attributes["href"])).path
                assert target.startswith("/sv/") == (attributes["hreflang"] == "sv"), f"{path}: {attributes['href']}"
    assert checked > 40


def test_an_open_round_on_the_home_page_and_each_goal_it_asks_about(consulted):
    site = consulted["site"]
    form = "https://asiointi.rannikkoseutu.fi/lausunto?kohta="
    home = read(site, "")
    assert "Luonnos lausunnolla 16.11.–15.12.2026" in home.content
    assert "Anna lausunto verkkolomakkeella tai sähköpostilla osoitteeseen kirjaamo@rannikkoseutu.fi viimeistään " \
           "15.12.2026." in home.content
    assert "Mitä kuulimme – mitä teimme: Sopimusluonnoksen lausuntokierros 2026" in home.content
    assert "Utkastet på remiss 16.11.–15.12.2026" in read(site, "sv/").content
    hyte = article(site, "osa-alueet/hyte")
    goals = {g: hyte[hyte.index(f'id="{g}"'):] for g in ("hyte-1", "hyte-2")}
    goals = {g: text[:text.index("<h2", 10)] if "<h2" in text[10:] else text for g, text in goals.items()}
    assert "Luonnos lausunnolla 16.11.–15.12.2026" in goals["hyte-1"]
    assert f'href="{form}HYTE-1"' in goals["hyte-1"] and "kohta HYTE-1 valmiina" in goals["hyte-1"]
    assert "mailto:kirjaamo@rannikkoseutu.fi?subject=Lausunto%3A%20Muutosehdotuksen%20kuuleminen%2C%20HYTE-1" \
        in goals["hyte-1"]
    assert "Luonnos lausunnolla" not in goals["hyte-2"]  # the open round asks about HYTE-1 and TY-1 only
    assert f'href="{form}TY-1"' in article(site, "osa-alueet/tyollisyys")
    # after a round: the goal links to what was said of it
    assert "Lausunnot tästä tavoitteesta (4): " in read(site, "osa-alueet/hyte/").content
    assert '../../lausunnot/luonnos-2026/#tavoite-hyte-1' in goals["hyte-1"]
    # the open round's own page: how to take part, no statements yet
    text = read(site, OPEN).content
    assert "Lausuntoja on saapunut 1. Lausunnot ja vastineet julkaistaan, kun kierros on päättynyt." in text
    assert "Viikonloppuryhmät sopivat kunnalle." not in text
    assert "Lausunnolla olevat kohdat HYTE-1 , TY-1" in text
    assert "0.10 ( " + consulted["current"][:12] in text


def test_a_round_to_come_and_one_being_held(consulted):
    """The pages as they stand before the first round opens, and while it is open (it asks about the whole draft)."""
    import datetime

    from cooperation.outputs.site.pages import Site
    from cooperation.pipeline import load_all
    from cooperation.timeliness import fixed_today

    model, _, _ = load_all(consulted["root"])  # the data as of the tests' day; the pages as of another

    def pages(day: datetime.date) -> dict[str, str]:
        with fixed_today(day):
            return {path: "\n".join(page.body) for path, page in Site(model, "fi").build().items()}
    before = pages(datetime.date(2026, 8, 20))
    assert "Lausuntokierros 1.9.–30.9.2026" in before["lausunnot/luonnos-2026.md"]
    assert "Lausuntokanava" in before["lausunnot/luonnos-2026.md"] and "luonnos-2026-l1" not in before["lausunnot/luonnos-2026.md"]
    assert "lausunnolla" not in before["index.md"] and "lausunnolla" not in before["osa-alueet/hyte.md"]
    during = pages(datetime.date(2026, 9, 15))
    assert during["osa-alueet/hyte.md"].count("Luonnos lausunnolla 1.9.–30.9.2026") == 3  # every goal of the draft
    assert "Luonnos lausunnolla 1.9.–30.9.2026" in during["index.md"]
    assert "Lausuntoja on saapunut 14." in during["lausunnot/luonnos-2026.md"]
    assert "luonnos-2026-l1" not in during["lausunnot/luonnos-2026.md"]  # published once the round has closed


def test_the_history_links_a_change_to_the_statements_it_answers(consulted):
    body = article(consulted["site"], "historia")
    entry = body[body.index("Lausuntojen perusteella: viikonloppuryhmät"):]  # pull request #7's title, then its changes
    answers = entry[entry.index('<p class="answers">'):]
    answers = answers[:answers.index("</p>")]
    assert "Vastaa lausuntoihin" in answers
    for n in ("l1", "l2", "l3"):
        assert f"../lausunnot/luonnos-2026/#luonnos-2026-{n}" in answers
    assert "luonnos-2026-l4" not in answers


def test_no_contact_details_and_no_private_names_published(consulted):
    site = consulted["site"]
    published = "".join(article(site, prefix + path) for prefix in ("", "sv/") for path in (ROUND, "lausunnot"))
    assert "@" not in re.sub(r'href="mailto:[^"]*"|kirjaamo@rannikkoseutu\.fi', "", published)
    assert published.count("<strong>Yksityishenkilö</strong>") == 3 and published.count("<strong>Privatperson</strong>") == 3


# --- the Word summary --------------------------------------------------------------------------------------------------
def test_word_summary_per_language_ready_for_the_council(consulted):
    out = consulted["out"]
    fi = word_text(out / "rannikkoseutu-2026-lausuntoyhteenveto-fi.docx")
    assert "Lausuntoyhteenveto ja vastineet: Sopimusluonnoksen lausuntokierros 2026" in fi
    assert "Lausunnolla oleva versio: 0.9 (" + consulted["draft"][:12] in fi
    assert "14 lausuntoa: 6 organisaatiolta ja 3 yksityishenkilöltä" in fi
    for s in statements():
        shown = s["text"] if s.get("language", "fi") == "fi" else (s.get("translation") or {}).get("fi", s["text"])
        assert " ".join(shown.split()) in fi, s["id"]
    assert "Toimenpiteeseen lisättiin viikonloppuryhmät." in fi and "Muutosehdotus #7" in fi
    assert "(lausunto ruotsiksi)" in fi and "vastine valmisteilla" in fi
    sv = word_text(out / "rannikkoseutu-2026-lausuntoyhteenveto-sv.docx")
    assert "Sammanställning av utlåtanden och bemötanden: Remissrunda om avtalsutkastet 2026" in sv
    assert "Veckoslutsgrupper lades till i åtgärden." in sv and "Toimenpiteeseen lisättiin" not in sv
    assert "(utlåtandet på finska)" in sv
    # a statement printed in another language than the document's is marked as that language
    document = zipfile.ZipFile(out / "rannikkoseutu-2026-lausuntoyhteenveto-sv.docx").read("word/document.xml").decode()
    run = document[:document.index("Viikonloppuna olisi helpompi osallistua")]
    assert run[run.rindex("<w:r>"):].count('<w:lang w:val="fi-FI"') == 1
    assert "Kieli" not in zipfile.ZipFile(out / "rannikkoseutu-2026-lausuntoyhteenveto-sv.docx").read("word/styles.xml").decode()
    for lang in ("fi", "sv"):  # no template code or placeholder left in any part
        name = f"rannikkoseutu-2026-lausuntoyhteenveto-{lang}.docx"
        assert template_code(name, (out / name).read_bytes()) == []


def test_word_summary_is_offered_on_the_site_and_linked_from_the_round(consulted):
    site = consulted["site"]
    assert (site / "lataukset" / "rannikkoseutu-2026-lausuntoyhteenveto-fi.docx").read_bytes() == \
        (consulted["out"] / "rannikkoseutu-2026-lausuntoyhteenveto-fi.docx").read_bytes()
    assert "../../lataukset/rannikkoseutu-2026-lausuntoyhteenveto-fi.docx" in read(site, ROUND).links
    assert "../../lataukset/rannikkoseutu-2026-lausuntoyhteenveto-sv.docx" in read(site, "sv/" + ROUND).links


def test_the_summary_of_another_round_and_of_none(consulted, tmp_path):
    ran = run_cli("statements", "--root", consulted["root"], "--out", tmp_path, "--round", "muutos-2026")
    assert ran.returncode == 0, ran.stderr
    assert "Viikonloppuryhmät sopivat kunnalle." in word_text(tmp_path / "rannikkoseutu-2026-lausuntoyhteenveto-fi.docx")
    empty = tmp_path / "empty"
    ran = run_cli("statements", "--root", consulted["root"], "--out", empty, "--round", "ei-ole")
    assert ran.returncode == 1 and "lausuntokierrosta ”ei-ole” ei ole" in ran.stderr
    assert not empty.exists() or not any(empty.iterdir())


# --- the negotiation record ----------------------------------------------------------------------------------------
def test_the_diff_comment_lists_the_statements_about_the_changed_items(consulted):
    root = consulted["root"]
    ran = run_cli("diff", "luonnos-0.9", "HEAD", "--root", root)
    assert ran.returncode == 0, ran.stderr
    section = ran.stdout[ran.stdout.index("#### Lausunnot, jotka koskevat muutettuja kohtia"):]
    assert "- **HYTE-1-T2** – Rannikkoseudun Yrittäjät ry, 3.9.2026 (Sopimusluonnoksen lausuntokierros 2026, L1): " \
           "Ohjatut liikuntaryhmät iltaisin eivät sovi vuorotyötä tekeville. Lisätkää ryhmiä myös viikonloppuihin. " \
           "– _vastine: otettu huomioon_" in section
    assert "- **HYTE-1-T2** – yksityishenkilö, 5.9.2026" in section
    assert "(Sopimusluonnoksen lausuntokierros 2026, L3)" in section  # on the goal whose description changed
    assert "L4)" not in section  # the goal's indicator did not change
    assert "(Muutosehdotuksen kuuleminen, L1): Viikonloppuryhmät sopivat kunnalle. – _vastine: ei vielä vastinetta_" \
        in section
    swedish = run_cli("diff", "luonnos-0.9", "HEAD", "--root", root, "--lang", "sv").stdout
    assert "#### Utlåtanden om de ändrade punkterna" in swedish
    assert "De ledda motionsgrupperna på kvällarna passar inte skiftarbetare." in swedish
    data = json.loads(run_cli("diff", "luonnos-0.9", "HEAD", "--root", root, "--format", "json").stdout)
    assert [(s["round"], s["statement"]) for s in data["statements"]][:2] == [("luonnos-2026", "L1"),
                                                                             ("luonnos-2026", "L2")]


def test_the_diff_comment_keeps_its_statements_within_the_cap(region):
    def reworded(data: dict) -> None:
        for goal in data["goals"]:
            for action in goal.get("actions", []):
                action["title"]["fi"] += " (tarkennettu lausuntojen perusteella)"
    edit(region, "subareas/hyte.yaml", reworded)  # a diff longer than the cap leaves for it
    ran = run_cli("diff", "luonnos-0.9", "--root", region, "--max-chars", "1400")
    assert ran.returncode == 0 and len(ran.stdout) <= 1400, len(ran.stdout)
    statements = ran.stdout.split("#### Lausunnot, jotka koskevat muutettuja kohtia")[1]
    assert "muutosta lisää" in ran.stdout and statements.endswith("\n…6 lausuntoa lisää, katso ajon yhteenveto\n")
    assert statements.count("\n- **") == 1  # the first that fits, then how many more
    roomy = run_cli("diff", "luonnos-0.9", "--root", region, "--max-chars", "9000").stdout
    assert "lisää" not in roomy and roomy.split("#### Lausunnot")[1].count("\n- **") == 7


# --- bad input -----------------------------------------------------------------------------------------------------
def test_a_round_whose_version_does_not_exist(region, tmp_path):
    path = region / ROUNDS
    path.write_text(path.read_text(encoding="utf-8").replace('version: "' + fingerprint(region)[:16] + '"',
                                                             'version: "0123456789abcdef"'), encoding="utf-8")
    ran = run_cli("validate", "--root", region)
    assert ran.returncode == 1
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "0123456789abcdef" in text)
    assert f"agreement/consultations.yaml:{line}:14: virhe: Lausuntokierros muutos-2026, kenttä ”Lausunnolla oleva " \
           "versio” (version): lausuntokierroksen versiota ”0123456789abcdef” ei löydy" in ran.stdout
    out = tmp_path / "out"
    assert run_cli("site", "--root", region, "--out", out).returncode == 1
    assert not (out / "site").exists()


def test_a_round_outside_git_cannot_be_checked(consulted, tmp_path):
    root = tmp_path / "plain"
    for folder in ("agreement", "subareas", "measurements"):
        shutil.copytree(consulted["root"] / folder, root / folder)
    path = root / ROUNDS
    path.write_text(path.read_text(encoding="utf-8").replace(consulted["draft"][:12], "v0.9"), encoding="utf-8")
    ran = run_cli("validate", "--root", root)
    assert [(p["code"], p["line"]) for p in json.loads(run_cli("validate", "--root", root, "--format", "json").stdout)
            if p["file"] == ROUNDS][:1] == [("consultation_version_not_checked", 11)]
    assert "varoitus: Lausuntokierros luonnos-2026, kenttä ”Lausunnolla oleva versio” (version): lausuntokierroksen " \
           "versiota ”v0.9” ei voi tarkistaa" in ran.stdout
    assert ran.returncode == 0


def test_a_shallow_clone_says_how_to_check_the_version(consulted, tmp_path):
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{consulted['root']}", str(clone))
    ran = run_cli("validate", "--root", clone)
    assert "consultation_version_shallow" in run_cli("validate", "--root", clone, "--format", "json").stdout
    assert "lausuntokierroksen versiota ”" + consulted["draft"][:12] + "” ei voi tarkistaa, koska tämä on vajaa klooni" \
        in ran.stdout


# --- statements in -------------------------------------------------------------------------------------------------
def test_a_web_forms_export_is_imported_into_the_round(region, consulted):
    before = (region / ROUNDS).read_text(encoding="utf-8")
    ran = run_cli("import-statements", FIXTURE / "lomake.csv", "--round", "luonnos-2026", "--root", region)
    assert ran.returncode == 0, ran.stderr
    problems = [line for line in ran.stderr.splitlines() if line.startswith("lomake.csv")]
    assert problems == [
        "lomake.csv:1: tarkista: saraketta ”Vapaaehtoinen palaute” ei lueta",
        "lomake.csv:1: tarkista: sarakkeessa ”Nimi” on henkilötietoja; sitä ei tuoda eikä julkaista",
        "lomake.csv:1: tarkista: sarakkeessa ”Sähköposti” on henkilötietoja; sitä ei tuoda eikä julkaista",
        "lomake.csv:6: varoitus: kohtaa ei ole annettu: lausunto kirjataan koskemaan koko sopimusta",
        "lomake.csv:7: varoitus: organisaatiota ei ole annettu: lausunto kirjataan yksityishenkilön lausunnoksi ilman "
        "nimeä",
        "lomake.csv:8: varoitus: rivillä ei ole lausuntoa; riviä ei tuotu",
        "lomake.csv:9: varoitus: kieltä ”saame” ei tunneta; lausunto kirjataan kielelle suomi",
        "lomake.csv:10: tarkista: sama lausunto on jo kierroksella (tunniste L13); sitä ei tuotu uudelleen",
    ]
    after = (region / ROUNDS).read_text(encoding="utf-8")
    assert after.startswith(before.split("  - id: muutos-2026")[0].rstrip("\n"))  # only added: nothing rewritten
    round_ = yaml.safe_load(after)["consultations"][0]
    new = {s["id"]: s for s in round_["statements"][14:]}
    assert new["L15"] == {"id": "L15", "date": "2026-09-12", "item": "HYTE-2", "party": "koivusaari",
                          "text": "Kunta tukee tavoitetta."}
    assert new["L16"] == {"id": "L16", "date": "2026-09-14", "item": "HYTE-3", "private_person": True, "language": "sv",
                          "text": "Det behövs fler motionsgrupper i skärgården.\n\nOckså på vintern."}
    assert "Eeva Mattila" not in after and "Anna Andersson" not in after and "@example" not in after
    assert new["L17"]["organisation"] == "Rannikkoseudun Yrittäjät ry" and "item" not in new["L17"]
    assert sorted(new) == ["L15", "L16", "L17", "L18", "L19"]
    # the agreement's text is not touched, and importing again adds nothing
    assert fingerprint(region) == consulted["current"]
    again = run_cli("import-statements", FIXTURE / "lomake.csv", "--round", "luonnos-2026", "--root", region)
    assert again.returncode == 0 and (region / ROUNDS).read_text(encoding="utf-8") == after
    assert "Uusia lausuntoja ei ole" in again.stderr


def test_rows_that_cannot_be_imported_are_named_and_nothing_is_written(region, tmp_path):
    form = tmp_path / "lomake.csv"
    form.write_text("Päivämäärä,Organisaatio,Kohta,Lausunto\n"
                    "10.9.2026,Testiyhdistys ry,HYTE-9,Hyvä.\n"
                    "3.10.2026,Testiyhdistys ry,HYTE-1,Hyvä.\n"
                    "9/12/2026,Testiyhdistys ry,HYTE-1,Hyvä.\n"
                    "11.9.2026,,HYTE-1,Soittakaa minulle 040 123 4567 tai matti@example.fi\n", encoding="utf-8")
    before = (region / ROUNDS).read_bytes()
    ran = run_cli("import-statements", form, "--round", "luonnos-2026", "--root", region)
    assert ran.returncode == 1
    assert [line for line in ran.stderr.splitlines() if line.startswith("lomake.csv")] == [
        "lomake.csv:2: virhe: kohtaa ”HYTE-9” ei ole sopimuksessa (osa-alueen, tavoitteen, toimenpiteen tai mittarin "
        "tunniste) (tarkoititko ”HYTE-3”?)",
        "lomake.csv:3: virhe: lausunto on päivätty 2026-10-03, mutta kierros oli auki 2026-09-01–2026-09-30; "
        "tarkista päivämäärä tai kierros",
        "lomake.csv:4: virhe: päivämäärää ”9/12/2026” ei voi lukea; kirjoita se muodossa 2027-02-14 tai 14.2.2027",
        "lomake.csv:5: virhe: tekstissä on puhelinnumero (merkistä nro 19 alkaen); sähköpostiosoitteita ja "
        "puhelinnumeroita ei julkaista: poista se",
        "lomake.csv:5: varoitus: organisaatiota ei ole annettu: lausunto kirjataan yksityishenkilön lausunnoksi ilman "
        "nimeä",
    ]
    assert "Mitään ei kirjoitettu." in ran.stderr
    assert (region / ROUNDS).read_bytes() == before


def test_a_form_without_the_statements_column(region, tmp_path):
    form = tmp_path / "lomake.csv"
    form.write_text("Päivämäärä;Organisaatio;Kohta\n10.9.2026;Testiyhdistys ry;HYTE-1\n", encoding="utf-8")
    ran = run_cli("import-statements", form, "--round", "luonnos-2026", "--root", region, "--lang", "sv")
    assert ran.returncode == 1
    assert "lomake.csv:1: fel: kolumnen med utlåtandet saknas (rubrikerna nu: Päivämäärä, Organisaatio, Kohta)" \
        in ran.stderr


def test_the_workbooks_comments_are_imported_as_the_parties_statements(region, tmp_path):
    comments = tmp_path / "kommentit.json"
    comments.write_text(json.dumps([
        {"workbook": "tyokirja-kuusiniemi.xlsx", "row": 12, "item": "HYTE-1-T1", "level": "action", "title": "…",
         "party": "kuusiniemi", "text": "Liikuntaneuvojan resurssi ei riitä."},
        {"workbook": "tyokirja-kuusiniemi.xlsx", "row": 20, "item": "", "level": "", "title": "…",
         "party": "kuusiniemi", "text": "Hyvä kokonaisuus."},
        {"workbook": "tyokirja-kuusiniemi.xlsx", "row": 22, "item": "HYTE-7", "level": "goal", "title": "…",
         "party": "kuusiniemi", "text": "Tämä kohta puuttuu."},
    ], ensure_ascii=False), encoding="utf-8")
    ran = run_cli("import-statements", comments, "--round", "luonnos-2026", "--root", region, "--date", "2026-09-20")
    assert ran.returncode == 1
    assert "kommentit.json[2]: virhe: kohtaa ”HYTE-7” ei ole sopimuksessa" in ran.stderr
    assert "kommentit.json[1]: varoitus: kohtaa ei ole annettu" in ran.stderr
    data = json.loads(comments.read_text(encoding="utf-8"))
    comments.write_text(json.dumps(data[:2], ensure_ascii=False), encoding="utf-8")
    ran = run_cli("import-statements", comments, "--round", "luonnos-2026", "--root", region, "--date", "2026-10-20")
    assert ran.returncode == 1 and "kommentit.json[0]: virhe: lausunto on päivätty 2026-10-20" in ran.stderr
    ran = run_cli("import-statements", comments, "--round", "luonnos-2026", "--root", region, "--date", "2026-09-20")
    assert ran.returncode == 0, ran.stderr
    new = yaml.safe_load((region / ROUNDS).read_text(encoding="utf-8"))["consultations"][0]["statements"][14:]
    assert new == [{"id": "L15", "date": "2026-09-20", "item": "HYTE-1-T1", "party": "kuusiniemi",
                    "text": "Liikuntaneuvojan resurssi ei riitä."},
                   {"id": "L16", "date": "2026-09-20", "party": "kuusiniemi", "text": "Hyvä kokonaisuus."}]


def test_import_needs_a_round(region):
    ran = run_cli("import-statements", FIXTURE / "lomake.csv", "--round", "kevat-2027", "--root", region)
    assert ran.returncode == 2 and "lausuntokierrosta ”kevat-2027” ei ole tiedostossa agreement/consultations.yaml " \
                                   "(kierrokset: luonnos-2026, muutos-2026)" in ran.stderr


@pytest.mark.slow
def test_statements_stay_text_on_the_site(region, tmp_path):
    """A statement is untrusted: markup in it is shown as the characters it is."""
    path = region / ROUNDS
    hostile = '<script>alert(1)</script> **lihava** [linkki](javascript:alert(1)) <img src=x onerror=alert(1)>'
    path.write_text(path.read_text(encoding="utf-8").replace(
        "text: Mittari kertoo vain aikuisista. Seuratkaa myös lasten liikkumista Move!-mittauksilla.",
        "text: '" + hostile + "'"), encoding="utf-8")
    out = tmp_path / "out"
    ran = run_cli("site", "--root", region, "--out", out)
    assert ran.returncode == 0, ran.stderr
    body = article(out / "site", ROUND)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; **lihava** [linkki](javascript:alert(1)) &lt;img src=x " \
           "onerror=alert(1)&gt;" in body
    assert "<script>alert" not in body and "<img src=x" not in body and "<strong>lihava" not in body
    summary = run_cli("statements", "--root", region, "--out", out)
    assert summary.returncode == 0
    document = zipfile.ZipFile(io.BytesIO((out / "rannikkoseutu-2026-lausuntoyhteenveto-fi.docx").read_bytes()))
    assert "&lt;script&gt;alert(1)&lt;/script&gt; **lihava** [linkki](javascript:alert(1))" in \
        document.read("word/document.xml").decode()


def _codes(ran, file: str | None = None) -> list[tuple[int, str]]:
    """(line, code) of a command's problems reported as JSON (of one file)."""
    return [(p["line"], p["code"]) for p in json.loads(ran.stdout) if file is None or p["file"] == file]


def test_problems_by_their_codes(consulted, region, tmp_path):
    """What validate and import-statements report, by code (the messages are pinned above and in the corpus)."""
    ran = run_cli("validate", "--root", consulted["root"], "--format", "json")
    assert _codes(ran) == [(173, "consultation_unanswered")]
    ran = run_cli("import-statements", FIXTURE / "lomake.csv", "--round", "luonnos-2026", "--root", region,
                  "--format", "json")
    assert _codes(ran, "lomake.csv") == [(1, "statements_column_ignored"), (1, "statements_column_personal"),
                           (1, "statements_column_personal"), (6, "statements_row_no_item"),
                           (7, "statements_row_private"), (8, "statements_row_no_text"), (9, "statements_row_language"),
                           (10, "statements_row_duplicate")]
    form = tmp_path / "lomake.csv"
    form.write_text("Päivämäärä,Organisaatio,Kohta,Lausunto\n1.13.2026,Testiyhdistys ry,HYTE-1,Hyvä.\n", encoding="utf-8")
    ran = run_cli("import-statements", form, "--round", "luonnos-2026", "--root", region, "--format", "json")
    assert _codes(ran) == [(2, "statements_row_date")]
    form.write_text("Päivämäärä,Kohta\n10.9.2026,HYTE-1\n", encoding="utf-8")
    ran = run_cli("import-statements", form, "--round", "luonnos-2026", "--root", region, "--format", "json")
    assert _codes(ran) == [(1, "statements_column_missing")] * 2
    path = region / ROUNDS
    path.write_text(path.read_text(encoding="utf-8").replace(consulted["draft"][:12], "fedcba9876543210"),
                    encoding="utf-8")
    assert ("consultation_unknown_version" in
            [code for _, code in _codes(run_cli("validate", "--root", region, "--format", "json"))])
    # a round named like the page that lists the rounds
    path.write_text(path.read_text(encoding="utf-8").replace("- id: muutos-2026", "- id: index"), encoding="utf-8")
    assert "reserved_id" in [code for _, code in _codes(run_cli("validate", "--root", region, "--format", "json"))]


def test_the_editor_guide_describes_a_round_from_start_to_responses(consulted):
    from cooperation.imports.import_statements import HEADINGS, _fields
    guide = (Path(__file__).resolve().parent.parent / "cooperation" / "resources" / "site" / "docs" / "ohje.md") \
        .read_text(encoding="utf-8")
    section = guide[guide.index("## Lausuntokierros"):guide.index("## Olemassa olevan sopimuksen kirjaaminen")]
    for step in ("**1. Kierroksen aloittaminen.**", "**2. Kierroksen aikana.**", "**3. Lausunnot sisään.**",
                 "**Yksityisyys.**", "**4. Vastineet ja muutokset.**", "**5. Mitä kuulimme – mitä teimme.**",
                 "**6. Yhteenveto päätösasiaan.**"):
        assert step in section
    for command in ("yhteistyosopimus fingerprint", "import-statements lomake.csv --round",
                    "import-statements out/kommentit.json", "yhteistyosopimus statements"):
        assert command in section
    # every heading the guide's table lists is one the import finds, and every kind of column is listed
    table = [line.split("|")[1:3] for line in section.splitlines() if line.startswith("| ") and "---" not in line][1:]
    listed = {}
    for _what, headings in table:
        for heading in re.sub(r"\([^)]*\)", "", headings).split(","):
            heading = heading.strip()
            if heading:
                listed[heading] = _fields(heading)
    assert None not in listed.values(), listed
    assert set(listed.values()) == set(HEADINGS)
    # the guide is a page of the site, its examples valid against the schema's words
    assert "Lausuntokierros: lausunnot, vastineet ja yhteenveto" in read(consulted["site"], "ohje/").content

"""The website built for real with MkDocs from the example, read back as HTML."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
import yaml
from helpers import MINIMAL, REPO, copy_root, run_cli
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from cooperation.i18n import labels as L
from cooperation.pipeline import load
from cooperation.schemas import SCHEMA_DIR

# its subject is not Word's layout or the PDF: built without LibreOffice (conftest.py)
pytestmark = pytest.mark.usefixtures("libreoffice_off")


class Page(HTMLParser):
    """Text, links, ids, tags and attributes of one HTML page."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.tags: list[tuple[str, dict]] = []
        self._skip = 0
        self._joined = False  # after <wbr>: the text goes on without a space (a fingerprint's groups)
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "wbr":
            self._joined = True
            return
        if "id" in attributes:
            self.ids.add(attributes["id"])
        for key in ("href", "src"):
            if attributes.get(key):
                self.links.append(attributes[key])
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            if self._joined and self.text:
                self.text[-1] += data
            else:
                self.text.append(data)
        self._joined = False

    @property
    def content(self) -> str:
        return " ".join(" ".join(self.text).split())


def read(site: Path, url_path: str) -> Page:
    path = site / url_path
    if path.is_dir() or url_path.endswith("/") or url_path == "":
        path = path / "index.html"
    return Page(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def model():
    return load(REPO)[0]


@pytest.mark.parametrize("lang, prefix", [("fi", ""), ("sv", "sv/")])
@pytest.mark.slow
def test_every_goal_action_and_indicator_on_its_subarea_page(example_site, model, lang, prefix):
    for subarea in model.subareas:
        page = read(example_site, f"{prefix}osa-alueet/{subarea.id}/")
        text = page.content
        assert " ".join(subarea.title.get(lang).split()) in text
        for goal in subarea.goals:
            assert goal.id in text and " ".join(goal.title.get(lang).split()) in text
            for action in goal.actions:
                assert action.id in text and " ".join(action.title.get(lang).split()) in text
            for indicator in goal.indicators:
                assert indicator.id in text and " ".join(indicator.name.get(lang).split()) in text
                chart = next(a for t, a in page.tags if t == "img" and a.get("id") == f"chart-{indicator.id.lower()}")
                assert chart["alt"].startswith(("Lähtötaso", "Utgångsnivå"))  # the text alternative
                svg = (example_site / prefix / "osa-alueet" / subarea.id / chart["src"]).resolve()
                assert svg.read_text(encoding="utf-8").startswith("<svg") and f"{indicator.id}:" in svg.read_text()


@pytest.mark.parametrize("lang, prefix", [("fi", ""), ("sv", "sv/")])
def test_every_party_has_a_page_with_its_commitments(example_site, model, lang, prefix):
    for party in model.parties:
        page = read(example_site, f"{prefix}osapuolet/{party.id}/")
        assert party.name.get(lang) in page.content and party.business_id in page.content
        for action in model.actions:
            if party.id in action.responsible:
                assert action.id in page.content
        for signatory in party.signatories:
            assert signatory.name in page.content
        for decision in party.decisions:
            assert f"§ {decision.section}" in page.content
    index = read(example_site, f"{prefix}osapuolet/")
    assert all(p.name.get(lang) in index.content for p in model.parties)


def test_pages_are_in_their_language(example_site):
    assert '<html lang="fi"' in (example_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="sv"' in (example_site / "sv" / "index.html").read_text(encoding="utf-8")
    assert "Sök" in read(example_site, "sv/").content or "Sök" in (example_site / "sv/index.html").read_text()
    assert "Ansvarsmatris" in read(example_site, "sv/vastuumatriisi/").content
    fi_home = (example_site / "index.html").read_text(encoding="utf-8")
    assert 'hreflang="sv"' in fi_home and 'href="/sv/"' in fi_home


@pytest.mark.slow
def test_every_internal_link_resolves(example_site):
    pages = sorted(example_site.rglob("*.html"))
    assert len(pages) > 60
    cache: dict[Path, Page] = {}

    def parsed(path: Path) -> Page:
        if path not in cache:  # each page parsed once (setdefault would parse it on every link)
            cache[path] = Page(path.read_text(encoding="utf-8"))
        return cache[path]
    checked = 0
    for path in pages:
        page = parsed(path)
        base = "http://site/" + path.relative_to(example_site).as_posix()
        for link in page.links:
            url = urlparse(urljoin(base, link))
            if url.scheme in ("mailto",) or url.netloc != "site":
                continue
            target = example_site / unquote(url.path.lstrip("/"))
            if url.path.endswith("/") or target.is_dir():
                target = target / "index.html"
            assert target.is_file(), f"{path.relative_to(example_site)}: broken link {link}"
            if url.fragment and target.suffix == ".html":
                other = parsed(target)
                assert unquote(url.fragment) in other.ids, f"{path.relative_to(example_site)}: no #{url.fragment} in {link}"
            checked += 1
    assert checked > 1000


def test_home_page_tells_what_why_who_and_how_it_is_going(example_site, model):
    text = read(example_site, "").content
    from cooperation.model import statements
    state = model.version_state
    status = f"{statements.agreement_status(state, 'fi')}, versio {model.version}"
    for expected in ("Sopimus lyhyesti", "Tunnusluvut", status, "1.6.2025–31.5.2029",
                     f"{model.fingerprint[:12]}…", f"{len(model.goals)} tavoitetta", "Viimeisin muutos"):
        assert expected in text
    # the example was amended after four approvals of its draft 0.9: the home page says they are of an earlier text
    again = sum(1 for p in state.signing if state.standing(p, state.current).state == "earlier")
    assert again and f"{again} osapuolen hyväksyntä koskee aiempaa tekstiä" in text
    # the whole fingerprint, jargon to residents, is on the downloads page, which the home page links to
    assert model.fingerprint not in text
    assert model.fingerprint in read(example_site, "lataukset/").content


@pytest.mark.parametrize("prefix, words", [
    ("", {"achieved": "tavoite saavutettu", "on_track": "edistyy tavoitteen mukaan",
          "acceleration_needed": "edistyy, vauhtia tarvitaan lisää", "limited_progress": "edistyy vähän",
          "deterioration": "heikentynyt", "insufficient_data": "ei riittävästi tietoa"}),
    ("sv/", {"achieved": "målet uppnått", "on_track": "framskrider enligt målet",
             "acceleration_needed": "framsteg, takten måste öka", "limited_progress": "små framsteg",
             "deterioration": "försämrats", "insufficient_data": "otillräckliga uppgifter"})])
def test_home_page_counts_every_indicator_status(example_site, model, prefix, words):
    page = read(example_site, prefix)
    assert "lataukset/#fingerprint" in page.links
    counts = {code: sum(1 for i in model.indicators if i.status.code == code) for code in words}
    assert sum(counts.values()) == len(model.indicators)
    for code, word in words.items():
        assert f"{counts[code]} {word} " in page.content + " "


def test_indicators_page_states_the_status_rule_and_cites_sotkanet(example_site, model):
    page = read(example_site, "mittarit/")
    assert "Miten tila lasketaan" in page.content and "Open SDG" in page.content
    for indicator in model.indicators:
        assert indicator.id in page.content
    # the citation is on the indicator's own page (the overview is short: tests/test_site_indicators.py)
    cited = next(i for i in model.indicators if i.sotkanet == 3127)
    own = read(example_site, f"mittarit/{cited.id.lower()}/")
    assert "https://sotkanet.fi/sotkanet/fi/metadata/indicators/3127" in own.links
    assert "Tilasto- ja indikaattoripankki Sotkanet. Terveyden ja hyvinvoinnin laitos." in own.content


def test_progress_rule_in_both_languages_and_levels_per_area(example_site, model):
    """The rule names Open SDG's thresholds on both sites; each area's row of values carries its own level."""
    assert "vähintään 95 % tarvittavasta" in read(example_site, "mittarit/").content
    assert "minst 95 % av den som behövs" in read(example_site, "sv/mittarit/").content
    indicator = next(i for i in model.indicators if len(i.measured_areas) > 1)
    subarea = next(s for s in model.subareas if indicator in [i for g in s.goals for i in g.indicators])
    page = read(example_site, f"osa-alueet/{subarea.id}/")
    badges = [a.get("class", "") for tag, a in page.tags if tag == "span" and "badge indicator-" in a.get("class", "")]
    for area in indicator.measured_areas:
        assert f"badge indicator-{indicator.progress(area).code}" in badges
    levels = {indicator.progress(a).code for a in indicator.measured_areas}
    assert len(levels) > 1, "the example should show areas at different levels"


def test_values_are_shown_with_their_own_unit(example_site, model):
    assert {"square_metres", "hours"} <= {i.unit for i in model.indicators}, "the example shows both"
    for subarea in model.subareas:
        for indicator in (i for g in subarea.goals for i in g.indicators if i.unit in ("square_metres", "hours")):
            symbol = {"square_metres": "m²", "hours": "h"}[indicator.unit]
            latest = indicator.status.latest
            assert latest, indicator.id
            shown = " ".join(f"{L.number(latest.value, indicator.decimals, 'fi')} {symbol}".split())
            assert shown in read(example_site, f"osa-alueet/{subarea.id}/").content, (indicator.id, shown)


def test_matrix_forums_cycle_and_calendar(example_site, model):
    matrix = read(example_site, "vastuumatriisi/")
    assert all(p.name.get("fi") in matrix.content for p in model.parties)
    forums = read(example_site, "foorumit/")
    assert all(f.name.get("fi") in forums.content for f in model.forums)
    assert "cycle-title" in forums.ids
    ics = (example_site / "lataukset" / "vuosikello-fi.ics").read_bytes().decode("utf-8")
    assert ics.startswith("BEGIN:VCALENDAR\r\n") and ics.count("BEGIN:VEVENT") >= 10
    assert "SUMMARY:HYTE-neuvottelu" in ics and "RRULE:FREQ=YEARLY;UNTIL=20291231" in ics
    assert all(len(line.encode()) <= 75 for line in ics.split("\r\n"))


def test_open_data_files(example_site, model):
    downloads = read(example_site, "lataukset/")
    for name in (f"{model.id}-fi.docx", f"{model.id}-sv.docx", f"{model.id}-tyokirja.xlsx", f"{model.id}.json", "mittaustulokset.csv",
                 "schema/bundle.schema.json", "schema/subarea.schema.json"):
        assert name in downloads.links
        assert (example_site / "lataukset" / name).is_file()
    bundle = json.loads((example_site / "lataukset" / f"{model.id}.json").read_text(encoding="utf-8"))
    registry = Registry().with_resources(
        (p.name, Resource.from_contents(json.loads(p.read_text(encoding="utf-8")))) for p in SCHEMA_DIR.glob("*.json"))
    schema = json.loads((SCHEMA_DIR / "bundle.schema.json").read_text(encoding="utf-8"))
    errors = list(Draft202012Validator(schema, registry=registry).iter_errors(bundle))
    assert errors == []
    assert bundle["fingerprint"] == model.fingerprint
    assert len(bundle["measurements"]) == sum(len(i.measurements) for i in model.indicators)
    csv_lines = (example_site / "lataukset" / "mittaustulokset.csv").read_text(encoding="utf-8").splitlines()
    assert csv_lines[0] == "indicator,area,year,value,note" and len(csv_lines) == len(bundle["measurements"]) + 1


def test_format_reference_and_accessibility_statement(example_site):
    reference = read(example_site, "tietomuoto/")
    assert "goals[].actions[].responsible" in reference.content and "Vastuutahot" in reference.content
    # the schemas' texts are text: "<tunniste>" is read, not taken for a tag
    assert "tiedosto subareas/<tunniste>.yaml" in reference.content
    assert "tunniste" not in {tag for tag, _ in reference.tags}
    for prefix, words in (("", "Saavutettavuusseloste"), ("sv/", "Tillgänglighetsutlåtande")):
        page = read(example_site, f"{prefix}saavutettavuus/")
        assert words in page.content and "WCAG 2.1" in page.content and "306/2019" in page.content


def test_pages_link_to_their_yaml_for_editing(example_site):
    hyte = read(example_site, "osa-alueet/hyte/")
    assert "https://github.com/rannikkoseutu/yhteistyosopimus/edit/main/subareas/hyte.yaml" in hyte.links
    party = read(example_site, "osapuolet/kuusiniemi/")
    assert "https://github.com/rannikkoseutu/yhteistyosopimus/edit/main/agreement/parties.yaml" in party.links


EDIT = "https://github.com/rannikkoseutu/yhteistyosopimus/edit/main/"


def test_indicators_and_party_pages_link_to_the_files_their_rows_come_from(example_site, model):
    from cooperation.load.sources import load_sources
    files = {}  # indicator → the measurements/*.csv its values are in, as the loader read them
    for row in load_sources(REPO).measurements:
        files.setdefault(row.indicator, set()).add(row.file)
    for prefix in ("", "sv/"):
        indicators = read(example_site, f"{prefix}mittarit/")
        for s in model.subareas:
            ids = [i.id for g in s.goals for i in g.indicators]
            if ids:
                assert EDIT + s.file in indicators.links
            for f in {f for i in ids for f in files.get(i, ())}:
                assert EDIT + f in indicators.links
    assert EDIT + "measurements/hyte.csv" in read(example_site, "mittarit/").links
    for party in model.parties:
        page = read(example_site, f"osapuolet/{party.id}/")
        with_actions = [s.file for s in model.subareas
                        if any(party.id in a.responsible_set for g in s.goals for a in g.actions)]
        assert with_actions and all(EDIT + f in page.links for f in with_actions)


def test_editor_guide_has_the_yearly_update(example_site):
    guide = read(example_site, "ohje/").content
    assert "Vuosittainen seurantapäivitys" in guide
    assert "Muokkaa mittaustuloksia GitHubissa" in guide and "status_reason" in guide


def test_no_third_party_requests_in_pages(example_site):
    for path in example_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
        for tag in re.findall(r"<(?:script|link|img)\b[^>]*>", html):
            for url in re.findall(r'(?:src|href)="([^"]+)"', tag):
                assert not url.startswith(("http://", "https://", "//")), (path, tag)


HOSTILE_TITLE = '<script>alert("x")</script><img src=x onerror=alert(1)> *tähdet* & {{ x }} </title><script>alert(9)</script>'
HOSTILE_MD = ('Kuvaus <script>alert(2)</script> <img src=x onerror="alert(3)"> <iframe src="https://evil.example"></iframe> '
              '[klikkaa](javascript:alert(4)) [ok](https://example.org/ok) <a href="javascript:alert(5)">a</a> '
              '<div onclick="alert(6)">**lihavoitu**\n\n<b>avoin tagi')


@pytest.mark.slow
def test_hostile_text_is_inert(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "root")
    hyte = root / "subareas" / "hyte.yaml"
    data = yaml.safe_load(hyte.read_text(encoding="utf-8"))
    data["title"] = HOSTILE_TITLE
    data["goals"][0]["title"] = HOSTILE_TITLE
    data["goals"][0]["description"] = HOSTILE_MD
    data["goals"][0]["actions"][0]["title"] = HOSTILE_TITLE
    data["responsible_persons"][0]["name"] = "<svg onload=alert(7)>"
    hyte.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    parties = root / "agreement" / "parties.yaml"
    parties.write_text(parties.read_text(encoding="utf-8").replace("name: Alfan kunta", "name: '<b onmouseover=alert(8)>Alfa</b>'"),
                       encoding="utf-8")
    done = run_cli("site", "--root", root, "--out", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    site = tmp_path / "out" / "site"
    page = read(site, "osa-alueet/hyte/")
    assert '<script>alert("x")</script>' in page.content  # shown as text
    assert "*tähdet*" in page.content and "{{ x }}" in page.content
    assert "lihavoitu" in page.content
    for path in site.rglob("*.html"):
        parsed = Page(path.read_text(encoding="utf-8"))
        for tag, attributes in parsed.tags:
            assert tag not in ("iframe", "img") or "evil" not in attributes.get("src", ""), path
            assert not any(name.startswith("on") for name in attributes), (path, tag, attributes)
            for key in ("href", "src"):
                assert not attributes.get(key, "").lower().startswith("javascript:"), (path, tag, attributes)
            if tag == "script":
                assert "alert" not in str(attributes)
        html = path.read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<svg onload" not in html
    assert "https://example.org/ok" in page.links
    assert ("strong", {}) in page.tags  # Markdown formatting still works


def test_failed_build_leaves_the_previous_site_in_place(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "root")
    out = tmp_path / "out"
    build = ("site", "--root", root, "--out", out)
    assert run_cli(*build).returncode == 0
    before = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    marker = (out / "site" / "index.html").read_bytes()
    (root / "subareas" / "hyte.yaml").write_text("id: hyte\ntitle: [\n", encoding="utf-8")
    failed = run_cli(*build)
    assert failed.returncode == 1 and "subareas/hyte.yaml:3:1" in failed.stderr
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == before
    assert (out / "site" / "index.html").read_bytes() == marker


def test_plain_mkdocs_build_uses_the_plugin(tmp_path):
    """`mkdocs build` (and so `mkdocs serve`) generates the pages by itself."""
    env = dict(os.environ, AGREEMENT_ROOT=str(MINIMAL), NO_MKDOCS_2_WARNING="1")
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(REPO / "mkdocs.yml"),
                           "-d", str(tmp_path / "site")], capture_output=True, text=True, env=env, timeout=600, cwd=REPO)
    assert done.returncode == 0, done.stderr
    assert "Toimenpide HYTE-1-T1" in read(tmp_path / "site", "osa-alueet/hyte/").content


def test_feed_stays_xml_with_control_characters_in_a_commit_message(tmp_path):
    import xml.etree.ElementTree as ET

    from cooperation.changes.history import load_history
    from cooperation.load.sources import load_sources
    from cooperation.outputs.site.pages import Site

    root = copy_root(MINIMAL, tmp_path / "root")
    env = dict(os.environ, GIT_AUTHOR_NAME="Testi", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="Testi",
               GIT_COMMITTER_EMAIL="t@example.org")

    def git(*args):
        subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)
    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-q", "-m", "Ensimmäinen luonnos")
    values = root / "measurements" / "values.csv"
    values.write_text(values.read_text(encoding="utf-8") + "HYTE-1-M1,alfa,2025,12,\n", encoding="utf-8")
    message = tmp_path / "message.txt"
    message.write_bytes("Päivitä\x01 mittarit\x0b \x1b[31mpunainen\x1b[0m \x7f ok\n".encode())
    git("commit", "-q", "-a", "-F", str(message))
    model, _ = load(root)
    history = load_history(root, load_sources(root))
    assert history is not None and len(history.entries) >= 1
    for lang in model.languages:
        site = Site(model, lang, history=history)
        site.build()
        feed = ET.fromstring(site.assets[f"historia/muutokset-{lang}.xml"])
        # the commit message (the pull request's title) follows the summary, in each entry's content
        contents = [e.findtext("{http://www.w3.org/2005/Atom}content") for e in feed.iter("{http://www.w3.org/2005/Atom}entry")]
        assert any("Päivitä mittarit" in t and "punainen" in t for t in contents), contents


class _Regions(HTMLParser):
    """Each <table> with the attributes of its parent element."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.tables: list[tuple[dict, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append((dict(attrs), self.stack[-1][1] if self.stack else {}))
        if tag not in ("br", "img", "input", "meta", "link", "hr", "wbr", "source", "col", "area", "base"):
            self.stack.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break


def test_every_table_is_a_labelled_focusable_region(example_site):
    """Whether a table overflows depends on fonts and the screen: every table sits in a focusable,
    labelled scroll container, and none is left for the theme's script to wrap in an unfocusable one."""
    tables = 0
    for path in example_site.rglob("*.html"):
        for table, parent in _Regions(path.read_text(encoding="utf-8")).tables:
            where = (path.relative_to(example_site).as_posix(), table, parent)
            assert "class" in table, where  # Material wraps table:not([class]) again
            assert "table-wrap" in parent.get("class", "").split(), where
            assert parent.get("role") == "region" and parent.get("tabindex") == "0", where
            assert parent.get("aria-label", "").strip(), where
            tables += 1
    assert tables > 0
    reference = _Regions((example_site / "tietomuoto" / "index.html").read_text(encoding="utf-8")).tables
    assert reference and len({parent["aria-label"] for _, parent in reference}) > 1  # each by its own heading


def test_what_the_run_shares_is_made_with_page_numbers_and_pdfs(tmp_path_factory):
    """This module builds without LibreOffice (conftest.libreoffice_off); what the whole run shares (the example's site,
    the example amended) is made with it, whichever module asks for it first (conftest.once_per_run)."""
    from conftest import once_per_run

    from cooperation import libreoffice
    assert libreoffice.turned_off()
    assert once_per_run(tmp_path_factory, "libreoffice-probe", lambda: {"off": str(libreoffice.turned_off())}) == \
        {"off": "False"}
    assert libreoffice.turned_off()
    with pytest.MonkeyPatch.context() as patch:  # and what is shared without it, also when a module with it asks
        patch.delenv(libreoffice.SWITCH)
        assert once_per_run(tmp_path_factory, "libreoffice-off-probe", lambda: {"off": str(libreoffice.turned_off())},
                            with_libreoffice=False) == {"off": "True"}
        assert not libreoffice.turned_off()

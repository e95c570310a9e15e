"""Swedish readers: the language switch keeps the page, and Swedish pages carry no Finnish."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import REPO
from test_site import Page, read

from cooperation.pipeline import load


@pytest.fixture(scope="module")
def model():
    return load(REPO)[0]


def _switch_links(path: Path) -> dict[str, str]:
    page = Page(path.read_text(encoding="utf-8"))
    return {attrs["hreflang"]: attrs["href"] for tag, attrs in page.tags
            if tag == "a" and "hreflang" in attrs and "md-select__link" in (attrs.get("class") or "")}


def test_language_switch_keeps_the_page(example_site):
    pages = [p for p in sorted(example_site.rglob("index.html"))]
    assert len(pages) > 60
    for path in pages:
        relative = path.parent.relative_to(example_site).as_posix()
        url = "" if relative == "." else relative + "/"
        same = url[3:] if url.startswith("sv/") else url
        links = _switch_links(path)
        assert links == {"fi": "/" + same, "sv": "/sv/" + same}, f"{url}: {links}"
        for link in links.values():
            assert (example_site / link.lstrip("/") / "index.html").is_file(), f"{url}: {link} does not exist"
    assert _switch_links(example_site / "osa-alueet" / "hyte" / "index.html")["sv"] == "/sv/osa-alueet/hyte/"
    assert _switch_links(example_site / "sv" / "osa-alueet" / "hyte" / "index.html")["fi"] == "/osa-alueet/hyte/"


# unmistakably Finnish words (checked as whole words, any case) that no Swedish sentence holds
FINNISH = ["ja", "sivu", "sivua", "kunta", "kunnan", "kunnat", "hyvinvointialue", "hyvinvointialueen", "tavoite",
           "tavoitteet", "mittari", "mittarit", "toimenpide", "toimenpiteet", "vastuutaho", "vastuutahot", "osapuoli",
           "osapuolet", "sopimus", "sopimuksen", "lähde", "päivitetty", "vuosi", "tila", "käynnissä", "valmis",
           "suunniteltu", "viivästynyt", "peruttu", "luonnos", "allekirjoitettava", "lataukset", "tai", "on", "ei",
           "että", "tämä", "tästä", "katso", "lisää", "yhteensä", "muutos", "muutokset", "muuttui", "vuonna",
           "säädösperusta", "laki"]


class Visible(HTMLParser):
    """The text a reader sees or hears (text, alt, title, aria-label), leaving out what is marked lang="fi"."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self._stack: list[tuple[str, bool]] = []
        self.feed(html)

    def _finnish(self) -> bool:
        return any(finnish for _, finnish in self._stack)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in ("br", "img", "input", "meta", "link", "hr", "source", "wbr", "col", "area", "base", "embed"):
            if not self._finnish():
                self.text += [attributes.get(k) or "" for k in ("alt", "title", "aria-label", "placeholder")]
            return
        finnish = attributes.get("lang") == "fi" or attributes.get("hreflang") == "fi" or tag in ("script", "style")
        self._stack.append((tag, finnish))
        if not self._finnish():
            self.text += [attributes.get(k) or "" for k in ("title", "aria-label")]

    def handle_endtag(self, tag):
        if any(open_tag == tag for open_tag, _ in self._stack):  # a stray end tag closes nothing
            while self._stack.pop()[0] != tag:
                pass

    def handle_data(self, data):
        if not self._finnish():
            self.text.append(data)


def _identifiers(model) -> set[str]:
    """Ids and file names are not text: "saaristokunta" is a party's id, "vuosikello-sv.ics" a file."""
    ids = {model.id} | {p.id for p in model.parties} | {s.id for s in model.subareas} | {f.id for f in model.forums}
    ids |= {e.id for e in model.annual_cycle} | {s.code for s in model.subareas if s.code}
    return {i.lower() for i in ids}


def test_swedish_pages_hold_no_finnish(example_site, model):
    ids = _identifiers(model)
    found: list[str] = []
    # the pages and the charts (their text, titles and descriptions); assets/ holds the Finnish-only guide's diagram
    charts = sorted((example_site / "sv" / "kaaviot").glob("*.svg"))
    assert charts
    for path in sorted((example_site / "sv").rglob("*.html")) + charts:
        text = " ".join(Visible(path.read_text(encoding="utf-8")).text)
        tokens = [t for t in re.split(r"\s+", text) if t and t.lower().strip(".,:;()”\"'") not in ids
                  and not re.search(r"\.(ics|csv|json|xlsx|docx|pdf|yaml)\b", t)]
        words = re.findall(r"[a-zåäöA-ZÅÄÖ-]+", " ".join(tokens))
        lower = [w.lower() for w in words]
        for i, w in enumerate(lower):
            if w in FINNISH:
                found.append(f"{path.relative_to(example_site).as_posix()}: {w!r} in “{' '.join(words[max(0, i - 5):i + 5])}”")
    assert found == [], "\n".join(found[:40])


def test_finnish_only_pages_say_so_in_swedish(example_site):
    for url in ("sv/ohje/", "sv/tietomuoto/"):
        html = (example_site / url / "index.html").read_text(encoding="utf-8")
        assert '<div class="admonition note" lang="sv"><p>Den här sidan finns endast på finska.' in html
        assert '<div lang="fi">' in html
        assert "finns endast på finska" in read(example_site, url).content
    assert "finns endast på finska" not in read(example_site, "ohje/").content
    assert "finns endast på finska" not in read(example_site, "sv/mittarit/").content


def test_sotkanet_links_open_the_readers_language(example_site):
    fi = [link for link in read(example_site, "osa-alueet/hyte/").links if "sotkanet.fi" in link]
    sv = [link for link in read(example_site, "sv/osa-alueet/hyte/").links if "sotkanet.fi" in link]
    assert fi and sv and len(fi) == len(sv)
    assert all(link.startswith("https://sotkanet.fi/sotkanet/fi/") for link in fi)
    assert all(link.startswith("https://sotkanet.fi/sotkanet/sv/") for link in sv)


def test_legal_sections_in_swedish(example_site):
    assert "6 ja 7 §" in read(example_site, "saadosperusta/").content
    text = read(example_site, "sv/saadosperusta/").content
    assert "6 och 7 §" in text and "6 ja 7 §" not in text
    assert "6 och 7 §" in read(example_site, "sv/osa-alueet/hyte/").content

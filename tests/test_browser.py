"""A real headless Chromium (Debian's, driven by Playwright) against the built site, with axe-core."""
from __future__ import annotations

import pytest
from helpers import REPO
from helpers import require_browser as _require

AXE = REPO / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = REPO / "test-artifacts"


class Watch:
    """Console errors, failed requests and HTTP errors of one page."""

    def __init__(self, page):
        self.problems: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.problems.append(f"console: {m.text}"))
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        page.on("requestfailed", lambda r: self.problems.append(f"failed: {r.url} {r.failure}"))
        page.on("response", lambda r: r.status >= 400 and self.problems.append(f"HTTP {r.status}: {r.url}"))


def test_resident_reads_searches_and_switches_language(browser, served_site):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1, is_mobile=True,
                                  has_touch=True, locale="fi-FI")
    page = context.new_page()
    watch = Watch(page)
    page.goto(served_site, wait_until="networkidle")
    assert page.locator("h1").first.inner_text() == "Rannikkoseudun yhteistyösopimus"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "site-phone-home.png"), full_page=False)
    # a sub-area from the home page's list
    page.locator(".md-content a", has_text="1 Asukkaiden hyvinvoinnin ja terveyden edistäminen").first.click()
    page.wait_for_url("**/osa-alueet/hyte/")
    page.wait_for_load_state("networkidle")
    assert "HYTE-1-T1" in page.content()
    page.screenshot(path=str(ARTIFACTS / "site-phone-subarea.png"), full_page=False)
    # a party named in an action's responsible parties
    page.locator(".md-content table a", has_text="Kuusiniemen kaupunki").first.click()
    page.wait_for_url("**/osapuolet/kuusiniemi/")
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").first.inner_text() == "Kuusiniemen kaupunki"
    # search in Finnish: a stemmed word finds pages
    page.goto(served_site, wait_until="networkidle")
    page.locator("label.md-search__icon, label[for='__search']").first.click()
    search = page.locator("input.md-search__input")
    search.press_sequentially("työllisyys", delay=40)  # typed, as the search listens to keys
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15000)
    assert results.count() >= 1
    assert "Työllisyyden hoito" in page.locator(".md-search-result").inner_text()
    # switch to Swedish with the language selector: the reader stays on the same page
    page.keyboard.press("Escape")
    page.goto(served_site + "osa-alueet/hyte/", wait_until="networkidle")
    page.locator(".md-header__option .md-select").first.hover()
    page.locator("a[hreflang='sv']").first.click()
    page.wait_for_url("**/sv/osa-alueet/hyte/")
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("lang") == "sv"
    assert "HYTE-1-T1" in page.content()
    # and back to Finnish on the same page
    page.locator(".md-header__option .md-select").first.hover()
    page.locator("a[hreflang='fi']").first.click()
    page.wait_for_url("**/osa-alueet/hyte/")
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("lang") == "fi" and "/sv/" not in page.url
    page.goto(served_site, wait_until="networkidle")
    page.locator(".md-header__option .md-select").first.hover()
    page.locator("a[hreflang='sv']").first.click()
    page.wait_for_url("**/sv/")
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.locator("h1").first.inner_text() == "Kustregionens samarbetsavtal"
    page.screenshot(path=str(ARTIFACTS / "site-phone-sv.png"), full_page=False)
    # a lazy chart still loading when the reader clicks on is cancelled by the browser, not broken
    assert [p for p in watch.problems if not p.endswith("net::ERR_ABORTED")] == []
    context.close()


# one page of every kind (sub-area and party pages share a layout each); see test_audit_covers_every_kind_of_page
PAGES = ["", "osa-alueet/", "osa-alueet/hyte/", "osa-alueet/saaristo/", "osapuolet/", "osapuolet/kuusiniemi/",
         "vastuumatriisi/", "mittarit/", "mittarit/hyte-1-m1/", "myohassa/", "foorumit/", "saadosperusta/", "pelisaannot/", "liitesopimukset/",
         "lataukset/", "tietomuoto/", "saavutettavuus/", "historia/", "historia/versiot/",
         "historia/allekirjoitetun-jalkeen/", "historia/hyvaksynnat/", "historia/2026/", "ohje/", "404.html"]
# whether a region scrolls depends on the width and the fonts installed: audit a phone and a desktop
VIEWPORTS = {
    "phone": {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 1, "is_mobile": True, "has_touch": True},
    "desktop": {"viewport": {"width": 1280, "height": 900}},
}
LANGUAGES = {"fi": "", "sv": "sv/"}


def _kind(path: str) -> str:
    """'osa-alueet/hyte/' → 'osa-alueet/*/': pages generated per item share one kind."""
    parts = path.split("/")
    if len(parts) == 3 and parts[0] == "historia" and parts[1].isdigit():  # a year's page of the record
        return "historia/*/"
    return f"{parts[0]}/*/" if len(parts) == 3 and parts[0] in ("osa-alueet", "osapuolet", "mittarit") else path


@pytest.mark.slow
def test_audit_covers_every_kind_of_page(example_site):
    audited = {_kind(p) for p in PAGES}
    for prefix in LANGUAGES.values():
        built = example_site / prefix
        kinds = {_kind(p.relative_to(built).as_posix()[: -len("index.html")]) for p in built.rglob("index.html")
                 if not p.relative_to(built).as_posix().startswith("sv/")} | {"404.html"}
        assert kinds <= audited, sorted(kinds - audited)


# only the violations come back from the page: axe's whole result (every rule's description, some 40 kB a page)
# crossed to Playwright and into Python for each page, a sixth of an audit's time
AXE_RULES = """async () => (await axe.run(document, {
    runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']}))
  .violations.map(v => ({id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map(n => n.target)}))"""


def serious_violations(page) -> list[str]:
    """axe-core's serious and critical WCAG 2.1 A/AA violations on the page as it is (axe loaded with the page:
    ``context.add_init_script(path=str(AXE))``), each with its first three places."""
    return [f"{v['id']} ({v['impact']}): {v['help']} – {v['targets']}"
            for v in page.evaluate(AXE_RULES) if v["impact"] in ("serious", "critical")]


def settle(page) -> None:
    """Wait for the page as its reader sees it: the theme's script has run by "load"; two frames let its observers
    settle."""
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


# where words must stay whole (issue 25.1): tables (cards on a phone), fact lists and the small charts' captions. A
# word is what stands between ordinary spaces (a no-break space joins); it is split when a Range over it has client
# rectangles on two lines (TECH-NOTES, turn 3)
SPLIT_WORDS = """(scope) => {
  const split = [];
  for (const root of document.querySelectorAll(scope)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.nodeValue.matchAll(/[^ \\t\\n\\r]+/g)) {
        if ([...m[0].replace(/[.,;:()”"'!?…]/g, '')].length < 4) continue;
        // a field path (goals[].actions[].status) or an address may break at its punctuation: the longest fit no
        // phone's column whole (the format reference's consultations[].statements[].response.pull_request)
        if (m[0].includes('://') || m[0].includes('[].')) continue;
        const range = document.createRange();
        range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
        const rects = [...range.getClientRects()].filter(r => r.width > 0 && r.height > 0);
        if (rects.length < 2) continue;
        const tops = rects.map(r => r.top);
        if (Math.max(...tops) - Math.min(...tops) > rects[0].height / 2) split.push(m[0]);
      }
    }
  }
  return split;
}"""
SCOPE = ".md-content table, .md-content dl.facts, .md-content figure.small-multiples li, .md-content ul.figures"
# on a phone: tables that scroll sideways in their box, and cells outside the screen
HIDDEN_CELLS = """(width) => [
  [...document.querySelectorAll('.md-content .table-wrap')].filter(w => w.scrollWidth > w.clientWidth + 1)
    .map(w => w.getAttribute('aria-label')),
  [...document.querySelectorAll('.md-content table td, .md-content table tbody th')]
    .filter(c => { const r = c.getBoundingClientRect(); return r.width > 0 && (r.left < 0 || r.right > width); })
    .map(c => c.textContent.trim().slice(0, 40))]"""


def split_words(page) -> list[str]:
    return page.evaluate(SPLIT_WORDS, SCOPE)


@pytest.fixture(scope="module")
def walked(browser, served_pages):
    """``walk(lang, width)``: every kind of page (PAGES) in one language at one width opened once, and what each
    check found on each page: axe-core's serious violations, the words split in tables and cards, on a phone the
    cells off the screen; and the console errors and failed requests. Each check is a test of its own below, reading
    one walk: a walk per check opened every page two or three times."""
    walks: dict[tuple[str, str], dict] = {}

    def walk(lang: str, width: str) -> dict:
        if (lang, width) not in walks:
            walks[lang, width] = _walk(browser, served_pages, lang, width)
        return walks[lang, width]
    return walk


def _walk(browser, address: str, lang: str, width: str) -> dict:
    _require(AXE.exists(), "axe-core is missing: npm ci --prefix tests/browser")
    context = browser.new_context(**VIEWPORTS[width])
    context.add_init_script(path=str(AXE))  # loaded with every page, not injected after it
    page = context.new_page()
    watch = Watch(page)
    found: dict = {"axe": {}, "split": {}, "hidden": {}}  # each by page
    pixels = VIEWPORTS[width]["viewport"]["width"]
    for path in PAGES:
        shown = LANGUAGES[lang] + path
        page.goto(address + shown, wait_until="load")
        settle(page)
        if path != "404.html":
            split = split_words(page)
            if split:
                found["split"][shown] = split[:10]
            wide, outside = page.evaluate(HIDDEN_CELLS, pixels) if width == "phone" else ([], [])
            if wide or outside:
                found["hidden"][shown] = (wide, outside[:5])
        serious = serious_violations(page)
        if serious:
            found["axe"][shown] = serious
        # a picture of every page kind at both sizes, for a person to review
        ARTIFACTS.mkdir(exist_ok=True)
        name = (path.strip("/").replace("/", "-").replace(".html", "") or "home")
        page.screenshot(path=str(ARTIFACTS / f"page-{width}-{lang}-{name}.png"), full_page=False)
    # not waiting for the network to settle, the next page cancels what the last one still loads (a lazy chart)
    found["problems"] = [p for p in watch.problems if not p.endswith("net::ERR_ABORTED")]
    context.close()
    return found


@pytest.mark.parametrize("width", sorted(VIEWPORTS))
@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_axe_finds_no_serious_violations(walked, lang, width):
    found = walked(lang, width)
    assert found["axe"] == {}
    assert found["problems"] == []


@pytest.mark.parametrize("width", sorted(VIEWPORTS))
@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_no_word_in_a_table_or_card_is_split(walked, lang, width):
    """In tables, fact lists and cards no word of four or more characters is split across two lines — ids
    ("HYTE-1-M1"), names ("Kuusiniemen kaupunki"), ranges ("2026–2028") and numbers ("1 000") included."""
    assert walked(lang, width)["split"] == {}


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_no_table_hides_cells_off_screen_at_390px(walked, lang):
    assert walked(lang, "phone")["hidden"] == {}


# the consultation rounds' pages and the notices they put on other pages (tests/consulting.py: a round closed, one open)
CONSULTATION_PAGES = ["lausunnot/", "lausunnot/luonnos-2026/", "lausunnot/muutos-2026/", "", "osa-alueet/hyte/",
                      "historia/"]


@pytest.mark.parametrize("width", sorted(VIEWPORTS))
@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_axe_on_the_consultation_pages(browser, served_consulted, lang, width):
    """axe-core finds nothing serious, and on a phone nothing runs off the side of the screen."""
    _require(AXE.exists(), "axe-core is missing: npm ci --prefix tests/browser")
    context = browser.new_context(**VIEWPORTS[width])
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    watch = Watch(page)
    found, wide = {}, {}
    for path in CONSULTATION_PAGES:
        page.goto(served_consulted + LANGUAGES[lang] + path, wait_until="load")
        settle(page)
        serious = serious_violations(page)
        if serious:
            found[LANGUAGES[lang] + path] = serious
        overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 0:
            wide[LANGUAGES[lang] + path] = overflow
        ARTIFACTS.mkdir(exist_ok=True)
        name = path.strip("/").replace("/", "-") or "home"
        page.screenshot(path=str(ARTIFACTS / f"consultation-{width}-{lang}-{name}.png"), full_page=False)
    assert found == {}
    assert wide == {}
    assert [p for p in watch.problems if not p.endswith("net::ERR_ABORTED")] == []
    context.close()

"""At 390 px the key facts of the action and indicator tables are on screen, without sideways scrolling (on every
kind of page no cell is off the screen: test_browser.py's walk, test_no_table_hides_cells_off_screen_at_390px)."""
from __future__ import annotations

import pytest
from test_browser import ARTIFACTS, LANGUAGES, VIEWPORTS, Watch

PHONE = VIEWPORTS["phone"]
# (page, CSS selector of the status badges it must show, screenshot name)
PAGES = [("osa-alueet/hyte/", ".md-content table .badge[class*='action-']", "subarea"),
         ("mittarit/", ".md-content table .badge[class*='indicator-']", "indicators")]


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
@pytest.mark.parametrize("path,badges,name", PAGES)
def test_status_of_every_row_is_on_screen_at_390px(browser, served_pages, lang, path, badges, name):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    watch = Watch(page)
    page.goto(served_pages + LANGUAGES[lang] + path, wait_until="networkidle")
    width = page.evaluate("() => document.scrollingElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways: {width} px"
    found = page.locator(badges)
    assert found.count() >= 3
    off_screen = []
    for i in range(found.count()):
        box = found.nth(i).bounding_box()
        if box is None or box["x"] < 0 or box["x"] + box["width"] > 390:
            off_screen.append((found.nth(i).inner_text(), box))
    assert off_screen == []
    # every stacked cell names its column: the heading text shows before the value
    cells = page.locator("table.stack td[data-label]")
    assert cells.count() >= found.count()
    label = page.evaluate("""() => getComputedStyle(document.querySelector('table.stack td[data-label]'),
                                                     '::before').content""")
    assert label.strip('"') == page.locator("table.stack td[data-label]").first.get_attribute("data-label")
    # screen readers still get a table: rows and cells keep their roles
    roles = page.evaluate("""() => { const t = document.querySelector('table.stack');
        return [t.getAttribute('role'), t.querySelector('tbody tr').getAttribute('role'),
                t.querySelector('tbody td').getAttribute('role')]; }""")
    assert roles == ["table", "row", "cell"]
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator("table.stack").first.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / f"site-phone-{name}-{lang}.png"), full_page=False)
    assert watch.problems == []
    context.close()


def test_matrix_names_do_not_break_mid_word(browser, served_pages):
    """Each party name's words in the matrix stay whole, even in Swedish (on a wide screen it may scroll sideways;
    on a phone each party is a card)."""
    for size in ({"width": 1280, "height": 900}, {"width": 390, "height": 844}):
        context = browser.new_context(viewport=size)
        page = context.new_page()
        for lang in LANGUAGES.values():
            page.goto(served_pages + lang + "vastuumatriisi/", wait_until="networkidle")
            broken = page.evaluate("""() => [...document.querySelectorAll('table.matrix tbody th a')].filter(a => {
                const range = document.createRange(); range.selectNodeContents(a);
                const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
                const words = a.textContent.trim().split(/[\\s-]+/).length;
                return lines.size > words; }).map(a => a.textContent)""")
            assert broken == [], (lang, size)
            if lang:
                ARTIFACTS.mkdir(exist_ok=True)
                page.locator("table.matrix").first.scroll_into_view_if_needed()
                page.screenshot(path=str(ARTIFACTS / f"site-matrix-sv-{size['width']}.png"), full_page=False)
        context.close()




@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_the_matrix_taps_reads_and_fits(browser, served_pages, lang):
    """Issue 32.4: each count a tap target of at least 24 × 24 px on a phone; the codes explained before the matrix;
    every column visible at 1280 px without scrolling sideways; the Swedish page's columns not Finnish codes."""
    from helpers import REPO

    from cooperation.pipeline import load
    model = load(REPO)[0]
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(served_pages + LANGUAGES[lang] + "vastuumatriisi/", wait_until="load")
    sizes = page.evaluate("""() => [...document.querySelectorAll('table.matrix td a')].map(a => {
        const r = a.getBoundingClientRect(); return [r.width, r.height]; })""")
    assert sizes and min(w for w, _ in sizes) >= 24 and min(h for _, h in sizes) >= 24, sorted(sizes)[:3]
    order = page.evaluate("""() => { const legend = document.querySelector('.md-content ul.matrix-legend');
        const table = document.querySelector('.md-content table.matrix');
        return !!(legend.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING); }""")
    assert order, "the codes come before the matrix"
    heads = page.evaluate("""() => [...document.querySelectorAll('table.matrix thead th abbr')].map(a => a.textContent)""")
    expected = [s.code if s.code and lang == model.main_language else s.number for s in model.subareas]
    assert heads == expected
    context.close()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(served_pages + LANGUAGES[lang] + "vastuumatriisi/", wait_until="load")
    wrap = page.evaluate("""() => { const w = document.querySelector('table.matrix').closest('.table-wrap');
        return [w.scrollWidth, w.clientWidth]; }""")
    context.close()
    assert wrap[0] <= wrap[1] + 1, wrap

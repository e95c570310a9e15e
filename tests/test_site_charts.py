"""Charts read on a phone: at 390 px every text of the worst-case charts (the longest label of each anchoring, the
most texts, the widest drawing) is inside its picture and at least 11 px high as shown; the legend names every series; a data-break note is text under its table and marked in its chart."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import REPO
from test_browser import ARTIFACTS, Watch
from test_site_phone import PHONE

from cooperation.outputs.site import charts
from cooperation.pipeline import load

LANGUAGES = {"fi": "", "sv": "sv/"}
MIN_PX = 11

# every <text> of the SVG elements in the page: its box against its SVG's box, and its size as shown
# (the computed font size is in the SVG's own units: times the SVG's scale on screen)
MEASURE = """() => [...document.querySelectorAll('svg')].flatMap(svg => {
    const box = svg.getBoundingClientRect(), scale = svg.getScreenCTM().a;
    return [...svg.querySelectorAll('text')].map(t => { const r = t.getBoundingClientRect();
        return {text: t.textContent, size: parseFloat(getComputedStyle(t).fontSize) * scale,
                inside: r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.top >= box.top - 0.5
                        && r.bottom <= box.bottom + 0.5}; }); })"""


@pytest.fixture(scope="module")
def model():
    return load(REPO)[0]


def _problems(found: list[dict]) -> list:
    return [(t["text"], round(t["size"], 1), t["inside"]) for t in found if t["size"] < MIN_PX or not t["inside"]]


_TEXT = re.compile(r"<text\b([^>]*)>(.*?)</text>", re.S)
_ANCHOR = re.compile(r'text-anchor="(\w+)"')
_VIEWBOX = re.compile(r'viewBox="0 0 ([\d.]+) ')


def worst_cases(folder: Path) -> list[Path]:
    """The charts whose text is likeliest to leave its picture or shrink below the size: for each way a text is
    anchored (start, middle, end), the chart with the longest such text; the chart with the most texts; and the
    widest drawing (shown smallest on a phone). Derived from the drawn charts, so a new longest label is tested."""
    features: dict[Path, dict[str, float]] = {}
    for path in sorted(folder.glob("*.svg")):
        svg = path.read_text(encoding="utf-8")
        texts = [(_ANCHOR.search(attrs), text) for attrs, text in _TEXT.findall(svg)]
        found = {f"longest {anchor}": max((len(text) for m, text in texts if (m.group(1) if m else "start") == anchor),
                                          default=0) for anchor in ("start", "middle", "end")}
        found["texts"] = len(texts)
        found["width"] = float(_VIEWBOX.search(svg).group(1))
        features[path] = found
    return sorted({max(features, key=lambda p: features[p][name]) for name in next(iter(features.values()))})


def test_the_worst_cases_are_the_longest_label_of_each_anchoring_the_most_texts_and_the_widest(tmp_path):
    def chart(name: str, width: int, *texts: tuple[str, str]) -> None:
        body = "".join(f'<text x="1" y="1" text-anchor="{anchor}">{text}</text>' for anchor, text in texts)
        (tmp_path / f"{name}.svg").write_text(f'<svg viewBox="0 0 {width} 240">{body}</svg>', encoding="utf-8")
    chart("plain", 400, ("start", "2020"), ("end", "1,0"))
    chart("long-axis", 400, ("start", "2020"), ("end", "−12 345,6"))
    chart("long-legend", 400, ("start", "Koko alue ja kaikki kunnat"), ("middle", "2024"))
    chart("many", 400, *[("middle", str(year)) for year in range(2010, 2030)])
    chart("wide", 640, ("start", "x"))
    assert [p.stem for p in worst_cases(tmp_path)] == ["long-axis", "long-legend", "many", "wide"]


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_chart_text_is_inside_and_readable_at_390px(browser, served_pages, example_site, model, lang):
    """Measured in Chromium on the worst cases (worst_cases), at the width a phone shows a chart."""
    context = browser.new_context(**PHONE)
    page, probe = context.new_page(), context.new_page()
    watch = Watch(page)
    subarea = next(s for s in model.subareas if any(i.measurements for g in s.goals for i in g.indicators))
    page.goto(served_pages + LANGUAGES[lang] + f"osa-alueet/{subarea.id}/", wait_until="load")
    widths = []
    for img in page.locator("figure.chart img").all():
        img.scroll_into_view_if_needed()
        widths.append(img.bounding_box()["width"])
    assert widths and all(300 <= width <= 390 for width in widths), widths
    charts_folder = example_site / LANGUAGES[lang] / "kaaviot"
    drawn = sorted(charts_folder.glob("*.svg"))
    assert len(drawn) == sum(1 for i in model.indicators if i.measurements or i.baseline)
    chosen = worst_cases(charts_folder)
    assert 2 <= len(chosen) <= 5
    for path in chosen:
        # the chart as a page shows it: drawn inline at a phone's width to measure its text
        inline = path.read_text(encoding="utf-8").replace("<svg ", '<svg style="width:100%;height:auto" ', 1)
        probe.set_content(f'<div style="width:{min(widths)}px">{inline}</div>')
        found = probe.evaluate(MEASURE)
        assert found and _problems(found) == [], path.name
    page.goto(served_pages + LANGUAGES[lang] + "foorumit/", wait_until="load")
    wheel = page.locator("figure.cycle svg")
    wheel.scroll_into_view_if_needed()
    found = page.evaluate(MEASURE)
    assert len(found) >= 12 * 2 and _problems(found) == []
    assert not any(t["text"].endswith("…") for t in found)  # nothing shortened
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"site-phone-cycle-{lang}.png"), full_page=False)
    # a lazy chart still loading when the test moves on is cancelled by the browser, not broken
    assert [p for p in watch.problems if not p.endswith("net::ERR_ABORTED")] == []
    context.close()


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_legend_names_every_series_and_small_charts_show_every_area(browser, served_pages, model, lang):
    indicator = next(i for i in model.indicators if len(charts.areas_with_values(i)) > 2)
    subarea = next(s for s in model.subareas if any(indicator in g.indicators for g in s.goals))
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(served_pages + LANGUAGES[lang] + f"osa-alueet/{subarea.id}/", wait_until="load")
    block = page.locator(f"#{indicator.id.lower()}-data")
    legend = block.locator("ul.chart-legend li").all_inner_texts()
    assert charts.area_name(model, charts.main_area(indicator), lang) in [t.strip() for t in legend]
    names = [s.strip() for s in block.locator("figure.small-multiples li strong").all_inner_texts()]
    assert names == [charts.area_name(model, a, lang) for a in charts.areas_with_values(indicator)
                     if a != charts.main_area(indicator)]
    block.locator("figure.small-multiples").scroll_into_view_if_needed()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"site-desktop-charts-{lang}.png"), full_page=False)
    page.close()


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_data_break_note_is_text_under_the_table_and_marked_in_the_chart(example_site, model, lang):
    noted = [(i, m) for i in model.indicators for m in i.measurements if m.note]
    assert noted, "the example has a value with a note"
    for indicator, measurement in noted:
        subarea = next(s for s in model.subareas if any(indicator in g.indicators for g in s.goals))
        html = (example_site / LANGUAGES[lang] / "osa-alueet" / subarea.id / "index.html").read_text(encoding="utf-8")
        block = html[html.index(f'id="{indicator.id.lower()}-data"'):]
        block = block[:block.index('class="indicator"') if 'class="indicator"' in block else len(block)]
        notes = re.search(r'<ol class="value-notes">(.*?)</ol>', block, re.S)
        assert notes and measurement.note in notes.group(1) and str(measurement.year) in notes.group(1)
        number = next(n for n, a, y, _ in charts.value_notes(indicator, charts.areas_with_values(indicator))
                      if (a, y) == (measurement.area, measurement.year))
        assert f'href="#{indicator.id.lower()}-note-{number}"' in block  # the cell links to its note
        if measurement.area == charts.main_area(indicator):
            svg = (example_site / LANGUAGES[lang] / "kaaviot" / f"{indicator.id.lower()}.svg").read_text(encoding="utf-8")
            assert f'font-weight="bold">{number}</text>' in svg  # marked
            assert (measurement.note in svg) == (lang == model.main_language)  # the note in <desc>, in its language

"""A page per indicator (issue 25.3): chart with the target path, a small chart per municipality coloured by its
progress level, values by area and year, source, unit, method, the level with its reason, the rule folded after the
data (32.6); linked from the sub-area, party, late and overview pages; the overview short. Sub-area pages on a phone
(32.2): a list to jump to each goal, each indicator's values folded."""
from __future__ import annotations

import re

import pytest
from helpers import REPO
from test_site import read

from cooperation.i18n import labels as L
from cooperation.outputs.site import charts
from cooperation.pipeline import load

LANGUAGES = {"fi": "", "sv": "sv/"}


@pytest.fixture(scope="module")
def model():
    return load(REPO)[0]


def _html(site, url: str) -> str:
    html = (site / url / "index.html").read_text(encoding="utf-8")
    return html[html.index("<article"):html.index("</article>")]


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_every_indicator_has_its_page_with_chart_values_source_and_method(example_site, model, lang):
    prefix = LANGUAGES[lang]
    for i in model.indicators:
        url = f"{prefix}mittarit/{i.id.lower()}/"
        html, text = _html(example_site, url), read(example_site, url).content
        assert f"{i.id} {' '.join(i.name.get(lang).split())}" in text
        # the level in words and why
        assert f'class="badge indicator-{i.status.code}"' in html
        measured = charts.areas_with_values(i)
        if measured:
            src = re.search(r'<img src="([^"]+)"', html).group(1)
            assert (example_site / url / src).resolve().is_file(), src
            # every area measured and every year in the values table, each area's own level
            years = sorted({m.year for a in measured for m in i.series(a)})
            table = html[html.index('class="values compact'):]
            table = table[:table.index("</table>")]
            assert [int(y) for y in re.findall(r'<th scope="col"[^>]*>(\d{4})</th>', table)] == years
            for area in measured:
                assert charts.area_name(model, area, lang) in table
                assert f"indicator-{i.progress(area).code}" in table
        assert L.word("unit", lang) in text and L.enum("direction", i.direction, lang) in text
        if i.sotkanet:
            assert i.sotkanet_url(lang) in html and f"(ind. {i.sotkanet})" in text  # the citation
        # how the level is computed: folded, and after the data
        method = html.index('<details class="method">')
        assert html.index(L.word("source", lang)) < method
        if measured:
            assert html.index('class="values compact') < method


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_small_charts_are_coloured_by_level_with_the_scale_and_the_better_direction(example_site, model, lang):
    i = next(i for i in model.indicators if len(charts.areas_with_values(i)) > 3)
    html = _html(example_site, f"{LANGUAGES[lang]}mittarit/{i.id.lower()}/")
    figure = html[html.index('<figure class="small-multiples"'):]
    figure = figure[:figure.index("</figure>")]
    assert L.word(f"better_{i.direction}", lang) in figure
    frame = charts.scale(i)
    items = re.findall(r'<li data-level="(\w+)">(.*?)</li>', figure, re.S)
    areas = [a for a in charts.areas_with_values(i) if a != charts.main_area(i)]
    assert [level for level, _ in items] == [i.progress(a).code for a in areas]
    for level, item in items:
        line = re.search(r'<path d="[^"]+" fill="none" stroke="(#\w+)" stroke-width="2.5"', item).group(1)
        assert line == charts.LEVEL_COLOURS[level]
        assert L.word(f"status_{level}", lang) in item  # the level in words, not colour alone
        assert f">{L.number(frame.high, i.decimals, lang)}</text>" in item and f">{L.number(frame.low, i.decimals, lang)}</text>" in item


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_indicator_pages_are_linked_from_subarea_party_and_overview_pages(example_site, model, lang):
    prefix = LANGUAGES[lang]
    overview = read(example_site, f"{prefix}mittarit/")
    for i in model.indicators:
        assert f"{i.id.lower()}/" in overview.links
    # short: no citations, the rule after the tables, folded
    html = _html(example_site, f"{prefix}mittarit/")
    assert "Viitattu" not in html and "Hänvisat" not in html
    assert html.index("</table>") < html.index('<details class="method">')
    for s in model.subareas:
        page = read(example_site, f"{prefix}osa-alueet/{s.id}/")
        for i in (i for g in s.goals for i in g.indicators):
            assert f"../../mittarit/{i.id.lower()}/" in page.links
    party = next(p for p in model.municipalities if any(i.series(p.id) for i in model.indicators))
    links = read(example_site, f"{prefix}osapuolet/{party.id}/").links
    assert [i.id for i in model.indicators if i.series(party.id) and f"../../mittarit/{i.id.lower()}/" not in links] == []


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_subarea_page_jumps_to_goals_and_folds_the_values(example_site, model, lang):
    s = next(s for s in model.subareas if len(s.goals) > 1 and any(g.indicators for g in s.goals))
    html = _html(example_site, f"{LANGUAGES[lang]}osa-alueet/{s.id}/")
    jump = html[html.index('<nav class="jump"'):html.index("</nav>")]
    assert re.findall(r'href="#([^"]+)"', jump) == [g.id.lower() for g in s.goals]
    assert f'aria-label="{L.word("jump_to_goal", lang)}"' in jump
    measured = [i for g in s.goals for i in g.indicators if charts.areas_with_values(i)]
    folded = re.findall(r'<details class="values"><summary[^>]*>.*?</summary>\s*<div class="table-wrap"', html, re.S)
    assert measured and len(folded) == len(measured)
    assert 'class="values compact' not in re.sub(r'<details class="values">.*?</details>', "", html, flags=re.S)

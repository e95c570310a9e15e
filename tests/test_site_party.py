"""The party page answers "what does my municipality commit to, and is it on track?": a summary first, what it
leads, its indicators (own value beside the region's, its own progress level), then the actions it takes part
in; on a 390 px phone in Chromium with every status on screen, and axe-clean."""
from __future__ import annotations

import pytest
from helpers import REPO, require_browser
from test_browser import AXE, VIEWPORTS, Watch, serious_violations, settle
from test_site import read

from cooperation.domain import REGION
from cooperation.i18n import labels as L
from cooperation.model import PROGRESS_LEVELS
from cooperation.pipeline import load

LANGUAGES = {"fi": "", "sv": "sv/"}


@pytest.fixture(scope="module")
def model():
    return load(REPO)[0]


def _municipality_with_own_values(model):
    return next(p for p in model.municipalities if p.id == "kuusiniemi")


def test_summary_then_leads_then_indicators_then_actions(example_site, model):
    party = _municipality_with_own_values(model)
    actions = [a for a in model.actions if party.id in a.responsible]
    leads = [a for a in actions if a.lead == party.id]
    own = [i for i in model.indicators if i.series(party.id)]
    assert leads and own and len(actions) > len(leads)
    page = read(example_site, f"osapuolet/{party.id}/")
    summary = f"Johtaa {len(leads)}, mukana {len(actions) - len(leads)}"
    assert summary in page.content
    text = page.content[page.content.index(summary):]  # the article, after the navigation and contents
    levels = "; ".join(f"{n} {L.word('status_' + level, 'fi')}" for level in PROGRESS_LEVELS
                       if (n := sum(1 for i in own if i.progress(party.id).code == level)))
    assert f"Mittareita {len(own)}: {levels}." in text
    # in this order: summary, what it leads, its indicators, the actions it takes part in
    order = [text.index(summary), text.index("Päävastuulla"), text.index("Oma arvo"), text.index("Toimenpiteet, joissa mukana")]
    assert order == sorted(order)
    leads_part = text[text.index("Päävastuulla"):text.index("Oma arvo")]
    assert all(a.id in leads_part for a in leads)
    for i in own:
        mine, region = i.series(party.id)[-1], i.series(REGION)
        row = text[text.index(f"{i.id} {i.name.get('fi')}"):]
        row = row[:row.index(L.word("status_" + i.progress(party.id).code, "fi")) + 40]
        assert " ".join(L.dated_value((mine.year, mine.value), i.unit, i.decimals, "fi").split()) in row
        if region:
            assert " ".join(L.dated_value((region[-1].year, region[-1].value), i.unit, i.decimals, "fi").split()) in row
    sv = read(example_site, f"sv/osapuolet/{party.id}/").content
    assert f"Leder {len(leads)}, deltar i {len(actions) - len(leads)}" in sv and "Eget värde" in sv


def test_the_county_reads_the_regions_values(example_site, model):
    page = read(example_site, f"osapuolet/{model.county.id}/").content
    assert "Koko alue" in page and "Oma arvo" not in page


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_party_page_at_390px_status_on_screen_and_axe_clean(browser, served_pages, model, lang):
    require_browser(AXE.exists(), "axe-core is missing: npm ci --prefix tests/browser")
    for width in ("phone", "desktop"):
        context = browser.new_context(**VIEWPORTS[width])
        context.add_init_script(path=str(AXE))
        page = context.new_page()
        watch = Watch(page)
        for party in (_municipality_with_own_values(model), model.county):
            page.goto(served_pages + LANGUAGES[lang] + f"osapuolet/{party.id}/", wait_until="load")
            settle(page)
            serious = serious_violations(page)
            assert serious == [], (party.id, width, serious)
            if width != "phone":
                continue
            assert page.evaluate("() => document.scrollingElement.scrollWidth") <= 390
            summary = page.locator(".party-summary").bounding_box()
            assert summary and summary["y"] + summary["height"] <= 844, "the summary is on the first screen"
            badges = page.locator(".md-content .badge")
            assert badges.count() >= 3
            off = [badges.nth(i).inner_text() for i in range(badges.count())
                   if (box := badges.nth(i).bounding_box()) is None or box["x"] < 0 or box["x"] + box["width"] > 390]
            assert off == [], (party.id, off)
        assert [p for p in watch.problems if not p.endswith("net::ERR_ABORTED")] == []
        context.close()

"""The search index holds what a reader searches for (titles, descriptions, prose, the ids and names of goals,
actions and indicators), not data-table cells run together; without JavaScript the reader is told why there is
no search box."""
from __future__ import annotations

import json
import re

import pytest
from helpers import REPO

from cooperation.i18n import labels as L
from cooperation.pipeline import load

LANGUAGES = {"fi": "", "sv": "sv/"}
# a lower-case letter straight before a digit ("Lähtötaso16,8"), or a number, ")" or "%" straight before a
# capitalised word ("(2024)Viimeisin"): two cells with nothing between them. Code (fingerprints) is left out.
RUN_TOGETHER = re.compile(r"[a-zåäö][0-9]|[0-9)%][A-ZÅÄÖ][a-zåäö]")
CODE = re.compile(r"<code>.*?</code>", re.S)
VERSION_TAG = re.compile(r"\bv\d+(\.\d+)+\b|\b[0-9a-f]{12,64}\b")  # "v1.0", a version's tag, and a fingerprint
# (a decision's `version: c29f1290561d`, shown in the history) are not cells run together


@pytest.fixture(scope="module")
def model():
    return load(REPO)[0]


def index(site, lang: str) -> dict:
    return json.loads((site / LANGUAGES[lang] / "search" / "search_index.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_index_has_no_table_cells_run_together(example_site, model, lang):
    docs = index(example_site, lang)["docs"]
    texts = {d["location"]: VERSION_TAG.sub(" ", re.sub(r"<[^>]+>", " ", CODE.sub(" ", d["text"]))) for d in docs}
    joined = {loc: RUN_TOGETHER.search(text).group(0) for loc, text in texts.items() if RUN_TOGETHER.search(text)}
    assert joined == {}
    everything = " ".join(texts.values())
    # the labels of the facts and the values of the yearly tables are not in the index at all
    for indicator in model.indicators:
        for m in indicator.measurements:
            value = L.with_unit(m.value, indicator.unit, indicator.decimals, lang)
            assert f"{value} {value}" not in everything
    assert L.word("baseline", lang) + " " + L.word("latest", lang) not in everything


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_ids_and_names_of_goals_actions_and_indicators_are_found(example_site, model, lang):
    data = index(example_site, lang)
    assert data["config"]["lang"] == [lang]  # the search plugin stems each language with its own rules
    words = " ".join(f'{d["title"]} {d["text"]}' for d in data["docs"])
    items = [(g.id, g.title) for g in model.goals] + [(a.id, a.title) for a in model.actions] + \
        [(i.id, i.name) for i in model.indicators]
    missing = [item_id for item_id, _ in items if item_id not in words]
    assert missing == []
    names = [text.get(lang) for _, text in items]
    assert [n for n in names if " ".join(n.split()) not in words] == []


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_without_javascript_the_missing_search_is_explained(browser, served_site, lang):
    """In the header where there is room; on a phone at the top of the content, the header's room left to the site's
    title, as wide as with JavaScript (issue 32.7: the notice squeezed it to "R…")."""
    title = ".md-header__title"
    for size, where in (({"width": 390, "height": 844}, ".md-content .no-search-content"),
                        ({"width": 1280, "height": 900}, ".md-header .no-search")):
        widths = {}
        for script in (True, False):
            context = browser.new_context(viewport=size, java_script_enabled=script)
            page = context.new_page()
            page.goto(served_site + LANGUAGES[lang], wait_until="load")
            widths[script] = page.locator(title).bounding_box()["width"]
            if not script:
                assert not page.locator(".md-search").is_visible()
                notice = page.locator(where)
                assert notice.is_visible() and notice.inner_text() == L.word("search_needs_js", lang)
                assert page.locator(".no-search, .no-search-content").evaluate_all(
                    "all => all.filter(e => e.getClientRects().length).length") == 1  # said once
            context.close()
        assert widths[False] >= widths[True] - 1, (size, widths)


@pytest.mark.parametrize("lang, query, expected", [("sv", "fritid", "fritiden"), ("fi", "HYTE-1-T1", "HYTE-1-T1")])
def test_a_reader_finds_by_word_or_id(browser, served_site, lang, query, expected):
    """Swedish words are found by their stem on the Swedish site (another form of the word finds it); an action's id
    is found by typing it."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(served_site + LANGUAGES[lang], wait_until="networkidle")
    page.locator("label.md-search__icon, label[for='__search']").first.click()
    page.locator("input.md-search__input").press_sequentially(query, delay=40)
    # the results follow the typing: wait for the one that holds the word (the index marks it in <mark>)
    page.locator(".md-search-result__item", has_text=expected).first.wait_for(timeout=15000)
    context.close()


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_charts_legends_and_value_tables_are_not_in_the_index(example_site, model, lang):
    """Issue 25.4: snippets showed the charts' legends ("Koko alue, tavoitepolku, Lähtötaso…")."""
    texts = " ".join(d["text"] for d in index(example_site, lang)["docs"])
    prose = " ".join(d["text"] for d in index(example_site, lang)["docs"] if not d["location"].startswith("ohje/"))
    # the legend's word (the editor guide describes the charts in prose: "katkoviivana tavoitepolku", allowed)
    assert not re.search(rf"\b{L.word('target_path', lang)}\b", prose)
    assert L.word("by_area_help", lang) not in texts
    # the folded values' summary ("… (14 aluetta)") and the link to the indicator's page
    assert L.word("values_folded", lang) + " (" not in texts and L.word("indicator_page_link", lang) not in texts
    indicator = next(i for i in model.indicators if len(i.measured_areas) > 2)
    last = indicator.series(indicator.measured_areas[1])[-1]
    shown = L.dated_value((last.year, last.value), indicator.unit, indicator.decimals, lang)
    assert shown not in texts


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_party_and_subarea_pages_are_boosted_for_their_names(example_site, model, lang):
    docs = index(example_site, lang)["docs"]
    boost = {d["location"]: d.get("boost") for d in docs}
    for p in model.parties:
        assert boost[f"osapuolet/{p.id}/"] == 2
    for s in model.subareas:
        assert boost[f"osa-alueet/{s.id}/"] == 2
    assert boost["historia/"] is None


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_searching_a_municipalitys_name_finds_its_page_first(browser, served_site, model, lang):
    """The negotiation history and the approvals name every party too: the party's own page comes first."""
    party = next(p for p in model.municipalities if p.id == "kuusiniemi")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(served_site + LANGUAGES[lang], wait_until="networkidle")
    page.locator("input.md-search__input").click()  # on a desktop the search box is in the header
    name = party.name.get(lang).split()[0]  # "Kuusiniemen", as a reader types it
    page.locator("input.md-search__input").press_sequentially(name, delay=30)
    first = page.locator(".md-search-result__item").first
    page.locator(".md-search-result__item", has_text=name).first.wait_for(timeout=15000)
    page.wait_for_timeout(500)  # the results follow the last key
    href = first.locator("a").first.get_attribute("href")
    context.close()
    assert href.split("?")[0].rstrip("/").endswith(f"osapuolet/{party.id}"), href

"""What is late is derived once (cooperation.model.late) and shown on the late page ("Myöhässä" / "Försenat"), by
sub-area and by party, linked from the home page, which also breaks the actions down by status (issue 25.2). A fixture
where something is late of each kind, and one where nothing is; the lists asserted exactly."""
from __future__ import annotations

import re

import pytest
import yaml
from conftest import TEST_TODAY
from helpers import MINIMAL, copy_root, run_cli
from test_site import read

from cooperation.i18n import labels as L
from cooperation.model.late import late
from cooperation.pipeline import load

# its subject is not Word's layout or the PDF: built without LibreOffice (conftest.py)
pytestmark = pytest.mark.usefixtures("libreoffice_off")


def _edit(root, name: str, change) -> None:
    path = root / "subareas" / f"{name}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data["goals"][0])
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _some_late(root):
    """HYTE-1-T1 is past its end, HENK-1-T1 (alfa leads it, with the county) not started when it should have,
    ELI-1-T1 says it is delayed; ELI-1-M1's newest value is from 2022 (yearly: stale in 2026)."""
    _edit(root, "hyte", lambda g: g["actions"][0].update(schedule={"start": 2025, "end": "2026-06"}))
    _edit(root, "henkilosto", lambda g: g["actions"][0].update(
        status="planned", schedule={"start": "2026-03", "end": 2027}, responsible=["hva", "alfa"], lead="alfa"))
    _edit(root, "elinvoima", lambda g: g["actions"][0].update(status="delayed", status_reason="Rahoitus puuttuu."))
    with open(root / "measurements" / "values.csv", "a", encoding="utf-8") as handle:
        handle.write("ELI-1-M1,region,2022,9,\n")
    return root


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    built = {}
    for name, make in (("late", _some_late), ("none", lambda root: root)):
        root = make(copy_root(MINIMAL, tmp_path_factory.mktemp(name) / "root"))
        out = root.parent / "out"
        done = run_cli("site", "--root", root, "--out", out)
        assert done.returncode == 0, done.stderr
        built[name] = (root, out / "site")
    return built


@pytest.mark.slow
def test_late_is_derived_once_in_the_model(sites):
    root, _ = sites["late"]
    found = late(load(root)[0], TEST_TODAY)
    assert [(x.action.id, x.reasons) for x in found.actions] == [
        ("HYTE-1-T1", ("past_end",)), ("HENK-1-T1", ("not_started",)), ("ELI-1-T1", ("delayed",))]
    assert [x.indicator.id for x in found.stale] == ["ELI-1-M1"]
    assert [(s.id, [x.action.id for x in a], [x.indicator.id for x in i]) for s, a, i in found.by_subarea()] == [
        ("hyte", ["HYTE-1-T1"], []), ("henkilosto", ["HENK-1-T1"], []), ("elinvoima", ["ELI-1-T1"], ["ELI-1-M1"])]
    assert [x.action.id for x in found.for_party("beta", "beta")[0]] == ["HYTE-1-T1", "ELI-1-T1"]
    nothing = late(load(sites["none"][0])[0], TEST_TODAY)
    assert not nothing and nothing.actions == () and nothing.stale == ()  # tuples: the model is frozen


ITEM = re.compile(r"\b((?:HYTE|HENK|ELI)-1-[TM]1)\b")


def _sections(site, prefix: str = "") -> dict[str, dict[str, list[str]]]:
    """The late page's sections: each sub-area's or party's heading (its link's text) → the ids listed under it."""
    html = (site / prefix / "myohassa" / "index.html").read_text(encoding="utf-8")
    html = html[html.index("<article"):html.index("</article>")]
    out: dict[str, dict[str, list[str]]] = {}
    for part, key in ((html[html.index('id="osa-alueittain"'):html.index('id="osapuolittain"')], "subareas"),
                      (html[html.index('id="osapuolittain"'):], "parties")):
        found: dict[str, list[str]] = {}
        for heading, body in re.findall(r'<h3[^>]*>(.*?)</h3>(.*?)(?=<h3|$)', part, re.S):
            found[re.sub(r"<[^>]+>", "", heading).strip()] = list(dict.fromkeys(ITEM.findall(body)))
        out[key] = found
    return out


@pytest.mark.parametrize("lang, prefix", [("fi", "")])  # the fixture is Finnish; the example's Swedish page: test_browser
def test_the_late_page_lists_exactly_what_is_late_by_subarea_and_by_party(sites, lang, prefix):
    root, site = sites["late"]
    model = load(root)[0]
    titles = {s.id: f"{s.number} {s.title.get(lang)}" for s in model.subareas}
    names = {p.id: p.name.get(lang) for p in model.parties}
    sections = _sections(site, prefix)
    assert sections["subareas"] == {titles["hyte"]: ["HYTE-1-T1"], titles["henkilosto"]: ["HENK-1-T1"],
                                    titles["elinvoima"]: ["ELI-1-T1", "ELI-1-M1"]}
    # the county takes part in all three; alfa leads HENK-1-T1; each municipality follows ELI-1-M1
    assert sections["parties"] == {names["hva"]: ["HYTE-1-T1", "HENK-1-T1", "ELI-1-T1", "ELI-1-M1"],
                                   names["alfa"]: ["HYTE-1-T1", "HENK-1-T1", "ELI-1-T1", "ELI-1-M1"],
                                   names["beta"]: ["HYTE-1-T1", "ELI-1-T1", "ELI-1-M1"]}
    page = read(site, f"{prefix}myohassa/").content
    assert L.word("late", lang) in page and "Rahoitus puuttuu." in page
    assert L.word("overdue_not_started", lang).format(date="3/2026") in page
    assert L.word("overdue_past_end", lang).format(date="6/2026") in page


@pytest.mark.parametrize("lang, prefix", [("fi", "")])
def test_home_breaks_actions_down_by_status_and_links_to_what_is_late(sites, lang, prefix):
    for name, counts in (("late", {"ongoing": 4, "planned": 1, "delayed": 1}), ("none", {"ongoing": 6})):
        root, site = sites[name]
        model = load(root)[0]
        assert {s: sum(1 for a in model.actions if a.status == s) for s in counts} == counts
        html = (site / prefix / "index.html").read_text(encoding="utf-8")
        part = html[html.index(L.word("action_statuses", lang) + "</h2>"):]
        part = part[:part.index("</ul>")]
        shown = dict((code, int(n)) for n, code in re.findall(r"<strong>(\d+)</strong> <span class=\"badge action-(\w+)\"", part))
        assert shown == {code: counts.get(code, 0) for code in ("planned", "ongoing", "done", "delayed", "cancelled")}
        assert 'href="myohassa/"' in html
        text = read(site, prefix).content
        if name == "late":
            assert L.word("late_actions_n", lang).format(n=3) in text.lower() or \
                L.word("late_actions_n", lang).format(n=3).capitalize() in text
        else:
            assert L.word("late_none_short", lang) in text
            assert L.word("report_no_overdue", lang) in read(site, f"{prefix}myohassa/").content

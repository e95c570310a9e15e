"""Action status history: dated updates with an optional note, next to the plain status (still valid alone);
bad dates refused with file:line; the site lists the updates; the diff calls them monitoring."""
from __future__ import annotations

import datetime

import pytest
from helpers import MINIMAL, copy_root, run_cli

from cooperation.changes.diff import compare
from cooperation.domain import MONITORING
from cooperation.load.sources import load_sources
from cooperation.outputs.site.pages import Site
from cooperation.pipeline import load
from cooperation.timeliness import fixed_today

HISTORY = """        status: ongoing
        status_history:
          - date: "{first}"
            status: planned
          - date: "{second}"
            status: {last}
            note: Käynnistyi kahdessa kunnassa.
"""


def _root(tmp_path, first="2026-02-01", second="2026-04-15", last="ongoing"):
    root = copy_root(MINIMAL, tmp_path / "root")
    hyte = root / "subareas" / "hyte.yaml"
    text = hyte.read_text(encoding="utf-8")
    hyte.write_text(text.replace("        status: ongoing\n", HISTORY.format(first=first, second=second, last=last)),
                    encoding="utf-8")
    return root


def test_the_plain_status_alone_still_validates(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "root")
    assert run_cli("validate", "--root", root, "--strict").returncode == 0
    assert load(root)[0].actions[0].status_history == []


def test_updates_become_the_model(tmp_path):
    action = load(_root(tmp_path))[0].actions[0]
    assert [(u.date, u.status, u.note.get("fi")) for u in action.status_history] == [
        (datetime.date(2026, 2, 1), "planned", ""), (datetime.date(2026, 4, 15), "ongoing", "Käynnistyi kahdessa kunnassa.")]


@pytest.mark.parametrize("change, line, code, text", [
    ({"second": "2026-12-01"}, 24, "status_date_future",
     "kenttä ”Tilan päivitykset › Päivä” (status_history[2].date): päivä 1.12.2026 on tulevaisuudessa (tänään on 28.11.2026)"),
    ({"first": "2025-12-31"}, 22, "status_date_before_agreement",
     "päivä 31.12.2025 on ennen sopimuksen voimaantuloa 1.1.2026"),
    ({"first": "2026-05-01"}, 24, "status_history_order",
     "päivä 15.4.2026 on ennen edellisen merkinnän päivää 1.5.2026"),
    ({"last": "done"}, 25, "status_history_mismatch",
     "uusimman merkinnän tila ”valmis” ei ole sama kuin toimenpiteen tila ”käynnissä”"),
])
def test_bad_updates_are_errors_with_file_and_line(tmp_path, change, line, code, text):
    root = _root(tmp_path, **change)
    done = run_cli("validate", "--root", root, "--today", "2026-11-28")
    assert done.returncode == 1
    assert f"subareas/hyte.yaml:{line}:" in done.stdout and "Toimenpide HYTE-1-T1" in done.stdout, done.stdout
    assert text in done.stdout, done.stdout
    assert code in run_cli("validate", "--root", root, "--today", "2026-11-28", "--format", "json").stdout


def test_the_site_lists_updates_newest_first(tmp_path):
    root = _root(tmp_path)
    with fixed_today(datetime.date(2026, 11, 28)):
        site = Site(load(root)[0], "fi")
        site.build()
    page = site.pages["osa-alueet/hyte.md"].markdown_text()
    assert ('<details class="status-history"><summary>Tilan historia (2)</summary><ul>'
            "<li>15.4.2026: käynnissä – Käynnistyi kahdessa kunnassa.</li><li>1.2.2026: suunniteltu</li></ul></details>") in page


def test_a_status_update_is_a_monitoring_change(tmp_path):
    before = load_sources(copy_root(MINIMAL, tmp_path / "before"))
    after = load_sources(_root(tmp_path))
    diff = compare(before, after)
    assert diff.change_class == MONITORING
    assert diff.fingerprint_old == diff.fingerprint_new

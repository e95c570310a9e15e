"""The negotiation history for readers (issue 32.9): a filter by class of change that works without JavaScript, each
measured value that changed named (indicator, area, year, old → new), dates as dates, internal ids replaced by names,
and the website's own settings (the accessibility statement) no part of the record."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest
from helpers import MINIMAL, REPO, copy_code, copy_root, require_browser
from test_history import edit, git

from cooperation.changes.diff import Diff as ChangeDiff
from cooperation.changes.diff import ItemChange, item_label, summary

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("libreoffice_off")]  # git histories and the sites built from them


@pytest.fixture(scope="module")
def history_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("history") / "repo"
    copy_root(MINIMAL, root)
    copy_code(root)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Ensimmäinen luonnos")

    def values(text: str) -> str:
        return text.replace("HYTE-1-M1,region,2025,12.5,", "HYTE-1-M1,region,2025,13.4,")
    path = root / "measurements" / "values.csv"
    path.write_text(values(path.read_text(encoding="utf-8")), encoding="utf-8")
    edit(root, "agreement/agreement.yaml", lambda d: d.update(version_date="2026-03-01"))
    git(root, "commit", "-q", "-am", "Mittaustulokset 2025")
    edit(root, "agreement/agreement.yaml", lambda d: d.update(version="1.1"))
    edit(root, "subareas/hyte.yaml", lambda d: d["goals"][0]["indicators"][0]["target"].update(value=25))
    git(root, "commit", "-q", "-am", "Nosta tavoitetta")
    edit(root, "subareas/hyte.yaml", lambda d: d["goals"][0].update(title="tavoite: HYTE-1"))
    git(root, "commit", "-q", "-am", "Sanamuoto")
    edit(root, "agreement/agreement.yaml", lambda d: d.update(accessibility={"contact_email": "palaute@example.org"}))
    git(root, "commit", "-q", "-am", "Saavutettavuusselosteen yhteystieto")
    out = root.parent / "out"
    done = subprocess.run([sys.executable, str(REPO / "build.py"), "site", "--root", str(root), "--out", str(out)],
                          capture_output=True, text=True, timeout=600, cwd=root)
    assert done.returncode == 0, done.stderr
    return out / "site"


def _page(site) -> str:
    html = (site / "historia" / "index.html").read_text(encoding="utf-8")
    return html[html.index("<article"):html.index("</article>")]


def test_entries_by_class_and_the_accessibility_edit_is_not_one(history_site):
    html = _page(history_site)
    assert re.findall(r'<section class="history-entry" id="[^"]+" data-class="(\w+)">', html) == \
        ["editorial", "amendment", "monitoring", "amendment"]
    assert "Saavutettavuusselosteen yhteystieto" not in html and "palaute@example.org" not in html
    # the filter: all, then each class present with its count
    labels = [re.sub(r"<[^>]+>", "", x).strip() for x in re.findall(r"<label>(.*?)</label>", html)]
    assert labels == ["Kaikki (4)", "Sopimusmuutos (2)", "Toimituksellinen muutos (1)", "Seurantapäivitys (1)"]


def test_a_measurement_change_names_the_value_and_dates_read_as_dates(history_site):
    html = _page(history_site)
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    # in the entry's list of changes (its heading sums the first few up)
    assert re.search(r"<li>Mittaustulokset: HYTE-1-M1, Koko alue, 2025: 12,5 → 13,4 <span class=\"badge change-monitoring\"",
                     html)
    assert "muutettu" not in text.split("Mittaustulos")[0][-40:]  # no count in place of the value
    assert "version päivämäärä lisätty: 1.3.2026" in text and "2026-03-01" not in text


def test_the_filter_shows_one_class_without_javascript(browser, history_site, tmp_path):
    require_browser(True, "")
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(history_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        for width in (390, 1280):
            context = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=False)
            page = context.new_page()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/historia/", wait_until="load")
            entries = page.locator("section.history-entry")
            assert sum(entries.nth(i).is_visible() for i in range(entries.count())) == 4
            for cls, label, shown in (("amendment", "Sopimusmuutos", 2), ("monitoring", "Seurantapäivitys", 1),
                                      ("all", "Kaikki", 4)):
                radio = page.get_by_role("radio", name=re.compile(label))
                radio.check()  # a keyboard does the same with the arrow keys
                visible = [entries.nth(i).get_attribute("data-class") for i in range(entries.count())
                           if entries.nth(i).is_visible()]
                assert len(visible) == shown and (cls == "all" or set(visible) == {cls}), (cls, visible)
            context.close()
    finally:
        server.shutdown()


def test_forums_and_parties_are_named_not_their_ids_in_every_language():
    forum = ItemChange("forum", "lapset-ja-nuoret", {"fi": "Lasten ja nuorten palvelujen foorumi",
                                                     "sv": "Forum för tjänster för barn och unga"}, "added")
    assert item_label(forum, "sv", "fi") == "Forum: Forum för tjänster för barn och unga"
    assert item_label(forum, "fi", "fi") == "Foorumi: Lasten ja nuorten palvelujen foorumi"
    action = ItemChange("action", "HYTE-1-T1", {"fi": "Liikuntaneuvonta"}, "added")
    assert item_label(action, "sv", "fi") == "Åtgärd HYTE-1-T1 (Liikuntaneuvonta)"  # an id readers use stays
    text = summary(ChangeDiff([forum, action], {}, "a", "b", "fi"), "sv")
    assert "lapset-ja-nuoret" not in text and "Forum för tjänster för barn och unga" in text


def test_the_swedish_history_names_forums_and_parties(example_site):
    """"Forum lapset-ja-nuoret" was the id of a forum on the Swedish history page: its name is shown."""
    from helpers import REPO
    from test_site import read

    from cooperation.pipeline import load
    model = load(REPO)[0]
    text = read(example_site, "sv/historia/").content
    assert "Forum " in text or "Forum:" in text
    internal = [f.id for f in model.forums if "-" in f.id] + [p.id for p in model.parties if "-" in p.id]
    assert internal and [i for i in internal if re.search(rf"(?<![\w/#-]){re.escape(i)}(?![\w-])", text)] == []

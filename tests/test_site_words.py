"""Tables and cards keep their words whole (issue 25.1) where the example's pages do not show it: the field reference
and the approvals page of a 30-party agreement, which reads at 1280 px and prints on landscape A4 with every column.
On every kind of the example's pages, at 1280 and 390 px in Finnish and Swedish, the words are measured in the same
walk as axe-core's audit (test_browser.py: test_no_word_in_a_table_or_card_is_split)."""
from __future__ import annotations

import shutil
import subprocess

import pytest
import yaml
from helpers import TESTS, copy_root, require_browser, run_cli
from test_browser import ARTIFACTS, VIEWPORTS, split_words

from cooperation.i18n import labels as L
from cooperation.pipeline import load


def test_the_field_reference_is_no_longer_a_tower(browser, served_pages):
    """/tietomuoto/ was ~21,900 px tall at 1280 px for 170 fields (129 px a field) with its field names broken: two
    columns, not five, and under 100 px a field however many fields the schemas have."""
    context = browser.new_context(**VIEWPORTS["desktop"])
    page = context.new_page()
    page.goto(served_pages + "tietomuoto/", wait_until="load")
    height = page.evaluate("() => document.scrollingElement.scrollHeight")
    widths = page.evaluate("""() => [...document.querySelectorAll('.md-content table')].map(t => t.rows[0].cells.length)""")
    fields = page.evaluate("() => document.querySelectorAll('.md-content table tbody tr').length")
    context.close()
    assert set(widths) == {2}
    assert fields > 100 and height / fields < 100, (height, fields)


@pytest.fixture(scope="module")
def thirty(tmp_path_factory):
    """The 30-party fixture with decisions on its text by two thirds of the parties (long bodies and notes), the
    rest undecided; its site built and served."""
    import functools
    import http.server
    import threading
    root = copy_root(TESTS / "fixtures" / "thirty_parties", tmp_path_factory.mktemp("thirty") / "root")
    fingerprint = load(root)[0].fingerprint
    path = root / "agreement" / "parties.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for n, party in enumerate(data["parties"][:20]):
        party["decisions"] = [{"body": "kaupunginvaltuusto" if n % 2 else "kunnanvaltuusto", "date": "2026-03-16",
                               "section": 10 + n, "diary_number": f"KUNTA/{1000 + n}/00.04.01/2026",
                               "outcome": "approved" if n % 5 else "tabled", "version": fingerprint,
                               "note": "Käsitelty yhdessä hyvinvointikertomuksen kanssa." if n % 3 == 0 else None}]
        party["decisions"][0] = {k: v for k, v in party["decisions"][0].items() if v is not None}
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = root.parent / "out"
    done = run_cli("site", "--root", root, "--out", out)
    assert done.returncode == 0, done.stderr

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(out / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield load(root)[0], f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.mark.parametrize("width", sorted(VIEWPORTS))
def test_thirty_parties_approvals_read_on_screen(browser, thirty, width):
    model, url = thirty
    context = browser.new_context(**VIEWPORTS[width])
    page = context.new_page()
    page.goto(url + "historia/hyvaksynnat/", wait_until="load")
    assert split_words(page) == []
    assert page.evaluate("() => document.scrollingElement.scrollWidth") <= VIEWPORTS[width]["viewport"]["width"]
    # on a desktop no column is cut off in a scroll box
    wide = page.evaluate("""() => [...document.querySelectorAll('.md-content .table-wrap')]
        .filter(w => w.scrollWidth > w.clientWidth + 1).length""")
    # issue 32.3: the parties grouped by state, the decided first; an undecided party one line, not a card of dashes
    groups = page.evaluate("""() => [...document.querySelectorAll('.md-content .badge[class*="approval-"]')]
        .filter(b => b.closest('caption, .approval-group')).map(b => b.className.match(/approval-(\\w+)/)[1])""")
    assert groups[:3] == ["approved", "tabled", "pending"], groups
    lines = page.evaluate("""() => [...document.querySelectorAll('ul.pending-parties li')].map(li =>
        li.getBoundingClientRect().height / parseFloat(getComputedStyle(li).lineHeight))""")
    assert len(lines) == sum(1 for p in model.parties if p.signs and not p.decisions) and max(lines) < 1.5, lines
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"approvals-30-{width}.png"), full_page=False)
    context.close()
    assert wide == 0 or width == "phone"


def test_thirty_parties_approvals_print_every_column(browser, thirty, tmp_path):
    require_browser(shutil.which("pdftotext") is not None, "pdftotext is missing: apt-get install poppler-utils")
    model, url = thirty
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(url + "historia/hyvaksynnat/", wait_until="load")
    pdf = tmp_path / "approvals.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    page.close()
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copy(pdf, ARTIFACTS / "approvals-30-print.pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    width, height = (float(x) for x in next(line for line in info.splitlines()
                                            if line.startswith("Page size:")).split()[2:5:2])
    assert width > height  # landscape A4
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    lines = [" ".join(line.split()) for line in text.splitlines()]
    # every column's heading on one line of the printout
    head = " ".join(L.word(key, "fi") for key in ("party", "body", "date", "minute_section", "note"))
    assert any(head in line for line in lines), text[:2000]
    # every party, whole: its number and name; a decided one's body, date, § and diary number on its line
    for party in [p for p in model.parties if p.signs or p.decisions]:
        name = f"{party.number}. {party.name.get('fi')}"
        row = next((line for line in lines if name in line), None)
        assert row is not None, name
        for decision in next(p for p in model.parties if p.id == party.id).decisions:
            assert f"§ {decision.section}" in row and "16.3.2026" in row, row

"""What makes the site build and its preview fast keeps what readers get: the search indexer is given the pages
without their search-excluded elements and builds the same index."""
from __future__ import annotations

from material.plugins.search.plugin import Parser

from cooperation.outputs.site.hook import searched

# as the generated pages nest them: an excluded scroll region holding a table (a div within a div), an indexed
# table whose data cells are excluded, a definition list, text between and after them
PAGE = """<h2 id="tavoitteet">Tavoitteet</h2>
<p>Alkuteksti <em>korostettu</em>.</p>
<div class="table-wrap" role="region" aria-label="Mittarit" tabindex="0" data-search-exclude>
<div class="inner"><table><caption>Mittarit</caption><tbody><tr><th scope="row">M-1 Lukutaito</th>
<td>16,8 %</td></tr></tbody></table></div></div>
<p>Välissä.</p>
<div class="table-wrap" role="region" aria-label="Toimenpiteet" tabindex="0">
<table class="stack" role="table"><caption data-search-exclude>Toimenpiteet</caption>
<thead role="rowgroup" data-search-exclude><tr role="row"><th scope="col">Tunnus</th><th scope="col">Tila</th></tr></thead>
<tbody role="rowgroup"><tr role="row"><th scope="row" role="rowheader">T-1.1 Kerhot</th>
<td role="cell" data-label="Tila" data-search-exclude><span class="badge">Käynnissä</span></td></tr>
<tr role="row"><th scope="row" role="rowheader">T-1.2 Liikunta</th><td role="cell" data-label="Tila" data-search-exclude>2024</td></tr>
</tbody></table></div>
<h3 id="tiedot">Tiedot</h3>
<dl class="facts" data-search-exclude><dt>Vastuu</dt><dd>Kunta &amp; alue</dd></dl>
<p>Loppu <a href="x/">linkki</a>.</p>
"""


def sections(html_text: str) -> list[tuple[str | None, str, str]]:
    parser = Parser()
    parser.feed(html_text)
    parser.close()
    return [(s.id, "".join(s.title).strip(), "".join(s.text).strip()) for s in parser.data if not s.is_excluded()]


def test_the_indexer_finds_the_same_sections_in_the_page_without_its_excluded_elements():
    stripped = searched(PAGE)
    assert sections(stripped) == sections(PAGE)
    # the row headers stay findable, the data cells and excluded blocks are gone from what the indexer parses
    assert "T-1.2 Liikunta" in stripped and "Välissä" in stripped and "Loppu" in stripped
    assert "16,8 %" not in stripped and "Käynnissä" not in stripped and "Vastuu" not in stripped
    assert "data-search-exclude" not in stripped


def test_an_unclosed_excluded_element_is_left_for_the_indexer():
    page = '<p>Alku</p><div data-search-exclude><p>ei loppua'
    assert searched(page) == page


def test_the_preview_shows_an_edit_of_a_sub_area_file(tmp_path):
    """`mkdocs serve` on a copy of the small fixture: the sub-area's page shows an edit of its YAML file."""
    import os
    import socket
    import subprocess
    import sys
    import time
    import urllib.error
    import urllib.request

    from helpers import MINIMAL, REPO, copy_root

    from cooperation.i18n import labels as L
    from cooperation.pipeline import load

    root = copy_root(MINIMAL, tmp_path / "region")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/osa-alueet/hyte/"
    env = dict(os.environ, AGREEMENT_ROOT=str(root), NO_MKDOCS_2_WARNING="1")
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", str(REPO / "mkdocs.yml"),
                                "-a", f"127.0.0.1:{port}"], cwd=REPO, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, start_new_session=True)

    def page_with(word: str, timeout: float) -> bool:
        end = time.monotonic() + timeout
        while time.monotonic() < end and process.poll() is None:
            try:
                with urllib.request.urlopen(url, timeout=10) as response:
                    if word in response.read().decode("utf-8"):
                        return True
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.1)
        return False

    try:
        assert page_with("Kuvaus.", 120), "the first build was not served"
        assert not page_with("Esikatselussa näkyvä muutos", 0.5)
        path = root / "subareas" / "hyte.yaml"
        text = path.read_text(encoding="utf-8")
        assert text.count("description: Kuvaus.") == 1
        path.write_text(text.replace("description: Kuvaus.", "description: Esikatselussa näkyvä muutos."),
                        encoding="utf-8")
        assert page_with("Esikatselussa näkyvä muutos", 120), "the edit did not show"
        # the downloads, rendered after the pages, are there with their sizes (no placeholder left)
        model, _ = load(root)
        name = f"{model.id}-fi.docx"
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/lataukset/{name}", timeout=10) as response:
                    data = response.read()
                break
            except urllib.error.HTTPError:
                assert time.monotonic() < deadline, f"{name} was not served"
                time.sleep(0.2)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/lataukset/", timeout=10) as response:
            listing = response.read().decode("utf-8")
        assert data.startswith(b"PK") and L.file_size(len(data), "fi") in listing
        assert "9\u00a0000\u00a0000" not in listing
    finally:
        os.killpg(process.pid, 15)
        _, stderr = process.communicate(timeout=30)
    assert "Traceback" not in stderr.decode("utf-8", "replace")
    # the rebuild was the preview's dirty build (tests/test_preview.py), not MkDocs' full one
    assert "esikatselu rakentaa jokaisen sivun" not in stderr.decode("utf-8", "replace")

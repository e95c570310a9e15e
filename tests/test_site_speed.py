"""What makes the site build and its preview fast keeps what readers get: the search indexer is given the pages
without their search-excluded elements and without the tags and attributes it does not read, and builds the same
index."""
from __future__ import annotations

import os
import sys

import pytest
from helpers import MINIMAL, copy_root, run_cli
from material.plugins.search.plugin import Parser, SearchIndex

from cooperation.outputs.site.search import bare, searched

# whole builds and real processes: left out of `make test-fast`
pytestmark = pytest.mark.slow

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


# the page in, what the indexer is given: only the tags it writes into the index (p, li, code...), headings as they
# are and the tags of elements around them; whitespace that dropped tags would join to text kept apart by a comment
BARE = [
    # a goal's heading with its permanent link, its id in bold, prose with a link and a line break
    ('<h2 id="oa01-1">1.1 Otsikko<a class="headerlink" href="#oa01-1" title="Pysyvä linkki">¶</a></h2>\n'
     '<p class="meta">Tavoite <strong>OA01-1</strong></p>\n<div class="md"><p>Teksti <a href="x/">linkki</a>.<br>Rivi'
     '</p></div>',
     '<h2 id="oa01-1">1.1 Otsikko<a class="headerlink" href="#oa01-1" title="Pysyvä linkki">¶</a></h2>\n'
     '<p>Tavoite OA01-1</p>\n<p>Teksti linkki.Rivi</p>'),
    # table cells: whitespace alone between tags is one space, or none after another such space
    ('<p>Arvot</p><table><tr><td> <span>x</span> </td>\n<td><em>a</em> <em>b</em></td></tr></table>',
     '<p>Arvot</p> <!---->x a b'),
    ('<ul class="l"><li><span><strong>Alue 1</strong> 5 %</span> <span> </span></li></ul>',
     '<ul><li>Alue 1 5 %<!----> </li></ul>'),
    # a heading's parent element is kept: the section ends where it ends
    ('<div class="x"><h2 id="a">A</h2><p>t <em>u</em></p></div><p>v</p>',
     '<div><h2 id="a">A</h2><p>t u</p></div><p>v</p>'),
    # a character reference cut by a tag stays cut
    ('<p>A &amp<b>;</b> B</p>', '<p>A &amp<!---->; B</p>'),
    ('<pre class="p"><span>a  b</span>\n</pre><p>c<sup class="s">2</sup></p>',
     '<pre class="p"><span>a  b</span>\n</pre><p>c<sup>2</sup></p>'),
]
# left as they are: not well formed, a raw-text element, a dropped tag that would open the first section
AS_IT_IS = ['<p>a <span>b</p></span>', '<p>a</p><script>if (a<b) x()</script>', '<p>a</p><em>b',
            '<div class="admonition"><p>x</p></div><h1 id="a">A</h1>', '<p>subareas/<tunniste>.yaml</p>']


@pytest.mark.parametrize(("page", "given"), BARE)
def test_the_indexer_is_given_only_what_it_reads(page, given):
    assert bare(page) == given
    assert sections(given) == sections(page)


@pytest.mark.parametrize("page", AS_IT_IS)
def test_a_page_that_is_not_sure_to_index_the_same_is_left_as_it_is(page):
    assert bare(page) == page


@pytest.fixture(scope="module")
def indexed(tmp_path_factory):
    """The example site built by `build.py site`; for each language and page, the index entries Material makes of
    the whole page and of what the indexer is given, and what it is given."""
    from helpers import run_cli
    from mkdocs.config import load_config

    from cooperation.outputs.site.build import PLUGIN
    from cooperation.outputs.site.build import config_file as site_config
    # MkDocs keeps one instance of the plugin per process: the one both languages' builds use
    plugin = load_config(str(site_config("fi"))).plugins[PLUGIN]
    real = SearchIndex.add_entry_from_context
    made: dict[tuple[str, str], tuple[list, list, str]] = {}

    def both(index, page):
        of_whole = SearchIndex(**index.config)
        given = page.content
        # the page as MkDocs rendered it, kept by the plugin (one instance per process)
        page.content = plugin.page_content
        real(of_whole, page)
        page.content = given
        before = len(index.entries)
        real(index, page)
        made[index.config["lang"][0], page.url] = (of_whole.entries, index.entries[before:], given)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(SearchIndex, "add_entry_from_context", both)
        done = run_cli("site", "--out", tmp_path_factory.mktemp("indexed"))
    assert done.returncode == 0, done.stderr
    return made


def test_the_index_is_the_same_as_of_the_whole_pages(indexed):
    assert {lang for lang, _ in indexed} == {"fi", "sv"}
    assert {key: whole for key, (whole, _, _) in indexed.items()} == {key: given for key, (_, given, _) in indexed.items()}
    given = {key: html for key, (_, _, html) in indexed.items()}
    # the pages of sub-areas (goals with their actions and indicators, charts) reach the indexer bare
    subareas = [key for key in given if key[1].startswith("osa-alueet/") and key[1] != "osa-alueet/"]
    assert subareas
    for key in subareas:
        assert "<svg" not in given[key] and "<span" not in given[key] and "class=" not in given[key].replace(
            'class="headerlink"', ""), key


def test_the_preview_shows_an_edit_of_a_sub_area_file(tmp_path):
    """`mkdocs serve` on a copy of the small fixture: the sub-area's page shows an edit of its YAML file."""
    import socket
    import subprocess
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
        # the downloads, rendered after the pages, are there with their sizes: put_later writes the page last, so
        # once it lists no file as being made, every file it lists is the one written
        model, _ = load(root)
        name = f"{model.id}-fi.docx"
        deadline = time.monotonic() + 60
        while True:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/lataukset/", timeout=10) as response:
                listing = response.read().decode("utf-8")
            if 'class="pending"' not in listing:
                break
            assert time.monotonic() < deadline, "the downloads were not made"
            time.sleep(0.2)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/lataukset/{name}", timeout=10) as response:
            data = response.read()
        assert data.startswith(b"PK") and L.file_size(len(data), "fi") in listing
        assert 'class="pending"' not in listing
    finally:
        os.killpg(process.pid, 15)
        _, stderr = process.communicate(timeout=30)
    assert "Traceback" not in stderr.decode("utf-8", "replace")
    # the rebuild was the preview's dirty build (tests/test_preview.py), not MkDocs' full one
    assert "esikatselu rakentaa jokaisen sivun" not in stderr.decode("utf-8", "replace")


def test_each_sub_area_page_indexes_its_ids_and_its_prose(indexed):
    """What readers search for is in the index entries of its own page: the ids of the sub-area's goals, actions and
    indicators and the words of its description."""
    import re

    from helpers import REPO

    from cooperation.pipeline import load
    model = load(REPO)[0]
    for lang in model.languages:
        for subarea in model.subareas:
            entries = indexed[lang, f"osa-alueet/{subarea.id}/"][1]
            text = " ".join(f'{entry["title"]} {entry["text"]}' for entry in entries)
            ids = [item.id for goal in subarea.goals for item in (goal, *goal.actions, *goal.indicators)]
            assert ids and [item for item in ids if item not in text] == [], (lang, subarea.id)
            if subarea.description:
                words = re.findall(r"\w+", subarea.description.get(lang))
                assert words and [word for word in words if word not in text] == [], (lang, subarea.id)


def test_the_navigation_rendered_once_per_set_of_links_gives_the_same_pages(example_site, tmp_path, monkeypatch):
    """Material's navigation is rendered once for each set of links it shows (theme_memo.py): every page is the same
    byte for byte as when each page renders its own, and pages outside the navigation share their renderings."""
    from helpers import run_cli

    from cooperation import site_plugin
    from cooperation.outputs.site import theme_memo
    keys: list = []
    key = theme_memo._key
    monkeypatch.setattr(theme_memo, "_key", lambda context: keys.append(key(context)) or keys[-1])
    monkeypatch.setattr(site_plugin, "remember_navigation", lambda env: None)
    monkeypatch.setenv("REPOSITORY_URL", "https://github.com/rannikkoseutu/yhteistyosopimus")  # as example_site's
    assert run_cli("site", "--out", tmp_path).returncode == 0
    assert not keys  # rendered without the memo
    pages = sorted(p.relative_to(example_site) for p in example_site.rglob("*.html"))
    assert pages == sorted(p.relative_to(tmp_path / "site") for p in (tmp_path / "site").rglob("*.html"))
    different = [str(p) for p in pages if (example_site / p).read_bytes() != (tmp_path / "site" / p).read_bytes()]
    assert not different, different[:5]
    # and with it: the pages outside the navigation (each indicator's, each year's) share a few renderings
    monkeypatch.undo()
    monkeypatch.setattr(theme_memo, "_key", lambda context: keys.append(key(context)) or keys[-1])
    monkeypatch.setenv("REPOSITORY_URL", "https://github.com/rannikkoseutu/yhteistyosopimus")
    assert run_cli("site", "--out", tmp_path / "again").returncode == 0
    shared = [k for k in keys if k is not None]
    assert len(shared) > 20 and len(set(shared)) < len(shared) / 4, (len(shared), len(set(shared)))
    assert os.path.exists(tmp_path / "again" / "site" / "index.html")


def test_the_theme_s_templates_are_compiled_once_per_machine(tmp_path, monkeypatch):
    """MkDocs makes a new template environment for every build: the theme's templates are compiled by the machine's
    first build only (compiled.CompiledTemplates, kept in the cache), and the pages are those of templates compiled
    anew."""
    from helpers import record_compiles

    from cooperation.libreoffice import SWITCH
    monkeypatch.setenv(SWITCH, "off")  # the pages are the subject
    monkeypatch.setenv("YHTEISTYOSOPIMUS_CACHE", str(tmp_path / "cache"))
    root = copy_root(MINIMAL, tmp_path / "region")
    compiles = record_compiles(monkeypatch)

    def compiled() -> list[str]:  # template files (not the strings given to from_string: Word's parts)
        return [name for _, name in compiles if name is not None]

    def site(out: str) -> dict[str, bytes]:
        assert run_cli("site", "--root", root, "--out", tmp_path / out).returncode == 0
        return {p.relative_to(tmp_path / out).as_posix(): p.read_bytes() for p in (tmp_path / out).rglob("*") if p.is_file()}
    site("first")
    assert "main.html" in compiled() and "partials/nav.html" in compiled()
    compiles.clear()
    again = site("again")
    # the second build (fi and sv): every template as the first compiled it
    assert compiled() == []
    # compiled code is run only from entries no one else could have written (cache.get_code)
    for entry in (tmp_path / "cache" / "templates").rglob("*.bin"):
        entry.chmod(0o666)
    site("writable")
    assert "main.html" in compiled()
    compiles.clear()
    monkeypatch.setenv("YHTEISTYOSOPIMUS_CACHE", "off")
    anew = site("anew")
    assert "main.html" in compiled()
    assert again == anew


def test_the_theme_s_files_are_listed_without_walking_its_hidden_folders(tmp_path, monkeypatch):
    """MkDocs copies the theme's files but none whose name begins with a dot; the theme's folders are listed without
    walking into Material's 14,000 icons (theme_memo.ThemeFiles), and the files are the same, also those of a
    region's own theme folder with hidden files and folders at every depth."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files

    from cooperation import RESOURCES
    from cooperation.libreoffice import SWITCH
    from cooperation.outputs.site.theme_memo import list_theme_files_quickly
    custom = tmp_path / "overrides"
    for name in ("extra.css", ".secret", ".hidden/a.css", "assets/.b.js", "assets/c.js", "assets/.git/d.css",
                 "assets/deep/e.svg", "assets/deep/.f.svg", "main.py", "README.md"):
        (custom / name).parent.mkdir(parents=True, exist_ok=True)
        (custom / name).write_text("x", encoding="utf-8")
    config = load_config(str(RESOURCES / "site" / "mkdocs.yml"), site_dir=str(tmp_path / "site"),
                         theme={"name": "material", "custom_dir": str(custom)})

    def listed() -> list[tuple[str, str]]:
        files = Files([])
        files.add_files_from_theme(config.theme.get_env(), config)
        return [(file.src_uri, file.abs_src_path) for file in files]
    walked = listed()
    list_theme_files_quickly(config.theme)
    from cooperation.outputs.site import theme_memo
    seen: list[str] = []
    walk = os.walk

    def walking(top, **kwargs):
        for folder, folders, names in walk(top, **kwargs):
            seen.append(os.path.relpath(folder, top))
            yield folder, folders, names
    monkeypatch.setattr(theme_memo.os, "walk", walking)
    quick = listed()
    assert quick == walked
    assert "assets/deep" in seen and not [folder for folder in seen if folder.startswith(".") and folder != "."
                                          or "/." in folder], "a hidden folder walked"
    # and so lists a site's build
    seen.clear()
    monkeypatch.setenv(SWITCH, "off")
    assert run_cli("site", "--root", copy_root(MINIMAL, tmp_path / "region"), "--out", tmp_path / "out").returncode == 0
    assert "assets/javascripts" in seen and ".icons" not in seen
    mine = sorted(uri for uri, path in quick if path.startswith(str(custom)))
    assert mine == ["assets/c.js", "assets/deep/e.svg", "extra.css"]
    assert any(uri.startswith("assets/javascripts/") for uri, _ in quick)  # Material's own


@pytest.mark.parametrize("config_file", ["mkdocs.yml", "mkdocs.sv.yml"])
def test_the_search_settings_stated_in_the_configuration_are_material_s_own(config_file):
    """The search plugin's language, separator and pipeline are stated in the tool's configuration, so the plugin does
    not make a template environment of its own to look them up: they are what Material's translations give."""
    from material.plugins.search.plugin import SearchPlugin
    from mkdocs.config import load_config

    from cooperation import RESOURCES
    config = load_config(str(RESOURCES / "site" / config_file))
    search = config.plugins["material/search"]
    assert search.config.lang == [SearchPlugin._translate(search, config, "search.config.lang")]
    assert search.config.separator == SearchPlugin._translate(search, config, "search.config.separator")
    assert search.config.pipeline == [step.strip() for step in
                                      SearchPlugin._translate(search, config, "search.config.pipeline").split(",")]

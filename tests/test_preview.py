"""The preview (`mkdocs serve`): a rebuild after an edit renders only the pages the edit changed, and what it
serves is what a clean build makes (the pages' content and the search index)."""
from __future__ import annotations

import json
from pathlib import Path

import jinja2
import pytest
from helpers import MINIMAL, REPO, copy_root
from mkdocs.commands.build import build
from mkdocs.config import load_config

# whole builds and real processes: left out of `make test-fast`
pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("libreoffice_off")]

SERVE_URL = "http://127.0.0.1:8000/"


def config(site: Path):
    return load_config(str(REPO / "mkdocs.yml"), site_dir=str(site))


# MkDocs keeps one instance of the plugin per process (it has on_startup), whichever config loads it
plugin = config(REPO / "site").plugins["yhteistyosopimus"]


@pytest.fixture()
def region(tmp_path, monkeypatch):
    root = copy_root(MINIMAL, tmp_path / "region")
    monkeypatch.setenv("AGREEMENT_ROOT", str(root))
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    for key in ("command", "preview", "later", "root"):  # as they were once the test is over
        monkeypatch.setattr(plugin, key, None)
    yield root
    if plugin.preview is not None:
        plugin.on_shutdown()


def serve_build(site: Path, dirty: bool) -> None:
    """One build as `mkdocs serve` makes it: the first clean, each rebuild dirty (plugin.on_serve)."""
    build(config(site), serve_url=SERVE_URL, dirty=dirty)
    preview = plugin.preview
    if preview.downloads is not None:
        preview.downloads.wait(timeout=120)


def times(site: Path, pattern: str = "index.html") -> dict[str, int]:
    return {str(p.relative_to(site)): p.stat().st_mtime_ns for p in site.rglob(pattern)}


def clean_index(root: Path, site: Path) -> list:
    """The search index of a clean `mkdocs build` of the same data (no preview)."""
    plugin.preview = None
    plugin.command = "build"
    build(config(site))
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def served_index(site: Path) -> list:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_rebuild_renders_the_pages_the_edit_changed_and_serves_what_a_clean_build_makes(region, tmp_path):
    site = tmp_path / "served"
    config(site).plugins.on_startup(command="serve", dirty=False)
    serve_build(site, dirty=False)
    before, charts = times(site), times(site, "*.svg")
    assert charts
    edit(region / "subareas" / "hyte.yaml", "description: Kuvaus.", "description: Esikatselussa näkyvä muutos.")
    compiled = []
    original = jinja2.Environment.compile

    def compile(self, source, *args, **kwargs):
        compiled.append(args[0] if args else kwargs.get("name"))
        return original(self, source, *args, **kwargs)
    jinja2.Environment.compile = compile  # type: ignore[method-assign]
    try:
        serve_build(site, dirty=True)
    finally:
        jinja2.Environment.compile = original  # type: ignore[method-assign]
    # the pages' templates as the first build compiled them (the search plugin compiles its language files itself)
    assert [name for name in compiled if not name.startswith("partials/language")] == []
    after = times(site)
    assert times(site, "*.svg") == charts  # the generated files that did not change are not copied again
    assert "Esikatselussa näkyvä muutos" in (site / "osa-alueet" / "hyte" / "index.html").read_text(encoding="utf-8")
    rendered = {path for path in after if after[path] != before.get(path)}
    # the edited sub-area's page, and the pages showing the data's fingerprint (home, downloads, approvals, parties)
    assert "osa-alueet/hyte/index.html" in rendered and "lataukset/index.html" in rendered
    # not the other sub-areas, the hand-written pages or the format reference
    assert not rendered & {"osa-alueet/elinvoima/index.html", "ohje/index.html", "tietomuoto/index.html",
                           "saavutettavuus/index.html", "foorumit/index.html"}, rendered
    # the search index has every page (the kept entries of those not rendered), as a clean build's
    assert served_index(site) == clean_index(region, tmp_path / "clean")


def test_a_changed_title_renders_every_page_again(region, tmp_path):
    """The navigation on every page lists the sub-areas' titles: a new title is seen on every page."""
    site = tmp_path / "served"
    config(site).plugins.on_startup(command="serve", dirty=False)
    serve_build(site, dirty=False)
    before = times(site)
    edit(region / "subareas" / "elinvoima.yaml", "title: Osa-alue ELI", "title: Elinvoima ja työ")
    serve_build(site, dirty=True)
    after = times(site)
    assert [path for path in before if after[path] == before[path]] == []
    page = (site / "ohje" / "index.html").read_text(encoding="utf-8")
    assert "Elinvoima ja työ" in page
    assert served_index(site) == clean_index(region, tmp_path / "clean")


def test_a_removed_sub_area_page_is_no_longer_served(region, tmp_path):
    site = tmp_path / "served"
    config(site).plugins.on_startup(command="serve", dirty=False)
    serve_build(site, dirty=False)
    assert (site / "osa-alueet" / "tukipalvelut" / "index.html").is_file()
    agreement = region / "agreement" / "agreement.yaml"
    text = agreement.read_text(encoding="utf-8")
    if "tukipalvelut" in text:
        pytest.skip("the fixture's agreement lists its sub-areas")
    (region / "subareas" / "tukipalvelut.yaml").unlink()
    serve_build(site, dirty=True)
    assert not (site / "osa-alueet" / "tukipalvelut" / "index.html").exists()
    assert not [e for e in served_index(site) if e["location"].startswith("osa-alueet/tukipalvelut/")]


def test_the_downloads_page_shows_the_sizes_of_the_downloads_rendered_after_the_rebuild(region, tmp_path):
    from cooperation.i18n import labels as L
    site = tmp_path / "served"
    config(site).plugins.on_startup(command="serve", dirty=False)
    serve_build(site, dirty=False)
    edit(region / "subareas" / "hyte.yaml", "description: Kuvaus.", "description: Pidempi kuvaus tässä.")
    serve_build(site, dirty=True)
    page = (site / "lataukset" / "index.html").read_text(encoding="utf-8")
    word = next((site / "lataukset").glob("*-fi.docx"))
    assert L.file_size(word.stat().st_size, "fi") in page
    assert 'class="pending"' not in page


def test_the_preview_s_word_documents_are_not_laid_out_by_libreoffice(monkeypatch):
    """Every edit gives the preview a new Word text: LibreOffice is not asked to lay each out for the contents' page
    numbers (two of its processes on a two-core machine slowed the next edit's rebuild); the published site's are."""
    from cooperation import libreoffice
    from cooperation.outputs import docx, render_site_files
    from cooperation.pipeline import load_all
    model, sources, _ = load_all(MINIMAL)
    laid_out: list = []
    monkeypatch.setattr(libreoffice, "program", lambda: "/usr/bin/soffice")  # as where it is installed
    monkeypatch.setattr(libreoffice, "heading_pages", lambda documents, *args, **kwargs: laid_out.append(documents))
    files = {f.name: f.data for f in render_site_files(model, sources, preview=True)}
    assert not laid_out
    assert files[f"{model.id}-fi.docx"] == docx.render_languages(model, ["fi"], page_numbers=False)["fi"]
    docx.render_languages(model, ["fi"])  # the published site's asks for the layout
    assert laid_out


def test_the_preview_s_downloads_are_made_as_of_the_serve_s_day(region, tmp_path):
    """`serve --today`: the downloads, rendered by a process of their own, are made as of the serve's day like the
    pages (the workbook asks for the values of the year before it), not as of the clock's."""
    import datetime

    import openpyxl

    from cooperation.i18n import labels as L
    from cooperation.timeliness import fixed_today
    site = tmp_path / "served"
    config(site).plugins.on_startup(command="serve", dirty=False)
    with fixed_today(datetime.date(2031, 5, 6)):
        serve_build(site, dirty=False)
    book = openpyxl.load_workbook(next((site / "lataukset").glob("*.xlsx")), read_only=True)
    headings = {cell for sheet in book.worksheets for row in sheet.iter_rows(max_row=3, values_only=True)
                for cell in row if isinstance(cell, str)}
    assert L.word("col_value_year", "fi").format(year=2030) in headings

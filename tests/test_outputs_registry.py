"""The outputs' registry: every registered output renders, the site offers what the registry says."""
from __future__ import annotations

import io
import json
import re
import zipfile
from types import SimpleNamespace

import pytest
from helpers import REPO
from test_site import read

from cooperation.i18n import labels as L
from cooperation.outputs import BY_NAME, EVERY_SITE, OWN_LANGUAGE, REGISTRY, for_site, render_site_files
from cooperation.pipeline import load_all


@pytest.fixture(scope="module")
def loaded():
    model, sources, _ = load_all(REPO)
    return model, sources


@pytest.fixture(scope="module")
def site_files(loaded):
    return render_site_files(*loaded)


def test_names_and_file_names_are_unique_and_described_in_every_language():
    assert len(BY_NAME) == len(REGISTRY)
    patterns = [output.file_name for output in REGISTRY]
    assert len(set(patterns)) == len(patterns)
    for output in REGISTRY:
        assert ("{lang}" in output.file_name or "{suffix}" in output.file_name) == output.per_language, output.name
        assert set(L.WORDS[output.description]) >= {"fi", "sv"}, output.name


def _looks_like(name: str, data: bytes) -> bool:
    if name.endswith((".docx", ".xlsx")):
        return zipfile.ZipFile(io.BytesIO(data)).testzip() is None
    if name.endswith(".json"):
        return isinstance(json.loads(data), dict)
    if name.endswith(".csv"):
        return data.startswith((b"indicator,area,year,value,note\n", b"indicator,area,level,base_year,"))
    if name.endswith(".pdf"):
        return data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    if name.endswith(".ics"):
        return data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")
    raise AssertionError(f"no check for {name}: add one")


@pytest.mark.parametrize("name", sorted(BY_NAME))
def test_every_output_renders_for_the_example(loaded, name):
    model, sources = loaded
    output = BY_NAME[name]
    if name == "pdf":
        from test_pdf import require_libreoffice
        require_libreoffice()
    files = output.files(model, sources)
    expected_languages = model.languages if output.per_language else [model.main_language]
    assert list(files) == [output.file(model, lang) for lang in expected_languages]
    for file, data in files.items():
        assert isinstance(data, bytes) and _looks_like(file, data), file


@pytest.mark.parametrize("lang, prefix", [("fi", ""), ("sv", "sv/")])
def test_downloads_page_lists_every_output_shown_on_the_site(example_site, loaded, site_files, lang, prefix):
    page = read(example_site, f"{prefix}lataukset/")
    # the rendered files sit beside the page (the schemas under schema/, the theme's under ../)
    offered = [link for link in page.links if "/" not in link and (example_site / prefix / "lataukset" / link).is_file()]
    expected = [f for f in site_files if f.output.site == EVERY_SITE or f.lang == lang]
    assert sorted(offered) == sorted(f.name for f in expected)  # grouped and ordered: tests/test_site_downloads.py
    for f in expected:
        assert L.word(f.output.description, lang) in page.content
        offered_file = example_site / prefix / "lataukset" / f.name
        if f.output.name == "pdf":
            # LibreOffice, run here beside the site build's own runs of it, has once given a PDF embedding another
            # font subset of the same document: its bytes against `build.py pdf` are pinned in tests/test_pdf.py;
            # here it is the PDF of the same text (the fingerprint in its keywords)
            from test_pdf import info
            assert loaded[0].fingerprint in info(offered_file)["Keywords"].replace(", ", " "), f.name
            continue
        # the very bytes the registry renders (and `build.py docx`/`export-xlsx` write)
        assert offered_file.read_bytes() == f.data, f.name
    others = {f.name for f in site_files} - {f.name for f in expected}
    assert all(not (example_site / prefix / "lataukset" / name).exists() for name in others)


def test_a_calendar_is_offered_on_its_own_language_site_only(loaded, site_files):
    model, _ = loaded
    ics = BY_NAME["ics"]
    assert ics.site == OWN_LANGUAGE
    for lang in model.languages:
        names = [f.name for f in for_site(site_files, lang)]
        assert ics.file(model, lang) in names
        assert all(ics.file(model, other) not in names for other in model.languages if other != lang)
        assert all(BY_NAME["docx"].file(model, other) in names for other in model.languages)


def test_the_plugin_takes_the_site_builds_downloads_instead_of_rendering_again(loaded, monkeypatch):
    """`build.py site` renders the downloads once and hands them to both MkDocs builds."""
    from mkdocs.config import load_config

    from cooperation import site_plugin
    from cooperation.outputs import Rendered
    from cooperation.outputs.site import build

    model, _ = loaded
    handed = [Rendered(output, lang, output.file(model, lang), b"")
              for output in REGISTRY if output.site for lang in output.languages(model)]
    monkeypatch.setattr(site_plugin, "render_site_files", lambda *args: pytest.fail("rendered again"))
    monkeypatch.setattr(site_plugin, "start_site_files", lambda *args: pytest.fail("rendered again"))
    config = load_config(str(REPO / "mkdocs.yml"))
    plugin = config.plugins[build.PLUGIN]
    with build._handing_off(config, build.Handoff(REPO, SimpleNamespace(files=handed, made=dict, close=lambda: None))):
        plugin.on_config(config)
    assert plugin.handoff is None
    page = "".join(plugin.pages["lataukset/index.md"].body)
    listed = re.findall(r'<a href="([^"/]+)"', page)  # the files, not the schemas (schema/…)
    assert sorted(listed) == sorted(f.name for f in for_site(handed, "fi"))


def test_the_plugin_takes_the_site_builds_model_instead_of_loading_again(loaded, monkeypatch):
    """`build.py site` hands its in-memory model to both MkDocs builds: neither loads the data again."""
    from mkdocs.config import load_config

    from cooperation import site_plugin
    from cooperation.outputs.site import build

    model, sources = loaded
    monkeypatch.setattr(site_plugin, "load_all", lambda *args: pytest.fail("loaded again"))
    monkeypatch.setattr(site_plugin, "render_site_files", lambda *args: pytest.fail("rendered again"))
    monkeypatch.setattr(site_plugin, "start_site_files", lambda *args: pytest.fail("rendered again"))
    config = load_config(str(REPO / "mkdocs.yml"))
    plugin = config.plugins[build.PLUGIN]
    with build._handing_off(config, build.Handoff(REPO, SimpleNamespace(files=[], made=dict, close=lambda: None),
                                                  model, sources)):
        plugin.on_config(config)
    assert plugin.pages and plugin.handoff is None

"""MkDocs hook: the agreement's pages are generated from its data inside the build.

mkdocs.yml names this file under `hooks:`. Under `build.py site` the data's folder and the downloads
(the registered outputs, rendered once for both languages) come from the site build's handoff; under a
plain `mkdocs build` or `mkdocs serve` the folder is AGREEMENT_ROOT (default: this repository) and the
downloads are rendered here.
"""
from __future__ import annotations

import html
import logging
import os
import re
import sys
from pathlib import Path
from urllib.parse import urlparse

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File

from cooperation import PROJECT
from cooperation.changes.gitrepo import repository_url
from cooperation.changes.history import cached_history
from cooperation.check import reporters as reporter
from cooperation.files import OutputError
from cooperation.i18n import labels as L
from cooperation.outputs import EVERY_SITE, Rendered, for_site, named, offered, render_site_files, start_site_files
from cooperation.outputs.reference import markdown as format_reference
from cooperation.outputs.site.build import handoff, put_later
from cooperation.outputs.site.html import Download, fill, wrap_tables
from cooperation.outputs.site.pages import Site, page_nav
from cooperation.outputs.site.preview import Preview, make_dirty, signature
from cooperation.outputs.site.search import searched, without_search_attributes
from cooperation.pipeline import ModelError, load_all
from cooperation.schemas import SCHEMA_DIR

_state: dict = {}
log = logging.getLogger("mkdocs.hooks.cooperation")

# pages written in Finnish only (the editor guide, the field reference from the schemas' Finnish help)
FINNISH_ONLY = ("ohje.md", "tietomuoto.md")


def data_root() -> Path:
    return Path(os.environ.get("AGREEMENT_ROOT") or PROJECT)


def on_startup(command, dirty):
    _state["command"] = command  # "serve": the preview leaves out the slow conversions (PDF)
    if command == "serve":
        _state["preview"] = Preview()


def on_serve(server, config, builder):
    # after the first build, a rebuild renders only the pages that changed (preview.py)
    if "preview" in _state and not make_dirty(server.builder):
        log.info("esikatselu rakentaa jokaisen sivun uudelleen jokaisen muutoksen jälkeen")
    return server


def on_shutdown():
    if "preview" in _state:
        _state.pop("preview").close()


def on_config(config):
    given = handoff()
    root = given.root if given else data_root()
    if "preview" in _state:
        _state["preview"].stop_downloads()  # the previous build's: this build writes the downloads page again
    _state["root"] = root
    lang = config.extra.get("content_language", "fi")
    try:
        if given and given.model is not None and given.sources is not None:
            model, sources = given.model, given.sources  # `build.py site` loaded and checked them already
        else:
            model, sources, _ = load_all(root)
    except ModelError as exc:
        out, err = reporter.text(exc.result, "fi")
        raise PluginError("Sopimuksen tiedoissa on virheitä:\n" + out + err) from exc
    if lang not in model.languages:
        raise PluginError(f"Sopimus ei ole kielellä {lang} (languages: {model.languages})")
    notes: list[str] = []
    if given:  # `build.py site` renders them while both languages are built
        later = given.downloads.files
    elif _state.get("command") == "serve":
        # the preview's downloads are rendered by a process of their own once the pages are written (on_post_build)
        later = preview_later(model)
        _state["later"] = (later, None)
    else:  # as under `build.py site`: rendered while MkDocs builds the pages, put in by on_post_build
        downloads = start_site_files(model, sources, notes)
        later = downloads.files
        _state["later"] = (later, downloads)  # closed by on_build_error should the build stop early
    for note in notes:
        log.info("%s; sivustolla ei tarjota sitä", note)
    # listed as being made, their files and real sizes put in after the build (put_later)
    files: list[tuple[str, bytes, str]] = []
    listed = [Download(f.name, f.output.description, None,
                       # the language is named where both languages' files are offered
                       f.lang if f.output.per_language and f.output.site == EVERY_SITE else None, f.output.name,
                       f.output.detail)
              for f in for_site(later, lang)]
    for path in sorted(SCHEMA_DIR.glob("*.schema.json")):
        files.append((f"schema/{path.name}", path.read_bytes(), "dl_schema"))
        listed.append(Download(f"schema/{path.name}", "dl_schema", len(files[-1][1]), None, "schema"))
    state = model.version_state
    history = cached_history(root, sources, state.in_force.commit if state and state.in_force else None)
    repo_url = config.extra.get("repository") or repository_url(root) or ""  # none: no edit links at all
    site = Site(model, lang, repo_url=repo_url, branch=config.extra.get("edit_branch", "main"),
                downloads=listed, history=history)
    # which measurements/*.csv holds each indicator's values: the indicators page links each area to its files
    for row in sources.measurements:
        site.measurement_files.setdefault(row.indicator, set()).add(row.file)
    pages = site.build()
    config.site_name = html.escape(model.short_title.get(lang))  # theme templates do not escape it
    config.nav = page_nav(site)
    if len(model.languages) > 1:
        # every language's config inherits the main site's address; the others live under /<lang>/
        base = (urlparse(config.site_url or "").path or "/").rstrip("/") + "/"
        if lang != model.languages[0] and config.site_url:
            config.site_url = config.site_url.rstrip("/") + f"/{lang}/"
        names = {"fi": "Suomeksi", "sv": "På svenska"}
        roots = [(names.get(code, code), code, base if code == model.languages[0] else f"{base}{code}/")
                 for code in model.languages]
        _state["alternate_roots"] = roots
        config.extra["alternate"] = _alternate(roots, "")
    else:
        _state["alternate_roots"] = None
    config.watch.extend(str(root / name) for name in ("agreement", "subareas", "measurements") if (root / name).is_dir())
    _state.update(pages=pages, files=files, reference=format_reference(), assets=site.assets)
    return config


def _alternate(roots, url: str) -> list[dict]:
    """The language switcher's links to one page in every language: both languages have the same paths."""
    return [{"name": name, "lang": code, "link": root + url} for name, code, root in roots]


def _search_plugin(config):
    return config.plugins.get("material/search") or config.plugins.get("search")


def _search_index(config):
    """The search plugin's index of this build (None when the plugin is not in use)."""
    return getattr(_search_plugin(config), "search_index", None)


@event_priority(100)  # before the search plugin indexes the page
def _before_search(context, page, config, nav):
    _state["page_content"] = page.content
    page.content = searched(page.content)
    index = _search_index(config)
    _state["entries_before"] = len(index.entries) if index is not None else 0
    return context


def _after_search(context, page, config, nav):
    content = _state.pop("page_content")
    page.content = without_search_attributes(content)
    preview, index = _state.get("preview"), _search_index(config)
    if preview is not None and index is not None:  # kept for the rebuilds that do not render this page
        preview.entries[page.file.src_uri] = index.entries[_state.pop("entries_before"):]
    # Material reads the switcher from config.extra.alternate: point it at this page, not the home page
    roots = _state.get("alternate_roots")
    if roots:
        config.extra["alternate"] = _alternate(roots, page.url)
    return context


on_page_context = CombinedEvent(_before_search, _after_search)


# Material's script reads <link rel="alternate" hreflang> in the head and fetches "sitemap.xml" next to each
# link to redirect the switcher's clicks; with per-page links that is a 404 per language and page, and with the
# language roots (and an empty sitemap when no site_url is set) it sends every click to the home page. The
# switcher's own links carry hreflang: the head links are left out.
_HEAD_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


# the theme hides its search box when JavaScript is off (html.no-js); the reader is told why it is missing
_SEARCH_BOX = '<div class="md-search" data-md-component="search"'


def _search_notice(output: str, lang: str) -> str:
    notice = f'<noscript><p class="no-search">{html.escape(L.word("search_needs_js", lang))}</p></noscript>'
    return output.replace(_SEARCH_BOX, notice + _SEARCH_BOX, 1)


# pages printed on landscape paper so that every column of their wide table fits (extra.css makes it fit the
# width); a named @page does not work here, as the theme lays the content out in a flex box
LANDSCAPE = ("vastuumatriisi.md",)
_LANDSCAPE_STYLE = '<style media="print">@page { size: A4 landscape; margin: 10mm; }</style>'


def on_post_page(output, page, config):
    output = _search_notice(output, config.extra.get("content_language", "fi"))
    if page.file.src_uri in LANDSCAPE:
        output = output.replace("</head>", _LANDSCAPE_STYLE + "</head>", 1)
    # templates rendered without a page (404.html) keep the links to the home pages
    roots = _state.get("alternate_roots")
    if roots:
        config.extra["alternate"] = _alternate(roots, "")
        output = _HEAD_ALTERNATE.sub("", output)
    if config.extra.get("content_language", "fi") != "fi" and page.file.src_uri in FINNISH_ONLY:
        # the table of contents lists the page's Finnish headings
        output = output.replace('<ul class="md-nav__list" data-md-component="toc"',
                                '<ul class="md-nav__list" data-md-component="toc" lang="fi"')
    return output


def on_env(env, config, files):
    if "preview" in _state:  # the theme's templates as the first build compiled them (preview.py)
        env.bytecode_cache = _state["preview"].templates
    return env


def on_nav(nav, config, files):
    if "preview" in _state:
        _state["preview"].order = [file.src_uri for file in files.documentation_pages()]
    return nav


@event_priority(100)  # before the search plugin writes its index
def on_post_build(config):
    """The downloads on_config listed as being made: under `mkdocs serve` rendered now that the pages
    are served, under `mkdocs build` rendered meanwhile."""
    index = _search_index(config)
    if "preview" in _state and index is not None:
        # a rebuild indexed only the pages it rendered: the others' entries are the ones kept
        index.entries = _state["preview"].index()
        _search_plugin(config).search_index_prev = None  # under `mkdocs serve --dirty` it would merge the previous index again
    waiting = _state.pop("later", None)
    if waiting is None:
        return
    later, downloads = waiting
    lang = config.extra.get("content_language", "fi")
    if downloads is None:  # the preview: the pages are served meanwhile, and the next edit need not wait for these
        _state["preview"].render_downloads([sys.executable, "-m", "cooperation.outputs.site.hook",
                                            str(_state["root"]), config.site_dir, lang])
    elif later:
        try:
            files = downloads.made()
        except OutputError as exc:  # said as MkDocs says a plugin's error, not as a traceback
            raise PluginError(f"Latauksia ei voitu tehdä: {exc}") from exc
        put_later(Path(config.site_dir), lang, later, files)


def on_build_error(error):
    _, downloads = _state.pop("later", (None, None))
    if downloads is not None:  # a build that stopped early leaves no LibreOffice running
        downloads.close()


def preview_later(model) -> list[Rendered]:
    """The downloads the preview lists as being made (no conversions: see outputs.offered)."""
    return named(model, offered(model, preview=True))


def preview_downloads(root: Path, site_dir: Path, lang: str) -> None:
    """The preview's downloads rendered from the data and put into the served site (run as a process of its own:
    `python -m cooperation.outputs.site.hook ROOT SITE_DIR LANG`)."""
    model, sources, _ = load_all(root)
    made = {f.name: f.data for f in render_site_files(model, sources, preview=True)}
    put_later(site_dir, lang, preview_later(model), made)


def on_files(files, config):
    blocks = _state["blocks"] = {}
    generated: dict[str, tuple[str | bytes, list[str]]] = {}
    for page in _state["pages"].values():
        text, blocks[page.path] = page.markdown()
        generated[page.path] = (text, blocks[page.path])
    generated["tietomuoto.md"] = (_state["reference"], [])
    generated.update((path, (data, [])) for path, data in _state["assets"].items())
    generated.update((f"lataukset/{name}", (data, [])) for name, data, _ in _state["files"])
    preview = _state.get("preview")
    if preview is not None:  # only what changed is rendered or copied again (preview.py)
        for file in preview.files(config, generated, signature(config)):
            files.append(file)
    else:
        for path, (content, _) in generated.items():
            files.append(File.generated(config, path, content=content))
    return files


def on_page_content(html_text, page, config, files):
    # Markdown tables first: the generated blocks are put back after, already in their containers
    html_text = wrap_tables(html_text, html.unescape(page.title or config.site_name or ""))
    blocks = _state.get("blocks", {}).get(page.file.src_uri)
    html_text = fill(html_text, blocks) if blocks else html_text
    lang = config.extra.get("content_language", "fi")
    if lang != "fi" and page.file.src_uri in FINNISH_ONLY:
        # said in the reader's language first; the page itself marked Finnish for screen readers and search
        html_text = (f'<div class="admonition note" lang="{lang}"><p>{html.escape(L.word("finnish_only", lang))}'
                     f'</p></div>\n<div lang="fi">\n{html_text}\n</div>')
    return html_text


if __name__ == "__main__":
    preview_downloads(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3])

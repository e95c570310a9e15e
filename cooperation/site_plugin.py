"""The MkDocs plugin `yhteistyosopimus`: the agreement's pages are generated from its data inside the build.

Registered as an entry point (``mkdocs.plugins``) of the installed package and named under ``plugins:`` in the
tool's MkDocs configuration (``cooperation/resources/site/mkdocs.yml``, package data). It composes the pipeline
(load → check → model) with the site's pages, as the command line does, so it lives beside ``pipeline.py`` and no
stage below imports it. Its state is on the instance: MkDocs keeps one instance per process for a plugin with
``on_startup`` (every rebuild of ``mkdocs serve``, and both languages of ``build.py site``).

Under ``yhteistyosopimus site`` (``build.py site``) the data's folder and the downloads (the registered outputs,
rendered once for both languages) come from the site build's handoff (``handoff``, set by
``outputs.site.build.build_site``); under a plain ``mkdocs build`` or ``mkdocs serve`` the folder is AGREEMENT_ROOT,
else the configuration file's folder where it holds ``agreement/`` (this repository), else the current folder (a
region's repository), and the downloads are rendered here.
"""
from __future__ import annotations

import contextlib
import html
import logging
import os
import re
import sys
from pathlib import Path
from urllib.parse import urlparse

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File

from cooperation import RESOURCES
from cooperation.background import Stopped, die_with_parent, stop_on_signals
from cooperation.changes.gitrepo import public_url, repository_url
from cooperation.changes.history import cached_history
from cooperation.check import reporters as reporter
from cooperation.compiled import CompiledTemplates
from cooperation.files import OutputError
from cooperation.i18n import labels as L
from cooperation.outputs import EVERY_SITE, Rendered, for_site, named, offered, render_site_files, start_site_files
from cooperation.outputs.names import REFERENCE
from cooperation.outputs.reference import markdown as format_reference
from cooperation.outputs.site.build import Handoff, put_later
from cooperation.outputs.site.html import Download, fill, page_html, wrap_tables
from cooperation.outputs.site.overrides import Overrides
from cooperation.outputs.site.pages import Site, page_nav
from cooperation.outputs.site.preview import Preview, make_dirty, signature
from cooperation.outputs.site.search import searched, without_search_attributes
from cooperation.outputs.site.theme_memo import list_theme_files_quickly, remember_navigation
from cooperation.pipeline import ModelError, load_all
from cooperation.schemas import SCHEMA_DIR
from cooperation.timeliness import fixed_today, today
from cooperation.workspace import Workspace

log = logging.getLogger("mkdocs.plugins.yhteistyosopimus")

# pages written in Finnish only (the editor guide, the field reference from the schemas' Finnish help)
FINNISH_ONLY = ("ohje.md", REFERENCE.pattern)


def data_root(config_file: str | None) -> Path:
    """The data's folder under a plain `mkdocs build`/`serve`: AGREEMENT_ROOT; else the configuration file's folder
    where it holds agreement/ (this repository's mkdocs.yml beside the example); else the current folder."""
    given = os.environ.get("AGREEMENT_ROOT")
    if given:
        return Path(given)
    beside = Path(config_file).resolve().parent if config_file else None
    if beside is not None and (beside / "agreement").is_dir():
        return beside
    return Path.cwd()


class AgreementPlugin(BasePlugin):
    """The pages, navigation, downloads and search of the agreement's site (one instance per process)."""

    def __init__(self) -> None:
        super().__init__()
        # set by `build.py site` for the length of its MkDocs builds (build_site); None under mkdocs build/serve
        self.handoff: Handoff | None = None
        self.command: str | None = None
        self.preview: Preview | None = None
        self.signals: contextlib.ExitStack | None = None
        self.root: Path | None = None
        self.later: tuple[list[Rendered], object | None] | None = None
        self.pages: dict = {}
        self.files: list[tuple[str, bytes, str]] = []
        self.reference = ""
        self.assets: dict[str, bytes | str] = {}
        self.overrides: Overrides | None = None
        self.blocks: dict[str, list[str]] = {}
        self.alternate_roots: list[tuple[str, str, str]] | None = None
        self.page_content: str | None = None
        self.entries_before = 0
        # what this process (a preview session, or one mkdocs build) reads and computes once: cooperation/workspace.py
        self.workspace = Workspace()

    def on_startup(self, *, command, dirty) -> None:
        self.command = command  # "serve": the preview leaves out the slow conversions (PDF)
        if command == "serve":
            self.preview = Preview()
            # SIGTERM stops the preview as Ctrl-C does (MkDocs then shuts down: on_shutdown stops the downloads'
            # process and removes the preview's folder)
            self.signals = contextlib.ExitStack()
            self.signals.enter_context(stop_on_signals())

    def on_serve(self, server, *, config, builder):
        # after the first build, a rebuild renders only the pages that changed (preview.py)
        if self.preview is not None and not make_dirty(server.builder):
            log.info("esikatselu rakentaa jokaisen sivun uudelleen jokaisen muutoksen jälkeen")
        return server

    def on_shutdown(self) -> None:
        if self.preview is not None:
            self.preview.close()
            self.preview = None
        if self.signals is not None:
            self.signals.close()
            self.signals = None

    def on_config(self, config):
        if Path(config.site_dir).resolve().is_relative_to(RESOURCES.resolve()):
            raise PluginError("Sivustoa ei kirjoiteta työkalun asennuskansioon: anna kansio (mkdocs build -d KANSIO) "
                              "tai käytä komentoa yhteistyosopimus site / Webbplatsen skrivs inte i verktygets "
                              "installationsmapp / The site is not written into the tool's installation: give a "
                              "folder (-d) or use `yhteistyosopimus site`")
        given = self.handoff
        root = given.root if given else data_root(config.config_file_path)
        # addresses from the environment (SITE_URL, REPOSITORY_URL) are published without user information (a token)
        config.site_url = public_url(config.site_url)
        config.repo_url = public_url(config.repo_url) or None  # Material's header link, where a region sets one
        config.extra["repository"] = public_url(config.extra.get("repository"))
        if self.preview is not None:
            self.preview.stop_downloads()  # the previous build's: this build writes the downloads page again
        self.root = root
        lang = config.extra.get("content_language", "fi")
        # `build.py site`'s own workspace where it hands one over: both languages share what is read once
        workspace = given.sources.workspace if given and given.sources is not None and given.sources.workspace \
            else self.workspace
        try:
            if given and given.model is not None and given.sources is not None:
                model, sources = given.model, given.sources  # `build.py site` loaded and checked them already
            else:
                model, sources, _ = load_all(root, workspace)
        except ModelError as exc:
            out, err = reporter.text(exc.result, "fi")
            raise PluginError("Sopimuksen tiedoissa on virheitä:\n" + out + err) from exc
        if lang not in model.languages:
            raise PluginError(f"Sopimus ei ole kielellä {lang} (languages: {model.languages})")
        notes: list[str] = []
        if given:  # `build.py site` renders them while both languages are built
            later = given.downloads.files
            self.later = None
        elif self.command == "serve":
            # the preview's downloads are rendered by a process of their own once the pages are written (on_post_build)
            later = preview_later(model)
            self.later = (later, None)
        else:  # as under `build.py site`: rendered while MkDocs builds the pages, put in by on_post_build
            downloads = start_site_files(model, sources, notes)
            later = downloads.files
            self.later = (later, downloads)  # closed by on_build_error should the build stop early
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
        history = cached_history(root, sources, state.in_force.commit if state and state.in_force else None,
                                 model.record_start.isoformat() if model.record_start else None)
        repo_url = config.extra["repository"] or repository_url(root) or ""  # none: no edit links at all
        site = Site(model, lang, repo_url=repo_url, branch=config.extra.get("edit_branch", "main"),
                    downloads=listed, history=history, workspace=workspace)
        # which measurements/*.csv holds each indicator's values: the indicators page links each area to its files
        for row in sources.measurements:
            site.measurement_files.setdefault(row.indicator, set()).add(row.file)
        pages = site.build()
        config.site_name = html.escape(model.short_title.get(lang))  # theme templates do not escape it
        config.nav = page_nav(site)
        # the region's own logo, colours and pages (overrides/)
        overrides = Overrides.read(root, lang, reserved=set(pages) | set(site.assets) | {REFERENCE.pattern, *FINNISH_ONLY})
        overrides.configure(config)
        if len(model.languages) > 1:
            # every language's config inherits the main site's address; the others live under /<lang>/
            base = (urlparse(config.site_url or "").path or "/").rstrip("/") + "/"
            if lang != model.languages[0] and config.site_url:
                config.site_url = config.site_url.rstrip("/") + f"/{lang}/"
            roots = [(L.word(f"language_name_{code}", code) if f"language_name_{code}" in L.WORDS else code, code, base if code == model.languages[0] else f"{base}{code}/")
                     for code in model.languages]
            self.alternate_roots = roots
            config.extra["alternate"] = _alternate(roots, "")
        else:
            self.alternate_roots = None
        config.watch.extend(str(root / name) for name in ("agreement", "subareas", "measurements", "overrides")
                            if (root / name).is_dir())
        self.pages, self.files, self.reference, self.assets = pages, files, format_reference(), site.assets
        self.overrides = overrides
        list_theme_files_quickly(config.theme)
        return config

    @event_priority(100)  # before the search plugin indexes the page
    def _before_search(self, context, *, page, config, nav):
        self.page_content = page.content
        page.content = searched(page.content)
        index = _search_index(config)
        self.entries_before = len(index.entries) if index is not None else 0
        return context

    def _after_search(self, context, *, page, config, nav):
        page.content = without_search_attributes(self.page_content)
        self.page_content = None
        index = _search_index(config)
        if self.preview is not None and index is not None:  # kept for the rebuilds that do not render this page
            self.preview.entries[page.file.src_uri] = index.entries[self.entries_before:]
        # Material reads the switcher from config.extra.alternate: point it at this page, not the home page
        if self.alternate_roots:
            config.extra["alternate"] = _alternate(self.alternate_roots, page.url)
        return context

    on_page_context = CombinedEvent(_before_search, _after_search)

    def on_post_page(self, output, *, page, config):
        output = _search_notice(output, config.extra.get("content_language", "fi"))
        if page.file.src_uri in LANDSCAPE:
            output = output.replace("</head>", _LANDSCAPE_STYLE + "</head>", 1)
        # templates rendered without a page (404.html) keep the links to the home pages
        if self.alternate_roots:
            config.extra["alternate"] = _alternate(self.alternate_roots, "")
            head, end, body = output.partition("</head>")  # the head alone: a regex over a whole page took seconds
            output = _HEAD_ALTERNATE.sub("", head) + end + body
        if config.extra.get("content_language", "fi") != "fi" and page.file.src_uri in FINNISH_ONLY:
            # the table of contents lists the page's Finnish headings
            output = output.replace('<ul class="md-nav__list" data-md-component="toc"',
                                    '<ul class="md-nav__list" data-md-component="toc" lang="fi"')
        return output

    def on_env(self, env, *, config, files):
        # the theme's templates as compiled before (compiled.py): by the preview's first build, else on this machine
        env.bytecode_cache = self.preview.templates if self.preview is not None else CompiledTemplates()
        remember_navigation(env)
        return env

    def on_nav(self, nav, *, config, files):
        if self.preview is not None:
            self.preview.order = [file.src_uri for file in files.documentation_pages()]
        return nav

    @event_priority(100)  # before the search plugin writes its index
    def on_post_build(self, *, config):
        """The downloads on_config listed as being made: under `mkdocs serve` rendered now that the pages
        are served, under `mkdocs build` rendered meanwhile."""
        index = _search_index(config)
        if self.preview is not None and index is not None:
            # a rebuild indexed only the pages it rendered: the others' entries are the ones kept
            index.entries = self.preview.index()
            _search_plugin(config).search_index_prev = None  # under `mkdocs serve --dirty` it would merge the previous index again
        waiting, self.later = self.later, None
        if waiting is None:
            return
        later, downloads = waiting
        lang = config.extra.get("content_language", "fi")
        if downloads is None:  # the preview: the pages are served meanwhile, and the next edit need not wait for these
            assert self.preview is not None
            # the serve's date (--today) too: a context variable does not cross into another process
            self.preview.render_downloads([sys.executable, "-m", "cooperation.site_plugin", str(self.root),
                                           config.site_dir, lang, str(os.getpid()), today().isoformat()])
        elif later:
            try:
                files = downloads.made()  # type: ignore[attr-defined]
            except OutputError as exc:  # said as MkDocs says a plugin's error, not as a traceback
                raise PluginError(f"Latauksia ei voitu tehdä: {exc}") from exc
            for note in downloads.left_out:  # type: ignore[attr-defined]
                log.info("%s; sivustolla ei tarjota sitä", note)
            put_later(Path(config.site_dir), lang, later, files)

    def on_build_error(self, *, error):
        waiting, self.later = self.later, None
        downloads = waiting[1] if waiting else None
        if downloads is not None:  # a build that stopped early leaves no LibreOffice running
            downloads.close()  # type: ignore[attr-defined]

    def on_files(self, files, *, config):
        self.blocks = {}
        generated: dict[str, tuple[str | bytes, list[str]]] = {}
        for page in self.pages.values():
            text, self.blocks[page.path] = page.markdown()
            generated[page.path] = (text, self.blocks[page.path])
        generated[REFERENCE.pattern] = (self.reference, [])
        generated.update((path, (data, [])) for path, data in self.assets.items())
        generated.update((f"lataukset/{name}", (data, [])) for name, data, _ in self.files)
        if self.overrides is not None:
            generated.update((path, (data, [])) for path, data in self.overrides.files.items())
        if self.preview is not None:  # only what changed is rendered or copied again (preview.py)
            for file in self.preview.files(config, generated, signature(config)):
                files.append(file)
        else:
            for path, (content, _) in generated.items():
                files.append(File.generated(config, path, content=content))
        return files

    def on_page_content(self, html_text, *, page, config, files):
        if self.overrides is not None and page.file.src_uri in self.overrides.pages:
            # a region's own page: as the data's Markdown, no script, no handler, no foreign markup
            html_text = page_html(html_text)
        # Markdown tables first: the generated blocks are put back after, already in their containers
        html_text = wrap_tables(html_text, html.unescape(page.title or config.site_name or ""))
        blocks = self.blocks.get(page.file.src_uri)
        html_text = fill(html_text, blocks) if blocks else html_text
        lang = config.extra.get("content_language", "fi")
        if lang != "fi" and page.file.src_uri in FINNISH_ONLY:
            # said in the reader's language first; the page itself marked Finnish for screen readers and search
            html_text = (f'<div class="admonition note" lang="{lang}"><p>{html.escape(L.word("finnish_only", lang))}'
                         f'</p></div>\n<div lang="fi">\n{html_text}\n</div>')
        return html_text


def _alternate(roots, url: str) -> list[dict]:
    """The language switcher's links to one page in every language: both languages have the same paths."""
    return [{"name": name, "lang": code, "link": root + url} for name, code, root in roots]


def _search_plugin(config):
    return config.plugins.get("material/search") or config.plugins.get("search")


def _search_index(config):
    """The search plugin's index of this build (None when the plugin is not in use)."""
    return getattr(_search_plugin(config), "search_index", None)


# Material's script reads <link rel="alternate" hreflang> in the head and fetches "sitemap.xml" next to each
# link to redirect the switcher's clicks; with per-page links that is a 404 per language and page, and with the
# language roots (and an empty sitemap when no site_url is set) it sends every click to the home page. The
# switcher's own links carry hreflang: the head links are left out.
_HEAD_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


# the theme hides its search box when JavaScript is off (html.no-js); the reader is told why it is missing: in the
# header where there is room, at the top of the content on a phone, where the header has room only for the title
# (issue 32.7; extra.css shows one of the two)
_SEARCH_BOX = '<div class="md-search" data-md-component="search"'
_CONTENT = '<div class="md-content" data-md-component="content">'


def _search_notice(output: str, lang: str) -> str:
    text = html.escape(L.word("search_needs_js", lang))
    output = output.replace(_SEARCH_BOX, f'<noscript><p class="no-search">{text}</p></noscript>' + _SEARCH_BOX, 1)
    return output.replace(_CONTENT, _CONTENT + f'<noscript><p class="no-search-content">{text}</p></noscript>', 1)


# pages printed on landscape paper so that every column of their wide table fits (extra.css makes it fit the
# width); a named @page does not work here, as the theme lays the content out in a flex box
LANDSCAPE = ("vastuumatriisi.md", "historia/hyvaksynnat.md")
_LANDSCAPE_STYLE = '<style media="print">@page { size: A4 landscape; margin: 10mm; }</style>'


def preview_later(model) -> list[Rendered]:
    """The downloads the preview lists as being made (no conversions: see outputs.offered)."""
    return named(model, offered(model, preview=True))


def preview_downloads(root: Path, site_dir: Path, lang: str) -> None:
    """The preview's downloads rendered from the data and put into the served site (run as a process of its own:
    `python -m cooperation.site_plugin ROOT SITE_DIR LANG PARENT`)."""
    model, sources, _ = load_all(root)
    made = {f.name: f.data for f in render_site_files(model, sources, preview=True)}
    put_later(site_dir, lang, preview_later(model), made)


def _preview_downloads_process(argv: list[str]) -> int:
    """The process `Preview.render_downloads` starts: it ends with `mkdocs serve` (PARENT), and SIGTERM (the next
    edit, or the preview's end) stops it with its temporary files removed and no file half written. It renders as of
    the serve's day (DAY: `serve --today`, else the day the edit was built)."""
    import datetime
    root, site_dir, lang, parent, day = argv
    die_with_parent(int(parent))
    try:
        with stop_on_signals(), fixed_today(datetime.date.fromisoformat(day)):
            if os.getppid() != int(parent):  # `mkdocs serve` ended before this process started
                return 0
            preview_downloads(Path(root), Path(site_dir), lang)
    except Stopped:
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(_preview_downloads_process(sys.argv[1:]))

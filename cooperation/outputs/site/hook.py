"""MkDocs hook: the agreement's pages are generated from its data inside the build.

mkdocs.yml names this file under `hooks:`. Under `build.py site` the data's folder and the downloads
(the registered outputs, rendered once for both languages) come from the site build's handoff; under a
plain `mkdocs build` or `mkdocs serve` the folder is AGREEMENT_ROOT (default: this repository) and the
downloads are rendered here.
"""
from __future__ import annotations

import html
import os
from pathlib import Path
from urllib.parse import urlparse

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from cooperation import PROJECT
from cooperation.changes.history import cached_history
from cooperation.check import reporters as reporter
from cooperation.outputs import for_site, render_site_files
from cooperation.outputs.reference import markdown as format_reference
from cooperation.outputs.site.build import handoff
from cooperation.outputs.site.pages import Site, fill, page_nav, wrap_tables
from cooperation.pipeline import ModelError, load_all
from cooperation.schemas import SCHEMA_DIR

_state: dict = {}


def data_root() -> Path:
    return Path(os.environ.get("AGREEMENT_ROOT") or PROJECT)


def on_config(config):
    given = handoff()
    root = given.root if given else data_root()
    lang = config.extra.get("content_language", "fi")
    try:
        model, sources, _ = load_all(root)
    except ModelError as exc:
        out, err = reporter.text(exc.result, "fi")
        raise PluginError("Sopimuksen tiedoissa on virheitä:\n" + out + err)
    if lang not in model.languages:
        raise PluginError(f"Sopimus ei ole kielellä {lang} (languages: {model.languages})")
    downloads = given.downloads if given else render_site_files(model, sources)
    files = [(f.name, f.data, f.output.description) for f in for_site(downloads, lang)]
    for path in sorted(SCHEMA_DIR.glob("*.schema.json")):
        files.append((f"schema/{path.name}", path.read_bytes(), "dl_schema"))
    history = cached_history(root, sources)
    site = Site(model, lang, repo_url=config.extra.get("repository", ""), branch=config.extra.get("edit_branch", "main"),
                downloads=[(name, kind) for name, _, kind in files], history=history)
    pages = site.build()
    config.site_name = html.escape(model.short_title.get(lang))  # theme templates do not escape it
    config.nav = page_nav(site)
    if len(model.languages) > 1:
        # every language's config inherits the main site's address; the others live under /<lang>/
        base = (urlparse(config.site_url or "").path or "/").rstrip("/") + "/"
        if lang != model.languages[0] and config.site_url:
            config.site_url = config.site_url.rstrip("/") + f"/{lang}/"
        names = {"fi": "Suomeksi", "sv": "På svenska"}
        config.extra["alternate"] = [{"name": names.get(code, code), "lang": code,
                                      "link": base if code == model.languages[0] else f"{base}{code}/"}
                                     for code in model.languages]
    config.watch.extend(str(root / name) for name in ("agreement", "subareas", "measurements") if (root / name).is_dir())
    _state.update(pages=pages, files=files, reference=format_reference(), assets=site.assets)
    return config


def on_files(files, config):
    blocks = _state["blocks"] = {}
    for page in _state["pages"].values():
        text, blocks[page.path] = page.markdown()
        files.append(File.generated(config, page.path, content=text))
    files.append(File.generated(config, "tietomuoto.md", content=_state["reference"]))
    for path, data in _state["assets"].items():
        files.append(File.generated(config, path, content=data))
    for name, data, _ in _state["files"]:
        files.append(File.generated(config, f"lataukset/{name}", content=data))
    return files


def on_page_content(html_text, page, config, files):
    # Markdown tables first: the generated blocks are put back after, already in their containers
    html_text = wrap_tables(html_text, html.unescape(page.title or config.site_name or ""))
    blocks = _state.get("blocks", {}).get(page.file.src_uri)
    return fill(html_text, blocks) if blocks else html_text

"""MkDocs hook: the agreement's pages are generated from its data inside the build.

mkdocs.yml names this file under `hooks:`. The data's folder comes from AGREEMENT_ROOT (default:
this repository); files to offer for download (the Word documents) from AGREEMENT_DOWNLOADS.
"""
from __future__ import annotations

import html
import os
from pathlib import Path
from urllib.parse import urlparse

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from cooperation import PROJECT
from cooperation.outputs import opendata
from cooperation.check import reporters as reporter
from cooperation.changes.history import cached_history
from cooperation.pipeline import ModelError, load_all
from cooperation.outputs.reference import markdown as format_reference
from cooperation.schemas import SCHEMA_DIR
from cooperation.outputs.site.pages import Site, fill, page_nav, wrap_tables

_state: dict = {}


def data_root() -> Path:
    return Path(os.environ.get("AGREEMENT_ROOT") or PROJECT)


def on_config(config):
    root = data_root()
    lang = config.extra.get("content_language", "fi")
    try:
        model, sources, _ = load_all(root)
    except ModelError as exc:
        out, err = reporter.text(exc.result, "fi")
        raise PluginError("Sopimuksen tiedoissa on virheitä:\n" + out + err)
    if lang not in model.languages:
        raise PluginError(f"Sopimus ei ole kielellä {lang} (languages: {model.languages})")
    files: list[tuple[str, bytes, str]] = [
        (f"{model.id}.json", opendata.bundle_json(sources, model), "dl_json"),
        ("mittaustulokset.csv", opendata.measurements_csv(model), "dl_csv"),
        (f"vuosikello-{lang}.ics", opendata.ics(model, lang), "dl_ics"),
    ]
    downloads_dir = os.environ.get("AGREEMENT_DOWNLOADS")
    if downloads_dir and Path(downloads_dir).is_dir():
        for path in sorted(Path(downloads_dir).iterdir()):
            kind = {".docx": "dl_docx", ".xlsx": "dl_xlsx"}.get(path.suffix)
            if kind:
                files.insert(0, (path.name, path.read_bytes(), kind))
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

"""`build.py site`: the registered downloads rendered once, in a process of their own while one MkDocs build
per language builds the pages, then swapped into place whole."""
from __future__ import annotations

import contextlib
import io
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from cooperation import PROJECT as REPO
from cooperation.files import OutputError, check_replaceable, replace_dir, write_atomic
from cooperation.i18n.status import status
from cooperation.load.sources import Sources
from cooperation.model import Agreement
from cooperation.outputs import Rendered, SiteFiles, for_site, start_site_files
from cooperation.outputs.site.html import pending_size, size_text


class SiteBuildError(OutputError):
    pass


@dataclass(frozen=True)
class Handoff:
    """What `build_site` gives its MkDocs builds: the data's folder, the downloads being rendered (listed on the
    downloads page as being made, their files and real sizes put in once both languages are built)
    and the model they are rendered from (each language's build takes it instead of loading again)."""
    root: Path
    downloads: SiteFiles
    model: Agreement | None = None
    sources: Sources | None = None


# set by build_site for the length of its MkDocs builds, read by the hook's on_config (MkDocs loads the
# hook file as a module of its own, so the handoff lives here); None under a plain `mkdocs build`/`serve`
_handoff: Handoff | None = None


def handoff() -> Handoff | None:
    return _handoff


@contextlib.contextmanager
def _handing_off(value: Handoff):
    global _handoff
    _handoff = value
    try:
        yield
    finally:
        _handoff = None


def config_file(lang: str) -> Path:
    """The MkDocs configuration of a language: mkdocs.<lang>.yml where one exists, else mkdocs.yml (whose
    theme language build_site checks), whichever language comes first in the agreement."""
    own = REPO / f"mkdocs.{lang}.yml"
    return own if own.is_file() else REPO / "mkdocs.yml"


def build_site(model: Agreement, sources: Sources, root: Path, out: Path) -> Path:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    # MkDocs resolves a relative site_dir against mkdocs.yml's folder, not the current one
    target = Path(os.path.abspath(out)) / "site"
    check_replaceable(target)  # before rendering anything
    log = io.StringIO()
    handler = logging.StreamHandler(log)
    handler.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(handler)
    notes: list[str] = []
    downloads = start_site_files(model, sources, notes)  # rendered while MkDocs builds the pages
    for note in notes:  # the build goes on without that file (the PDF where LibreOffice is missing)
        sys.stderr.write(status("note", message=status("not_on_site", note=note)) + "\n")
    try:
        given = Handoff(Path(root).resolve(), downloads, model, sources)
        with _handing_off(given), replace_dir(target) as work:
            site_dirs = {lang: work if index == 0 else work / lang for index, lang in enumerate(model.languages)}
            # the main (first) language first: its clean step would wipe the others' folders
            for lang, site_dir in site_dirs.items():
                config = load_config(str(config_file(lang)), site_dir=str(site_dir), strict=True)
                if config.theme["language"] != lang:
                    raise SiteBuildError(f"MkDocs-asetuksia kielelle {lang} ei ole: lisää tiedosto mkdocs.{lang}.yml "
                                         f"(theme.language: {lang})")
                config.extra["content_language"] = lang
                build(config)
            made = downloads.made()
            for lang, site_dir in site_dirs.items():
                put_later(site_dir, lang, downloads.files, made)
    except (Abort, MkDocsException, SystemExit) as exc:
        raise SiteBuildError(f"sivuston rakentaminen epäonnistui: {exc}\n{log.getvalue()}") from exc
    finally:
        downloads.close()  # a build that stopped early leaves no LibreOffice running
        logging.getLogger("mkdocs").removeHandler(handler)
    return target


def put_later(site_dir: Path, lang: str, later: list[Rendered], made: dict[str, bytes]) -> None:
    """The files of ``later`` (listed as being made) offered in ``lang``: written into the site's downloads,
    their sizes in place of pending_size on its downloads page."""
    page = site_dir / "lataukset" / "index.html"
    text = page.read_text(encoding="utf-8")
    for file in for_site(later, lang):
        placeholder = pending_size(file.name, lang)
        if text.count(placeholder) != 1:
            raise SiteBuildError(f"lataussivulla ei ole tiedoston {file.name} kokoa ({lang})")
        text = text.replace(placeholder, size_text(len(made[file.name]), lang))
        write_atomic(site_dir / "lataukset" / file.name, made[file.name])
    write_atomic(page, text)  # the preview serves the page meanwhile: never half written

"""`build.py site`: the registered downloads rendered once, in a process of their own while one MkDocs build
per language builds the pages, then swapped into place whole."""
from __future__ import annotations

import contextlib
import functools
import io
import logging
import os
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from cooperation import RESOURCES
from cooperation.files import (
    OutputError,
    OutputWriteError,
    abandon_replace,
    check_replaceable,
    replace_dir,
    this_run,
    write_atomic,
    write_error,
)
from cooperation.i18n.status import status
from cooperation.load.sources import Sources
from cooperation.model import Agreement
from cooperation.outputs import Rendered, SiteFiles, for_site, start_site_files
from cooperation.outputs.names import SITE_FOLDER
from cooperation.outputs.site.html import esc, pending_size, size_text

SITE_CONFIG = RESOURCES / "site"


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


# the MkDocs plugin (cooperation/site_plugin.py, entry point `yhteistyosopimus`) that build_site hands its data to
PLUGIN = "yhteistyosopimus"


def config_file(lang: str) -> Path:
    """The MkDocs configuration of a language (package data): mkdocs.<lang>.yml where one exists, else mkdocs.yml
    (whose theme language build_site checks), whichever language comes first in the agreement."""
    own = SITE_CONFIG / f"mkdocs.{lang}.yml"
    return own if own.is_file() else SITE_CONFIG / "mkdocs.yml"


@contextlib.contextmanager
def _handing_off(config, value: Handoff):
    """The handoff on the configuration's plugin for the length of one build (MkDocs keeps one plugin instance per
    process: it is taken off again whatever happens)."""
    plugin = config.plugins.get(PLUGIN)
    if plugin is None:
        raise SiteBuildError(f"MkDocs-asetuksissa {config.config_file_path} ei ole liitännäistä {PLUGIN}")
    plugin.handoff = value
    try:
        yield
    finally:
        plugin.handoff = None


def build_site(model: Agreement, sources: Sources, root: Path, out: Path) -> Path:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    # MkDocs resolves a relative site_dir against mkdocs.yml's folder, not the current one
    target = Path(os.path.abspath(out)) / SITE_FOLDER.pattern
    check_replaceable(target)  # before rendering anything
    log = io.StringIO()
    handler = logging.StreamHandler(log)
    handler.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(handler)
    notes: list[str] = []
    downloads: SiteFiles | None = None
    try:
        with replace_dir(target) as work:
            # rendered while MkDocs builds the pages; should this process be killed, the rendering process removes
            # the unfinished site (and puts the published one back should the kill come between the two renames)
            downloads = start_site_files(model, sources, notes,
                                         orphaned=functools.partial(abandon_replace, work, target, os.getpid(),
                                                                  this_run()))
            for note in notes:  # the build goes on without that file (the PDF where LibreOffice is missing)
                sys.stderr.write(status("note", message=status("not_on_site", note=note)) + "\n")
            site_dirs = {lang: work if index == 0 else work / lang for index, lang in enumerate(model.languages)}
            given = Handoff(Path(root).resolve(), downloads, model, sources)
            # the main (first) language first: its clean step would wipe the others' folders
            for lang, site_dir in site_dirs.items():
                config = load_config(str(config_file(lang)), site_dir=str(site_dir), strict=True)
                if config.theme["language"] != lang:
                    raise SiteBuildError(f"MkDocs-asetuksia kielelle {lang} ei ole: lisää tiedosto "
                                         f"mkdocs.{lang}.yml (theme.language: {lang})")
                config.extra["content_language"] = lang
                with _handing_off(config, given):
                    build(config)
            try:
                made = downloads.made()
            except OSError as exc:  # the renderer's temporary files (TMPDIR), not the site's folder
                raise write_error(Path(exc.filename or tempfile.gettempdir()), exc, kept="aiempi sivusto on ennallaan") \
                    from exc
            for note in downloads.left_out:  # a conversion that hung: the site goes without it, as without LibreOffice
                sys.stderr.write(status("note", message=status("not_on_site", note=note)) + "\n")
            for lang, site_dir in site_dirs.items():
                put_later(site_dir, lang, downloads.files, made)
    except (Abort, MkDocsException, SystemExit) as exc:
        raise SiteBuildError(f"sivuston rakentaminen epäonnistui: {exc}\n{log.getvalue()}") from exc
    except OutputWriteError as exc:  # a download put in the unfinished site: named as the site is
        cause = exc.__cause__
        raise write_error(target, cause if isinstance(cause, OSError) else OSError(str(exc)), what="sivustoa",
                          kept="aiempi sivusto on ennallaan") from exc
    except OSError as exc:  # the disk, while MkDocs writes (full, read-only): said of the site, not of a theme file
        raise write_error(target, exc, what="sivustoa", kept="aiempi sivusto on ennallaan") from exc
    finally:
        if downloads is not None:  # after the swap: the rendering process guards the unfinished site until then
            downloads.close()  # a build that stopped early leaves no LibreOffice running
        logging.getLogger("mkdocs").removeHandler(handler)
    return target


def put_later(site_dir: Path, lang: str, later: list[Rendered], made: dict[str, bytes]) -> None:
    """The files of ``later`` (listed as being made) offered in ``lang``: written into the site's downloads,
    their sizes in place of pending_size on its downloads page. A file not made after all (a conversion that hung)
    leaves the page with its row."""
    page = site_dir / "lataukset" / "index.html"
    text = page.read_text(encoding="utf-8")
    for file in for_site(later, lang):
        placeholder = pending_size(file.name, lang)
        if text.count(placeholder) != 1:
            raise SiteBuildError(f"lataussivulla ei ole tiedoston {file.name} kokoa ({lang})")
        if file.name not in made:  # its line on the page goes (downloads.py marks it with the file's name)
            line = re.compile(r'<li data-pending="' + re.escape(esc(file.name)) + r'">(?:(?!</li>).)*</li>', re.S)
            text, found = line.subn("", text, count=1)
            if found != 1:
                raise SiteBuildError(f"lataussivulla ei ole tiedoston {file.name} riviä ({lang})")
            continue
        text = text.replace(placeholder, size_text(len(made[file.name]), lang)).replace(
            f'<li data-pending="{esc(file.name)}">', "<li>", 1)  # as the page would be written with the file at hand
        write_atomic(site_dir / "lataukset" / file.name, made[file.name])
    write_atomic(page, text)  # the preview serves the page meanwhile: never half written

"""`build.py site`: the registered downloads rendered once, then one MkDocs build per language, swapped
into place whole."""
from __future__ import annotations

import contextlib
import io
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from cooperation import PROJECT as REPO
from cooperation.files import OutputError, check_replaceable, replace_dir
from cooperation.load.sources import Sources
from cooperation.model import Agreement
from cooperation.outputs import Rendered, render_site_files


class SiteBuildError(OutputError):
    pass


@dataclass(frozen=True)
class Handoff:
    """What `build_site` gives its MkDocs builds: the data's folder, the downloads already rendered and
    the model they were rendered from (each language's build takes it instead of loading again)."""
    root: Path
    downloads: list[Rendered]
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
    downloads = render_site_files(model, sources, notes)
    for note in notes:  # the build goes on without that file (the PDF where LibreOffice is missing)
        sys.stderr.write(f"huom: {note}; sivustolla ei tarjota sitä\n")
    try:
        with _handing_off(Handoff(Path(root).resolve(), downloads, model, sources)), \
                replace_dir(target) as work:
            # the main (first) language first: its clean step would wipe the others' folders
            for index, lang in enumerate(model.languages):
                site_dir = work if index == 0 else work / lang
                config = load_config(str(config_file(lang)), site_dir=str(site_dir), strict=True)
                if config.theme["language"] != lang:
                    raise SiteBuildError(f"MkDocs-asetuksia kielelle {lang} ei ole: lisää tiedosto mkdocs.{lang}.yml "
                                         f"(theme.language: {lang})")
                config.extra["content_language"] = lang
                build(config)
    except (Abort, MkDocsException, SystemExit) as exc:
        raise SiteBuildError(f"sivuston rakentaminen epäonnistui: {exc}\n{log.getvalue()}") from exc
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    return target

"""`build.py site`: the Word documents, then one MkDocs build per language, swapped into place whole."""
from __future__ import annotations

import contextlib
import io
import logging
import os
import tempfile
from pathlib import Path

from cooperation.outputs.docx import write_all as write_docx
from cooperation.model import Agreement
from cooperation.files import OutputError, check_replaceable, replace_dir, write_atomic

from cooperation import PROJECT as REPO


class SiteBuildError(OutputError):
    pass


@contextlib.contextmanager
def _environment(**values: str):
    old = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def build_site(model: Agreement, root: Path, out: Path) -> Path:
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
    try:
        with tempfile.TemporaryDirectory() as downloads, \
                _environment(AGREEMENT_ROOT=str(Path(root).resolve()), AGREEMENT_DOWNLOADS=downloads):
            write_docx(model, Path(downloads))
            from cooperation.outputs.workbook import export as export_workbook
            write_atomic(Path(downloads) / f"{model.id}-tyokirja.xlsx", export_workbook(model))
            with replace_dir(target) as work:
                # Finnish (the main language) first: its clean step would wipe site/sv
                for index, lang in enumerate(model.languages):
                    config_file = REPO / ("mkdocs.yml" if index == 0 else f"mkdocs.{lang}.yml")
                    site_dir = work if index == 0 else work / lang
                    config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
                    if index > 0:
                        config.extra["content_language"] = lang
                    build(config)
    except (Abort, MkDocsException, SystemExit) as exc:
        raise SiteBuildError(f"sivuston rakentaminen epäonnistui: {exc}\n{log.getvalue()}") from exc
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    return target

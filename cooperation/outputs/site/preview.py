"""`mkdocs serve`: after the first build, a rebuild renders only the pages that changed.

MkDocs renders every page on every rebuild unless the build is "dirty": then it renders a page only when its
source file is newer than the HTML it wrote last time. Generated pages have no source file, so under the preview
each generated page is written into a folder of its own (`Preview.folder`), rewritten only when its Markdown or
HTML blocks changed; the served folder keeps the HTML of every other page. Whatever every page shows (the
navigation with its titles, the site's name, the settings and the hand-written pages) is one signature: when it
changes, every page is rendered again. The search index is put together from each page's entries as they were
when the page was last rendered, in the order of the pages.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import IO, Any

from mkdocs.structure.files import File

from cooperation.compiled import CompiledTemplates
from cooperation.files import write_atomic

# MkDocs warns on every dirty build that navigation may be stale; the preview renders every page again whenever
# the navigation changes, so the warning would only be noise (and abort a `mkdocs serve --strict` rebuild)
_DIRTY_WARNING = "A 'dirty' build is being performed"


_log = logging.getLogger("mkdocs.plugins.yhteistyosopimus")


class _DirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(_DIRTY_WARNING)


def make_dirty(builder: Any) -> bool:
    """Turn `mkdocs serve`'s rebuilds into dirty builds: its builder decides with the variable ``is_dirty`` of
    the function that made it. False (and the builder left as it is: every rebuild renders everything) where
    this MkDocs keeps it otherwise."""
    code = getattr(builder, "__code__", None)
    if code is None or "is_dirty" not in code.co_freevars or builder.__closure__ is None:
        return False
    cell = builder.__closure__[code.co_freevars.index("is_dirty")]
    if not isinstance(cell.cell_contents, bool):
        return False
    cell.cell_contents = True
    logging.getLogger("mkdocs.commands.build").addFilter(_DirtyWarning())
    return True


def signature(config: Any) -> str:
    """What every page shows besides its own content: the navigation, the site's name and settings, the
    hand-written pages (their titles are in the navigation, their times say whether they were edited)."""
    docs = Path(config.docs_dir)
    written = sorted((str(p.relative_to(docs)), p.stat().st_mtime_ns) for p in docs.rglob("*") if p.is_file())
    config_file = Path(config.config_file_path or "")
    state = {"nav": config.nav, "site_name": config.site_name, "site_url": config.site_url, "extra": config.extra,
             "repo_url": config.repo_url, "docs": written,
             "config": config_file.read_bytes().hex() if config_file.is_file() else ""}
    return hashlib.sha256(json.dumps(state, sort_keys=True, default=str).encode("utf-8")).hexdigest()


class Preview:
    """The state kept from one `mkdocs serve` rebuild to the next."""

    # the downloads page lists the downloads' sizes, put in after each build: always rendered again
    ALWAYS = ("lataukset/index.md",)

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="sopimus-esikatselu-"))
        self.digests: dict[str, str] = {}
        self.signature = ""
        self.entries: dict[str, list] = {}  # a page's search entries from when it was last rendered
        self.order: list[str] = []  # the pages in the order MkDocs renders them
        self.downloads: subprocess.Popen | None = None
        self.templates = CompiledTemplates()

    def close(self) -> None:
        self.stop_downloads()
        shutil.rmtree(self.folder, ignore_errors=True)

    def render_downloads(self, command: list[str]) -> None:
        """Render the downloads in a process of their own (Word and Excel take seconds on a large region): the
        pages are served meanwhile, and the next edit's rebuild does not wait for them. It holds none of the
        preview's output open (what it says is logged from a pipe read here) and ends with the preview."""
        self.stop_downloads()
        self.downloads = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                          stderr=subprocess.STDOUT)
        threading.Thread(target=_log_lines, args=(self.downloads.stdout,), name="downloads-log", daemon=True).start()

    def stop_downloads(self) -> None:
        """Stop the previous build's downloads if they are still rendering (they were of older data): SIGTERM lets
        the process remove its temporary files, and each file is replaced whole, so none is left half written."""
        if self.downloads is not None and self.downloads.poll() is None:
            self.downloads.terminate()
            try:
                self.downloads.wait(timeout=STOP_SECONDS)
            except subprocess.TimeoutExpired:  # not listening: the temporary files are lost with it
                self.downloads.kill()
                self.downloads.wait()
        self.downloads = None

    def files(self, config: Any, generated: dict[str, tuple[str | bytes, list[str]]], now: str) -> list[File]:
        """The generated files (path → content, and for a page the HTML blocks put in after its Markdown) as
        files of the preview's folder. A file is written again only when it changed (or ``now``, the signature,
        did): those are the pages MkDocs renders again and the files it copies again."""
        everything = now != self.signature
        self.signature = now
        made = []
        for path, (content, blocks) in generated.items():
            file = File(path, str(self.folder), config.site_dir, config.use_directory_urls)
            data = content.encode("utf-8") if isinstance(content, str) else content
            digest = hashlib.sha256(b"\0".join([data, *(block.encode("utf-8") for block in blocks)])).hexdigest()
            source = Path(file.abs_src_path or "")
            if everything or path in self.ALWAYS or self.digests.get(path) != digest or not source.is_file():
                _write_newer(source, data, Path(file.abs_dest_path))
                self.digests[path] = digest
            made.append(file)
        for gone in set(self.digests) - set(generated):  # no longer generated (a sub-area removed)
            file = File(gone, str(self.folder), config.site_dir, config.use_directory_urls)
            Path(file.abs_src_path or "").unlink(missing_ok=True)
            Path(file.abs_dest_path).unlink(missing_ok=True)
            del self.digests[gone]
            self.entries.pop(gone, None)
        if everything:
            # the hand-written pages show the navigation too: their HTML is rendered again when it is missing
            for page in Path(config.docs_dir).rglob("*.md"):
                written = File(str(page.relative_to(config.docs_dir)), config.docs_dir, config.site_dir,
                               config.use_directory_urls)
                Path(written.abs_dest_path).unlink(missing_ok=True)
        return made

    def index(self) -> list:
        """The search index's entries: each page's latest, in the order of the pages."""
        return [entry for path in self.order for entry in self.entries.get(path, [])]


STOP_SECONDS = 10  # how long a stopped downloads' process may take to clean up


def _log_lines(stream: IO[bytes]) -> None:
    """What the downloads' process says (a failure, in Finnish, or a bug's traceback), line by line in the
    preview's log."""
    with stream:
        for line in stream:
            text = line.decode("utf-8", "replace").rstrip()
            if text:
                _log.info("lataukset: %s", text)


def _write_newer(source: Path, data: bytes, dest: Path) -> None:
    """Write the source with a time newer than what MkDocs made of it, which MkDocs compares."""
    write_atomic(source, data)
    stamp = time.time_ns()
    try:
        stamp = max(stamp, dest.stat().st_mtime_ns + 1_000_000)
    except OSError:
        pass
    os.utime(source, ns=(stamp, stamp))

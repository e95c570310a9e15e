"""LibreOffice headless, where it is installed: the page each heading of a Word document falls on in LibreOffice's
own layout, so that a table of contents carries page numbers without asking Word to update its fields.

One LibreOffice per document, side by side (each is one process on one core), each with a profile of its own
(parallel runs, and a user's open LibreOffice, do not share a lock) unpacked from one made once per machine and kept
in the cache: a new profile is initialised (``--terminate_after_init``) and given a Basic module whose macro opens the document hidden,
moves a view cursor to each bookmark whose name starts with the given prefix and writes the page it is on.
LibreOffice lays a document out in the background, so the pages are read again, a moment apart, until two readings
agree. The document is only read: nothing LibreOffice writes goes into an output. The pages of a document are
remembered per machine (cooperation/cache.py), keyed by its bytes, LibreOffice and the fonts: the same document is
laid out once. Where LibreOffice is missing, fails or runs out of time, the answer is None and the documents keep a
table of contents without page numbers.
"""
from __future__ import annotations

import functools
import hashlib
import io
import os
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cooperation import cache
from cooperation.background import STOPPING, ProgramStopped, Threads, run_program

TIMEOUT = 120  # seconds for one layout run (a large region's document takes ~15 s); then no page numbers
# the Basic module: Pages(document URL, listing path, bookmark prefix) writes "name<TAB>page" a line
MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Layout" script:language="StarBasic">
Sub Pages(source As String, listing As String, prefix As String)
    Dim args(0) As New com.sun.star.beans.PropertyValue
    args(0).Name = "Hidden"
    args(0).Value = True
    doc = StarDesktop.loadComponentFromURL(source, "_blank", 0, args())
    cursor = doc.getCurrentController().getViewCursor()
    Dim render(0) As New com.sun.star.beans.PropertyValue
    render(0).Name = "IsPrinter"
    render(0).Value = True
    marks = doc.getBookmarks()
    names = marks.getElementNames()
    previous = ""
    out = "-"
    rounds = 0
    REM LibreOffice lays a document out in the background: the pages are read until two readings agree
    Do While out &lt;&gt; previous And rounds &lt; 50
        previous = out
        Wait 150
        pages = doc.getRendererCount(doc, render())
        cursor.jumpToLastPage()
        out = ""
        For i = 0 To UBound(names)
            If Left(names(i), Len(prefix)) = prefix Then
                cursor.gotoRange(marks.getByName(names(i)).getAnchor(), False)
                out = out &amp; names(i) &amp; Chr(9) &amp; cursor.getPage() &amp; Chr(10)
            End If
        Next i
        rounds = rounds + 1
    Loop
    f = FreeFile
    Open listing For Output As #f
    Print #f, out
    Close #f
    doc.close(True)
End Sub
</script:module>
"""
LIBRARY = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">
<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" library:readonly="false" library:passwordprotected="false">
 <library:element library:name="Layout"/>
</library:library>
"""


SWITCH = "YHTEISTYOSOPIMUS_LIBREOFFICE"  # "off": build as on a machine without LibreOffice


def program() -> str | None:
    """LibreOffice's program; None where it is not installed or ``YHTEISTYOSOPIMUS_LIBREOFFICE=off`` turns it off
    (no PDF, a table of contents without page numbers: a quick build, such as a pull request's check)."""
    if turned_off():
        return None
    return shutil.which("soffice") or shutil.which("libreoffice")


def turned_off() -> bool:
    return os.environ.get(SWITCH, "").strip().lower() == "off"


def run(command: list[str], folder: Path, timeout: float | None = None) -> tuple[int, bytes]:
    """A LibreOffice command through background.run_program (a session of its own: the wrapper script starts
    soffice.bin, and a timeout, a stop of the build or an exception in this thread ends both); (exit code, stderr).
    TimeoutError when it runs out of time, InterruptedError when the build stopped. LibreOffice's own temporary
    files go in ``folder``/tmp, removed with the caller's folder even when LibreOffice is killed."""
    if STOPPING.is_set():
        raise InterruptedError("LibreOffice")
    (folder / "tmp").mkdir(parents=True, exist_ok=True)
    try:
        done = run_program(command, timeout=timeout or TIMEOUT, env=environment(folder / "tmp"))
    except subprocess.TimeoutExpired:
        raise TimeoutError("LibreOffice") from None
    except ProgramStopped:
        raise InterruptedError("LibreOffice") from None
    return done.returncode, done.stderr


# glibc's allocator as LibreOffice runs best in one short conversion: with its defaults, a block LibreOffice allocates and
# frees again and again goes back to the system each time and is faulted in anew, some 250,000 page faults and half
# of a conversion's processor time (1.3 s → 0.9 s a conversion, 0.6 → 0.2 s of it in the kernel; ~50 MB more memory)
ALLOCATOR = "glibc.malloc.mmap_threshold=268435456:glibc.malloc.trim_threshold=268435456"


def environment(tmp: Path | None = None) -> dict[str, str]:
    """The environment LibreOffice runs in: its temporary files in ``tmp``, and the allocator kept from giving memory
    back (ALLOCATOR): each of its settings the user's own GLIBC_TUNABLES does not set is added to theirs."""
    own = os.environ.get("GLIBC_TUNABLES", "")
    named = {item.partition("=")[0] for item in own.split(":")}
    tunables = ":".join([item for item in own.split(":") if item] +
                        [item for item in ALLOCATOR.split(":") if item.partition("=")[0] not in named])
    return {**os.environ, "GLIBC_TUNABLES": tunables, **({"TMPDIR": str(tmp)} if tmp is not None else {})}


def _template_profile(soffice: str, installed: str, folder: Path) -> Path | None:
    """A LibreOffice profile holding the layout macro, unpacked in ``folder``: made once per machine and LibreOffice
    and kept in the cache as a tar archive (cooperation/cache.py; an entry that does not unpack is made again, and
    with the cache off it is made here each time); None where LibreOffice fails."""
    key = f"{installed}\0{MACRO}\0{LIBRARY}"
    template = folder / "template"
    known = cache.get_bytes("libreoffice-profile", key)
    if known is not None:
        try:
            with tarfile.open(fileobj=io.BytesIO(known)) as tar:
                tar.extractall(template, **_SAFE)
            return template
        except (tarfile.TarError, OSError):  # damaged: made again below
            shutil.rmtree(template, ignore_errors=True)
    code, _ = run([soffice, f"-env:UserInstallation={template.as_uri()}", "--headless", "--terminate_after_init"],
                  folder / "run-template")
    basic = template / "user" / "basic" / "Standard"
    if code != 0 or not basic.is_dir():
        return None
    (basic / "Layout.xba").write_text(MACRO, encoding="utf-8")
    (basic / "script.xlb").write_text(LIBRARY, encoding="utf-8")
    archive = io.BytesIO()
    with tarfile.open(fileobj=archive, mode="w") as tar:
        tar.add(template, arcname=".")
    cache.put_bytes("libreoffice-profile", key, archive.getvalue())
    return template


# an archive's members only as plain files and folders inside the target (Python ≥ 3.11.4; before it, the archive
# is still only ever one this program wrote into the user's own cache)
_SAFE: dict[str, Any] = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}


def identity() -> str:
    """Which LibreOffice lays out and converts, with which fonts ("" where none): what a remembered Word document or
    PDF depends on."""
    soffice = program()
    return "" if soffice is None else installation(soffice)


@functools.lru_cache(maxsize=4)
def installation(soffice: str) -> str:
    """What decides the layout besides the document: a digest of the LibreOffice that lays out and converts (its
    files' sizes and times, its version file) and of the fonts fontconfig finds. Another LibreOffice or another set
    of fonts puts the headings on other pages (the contents' page numbers) and the PDF's lines elsewhere. Read once a
    process."""
    digest = hashlib.sha256()
    real = Path(os.path.realpath(soffice))
    for path in (real, real.parent / "soffice.bin", real.parent / "versionrc", real.parent / "libmergedlo.so"):
        try:
            digest.update(f"{cache.file_stamp(path)}\0".encode())
            if path.name == "versionrc":
                digest.update(path.read_bytes())
        except OSError:
            digest.update(f"{path}\0-\0".encode())
    try:
        fonts = subprocess.run(["fc-list", "--format", "%{file}\\n"], capture_output=True, timeout=30).stdout
    except (OSError, subprocess.TimeoutExpired):
        fonts = b""
    digest.update(b"\0".join(sorted(fonts.splitlines())))
    return digest.hexdigest()


def heading_pages(documents: dict[str, bytes], prefix: str = "_Toc",
                  prepare: Callable[[bytes], bytes] | None = None) -> dict[str, dict[str, int]] | None:
    """Key → {bookmark: page} for each Word document (key → its bytes), the bookmarks whose names start with
    ``prefix``, as LibreOffice lays the document out; None where LibreOffice is not installed or fails.
    ``prepare``: what LibreOffice lays out is ``prepare(bytes)`` (made only when the cache does not know the
    document: the cache is keyed by the bytes given and this program's code, which ``prepare`` is part of)."""
    soffice = program()
    if soffice is None or not documents:
        return None
    installed = installation(soffice)
    keys = {key: hashlib.sha256(f"{installed}\0{prefix}\0".encode() + data).hexdigest() for key, data in documents.items()}
    found: dict[str, dict[str, int]] = {}
    for key, digest in keys.items():
        known = cache.get("layout", digest)
        if isinstance(known, dict):
            found[key] = {name: int(page) for name, page in known.items()}
    missing = {key: prepare(data) if prepare is not None else data for key, data in documents.items()
               if key not in found}
    if missing:
        laid_out = _lay_out(soffice, installed, missing, prefix)
        if laid_out is None:
            return None
        for key, pages in laid_out.items():
            cache.put("layout", keys[key], pages)
        found.update(laid_out)
    return found


def _lay_out(soffice: str, installed: str, documents: dict[str, bytes], prefix: str) -> dict[str, dict[str, int]] | None:
    with tempfile.TemporaryDirectory(prefix="cooperation-layout-") as tmp:
        folder = Path(tmp)
        try:
            template = _template_profile(soffice, installed, folder)
        except (OSError, TimeoutError, InterruptedError):
            return None
        if template is None:
            return None

        def one(index: int, data: bytes) -> dict[str, int] | None:
            source, listing = folder / f"document-{index}.docx", folder / f"pages-{index}.txt"
            profile = folder / f"profile-{index}"
            try:
                source.write_bytes(data)
                shutil.copytree(template, profile)
                run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--nologo",
                     f'macro:///Standard.Layout.Pages("{source.as_uri()}","{listing}","{prefix}")'],
                    folder / f"run-{index}")
            except (TimeoutError, InterruptedError, OSError):
                return None
            if not listing.is_file():
                return None
            pages = {}
            for line in listing.read_text(encoding="utf-8", errors="replace").splitlines():
                name, _, page = line.partition("\t")
                if name.startswith(prefix) and page.strip().isdigit():
                    pages[name] = int(page)
            return pages
        with Threads(max_workers=max(1, len(documents))) as pool:
            found = list(pool.map(one, range(len(documents)), documents.values()))
    if any(pages is None for pages in found):
        return None
    return {key: pages for key, pages in zip(documents, found) if pages is not None}

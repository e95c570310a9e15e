"""Writing output files completely or not at all, and only where it is safe to write."""
from __future__ import annotations

import contextlib
import contextvars
import errno
import io
import os
import shutil
import stat
import tempfile
import zipfile
from collections.abc import Mapping
from pathlib import Path

# written into every site we build: only a folder carrying it is ever replaced (and so deleted)
SITE_MARKER = ".yhteistyosopimus-sivusto"
SITE_MARKER_TEXT = ("Tämän kansion on rakentanut `python build.py site`, ja se korvataan kokonaan seuraavalla kerralla.\n"
                    "Built by `python build.py site`; the next build replaces this folder whole.\n")
DATA_DIRS = ("agreement", "subareas", "measurements")


class OutputError(Exception):
    """An output cannot be produced (a template asks for a missing field, MkDocs fails, …)."""


class OutputFolderError(OutputError):
    """The output folder cannot be used (a file, read-only, the data's own folder, …): a usage error."""


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _normal_mode(path: Path, default: int) -> int:
    """The mode a rewritten ``path`` should get: its current one, or ``default`` less the umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return default & ~_umask()


class OutputWriteError(OutputFolderError):
    """A file could not be written (the disk is full, read-only, no permission, …): said naming the output,
    a usage (environment) error like an unusable output folder; the files written earlier are as they were."""


# what the disk's errors mean to the user
_DISK_ERRORS = {
    errno.ENOSPC: "levy on täynnä",
    errno.EDQUOT: "levytilan kiintiö on täynnä",
    errno.EROFS: "levy on vain luettavissa (read-only)",
    errno.EACCES: "kirjoitusoikeus puuttuu",
    errno.EPERM: "kirjoitusoikeus puuttuu",
    errno.EFBIG: "tiedosto on liian suuri tälle levylle",
    errno.EIO: "levyn luku- tai kirjoitusvirhe",
}


def is_disk_error(exc: BaseException) -> bool:
    """Whether ``exc`` is the disk's doing (full, read-only, no permission) rather than the program's."""
    return isinstance(exc, OSError) and exc.errno in _DISK_ERRORS


def write_error(output: Path, exc: OSError, written: list[Path] | None = None, what: str = "tiedostoa",
                kept: str = "aiemmat tiedostot ovat ennallaan") -> OutputWriteError:
    """The error for an output ``output`` (``what``: tiedostoa, sivustoa) that could not be written because of
    ``exc``: what it means in words, the system's own words after it, and that the earlier files are as they
    were (``kept``), but ``written``."""
    meaning = _DISK_ERRORS.get(exc.errno or 0)
    detail = f"{meaning} ({exc.strerror})" if meaning and exc.strerror else exc.strerror or str(exc)
    after = f"tiedostot {', '.join(map(str, written))} ehdittiin jo korvata" if written else kept
    return OutputWriteError(f"{what} {output} ei voitu kirjoittaa: {detail}; {after}")


def refused(exc: BaseException) -> OutputFolderError | None:
    """What the folder or the disk refused, as the user is told it (a usage error, exit 2), or None (anything else: a
    bug). The one place a command's disk errors are mapped: an unusable output folder or a file the write path could not
    write is its own error (write_error's words); a disk error elsewhere (a temporary file in TMPDIR, which the write
    path does not write) is named by write_error, nothing of the outputs having been written."""
    if isinstance(exc, OutputFolderError):
        return exc
    if isinstance(exc, OSError) and is_disk_error(exc):
        where = Path(exc.filename or tempfile.gettempdir())
        return write_error(where, exc, kept="tuloksia ei kirjoitettu")
    return None


def write_all_atomic(files: Mapping[Path, bytes | str]) -> None:
    """Every file or none: each is written to a temporary file beside it, then all are renamed into place, in the
    order given. The one write path for every file a command writes: an OSError (disk full, read-only,
    permission) is raised as OutputWriteError naming the file, with no temporary file left behind.

    mkstemp makes 0600 files: each gets the mode of the file it replaces, or a new file's usual mode."""
    staged: list[tuple[str, Path]] = []

    def unstage(left: list[tuple[str, Path]]) -> None:
        for tmp, _ in left:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)

    path = Path()
    try:
        for path, data in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
            staged.append((tmp, path))
            with os.fdopen(fd, "wb") as handle:
                handle.write(data.encode("utf-8") if isinstance(data, str) else data)
            os.chmod(tmp, _normal_mode(path, 0o666))
    except OSError as exc:
        unstage(staged)
        raise write_error(path, exc) from exc
    except BaseException:
        unstage(staged)
        raise
    for index, (tmp, path) in enumerate(staged):
        try:
            os.replace(tmp, path)
        except BaseException as exc:  # the rest are not put in place (an interrupt, a folder in the file's place)
            unstage(staged[index:])
            if isinstance(exc, OSError):
                raise write_error(path, exc, [done for _, done in staged[:index]]) from exc
            raise


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write to a temporary file beside ``path`` and rename it into place."""
    write_all_atomic({path: data})


FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def reproducible_zip(data: bytes, level: int | None = None) -> bytes:
    """Same content, fixed entry times and order: the same input gives the same bytes (.docx, .xlsx).
    ``level``: zlib's compression level (default: zlib's own)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    return reproducible_zip_of({name: source.read(name) for name in source.namelist()}, level)


def reproducible_zip_of(parts: Mapping[str, bytes], level: int | None = None) -> bytes:
    """The zip of ``parts`` (name → bytes) as reproducible_zip writes it: [Content_Types].xml first, the rest by
    name, fixed times."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as target:
        first = [n for n in parts if n == "[Content_Types].xml"]
        for name in first + sorted(n for n in parts if n not in first):
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, parts[name], compresslevel=level)
    return out.getvalue()


def _within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_out_dir(out: Path, data_root: Path | None = None) -> None:
    """Raise OutputFolderError unless files can be written into ``out`` (created later if missing).

    Checked before any work, so a command neither renders for nothing nor fails half-way. The
    folder must not be, or hold, the data's folder (nor lie in its data folders): outputs and the
    agreement stay apart, and ``--out /`` is refused."""
    resolved = Path(os.path.realpath(out))
    if data_root is not None:
        root = Path(os.path.realpath(data_root))
        if _within(root, resolved):
            raise OutputFolderError(f"tuloskansio {out} ei kelpaa: se on sopimuksen tietojen kansio tai sisältää sen "
                                    f"({data_root}); anna --out erillinen kansio, esimerkiksi out")
        for name in DATA_DIRS:
            if _within(resolved, root / name):
                raise OutputFolderError(f"tuloskansio {out} ei kelpaa: se on sopimuksen tietokansiossa {name}/; "
                                        "anna --out erillinen kansio, esimerkiksi out")
    existing = Path(os.path.abspath(out))
    while not existing.exists() and not existing.is_symlink() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise OutputFolderError(f"tuloskansio {out} ei kelpaa: " + (
            "se on tiedosto eikä kansio" if existing == Path(os.path.abspath(out)) else f"{existing} ei ole kansio"))
    try:
        # a real try, not permission bits: root ignores them, read-only file systems do not
        with tempfile.TemporaryFile(dir=existing):
            pass
    except OSError as exc:
        where = "" if existing == Path(os.path.abspath(out)) else f" (kansioon {existing})"
        raise OutputFolderError(f"tuloskansio {out} ei kelpaa: siihen ei voi kirjoittaa{where}: "
                                f"{exc.strerror or exc}") from exc


def check_replaceable(target: Path) -> None:
    """Raise OutputFolderError unless ``target`` is missing or a site built earlier (it carries SITE_MARKER)."""
    if target.is_symlink() or (target.exists() and not (target.is_dir() and (target / SITE_MARKER).is_file())):
        raise OutputFolderError(
            f"tuloskansio {target.parent} ei kelpaa: {target} on jo olemassa, eikä se ole tämän ohjelman aiemmin rakentama "
            f"sivusto (tiedosto {SITE_MARKER} puuttuu), joten sitä ei korvata eikä poisteta. Anna toinen --out "
            "tai siirrä kansio itse pois.")


@contextlib.contextmanager
def replace_dir(target: Path):
    """Build a directory in a temporary sibling; swap it in for ``target`` only on success.

    Only a site built earlier (with SITE_MARKER) is replaced: anything else at ``target`` is refused."""
    check_replaceable(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    try:
        yield work
        (work / SITE_MARKER).write_text(SITE_MARKER_TEXT, encoding="utf-8")
        os.chmod(work, _normal_mode(target, 0o777))  # mkdtemp makes it 0700
        check_replaceable(target)  # again: the build took a while
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    old = _replaced(target, os.getpid())
    if target.exists():
        os.replace(target, old)
    os.replace(work, target)
    shutil.rmtree(old, ignore_errors=True)


# the running command's folder for temporary files (a context variable: a library call outside a command has none)
_run: contextvars.ContextVar[Path | None] = contextvars.ContextVar("run_folder", default=None)


@contextlib.contextmanager
def run_folder():
    """Every temporary file of a command in one folder of its own under TMPDIR (``tempfile.tempdir``, which the
    processes it forks inherit; LibreOffice gets it as TMPDIR), removed at the end, however the command ends. Should
    the process be killed (SIGKILL), a process that outlives it removes the folder (``abandon_replace``)."""
    before, folder = tempfile.tempdir, Path(tempfile.mkdtemp(prefix="cooperation-run-"))
    tempfile.tempdir = str(folder)
    token = _run.set(folder)
    try:
        yield folder
    finally:
        _run.reset(token)
        tempfile.tempdir = before
        shutil.rmtree(folder, ignore_errors=True)


def this_run() -> Path | None:
    """The running command's folder for temporary files (``run_folder``); None outside a command (a library call,
    whose temporary folder is the system's or the caller's, and never removed)."""
    return _run.get()


def _replaced(target: Path, pid: int) -> Path:
    """Where replace_dir in process ``pid`` moves the earlier ``target`` for the moment of the swap."""
    return target.parent / f".{target.name}.old-{pid}"


def abandon_replace(work: Path, target: Path, pid: int, run: Path | None) -> None:
    """Undo what replace_dir(``target``) in process ``pid`` left when that process was killed (SIGKILL gives it no
    chance): its unfinished ``work`` is removed, and an earlier ``target`` moved aside for the swap is put back
    where the kill came between the swap's two renames, and the command's temporary folder ``run`` (run_folder) goes
    too. Run by the process that outlives it (background.py)."""
    old = _replaced(target, pid)
    if old.is_dir() and not os.path.lexists(target):
        os.replace(old, target)
    shutil.rmtree(work, ignore_errors=True)
    shutil.rmtree(old, ignore_errors=True)
    if run is not None:
        shutil.rmtree(run, ignore_errors=True)

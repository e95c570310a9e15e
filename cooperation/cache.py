"""A cache kept between commands, for what depends only on its key: what git's commits hold (the fingerprint and
version of each text a decision leads to; whether only editorial changes lead from one text to another) and the
PDF LibreOffice made of a Word document's bytes; what pandoc wrote for the same run (outputs/docx/pandoc_doc.py).
Each is computed once per machine.

Where: ``YHTEISTYOSOPIMUS_CACHE`` (``off`` turns it off), else ``$XDG_CACHE_HOME/yhteistyosopimus``, else
``~/.cache/yhteistyosopimus``; never inside the output folder. Each entry (a JSON value, or bytes: a PDF, a Word
body) is a file named by the SHA-256 of its key and of this program's own code, so another version of the program
never reads what this one wrote, and it holds that name and, for bytes, their digest: an entry moved under another
name or cut short (a power cut before the disk wrote it), and bytes changed, are not used. Entries are written whole (a temporary
file renamed into place), so concurrent builds and a killed one leave no half entry; an entry that cannot be read,
or is no regular file, is computed again. Entries not used for ``MAX_AGE_DAYS`` are removed.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

MAX_AGE_DAYS = 90
_PACKAGE = Path(__file__).resolve().parent


def folder() -> Path | None:
    """The cache folder, or None when turned off."""
    given = os.environ.get("YHTEISTYOSOPIMUS_CACHE", "").strip()
    if given.lower() == "off":
        return None
    if given:
        return Path(given)
    base = os.environ.get("XDG_CACHE_HOME", "").strip() or str(Path.home() / ".cache")
    return Path(base) / "yhteistyosopimus"


@functools.lru_cache(maxsize=1)
def program() -> str:
    """A digest of this program's code: entries of another version are never read."""
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*.py")):
        digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _path(kind: str, key: str, suffix: str = ".json") -> Path | None:
    """Where the entry is: its file named by its name (``path.stem``), which the entry holds too."""
    base = folder()
    if base is None:
        return None
    name = hashlib.sha256(f"{program()}\0{kind}\0{key}".encode()).hexdigest()
    return base / kind / name[:2] / f"{name}{suffix}"


def get(kind: str, key: str) -> Any | None:
    path = _path(kind, key)
    data = _read(path)
    if path is None or data is None:
        return None
    try:
        stored = json.loads(data)
        return stored["value"] if stored.get("entry") == path.stem else None
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def put(kind: str, key: str, value: Any) -> None:
    """Stores ``value`` (JSON) with the entry's name; a cache that cannot be written is no cache, never an error."""
    path = _path(kind, key)
    if path is not None:
        _store(path, json.dumps({"entry": path.stem, "value": value}).encode("utf-8"))


# a bytes entry: this mark, the entry's name and the bytes' digest (32 bytes each), the bytes
_MARK = b"yhteistyosopimus-cache 1\n"


def get_bytes(kind: str, key: str) -> bytes | None:
    """The bytes stored by ``put_bytes`` (a PDF), or None (none, or not whole, or not this entry's)."""
    return _unpack(_path(kind, key, ".bin"))


def get_code(kind: str, key: str) -> bytes | None:
    """As ``get_bytes``, for an entry that is code the program runs (the theme's compiled templates) or goes into a
    document as it is (pandoc's output): only a file of this user's that no one else may write, in folders of this
    user's that no one else may write (a shared or planted cache folder runs and publishes nothing)."""
    return _unpack(_path(kind, key, ".bin"), private=True)


def _unpack(path: Path | None, private: bool = False) -> bytes | None:
    """The bytes of the entry at ``path`` (named by its name), where it holds that name and their digest."""
    stored = _read(path, private)
    if path is None or stored is None or not stored.startswith(_MARK):
        return None
    head = len(_MARK)
    name, digest, data = stored[head:head + 32], stored[head + 32:head + 64], stored[head + 64:]
    if name != bytes.fromhex(path.stem) or digest != hashlib.sha256(data).digest():
        return None
    return data


def _read(path: Path | None, private: bool = False) -> bytes | None:
    """An entry's bytes, marked as used now (kept from pruning); None where there is none, it is no regular file (a
    folder, a pipe: not waited for) or cannot be read, or, ``private``, where another user could have written it."""
    if path is None:
        return None
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        with os.fdopen(fd, "rb") as f:
            entry = os.fstat(f.fileno())
            if not stat.S_ISREG(entry.st_mode):
                return None
            if private and not _own(entry, path.parent.stat(), path.parent.parent.stat()):
                return None
            data = f.read()
    except OSError:
        return None
    try:
        os.utime(path)
    except OSError:
        pass
    return data


def _own(entry: os.stat_result, *folders: os.stat_result) -> bool:
    """The entry and its folders are this user's, and writable by no one else (a member of the group could move
    another entry into its place)."""
    me = os.getuid()
    return all(item.st_uid == me and not item.st_mode & 0o022 for item in (entry, *folders))


def put_bytes(kind: str, key: str, data: bytes) -> None:
    path = _path(kind, key, ".bin")
    if path is not None:
        _store(path, _MARK + bytes.fromhex(path.stem) + hashlib.sha256(data).digest() + data)


def file_stamp(path: str | Path) -> str:
    """A file as a key names it without reading it: its path, size, times and inode (a file replaced in place, even
    with the same size and time, is another). OSError where it cannot be found."""
    info = os.stat(path)
    return f"{path}\0{info.st_size}\0{info.st_mtime_ns}\0{info.st_ctime_ns}\0{info.st_ino}"


def _store(path: Path | None, data: bytes) -> None:
    """Written whole or not at all: a temporary file renamed into place (a killed build leaves no half entry). The
    entry's folders are made the user's own (0700)."""
    if path is None:
        return
    temporary = None
    try:
        path.parent.parent.parent.mkdir(parents=True, exist_ok=True)
        for made in (path.parent.parent, path.parent):
            made.mkdir(mode=0o700, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
        with os.fdopen(handle, "wb") as f:
            f.write(data)
        os.replace(temporary, path)
        temporary = None
    except OSError:
        pass
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
    _prune_now_and_then(path.parent.parent)


def remembered(kind: str, key: str, compute: Callable[[], Any]) -> Any:
    """The cached value for ``key``, else ``compute()`` stored."""
    found = get(kind, key)
    if found is not None:
        return found
    value = compute()
    put(kind, key, value)
    return value


def _prune_now_and_then(kind_folder: Path) -> None:
    """Removes entries unused for MAX_AGE_DAYS, at most once a day per kind of entry."""
    stamp = kind_folder / ".pruned"
    now = time.time()
    try:
        if now - stamp.stat().st_mtime < 86400:
            return
    except OSError:
        pass
    try:
        stamp.touch()
        for entry in kind_folder.glob("*/*"):
            # entries unused for long, and temporary files a killed build left behind (an hour old)
            age = now - entry.stat().st_mtime
            if age > MAX_AGE_DAYS * 86400 or (entry.name.startswith(".tmp-") and age > 3600):
                entry.unlink(missing_ok=True)
    except OSError:
        pass

"""The cache's entries (cooperation/cache.py) are used only whole and only under their own name: an entry cut short, moved
under another's name, a folder, a pipe, or in a folder others may write is computed again, never used, waited for
or a crash."""
from __future__ import annotations

import os
import threading

import pytest
from helpers import MINIMAL, run_cli

from cooperation import cache


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("YHTEISTYOSOPIMUS_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def entry(kind: str, key: str, suffix: str = ".bin"):
    path = cache._path(kind, key, suffix)
    assert path is not None
    return path


def test_bytes_come_back_as_they_were_stored(folder):
    cache.put_bytes("pdf", "a", b"%PDF-1.7 a")
    assert cache.get_bytes("pdf", "a") == cache.get_code("pdf", "a") == b"%PDF-1.7 a"
    assert cache.get_bytes("pdf", "b") is None


@pytest.mark.parametrize("keep", [0, 40, -1], ids=["empty", "its head only", "one byte short"])
def test_an_entry_cut_short_is_not_used(folder, keep):
    """A power cut can leave a renamed file without its bytes: it is no PDF to publish."""
    cache.put_bytes("pdf", "a", b"%PDF-1.7 " + b"x" * 100)
    path = entry("pdf", "a")
    path.write_bytes(path.read_bytes()[:keep])
    assert cache.get_bytes("pdf", "a") is None


def test_an_entry_moved_under_another_name_is_not_used(folder):
    """Whoever may write the folder could swap the Finnish document's body for the Swedish one's: each entry holds
    its own name."""
    cache.put_bytes("pandoc", "fi", b"suomeksi")
    cache.put_bytes("pandoc", "sv", b"pa svenska")
    entry("pandoc", "sv").replace(entry("pandoc", "fi"))
    assert cache.get_code("pandoc", "fi") is None and cache.get_bytes("pandoc", "fi") is None


def test_a_value_moved_under_another_name_is_not_used(folder):
    cache.put("text", "v1.0", {"fingerprint": "aaa"})
    cache.put("text", "v2.0", {"fingerprint": "bbb"})
    assert cache.get("text", "v1.0") == {"fingerprint": "aaa"}
    entry("text", "v2.0", ".json").replace(entry("text", "v1.0", ".json"))
    assert cache.get("text", "v1.0") is None


def test_a_folder_in_an_entry_s_place_is_no_entry(folder):
    cache.put_bytes("pdf", "a", b"x")
    path = entry("pdf", "a")
    path.unlink()
    path.mkdir()
    assert cache.get_bytes("pdf", "a") is None and cache.get_code("pdf", "a") is None


def test_a_pipe_in_an_entry_s_place_is_not_waited_for(folder):
    cache.put_bytes("pdf", "a", b"x")
    path = entry("pdf", "a")
    path.unlink()
    os.mkfifo(path)
    found = []
    reader = threading.Thread(target=lambda: found.append(cache.get_bytes("pdf", "a")), daemon=True)
    reader.start()
    reader.join(10)
    assert found == [None], "the cache waited for a writer of the pipe"


def test_folders_are_made_the_user_s_own_and_one_the_group_may_write_gives_no_code(folder):
    cache.put_bytes("templates", "a", b"code")
    path = entry("templates", "a")
    assert [oct(p.stat().st_mode & 0o777) for p in (path.parent, path.parent.parent)] == ["0o700", "0o700"]
    assert cache.get_code("templates", "a") == b"code"
    path.parent.chmod(0o770)  # a member of the group could move another entry into its place
    assert cache.get_code("templates", "a") is None


def test_a_word_document_is_built_the_same_with_its_pandoc_entries_cut_short(folder, tmp_path):
    """End to end: `docx` after one whose pandoc entries were damaged gives the same bytes, exit 0."""
    assert run_cli("docx", "--root", MINIMAL, "--out", tmp_path / "first").returncode == 0
    entries = list((folder / "pandoc").rglob("*.bin"))
    assert entries
    for path in entries:
        path.write_bytes(path.read_bytes()[:50])
    done = run_cli("docx", "--root", MINIMAL, "--out", tmp_path / "again")
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (tmp_path / "again").iterdir()) == sorted(p.name for p in (tmp_path / "first").iterdir())
    for path in (tmp_path / "first").iterdir():
        assert (tmp_path / "again" / path.name).read_bytes() == path.read_bytes(), path.name

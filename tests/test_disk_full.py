"""A full disk (a small tmpfs, really full): every command that writes says which output it could not write and
exits 2; the files an earlier run wrote are as they were, and no temporary file is left behind.

Mounting needs root (CI runs the tests with sudo); elsewhere these tests skip, unless REQUIRE_TMPFS is set."""
from __future__ import annotations

import contextlib
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import REPO, copy_example

# whole builds and real processes: left out of `make test-fast`
pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("libreoffice_off")]

MB = 1 << 20


@contextlib.contextmanager
def tmpfs(folder: Path, size: int):
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True,
                          text=True) if os.geteuid() == 0 else None
    if done is None or done.returncode != 0:
        why = f"a tmpfs cannot be mounted here ({done.stderr.strip() if done else 'not root'})"
        if os.environ.get("REQUIRE_TMPFS"):
            pytest.fail(why)
        pytest.skip(why)
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def fill(folder: Path, leave: int = 0) -> None:
    """Fill the file system of ``folder`` until it has no room (then free ``leave`` bytes of it again)."""
    filler = folder / "täyte"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    try:
        for chunk in (MB, 64 << 10, 4 << 10, 512, 1):
            try:
                while os.write(fd, b"\0" * chunk):
                    pass
            except OSError:
                pass
    finally:
        os.close(fd)
    if leave:
        os.truncate(filler, max(0, filler.stat().st_size - leave))


def build(*args, root: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(REPO / "build.py"), *map(str, args), "--root", str(root),
                           "--today", "2026-11-28"],
                          capture_output=True, text=True, timeout=600,
                          env={**os.environ, "SOURCE_DATE_EPOCH": "1796083200"})


def digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != "täyte"}


def assert_refused(done: subprocess.CompletedProcess, output: Path) -> None:
    assert done.returncode == 2, done.stderr
    assert "sisäinen virhe" not in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert f"virhe: tiedostoa {output}" in done.stderr, done.stderr
    assert "levy on täynnä" in done.stderr, done.stderr


@pytest.fixture
def repo(tmp_path) -> Path:
    """The example region in git, tagged v1.0, with an amendment in its working tree."""
    root = copy_example(tmp_path / "data")
    git = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q", "-b", "main"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "data", "--date", "2026-06-01T10:00:00"], check=True)
    subprocess.run([*git, "tag", "v1.0"], check=True)
    path = root / "subareas" / "hyte.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("liikkuu vapaa-ajallaan.", "liikkuu vapaa-ajallaan yhä."),
                    encoding="utf-8")
    return root


@pytest.mark.parametrize("command, first", [
    (["amendment", "v1.0"], "rannikkoseutu-2026-muutokset-fi.docx"),
    (["report", "2026"], "seurantaraportti-2026-fi.docx"),
    (["docx"], "rannikkoseutu-2026-fi.docx"),
    (["export-xlsx"], "rannikkoseutu-2026-tyokirja.xlsx"),
    (["reference"], "tietomuoto.md"),
])
def test_a_full_disk_is_named_and_the_earlier_files_stay(repo, tmp_path, command, first):
    with tmpfs(tmp_path / "disk", 8 * MB) as disk:
        out = disk / "out"
        earlier = build(*command, "--out", out, root=repo)
        assert earlier.returncode == 0, earlier.stderr
        before = digests(out)
        path = repo / "subareas" / "hyte.yaml"  # the next run's files would differ
        path.write_text(path.read_text(encoding="utf-8").replace("yhä.", "yhä enemmän."), encoding="utf-8")
        fill(disk)
        done = build(*command, "--out", out, root=repo)
        assert_refused(done, out / first)
        assert digests(out) == before
        assert sorted(p.name for p in out.iterdir()) == sorted(before)  # no staged file left behind


def test_a_full_disk_under_the_site_names_the_site_and_keeps_the_one_published(repo, tmp_path):
    with tmpfs(tmp_path / "disk", 40 * MB) as disk:
        out = disk / "out"
        earlier = build("site", "--out", out, root=repo)
        assert earlier.returncode == 0, earlier.stderr
        before = digests(out / "site")
        fill(disk, leave=300 << 10)  # room for some of the new site's pages, not all
        done = build("site", "--out", out, root=repo)
        assert done.returncode == 2, done.stderr
        assert "sisäinen virhe" not in done.stderr and ".venv" not in done.stderr and "site-packages" not in done.stderr
        assert f"virhe: sivustoa {out / 'site'} ei voitu kirjoittaa: levy on täynnä" in done.stderr, done.stderr
        assert digests(out / "site") == before
        assert sorted(p.name for p in out.iterdir()) == ["site"], done.stderr  # no .site.new-* left


def test_a_full_data_disk_is_named_and_nothing_is_half_written(tmp_path):
    with tmpfs(tmp_path / "disk", 8 * MB) as disk:
        root = copy_example(disk / "data")
        before = digests(root)
        fill(disk)
        done = build("new-subarea", "kulttuuri", root=root)
        assert_refused(done, root / "subareas" / "kulttuuri.yaml")
        values = tmp_path / "tidy.csv"
        values.write_text("indicator,area,year,value\nHYTE-1-M1,region,2026,30.5\n", encoding="utf-8")
        done = build("import-measurements", values, root=root)
        assert done.returncode == 2, done.stderr
        assert "virhe:" in done.stderr and "levy on täynnä" in done.stderr and "sisäinen virhe" not in done.stderr
        assert digests(root) == before



def test_a_disk_error_outside_the_write_path_is_named_not_a_crash(repo, tmp_path, monkeypatch):
    """Python's tempfile moves on to /tmp when TMPDIR is full, so a full temporary folder is simulated: the
    data of a past year exported from git into it."""
    import errno

    from helpers import run_cli

    from cooperation.changes import snapshot

    def full(root, year, dest):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(dest / "subareas" / "hyte.yaml"))

    monkeypatch.setattr(snapshot, "export_year", full)
    done = run_cli("report", "2026", "--root", repo, "--today", "2027-03-01", "--out", tmp_path / "out")
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("virhe: tiedostoa /") and "hyte.yaml ei voitu kirjoittaa: levy on täynnä" in done.stderr
    assert not (tmp_path / "out").exists()

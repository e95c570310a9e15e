"""The output folder (--out) of every writing command: where the outputs land, what is never
replaced or deleted, usable-folder checks before any work, and normal file modes."""
from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

import pytest
from helpers import MINIMAL, REPO, copy_root, run_cli

WRITING = ["docx", "site", "export-xlsx", "reference"]
MARKER = ".yhteistyosopimus-sivusto"


@contextlib.contextmanager
def umask(mask: int):
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


def tree(path: Path) -> list[str]:
    """Every path below ``path`` (links not followed), to compare before and after."""
    return sorted(p.relative_to(path).as_posix() for p in path.rglob("*"))


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob(".site.*")) if folder.is_dir() else []


@pytest.mark.slow
def test_relative_out_is_taken_from_the_current_folder(tmp_path, monkeypatch):
    root = copy_root(MINIMAL, tmp_path / "root")
    work = tmp_path / "work"
    work.mkdir()
    before = leftovers(REPO / "out")
    monkeypatch.chdir(work)
    done = run_cli("site", "--root", root, "--out", "out")
    assert done.returncode == 0, done.stderr
    assert (work / "out" / "site" / "index.html").is_file()
    assert (work / "out" / "site" / "osa-alueet" / "hyte" / "index.html").is_file()
    assert str(work / "out" / "site") in done.stderr  # the message names the real place
    assert leftovers(REPO / "out") == before  # nothing half-built beside mkdocs.yml
    assert leftovers(work / "out") == []


def test_site_replaces_its_own_earlier_build(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "root")
    out = tmp_path / "out"
    assert run_cli("site", "--root", root, "--out", out).returncode == 0
    assert (out / "site" / MARKER).is_file()
    (out / "site" / "vanha.html").write_text("edellinen", encoding="utf-8")
    again = run_cli("site", "--root", root, "--out", out)
    assert again.returncode == 0, again.stderr
    assert not (out / "site" / "vanha.html").exists() and (out / "site" / MARKER).is_file()
    assert leftovers(out) == []


def test_site_never_replaces_a_folder_it_did_not_build(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "root")
    out = tmp_path / "out"
    data = copy_root(MINIMAL, out / "site")  # someone's data repository happens to be called site
    (data / ".git").mkdir()
    (data / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "tiedosto.txt").write_text("x", encoding="utf-8")
    linked = tmp_path / "linked"
    (linked / "site").parent.mkdir()
    (linked / "site").symlink_to(elsewhere, target_is_directory=True)
    for folder, target in ((out, data), (linked, elsewhere)):
        before = tree(target)
        done = run_cli("site", "--root", root, "--out", folder)
        assert done.returncode == 2, done.stderr
        assert "ei korvata" in done.stderr and "sisäinen virhe" not in done.stderr
        assert tree(target) == before and leftovers(folder) == []
    assert (linked / "site").is_symlink()
    assert (data / ".git" / "HEAD").read_text(encoding="utf-8") == "ref: refs/heads/main\n"


@pytest.mark.parametrize("command", WRITING)
def test_out_that_is_or_holds_the_data_root_is_refused(tmp_path, command):
    root = copy_root(MINIMAL, tmp_path / "region" / "root")
    before = tree(tmp_path)
    top = sorted(p.name for p in Path("/").iterdir())
    for out in (root, root.parent, Path("/"), root / "subareas"):
        done = run_cli(command, "--root", root, "--out", out)
        assert done.returncode == 2, (out, done.stderr)
        assert "tuloskansio" in done.stderr and "sisäinen virhe" not in done.stderr
    assert tree(tmp_path) == before
    assert sorted(p.name for p in Path("/").iterdir()) == top


def _read_only(tmp_path: Path) -> Path:
    """A folder this process cannot write into (root ignores permission bits: use sysfs then)."""
    if os.geteuid() != 0:
        folder = tmp_path / "vain-luku"
        folder.mkdir()
        folder.chmod(0o555)
        return folder
    if not Path("/sys/kernel").is_dir():
        pytest.skip("running as root without /sys: no folder to make read-only")
    return Path("/sys/kernel/yhteistyosopimus-testi")


@pytest.mark.parametrize("command", WRITING)
def test_unusable_out_exits_2_before_any_work(tmp_path, command):
    root = copy_root(MINIMAL, tmp_path / "root")
    # data with an error: the folder is checked first, so nothing is loaded or rendered
    hyte = root / "subareas" / "hyte.yaml"
    hyte.write_text(hyte.read_text(encoding="utf-8").replace("status: ongoing", "status: kesken"), encoding="utf-8")
    a_file = tmp_path / "tiedosto"
    a_file.write_text("x", encoding="utf-8")
    for out in (a_file, a_file / "alikansio", _read_only(tmp_path)):
        done = run_cli(command, "--root", root, "--out", out)
        assert done.returncode == 2, (out, done.stderr)
        assert f"tuloskansio {out}" in done.stderr, done.stderr
        assert "sisäinen virhe" not in done.stderr and "Traceback" not in done.stderr
    assert a_file.read_text(encoding="utf-8") == "x"


def _modes(folder: Path) -> set[tuple[str, int]]:
    return {("dir" if p.is_dir() else "file", stat.S_IMODE(p.lstat().st_mode)) for p in [folder, *folder.rglob("*")]}


def test_outputs_get_normal_modes(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "root")
    out = tmp_path / "out"
    with umask(0o022):
        for command in WRITING:
            done = run_cli(command, "--root", root, "--out", out)
            assert done.returncode == 0, (command, done.stderr)
    assert _modes(out) == {("dir", 0o755), ("file", 0o644)}
    # the umask is respected, and a replaced file keeps its own mode
    (out / "tietomuoto.md").chmod(0o640)
    other = tmp_path / "other"
    with umask(0o027):
        assert run_cli("reference", "--out", other).returncode == 0
    with umask(0o022):
        assert run_cli("reference", "--out", out).returncode == 0
    assert stat.S_IMODE((other / "tietomuoto.md").stat().st_mode) == 0o640
    assert stat.S_IMODE((out / "tietomuoto.md").stat().st_mode) == 0o640


def test_import_keeps_the_mode_of_the_data_file(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "root")
    values = root / "measurements" / "values.csv"
    values.chmod(0o664)
    new = tmp_path / "uudet.csv"
    # one value changes in the existing file, one is new (a new file)
    new.write_text("indicator,area,year,value\nHYTE-1-M1,alfa,2024,12\nHYTE-1-M1,alfa,2025,13\n", encoding="utf-8")
    with umask(0o022):
        done = run_cli("import-measurements", new, "--root", root)
    assert done.returncode == 0, done.stderr
    assert "HYTE-1-M1,alfa,2024,12," in values.read_text(encoding="utf-8")
    assert stat.S_IMODE(values.stat().st_mode) == 0o664
    added = [p for p in (root / "measurements").glob("*.csv") if p != values]
    assert added and all(stat.S_IMODE(p.stat().st_mode) == 0o644 for p in added)

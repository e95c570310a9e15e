"""The PDF is converted once per Word text: LibreOffice's conversion is the floor of the site's build time, so a
build whose Word documents have the same bytes as an earlier one's takes the PDF from the cache (cooperation/cache.py)
and starts no LibreOffice; a conversion that was killed leaves nothing in the cache, and the next build converts."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import MINIMAL, REPO, copy_root, libreoffice, run_cli


@pytest.fixture
def counted_soffice(tmp_path, monkeypatch) -> Path:
    """LibreOffice behind a script that writes a line to ``log`` for each start, with the allocator settings it was
    given (and waits ``SOFFICE_WAIT`` s)."""
    real = libreoffice()
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "soffice.log"
    script = bin_dir / "soffice"
    script.write_text(f'#!/bin/sh\necho "started $GLIBC_TUNABLES" >> "{log}"\nsleep "${{SOFFICE_WAIT:-0}}"\nexec "{real}" "$@"\n',
                      encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("YHTEISTYOSOPIMUS_CACHE", str(tmp_path / "cache"))
    return log


def starts(log: Path) -> int:
    return len(log.read_text(encoding="utf-8").splitlines()) if log.exists() else 0


def test_every_libreoffice_runs_with_the_allocator_kept_from_giving_memory_back(counted_soffice, tmp_path,
                                                                                   monkeypatch):
    """The layout's runs and the conversion alike (cooperation.libreoffice.ALLOCATOR: a third of a conversion's time
    was page faults); a user's own glibc settings are theirs."""
    monkeypatch.delenv("GLIBC_TUNABLES", raising=False)
    root = copy_root(MINIMAL, tmp_path / "root")
    assert run_cli("pdf", "--root", root, "--out", tmp_path / "pdf").returncode == 0
    runs = counted_soffice.read_text(encoding="utf-8").splitlines()
    ours = "glibc.malloc.mmap_threshold=268435456:glibc.malloc.trim_threshold=268435456"
    assert len(runs) >= 2 and set(runs) == {f"started {ours}"}, runs  # the profile, the layout, the PDF
    # the user's own settings are kept, ours added where theirs do not name the same one
    monkeypatch.setenv("GLIBC_TUNABLES", "glibc.cpu.hwcaps=-AVX2:glibc.malloc.trim_threshold=0")
    monkeypatch.setenv("YHTEISTYOSOPIMUS_CACHE", str(tmp_path / "another-cache"))
    assert run_cli("pdf", "--root", root, "--out", tmp_path / "pdf2").returncode == 0
    assert set(counted_soffice.read_text(encoding="utf-8").splitlines()[len(runs):]) == {
        "started glibc.cpu.hwcaps=-AVX2:glibc.malloc.trim_threshold=0:glibc.malloc.mmap_threshold=268435456"}


def test_a_second_build_with_the_same_text_starts_no_libreoffice(counted_soffice, tmp_path):
    root = copy_root(MINIMAL, tmp_path / "root")
    first = run_cli("site", "--root", root, "--out", tmp_path / "first")
    assert first.returncode == 0, first.stderr
    made = starts(counted_soffice)
    assert made >= 1
    pdf = next((tmp_path / "first" / "site" / "lataukset").glob("*.pdf")).read_bytes()
    again = run_cli("site", "--root", root, "--out", tmp_path / "again")
    assert again.returncode == 0, again.stderr
    assert starts(counted_soffice) == made  # not one more start
    assert next((tmp_path / "again" / "site" / "lataukset").glob("*.pdf")).read_bytes() == pdf
    # `build.py pdf` shares the cache; another text converts again
    assert run_cli("pdf", "--root", root, "--out", tmp_path / "pdf").returncode == 0
    assert starts(counted_soffice) == made
    path = root / "subareas" / "hyte.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Tavoite HYTE-1.", "Tavoite HYTE-1 muutettu."),
                    encoding="utf-8")
    assert run_cli("pdf", "--root", root, "--out", tmp_path / "pdf2").returncode == 0
    # another text starts LibreOffice again: its conversion, and its layout for the table of contents' page numbers
    # (libreoffice.heading_pages: a run per document, its profile unpacked from the one the cache keeps)
    assert starts(counted_soffice) > made


def test_another_set_of_fonts_lays_out_and_converts_again(counted_soffice, tmp_path, monkeypatch):
    """A font installed or removed moves headings to other pages: the contents' page numbers (the layout) and the PDF
    remembered for the earlier fonts are not used, and those for the fonts back again are."""
    from cooperation import libreoffice as office
    root = copy_root(MINIMAL, tmp_path / "root")

    def build(name: str) -> dict[str, int]:
        """LibreOffice's starts by `docx` (the contents' layout) and then `pdf` (the conversion)."""
        office.installation.cache_clear()  # read once a process: each build here is as a new process
        started = {}
        for command in ("docx", "pdf"):
            before = starts(counted_soffice)
            done = run_cli(command, "--root", root, "--out", tmp_path / name)
            assert done.returncode == 0, done.stderr
            started[command] = starts(counted_soffice) - before
        return started
    first = build("first")
    assert first["docx"] >= 1 and first["pdf"] >= 1, first
    assert build("same") == {"docx": 0, "pdf": 0}
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    listed = subprocess.run(["fc-list", "--format", "%{file}\\n"], capture_output=True, text=True).stdout.split()
    shutil.copy(next(path for path in listed if path.endswith(".ttf")), fonts)  # a font installed for the user
    config = tmp_path / "fonts.conf"
    config.write_text(f"""<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>
<include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>{fonts}</dir><cachedir>{tmp_path / "fc"}</cachedir>
</fontconfig>""", encoding="utf-8")
    monkeypatch.setenv("FONTCONFIG_FILE", str(config))
    with_font = build("with-font")
    assert with_font["docx"] >= 1 and with_font["pdf"] >= 1, with_font
    monkeypatch.delenv("FONTCONFIG_FILE")
    assert build("without-it-again") == {"docx": 0, "pdf": 0}


def test_a_conversion_killed_midway_leaves_no_entry_and_the_next_build_converts(counted_soffice, tmp_path):
    root = copy_root(MINIMAL, tmp_path / "root")
    env = dict(os.environ, SOFFICE_WAIT="30")
    process = subprocess.Popen([sys.executable, str(REPO / "build.py"), "pdf", "--root", str(root), "--out",
                                str(tmp_path / "killed")], env=env, start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while starts(counted_soffice) == 0 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert starts(counted_soffice) == 1, "the conversion did not start"
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=60)
    cached = [p for p in (tmp_path / "cache" / "pdf").rglob("*") if p.is_file()]
    assert cached == []  # no half-written PDF to be served later
    done = run_cli("pdf", "--root", root, "--out", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert starts(counted_soffice) >= 2  # the killed start, then this build's (the layout's and the conversion)
    assert next((tmp_path / "out").glob("*.pdf")).read_bytes().startswith(b"%PDF")


def test_the_layout_s_libreoffice_profile_is_made_once_per_machine_and_a_damaged_one_again(counted_soffice, tmp_path):
    """The profile holding the layout macro is kept in the cache, not in the process: a later command lays a document
    out with one LibreOffice start, and an entry that no longer unpacks is made again (page numbers, not none)."""
    from cooperation import libreoffice
    assert run_cli("docx", "--root", copy_root(MINIMAL, tmp_path / "root"), "--out", tmp_path / "out").returncode == 0
    assert starts(counted_soffice) == 2  # the profile, then the layout of the Finnish document
    document = next((tmp_path / "out").glob("*.docx")).read_bytes()
    # another key (the prefix is part of it) and another process's view: the layout's start alone
    pages = libreoffice.heading_pages({"fi": document}, prefix="_To")
    assert pages and pages["fi"] and starts(counted_soffice) == 3
    [entry] = [p for p in (tmp_path / "cache" / "libreoffice-profile").rglob("*.bin")]
    entry.write_bytes(b"not a tar archive")
    assert libreoffice.heading_pages({"fi": document}, prefix="_T") == pages
    assert starts(counted_soffice) == 5  # the profile made again, then the layout

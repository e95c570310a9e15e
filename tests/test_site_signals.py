"""A build that is stopped leaves nothing running and nothing half made: `build.py site` killed (SIGTERM, SIGKILL)
while MkDocs writes the pages and while LibreOffice converts the PDF, and `mkdocs serve` killed while its downloads
are rendered. Afterwards no process of the build is left (every process carrying the run's marker in its
environment, wherever it was reparented), a reader of the build's output (`| tee`, a CI log) reaches its end, and
no temporary folder remains (the output folder holds no .site.new-*, TMPDIR is empty).

A LibreOffice that hangs is a fake `soffice` on PATH that sleeps; one that hangs past the time limit leaves the PDF
out of the site, which says so, as when LibreOffice is missing."""
from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest
from helpers import MINIMAL, REPO, copy_example, run_cli

# whole builds and real processes: left out of `make test-fast`
pytestmark = pytest.mark.slow

MARK = "COOPERATION_TEST_RUN"


def processes_of(run: str) -> dict[int, str]:
    """pid → command line of every process whose environment carries ``MARK=run``."""
    found = {}
    needle = f"{MARK}={run}".encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if needle in (entry / "environ").read_bytes().split(b"\0"):
                state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
                if state != "Z":  # a zombie has ended; only its parent has not read its exit code yet
                    found[int(entry.name)] = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()[:200]
        except OSError:  # ended meanwhile, or not ours to read
            continue
    return found


def eventually(condition, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


class Run:
    """A command started in a session of its own with a marker in its environment, its output read as `tee` would."""

    def __init__(self, command: list[str], env: dict[str, str], cwd: Path | None = None):
        self.id = uuid.uuid4().hex
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                        env={**env, MARK: self.id}, cwd=cwd, start_new_session=True)
        self.output = bytearray()
        self.ended = threading.Event()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        while chunk := self.process.stdout.read1(65536):
            self.output += chunk
        self.ended.set()  # end of file: no process holds the build's output open any more

    def text(self) -> str:
        return self.output.decode("utf-8", "replace")

    def cleanup(self) -> None:
        """Whatever a failed test left running."""
        for pid in processes_of(self.id):
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(OSError):
            os.killpg(self.process.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=10)

    def assert_nothing_left(self) -> None:
        assert self.process.wait(timeout=60) is not None
        assert self.ended.wait(timeout=20), "a process of the build still holds its output open: " + repr(
            processes_of(self.id))
        assert eventually(lambda: not processes_of(self.id), 20), f"left running: {processes_of(self.id)}"


@pytest.fixture
def fake_soffice(tmp_path) -> Path:
    """A LibreOffice that hangs: it notes its pid, then sleeps (as soffice's wrapper starts soffice.bin)."""
    folder = tmp_path / "bin"
    folder.mkdir()
    started = tmp_path / "soffice-started"
    program = folder / "soffice"
    program.write_text(f"#!/bin/sh\necho $$ >> {started}\nsleep 600\n")
    program.chmod(0o755)
    return started


def environment(tmp_path: Path, soffice: bool) -> dict[str, str]:
    temporary = tmp_path / "tmp"
    temporary.mkdir(exist_ok=True)
    path = os.environ["PATH"]
    if soffice:
        path = f"{tmp_path / 'bin'}{os.pathsep}{path}"
    return {**os.environ, "TMPDIR": str(temporary), "PATH": path, "PYTHONUNBUFFERED": "1",
            "SOURCE_DATE_EPOCH": "1796083200"}


def _pages_being_written(out: Path) -> bool:
    return any(any(folder.glob("*/index.html")) for folder in out.glob(".site.new-*"))


@pytest.mark.parametrize("moment", ["pages", "pdf"])
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_a_killed_site_build_leaves_no_process_and_no_temporary_folder(tmp_path, fake_soffice, moment, signum):
    out = tmp_path / "out"
    run = Run([sys.executable, str(REPO / "build.py"), "site", "--out", str(out)],
              environment(tmp_path, soffice=moment == "pdf"))
    try:
        if moment == "pages":  # MkDocs is writing the pages into the hidden folder it swaps in at the end
            assert eventually(lambda: _pages_being_written(out), 120), run.text()
        else:  # LibreOffice hangs converting the PDF
            assert eventually(fake_soffice.exists, 120), run.text()
        os.kill(run.process.pid, signum)
        run.assert_nothing_left()
        assert not out.exists() or sorted(p.name for p in out.iterdir()) == [], sorted(p.name for p in out.iterdir())
        assert sorted(p.name for p in (tmp_path / "tmp").iterdir()) == []
        if signum == signal.SIGTERM:
            assert run.process.returncode == 128 + signal.SIGTERM, run.text()
            assert "Traceback" not in run.text() and "sisäinen virhe" not in run.text(), run.text()
    finally:
        run.cleanup()


def test_a_site_build_killed_after_an_earlier_one_keeps_the_published_site(tmp_path):
    out = tmp_path / "out"
    env = environment(tmp_path, soffice=False)
    first = subprocess.run([sys.executable, str(REPO / "build.py"), "site", "--out", str(out)], env=env,
                           capture_output=True, text=True, timeout=600)
    assert first.returncode == 0, first.stderr
    published = sorted(str(p.relative_to(out)) for p in out.rglob("*"))
    run = Run([sys.executable, str(REPO / "build.py"), "site", "--out", str(out)], env)
    try:
        assert eventually(lambda: _pages_being_written(out), 120), run.text()
        os.kill(run.process.pid, signal.SIGKILL)
        run.assert_nothing_left()
        assert sorted(str(p.relative_to(out)) for p in out.rglob("*")) == published
    finally:
        run.cleanup()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_a_killed_preview_leaves_no_renderer(tmp_path, signum):
    """The preview's downloads are rendered by a process of their own; pandoc hangs in it (a fake one that sleeps)."""
    root = copy_example(tmp_path / "region")
    started = tmp_path / "pandoc-started"
    pandoc = tmp_path / "bin" / "pandoc"
    pandoc.parent.mkdir()
    import pypandoc
    real = pypandoc.get_pandoc_path()  # asked for its version on the way: the real one answers
    pandoc.write_text(f'#!/bin/sh\n[ "$1" = --version ] && exec {real} "$@"\necho $$ >> {started}\nsleep 600\n')
    pandoc.chmod(0o755)
    env = {**environment(tmp_path, soffice=False), "AGREEMENT_ROOT": str(root), "NO_MKDOCS_2_WARNING": "1",
           "PYPANDOC_PANDOC": str(pandoc)}
    port = 18000 + os.getpid() % 1000
    run = Run([str(Path(sys.executable).parent / "mkdocs"), "serve", "-f", str(REPO / "mkdocs.yml"),
               "-a", f"127.0.0.1:{port}", "--no-livereload"], env, cwd=tmp_path)
    try:
        assert eventually(started.exists, 180), run.text()  # the renderer is making the Word documents
        os.kill(run.process.pid, signum)
        run.assert_nothing_left()
        # the renderer's temporary files are gone; a killed `mkdocs serve` cannot remove its own (its site folder
        # mkdocs_*, the preview's sopimus-esikatselu-*), one stopped with SIGTERM does, as after Ctrl-C
        own = ("mkdocs_", "sopimus-esikatselu-") if signum == signal.SIGKILL else ()
        assert sorted(p.name for p in (tmp_path / "tmp").iterdir() if not p.name.startswith(own)) == [], run.text()
    finally:
        run.cleanup()


def test_a_libreoffice_that_hangs_past_its_time_limit_leaves_the_pdf_out_of_the_site(tmp_path, fake_soffice,
                                                                                     monkeypatch):
    from cooperation import libreoffice
    from cooperation.outputs import pdf
    monkeypatch.setattr(pdf, "TIMEOUT", 2)
    monkeypatch.setattr(libreoffice, "TIMEOUT", 2)  # the contents' page numbers: laid out first, left out when it hangs
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    out = tmp_path / "out"
    done = run_cli("site", "--root", MINIMAL, "--out", out)
    assert done.returncode == 0, done.stderr
    assert ("huom: LibreOffice ei saanut PDF-muunnosta valmiiksi 2 sekunnissa, joten se pysäytettiin; sivustolla ei "
            "tarjota sitä") in done.stderr
    downloads = out / "site" / "lataukset"
    assert not list(downloads.glob("*.pdf")) and list(downloads.glob("*.docx"))
    page = (downloads / "index.html").read_text(encoding="utf-8")
    assert ".pdf" not in page and 'class="pending"' not in page
    for pid in map(int, fake_soffice.read_text().split()):  # the hung LibreOffice was stopped
        assert eventually(lambda pid=pid: not Path(f"/proc/{pid}").exists() or
                          (Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"), 10)


def test_build_pdf_says_when_libreoffice_hangs_and_writes_nothing(tmp_path, fake_soffice, monkeypatch):
    from cooperation import libreoffice
    from cooperation.outputs import pdf
    monkeypatch.setattr(pdf, "TIMEOUT", 2)
    monkeypatch.setattr(libreoffice, "TIMEOUT", 2)  # the contents' page numbers: laid out first, left out when it hangs
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    done = run_cli("pdf", "--root", MINIMAL, "--out", tmp_path / "out")
    assert done.returncode == 2, done.stderr  # the environment, not the data
    assert "virhe: LibreOffice ei saanut PDF-muunnosta valmiiksi 2 sekunnissa, joten se pysäytettiin" in done.stderr
    assert not (tmp_path / "out").exists()

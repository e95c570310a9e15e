"""The site's downloads are rendered in a process of their own while MkDocs builds the pages (background.py)."""
from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time

import pytest
from helpers import REPO

from cooperation import background
from cooperation.files import OutputError
from cooperation.outputs import start_site_files
from cooperation.pipeline import load_all

forked = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="no fork here")


@forked
def test_the_function_runs_in_another_process_and_its_value_comes_back():
    work = background.Background(lambda base: (os.getpid(), base + b"x" * 5_000_000), b"big ")
    pid, value = work.result()
    assert pid != os.getpid()
    assert value == b"big " + b"x" * 5_000_000  # more than a pipe holds at once
    assert work.result()[0] == pid  # asked again: the same answer, not a second read


def _fails():
    raise OutputError("Word-asiakirjaa ei voitu tehdä")


@forked
def test_its_exception_is_raised_in_the_caller():
    with pytest.raises(OutputError, match="Word-asiakirjaa ei voitu tehdä"):
        background.Background(_fails).result()


class KeywordOnly(Exception):
    def __init__(self, *, why: str):  # pickles, but unpickling calls KeywordOnly("...") and fails
        super().__init__(why)


def _fails_keyword_only():
    raise KeywordOnly(why="avainsana")


@forked
def test_an_exception_that_does_not_cross_comes_back_as_a_bug_with_its_type_and_text():
    class Local(Exception):  # a class inside a function does not pickle
        pass

    def fails():
        raise Local("paikallinen virhe")

    for function, text in ((fails, "Local: paikallinen virhe"), (_fails_keyword_only, "KeywordOnly: avainsana")):
        work = background.Background(function)
        for _ in range(2):  # and again: the same answer
            with pytest.raises(background.RemoteError, match=text) as raised:
                work.result()
            assert not isinstance(raised.value, OutputError)  # a bug, not a problem in the data


@forked
def test_close_stops_the_work_and_the_program_it_started(tmp_path):
    from cooperation.outputs import pdf

    started = tmp_path / "pid"
    program = tmp_path / "soffice"
    program.write_text(f"#!/bin/sh\necho $$ > {started}\nexec sleep 60\n")
    program.chmod(0o755)
    work = background.Background(pdf._convert, str(program), tmp_path / "profile", tmp_path / "out", [])
    while not started.exists() or not started.read_text().strip():
        time.sleep(0.05)
    pid = int(started.read_text())
    begun = time.monotonic()
    work.close()
    assert time.monotonic() - begun < 10
    with pytest.raises(OutputError, match="keskeytyi"):  # ended without answering: said so if asked
        work.result()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


@forked
def test_a_process_that_ends_without_answering_is_an_error_not_a_hang():
    with pytest.raises(OutputError, match=r"keskeytyi.*koodi 3"):
        background.Background(os._exit, 3).result()


def test_without_fork_the_function_runs_here(monkeypatch):
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    assert background.Background(os.getpid).result() == os.getpid()
    with pytest.raises(OutputError, match="Word-asiakirjaa"):
        background.Background(_fails).result()


@forked
@pytest.mark.slow
def test_the_sites_files_are_named_at_once_and_rendered_in_another_process(monkeypatch):
    from cooperation.outputs import opendata

    model, sources, _ = load_all(REPO)
    monkeypatch.setattr(opendata, "bundle_json", lambda *args: str(os.getpid()).encode())
    downloads = start_site_files(model, sources)
    names = [f.name for f in downloads.files]
    assert f"{model.id}.json" in names and all(f.data == b"" for f in downloads.files)
    made = downloads.made()
    assert sorted(made) == sorted(names)
    assert made[f"{model.id}.json"] != str(os.getpid()).encode()


def test_a_site_build_that_fails_closes_the_rendering(monkeypatch, tmp_path):
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.exceptions import Abort

    from cooperation.outputs.site import build

    closed = []

    class Rendering:
        files: list = []

        def close(self):
            closed.append(True)

    def fails(config):
        raise Abort("rikki")

    model, sources, _ = load_all(REPO)
    monkeypatch.setattr(build, "start_site_files", lambda *args, **kwargs: Rendering())
    monkeypatch.setattr(mkdocs_build, "build", fails)
    with pytest.raises(build.SiteBuildError, match="rikki"):
        build.build_site(model, sources, REPO, tmp_path)
    assert closed == [True]
    assert not (tmp_path / "site").exists()


@forked
def test_mkdocs_build_says_in_finnish_when_a_download_cannot_be_made(monkeypatch, tmp_path, caplog):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    from cooperation.outputs import opendata

    def fails(*args):
        raise OutputError("avoimen datan tiedosto rikki")

    monkeypatch.setattr(opendata, "bundle_json", fails)
    monkeypatch.setenv("AGREEMENT_ROOT", str(REPO))
    with pytest.raises(Abort):  # MkDocs logs a plugin's error as its message, without a traceback
        build(load_config(str(REPO / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
    assert "Latauksia ei voitu tehdä: avoimen datan tiedosto rikki" in caplog.text


def test_a_program_asked_for_after_the_stop_is_not_started(tmp_path):
    """Once the process is asked to stop (SIGTERM: the preview's next edit stops the previous downloads), a program
    is not started at all: the stop does not wait for it (two pandoc runs in a row had made it wait a second)."""
    from cooperation.background import STOPPING, ProgramStopped, run_program
    marker = tmp_path / "ran"
    STOPPING.set()
    try:
        with pytest.raises(ProgramStopped):
            run_program(["touch", str(marker)])
    finally:
        STOPPING.clear()
    assert not marker.exists()
    run_program(["touch", str(marker)])
    assert marker.exists()


def test_a_large_input_is_written_whole_across_the_waits(monkeypatch):
    """A program's input larger than a pipe takes several of run_program's short waits to write: all of it arrives
    (given once, the rest was never written and pandoc waited for it until its time limit: a CI run failed so)."""
    monkeypatch.setattr(background, "STOP_WAIT", 0.001)
    data = bytes(range(256)) * 200_000  # 51 MB
    try:
        done = background.run_program(["cat"], data, timeout=20)
    except subprocess.TimeoutExpired:
        pytest.fail("the program waited for the rest of its input")
    assert done.returncode == 0 and done.stdout == data


def test_the_command_s_date_and_language_reach_its_worker_threads():
    """--today and the language are the command's context (timeliness, i18n.status): a thread of background.Threads
    sees the command's, where a plain thread pool's would see the real date and Finnish."""
    import datetime

    from cooperation.i18n.status import language, speaking
    from cooperation.timeliness import fixed_today, today
    day = datetime.date(2031, 5, 6)
    with fixed_today(day), speaking("sv"), background.Threads(max_workers=2) as pool:
        assert list(pool.map(lambda _: (today(), language()), range(3))) == [(day, "sv")] * 3
    assert today() != day  # and outside the block, the test session's own date again


@forked
def test_a_parent_killed_while_the_answer_is_sent_still_has_its_work_undone(tmp_path):
    """The parent killed (SIGKILL) while the answer waits in a full pipe: the kernel closes the parent's files before
    it sends the death signal, so sending fails first, and the process must still undo what the parent left (the
    unfinished site). That order is made certain here: the parent closes its end a second before it is killed."""
    marker = tmp_path / "undone"
    parent = subprocess.Popen([sys.executable, "-c", f"""
import sys, time
sys.path.insert(0, {str(REPO)!r})
from pathlib import Path
from cooperation.background import Background
work = Background(lambda: b"x" * 5_000_000, orphaned=lambda: Path({str(marker)!r}).write_text("undone"))
time.sleep(0.5)  # the answer computed, and waiting in the pipe
work._receive.close()
print("closed", flush=True)
time.sleep(600)
"""], stdout=subprocess.PIPE)
    try:
        assert parent.stdout is not None and parent.stdout.readline() == b"closed\n"
        time.sleep(1)
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    deadline = time.monotonic() + 15
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert marker.exists(), "the process ended without undoing the parent's work"


def test_only_a_command_s_own_temporary_folder_is_given_to_the_orphan_s_clean_up(tmp_path, monkeypatch):
    """files.this_run names the folder a killed build's orphan removes: the command's own, never the caller's
    temporary folder, whatever that is called (a library call outside a command has none)."""
    import tempfile

    from cooperation import files
    own = tmp_path / "cooperation-run-of-the-user"
    own.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(own))
    assert files.this_run() is None
    with files.run_folder() as run:
        assert files.this_run() == run and run.parent == own
    assert files.this_run() is None and own.is_dir()

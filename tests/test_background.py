"""The site's downloads are rendered in a process of their own while MkDocs builds the pages (background.py)."""
from __future__ import annotations

import multiprocessing
import os

import pytest
from helpers import REPO

from cooperation.files import OutputError
from cooperation.outputs import background, start_site_files
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


@forked
def test_an_exception_that_does_not_pickle_comes_back_as_its_text():
    class Local(Exception):  # a class inside a function does not pickle
        pass

    def fails():
        raise Local("paikallinen virhe")

    with pytest.raises(OutputError, match="paikallinen virhe"):
        background.Background(fails).result()


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

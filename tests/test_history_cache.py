"""The diff of each commit against its parent depends on the two commits alone: computed once per machine and kept
in the cache, so a build with a warm cache reads no old revision again, and a rewritten history (other commits) is
computed anew."""
from __future__ import annotations

import pytest
from helpers import MINIMAL, copy_root
from test_approvals import edit, git, set_target

from cooperation.changes import gitrepo, history
from cooperation.changes.diff import field_line, summary


@pytest.fixture
def repo(tmp_path, monkeypatch):
    monkeypatch.setenv("YHTEISTYOSOPIMUS_CACHE", str(tmp_path / "cache"))
    root = copy_root(MINIMAL, tmp_path / "repo")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Luonnos", date="2026-02-01T10:00:00+02:00")
    for n, value in enumerate((21, 22, 23), start=1):
        set_target(root, value)
        git(root, "commit", "-q", "-am", f"Tavoite {value} (#{n})", date=f"2026-03-0{n}T10:00:00+02:00")
    edit(root, "subareas/hyte.yaml", lambda d: d["goals"][0]["actions"][0].update(status="done"))
    with open(root / "measurements" / "values.csv", "a", encoding="utf-8") as handle:  # a value: kept one by one
        handle.write("HYTE-1-M1,region,2026,14,\n")
    git(root, "commit", "-q", "-am", "Valmis (#4)", date="2026-04-01T10:00:00+02:00")
    return root


def test_a_second_history_reads_no_old_revision(repo, monkeypatch):
    cold = history.load_history(repo)
    assert [e.change.pull_request for e in cold.entries] == [4, 3, 2, 1, None]

    def no_reading(*args, **kwargs):
        raise AssertionError(f"an old revision was read again: {args[2]}")
    monkeypatch.setattr(gitrepo, "export", no_reading)
    warm = history.load_history(repo)
    assert repr(warm.entries) == repr(cold.entries)
    assert cold.entries[0].diff.values and cold.entries[0].diff.area_names  # every field of the diff came back
    # and what its sentences are told from (each item's data and the parties' names, left out of repr)
    for lang in ("fi", "sv"):
        assert [summary(e.diff, lang) for e in warm.entries] == [summary(e.diff, lang) for e in cold.entries]
        assert [field_line(i, f, lang, "fi") for e in warm.entries for i in e.diff.items for f in i.fields] == [
            field_line(i, f, lang, "fi") for e in cold.entries for i in e.diff.items for f in i.fields]
    assert [(i.path, i.subarea, vars_of(i.context)) for e in warm.entries for i in e.diff.items] == [
        (i.path, i.subarea, vars_of(i.context)) for e in cold.entries for i in e.diff.items]


def vars_of(context) -> dict | None:
    return None if context is None else {name: getattr(context, name) for name in type(context).__slots__}


def test_a_rewritten_history_is_computed_anew(repo):
    history.load_history(repo)
    git(repo, "commit", "-q", "--amend", "-m", "Valmis, uudelleen kirjoitettu (#5)", date="2026-04-02T10:00:00+02:00")
    set_target(repo, 30)
    git(repo, "commit", "-q", "-am", "Tavoite 30 (#6)", date="2026-04-03T10:00:00+02:00")
    again = history.load_history(repo)
    assert [e.change.pull_request for e in again.entries] == [6, 5, 3, 2, 1, None]
    assert [f.new for f in again.entries[0].diff.items[0].fields] == [{"value": 30, "year": 2028}]  # told whole


def test_a_cold_history_fingerprints_each_revision_once_and_whole(repo, monkeypatch):
    """Each commit's diff is made from the parts of the two revisions that differ, and its fingerprints are those of
    the whole revisions, each computed once (the parts' own were half of a cold history's time)."""
    from cooperation.changes import diff
    from cooperation.load.sources import load_sources
    from cooperation.model.fingerprint import fingerprint_of
    fingerprinted = []
    monkeypatch.setattr(history, "fingerprint_of", lambda sources: fingerprinted.append(1) or fingerprint_of(sources))
    monkeypatch.setattr(diff, "fingerprint_of", lambda sources: pytest.fail("a revision's part was fingerprinted"))
    entries = history.load_history(repo).entries
    assert len(fingerprinted) == len(entries) + 1  # the first commit's parent is no revision: ''
    assert entries[0].diff.fingerprint_new == fingerprint_of(load_sources(repo))
    assert [e.diff.fingerprint_old for e in entries] == [e.diff.fingerprint_new for e in entries[1:]] + [""]

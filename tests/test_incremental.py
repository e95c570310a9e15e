"""Incremental loading: after an edit of one file, the pipeline reads, parses, schema-checks and
canonicalises only that file again, and gives exactly what a cold load gives."""
from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess

import pytest
from helpers import MINIMAL, apply_case, copy_example, copy_root, load_cases

from cooperation.changes.history import cached_history, load_history
from cooperation.load.sources import load_sources
from cooperation.model import fingerprint_of
from cooperation.outputs import BY_NAME
from cooperation.pipeline import ModelError, load_all, validate
from cooperation.result import Result
from cooperation.workspace import Workspace

EDITED = "subareas/hyte.yaml"


def _problems(result: Result) -> list[dict]:
    """Every field of every problem, in order (Problem's own equality leaves params and titles out)."""
    return [dataclasses.asdict(p) for p in result.problems]


def _documents(sources) -> dict[str, object]:
    return {doc.name: doc for _, doc in sources.yaml_documents()}


def _cold(root):
    return validate(root, Workspace())


def _edit(root, old: str, new: str, keep_times: bool = True) -> None:
    """Replace ``old`` with ``new`` in the edited file, by default keeping its times: the content alone must tell."""
    path = root / EDITED
    info = path.stat()
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    if keep_times:
        os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))


def test_an_edit_of_one_file_gives_the_result_and_model_of_a_cold_load(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "root")
    workspace = Workspace()
    before, _ = validate(root, workspace)
    # the same length and the same modification time: only the bytes differ
    _edit(root, "status: ongoing", "status: onwards")
    sources, result = validate(root, workspace)
    documents, earlier = _documents(sources), _documents(before)
    # the memo was used: the unchanged files are the very documents of the previous load, the edited one is new
    assert all(documents[name] is earlier[name] for name in documents if name != EDITED)
    assert documents[EDITED] is not earlier[EDITED]
    assert [(p.severity, p.code, p.file, p.line, p.column, p.item, p.field) for p in result.errors] == [
        ("error", "enum", EDITED, 20, 17, ("action", "HYTE-1-T1"), "status")]
    cold_sources, cold = _cold(root)
    assert _problems(result) == _problems(cold)
    assert {name: (doc.data, doc.positions, doc.key_positions) for name, doc in documents.items()} == {
        name: (doc.data, doc.positions, doc.key_positions) for name, doc in _documents(cold_sources).items()}

    # a valid edit: the model built from the remembered files is the cold load's model
    _edit(root, "status: onwards", "status: ongoing")
    workspace = Workspace()
    load_all(root, workspace)
    _edit(root, "title: Tavoite HYTE-1.", "title: Tavoite HYTE-1!")
    model, sources, result = load_all(root, workspace)
    cold_model, _, cold_result = load_all(root, Workspace())
    assert model is not cold_model
    assert repr(model) == repr(cold_model)
    assert model.fingerprint == cold_model.fingerprint and model.content == cold_model.content
    assert _problems(result) == _problems(cold_result)
    assert model.subareas[[s.id for s in model.subareas].index("hyte")].goals[0].title.get("fi") == "Tavoite HYTE-1!"


def test_an_error_introduced_and_removed_again(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "root")
    original = (root / EDITED).read_bytes()
    workspace = Workspace()
    model, _, _ = load_all(root, workspace)
    _edit(root, "lead: hva", "lead: [hva")  # an unclosed bracket
    with pytest.raises(ModelError) as caught:
        load_all(root, workspace)
    assert [(p.code, p.file, p.line, p.column) for p in caught.value.result.errors] == [
        ("yaml_unclosed_bracket", EDITED, 18, 15)]
    (root / EDITED).write_bytes(original)
    again, _, result = load_all(root, workspace)
    assert not result.errors
    assert repr(again) == repr(model) and again.fingerprint == model.fingerprint


def test_files_with_the_same_bytes_report_their_own_names(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "root")
    _edit(root, "status: ongoing", "status: onwards")
    shutil.copyfile(root / EDITED, root / "subareas" / "hyte-kopio.yaml")
    workspace = Workspace()
    validate(root, workspace)
    sources, result = validate(root, workspace)  # the second load is served from the memo
    documents = _documents(sources)
    assert documents["subareas/hyte-kopio.yaml"] is not documents[EDITED]
    assert {name: doc.name for name, doc in documents.items()} == {name: name for name in documents}
    enum = sorted((p.file, p.line, p.column) for p in result.errors if p.code == "enum")
    assert enum == [("subareas/hyte-kopio.yaml", 20, 17), (EDITED, 20, 17)]
    assert _problems(result) == _problems(_cold(root)[1])


def test_no_stage_changes_the_remembered_files(tmp_path):
    """Remembered documents and rows are shared with the next load: checking, building the model and
    rendering the outputs that read them must leave them as parsed."""
    root = copy_example(tmp_path / "root")
    model, sources, _ = load_all(root, Workspace())
    for name in ("json", "csv", "progress", "ics", "xlsx"):
        assert BY_NAME[name].files(model, sources)
    fresh = load_sources(root)
    assert {name: (doc.data, doc.positions, doc.key_positions) for name, doc in _documents(sources).items()} == {
        name: (doc.data, doc.positions, doc.key_positions) for name, doc in _documents(fresh).items()}
    assert [(r.file, r.line, r.indicator, r.area, r.year, r.value, r.note, r.record, r.index)
            for r in sources.measurements] == [
        (r.file, r.line, r.indicator, r.area, r.year, r.value, r.note, r.record, r.index) for r in fresh.measurements]


def test_only_the_latest_load_is_remembered(tmp_path):
    first = copy_root(MINIMAL, tmp_path / "first")
    second = copy_root(MINIMAL, tmp_path / "second")
    (second / "subareas" / "tilat.yaml").unlink()
    workspace = Workspace()
    load_all(first, workspace)
    model, sources, _ = load_all(second, workspace)
    names = set(_documents(sources))
    assert {path for path, *_ in workspace.memo("load.read")} == {
        str(doc.path) for doc in _documents(sources).values()} | {
        str(second / name) for name in sources.measurement_files}
    schema_checks = workspace.memo("check.schema")
    assert set(schema_checks) == names and set(workspace.memo("model.canonical")) == names
    assert all(entry.doc is _documents(sources)[name] for name, entry in schema_checks.items())


def test_a_workspace_is_seen_only_by_the_command_it_belongs_to(tmp_path):
    """Two commands in one process (a test run, the region's several agreements) each read the files afresh:
    a load without a workspace remembers nothing, and another workspace starts empty."""
    root = copy_root(MINIMAL, tmp_path / "root")
    first = Workspace()
    model, sources, _ = load_all(root, first)
    again, other, _ = load_all(root, Workspace())
    assert again is not model
    assert all(doc is not _documents(sources)[name] for name, doc in _documents(other).items())
    assert load_all(root, first)[0] is model


def test_a_cold_load_beside_the_memo_gets_its_own_fingerprint(tmp_path):
    """History and diffs load other versions cold while the memo holds the current files under the same names."""
    root = copy_root(MINIMAL, tmp_path / "root")
    other = copy_root(MINIMAL, tmp_path / "other")
    path = other / EDITED
    path.write_text(path.read_text(encoding="utf-8").replace("Tavoite HYTE-1.", "Tavoite HYTE-1!"), encoding="utf-8")
    expected = fingerprint_of(load_sources(other))
    model, _, _ = load_all(root, Workspace())
    assert fingerprint_of(load_sources(other)) == expected != model.fingerprint


def _git(repo, *args: str) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="Testi", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="Testi",
               GIT_COMMITTER_EMAIL="t@example.org", GIT_AUTHOR_DATE="2026-03-01T10:00:00+02:00",
               GIT_COMMITTER_DATE="2026-03-01T10:00:00+02:00")
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True, env=env).stdout


def test_the_preview_reuses_the_commits_history_and_compares_the_edited_files_again(tmp_path):
    """An edit not committed changes only the changes since the version in force; a commit or a tag is a new
    history."""
    root = copy_root(MINIMAL, tmp_path / "repo")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "Luonnos")
    _git(root, "tag", "-a", "v1.0", "-m", "Allekirjoitettu")
    _edit(root, "status: ongoing", "status: delayed", keep_times=False)  # git itself trusts the times
    _git(root, "commit", "-q", "-am", "Viivästynyt")
    v1 = _git(root, "rev-parse", "v1.0^{commit}").strip()
    workspace = Workspace()  # the preview session's
    first = cached_history(root, load_sources(root, workspace), v1)
    assert [i.id for i in first.since_signed.items] == ["HYTE-1-T1"]

    _edit(root, "title: Tavoite HYTE-1.", "title: Tavoite HYTE-1!", keep_times=False)  # not committed
    sources = load_sources(root, workspace)
    edited = cached_history(root, sources, v1)
    assert edited.entries is first.entries  # the commits: not read again
    assert sorted(i.id for i in edited.since_signed.items) == ["HYTE-1", "HYTE-1-T1"]
    assert repr(edited.since_signed) == repr(load_history(root, sources, in_force=v1).since_signed)
    assert cached_history(root, sources, v1) is edited  # the other language's build
    assert [i.id for i in first.since_signed.items] == ["HYTE-1-T1"]  # an earlier answer is left as it was

    _git(root, "commit", "-q", "-am", "Otsikko")
    committed = cached_history(root, sources, v1)
    assert len(committed.entries) == len(first.entries) + 1
    _git(root, "tag", "-a", "v1.1", "-m", "Allekirjoitettu")
    v11 = _git(root, "rev-parse", "v1.1^{commit}").strip()
    tagged = cached_history(root, sources, v11)
    assert tagged is not committed and not tagged.since_signed.items


@pytest.mark.slow
def test_every_broken_input_of_the_corpus_read_incrementally_gives_the_cold_problems(tmp_path):
    """One root edited case after case, as a preview sees it: each case's problems, and the clean files' after
    it is undone, are exactly a cold load's."""
    root = tmp_path / "root"
    workspace = Workspace()
    clean = None
    for case in load_cases():
        shutil.rmtree(root, ignore_errors=True)
        copy_root(MINIMAL, root)
        _, result = validate(root, workspace)
        clean = clean or _problems(_cold(root)[1])
        assert _problems(result) == clean, case["name"]
        apply_case(root, case)
        _, result = validate(root, workspace)
        assert _problems(result) == _problems(_cold(root)[1]), case["name"]


def test_a_second_language_checks_the_unchanged_files_for_it(tmp_path):
    """The translations of an unchanged sub-area depend on the agreement's languages: a per-document result is
    reused only while they stay the same."""
    root = copy_root(MINIMAL, tmp_path / "root")
    workspace = Workspace()
    _, result = validate(root, workspace)
    assert not result.warnings
    agreement = root / "agreement" / "agreement.yaml"
    agreement.write_text(agreement.read_text(encoding="utf-8").replace("languages: [fi]", "languages: [fi, sv]", 1),
                         encoding="utf-8")
    sources, result = validate(root, workspace)
    missing = {(p.file, p.line, p.column, p.field) for p in result.warnings if p.code == "missing_translation"}
    assert ("subareas/hyte.yaml", 13, 12, "title") in missing  # goal HYTE-1's title
    subareas = {name for name in _documents(sources) if name.startswith("subareas/")}
    assert {name for name, *_ in missing if name.startswith("subareas/")} == subareas  # unchanged, checked again
    assert _problems(result) == _problems(_cold(root)[1])
    # Swedish first: the plain texts are now Swedish, and the Finnish is what is missing
    agreement.write_text(agreement.read_text(encoding="utf-8").replace("languages: [fi, sv]", "languages: [sv, fi]", 1),
                         encoding="utf-8")
    _, result = validate(root, workspace)
    assert {p.params["language"]["fi"] for p in result.warnings if p.code == "missing_translation"} == {"suomi"}
    assert _problems(result) == _problems(_cold(root)[1])

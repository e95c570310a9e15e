"""The Excel loop: export-xlsx → edited by a party → import-xlsx, in a real git repository.

Lossless (an empty root gets files with the original's fingerprint), a merge that changes only edited lines,
a three-way merge for a workbook exported from an older revision, the comments summary, bad workbooks.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from helpers import REPO, copy_root, run_cli
from openpyxl import load_workbook

from cooperation.load.sources import load_sources
from cooperation.pipeline import validate


def git(repo: Path, *args: str) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="Testi", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="Testi",
               GIT_COMMITTER_EMAIL="t@example.org")
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True,
                          env=env).stdout


def fingerprint(root: Path) -> str:
    done = run_cli("fingerprint", "--root", root)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def export(root: Path, out: Path, *options: str, lang: str = "fi") -> Path:
    done = run_cli("export-xlsx", "--root", root, "--out", out, *options)
    assert done.returncode == 0, done.stderr
    suffix = "" if lang == "fi" else f"-{lang}"
    return next(p for p in out.glob(f"*-tyokirja{suffix}.xlsx"))


def import_(book: Path, root: Path, out: Path | None = None):
    return run_cli("import-xlsx", book, "--root", root, "--out", out or root.parent / "import-out")


@pytest.fixture
def repo(tmp_path) -> Path:
    """The example region's data in a fresh git repository, committed."""
    root = copy_root(REPO, tmp_path / "repo")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "start")
    return root


def cells(book_path: Path, sheet: str) -> dict[tuple[str, str], str]:
    """(id, heading or field) → cell coordinate, to edit a workbook the way a person would: by what a cell is."""
    book = load_workbook(book_path)
    rows = list(book[sheet].iter_rows())
    found = {}
    if sheet in ("Työkirja", "Arbetsbok"):
        heads = [c.value for c in rows[0]]
        for row in rows[1:]:
            for head, cell in zip(heads, row):
                found[(row[0].value, head)] = cell.coordinate
    else:
        for row in rows[1:]:
            found[(row[0].value, row[1].value)] = row[2].coordinate
    return found


def edit(book_path: Path, target: Path, changes: dict[tuple[str, str], str]) -> Path:
    """A copy of the workbook with cells changed: (sheet, coordinate) → value."""
    book = load_workbook(book_path)
    for (sheet, coordinate), value in changes.items():
        book[sheet][coordinate] = value
        if isinstance(value, str):
            book[sheet][coordinate].data_type = "s"
    book.save(target)
    return target


# --- 1. lossless --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_export_then_import_into_an_empty_root_gives_the_same_fingerprint(tmp_path, lang):
    book = export(REPO, tmp_path / "out", lang=lang)
    root = tmp_path / "empty"
    shutil.copytree(REPO / "agreement", root / "agreement")
    done = import_(book, root)
    assert done.returncode == 0, done.stderr
    assert fingerprint(root) == fingerprint(REPO)
    original = tmp_path / "original"  # the example with the same folders: agreement/ and subareas/
    shutil.copytree(REPO / "agreement", original / "agreement")
    shutil.copytree(REPO / "subareas", original / "subareas")
    assert len(validate(root)[1].problems) <= len(validate(original)[1].problems)
    # every field, monitoring data too (status is not in the fingerprint), and in the files' key order
    ours = {doc.data["id"]: doc.data for doc in load_sources(original).subareas}
    theirs = {doc.data["id"]: doc.data for doc in load_sources(root).subareas}
    assert theirs == ours
    assert [list(d) for d in theirs.values()] == [list(d) for d in ours.values()]


def test_the_swedish_workbook_has_swedish_sheets_and_headings(tmp_path):
    book = load_workbook(export(REPO, tmp_path / "out", lang="sv"))
    assert book.sheetnames[:2] == ["Arbetsbok", "Alla uppgifter"]
    assert [c.value for c in book["Arbetsbok"][1]] == ["Identifierare", "Nivå", "Text (på finska)", "Text (på svenska)",
                                                      "Ansvariga", "Kommentarer", "Kommenterande part"]
    assert book["Arbetsbok"]["B2"].value == "Delområde"
    finnish = load_workbook(export(REPO, tmp_path / "out-fi"))
    assert finnish.sheetnames[:2] == ["Työkirja", "Kaikki tiedot"]
    assert finnish["Työkirja"]["A1"].value == "Tunniste" and finnish["Työkirja"]["F1"].value == "Kommentit"
    assert finnish["_lahde"].sheet_state == "hidden"


# --- 2. merge into the repository ---------------------------------------------------------------------------
def test_export_then_import_changes_nothing(repo, tmp_path):
    book = export(repo, tmp_path / "out")
    done = import_(book, repo)
    assert done.returncode == 0, done.stderr
    assert git(repo, "status", "--porcelain") == ""


def test_one_edited_cell_is_one_changed_line_and_comments_stay(repo, tmp_path):
    book = export(repo, tmp_path / "out")
    main, data = cells(book, "Työkirja"), cells(book, "Kaikki tiedot")
    edited = edit(book, tmp_path / "edited.xlsx", {
        ("Työkirja", main[("HYTE-1", "Teksti (ruotsiksi)")]): "Allt fler vuxna motionerar varje dag.",
    })
    done = import_(edited, repo)
    assert done.returncode == 0, done.stderr
    diff = git(repo, "diff", "-U0").splitlines()
    assert [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")] == [
        "-      sv: Allt fler vuxna motionerar på fritiden.", "+      sv: Allt fler vuxna motionerar varje dag."]
    git(repo, "checkout", "-q", ".")
    edited = edit(book, tmp_path / "edited2.xlsx", {("Kaikki tiedot", data[("HYTE-1-M1", "target.value")]): "15.5"})
    assert import_(edited, repo).returncode == 0
    changed = [line for line in git(repo, "diff", "-U0").splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert changed == ["-        target: {year: 2028, value: 14.0}", "+        target: {year: 2028, value: 15.5}"]
    assert (repo / "subareas" / "hyte.yaml").read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../schema/subarea.schema.json\n")


# --- 3. a workbook from an older revision -------------------------------------------------------------------
def _commit_change(repo: Path, old: str, new: str) -> None:
    path = repo / "subareas" / "hyte.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    git(repo, "commit", "-qam", "change in the repository")


def test_a_stale_workbook_is_merged_three_ways(repo, tmp_path):
    book = export(repo, tmp_path / "out")
    _commit_change(repo, "target: {year: 2028, value: 14.0}", "target: {year: 2028, value: 13.0}")
    main = cells(book, "Työkirja")
    edited = edit(book, tmp_path / "edited.xlsx", {
        ("Työkirja", main[("HYTE-1", "Teksti (ruotsiksi)")]): "Allt fler vuxna motionerar varje dag."})
    done = import_(edited, repo)
    assert done.returncode == 0, done.stderr
    text = (repo / "subareas" / "hyte.yaml").read_text(encoding="utf-8")
    assert "value: 13.0}" in text  # the repository's change is kept
    assert "sv: Allt fler vuxna motionerar varje dag." in text  # the workbook's change is added
    assert len([line for line in git(repo, "diff", "-U0").splitlines() if line.startswith("+ ")]) == 1


def test_the_same_value_changed_on_both_sides_is_a_conflict_and_nothing_is_written(repo, tmp_path):
    book = export(repo, tmp_path / "out")
    _commit_change(repo, "target: {year: 2028, value: 14.0}", "target: {year: 2028, value: 13.0}")
    data = cells(book, "Kaikki tiedot")
    coordinate = data[("HYTE-1-M1", "target.value")]
    edited = edit(book, tmp_path / "edited.xlsx", {("Kaikki tiedot", coordinate): "15.5"})
    head = git(repo, "rev-parse", "HEAD")
    done = import_(edited, repo)
    assert done.returncode == 1
    assert f"edited.xlsx!'Kaikki tiedot'!{coordinate}: virhe: HYTE-1-M1 target.value: sekä työkirjassa että " \
           "repositoriossa on muutettu tätä kohtaa" in done.stderr
    assert "repositoriossa nyt ”13.0”, työkirjassa ”15.5”" in done.stderr
    assert "Mitään ei kirjoitettu." in done.stderr
    assert git(repo, "status", "--porcelain") == "" and git(repo, "rev-parse", "HEAD") == head

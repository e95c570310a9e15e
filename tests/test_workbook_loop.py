"""The Excel loop as municipalities use it: the workbook's own words, the year's values, cells the import does not
read, a reason left behind, a party's copy. Each workbook is exported from the example in a real git repository,
edited with openpyxl as a person would edit it (by what a cell is, never by a fixed coordinate) and, in the
LibreOffice test, saved again by LibreOffice Calc before it is imported.
"""
from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import TEST_TODAY
from helpers import REPO, resave_with_libreoffice, run_cli
from openpyxl import load_workbook
from test_workbook_roundtrip import cells, edit, export, git, import_, repo  # noqa: F401 (repo is a fixture)

from cooperation.i18n import labels as L
from cooperation.pipeline import load
from cooperation.schemas import default_schemas

STATUS = default_schemas().enum_labels("subarea", ("goals", 0, "actions", 0, "status"))
YEAR = TEST_TODAY.year - 1  # the yearly update's default year
MAIN = {"fi": "Työkirja", "sv": "Arbetsbok"}
VALUES = {"fi": "Mittaustulokset", "sv": "Mätvärden"}


def changed(root: Path) -> list[str]:
    """The lines git sees changed, without the file headers."""
    return [line for line in git(root, "diff", "-U0").splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")]


def errors(done) -> list[tuple[str, str | None]]:
    return [(p["code"], p.get("cell")) for p in json.loads(done.stdout) if p["severity"] == "error"]


def import_json(book: Path, root: Path):
    return run_cli("import-xlsx", book, "--root", root, "--out", root.parent / "import-out", "--format", "json")


def word(code: str, lang: str) -> str:
    return STATUS[code][lang]


@functools.cache
def example():
    """The example's model, loaded once for the module's lookups (none of them changes it)."""
    return load(REPO)[0]


def plain_action():
    """An action that is planned, has no reason and no history: its status can change alone."""
    model = example()
    return next(a for a in model.actions if a.status == "planned" and not a.status_history and not a.status_reason)


def unmeasured_municipality():
    """(indicator, municipality) followed but without a value for the update year."""
    model = example()
    return next((i, area) for i in model.indicators for area in i.areas if area != "region"
                and not any(m.area == area and m.year == YEAR for m in i.measurements))


def measured_before():
    """(indicator, area, year, value) of a value in the years shown beside the update year."""
    model = example()
    return next((i, m.area, m.year, m.value) for i in model.indicators for m in i.measurements
                if YEAR - 3 <= m.year < YEAR)


def value_row(book: Path, lang: str, indicator: str, area: str) -> dict[str, str]:
    """Heading → coordinate of an indicator's row for an area on the yearly values sheet."""
    model = example()
    shown = L.word("region_capital", lang) if area == "region" else model.party(area).name.get(lang)
    return {head: coordinate for (key, head), coordinate in cells(book, VALUES[lang]).items()
            if key == (indicator, shown)}


# --- the edits both ways test: each a workbook edited, what the import must then do ----------------------------------
@dataclass
class Case:
    lang: str
    edits: Callable[[Path], dict[tuple[str, str], object]]  # the exported workbook → {(sheet, cell): value}
    expect: Callable[[object, Path, dict], None]  # (the import's result, the repository, the edits) → asserts


def _status_edit(lang: str, status: str):
    def edits(book: Path) -> dict:
        return {(MAIN[lang], cells(book, MAIN[lang])[(plain_action().id, L.field(
            "subarea", ("goals", 0, "actions", 0, "status"), lang))]): status}
    return edits


def _status_written(done, root: Path, _edits: dict) -> None:
    assert done.returncode == 0, done.stderr
    assert changed(root) == ["-        status: planned", "+        status: done"]


def _decimal_comma(book: Path) -> dict:
    indicator, area = unmeasured_municipality()
    row = value_row(book, "fi", indicator.id, area)
    return {(VALUES["fi"], row[f"Arvo {YEAR}"]): "15,5"}


def _value_written(done, root: Path, _edits: dict) -> None:
    indicator, area = unmeasured_municipality()
    assert done.returncode == 0, done.stderr
    assert changed(root) == [f"+{indicator.id},{area},{YEAR},15.5,"]
    assert "Mittaustuloksia: 1 uutta, 0 päivitetty" in done.stderr


def _on_parties(book: Path) -> dict:
    return {("Osapuolet", "B3"): "Kuusiniemi"}


def _over_the_latest(book: Path) -> dict:
    indicator, area, year, value = measured_before()
    return {(VALUES["fi"], value_row(book, "fi", indicator.id, area)[str(year)]): "19,5"}


def _refused_at(sheet: str, code: str):
    def expect(done, root: Path, edits: dict) -> None:
        ((_, coordinate),) = edits
        assert done.returncode == 1, done.stderr
        assert f"'{sheet}'!{coordinate}: virhe:" in done.stderr
        assert "Mitään ei kirjoitettu." in done.stderr and git(root, "status", "--porcelain") == ""
    return expect


def _wrong_word(lang: str):
    def expect(done, root: Path, edits: dict) -> None:
        ((_, coordinate),) = edits
        assert done.returncode == 1, done.stderr
        allowed = ", ".join(f"”{STATUS[code][lang]}”" for code in STATUS)
        assert f"!{coordinate}: virhe: ”kesken” ei ole sarakkeen ”{L.field('subarea', ('goals', 0, 'actions', 0, 'status'), lang)}” " \
               f"arvo; sallitut: {allowed}" in done.stderr, done.stderr
        assert git(root, "status", "--porcelain") == ""
    return expect


CASES = {
    "status word in Finnish": Case("fi", _status_edit("fi", word("done", "fi")), _status_written),
    "status word in Swedish": Case("sv", _status_edit("sv", word("done", "sv")), _status_written),
    "status code": Case("fi", _status_edit("fi", "done"), _status_written),
    "a municipality's value with a decimal comma": Case("fi", _decimal_comma, _value_written),
    "a value typed on the parties sheet": Case("fi", _on_parties, _refused_at("Osapuolet", "workbook_not_read_reference")),
    "this year's value typed over an earlier one": Case("fi", _over_the_latest,
                                                        _refused_at(VALUES["fi"], "workbook_not_read_previous")),
    "a wrong word in Finnish": Case("fi", _status_edit("fi", "kesken"), _wrong_word("fi")),
    "a wrong word in Swedish": Case("sv", _status_edit("sv", "kesken"), _wrong_word("sv")),
}


@pytest.mark.parametrize("name", list(CASES))
@pytest.mark.slow
def test_an_edited_workbook_imports_as_its_cells_say(repo, tmp_path, name):  # noqa: F811
    case = CASES[name]
    book = export(repo, tmp_path / "out", lang=case.lang)
    edits = case.edits(book)
    case.expect(import_(edit(book, tmp_path / "edited.xlsx", edits), repo), repo, edits)


def test_the_same_edits_after_libreoffice_saved_the_workbook(repo, tmp_path):  # noqa: F811
    books = {lang: export(repo, tmp_path / f"out-{lang}", lang=lang) for lang in ("fi", "sv")}
    edited = {}
    for index, (name, case) in enumerate(CASES.items()):
        edits = case.edits(books[case.lang])
        edited[name] = (edit(books[case.lang], tmp_path / f"case{index}.xlsx", edits), edits)
    saved = resave_with_libreoffice(tmp_path / "resaved", *(path for path, _ in edited.values()))
    for (name, (_, edits)), path in zip(edited.items(), saved):
        CASES[name].expect(import_(path, repo), repo, edits)
        git(repo, "checkout", "-q", ".")
    # and an unchanged workbook saved by LibreOffice changes nothing
    (unchanged,) = resave_with_libreoffice(tmp_path / "resaved-unchanged", books["sv"])
    done = import_(unchanged, repo)
    assert done.returncode == 0 and git(repo, "status", "--porcelain") == "", done.stderr


# --- 1. the workbook's own words ---------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_statuses_and_levels_are_words_with_drop_down_lists(tmp_path, lang):
    model = example()
    book = load_workbook(export(REPO, tmp_path / "out", lang=lang))
    sheet = book[MAIN[lang]]
    heads = [c.value for c in sheet[1]]
    status_column = heads.index(L.field("subarea", ("goals", 0, "actions", 0, "status"), lang)) + 1
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    for action in model.actions:
        assert rows[action.id][status_column - 1].value == STATUS[action.status][lang]
        assert rows[action.id][1].value == L.word("action", lang)
    lists = {r[0]: r for r in zip(*book["_lists"].iter_rows(values_only=True))}
    assert [w for w in lists["status"][1:] if w] == [STATUS[code][lang] for code in STATUS]
    assert [w for w in lists["level"][1:] if w] == [L.word(x, lang) for x in ("subarea", "goal", "action", "indicator")]
    validations = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
    status_list = next(v for v in validations.values() if v.formula1.endswith(
        f"${chr(64 + list(lists).index('status') + 1)}$2:${chr(64 + list(lists).index('status') + 1)}$6"))
    letter = chr(64 + status_column)
    for action in model.actions:  # every action's status cell offers the list
        assert f"{letter}{rows[action.id][0].row}" in status_list.sqref
    assert status_list.type == "list" and status_list.showErrorMessage


def test_the_swedish_workbook_has_no_finnish_words(tmp_path):
    """Every heading and every word the export writes (levels, statuses, progress, units, kinds, field titles, the
    lists) is Swedish in the Swedish workbook: none is a Finnish word that differs from its Swedish one. (Texts of
    the agreement are data: the Finnish ones stand in their own column.)"""
    finnish = {entry["fi"] for entry in L.WORDS.values() if entry.get("sv") and entry["fi"] != entry["sv"]}
    schemas = default_schemas()
    for kind, path in L.ENUMS.values():
        finnish |= {entry["fi"] for entry in schemas.enum_labels(kind, path).values() if entry["fi"] != entry.get("sv")}
    finnish |= {"Tunniste", "Taso", "Teksti (suomeksi)", "Arvo", "Kenttä", "Selite", "Nro"}
    book = load_workbook(export(REPO, tmp_path / "out", lang="sv"))
    words = [c.value for sheet in book.worksheets if sheet.title != "_source" for c in sheet[1]]
    main = book["Arbetsbok"]
    heads = [c.value for c in main[1]]
    for title in ("Nivå", "Status"):
        words += [c.value for c in main[chr(65 + heads.index(title))][1:]]
    values = book["Mätvärden"]
    value_heads = [c.value for c in values[1]]
    for title in ("Enhet", "Utveckling"):
        words += [c.value for c in values[chr(65 + value_heads.index(title))][1:]]
    words += [c.value for c in book["Alla uppgifter"]["D"][1:]] + [c.value for c in book["Parter"]["C"][1:]]
    words += [c.value for row in book["_lists"].iter_rows() for c in row]
    words = [w for w in words if isinstance(w, str)]
    assert len(words) > 100
    assert not [w for w in words if w in finnish or any(f"{w} ".startswith(f"{f} ") for f in
                                                         ("Teksti", "Arvo", "Huomautus"))]


# --- 2. the year's values -----------------------------------------------------------------------------------------
def test_the_yearly_sheet_has_a_row_per_indicator_and_area_and_the_years_before(tmp_path):
    model = example()
    book = load_workbook(export(REPO, tmp_path / "out"))
    sheet = book[VALUES["fi"]]
    heads = [c.value for c in sheet[1]]
    assert heads[4:8] == [str(YEAR - 3), str(YEAR - 2), str(YEAR - 1), f"Arvo {YEAR}"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == sum(len(i.areas) for i in model.indicators)
    indicator, area, year, value = measured_before()
    row = next(r for r in rows if r[0] == indicator.id and r[2] == (
        "Koko alue" if area == "region" else model.party(area).name.get("fi")))
    assert row[heads.index(str(year))] == value
    assert row[heads.index("Edistyminen")] == L.word("status_" + indicator.progress(area).code, "fi")
    again = run_cli("export-xlsx", "--root", REPO, "--out", tmp_path / "out2", "--year", str(YEAR - 2))
    assert again.returncode == 0
    assert f"Arvo {YEAR - 2}" in [c.value for c in load_workbook(next((tmp_path / "out2").glob("*-tyokirja.xlsx"))
                                                                   )[VALUES["fi"]][1]]
    future = run_cli("export-xlsx", "--root", REPO, "--out", tmp_path / "out3", "--year", str(TEST_TODAY.year + 1))
    assert future.returncode == 2 and "vuosi" in future.stderr


@pytest.mark.parametrize("typed, number", [
    ("15,5", "15.5"), ("15 %", "15"), ("1\u00a0234,5", "1234.5"), ("1 234", "1234"), ("1\u202f234,25", "1234.25"),
    ("\u22122,5", "-2.5"), (15.5, "15.5")])
@pytest.mark.slow
def test_numbers_as_officials_type_them(repo, tmp_path, typed, number):  # noqa: F811
    indicator, area = unmeasured_municipality()
    book = export(repo, tmp_path / "out")
    row = value_row(book, "fi", indicator.id, area)
    done = import_(edit(book, tmp_path / "edited.xlsx", {(VALUES["fi"], row[f"Arvo {YEAR}"]): typed}), repo)
    assert done.returncode == 0, done.stderr
    assert changed(repo) == [f"+{indicator.id},{area},{YEAR},{number},"]


def test_a_number_excel_shows_as_a_percentage_is_the_percent_typed(repo, tmp_path):  # noqa: F811
    """Excel reads "15,5 %" typed into a cell as 0.155 shown as a percentage: the value is 15.5."""
    indicator, area = unmeasured_municipality()
    book_path = export(repo, tmp_path / "out")
    coordinate = value_row(book_path, "fi", indicator.id, area)[f"Arvo {YEAR}"]
    book = load_workbook(book_path)
    book[VALUES["fi"]][coordinate] = 0.155
    book[VALUES["fi"]][coordinate].number_format = "0.0%"
    book.save(tmp_path / "percent.xlsx")
    done = import_(tmp_path / "percent.xlsx", repo)
    assert done.returncode == 0, done.stderr
    assert changed(repo) == [f"+{indicator.id},{area},{YEAR},15.5,"]


@pytest.mark.slow
def test_what_is_no_number_or_was_there_is_refused_at_its_cell(repo, tmp_path):  # noqa: F811
    indicator, area = unmeasured_municipality()
    book = export(repo, tmp_path / "out")
    row = value_row(book, "fi", indicator.id, area)
    done = import_json(edit(book, tmp_path / "text.xlsx", {(VALUES["fi"], row[f"Arvo {YEAR}"]): "noin 15"}), repo)
    assert ("workbook_not_a_number", f"'{VALUES['fi']}'!{row[f'Arvo {YEAR}']}") in errors(done)
    measured, where, year, _ = measured_before()
    book = export(repo, tmp_path / "out-y", "--year", str(year))
    cell = value_row(book, "fi", measured.id, where)[f"Arvo {year}"]
    done = import_json(edit(book, tmp_path / "cleared.xlsx", {(VALUES["fi"], cell): None}), repo)
    assert ("workbook_value_removed", f"'{VALUES['fi']}'!{cell}") in errors(done)
    assert git(repo, "status", "--porcelain") == ""


def test_a_value_the_repository_changed_too_is_a_conflict_at_its_cell(repo, tmp_path):  # noqa: F811
    indicator, area = unmeasured_municipality()
    book = export(repo, tmp_path / "out")
    cell = value_row(book, "fi", indicator.id, area)[f"Arvo {YEAR}"]
    csv = next(p for p in (repo / "measurements").glob("*.csv") if indicator.id in p.read_text(encoding="utf-8"))
    csv.write_text(csv.read_text(encoding="utf-8") + f"{indicator.id},{area},{YEAR},12,\n", encoding="utf-8")
    git(repo, "commit", "-qam", "a value added in the repository")
    done = import_json(edit(book, tmp_path / "edited.xlsx", {(VALUES["fi"], cell): "15,5"}), repo)
    assert ("workbook_conflict", f"'{VALUES['fi']}'!{cell}") in errors(done)
    assert git(repo, "status", "--porcelain") == ""


# --- 3. what the import does not read is refused where it was typed -------------------------------------------------
def test_text_in_a_column_the_row_does_not_have_is_refused_at_its_cell(repo, tmp_path):  # noqa: F811
    model = example()
    book = export(repo, tmp_path / "out")
    main = cells(book, "Työkirja")
    goal = model.goals[0].id
    done = import_json(edit(book, tmp_path / "edited.xlsx", {
        ("Työkirja", main[(goal, "Toimenpide")]): "Uusi toimenpide tavoitteen riville",
        ("Kaikki tiedot", "E2"): "oma muistiinpano"}), repo)
    assert ("workbook_not_read_level", main[(goal, "Toimenpide")]) in errors(done)
    assert ("workbook_not_read_column", "'Kaikki tiedot'!E2") in errors(done)
    assert git(repo, "status", "--porcelain") == ""


def test_a_sheet_the_workbook_did_not_come_with_is_refused(repo, tmp_path):  # noqa: F811
    book = load_workbook(export(repo, tmp_path / "out"))
    book.create_sheet("Muistiinpanot")["C4"] = "Tämä ei päätyisi sopimukseen"
    book.save(tmp_path / "notes.xlsx")
    assert ("workbook_not_read_sheet", "'Muistiinpanot'!C4") in errors(import_json(tmp_path / "notes.xlsx", repo))


def test_what_the_check_refuses_is_reported_at_the_cell_not_at_a_yaml_line(repo, tmp_path):  # noqa: F811
    """A delayed action needs a reason: the check of the data as written says so at the workbook's cell."""
    action = plain_action()
    book = export(repo, tmp_path / "out")
    status = cells(book, "Työkirja")[(action.id, "Tila")]
    done = import_(edit(book, tmp_path / "edited.xlsx", {("Työkirja", status): word("delayed", "fi")}), repo)
    assert done.returncode == 1
    assert f"edited.xlsx!{status}: virhe: Toimenpide {action.id}, kenttä ”Tila” (status):" in done.stderr
    assert "subareas/" not in done.stderr and git(repo, "status", "--porcelain") == ""


# --- 4. a status changed, its reason not ---------------------------------------------------------------------------
def test_a_status_changed_with_its_reason_unchanged_is_a_warning_at_the_cell(repo, tmp_path):  # noqa: F811
    model = example()
    action = next(a for a in model.actions if a.status == "delayed" and a.status_reason and a.status_history)
    book = export(repo, tmp_path / "out")
    main = cells(book, "Työkirja")
    done = import_json(edit(book, tmp_path / "edited.xlsx", {("Työkirja", main[(action.id, "Tila")]): "käynnissä"}),
                       repo)
    assert done.returncode == 0, done.stderr
    warnings = [(p["code"], p.get("cell")) for p in json.loads(done.stdout) if p["severity"] == "warning"]
    assert ("workbook_status_reason_unchanged", main[(action.id, "Tilan perustelu")]) in warnings
    # the history gets today's entry, so the status and its newest entry agree (validate passes)
    assert changed(repo) == ["-        status: delayed", "+        status: ongoing",
                             f'+          - date: "{TEST_TODAY.isoformat()}"', "+            status: ongoing"]
    assert run_cli("validate", "--root", repo).returncode == 0
    git(repo, "checkout", "-q", ".")
    quiet = import_json(edit(book, tmp_path / "reason.xlsx", {("Työkirja", main[(action.id, "Tila")]): "käynnissä",
                                                              ("Työkirja", main[(action.id, "Tilan perustelu")]): None}),
                        repo)
    assert quiet.returncode == 0, quiet.stderr
    assert "workbook_status_reason_unchanged" not in quiet.stdout


# --- 5. a party's copy -------------------------------------------------------------------------------------------------
def test_an_edit_in_a_partys_copy_is_one_line_and_keeps_the_rows_it_left_out(repo, tmp_path):  # noqa: F811
    model = example()
    action = next(a for a in model.actions if "kuusiniemi" in a.responsible and a.status == "planned"
                  and not a.status_history)
    assert run_cli("export-xlsx", "--root", repo, "--out", tmp_path / "out", "--party", "kuusiniemi").returncode == 0
    book = next((tmp_path / "out").glob("*-tyokirja-kuusiniemi.xlsx"))
    main = cells(book, "Työkirja")
    done = import_(edit(book, tmp_path / "edited.xlsx", {("Työkirja", main[(action.id, "Tila")]): "valmis"}), repo)
    assert done.returncode == 0, done.stderr
    assert changed(repo) == ["-        status: planned", "+        status: done"]


def test_cells_that_hold_no_value_of_their_column_are_refused_each_at_its_cell(repo, tmp_path):  # noqa: F811
    """One workbook, many wrong cells: every one reported at once, at its own cell, and nothing written."""
    model = example()
    action, indicator = plain_action(), model.indicators[0]
    regional = next(i for i in model.indicators if i.areas == ["region"])
    book_path = export(repo, tmp_path / "out")
    main, data = cells(book_path, "Työkirja"), cells(book_path, "Kaikki tiedot")
    measured, area = unmeasured_municipality()
    values = value_row(book_path, "fi", measured.id, area)
    regional_row = value_row(book_path, "fi", regional.id, "region")
    book = load_workbook(book_path)
    last_main, last_data = book["Työkirja"].max_row + 1, book["Kaikki tiedot"].max_row + 1
    wrong = {
        ("Työkirja", main[(action.id, "Tila")]): ("kesken", "workbook_unknown_word"),
        ("Työkirja", main[(action.id, "Aikataulu")]): ("syksyllä", "workbook_schedule_invalid"),
        ("Työkirja", main[(action.id, "Päävastuutaho")]): ("Tuntematon kunta", "workbook_unknown_party"),
        ("Työkirja", main[(indicator.id, "Tavoitetaso")]): ("15,5", "workbook_dated_value_invalid"),
        ("Työkirja", f"D{last_main}"): ("Tavoite vai toimenpide?", "workbook_level_missing"),
        ("Työkirja", f"E{last_main}"): ("Kumpi?", None),
        ("Kaikki tiedot", f"A{last_data}"): (action.id, None),
        ("Kaikki tiedot", f"B{last_data}"): ("status", "workbook_field_on_main"),
        ("Kaikki tiedot", f"C{last_data}"): ("done", None),
        ("Kaikki tiedot", f"C{last_data + 1}"): ("arvo ilman kenttää", "workbook_data_row_incomplete"),
        (VALUES["fi"], values[f"Huomautus {YEAR}"]): ("Huomautus ilman arvoa", "workbook_note_without_value"),
        (VALUES["fi"], regional_row["Alue"]): (model.party(area).name.get("fi"), "workbook_value_area"),
        (VALUES["fi"], f"{values[f'Arvo {YEAR}'][0]}1"): (f"Arvo {YEAR - 1}", "workbook_year_heading"),
    }
    assert data  # the data sheet has rows to add below
    for (sheet, coordinate), (value, _) in wrong.items():
        book[sheet][coordinate] = value
        book[sheet][coordinate].data_type = "s"
    book.save(tmp_path / "wrong.xlsx")
    done = import_json(tmp_path / "wrong.xlsx", repo)
    assert done.returncode == 1
    found = errors(done)
    for (sheet, coordinate), (_, code) in wrong.items():
        if code is None:
            continue
        where = coordinate if sheet == "Työkirja" else f"'{sheet}'!{coordinate}"
        if code == "workbook_level_missing":
            where = f"B{last_main}"
        if code == "workbook_field_on_main":
            where = f"'{sheet}'!B{last_data}"
        assert (code, where) in found, (code, where, found)
    assert git(repo, "status", "--porcelain") == ""


def test_into_a_root_without_sub_areas_the_values_wait_with_a_warning(tmp_path):
    import shutil
    book = export(REPO, tmp_path / "out")
    root = tmp_path / "empty"
    shutil.copytree(REPO / "agreement", root / "agreement")
    done = import_json(book, root)
    assert done.returncode == 0, done.stderr
    warnings = [(p["code"], p.get("cell")) for p in json.loads(done.stdout) if p["severity"] == "warning"]
    assert ("workbook_values_not_imported", f"'{VALUES['fi']}'!H1") in warnings
    assert not (root / "measurements").exists()


def test_an_import_checks_against_the_schema_only_the_files_it_writes(repo, tmp_path, monkeypatch):  # noqa: F811
    """A workbook exported from exactly the files in the repository: the export checked them, so the import checks
    against the schema only the file it writes (every cross-check still runs on all); a workbook made under other
    schemas gets every file checked again."""
    from cooperation.check import checker
    from cooperation.load.sources import load_sources
    checked: list[str] = []
    original = checker.Checker._schema_check

    def counted(self, kind, doc):
        checked.append(doc.name)
        return original(self, kind, doc)
    monkeypatch.setattr(checker.Checker, "_schema_check", counted)
    action = plain_action()
    book = export(repo, tmp_path / "out")
    status = cells(book, "Työkirja")[(action.id, "Tila")]
    meta = {row[0].value: row[1].coordinate for row in load_workbook(book)["_source"].iter_rows()}
    checked.clear()
    assert import_(edit(book, tmp_path / "edited.xlsx", {("Työkirja", status): "valmis"}), repo).returncode == 0
    (written,) = [line.split()[1] for line in git(repo, "status", "--porcelain").splitlines()]
    assert checked == [written]
    git(repo, "checkout", "-q", ".")
    checked.clear()
    other = edit(book, tmp_path / "other.xlsx", {("Työkirja", status): "valmis", ("_source", meta["schemas"]): "0" * 64})
    assert import_(other, repo).returncode == 0
    assert sorted(checked) == sorted(doc.name for _, doc in load_sources(repo).yaml_documents())

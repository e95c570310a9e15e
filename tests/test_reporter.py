"""Reporters, tested in process with a hand-built result: what reaches a terminal, a PR annotation or JSON."""
from __future__ import annotations

import json

from cooperation.check import reporters as reporter
from cooperation.result import ERROR, INFO, WARNING, Problem, Result


def _result(*problems: Problem) -> Result:
    result = Result()
    result.extend(problems)
    return result


HOSTILE_FILE = "subareas/a,b:c.yaml"
DUP_KEY = Problem(ERROR, "yaml_duplicate_key", HOSTILE_FILE, 3, 5, {"key": "x\ny", "first_line": 2})


def test_text_report_is_one_line_per_problem_with_summary():
    out, err = reporter.text(_result(DUP_KEY, Problem(WARNING, "file_empty", "agreement/forums.yaml")))
    assert out == ("agreement/forums.yaml:1:1: varoitus: tiedosto on tyhjä\n"
                   "subareas/a,b:c.yaml:3:5: virhe: avain ”x y” on samassa kohdassa kahdesti (ensimmäinen rivillä 2)\n")
    assert err == "1 virhe, 1 varoitus.\n"


def test_text_report_cannot_be_forged_by_a_file_name_with_a_line_break():
    forged = Problem(ERROR, "file_empty", "subareas/x.yaml\nsubareas/y.yaml:1:1: virhe: väärennetty")
    out, _ = reporter.text(_result(forged))
    assert out.count("\n") == 1
    assert out.startswith("subareas/x.yaml subareas/y.yaml:1:1: virhe: väärennetty:1:1: virhe:")


def test_github_annotation_escapes_properties_and_data():
    out, _ = reporter.github(_result(DUP_KEY))
    # ',' and ':' in a property would start a new property; a line break in data would end the command
    assert out == ("::error file=subareas/a%2Cb%3Ac.yaml,line=3,col=5,title=Sopimuksen tarkistus::"
                   "avain ”x y” on samassa kohdassa kahdesti (ensimmäinen rivillä 2)\n")


def test_github_annotation_of_a_raw_line_break_in_a_file_name_stays_one_command():
    out, _ = reporter.github(_result(Problem(ERROR, "file_empty", "a\n::error::x%")))
    assert out.count("\n") == 1
    assert "file=a%0A%3A%3Aerror%3A%3Ax%25," in out


def test_json_report_in_english_names_item_and_field():
    problem = Problem(ERROR, "file_empty", "subareas/hyte.yaml", 4, 2, item=("action", "HYTE-1-T1"),
                      field="status", field_titles={"fi": "Tila", "en": "Status"})
    out, err = reporter.json_report(_result(problem), "en")
    assert err == ""
    assert json.loads(out) == [{
        "severity": "error", "code": "file_empty", "file": "subareas/hyte.yaml", "line": 4, "column": 2,
        "item": {"kind": "action", "id": "HYTE-1-T1"}, "field": "status",
        "message": 'Action HYTE-1-T1, field "Status" (status): file is empty',
    }]


def test_summary_counts_in_both_languages():
    assert reporter.text(Result())[1] == "Ei ongelmia.\n"
    assert reporter.text(Result(), "en")[1] == "No problems found.\n"
    two = _result(DUP_KEY, Problem(ERROR, "file_empty", "b.yaml"))
    assert reporter.text(two, "en")[1] == "2 errors, 0 warnings.\n"


# An import's problems: a workbook cell, a heading row, a whole workbook, a CSV line and a JSON entry.
CELL = Problem(ERROR, "workbook_formula_without_value", "Työkirja.xlsx", 14, 3, {"formula": " (=A2)"}, cell="C14")
ROW = Problem(WARNING, "workbook_column_absent", "Työkirja.xlsx", 3, 0, {"column": "Resurssit"}, cell="3")
WHOLE = Problem(ERROR, "workbook_encrypted", "Työ,kirja.xlsx", 0, 0)
CSV_LINE = Problem(WARNING, "row_year_missing", "tidy.csv", 4, 0)
JSON_ENTRY = Problem(INFO, "row_value_missing", "data.json", 3, 0, cell="[2]")


def test_text_report_names_a_cell_a_row_a_workbook_a_line_and_an_entry():
    out, err = reporter.text(_result(CELL, ROW, WHOLE, CSV_LINE, JSON_ENTRY))
    assert out.splitlines() == [
        "Työ,kirja.xlsx: virhe: työkirja on salattu (suojattu salasanalla), eikä salattua työkirjaa voi lukea; avaa se "
        "Excelissä ja tallenna kopio ilman salasanaa (Tiedosto → Tiedot → Suojaa työkirja → Salaa salasanalla: "
        "tyhjennä salasana), ja tuo se",
        "Työkirja.xlsx!3: varoitus: saraketta ”Resurssit” ei ole",
        "Työkirja.xlsx!C14: virhe: solussa on kaava (=A2), jonka arvoa ei ole tallennettu työkirjaan; avaa työkirja "
        "Excelissä tai LibreOfficessa ja tallenna se (arvot lasketaan tallennettaessa), tai kirjoita arvo tekstinä",
        "data.json[2]: tarkista: arvo puuttuu",
        "tidy.csv:4: varoitus: vuosi puuttuu",
    ]
    assert err == "2 virhettä, 2 varoitusta.\n"  # a note to check is neither
    assert reporter.text(_result(CELL), "en")[0].startswith("Työkirja.xlsx!C14: error: the cell holds a formula (=A2) ")


def test_github_annotation_of_a_cell_names_the_file_without_a_line_and_the_cell_in_its_text():
    out, _ = reporter.github(_result(CELL, WHOLE, CSV_LINE, JSON_ENTRY))
    assert out.splitlines() == [
        "::error file=Työ%2Ckirja.xlsx,title=Sopimuksen tarkistus::työkirja on salattu (suojattu salasanalla), eikä "
        "salattua työkirjaa voi lukea; avaa se Excelissä ja tallenna kopio ilman salasanaa (Tiedosto → Tiedot → Suojaa "
        "työkirja → Salaa salasanalla: tyhjennä salasana), ja tuo se",
        "::error file=Työkirja.xlsx,title=Sopimuksen tarkistus::C14: solussa on kaava (=A2), jonka arvoa ei ole tallennettu "
        "työkirjaan; avaa työkirja Excelissä tai LibreOfficessa ja tallenna se (arvot lasketaan tallennettaessa), tai "
        "kirjoita arvo tekstinä",
        "::notice file=data.json,title=Sopimuksen tarkistus::[2]: arvo puuttuu",
        "::warning file=tidy.csv,line=4,title=Sopimuksen tarkistus::vuosi puuttuu",
    ]


def test_json_report_gives_a_cell_only_to_problems_that_have_one():
    report = json.loads(reporter.json_report(_result(CELL, CSV_LINE, DUP_KEY), "en")[0])
    assert [entry.get("cell") for entry in report] == ["C14", None, None]
    assert "cell" not in report[2]  # validate's JSON stays as it was
    assert report[0] == {"severity": "error", "code": "workbook_formula_without_value", "file": "Työkirja.xlsx",
                         "line": 14, "column": 3, "item": None, "field": None, "cell": "C14",
                         "message": "the cell holds a formula (=A2) whose value is not saved in the workbook; open the "
                                    "workbook in Excel or LibreOffice and save it (values are computed on saving), or "
                                    "write the value as text"}

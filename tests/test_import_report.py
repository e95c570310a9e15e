"""The imports report as validate does: each note a problem with its cell or row, in text, GitHub annotations
or JSON, in Finnish or English; what was written (or that nothing was) stays on stderr."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from helpers import MINIMAL, copy_root
from test_import_xlsx import workbook
from test_workbook import empty_region, snapshot

from cooperation.i18n.messages import M
from cooperation.imports.import_measurements import import_measurements
from cooperation.imports.import_xlsx import import_xlsx


def messy(tmp_path: Path) -> Path:
    return workbook(tmp_path / "Työkirja.xlsx", [
        ["Työllisyyden hoito", "Työttömyys laskee", "Yhteispalvelu (Tuntematon taho)"],
        [None, '=CONCATENATE("Nuoret ", "töihin")', "Nuorisotakuu (Betan kunta)"],
        ["Asukkaiden hyvinvoinnin ja terveyden edistäminen", "Liikkuminen lisääntyy", None, None,
         "Liikkujat, % (Sotkanet 181)"],
        ["Työllisyyden hoito", "Nuoret töihin", "Työpajat (Alfan kunta)"],
    ])


# (severity, cell, code) of every note the messy workbook gives, in the order the reporters sort them
MESSY = [
    ("info", "A2", "workbook_new_subarea"),
    ("warning", "C2", "workbook_responsible_unmatched"),
    ("error", "B3", "workbook_formula_without_value"),
    ("info", "A4", "workbook_new_subarea"),
    ("info", "E4", "workbook_indicator_to_check"),
    ("warning", "A5", "workbook_subarea_continues"),
]


def test_a_messy_workbook_in_text_names_each_cell_on_stderr(tmp_path, capsys):
    root = empty_region(tmp_path, MINIMAL)
    before = snapshot(root)
    assert import_xlsx(messy(tmp_path), root) == 1
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.splitlines()
    assert [re.match(r"Työkirja\.xlsx!([A-Z]+[0-9]+): (\w+):", line).groups() for line in lines[:-1]] == \
        [(cell, {"error": "virhe", "warning": "varoitus", "info": "tarkista"}[severity]) for severity, cell, _ in MESSY]
    assert "Työkirja.xlsx!C2: varoitus: toimenpide TY-1-T1: vastuutahoa ei tunnistettu (”Tuntematon taho”); " \
           "merkittiin hyvinvointialue" in lines
    assert lines[-1] == "Mitään ei kirjoitettu."
    assert snapshot(root) == before


def test_a_messy_workbook_as_github_annotations_without_lines(tmp_path, capsys):
    root = empty_region(tmp_path, MINIMAL)
    assert import_xlsx(messy(tmp_path), root, format="github") == 1
    out, err = capsys.readouterr()
    levels = {"error": "error", "warning": "warning", "info": "notice"}
    assert [line.split(" ", 1)[0] for line in out.splitlines()] == [f"::{levels[s]}" for s, _, _ in MESSY]
    assert [line.split(" ", 1)[1].split(":")[:3] for line in out.splitlines()] == \
        [["file=Työkirja.xlsx,title=Sopimuksen tarkistus", "", cell] for _, cell, _ in MESSY]
    assert "::error file=Työkirja.xlsx,title=Sopimuksen tarkistus::B3: solussa on kaava (=CONCATENATE(" in out
    assert err == "Mitään ei kirjoitettu.\n"


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_a_messy_workbook_as_json_in_each_language(tmp_path, capsys, lang):
    root = empty_region(tmp_path, MINIMAL)
    assert import_xlsx(messy(tmp_path), root, format="json", lang=lang) == 1
    out, err = capsys.readouterr()
    report = json.loads(out)
    assert [(p["severity"], p["cell"], p["code"]) for p in report] == MESSY
    assert {p["file"] for p in report} == {"Työkirja.xlsx"}
    continues = report[-1]["message"]
    assert continues == {"fi": "osa-alue tyollisyys jatkuu (aloitettu solussa Työkirja.xlsx!A2); rivit liitettiin "
                               "samaan osa-alueeseen: tarkista järjestys",
                         "en": "sub-area tyollisyys continues (started in cell Työkirja.xlsx!A2); the rows were "
                               "joined to the same sub-area: check the order"}[lang]
    assert err == "Mitään ei kirjoitettu.\n"  # the command's own lines stay Finnish, on stderr


def test_a_written_import_reports_its_notes_and_the_check_in_json(tmp_path, capsys):
    root = empty_region(tmp_path, MINIMAL)
    path = workbook(tmp_path / "Työkirja.xlsx", [["Työllisyyden hoito", "Työttömyys laskee", "Yhteispalvelu (Alfan kunta)"]])
    assert import_xlsx(path, root, format="json") == 0
    out, err = capsys.readouterr()
    report = json.loads(out)  # the workbook's notes, then validate's check of the data as written
    assert [(p["cell"], p["code"]) for p in report if p["file"] == "Työkirja.xlsx"] == [("A2", "workbook_new_subarea")]
    assert {p["code"] for p in report if p["file"] != "Työkirja.xlsx"} == {"common_subarea_missing"}
    assert err == "Kirjoitettu subareas/tyollisyys.yaml\nTarkistus tuonnin jälkeen (python build.py validate):\n"
    assert (root / "subareas" / "tyollisyys.yaml").is_file()


@pytest.fixture
def region(tmp_path) -> Path:
    return copy_root(MINIMAL, tmp_path / "root")


def test_skipped_measurement_rows_are_warnings_at_their_line_or_entry(region, tmp_path, capsys):
    csv_file = tmp_path / "tidy.csv"
    csv_file.write_text("indicator,area,year,value\nTILA-1-M1,region,3000,1\nTILA-1-M1,region,2025,x\n", encoding="utf-8")
    assert import_measurements(csv_file, region, format="json", lang="en") == 0
    out, err = capsys.readouterr()
    assert [(p["severity"], p["file"], p["line"], p["column"], "cell" in p, p["code"], p["message"])
            for p in json.loads(out)] == [
        ("warning", "tidy.csv", 2, 0, False, "row_year_range", "year 3000 is not within 1900–2100"),
        ("warning", "tidy.csv", 3, 0, False, "row_value_invalid", 'value "x" is not a number'),
    ]
    assert err.startswith("Mittaustuloksia: 0 uutta, 0 päivitetty, 0 ennallaan, 2 ohitettu.")
    json_file = tmp_path / "sotkanet.json"
    json_file.write_text('[{"indicator": "TILA-1-M1", "region": "region", "year": 2025}, 7]', encoding="utf-8")
    assert import_measurements(json_file, region, format="github") == 0
    out, _ = capsys.readouterr()
    assert out == ("::warning file=sotkanet.json,title=Sopimuksen tarkistus::[0]: arvo puuttuu\n"
                   "::warning file=sotkanet.json,title=Sopimuksen tarkistus::[1]: rivi ei ole olio (avaimet ja arvot, "
                   'esim. {"indicator": 3127, …})\n')
    assert import_measurements(json_file, region) == 0
    assert capsys.readouterr().err.startswith("sotkanet.json[0]: varoitus: arvo puuttuu\n"
                                              "sotkanet.json[1]: varoitus: rivi ei ole olio")


# Every message an import gives, named here; each reads the same parameters in Finnish and in English.
IMPORT_CODES = {
    "workbook_unreadable", "workbook_encrypted", "workbook_old_format", "workbook_not_xlsx", "workbook_too_large",
    "workbook_part_missing", "workbook_too_many_merged", "workbook_too_many_formulas", "workbook_doctype",
    "workbook_broken_row", "workbook_no_sheet", "workbook_broken_sheet", "workbook_error_value",
    "workbook_formula_without_value", "workbook_no_header", "workbook_column_missing", "workbook_column_absent",
    "workbook_after_empty_rows", "workbook_cell_too_large", "workbook_too_much_text", "workbook_too_many_subareas",
    "workbook_subarea_too_large", "workbook_subarea_file_too_large", "workbook_row_without_subarea",
    "workbook_subarea_continues", "workbook_duplicate_subarea", "workbook_new_subarea",
    "workbook_subarea_without_goals", "workbook_row_without_goal", "workbook_several_goals",
    "workbook_responsible_unknown", "workbook_responsible_unmatched", "workbook_responsible_partly",
    "workbook_indicator_to_check",
    "row_not_object", "row_gender", "row_unknown_indicator", "row_unknown_area", "row_year_missing",
    "row_year_invalid", "row_year_range", "row_value_missing", "row_value_invalid", "row_value_infinite",
    "row_duplicate",
}


def test_every_import_message_has_the_same_parameters_in_both_languages():
    assert IMPORT_CODES <= set(M)
    for code in IMPORT_CODES:
        fi, en = (set(re.findall(r"(?<!\{)\{(\w+)\}", M[code][lang])) for lang in ("fi", "en"))
        assert fi == en, code

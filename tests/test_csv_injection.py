"""Every CSV the tool writes goes through one formula-injection neutraliser (OWASP CSV injection): a text cell starting
with = + - @ tab or carriage return gets a leading ' so a spreadsheet shows it as text; numbers, negative ones
included, stay numbers. A test per writer: open data (mittaustulokset.csv, edistyminen.csv), `approvals --format
csv`, and the measurement files import-measurements writes (which the loader reads back without the mark)."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from helpers import MINIMAL, copy_root, run_cli

from cooperation.load.sources import load_sources
from cooperation.pipeline import load

HOSTILE = ["=HYPERLINK(\"http://x.example\",\"y\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "\tx", "\rx",
           "=1+1"]


@pytest.mark.parametrize("cell", HOSTILE)
def test_a_text_cell_that_starts_like_a_formula_is_marked_as_text(cell):
    from cooperation.csv_cells import safe_cell, unmarked
    assert safe_cell(cell) == "'" + cell
    assert unmarked(safe_cell(cell)) == cell


@pytest.mark.parametrize("cell", ["-1,3", "-1.3", "+2", "-0.5e3", "-7", 12, -1.5, 0, "", "a=b", "Kannatetaan.", "'quoted"])
def test_numbers_and_plain_texts_stay_as_they_are(cell):
    from cooperation.csv_cells import safe_cell, unmarked
    assert safe_cell(cell) == cell
    if isinstance(cell, str):
        assert unmarked(cell) == cell


def test_the_writer_neutralises_every_row_the_header_too():
    from cooperation.csv_cells import neutralised
    buffer = io.StringIO()
    writer = neutralised(csv.writer(buffer, lineterminator="\n"))
    writer.writerow(["=a", -1.5, "-1.5"])
    writer.writerows([["@b", 2], ["c", "+d"]])
    assert buffer.getvalue() == "'=a,-1.5,-1.5\n'@b,2\nc,'+d\n"


def _rows(data: bytes | str) -> list[list[str]]:
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    return list(csv.reader(io.StringIO(text)))


@pytest.fixture
def hostile_root(tmp_path) -> Path:
    """The minimal agreement with notes and a negative value a spreadsheet would take for formulas."""
    root = copy_root(MINIMAL, tmp_path / "root")
    values = root / "measurements" / "values.csv"
    values.write_text(values.read_text(encoding="utf-8")
                      + 'HYTE-1-M1,alfa,2025,-1.3,"=HYPERLINK(""http://x.example"",""y"")"\n'
                      + "HYTE-1-M1,beta,2025,4,@SUM(A1)\n", encoding="utf-8")
    return root


def test_open_data_measurements(hostile_root):
    from cooperation.outputs import opendata
    model, _ = load(hostile_root)
    rows = _rows(opendata.measurements_csv(model))
    assert ["HYTE-1-M1", "alfa", "2025", "-1.3", "'=HYPERLINK(\"http://x.example\",\"y\")"] in rows
    assert ["HYTE-1-M1", "beta", "2025", "4", "'@SUM(A1)"] in rows


def test_open_data_progress(hostile_root):
    from cooperation.outputs import opendata
    model, _ = load(hostile_root)
    indicator = model.indicators[0]
    indicator.id = "=1+1"  # ids cannot start so (the schema): the writer does not rely on it
    rows = _rows(opendata.progress_csv(model))
    assert rows[0][0] == "indicator"
    assert {row[0] for row in rows[1:]} == {"'=1+1"}
    numbers = [cell for row in rows[1:] for cell in row[3:]]
    assert not any(cell.startswith("'") for cell in numbers)  # values and ratios stay numbers


def test_approvals_csv(monkeypatch):
    """Every cell goes through the neutraliser: a version's name (here made to start like a formula) and the rest."""
    from cooperation.outputs import approvals
    model, _ = load(MINIMAL)
    monkeypatch.setattr(approvals, "version_title", lambda v, state, lang: "=cmd|'/C calc'!A0")
    rows = _rows(approvals.render(model, model.version_state, "csv", "fi"))
    assert rows[0][1] == "'=cmd|'/C calc'!A0"
    assert not any(cell[:1] in ("=", "+", "-", "@", "\t", "\r") for row in rows for cell in row)


def test_measurement_files_written_by_the_import_are_neutralised_and_read_back_as_written(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "root")
    tidy = tmp_path / "tidy.csv"
    tidy.write_text("indicator,area,year,value,note\nHYTE-1-M1,beta,2025,-2.5,=1+1\nHYTE-1-M1,region,2023,3,-arvio\n",
                    encoding="utf-8")
    done = run_cli("import-measurements", tidy, "--root", root)
    assert done.returncode == 0, done.stderr
    written = "".join(p.read_text(encoding="utf-8") for p in (root / "measurements").glob("*.csv"))
    assert "HYTE-1-M1,beta,2025,-2.5,'=1+1" in written and "HYTE-1-M1,region,2023,3,'-arvio" in written
    notes = {(m.area, m.year): m.note for m in load_sources(root).measurements}
    assert notes[("beta", 2025)] == "=1+1" and notes[("region", 2023)] == "-arvio"
    before = {p.name: p.read_bytes() for p in (root / "measurements").glob("*.csv")}
    again = run_cli("import-measurements", tidy, "--root", root)
    assert again.returncode == 0 and "Tiedostoja ei muutettu" in again.stderr, again.stderr
    assert {p.name: p.read_bytes() for p in (root / "measurements").glob("*.csv")} == before

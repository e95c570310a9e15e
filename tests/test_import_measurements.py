"""import-measurements never crashes, never writes values validate refuses, says why each row was left out."""
from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from helpers import MINIMAL, copy_root, run_cli, with_sotkanet_regions
from test_workbook import snapshot

from cooperation.check import check
from cooperation.load.sources import load_sources


def cli(*args) -> tuple[int, str]:
    code, _, err = run_cli(*args)
    return code, err


@pytest.fixture
def root(tmp_path) -> Path:
    return with_sotkanet_regions(copy_root(MINIMAL, tmp_path / "root"))


def tidy(tmp_path: Path, *lines: str, name: str = "tidy.csv") -> Path:
    path = tmp_path / name
    path.write_text("indicator,area,year,value\n" + "".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def test_years_outside_the_schema_are_listed_and_never_written(root, tmp_path):
    file = tidy(tmp_path, "TILA-1-M1,region,3000,1", "TILA-1-M1,region,-5,2", "TILA-1-M1,region,1899,3",
                "TILA-1-M1,region,2025,4")
    code, err = cli("import-measurements", file, "--root", root)
    assert code == 0, err
    assert "tidy.csv:2: varoitus: vuosi 3000 ei ole välillä 1900–2100" in err
    assert "tidy.csv:3: varoitus: vuosi -5 ei ole välillä 1900–2100" in err
    assert "tidy.csv:4: varoitus: vuosi 1899 ei ole välillä 1900–2100" in err
    written = (root / "measurements" / "tilat.csv").read_text(encoding="utf-8")
    assert "TILA-1-M1,region,2025,4," in written and "3000" not in written and ",-5," not in written
    assert check(load_sources(root)).exit_code() == 0  # the next build still works


def test_json_years_outside_the_schema(root, tmp_path):
    file = tmp_path / "sotkanet.json"
    file.write_text(json.dumps([{"indicator": 3127, "region": 9901, "year": 3000, "gender": "total", "value": 1},
                                {"indicator": 3127, "region": 9901, "year": -5, "gender": "total", "value": 1}]))
    code, err = cli("import-measurements", file, "--root", root)
    assert code == 0, err
    assert "sotkanet.json[0]: varoitus: vuosi 3000 ei ole välillä 1900–2100" in err
    assert "sotkanet.json[1]: varoitus: vuosi -5 ei ole välillä 1900–2100" in err
    assert check(load_sources(root)).exit_code() == 0


def test_hostile_numbers_and_indicators_do_not_crash(root, tmp_path):
    huge = "9" * 400
    rows = [{"indicator": int(huge), "region": 9901, "year": 2025, "gender": "total", "value": 1},
            {"indicator": 3127, "region": int(huge), "year": 2025, "gender": "total", "value": 1},
            {"indicator": 3127, "region": 9901, "year": int(huge), "gender": "total", "value": 1},
            {"indicator": 3127, "region": 9901, "year": 2025, "gender": "total", "value": int(huge)},
            {"indicator": "²", "region": 9901, "year": 2025, "gender": "total", "value": 1},
            {"indicator": 3127, "region": "²", "year": 2025, "gender": "total", "value": 1},
            {"indicator": 3127, "region": 9901, "year": "²", "gender": "total", "value": 1},
            [1, 2, 3]]
    file = tmp_path / "sotkanet.json"
    file.write_text(json.dumps(rows))
    before = snapshot(root)
    code, err = cli("import-measurements", file, "--root", root)
    assert code == 0, err
    assert "sisäinen virhe" not in err
    assert "sotkanet.json[0]: varoitus: mittaria ”99999999" in err
    assert "sotkanet.json[1]: varoitus: aluetta ”99999999" in err
    assert "sotkanet.json[2]: varoitus: vuosi 99999999" in err and "ei ole välillä 1900–2100" in err
    assert "sotkanet.json[3]: varoitus: arvo ”99999999" in err and "ei ole äärellinen luku" in err
    assert "sotkanet.json[4]: varoitus: mittaria ”²” ei ole sopimuksessa" in err
    assert "sotkanet.json[5]: varoitus: aluetta ”²” ei voi kohdistaa" in err
    assert "sotkanet.json[6]: varoitus: vuosi ”²” ei ole vuosiluku" in err
    assert "sotkanet.json[7]: varoitus: rivi ei ole olio" in err
    assert snapshot(root) == before
    csv_file = tidy(tmp_path, f"{huge},region,2025,1", "²,region,2025,1", f"TILA-1-M1,region,2025,{huge}",
                    f"TILA-1-M1,{huge},2025,1", "TILA-1-M1,²,2025,1")
    code, err = cli("import-measurements", csv_file, "--root", root)
    assert code == 0 and "sisäinen virhe" not in err, err
    assert "tidy.csv:4: varoitus: arvo ”99999999" in err and "ei ole äärellinen luku" in err
    assert snapshot(root) == before


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity", "1e400"])
def test_values_that_are_not_finite_numbers_say_so(root, tmp_path, value):
    file = tmp_path / "sotkanet.json"
    file.write_text(f'[{{"indicator": 3127, "region": 9901, "year": 2025, "gender": "total", "value": {value}}}]')
    code, err = cli("import-measurements", file, "--root", root)
    assert code == 0, err
    assert "sotkanet.json[0]: varoitus: arvo" in err and "ei ole äärellinen luku" in err and "arvo puuttuu" not in err
    csv_file = tidy(tmp_path, f"TILA-1-M1,region,2025,{value}")
    code, err = cli("import-measurements", csv_file, "--root", root)
    assert code == 0 and f"tidy.csv:2: varoitus: arvo ”{value}” ei ole äärellinen luku" in err, err


@pytest.mark.parametrize("content, words", [
    ("5", "JSON-tiedostossa pitää olla luettelo"),
    ('"teksti"', "JSON-tiedostossa pitää olla luettelo"),
    ('{"a": 1}', "JSON-tiedostossa pitää olla luettelo"),
    ("[" * 100_000 + "]" * 100_000, "liian syvälle sisäkkäin"),
    ("[1, 2", "JSON-muoto on rikki"),
    ("[" + "1" * 5000 + "]", "liian pitkä luku"),
], ids=["number", "string", "object-without-list", "deeply-nested", "broken", "5000-digits"])
def test_json_that_is_not_a_list_of_rows(root, tmp_path, content, words):
    file = tmp_path / "data.json"
    file.write_text(content)
    before = snapshot(root)
    code, err = cli("import-measurements", file, "--root", root)
    assert code == 1, err
    assert err.startswith("virhe: tiedostoa data.json ei voi lukea") and words in err and "Mitään ei kirjoitettu." in err
    assert snapshot(root) == before


def test_an_input_file_beyond_the_limit_is_refused_unread(root, tmp_path):
    from cooperation.imports.import_measurements import MAX_INPUT_BYTES
    file = tmp_path / "iso.csv"
    with file.open("wb") as handle:  # a sparse file: big, but costs nothing
        handle.truncate(MAX_INPUT_BYTES + 1)
    code, err = cli("import-measurements", file, "--root", root)
    assert code == 1 and "iso.csv" in err and "liian suuri" in err, err


def test_output_beyond_the_loaders_csv_cap_is_refused(root, tmp_path):
    from cooperation.load.sources import MAX_CSV_BYTES
    years = range(1900, 2101)
    note = "n" * (MAX_CSV_BYTES // (3 * len(years)) + 100)
    lines = [f"TILA-1-M1,{area},{year},1,{note}" for area in ("region", "alfa", "beta") for year in years]
    file = tmp_path / "notes.csv"
    file.write_text("indicator,area,year,value,note\n" + "\n".join(lines) + "\n", encoding="utf-8")
    assert file.stat().st_size > MAX_CSV_BYTES
    before = snapshot(root)
    code, err = cli("import-measurements", file, "--root", root)
    assert code == 1, err[-2000:]
    assert "measurements/tilat.csv olisi" in err and "tarkistuksen raja" in err and "Mitään ei kirjoitettu." in err
    assert snapshot(root) == before


def test_links_are_never_written_through(root, tmp_path):
    outside = tmp_path / "shared.csv"
    values = root / "measurements" / "values.csv"
    outside.write_bytes(values.read_bytes())
    values.unlink()
    values.symlink_to(outside)
    file = tidy(tmp_path, "HYTE-1-M1,region,2024,99")  # updates a row that lives in values.csv
    code, err = cli("import-measurements", file, "--root", root)
    assert code == 1 and "measurements/values.csv" in err and "linkki" in err, err
    assert values.is_symlink() and ",99" not in outside.read_text()
    values.unlink()
    elsewhere = tmp_path / "elsewhere"
    (root / "measurements").rename(elsewhere)
    (root / "measurements").symlink_to(elsewhere)
    (elsewhere / "values.csv").write_bytes(outside.read_bytes())
    before = snapshot(elsewhere)
    code, err = cli("import-measurements", file, "--root", root)
    assert code == 1 and "measurements" in err and "linkki" in err, err
    assert snapshot(elsewhere) == before


def test_file_modes_are_kept(root, tmp_path):
    """A rewritten file keeps its mode; a new one gets the usual 0o644 under umask 022 (not mkstemp's 0o600)."""
    values = root / "measurements" / "values.csv"
    values.chmod(0o664)
    file = tidy(tmp_path, "HYTE-1-M1,region,2024,99", "TILA-1-M1,region,2025,4")
    old = os.umask(0o022)
    try:
        code, err = cli("import-measurements", file, "--root", root)
    finally:
        os.umask(old)
    assert code == 0, err
    assert "HYTE-1-M1,region,2024,99," in values.read_text()
    assert stat.S_IMODE(values.stat().st_mode) == 0o664
    assert stat.S_IMODE((root / "measurements" / "tilat.csv").stat().st_mode) == 0o644

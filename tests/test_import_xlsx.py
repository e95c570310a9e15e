"""import-xlsx loses nothing silently: repeated sub-areas, formulas, huge or hostile workbooks, non-workbooks.

Every workbook is built here with openpyxl or zipfile; the command runs in process through the CLI.
"""
from __future__ import annotations

import re
import time
import zipfile
from pathlib import Path

import pytest
import yaml
from helpers import MINIMAL, run_cli
from openpyxl import Workbook
from openpyxl.styles import Font
from test_workbook import empty_region, snapshot

from cooperation.check import check
from cooperation.imports.template import EMPTY_ROW_RUN
from cooperation.imports.xlsx import MAX_WORKBOOK_BYTES
from cooperation.load.sources import load_sources
from cooperation.load.yaml_loader import MAX_YAML_BYTES

HEAD = ["Osa-alue", "Tavoitteet", "Toimenpiteet ja vastuutahot", "Resurssit", "Arviointimittarit", "Huomioitavaa"]


def size(number: int) -> str:
    return f"{number:_}".replace("_", " ")  # how messages write big numbers


def cli(*args) -> tuple[int, str]:
    code, _, err = run_cli(*args)
    return code, err


def workbook(path: Path, rows, merges=()) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Työkirja"
    sheet.append(HEAD)
    for row in rows:
        sheet.append(row)
    for cells in merges:
        sheet.merge_cells(cells)
    book.save(path)
    return path


def subarea(root: Path, ident: str) -> dict:
    return yaml.safe_load((root / "subareas" / f"{ident}.yaml").read_text(encoding="utf-8"))


def test_a_subarea_split_into_two_blocks_keeps_both(tmp_path):
    root = empty_region(tmp_path, MINIMAL)
    path = workbook(tmp_path / "Työkirja.xlsx", [
        ["Työllisyyden hoito", "Työttömyys laskee", "Yhteispalvelu (Alfan kunta)"],
        ["Asukkaiden hyvinvoinnin ja terveyden edistäminen", "Liikkuminen lisääntyy", "Liikuntaneuvonta (HVA)"],
        ["Työllisyyden hoito", "Nuoret töihin", "Nuorisotakuu (Betan kunta)"],
    ])
    code, err = cli("import-xlsx", path, "--root", root)
    assert code == 0, err
    goals = subarea(root, "tyollisyys")["goals"]
    assert [g["title"] for g in goals] == ["Työttömyys laskee", "Nuoret töihin"]
    assert [g["actions"][0]["responsible"] for g in goals] == [["alfa"], ["beta"]]
    assert "Työkirja.xlsx!A4: varoitus: osa-alue tyollisyys jatkuu" in err and "Työkirja.xlsx!A2" in err
    assert code == 0 and check(load_sources(root)).exit_code() == 0


def test_two_subareas_with_the_same_id_are_an_error_naming_both_cells(tmp_path):
    root = empty_region(tmp_path, MINIMAL)
    before = snapshot(root)
    path = workbook(tmp_path / "Työkirja.xlsx", [
        ["Kulttuuri ja vapaa-aika", "Kirjastot auki"],
        ["Kulttuuri- ja vapaa-aika!", "Liikuntapaikat kuntoon"],
    ])
    code, err = cli("import-xlsx", path, "--root", root)
    assert code == 1, err
    assert "Työkirja.xlsx!A3: virhe: osa-alueen tunniste ”kulttuuri-ja-vapaa-aika” on jo käytössä (Työkirja.xlsx!A2" in err
    assert "[oma-tunniste]" in err and "Mitään ei kirjoitettu." in err
    assert snapshot(root) == before


def _rewrite_sheet(path: Path, pattern: str, replacement: str) -> None:
    """Edit the first sheet's XML as another program could have written it."""
    with zipfile.ZipFile(path) as source:
        members = {info.filename: source.read(info.filename) for info in source.infolist()}
    xml, count = re.subn(pattern, replacement, members["xl/worksheets/sheet1.xml"].decode())
    assert count == 1
    members["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in members.items():
            target.writestr(name, data)


def _with_cached_value(path: Path, cell: str, value: str) -> None:
    """openpyxl saves formulas without a cached value; give one cell the value Excel would have stored."""
    _rewrite_sheet(path, rf'<c r="{cell}"><f>([^<]*)</f><v></v></c>', rf'<c r="{cell}" t="str"><f>\1</f><v>{value}</v></c>')


def test_formulas_without_cached_values_are_errors_naming_the_cell(tmp_path):
    root = empty_region(tmp_path, MINIMAL)
    before = snapshot(root)
    path = workbook(tmp_path / "Työkirja.xlsx", [
        ["Työllisyyden hoito", "Työttömyys laskee", "Yhteispalvelu (Alfan kunta)"],
        ["=A2", '=CONCATENATE("Nuoret ", "töihin")', "Nuorisotakuu (Betan kunta)"],
    ])
    code, err = cli("import-xlsx", path, "--root", root)
    assert code == 1, err
    assert "Työkirja.xlsx!A3: virhe: solussa on kaava (=A2)" in err
    assert "Työkirja.xlsx!B3: virhe: solussa on kaava" in err
    assert "rivillä ei ole osa-aluetta" not in err  # the misleading warning is gone
    assert "Mitään ei kirjoitettu." in err and snapshot(root) == before


def test_formulas_with_cached_values_are_read(tmp_path):
    root = empty_region(tmp_path, MINIMAL)
    path = workbook(tmp_path / "Työkirja.xlsx", [
        ["Työllisyyden hoito", "Työttömyys laskee", "Yhteispalvelu (Alfan kunta)"],
        [None, '=CONCATENATE("Nuoret ", "töihin")', "Nuorisotakuu (Betan kunta)"],
    ], merges=["A2:A3"])
    _with_cached_value(path, "B3", "Nuoret töihin")
    code, err = cli("import-xlsx", path, "--root", root)
    assert code == 0, err
    assert [g["title"] for g in subarea(root, "tyollisyys")["goals"]] == ["Työttömyys laskee", "Nuoret töihin"]


def test_a_zip_bomb_cell_is_refused_before_writing(tmp_path):
    root = empty_region(tmp_path, MINIMAL)
    before = snapshot(root)
    path = workbook(tmp_path / "Työkirja.xlsx", [["Työllisyyden hoito", "Työttömyys laskee", "POMMI"]])
    _rewrite_sheet(path, "POMMI", "x" * 10_000_000)  # openpyxl would cut a cell at 32,767 characters; Excel need not
    assert path.stat().st_size < 100_000  # compresses to almost nothing
    code, err = cli("import-xlsx", path, "--root", root)
    assert code == 1, err
    assert "Työkirja.xlsx!C2: virhe:" in err and size(MAX_YAML_BYTES) in err and "Traceback" not in err
    assert snapshot(root) == before


def test_uncompressed_size_is_checked_before_reading(tmp_path):
    root = empty_region(tmp_path, MINIMAL)
    path = workbook(tmp_path / "Työkirja.xlsx", [["Työllisyyden hoito", "Työttömyys laskee"]])
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as book:
        book.writestr("xl/media/padding.bin", b"\0" * (MAX_WORKBOOK_BYTES + 1))
    assert path.stat().st_size < MAX_WORKBOOK_BYTES // 100
    started = time.monotonic()
    code, err = cli("import-xlsx", path, "--root", root)
    assert code == 1 and "Työkirja.xlsx: virhe: työkirja on purettuna " in err, err
    assert f"tavua, enintään {size(MAX_WORKBOOK_BYTES)}" in err
    assert time.monotonic() - started < 5
    assert not list((root / "subareas").iterdir())


@pytest.mark.slow
def test_many_rows_never_write_a_file_the_loader_refuses(tmp_path):
    root = empty_region(tmp_path, MINIMAL)
    before = snapshot(root)
    text = "Tavoite, jonka teksti on tarpeeksi pitkä täyttämään tiedoston nopeasti " * 3
    rows = [["Työllisyyden hoito" if n == 0 else None, f"{text} {n}", f"Toimenpide {n} (Alfan kunta)"] for n in range(20_000)]
    path = workbook(tmp_path / "Työkirja.xlsx", rows, merges=["A2:A20001"])
    code, err = cli("import-xlsx", path, "--root", root)
    assert code == 1, err[-2000:]
    assert re.search(r"Työkirja\.xlsx!A2: virhe: osa-alue tyollisyys .*" + size(MAX_YAML_BYTES), err), err[-2000:]
    assert snapshot(root) == before


def test_a_formatted_cell_in_the_last_row_is_cheap(tmp_path):
    root = empty_region(tmp_path, MINIMAL)
    book = Workbook()
    sheet = book.active
    sheet.append(HEAD)
    sheet.append(["Työllisyyden hoito", "Työttömyys laskee", "Yhteispalvelu (Alfan kunta)"])
    sheet.cell(1_048_576, 3).font = Font(bold=True)
    path = tmp_path / "Työkirja.xlsx"
    book.save(path)
    started = time.monotonic()
    code, err = cli("import-xlsx", path, "--root", root)
    assert code == 0, err
    assert time.monotonic() - started < 10  # was 33 s and 1.5 GB
    assert [g["title"] for g in subarea(root, "tyollisyys")["goals"]] == ["Työttömyys laskee"]


def test_content_after_a_long_run_of_empty_rows_is_reported(tmp_path):
    root = empty_region(tmp_path, MINIMAL)
    book = Workbook()
    sheet = book.active
    sheet.append(HEAD)
    sheet.append(["Työllisyyden hoito", "Työttömyys laskee", "Yhteispalvelu (Alfan kunta)"])
    far = 3 + EMPTY_ROW_RUN + 5
    sheet.cell(far, 1, "Asukkaiden hyvinvoinnin ja terveyden edistäminen")
    sheet.cell(far, 2, "Liikkuminen lisääntyy")
    path = tmp_path / "Työkirja.xlsx"
    book.save(path)
    code, err = cli("import-xlsx", path, "--root", root)
    assert code == 1, err
    assert f"Työkirja.xlsx!A{far}: virhe:" in err and str(EMPTY_ROW_RUN) in err
    assert not list((root / "subareas").iterdir())


def _ole2(payload: bytes) -> bytes:
    return bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504 + payload + b"\0" * 1024


def test_an_encrypted_workbook_says_so_in_finnish(tmp_path):
    root = empty_region(tmp_path, MINIMAL)
    path = tmp_path / "Salattu.xlsx"
    path.write_bytes(_ole2("EncryptionInfo".encode("utf-16-le") + b"\0" * 64 + "EncryptedPackage".encode("utf-16-le")))
    code, err = cli("import-xlsx", path, "--root", root)
    assert code == 1
    assert "Salattu.xlsx: virhe: työkirja on salattu" in err and "ilman salasanaa" in err
    assert "BadZipFile" not in err and "sisäinen virhe" not in err


def test_an_old_xls_file_is_named(tmp_path):
    root = empty_region(tmp_path, MINIMAL)
    path = tmp_path / "Vanha.xls"
    path.write_bytes(_ole2("Workbook".encode("utf-16-le")))
    code, err = cli("import-xlsx", path, "--root", root)
    assert code == 1 and "Vanha.xls: virhe:" in err and ".xlsx" in err and "BadZipFile" not in err


def test_files_that_are_not_workbooks_get_a_plain_message(tmp_path):
    root = empty_region(tmp_path, MINIMAL)
    cases = {"teksti.xlsx": b"ei excel", "tyhja.xlsx": b"", "zip.xlsx": None, "rikki.xlsx": None}
    with zipfile.ZipFile(tmp_path / "zip.xlsx", "w") as other:
        other.writestr("readme.txt", "not a workbook")
    good = workbook(tmp_path / "hyva.xlsx", [["Työllisyyden hoito", "Työttömyys laskee"]])
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(tmp_path / "rikki.xlsx", "w") as broken:
        for info in source.infolist():
            data = source.read(info.filename)
            broken.writestr(info.filename, data[:len(data) // 2] if info.filename.endswith("sheet1.xml") else data)
    for name, data in cases.items():
        if data is not None:
            (tmp_path / name).write_bytes(data)
        code, err = cli("import-xlsx", tmp_path / name, "--root", root)
        assert code in (1, 2), (name, err)
        assert f"{name}: virhe:" in err and "BadZipFile" not in err and "sisäinen virhe" not in err, (name, err)
        assert not list((root / "subareas").iterdir())
    code, err = cli("import-xlsx", tmp_path / "puuttuu.xlsx", "--root", root)
    assert code == 2 and "sisäinen virhe" not in err


def test_a_tab_indented_line_in_a_cell_still_validates(tmp_path):
    root = empty_region(tmp_path, MINIMAL)
    path = workbook(tmp_path / "Työkirja.xlsx", [["Työllisyyden hoito", "Työttömyys laskee", None, None, None,
                                                    "Huomio:\n\tsisennetty rivi\n  ja toinen"]])
    code, err = cli("import-xlsx", path, "--root", root)
    assert code == 0, err
    assert subarea(root, "tyollisyys")["notes"] == "Huomio:\n\tsisennetty rivi\n  ja toinen"
    assert check(load_sources(root)).exit_code() == 0


def test_import_into_a_region_whose_validator_refuses_the_result_writes_nothing(tmp_path):
    # at scope 2 every indicator needs a baseline and a target: an imported indicator has neither
    root = empty_region(tmp_path, MINIMAL)
    agreement = root / "agreement" / "agreement.yaml"
    agreement.write_text(agreement.read_text(encoding="utf-8").replace("scope: 1", "scope: 2"), encoding="utf-8")
    before = snapshot(root)
    path = workbook(tmp_path / "Työkirja.xlsx", [["Työllisyyden hoito", "Työttömyys laskee", "Yhteispalvelu (Alfan kunta)",
                                                    None, "Työttömät, % (Sotkanet 181)"]])
    code, err = cli("import-xlsx", path, "--root", root)
    assert code == 1, err
    assert "subareas/tyollisyys.yaml:" in err and "Mitään ei kirjoitettu." in err
    assert snapshot(root) == before


def test_a_workbook_of_thousands_of_subareas_is_refused(tmp_path):
    from cooperation.imports.template import MAX_SUBAREAS
    root = empty_region(tmp_path, MINIMAL)
    rows = [[f"Osa-alue numero {n}", f"Tavoite {n}"] for n in range(MAX_SUBAREAS + 1)]
    path = workbook(tmp_path / "Työkirja.xlsx", rows)
    code, err = cli("import-xlsx", path, "--root", root)
    assert code == 1, err[-1000:]
    assert f"Työkirja.xlsx!A{MAX_SUBAREAS + 2}: virhe: työkirjassa on yli {MAX_SUBAREAS} osa-aluetta" in err
    assert not list((root / "subareas").iterdir())


def test_write_checked_compares_with_the_data_as_it_was_only_when_errors_remain(tmp_path):
    """The check of the data before the write is made only when the result has errors: an error already in the
    repository does not block a write elsewhere, a new one blocks it, whether the caller passes that check, a way
    to make it, or nothing."""
    from helpers import copy_root

    from cooperation.imports.common import write_checked
    root = copy_root(MINIMAL, tmp_path / "root")
    tilat, hyte = root / "subareas" / "tilat.yaml", root / "subareas" / "hyte.yaml"
    broken = tilat.read_text(encoding="utf-8").replace("group: common", "group: 12", 1)
    assert broken != tilat.read_text(encoding="utf-8")
    tilat.write_text(broken, encoding="utf-8")  # an error the repository already has
    errors_now = len(check(load_sources(root)).errors)
    assert errors_now > 0
    asked: list[str] = []

    def before():
        asked.append("before")
        return check(load_sources(root))

    fine = hyte.read_text(encoding="utf-8").replace("Kuvaus.", "Uusi kuvaus.", 1)
    for given in (None, before):
        result = write_checked(root, {hyte: fine}, before=given)
        assert result is not None and len(result.errors) == errors_now
    assert hyte.read_text(encoding="utf-8") == fine and asked == ["before"]
    bad = fine.replace("group: common", "group: 12", 1)
    assert write_checked(root, {hyte: bad}, before=before) is None
    assert hyte.read_text(encoding="utf-8") == fine
    tilat.write_text(broken.replace("group: 12", "group: common", 1), encoding="utf-8")  # no error left
    assert write_checked(root, {hyte: fine.replace("Uusi", "Toinen", 1)}, before=before) is not None
    assert asked == ["before", "before"]  # nothing to compare: the data as written has no error

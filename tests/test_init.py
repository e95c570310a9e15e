"""`init DIR`: a new region's repository, written whole or not at all (the installed wheel's run is in
tests/test_package.py)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from helpers import run_cli
from openpyxl import Workbook

from cooperation.imports.template import COLUMNS, HEADINGS

# its subject is not Word's layout or the PDF: built without LibreOffice (conftest.py)
pytestmark = pytest.mark.usefixtures("libreoffice_off")

PARTIES = ("nimi;laji;y-tunnus\n"
           "Kuusiseudun hyvinvointialue;hyvinvointialue;9869879-2\n"
           "Alfan kunta;kunta;7309114-2\n"
           "Betan kaupunki;kaupunki;\n")


def init(tmp: Path, target: Path, *extra: str, parties: str = PARTIES):
    (tmp / "osapuolet.csv").write_text(parties, encoding="utf-8")
    return run_cli("init", target, "--id", "kuusiseutu-2026", "--name", "Kuusiseudun yhteistyösopimus",
                   "--term", "2025-2029", "--parties", tmp / "osapuolet.csv", "--no-commit", *extra)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_init_refuses_a_folder_that_is_not_empty(tmp_path):
    target = tmp_path / "alue"
    target.mkdir()
    (target / "muistiinpanot.txt").write_text("omaa", encoding="utf-8")
    done = init(tmp_path, target)
    assert done.returncode == 2 and "ei ole tyhjä" in done.stderr
    assert leftovers(target) == ["muistiinpanot.txt"] and leftovers(tmp_path) == ["alue", "osapuolet.csv"]


def test_bad_parties_write_nothing(tmp_path):
    done = init(tmp_path, tmp_path / "alue", parties="nimi,laji\nKuusiseudun hyvinvointialue,hva\nAlfan kunta,kylä\n")
    assert done.returncode == 1 and "osapuolet.csv:3: laji ”kylä” ei ole tuttu" in done.stderr
    assert leftovers(tmp_path) == ["osapuolet.csv"]  # neither the folder nor a temporary one


@pytest.mark.slow
def test_swedish_first_region_with_a_missing_business_id(tmp_path):
    target = tmp_path / "alue"
    target.mkdir()  # an empty folder is taken
    done = init(tmp_path, target, "--languages", "sv,fi", "--name-sv", "Kuusiseudun yhteistyösopimus (fi)")
    assert done.returncode == 0, done.stderr
    assert "osapuolen Betan kaupunki Y-tunnus puuttuu" in done.stderr
    agreement = yaml.safe_load((target / "agreement" / "agreement.yaml").read_text(encoding="utf-8"))
    assert agreement["languages"] == ["sv", "fi"] and agreement["format"] == 2
    assert agreement["title"] == {"sv": "Kuusiseudun yhteistyösopimus", "fi": "Kuusiseudun yhteistyösopimus (fi)"}
    parties = yaml.safe_load((target / "agreement" / "parties.yaml").read_text(encoding="utf-8"))["parties"]
    assert [(p["id"], p["kind"]) for p in parties] == [("kuusiseudun", "county"), ("alfan", "municipality"),
                                                       ("betan", "municipality")]
    assert parties[2]["business_id_unknown"] is True
    readme = (target / "README.md").read_text(encoding="utf-8")
    assert "Två kommandon" in readme and "yhteistyosopimus migrate" in readme
    assert (target / "out" / "site" / "fi" / "index.html").is_file()  # built once, the main language at the root
    assert run_cli("validate", "--root", target).returncode == 0


@pytest.mark.slow
def test_sub_areas_from_a_kuntaliitto_workbook_filled_by_hand(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.title = "Työkirja"
    sheet.append([HEADINGS[column][0].capitalize() for column in COLUMNS])
    sheet.append(["Työllisyyden hoito", "Työttömyys laskee", "Yhteispalvelu (Alfan kunta)"])
    sheet.append(["Asukkaiden hyvinvoinnin ja terveyden edistäminen", "Liikkuminen lisääntyy", "Liikuntaneuvonta (HVA)"])
    book.save(tmp_path / "Työkirja.xlsx")
    target = tmp_path / "alue"
    # goals without indicators (scope 2): the workbook's gap, said at its items, and nothing written
    done = init(tmp_path, target, "--workbook", tmp_path / "Työkirja.xlsx")
    assert done.returncode == 1 and "vähintään yksi arviointimittari" in done.stderr and "täydennä työkirja" in done.stderr
    assert leftovers(tmp_path) == ["Työkirja.xlsx", "osapuolet.csv"]
    # a workbook as regions fill it in first: general goals (scope 1), measures named but not yet set
    done = init(tmp_path, target, "--workbook", tmp_path / "Työkirja.xlsx", "--scope", "1")
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (target / "subareas").iterdir()) == ["hyte.yaml", "tyollisyys.yaml"]
    goals = yaml.safe_load((target / "subareas" / "tyollisyys.yaml").read_text(encoding="utf-8"))["goals"]
    assert goals[0]["actions"][0]["responsible"] == ["alfan"]


@pytest.mark.slow
def test_serve_previews_a_region_with_the_tools_configuration(tmp_path):
    """`serve` is `mkdocs serve` of the tool's own configuration over --root: the region's page is served."""
    import os
    import re
    import signal
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    from helpers import MINIMAL, REPO, copy_root
    root = copy_root(MINIMAL, tmp_path / "region")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen([sys.executable, str(REPO / "build.py"), "serve", "--root", str(root), "--dev-addr",
                                f"127.0.0.1:{port}"], cwd=tmp_path, env=dict(os.environ), stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, start_new_session=True)
    try:
        page, end = "", time.monotonic() + 180
        while time.monotonic() < end and process.poll() is None and "Toimenpide HYTE-1-T1" not in page:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/osa-alueet/hyte/", timeout=10) as response:
                    page = re.sub(r"<[^>]+>", "", response.read().decode("utf-8"))  # ids are in no-break spans
            except OSError:
                time.sleep(0.5)
        assert "Toimenpide HYTE-1-T1" in page
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        _, err = process.communicate(timeout=60)
    assert process.returncode == 0, err.decode("utf-8", "replace")[-2000:]

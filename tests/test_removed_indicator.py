"""An amendment that removes an indicator leaves its recorded values in measurements/: they stay as the history of a
removed indicator (the site and the report say so), and validate warns, naming the version that removed it, instead
of forcing the coordinator to delete the signed version's monitoring record."""
from __future__ import annotations

import copy
import zipfile
from pathlib import Path

import pytest
from helpers import MINIMAL, copy_root, run_cli
from test_approvals import edit, git

from cooperation.pipeline import load_all, validate

# its subject is not Word's layout or the PDF: built without LibreOffice (conftest.py)
pytestmark = pytest.mark.usefixtures("libreoffice_off")


@pytest.fixture(scope="module")
def removed(tmp_path_factory) -> Path:
    root = copy_root(MINIMAL, tmp_path_factory.mktemp("removed") / "root")

    def second(d):
        extra = copy.deepcopy(d["goals"][0]["indicators"][0])
        extra.update(id="HYTE-1-M2", name="Liikuntaa harrastamattomat")
        d["goals"][0]["indicators"].append(extra)
    edit(root, "subareas/hyte.yaml", second)
    with open(root / "measurements" / "values.csv", "a", encoding="utf-8") as handle:
        handle.write("HYTE-1-M2,region,2024,31.5,\nHYTE-1-M2,alfa,2025,29,\n")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Sopimus 1.0", date="2026-02-01T10:00:00+02:00")
    edit(root, "subareas/hyte.yaml", lambda d: d["goals"][0]["indicators"].pop())
    edit(root, "agreement/agreement.yaml", lambda d: d.update(version="1.1"))
    git(root, "commit", "-q", "-am", "Mittari poistettu", date="2026-09-15T10:00:00+02:00")
    return root


def test_values_of_a_removed_indicator_are_a_warning_naming_the_version(removed):
    _, result = validate(removed)
    found = [(p.severity, p.code, p.params.get("version"), p.params.get("date")) for p in result.problems
             if p.code.startswith("measurement_")]
    assert found == [("warning", "measurement_removed_indicator", "1.1", "2026-09-15")] * 2
    ran = run_cli("validate", "--root", removed)
    assert ran.returncode == 0
    assert "mittari ”HYTE-1-M2” poistettiin sopimuksesta (2026-09-15, versio 1.1)" in ran.stdout
    assert ran.stdout.startswith("measurements/values.csv:")
    model, _, _ = load_all(removed)
    [gone] = model.removed_indicators
    assert (gone.id, gone.name.get("fi"), [(m.area, m.year, m.value) for m in gone.measurements]) == (
        "HYTE-1-M2", "Liikuntaa harrastamattomat", [("alfa", 2025, 29.0), ("region", 2024, 31.5)])


def test_outside_git_the_values_are_an_error(removed, tmp_path):
    copy = copy_root(removed, tmp_path / "copy")
    _, result = validate(copy)
    assert [p.code for p in result.errors] == ["measurement_unknown_indicator"] * 2


@pytest.mark.slow
def test_the_site_and_the_report_show_them_as_history(removed, tmp_path):
    out = tmp_path / "out"
    for command in (("site",), ("report", "2026")):
        done = run_cli(*command, "--root", removed, "--out", out)
        assert done.returncode == 0, done.stderr
    page = (out / "site" / "mittarit" / "index.html").read_text(encoding="utf-8")
    assert "Poistetut mittarit" in page and "Liikuntaa harrastamattomat" in page
    assert "Poistettu 15.9.2026 (versio 1.1)" in page and "32\u00a0%" in page  # the indicator had no decimals
    with zipfile.ZipFile(out / "seurantaraportti-2026-fi.docx") as z:
        report = z.read("word/document.xml").decode("utf-8")
    assert "Poistetut mittarit" in report and "HYTE-1-M2 Liikuntaa harrastamattomat" in report and "29\u00a0%" in report

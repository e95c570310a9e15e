"""Timeliness by an injectable current date: future years are errors, late actions and stale indicators
warnings, each at its file and line; the date comes from --today, else SOURCE_DATE_EPOCH, else the clock."""
import os
import subprocess
import sys

import pytest
from helpers import MINIMAL, REPO, copy_root, run_cli


def _root(tmp_path, old=None, new=None, csv_row=None):
    root = copy_root(MINIMAL, tmp_path / "root")
    if old:
        hyte = root / "subareas" / "hyte.yaml"
        text = hyte.read_text(encoding="utf-8")
        assert text.count(old) == 1
        hyte.write_text(text.replace(old, new), encoding="utf-8")
    if csv_row:
        with open(root / "measurements" / "values.csv", "a", encoding="utf-8") as handle:
            handle.write(csv_row + "\n")
    return root


def _validate(root, today):
    return run_cli("validate", "--root", root, "--today", today)


def test_a_value_for_a_year_not_yet_begun_is_an_error(tmp_path):
    root = _root(tmp_path, csv_row="HYTE-1-M1,region,2027,13,")
    line = (root / "measurements" / "values.csv").read_text(encoding="utf-8").count("\n")
    done = _validate(root, "2026-11-28")
    assert done.returncode == 1
    assert (f"measurements/values.csv:{line}:18: virhe: Mittaustulos HYTE-1-M1/region/2027, kenttä ”Vuosi” (year): "
            "vuosi 2027 ei ole vielä alkanut (tänään on 28.11.2026); arvoa ei voi vielä olla") in done.stdout
    assert "measurement_future_year" in run_cli("validate", "--root", root, "--today", "2026-11-28",
                                                "--format", "json").stdout
    assert _validate(root, "2027-01-01").returncode == 0


def test_an_action_past_its_end_is_a_warning_until_done(tmp_path):
    root = _root(tmp_path)
    assert _validate(root, "2027-12-31").stdout == ""
    late = _validate(root, "2028-01-01")
    assert late.returncode == 0
    assert ("subareas/hyte.yaml:20:17: varoitus: Toimenpide HYTE-1-T1, kenttä ”Tila” (status): aikataulu päättyi "
            "2027, mutta tila on yhä ”käynnissä”") in late.stdout
    assert "action_past_end" in run_cli("validate", "--root", root, "--today", "2028-01-01", "--format", "json").stdout
    done = _root(tmp_path / "b", "status: ongoing", "status: done")
    assert "HYTE-1-T1" not in _validate(done, "2028-01-01").stdout


@pytest.mark.parametrize("start, quiet_until, warned_on", [("2026", "2026-12-31", "2027-01-01"),
                                                           ("2026-08", "2026-08-31", "2026-09-01")])
def test_a_planned_action_past_its_start_is_a_warning(tmp_path, start, quiet_until, warned_on):
    root = _root(tmp_path, "schedule: {start: 2026, end: 2027}\n        status: ongoing",
                 f"schedule: {{start: {start}, end: 2028}}\n        status: planned")
    assert _validate(root, quiet_until).stdout == ""
    late = _validate(root, warned_on)
    assert f"hyte.yaml:20:17: varoitus: Toimenpide HYTE-1-T1, kenttä ”Tila” (status): piti alkaa {start}, mutta tila on yhä ”suunniteltu”" in late.stdout
    assert "action_not_started" in run_cli("validate", "--root", root, "--today", warned_on, "--format", "json").stdout


def test_an_indicator_without_recent_values_is_a_warning(tmp_path):
    root = _root(tmp_path)  # the newest value is for 2025, measured yearly: current until the end of 2027
    assert _validate(root, "2027-12-31").stdout == ""
    stale = run_cli("validate", "--root", root, "--today", "2028-01-01")
    assert ("subareas/hyte.yaml:29:20: varoitus: Mittari HYTE-1-M1, kenttä ”Seurantaväli” (frequency): uusin arvo on "
            "vuodelta 2025; seurantavälillä ”vuosittain” arvo saa olla enintään 2 vuotta vanha") in stale.stdout
    assert "indicator_stale" in run_cli("validate", "--root", root, "--today", "2028-01-01", "--format", "json").stdout


def test_an_indicator_id_of_the_wrong_type_is_the_schema_s_error_not_a_crash(tmp_path):
    """Found by test_property: an id given as a list (unhashable) crashed the staleness check."""
    root = _root(tmp_path, "- id: HYTE-1-M1", "- id: []")
    done = _validate(root, "2028-01-01")
    assert done.returncode == 1, done.stderr
    assert "subareas/hyte.yaml:22:" in done.stdout and "internal" not in run_cli(
        "validate", "--root", root, "--today", "2028-01-01", "--format", "json").stdout


def test_today_must_be_a_date(tmp_path):
    done = run_cli("validate", "--today", "28.11.2026")
    assert done.returncode == 2
    assert "”28.11.2026” ei ole päivämäärä muodossa VVVV-KK-PP" in done.stderr


def test_source_date_epoch_is_today_without_the_flag(tmp_path):
    """A reproducible build judges by its SOURCE_DATE_EPOCH, not by the day it happens to run."""
    root = _root(tmp_path, csv_row="HYTE-1-M1,region,2027,13,")

    def run(epoch):
        env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch)}
        return subprocess.run([sys.executable, str(REPO / "build.py"), "validate", "--root", str(root)],
                              capture_output=True, text=True, env=env, cwd=REPO)
    assert run(1798761600).returncode == 0  # 2027-01-01
    assert run(1798761599).returncode == 1  # 2026-12-31 23:59:59 UTC

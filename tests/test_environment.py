"""What the commands take from the environment: a bad value is a usage error, never a crash."""
from __future__ import annotations

import pytest
from helpers import MINIMAL

from cooperation import cli


@pytest.mark.parametrize("value", ["abc", "-5", "1.5", "١٢٣", "99999999999999999999"])
def test_a_bad_source_date_epoch_is_a_usage_error(tmp_path, monkeypatch, capsys, value):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    assert cli.main(["docx", "--root", str(MINIMAL), "--out", str(tmp_path / "out")]) == 2
    assert "SOURCE_DATE_EPOCH" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
def test_an_empty_source_date_epoch_means_unset(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "")
    assert cli.main(["site", "--root", str(MINIMAL), "--out", str(tmp_path / "out")]) == 0, capsys.readouterr().err
    assert (tmp_path / "out" / "site" / "index.html").is_file()

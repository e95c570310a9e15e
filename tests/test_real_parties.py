"""Parties as real agreements have them: kinds beyond county and municipality, suggestions that never propose
a wrong kind, the file's order as the numbering everywhere, defined terms computed from the kinds."""
from __future__ import annotations

from pathlib import Path

import pytest
from helpers import MINIMAL, copy_root, run_cli


def _kind(root: Path, party: str, kind: str) -> None:
    path = root / "agreement" / "parties.yaml"
    text = path.read_text(encoding="utf-8")
    old = f"  - id: {party}\n    kind: "
    start = text.index(old) + len(old)
    end = text.index("\n", start)
    path.write_text(text[:start] + kind + text[end:], encoding="utf-8")


def test_a_joint_municipal_authority_is_a_party_of_its_own_kind(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "data")
    _kind(root, "beta", "joint_municipal_authority")
    done = run_cli("validate", "--root", root)
    assert done.returncode == 0, done.stdout
    assert "municipality" not in done.stdout


@pytest.mark.parametrize("written, meant", [("wellbeing_county", "county"), ("hyvinvointialue", "county"),
                                            ("kuntayhtymä", "joint_municipal_authority"), ("kaupunki", "municipality"),
                                            ("municipalty", "municipality"), ("Regional council", "regional_council")])
def test_a_wrong_kind_is_answered_with_the_kind_meant(tmp_path, written, meant):
    root = copy_root(MINIMAL, tmp_path / "data")
    _kind(root, "hva" if meant == "county" else "beta", written)
    done = run_cli("validate", "--root", root)
    assert done.returncode == 1
    errors = [line for line in done.stdout.splitlines() if ": virhe: " in line]
    assert len(errors) == 1, errors  # no knock-on "no county among the parties"
    assert f"arvo ”{written}” ei ole sallittu (tarkoititko ”{meant}”?); sallitut arvot: county (hyvinvointialue), " \
           "municipality (kunta)" in errors[0]


def test_a_kind_that_merely_looks_alike_is_not_suggested_and_values_are_listed_once(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "data")
    _kind(root, "beta", "joint_authority_of_municipals")
    done = run_cli("validate", "--root", root)
    line = next(line for line in done.stdout.splitlines() if "joint_authority_of_municipals" in line)
    assert "tarkoititko" not in line
    assert line.count("sallitut") == 1 and line.count("county (hyvinvointialue)") == 1

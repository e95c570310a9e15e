"""A framework agreement (scope 1) as real ones are: no sub-area grid, forums mixing elected chairs and officials
or without a stated rhythm, a party's own working group, no amendment text; built through validate, Word, site and
workbook. The common sub-area reminder only where the region says it follows the Kuntaliitto model."""
from __future__ import annotations

import json

import pytest
from docx import Document
from helpers import MINIMAL, TESTS, copy_root, run_cli

FRAMEWORK = TESTS / "fixtures" / "framework"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("framework")
    for command in ("docx", "export-xlsx", "site"):
        done = run_cli(command, "--root", FRAMEWORK, "--out", out)
        assert done.returncode == 0, command + done.stdout + done.stderr
    return out


def test_a_framework_agreement_validates_without_invented_content():
    done = run_cli("validate", "--root", FRAMEWORK, "--format", "json")
    assert done.returncode == 0
    assert [p["code"] for p in json.loads(done.stdout)] == ["business_id_unknown"]


@pytest.mark.slow
def test_the_word_document_states_what_the_agreement_states(built):
    paragraphs = [p.text for p in Document(str(built / "puite-2026-fi.docx")).paragraphs]
    assert "5.1 Puheenjohtajistofoorumi" in paragraphs
    assert "Taso: poliittinen, johto · Kokoontuu: kerran vuodessa (pysyvä) · Puheenjohtaja: Järvimaan hyvinvointialue" \
        in paragraphs
    own = paragraphs.index("5.2 Alfan kunnan hyvinvointityöryhmä")
    assert paragraphs[own + 1:own + 3] == ["pysyvä", "Osapuolen oma toimielin: Alfan kunta"]
    assert "puitesopimus" in paragraphs[:5]
    assert not any(p.endswith("Sopimuksen muuttaminen") for p in paragraphs)
    assert not any(p.endswith("Tavoitteista sopiminen") for p in paragraphs)
    assert any(p.endswith("Yhteistyön pelisäännöt") for p in paragraphs) and "Osapuolten tasavertaisuus" in paragraphs


def test_the_site_and_workbook_are_built_without_sub_areas(built):
    site = built / "site"
    forums = (site / "foorumit" / "index.html").read_text(encoding="utf-8")
    assert "5.1 Puheenjohtajistofoorumi" in forums and "poliittinen, johto" in forums
    assert not (site / "osa-alueet" / "hyte").exists()
    assert "Osapuolen oma toimielin" in forums and "Alfan kunnan hyvinvointityöryhmä" in forums
    alfa = (site / "osapuolet" / "alfa" / "index.html").read_text(encoding="utf-8")
    assert "Alfan kunnan hyvinvointityöryhmä</a> – Osapuolen oma toimielin" in alfa
    assert (built / "puite-2026-tyokirja.xlsx").stat().st_size > 0


def test_scope_two_and_three_still_need_rules_and_amendment(tmp_path):
    root = copy_root(FRAMEWORK, tmp_path / "data")
    path = root / "agreement" / "agreement.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("scope: 1", "scope: 2"), encoding="utf-8")
    done = run_cli("validate", "--root", root, "--format", "json")
    problems = {(p["code"], p["field"]) for p in json.loads(done.stdout) if p["severity"] == "error"}
    assert {("required", "amendment"), ("required", "operating_rules.goal_setting"), ("file_missing", None)} <= problems


def test_the_common_sub_area_reminder_only_for_the_kuntaliitto_model(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "data")
    (root / "subareas" / "tilat.yaml").unlink()
    done = run_cli("validate", "--root", root, "--format", "json")
    assert [p["code"] for p in json.loads(done.stdout)].count("common_subarea_missing") == 1
    path = root / "agreement" / "agreement.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("kuntaliitto_model: true\n", ""), encoding="utf-8")
    done = run_cli("validate", "--root", root, "--format", "json")
    assert "common_subarea_missing" not in done.stdout


def test_a_forum_names_its_members_or_the_party_whose_own_body_it_is(tmp_path):
    root = copy_root(FRAMEWORK, tmp_path / "data")
    path = root / "agreement" / "forums.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    owner: alfa\n", ""), encoding="utf-8")
    done = run_cli("validate", "--root", root)
    assert done.returncode == 1
    assert "Foorumi hyte-ryhma, kenttä ”Jäsenet” (members): pakollinen kenttä puuttuu" in done.stdout
    path.write_text(path.read_text(encoding="utf-8").replace("    permanent: true\n", "    owner: gamma\n    permanent: true\n", 1),
                    encoding="utf-8")
    assert "kenttä ”Osapuolen oma toimielin” (owner): osapuolta ”gamma” ei ole" in run_cli("validate", "--root", root).stdout

"""The model: derived numbering, expansion of all_municipalities, indicator status, fingerprint."""
import pytest
import yaml
from helpers import MINIMAL, REPO, copy_root, run_cli

from cooperation.pipeline import ModelError, load


@pytest.fixture(scope="module")
def example():
    model, _ = load(REPO)
    return model


def test_example_counts_and_numbering(example):
    written = yaml.safe_load((REPO / "agreement" / "parties.yaml").read_text(encoding="utf-8"))["parties"]
    assert len(example.subareas) == len(list((REPO / "subareas").glob("*.yaml")))
    assert len(example.parties) == len(written)
    assert [s.id for s in example.subareas][:6] == ["hyte", "henkilosto", "osallisuus", "tilat", "tukipalvelut", "elinvoima"]
    assert example.subareas[-1].id == "saaristo"  # region-specific sub-areas come last
    goal = example.subareas[1].goals[0]
    assert (goal.id, goal.number, goal.actions[1].number, goal.indicators[0].number) == ("HENK-1", "2.1", "2.1.2", "2.1.M1")
    assert all(len(s.goals) >= 3 for s in example.subareas)


def test_all_municipalities_expands_to_every_municipality(example):
    action = next(a for a in example.actions if a.id == "HYTE-1-T1")
    assert action.responsible_refs == ["rannikkoseudun-hva", "all_municipalities"]
    assert action.responsible == ["rannikkoseudun-hva"] + [p.id for p in example.municipalities]
    assert "rannikkoseudun-liitto" not in action.responsible


def test_party_numbers_follow_file_order(example):
    written = yaml.safe_load((REPO / "agreement" / "parties.yaml").read_text(encoding="utf-8"))["parties"]
    assert [(p.number, p.id) for p in example.parties] == [(n, p["id"]) for n, p in enumerate(written, 1)]
    assert example.county.id == "rannikkoseudun-hva"


def test_fingerprint_ignores_monitoring_but_not_content(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "root")
    first = load(root)[0].fingerprint
    hyte = root / "subareas" / "hyte.yaml"
    # monitoring: an action's status, a measurement, the approval trail, the version stamp
    hyte.write_text(hyte.read_text().replace("status: ongoing", "status: done"))
    (root / "measurements" / "values.csv").write_text("indicator,area,year,value\nHYTE-1-M1,region,2026,99\n")
    parties = root / "agreement" / "parties.yaml"
    parties.write_text(parties.read_text().replace("outcome: approved", "outcome: tabled"))
    agreement = root / "agreement" / "agreement.yaml"
    agreement.write_text(agreement.read_text().replace('version: "1.0"', 'version: "1.1"'))
    # the same text as a plain string or per language, with trailing spaces
    agreement.write_text(agreement.read_text().replace("purpose: Testisopimuksen tarkoitus.",
                                                       "purpose:\n  fi: 'Testisopimuksen tarkoitus.  '"))
    assert load(root)[0].fingerprint == first
    # content: a target value
    hyte.write_text(hyte.read_text().replace("target: {year: 2028, value: 20}", "target: {year: 2028, value: 21}"))
    assert load(root)[0].fingerprint != first


def test_model_refuses_data_with_errors(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "root")
    (root / "agreement" / "forums.yaml").unlink()
    with pytest.raises(ModelError) as caught:
        load(root)
    assert [p.code for p in caught.value.result.errors] == ["file_missing"]


def test_fingerprint_command(example, tmp_path):
    done = run_cli("fingerprint")
    assert done.returncode == 0 and done.stdout == example.fingerprint + "\n"
    assert len(example.fingerprint) == 64
    root = copy_root(MINIMAL, tmp_path / "root")
    (root / "agreement" / "forums.yaml").unlink()
    done = run_cli("fingerprint", "--root", root)
    assert done.returncode == 1 and "forums.yaml" in done.stderr and done.stdout == ""

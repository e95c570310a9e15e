"""The fingerprint is a contract with every signed version: pinned to a literal, and blind to exactly the
monitoring paths (which the diff classes as monitoring updates)."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from amending import edit
from helpers import MINIMAL, copy_root

from cooperation.changes.diff import compare
from cooperation.check import check
from cooperation.domain import MONITORING, MONITORING_PATHS, SITE_ONLY_PATHS
from cooperation.load.sources import load_sources
from cooperation.model import fingerprint_of
from cooperation.pipeline import load

# The fingerprint of tests/fixtures/minimal. Changing this literal invalidates every signed fingerprint
# (it is printed on every signed Word document): only change it deliberately, together with a note in the
# release that the fingerprints of earlier versions are no longer reproduced.
GOLDEN = "0bc4e2b98bb2901071946a686a044d606a4d343ab9e0532e7a1ac21fa6089791"




def party(data: dict, ident: str = "alfa") -> dict:
    return next(p for p in data["parties"] if p["id"] == ident)


def action(data: dict) -> dict:
    return data["goals"][0]["actions"][0]


ANNEXES = {"annexes": [{"id": "LIITE-1", "title": "Liitesopimus", "kind": "service", "parties": ["hva", "alfa"],
                        "legally_binding": True, "status": "in_negotiation"}]}


def with_every_monitoring_field(root: Path, annexes: bool = True) -> Path:
    """The minimal fixture with a value in every monitoring path (the fixture lacks most of them)."""
    copy_root(MINIMAL, root)
    edit(root, "agreement/agreement.yaml", lambda d: d.update(
        stamp="Johtoryhmä 14.2.2026", version_date="2026-02-14",
        coordinators=[{"name": "Kaisa Koordinaattori", "role": "strategiajohtaja", "party": "hva",
                       "github": "kaisa"}],
        accessibility={"contact_email": "palaute@alfa.example.fi", "prepared": "2026-02-14"},
        rationale="Tavoitetaso tarkistettiin uusimpien tilastojen mukaan."))
    edit(root, "agreement/parties.yaml", lambda d: party(d).update(
        website="https://alfa.example.fi", sotkanet_region=101,
        decisions=[{"body": "kunnanvaltuusto", "date": "2026-03-02", "section": 12, "outcome": "approved"}]))
    edit(root, "subareas/hyte.yaml", lambda d: (
        action(d).update(status="delayed", status_reason="Rahoitus viivästyi."),
        d["responsible_persons"][0].update(github="vastaava")))
    if annexes:
        (root / "agreement" / "annexes.yaml").write_text(yaml.safe_dump(ANNEXES, allow_unicode=True),
                                                         encoding="utf-8")
    return root


# One change per monitoring path: (file kind, path shape) → (file, change). A new monitoring path
# needs a line here (test_every_monitoring_path_has_a_change).
CHANGES: dict[tuple[str, tuple[str, ...]], tuple[str, Callable[[dict], object]]] = {
    ("agreement", ("status",)): ("agreement/agreement.yaml", lambda d: d.update(status="in_negotiation")),
    ("agreement", ("stamp",)): ("agreement/agreement.yaml", lambda d: d.update(stamp="Valtuusto 3.3.2026")),
    ("agreement", ("version",)): ("agreement/agreement.yaml", lambda d: d.update(version="1.1")),
    ("agreement", ("version_date",)): ("agreement/agreement.yaml", lambda d: d.update(version_date="2026-03-03")),
    ("agreement", ("coordinators",)): ("agreement/agreement.yaml",
                                       lambda d: d["coordinators"][0].update(name="Kalle Koordinaattori")),
    ("agreement", ("kuntaliitto_model",)): ("agreement/agreement.yaml", lambda d: d.update(kuntaliitto_model=False)),
    ("agreement", ("rationale",)): ("agreement/agreement.yaml",
                                    lambda d: d.update(rationale={"fi": "Uusi perustelu.", "sv": "Ny motivering."})),
    ("parties", ("parties", "*", "decisions")): ("agreement/parties.yaml",
                                                 lambda d: party(d)["decisions"][0].update(outcome="tabled")),
    ("parties", ("parties", "*", "signatories")): ("agreement/parties.yaml",
                                                   lambda d: party(d)["signatories"][0].update(name="Uusi Nimi")),
    ("parties", ("parties", "*", "website")): ("agreement/parties.yaml",
                                               lambda d: party(d).update(website="https://www.alfa.example.fi")),
    ("parties", ("parties", "*", "sotkanet_region")): ("agreement/parties.yaml",
                                                       lambda d: party(d).update(sotkanet_region=102)),
    ("annexes", ("annexes", "*", "status")): ("agreement/annexes.yaml",
                                              lambda d: d["annexes"][0].update(status="approved")),
    ("annexes", ("annexes", "*", "file_size")): ("agreement/annexes.yaml",
                                                 lambda d: d["annexes"][0].update(file_size=245000)),
    ("annexes", ("annexes", "*", "scanned")): ("agreement/annexes.yaml", lambda d: d["annexes"][0].update(scanned=True)),
    ("subarea", ("goals", "*", "actions", "*", "status")): ("subareas/hyte.yaml",
                                                            lambda d: action(d).update(status="cancelled")),
    ("subarea", ("goals", "*", "actions", "*", "status_reason")): (
        "subareas/hyte.yaml", lambda d: action(d).update(status_reason="Rahoitus ei toteutunut.")),
    ("subarea", ("responsible_persons", "*", "github")): ("subareas/hyte.yaml",
                                                         lambda d: d["responsible_persons"][0].update(github="uusi")),
    ("agreement", ("accessibility",)): ("agreement/agreement.yaml",
                                        lambda d: d["accessibility"].update(reviewed="2026-11-28")),
    ("agreement", ("record_start",)): ("agreement/agreement.yaml", lambda d: d.update(record_start="2026-01-01")),
    ("subarea", ("goals", "*", "actions", "*", "status_history")): (
        "subareas/hyte.yaml", lambda d: action(d).update(status_history=[
            {"date": "2026-03-01", "status": action(d)["status"], "note": "Todettu johtoryhmässä."}])),
}


def test_golden_fingerprint_of_the_minimal_fixture():
    assert fingerprint_of(load_sources(MINIMAL)) == GOLDEN
    assert load(MINIMAL)[0].fingerprint == GOLDEN


def test_every_monitoring_field_filled_in_and_changed_keeps_the_golden_fingerprint(tmp_path):
    root = with_every_monitoring_field(tmp_path / "root", annexes=False)
    for (kind, _), (name, change) in CHANGES.items():
        if kind != "annexes":
            edit(root, name, change)
    assert check(load_sources(root)).problems == []
    assert fingerprint_of(load_sources(root)) == GOLDEN


def test_content_changes_the_fingerprint(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "root")
    edit(root, "subareas/hyte.yaml", lambda d: d["goals"][0]["indicators"][0]["target"].update(value=21))
    assert fingerprint_of(load_sources(root)) != GOLDEN


def test_every_monitoring_path_has_a_change():
    assert set(CHANGES) == {(kind, shape) for kind, shapes in MONITORING_PATHS.items() for shape in shapes}


@pytest.mark.parametrize("kind, shape", list(CHANGES), ids=[f"{k}:{'.'.join(s)}" for k, s in CHANGES])
def test_monitoring_path_keeps_the_fingerprint_and_is_a_monitoring_update(kind, shape, tmp_path):
    root = with_every_monitoring_field(tmp_path / "root")
    before = load_sources(root)
    assert check(before).problems == []
    name, change = CHANGES[(kind, shape)]
    edit(root, name, change)
    after = load_sources(root)
    assert check(after).problems == []
    diff = compare(before, after)
    if any(shape[:len(only)] == only for only in SITE_ONLY_PATHS.get(kind, ())):
        # the website's own settings: no change of the agreement at all, so no entry in its history (issue 32.9)
        assert diff.items == [] and diff.change_class is None and diff.fingerprint_old == diff.fingerprint_new
        return
    [item] = diff.items
    assert {f.kind for f in item.fields} == {MONITORING}  # a status update is several fields
    assert shape[-1] in item.fields[0].path.split(".")
    assert diff.change_class == MONITORING
    assert diff.fingerprint_old == diff.fingerprint_new != ""

"""Decisions bind to the text they approved; the version state is derived once — in real git repositories with
dated commits: a signed tag v1.0, an amendment proposal, editorial changes, decisions bound by date, and the bad
input the record must refuse."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from amending import edit
from helpers import MINIMAL, copy_root, run_cli

from cooperation.model.approvals import DRAFT, EARLIER, IN_FORCE, PROPOSAL, body_rank
from cooperation.model.types import Text
from cooperation.pipeline import load_all, validate

# its subject is not Word's layout or the PDF: built without LibreOffice (conftest.py)
pytestmark = pytest.mark.usefixtures("libreoffice_off")


def git(repo: Path, *args: str, date: str = "2026-03-01T10:00:00+02:00") -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="Testi", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="Testi",
               GIT_COMMITTER_EMAIL="t@example.org", GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True,
                          env=env).stdout.strip()




def decide(repo: Path, party: str, *decisions: dict) -> None:
    def change(d):
        for p in d["parties"]:
            if p["id"] == party:
                p["decisions"] = list(decisions)
    edit(repo, "agreement/parties.yaml", change)


def add_decision(repo: Path, party: str, decision: dict) -> None:
    def change(d):
        for p in d["parties"]:
            if p["id"] == party:
                p.setdefault("decisions", []).append(decision)
    edit(repo, "agreement/parties.yaml", change)


def set_target(repo: Path, value: float) -> None:
    edit(repo, "subareas/hyte.yaml", lambda d: d["goals"][0]["indicators"][0]["target"].update(value=value))


def fingerprint(repo: Path) -> str:
    ran = run_cli("fingerprint", "--root", repo)
    assert ran.returncode == 0, ran.stderr
    return ran.stdout.strip()


def state_of(root: Path):
    model, _, _ = load_all(root)
    return model.version_state, model


def problems(root: Path) -> list[tuple[str, str, int]]:
    _, result = validate(root)
    return [(p.severity, p.code, p.line) for p in result.problems]


def new_repo(tmp: Path) -> Path:
    """MINIMAL without decisions, committed on 1.2.2026."""
    root = copy_root(MINIMAL, tmp)
    decide(root, "alfa")
    edit(root, "agreement/agreement.yaml", lambda d: d.update(version_date="2026-02-01"))
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Sopimus 1.0", date="2026-02-01T10:00:00+02:00")
    return root


@pytest.fixture(scope="module")
def signed_repo(tmp_path_factory) -> dict:
    """v1.0 signed (every party approved it, the last on 9.3.2026), then an amendment proposal 1.1 (target 20 → 25)
    that hva approved, alfa first returned and then approved, and beta has not decided on."""
    root = new_repo(tmp_path_factory.mktemp("approvals"))
    git(root, "tag", "-a", "v1.0", "-m", "Allekirjoitettu versio 1.0", date="2026-02-01T10:00:00+02:00")
    v1 = fingerprint(root)
    decide(root, "hva", {"body": "aluehallitus", "date": "2026-02-20", "section": 5, "outcome": "approved",
                         "version": "v1.0"})
    decide(root, "alfa", {"body": "kunnanvaltuusto", "date": "2026-03-02", "section": 12, "outcome": "approved",
                          "version": "v1.0"})
    decide(root, "beta", {"body": "kunnanvaltuusto", "date": "2026-03-09", "section": 7, "outcome": "approved",
                          "version": "v1.0"})
    git(root, "commit", "-q", "-am", "Päätökset kirjattu", date="2026-03-10T10:00:00+02:00")
    assert fingerprint(root) == v1  # decisions are not part of the approved text

    edit(root, "agreement/agreement.yaml", lambda d: d.update(version="1.1", version_date="2026-05-01"))
    set_target(root, 25)
    proposal = fingerprint(root)
    add_decision(root, "hva", {"body": "aluehallitus", "date": "2026-05-10", "section": 44, "outcome": "approved",
                               "version": proposal})
    add_decision(root, "alfa", {"body": "kunnanvaltuusto", "date": "2026-05-12", "section": 30, "outcome": "returned",
                                "version": proposal, "note": "Palautettiin: mittarin tavoitetaso selvitettävä."})
    add_decision(root, "alfa", {"body": "kunnanvaltuusto", "date": "2026-06", "outcome": "approved",
                                "version": proposal[:16]})
    git(root, "commit", "-q", "-am", "Muutosehdotus 1.1", date="2026-05-02T10:00:00+02:00")
    return {"root": root, "v1": v1, "proposal": proposal}


# --- the state, worked out by hand --------------------------------------------------------------------------
def test_versions_are_the_signed_tag_and_the_current_proposal(signed_repo):
    state, _ = state_of(signed_repo["root"])
    assert [(v.name, v.fingerprint, v.label, v.date, v.current) for v in state.versions] == [
        ("v1.0", signed_repo["v1"], "1.0", "2026-02-01", False),
        ("", signed_repo["proposal"], "1.1", "2026-05-01", True)]
    assert state.kind == PROPOSAL
    assert state.in_force.name == "v1.0" and state.in_force_since == "2026-03-09"  # beta, the last signing party


def test_matrix_as_worked_out_by_hand(signed_repo):
    state, model = state_of(signed_repo["root"])
    v1, proposal = state.versions
    states = {(p.id, v.short): state.standing(p, v).state for p in model.parties for v in state.versions}
    assert states == {("hva", "v1.0"): "approved", ("alfa", "v1.0"): "approved", ("beta", "v1.0"): "approved",
                      ("hva", proposal.short): "approved", ("alfa", proposal.short): "approved",
                      ("beta", proposal.short): EARLIER}
    # alfa: returned first, then approved (the re-approval, by a 16-digit prefix and a month only)
    assert [d.outcome for d in state.standing("alfa", proposal).history] == ["returned", "approved"]
    assert state.standing("beta", proposal).earlier == v1
    assert state.since(proposal) is None and len(state.approved(proposal)) == 2


def test_an_amendment_after_the_approvals_leaves_them_with_the_earlier_text(tmp_path):
    """Finding 1: approvals given to an earlier text no longer count for an amended one, and say so."""
    root = new_repo(tmp_path / "r")
    first = fingerprint(root)
    for party, day in (("hva", "2026-02-23"), ("alfa", "2026-03-02"), ("beta", "2026-03-09")):
        decide(root, party, {"body": "valtuusto", "date": day, "section": 1, "outcome": "approved",
                             "version": first[:12]})
    git(root, "commit", "-q", "-am", "Päätökset", date="2026-03-10T10:00:00+02:00")
    state, _ = state_of(root)
    assert state.kind == IN_FORCE and state.in_force_since == "2026-03-09"
    # a target changed and an action added: a text no body has seen
    set_target(root, 30)
    edit(root, "agreement/agreement.yaml", lambda d: d.update(version="1.1"))
    git(root, "commit", "-q", "-am", "Muutos", date="2026-11-28T10:00:00+02:00")
    state, _ = state_of(root)
    assert state.kind == PROPOSAL and state.approved(state.current) == []
    assert {state.standing(p, state.current).state for p in state.signing} == {EARLIER}
    text = run_cli("approvals", "--root", root).stdout
    assert "0/3 osapuolta hyväksynyt" in text
    assert f"hyväksyi aiemman tekstin (1.0, {first[:12]}…, 9.3.2026) – käsiteltävä uudelleen" in text
    assert problems(root) == []  # the state of the record, not a problem in the data: the pages and `approvals` say it


def test_editorial_changes_keep_the_approvals(tmp_path):
    """An approval counts for the current text when only editorial changes lead to it from the approved text."""
    root = new_repo(tmp_path / "r")
    first = fingerprint(root)
    for party in ("hva", "alfa", "beta"):
        decide(root, party, {"body": "valtuusto", "date": "2026-03-02", "section": 1, "outcome": "approved",
                             "version": first})
    git(root, "commit", "-q", "-am", "Päätökset", date="2026-03-10T10:00:00+02:00")
    edit(root, "agreement/agreement.yaml", lambda d: d.update(purpose="Testisopimuksen tarkoitos."))  # a typo
    assert fingerprint(root) != first
    git(root, "commit", "-q", "-am", "Kirjoitusasu", date="2026-04-01T10:00:00+02:00")
    state, _ = state_of(root)
    assert state.kind == IN_FORCE and state.in_force.fingerprint == first
    assert len(state.approved(state.current)) == 3 and state.current.fingerprint != first
    # a changed target is an amendment: the approvals stop counting for the text (labelled 1.1: it must be)
    set_target(root, 99)
    edit(root, "agreement/agreement.yaml", lambda d: d.update(version="1.1"))
    git(root, "commit", "-q", "-am", "Tavoite", date="2026-04-02T10:00:00+02:00")
    state, _ = state_of(root)
    assert state.kind == PROPOSAL and state.approved(state.current) == []


def test_a_decision_without_a_version_binds_to_the_text_current_on_its_date(tmp_path):
    root = new_repo(tmp_path / "r")
    first = fingerprint(root)
    set_target(root, 25)
    git(root, "commit", "-q", "-am", "Tavoite 25", date="2026-03-05T10:00:00+02:00")
    second = fingerprint(root)
    # 4.3.: the first text was current; 5.3.: the second (the whole day counts, in Finnish time)
    decide(root, "hva", {"body": "aluehallitus", "date": "2026-03-04", "section": 3, "outcome": "approved"})
    decide(root, "alfa", {"body": "kunnanvaltuusto", "date": "2026-03-05", "section": 4, "outcome": "approved"})
    git(root, "commit", "-q", "-am", "Päätökset", date="2026-03-20T10:00:00+02:00")
    state, _ = state_of(root)
    bound = {b.party: (b.how, b.version.fingerprint) for b in state.bindings}
    assert bound == {"hva": ("date", first), "alfa": ("date", second)}
    _, result = validate(root)
    notes = [p for p in result.problems if p.code == "decision_version_derived"]
    assert [(p.severity, p.params["fingerprint"]) for p in notes] == [("info", first[:12]), ("info", second[:12])]
    lines = run_cli("validate", "--root", root).stdout.splitlines()
    assert any(f"version: {first[:12]}" in line and line.startswith("agreement/parties.yaml:") for line in lines)


def test_a_decision_older_than_the_history_counts_for_nothing_until_its_version_is_named(tmp_path):
    root = new_repo(tmp_path / "r")  # a record back-filled into a new repository: the text is older than git's history
    edit(root, "agreement/agreement.yaml", lambda d: d.update(version_date="2026-01-01"))
    decide(root, "alfa", {"body": "kunnanvaltuusto", "date": "2026-01-15", "section": 4, "outcome": "approved"})
    git(root, "commit", "-q", "-am", "Päätös", date="2026-03-20T10:00:00+02:00")
    state, _ = state_of(root)
    assert state.standing("alfa", state.current).state == "pending"
    found = [(s, c) for s, c, _ in problems(root) if c.startswith("decision_")]
    assert found == [("warning", "decision_unbound_no_history")]
    line = next(x for x in run_cli("validate", "--root", root).stdout.splitlines() if "2026-01-15" in x)
    assert "ensimmäinen muutos 2026-02-01" in line and "version:" in line
    # naming the version binds it (the fingerprint's first 12 digits, as the minutes record it)
    decide(root, "alfa", {"body": "kunnanvaltuusto", "date": "2026-01-15", "section": 4, "outcome": "approved",
                          "version": fingerprint(root)[:12]})
    state, _ = state_of(root)
    assert state.standing("alfa", state.current).state == "approved"


def test_an_undated_or_month_dated_decision_without_a_version(tmp_path):
    """Without a day, the text is known only if it did not change during the month; without a date, never."""
    root = new_repo(tmp_path / "r")
    set_target(root, 25)
    git(root, "commit", "-q", "-am", "Tavoite 25", date="2026-03-05T10:00:00+02:00")
    decide(root, "alfa", {"body": "kunnanvaltuusto", "date": "2026-03", "section": 4, "outcome": "approved"})
    decide(root, "beta", {"body": "kunnanvaltuusto", "date": "2026-04", "section": 5, "outcome": "approved"})
    decide(root, "hva", {"body": "aluehallitus", "section": 6, "outcome": "approved"})
    git(root, "commit", "-q", "-am", "Päätökset", date="2026-05-20T10:00:00+02:00")
    state, _ = state_of(root)
    assert {b.party: b.why or b.how for b in state.bindings} == {
        "alfa": "decision_unbound_ambiguous", "beta": "date", "hva": "decision_unbound_undated"}
    found = [(s, c) for s, c, _ in problems(root) if c.startswith("decision_unbound") or c == "decision_version_derived"]
    assert sorted(found) == [("info", "decision_version_derived"), ("warning", "decision_unbound_ambiguous"),
                             ("warning", "decision_unbound_undated")]


def test_a_shallow_clone_says_to_fetch_the_history(tmp_path):
    root = new_repo(tmp_path / "r")
    first = fingerprint(root)
    set_target(root, 25)
    edit(root, "agreement/agreement.yaml", lambda d: d.update(version="1.1"))
    git(root, "commit", "-q", "-am", "Tavoite 25", date="2026-03-05T10:00:00+02:00")
    decide(root, "alfa", {"body": "kunnanvaltuusto", "date": "2026-03-02", "section": 4, "outcome": "approved",
                          "version": first[:12]})
    git(root, "commit", "-q", "-am", "Päätös", date="2026-03-06T10:00:00+02:00")
    assert run_cli("validate", "--root", root).returncode == 0
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", root.as_uri(), str(shallow)], check=True)
    found = [(s, c) for s, c, _ in problems(shallow) if c.startswith("decision_")]
    assert found == [("warning", "decision_version_shallow")]
    line = next(x for x in run_cli("validate", "--root", shallow).stdout.splitlines() if "shallow" in x)
    assert "git fetch --unshallow" in line


def test_outside_git_only_a_named_current_text_counts(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "r")
    decide(root, "alfa", {"body": "kunnanvaltuusto", "date": "2026-03-02", "section": 12, "outcome": "approved"})
    found = [(s, c) for s, c, _ in problems(root) if c.startswith("decision_")]
    assert found == [("warning", "decision_unbound_outside_git")]
    decide(root, "alfa", {"body": "kunnanvaltuusto", "date": "2026-03-02", "section": 1, "outcome": "approved",
                          "version": fingerprint(root)})
    state, _ = state_of(root)
    assert state.standing("alfa", state.current).state == "approved"
    decide(root, "alfa", {"body": "kunnanvaltuusto", "date": "2026-03-02", "section": 1, "outcome": "approved",
                          "version": "0123456789ab"})
    assert [(s, c) for s, c, _ in problems(root) if c.startswith("decision_")] == [
        ("warning", "decision_version_not_checked")]


# --- outcomes by their meaning ------------------------------------------------------------------------------
@pytest.mark.parametrize("decisions, expected", [
    # noted never cancels an approval (a 25-party agreement went from 3/25 to 2/25 when a board noted one)
    ([("kaupunginvaltuusto", "approved"), ("kaupunginhallitus", "noted")], "approved"),
    # county board approves, the county council notes that every party has approved (a common order)
    ([("aluehallitus", "approved"), ("aluevaltuusto", "noted")], "approved"),
    ([("kunnanvaltuusto", "approved"), ("kunnanvaltuusto", "noted")], "approved"),
    ([("aluevaltuusto", "noted")], "noted"),
    # the board proposes, the council approves
    ([("kunnanhallitus", "approved"), ("kunnanvaltuusto", "approved")], "approved"),
    ([("kunnanhallitus", "approved"), ("kunnanvaltuusto", "returned")], "returned"),
    # the council decides: a board's later decision does not undo it
    ([("kunnanvaltuusto", "returned"), ("kunnanhallitus", "approved")], "returned"),
    ([("kunnanvaltuusto", "tabled"), ("kunnanvaltuusto", "approved")], "approved"),
    ([("kunnanvaltuusto", "approved"), ("kunnanvaltuusto", "rejected")], "rejected"),
    ([("maakuntahallitus", "approved")], "approved"),
])
def test_the_competent_bodys_latest_decision_counts(tmp_path, decisions, expected):
    root = copy_root(MINIMAL, tmp_path / "r")
    current = fingerprint(root)
    decide(root, "alfa", *[{"body": body, "date": f"2026-03-{10 + i:02d}", "section": i + 1, "outcome": outcome,
                            "version": current} for i, (body, outcome) in enumerate(decisions)])
    state, _ = state_of(root)
    assert state.standing("alfa", state.current).state == expected


def test_body_ranks_in_both_languages():
    assert [body_rank(Text(b, "fi")) for b in ("aluevaltuusto", "Kaupunginhallitus", "sivistyslautakunta")] == [2, 1, 0]
    assert [body_rank(Text({"fi": "x", "sv": b}, "fi")) for b in ("stadsfullmäktige", "kommunstyrelsen")] == [2, 1]


# --- bad input: a message at file:line, exit 1, nothing written ----------------------------------------------
@pytest.mark.parametrize("decision, code, where", [
    ({"body": "kunnanvaltuusto", "date": "2026-03-09", "section": 7, "outcome": "approved", "version": "v9.9"},
     "decision_unknown_version", "version"),
    ({"body": "kunnanvaltuusto", "date": "2026-03-09", "section": 7, "outcome": "approved",
      "version": "0123456789abcdef"}, "decision_unknown_version", "version"),
    ({"body": "kunnanvaltuusto", "date": "2026-01-20", "section": 7, "outcome": "approved", "version": "v1.0"},
     "decision_before_version", "date"),
    ({"body": "kunnanvaltuusto", "date": "2027-01-20", "section": 7, "outcome": "approved", "version": "v1.0"},
     "decision_in_future", "date"),
])
def test_bad_decisions_are_errors_at_their_line_and_nothing_is_written(signed_repo, tmp_path, decision, code, where):
    root = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(signed_repo["root"]), str(root)], check=True)
    add_decision(root, "beta", decision)
    ran = run_cli("validate", "--root", root)
    assert ran.returncode == 1
    errors = [(s, c) for s, c, _ in problems(root) if s == "error"]
    assert errors == [("error", code)]
    text = (root / "agreement/parties.yaml").read_text(encoding="utf-8").splitlines()
    line = next(x for x in ran.stdout.splitlines() if ": virhe: " in x)
    number = int(line.split(":")[1])
    assert text[number - 1].strip().startswith(f"{where}:") or text[number - 1].strip().startswith(f"- {where}:")
    out = tmp_path / "out"
    assert run_cli("docx", "--root", root, "--out", out).returncode == 1
    assert not out.exists() or not list(out.iterdir())


def test_two_decisions_of_one_body_on_one_day_with_different_outcomes(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "r")
    current = fingerprint(root)
    decide(root, "alfa", {"body": "kunnanvaltuusto", "date": "2026-03-10", "section": 1, "outcome": "tabled",
                          "version": current},
           {"body": "kunnanvaltuusto", "date": "2026-03-10", "section": 2, "outcome": "approved", "version": current})
    assert [(s, c) for s, c, _ in problems(root) if s == "error"] == [("error", "decision_conflict")]
    assert run_cli("validate", "--root", root).returncode == 1


def test_a_signed_tag_whose_text_does_not_validate(tmp_path):
    root = new_repo(tmp_path / "r")
    edit(root, "agreement/agreement.yaml", lambda d: d.update(scope=7))  # the schema refuses it
    git(root, "commit", "-q", "-am", "Rikki", date="2026-02-02T10:00:00+02:00")
    git(root, "tag", "v1.0")
    edit(root, "agreement/agreement.yaml", lambda d: d.update(scope=2))
    git(root, "commit", "-q", "-am", "Korjattu", date="2026-02-03T10:00:00+02:00")
    ran = run_cli("validate", "--root", root)
    assert ran.returncode == 1
    line = next(x for x in ran.stdout.splitlines() if "v1.0" in x)
    assert line.startswith("agreement/agreement.yaml:") and "virhe" in line and "agreement/agreement.yaml:" in line.split(": ", 1)[1]
    assert ("error", "signed_version_invalid") in [(s, c) for s, c, _ in problems(root)]


def test_a_tag_without_the_approvals_is_not_in_force(tmp_path):
    """Finding 3: a tag v1.0 and no decisions — every page says the same: nothing is in force."""
    root = new_repo(tmp_path / "r")
    git(root, "tag", "v1.0")
    state, _ = state_of(root)
    assert state.kind == DRAFT and state.in_force is None
    assert ("warning", "signed_tag_not_approved") in [(s, c) for s, c, _ in problems(root)]


# --- labels move; the stored status may not say more than the record ---------------------------------------
def test_an_amendment_proposal_needs_a_higher_version_number(signed_repo, tmp_path):
    root = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(signed_repo["root"]), str(root)], check=True)
    assert "version_not_raised" not in [c for _, c, _ in problems(root)]
    edit(root, "agreement/agreement.yaml", lambda d: d.update(version="1.0"))
    ran = run_cli("validate", "--root", root)
    assert ran.returncode == 1 and "versionumero on 1.0" in ran.stdout
    line = next(x for x in ran.stdout.splitlines() if "versionumero" in x)
    number = int(line.split(":")[1])
    assert (root / "agreement/agreement.yaml").read_text(encoding="utf-8").splitlines()[number - 1].startswith("version:")


def test_a_changed_draft_keeping_the_label_of_a_decided_text_is_warned(tmp_path):
    root = new_repo(tmp_path / "r")
    decide(root, "alfa", {"body": "kunnanvaltuusto", "date": "2026-03-02", "section": 1, "outcome": "approved",
                          "version": fingerprint(root)})
    git(root, "commit", "-q", "-am", "Päätös", date="2026-03-03T10:00:00+02:00")
    set_target(root, 31)
    assert ("warning", "version_label_reused") in [(s, c) for s, c, _ in problems(root)]
    edit(root, "agreement/agreement.yaml", lambda d: d.update(version="1.1"))
    assert "version_label_reused" not in [c for _, c, _ in problems(root)]


def test_a_status_in_force_without_a_version_in_force_is_an_error(tmp_path):
    """Every party records an approval, but of no known text (older than the history): nothing is in force."""
    root = new_repo(tmp_path / "r")
    for party in ("hva", "alfa", "beta"):
        decide(root, party, {"body": "valtuusto", "date": "2026-01-20", "section": 1, "outcome": "approved"})
    edit(root, "agreement/agreement.yaml", lambda d: d.update(status="in_force"))
    found = [(s, c) for s, c, _ in problems(root)]
    assert ("error", "status_without_version_in_force") in found and ("error", "signed_without_approval") not in found


# --- the approvals command names the body in every format --------------------------------------------------
def test_approvals_command_names_body_date_and_section_in_every_format(signed_repo):
    root = signed_repo["root"]
    ran = run_cli("approvals", "--root", root, "--format", "json")
    assert ran.returncode == 0, ran.stderr
    data = json.loads(ran.stdout)
    assert data["state"] == "proposal" and data["current"] == signed_repo["proposal"]
    assert data["in_force"] == signed_repo["v1"] and data["in_force_since"] == "2026-03-09"
    assert [(v["name"], v["label"], v["approved"], v["signing"]) for v in data["versions"]] == [
        ("v1.0", "1.0", 3, 3), (None, "1.1", 2, 3)]
    alfa = next(p for p in data["parties"] if p["id"] == "alfa")
    assert alfa["versions"][signed_repo["proposal"]] == {
        "state": "approved", "body": {"fi": "kunnanvaltuusto"}, "date": "2026-06", "section": None,
        "diary_number": None, "earlier": None, "decisions": 2}
    beta = next(p for p in data["parties"] if p["id"] == "beta")
    assert beta["versions"][signed_repo["proposal"]]["state"] == "earlier"
    assert beta["versions"][signed_repo["proposal"]]["earlier"] == signed_repo["v1"]
    text = run_cli("approvals", "--root", root).stdout
    assert "Versio 1.0 (" in text and "Voimassa 9.3.2026 alkaen" in text and "2/3 osapuolta hyväksynyt" in text
    assert "Versio 1.1, muutosehdotus" in text
    assert "hyväksytty, kunnanvaltuusto 2.3.2026 § 12" in text and "hyväksytty, kunnanvaltuusto 6/2026" in text
    rows = run_cli("approvals", "--root", root, "--format", "csv").stdout.splitlines()
    assert rows[0] == "Osapuoli,Versio 1.0,\"Versio 1.1, muutosehdotus\""
    assert rows[3] == "2. Alfan kunta,\"hyväksytty, kunnanvaltuusto 2.3.2026 § 12\",\"hyväksytty, kunnanvaltuusto 6/2026\""


def test_two_tags_of_one_text_are_one_version(signed_repo, tmp_path):
    root = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(signed_repo["root"]), str(root)], check=True)
    git(root, "tag", "v1.0-allekirjoitettu", "v1.0")
    decide(root, "beta", {"body": "kunnanvaltuusto", "date": "2026-03-09", "section": 7, "outcome": "approved",
                          "version": "v1.0-allekirjoitettu"})
    state, _ = state_of(root)
    assert [(v.name, v.aliases) for v in state.versions] == [("v1.0", ("v1.0-allekirjoitettu",)), ("", ())]
    assert (state.in_force, state.in_force_since) == (state.versions[0], "2026-03-09")


@pytest.mark.slow
def test_an_honest_back_filled_record_warns_instead_of_failing(tmp_path):
    """A signed agreement whose signatories are not recorded and whose minutes' § or day are unknown; each decision
    names the signed text."""
    root = copy_root(MINIMAL, tmp_path / "root")
    current = fingerprint(root)
    edit(root, "agreement/agreement.yaml", lambda d: d.update(status="signed"))

    def back_fill(d):
        for p in d["parties"]:
            p.pop("signatories", None)
            p["decisions"] = [{"body": "valtuusto", "date": "2026-03", "outcome": "approved", "version": current,
                               "note": "Kaikki valtuustot hyväksyivät; pykälä ei tiedossa."}]
        d["parties"][0]["decisions"] = [{"body": "aluevaltuusto", "outcome": "approved", "version": current}]
    edit(root, "agreement/parties.yaml", back_fill)
    found = problems(root)
    assert all(s == "warning" for s, *_ in found), found
    codes = sorted(c for _, c, _ in found)
    assert codes == sorted(["decision_date_unknown"] + ["decision_section_unknown"] * 3
                           + ["signed_without_signatories"] * 3)
    state, _ = state_of(root)
    assert state.kind == IN_FORCE and state.in_force_since is None  # in force; the day is not known
    out = tmp_path / "out"
    for command in ("docx", "export-xlsx", "site"):
        done = run_cli(command, "--root", root, "--out", out)
        assert done.returncode == 0, (command, done.stderr)
    page = (out / "site" / "historia" / "hyvaksynnat" / "index.html").read_text(encoding="utf-8")
    assert "Allekirjoittajia ei ole kirjattu" in page and "hyväksymispäivä ei ole kaikilta tiedossa" in page


def test_json_of_the_decisions_schema_allows_partial_dates():
    schema = json.loads((Path(__file__).resolve().parent.parent / "schema" / "parties.schema.json").read_text())
    decision = schema["$defs"]["party"]["properties"]["decisions"]["items"]
    assert decision["required"] == ["body", "outcome"]


def test_the_example_binds_its_decisions_to_the_text_they_approved():
    """The example's four approvals (23.2.–30.3.2026) were of draft 0.9; its text was amended since."""
    from helpers import REPO
    state, model = state_of(REPO)
    assert state.kind == DRAFT and state.approved(state.current) == []
    approved_earlier = [pid for pid in state.signing if state.standing(pid, state.current).state == EARLIER]
    decided = [p.id for p in model.parties if p.signs and any(d.outcome == "approved" for d in p.decisions)]
    assert approved_earlier == decided and decided
    earlier = {state.standing(pid, state.current).earlier.label for pid in approved_earlier}
    assert earlier == {"0.9"} and state.current.label != "0.9"

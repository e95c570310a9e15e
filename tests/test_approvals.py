"""Decisions name the text they approved; versions and their approval state derived — in a real git repository:
a signed tag v1.0, an amendment proposal, a returned decision and a re-approval."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
import yaml
from helpers import MINIMAL, copy_root, run_cli

from cooperation.changes import versions as versions_module
from cooperation.model import build
from cooperation.model.approvals import cell, in_force, in_force_since, resolve
from cooperation.pipeline import validate


def git(repo: Path, *args: str, date: str = "2026-03-01T10:00:00+02:00") -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="Testi", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="Testi",
               GIT_COMMITTER_EMAIL="t@example.org", GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True,
                          env=env).stdout.strip()


def edit(repo: Path, name: str, change) -> None:
    path = repo / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def decide(repo: Path, party: str, *decisions: dict) -> None:
    def change(d):
        for p in d["parties"]:
            if p["id"] == party:
                p["decisions"] = list(decisions)
    edit(repo, "agreement/parties.yaml", change)


def fingerprint(repo: Path) -> str:
    ran = run_cli("fingerprint", "--root", repo)
    assert ran.returncode == 0, ran.stderr
    return ran.stdout.strip()


@pytest.fixture(scope="module")
def signed_repo(tmp_path_factory) -> dict:
    """v1.0 signed (every party approved it, the last on 9.3.2026), then an amendment proposal (target 20 → 25)
    that hva approved, alfa first returned and then approved, and beta has not decided on."""
    root = copy_root(MINIMAL, tmp_path_factory.mktemp("approvals"))
    edit(root, "agreement/agreement.yaml", lambda d: d.update(version_date="2026-02-01"))
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Sopimus 1.0")
    git(root, "tag", "-a", "v1.0", "-m", "Allekirjoitettu versio 1.0")
    v1 = fingerprint(root)
    decide(root, "hva", {"body": "aluehallitus", "date": "2026-02-20", "section": 5, "outcome": "approved",
                         "version": "v1.0"})
    decide(root, "alfa", {"body": "kunnanvaltuusto", "date": "2026-03-02", "section": 12, "outcome": "approved",
                          "version": "v1.0"})
    decide(root, "beta", {"body": "kunnanvaltuusto", "date": "2026-03-09", "section": 7, "outcome": "approved",
                          "version": "v1.0"})
    git(root, "commit", "-q", "-am", "Päätökset kirjattu")
    assert fingerprint(root) == v1  # decisions are not part of the approved text

    edit(root, "agreement/agreement.yaml", lambda d: d.update(version="1.1", version_date="2026-05-01"))
    edit(root, "subareas/hyte.yaml", lambda d: d["goals"][0]["indicators"][0]["target"].update(value=25))
    proposal = fingerprint(root)
    with open(root / "agreement/parties.yaml", encoding="utf-8") as handle:
        parties = yaml.safe_load(handle)
    by_id = {p["id"]: p for p in parties["parties"]}
    by_id["hva"]["decisions"].append({"body": "aluehallitus", "date": "2026-05-10", "section": 44,
                                      "outcome": "approved", "version": proposal})
    by_id["alfa"]["decisions"] += [
        {"body": "kunnanvaltuusto", "date": "2026-05-12", "section": 30, "outcome": "returned", "version": proposal,
         "note": "Palautettiin: mittarin tavoitetaso selvitettävä."},
        {"body": "kunnanvaltuusto", "date": "2026-06", "outcome": "approved", "version": proposal[:16]}]
    (root / "agreement/parties.yaml").write_text(yaml.safe_dump(parties, allow_unicode=True, sort_keys=False),
                                                 encoding="utf-8")
    git(root, "commit", "-q", "-am", "Muutosehdotus 1.1")
    return {"root": root, "v1": v1, "proposal": proposal}


def problems(root: Path) -> list[tuple[str, str, int, str]]:
    _, result = validate(root)
    return [(p.severity, p.code, p.line, p.file) for p in result.problems]


def test_versions_are_the_signed_tag_and_the_current_proposal(signed_repo):
    sources, _ = validate(signed_repo["root"])
    found = versions_module.versions(sources)
    assert [(v.name, v.fingerprint, v.date, v.current) for v in found] == [
        ("v1.0", signed_repo["v1"], "2026-02-01", False),
        ("", signed_repo["proposal"], "2026-05-01", True)]


def test_matrix_and_in_force_date_as_worked_out_by_hand(signed_repo):
    sources, result = validate(signed_repo["root"])
    model = build(sources)
    found = versions_module.versions(sources)
    v1, proposal = found
    parties = {p.id: p for p in model.parties}
    states = {(pid, v.short): cell(p, v, found).state for pid, p in parties.items() for v in found}
    assert states == {("hva", "v1.0"): "approved", ("alfa", "v1.0"): "approved", ("beta", "v1.0"): "approved",
                      ("hva", proposal.short): "approved", ("alfa", proposal.short): "approved",
                      ("beta", proposal.short): "pending"}
    # alfa: returned first, then approved (the re-approval, by a 16-digit prefix and a month only)
    assert [d.outcome for d in cell(parties["alfa"], proposal, found).history] == ["returned", "approved"]
    assert in_force_since(model.parties, v1, found) == "2026-03-09"  # beta, the last signing party
    assert in_force_since(model.parties, proposal, found) is None
    assert in_force(model.parties, found) == (v1, "2026-03-09")
    assert resolve("v1.0", found) == v1 and resolve(signed_repo["proposal"][:12], found) == proposal
    assert resolve(signed_repo["proposal"][:11], found) is None  # too short to name a text
    # beta's latest approval is of v1.0, while the files hold the proposal: a warning naming both
    warnings = [p for p in result.problems if p.code == "approval_of_older_text"]
    assert len(warnings) == 1 and warnings[0].params["approved"].startswith("v1.0 (")
    assert warnings[0].params["current"].startswith(signed_repo["proposal"][:12])


def test_unknown_version_and_a_decision_before_its_text_existed_exit_1(signed_repo, tmp_path):
    root = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(signed_repo["root"]), str(root)], check=True)
    assert run_cli("validate", "--root", root).returncode == 0
    decide(root, "beta", {"body": "kunnanvaltuusto", "date": "2026-03-09", "section": 7, "outcome": "approved",
                          "version": "v9.9"},
           {"body": "kunnanvaltuusto", "date": "2026-04-20", "section": 9, "outcome": "approved",
            "version": signed_repo["proposal"]})
    ran = run_cli("validate", "--root", root)
    assert ran.returncode == 1
    lines = ran.stdout.splitlines()
    unknown = next(line for line in lines if "v9.9" in line)
    assert unknown.startswith("agreement/parties.yaml:") and "virhe" in unknown and "versiota ”v9.9” ei ole" in unknown
    assert "v1.0" in unknown  # the known versions are named
    before = next(line for line in lines if "2026-04-20" in line)
    assert "ennen kuin versio" in before and "2026-05-01" in before
    assert [c for s, c, _, _ in problems(root) if s == "error"] == ["decision_unknown_version", "decision_before_version"]


def test_in_force_needs_every_signing_party_to_approve_the_text_in_force(signed_repo, tmp_path):
    root = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(signed_repo["root"]), str(root)], check=True)
    edit(root, "agreement/agreement.yaml", lambda d: d.update(status="in_force"))
    codes = [(s, c) for s, c, _, _ in problems(root)]
    assert ("error", "in_force_approval_of_other_text") in codes  # beta approved v1.0 only
    assert ("warning", "approval_of_older_text") not in codes
    decide(root, "beta", {"body": "kunnanvaltuusto", "date": "2026-06-15", "section": 20, "outcome": "approved",
                          "version": signed_repo["proposal"]})
    assert [c for s, c, _, _ in problems(root) if s == "error"] == []


def test_an_honest_back_filled_record_warns_instead_of_failing(tmp_path):
    """A signed agreement whose signatories are not recorded and whose minutes' § or day are unknown."""
    root = copy_root(MINIMAL, tmp_path / "root")
    edit(root, "agreement/agreement.yaml", lambda d: d.update(status="signed"))

    def back_fill(d):
        for p in d["parties"]:
            p.pop("signatories", None)
            p["decisions"] = [{"body": "valtuusto", "date": "2026-03", "outcome": "approved",
                               "note": "Kaikki valtuustot hyväksyivät; pykälä ei tiedossa."}]
        d["parties"][0]["decisions"] = [{"body": "aluevaltuusto", "outcome": "approved"}]
    edit(root, "agreement/parties.yaml", back_fill)
    found = problems(root)
    assert all(s == "warning" for s, *_ in found), found
    codes = sorted(c for _, c, _, _ in found)
    assert codes == sorted(["decision_date_unknown"] + ["decision_section_unknown"] * 3
                           + ["signed_without_signatories"] * 3)
    assert run_cli("validate", "--root", root).returncode == 0
    # and the record builds: Word (a line to sign on), workbook and site, which says what is not recorded
    out = tmp_path / "out"
    for command in ("docx", "export-xlsx", "site"):
        done = run_cli(command, "--root", root, "--out", out)
        assert done.returncode == 0, (command, done.stderr)
    from docx import Document
    word = next(out.glob("*-fi.docx"))
    text = "".join(Document(str(word)).element.body.itertext())  # signature blocks are tables
    assert "Nimenselvennys" in text
    assert list(out.glob("*-tyokirja.xlsx"))
    party_page = (out / "site" / "osapuolet" / "index.html").read_text(encoding="utf-8")
    assert "ei tiedossa" in party_page or "Allekirjoittajia ei ole kirjattu" in (out / "site" / "historia" / "hyvaksynnat" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("outcome", ["rejected", "noted", "tabled", "returned"])
def test_only_approved_counts_as_an_approval(tmp_path, outcome):
    root = copy_root(MINIMAL, tmp_path / "root")
    decide(root, "alfa", {"body": "kunnanvaltuusto", "date": "2026-03-02", "section": 12, "outcome": outcome})
    sources, result = validate(root)
    assert not result.errors
    model = build(sources)
    found = versions_module.versions(sources)
    alfa = next(p for p in model.parties if p.id == "alfa")
    assert cell(alfa, found[0], found).state == outcome


def test_json_of_the_decisions_schema_allows_partial_dates():
    schema = json.loads((Path(__file__).resolve().parent.parent / "schema" / "parties.schema.json").read_text())
    decision = schema["$defs"]["party"]["properties"]["decisions"]["items"]
    assert decision["required"] == ["body", "outcome"]


def test_approvals_command_prints_the_matrix(signed_repo):
    root = signed_repo["root"]
    ran = run_cli("approvals", "--root", root, "--format", "json")
    assert ran.returncode == 0, ran.stderr
    data = json.loads(ran.stdout)
    assert data["in_force"] == signed_repo["v1"] and data["in_force_since"] == "2026-03-09"
    assert [(v["name"], v["approved"], v["signing"]) for v in data["versions"]] == [("v1.0", 3, 3), (None, 2, 3)]
    beta = next(p for p in data["parties"] if p["id"] == "beta")
    assert beta["versions"][signed_repo["proposal"]]["state"] == "pending"
    alfa = next(p for p in data["parties"] if p["id"] == "alfa")
    assert alfa["versions"][signed_repo["proposal"]] == {"state": "approved", "date": "2026-06", "section": None,
                                                         "diary_number": None, "decisions": 2}
    text = run_cli("approvals", "--root", root).stdout
    assert "v1.0 (" in text and "Voimassa 9.3.2026 alkaen" in text and "2/3 osapuolta hyväksynyt" in text
    assert "3. Betan kunta" in text and "ei käsitelty" in text and "hyväksytty 6/2026" in text
    rows = run_cli("approvals", "--root", root, "--format", "csv").stdout.splitlines()
    assert rows[0] == "Osapuoli,v1.0,Nykyinen ehdotus"
    assert rows[3] == "2. Alfan kunta,hyväksytty 2.3.2026 § 12,hyväksytty 6/2026"


@pytest.fixture(scope="module")
def approvals_site(signed_repo, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site-out")
    ran = run_cli("site", "--root", signed_repo["root"], "--out", out)
    assert ran.returncode == 0, ran.stderr
    return out / "site"


def test_site_page_of_versions_and_approvals(approvals_site, signed_repo):
    from test_site import read
    page = read(approvals_site, "historia/hyvaksynnat/")
    text = page.content
    assert "Versiot ja hyväksynnät" in text
    assert "Voimassa 9.3.2026 alkaen" in text and "2/3 osapuolta hyväksynyt" in text
    assert signed_repo["v1"] in text and signed_repo["proposal"] in text
    # alfa's returned decision is not its latest on the proposal: the card shows the re-approval, § unknown
    assert "§ ei tiedossa" in text and "6/2026" in text
    html_text = (approvals_site / "historia" / "hyvaksynnat" / "index.html").read_text(encoding="utf-8")
    assert html_text.count('class="stack"') == 2  # one stacked table (cards on a phone) per version
    home = read(approvals_site, "").content
    assert "Voimassa oleva versio" in home and "v1.0 – Voimassa 9.3.2026 alkaen" in home
    assert "Muutosehdotus" in home and "2/3 osapuolta hyväksynyt" in home
    import xml.etree.ElementTree as ET
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.fromstring((approvals_site / "historia" / "muutokset-fi.xml").read_bytes())
    announced = [e for e in feed.findall(f"{atom}entry") if ":in-force:" in e.find(f"{atom}id").text]
    assert [e.find(f"{atom}title").text for e in announced] == ["v1.0: Voimassa 9.3.2026 alkaen"]
    assert announced[0].find(f"{atom}updated").text == "2026-03-09T00:00:00Z"
    party = read(approvals_site, "osapuolet/beta/").content.replace(" :", ":").replace(" ,", ",")
    assert "Hyväksynnät versioittain Nykyinen ehdotus: ei käsitelty v1.0: hyväksytty, 9.3.2026" in party


def test_two_tags_of_one_text_are_one_version(signed_repo, tmp_path):
    root = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(signed_repo["root"]), str(root)], check=True)
    git(root, "tag", "v1.0-allekirjoitettu", "v1.0")
    decide(root, "beta", {"body": "kunnanvaltuusto", "date": "2026-03-09", "section": 7, "outcome": "approved",
                          "version": "v1.0-allekirjoitettu"})
    sources, result = validate(root)
    assert not result.errors
    found = versions_module.versions(sources)
    assert [(v.name, v.aliases) for v in found] == [("v1.0", ("v1.0-allekirjoitettu",)), ("", ())]
    assert in_force(build(sources).parties, found) == (found[0], "2026-03-09")


def test_signed_versions_link_their_release_documents(signed_repo):
    from cooperation.changes.history import load_history
    from cooperation.outputs.site.pages import Site
    sources, _ = validate(signed_repo["root"])
    site = Site(build(sources), "fi", repo_url="https://github.com/alue/sopimus", history=load_history(signed_repo["root"]),
                versions=versions_module.versions(sources))
    pages = site.build()
    body = "\n".join(pages["historia/versiot.md"].body)
    assert '<a href="https://github.com/alue/sopimus/releases/tag/v1.0">v1.0</a>' in body
    assert "asiakirjat ja muutospaketti" in body

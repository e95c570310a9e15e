"""Pull requests as the negotiation record: semantic diffs, history, signed versions, CODEOWNERS,
and the workflows' own steps — in real git repositories built here."""
from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from amending import edit
from helpers import MINIMAL, REPO, copy_code, copy_root
from test_site import read

from cooperation.changes.history import load_history

# its subject is not Word's layout or the PDF: built without LibreOffice (conftest.py)
pytestmark = pytest.mark.usefixtures("libreoffice_off")


def git(repo: Path, *args: str) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="Testi", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="Testi",
               GIT_COMMITTER_EMAIL="t@example.org", GIT_AUTHOR_DATE="2026-03-01T10:00:00+02:00",
               GIT_COMMITTER_DATE="2026-03-01T10:00:00+02:00")
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True, env=env).stdout.strip()




def build(repo: Path, *args: str) -> subprocess.CompletedProcess:
    script = repo / "build.py" if (repo / "build.py").exists() else REPO / "build.py"
    return subprocess.run([sys.executable, str(script), *args, "--root", str(repo)], capture_output=True,
                          text=True, timeout=600, cwd=repo)


@pytest.fixture(scope="module")
def history_repo(tmp_path_factory) -> dict:
    """A region's repository: code + the minimal data, and a sequence of merged pull requests.
    Built once; tests get their own clone (``repo``), so none sees another's checkouts or files."""
    root = tmp_path_factory.mktemp("repo")
    copy_root(MINIMAL, root)
    copy_code(root)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Sopimuksen ensimmäinen luonnos")
    commits = {"initial": git(root, "rev-parse", "HEAD")}

    def merge(branch: str, number: int, title: str, change) -> None:
        git(root, "checkout", "-q", "-b", branch)
        change()
        git(root, "commit", "-q", "-am", title)
        git(root, "checkout", "-q", "main")
        git(root, "merge", "-q", "--no-ff", branch, "-m", f"Merge pull request #{number} from alue/{branch}\n\n{title}")

    def squash(number: int, title: str, change) -> None:
        change()
        git(root, "commit", "-q", "-am", f"{title} (#{number})")

    def monitoring():
        edit(root, "subareas/hyte.yaml", lambda d: d["goals"][0]["actions"][0].update(status="done"))
        with open(root / "measurements" / "values.csv", "a", encoding="utf-8") as handle:
            handle.write("HYTE-1-M1,region,2026,16,\n")
    merge("mittarit", 1, "Päivitä mittarit ja toimenpiteiden tila", monitoring)
    commits["monitoring"] = git(root, "rev-parse", "HEAD")
    squash(2, "Tarkenna tavoitteen sanamuotoa",
           lambda: edit(root, "subareas/hyte.yaml", lambda d: d["goals"][0].update(title="tavoite: HYTE-1")))  # case and punctuation only
    commits["editorial"] = git(root, "rev-parse", "HEAD")
    git(root, "tag", "-a", "v1.0", "-m", "Allekirjoitettu versio 1.0")

    def approvals(d):  # every signing party approved v1.0: it is in force
        for party in d["parties"]:
            party["decisions"] = [{"body": "valtuusto", "date": "2026-03-01", "section": 1, "outcome": "approved",
                                   "version": "v1.0"}]
    edit(root, "agreement/parties.yaml", approvals)
    git(root, "commit", "-q", "-am", "Päätökset kirjattu")

    def amended(change):  # an amendment raises the version number (validate refuses it otherwise)
        def both():
            edit(root, "agreement/agreement.yaml", lambda d: d.update(version="1.1"))
            change()
        return both

    def amendment():
        def change(d):
            d["goals"][0]["indicators"][0]["target"]["value"] = 25
            d["goals"][0]["actions"][0]["responsible"] = ["hva", "alfa"]
            d["goals"][0]["actions"][0]["lead"] = "alfa"
        edit(root, "subareas/hyte.yaml", change)
    merge("tavoitetaso", 3, "Nosta liikuntatavoitetta", amended(amendment))
    commits["amendment"] = git(root, "rev-parse", "HEAD")

    def move():
        def change(d):
            action = d["goals"][0]["actions"].pop(0)
            action["title"] = "Toimenpide siirretty uuteen tavoitteeseen"
            d["goals"][0]["actions"].append({"id": "HYTE-1-T2", "title": "Korvaava toimenpide", "responsible": ["hva"],
                                             "lead": "hva", "status": "planned"})
            d["goals"].append({"id": "HYTE-2", "title": "Uusi tavoite", "actions": [action],
                               "indicators": [dict(copy.deepcopy(d["goals"][0]["indicators"][0]), id="HYTE-2-M1")]})
        edit(root, "subareas/hyte.yaml", change)
    squash(4, "Siirrä toimenpide uuteen tavoitteeseen", move)
    commits["move"] = git(root, "rev-parse", "HEAD")
    return {"root": root, **commits}


@pytest.fixture
def repo(history_repo, tmp_path_factory) -> dict:
    """A clone of the history repository for one test: the same commits and tags, on main, clean."""
    clone = tmp_path_factory.mktemp("clone") / "repo"
    subprocess.run(["git", "clone", "-q", str(history_repo["root"]), str(clone)], check=True)
    return {**history_repo, "root": clone}


def diff_json(repo, base, head=None, lang="fi") -> dict:
    args = ["diff", base] + ([head] if head else []) + ["--format", "json", "--lang", lang]
    done = build(repo["root"], *args)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_monitoring_update_keeps_the_fingerprint(repo):
    result = diff_json(repo, repo["initial"], repo["monitoring"])
    assert result["class"] == "monitoring" and result["fingerprint"]["changes"] is False
    assert result["measurements"] == {"added": 1, "removed": 0, "changed": 0}
    [item] = result["items"]
    assert item["id"] == "HYTE-1-T1" and item["fields"][0]["text"] == "HYTE-1-T1, tila: käynnissä → valmis"


def test_editorial_change_changes_the_fingerprint(repo):
    result = diff_json(repo, repo["monitoring"], repo["editorial"])
    assert result["class"] == "editorial" and result["fingerprint"]["changes"] is True
    assert result["items"][0]["fields"][0]["text"] == "HYTE-1, tavoite: ”Tavoite HYTE-1.” → ”tavoite: HYTE-1”"


def test_amendment_field_by_field_with_party_names(repo):
    result = diff_json(repo, repo["editorial"], repo["amendment"])
    assert result["class"] == "amendment"
    texts = [f["text"].replace("\xa0", " ") for item in result["items"] for f in item["fields"]]
    assert "HYTE-1-T1, vastuutahot: Testialueen hyvinvointialue, kaikki kunnat → Testialueen hyvinvointialue, " \
           "Alfan kunta" in texts
    assert "HYTE-1-M1, tavoitetaso 2028: 20 % → 25 %" in texts


def test_moved_and_renamed_items_keep_their_identity(repo):
    result = diff_json(repo, repo["amendment"], repo["move"])
    by_id = {(i["id"], i["change"]) for i in result["items"]}
    assert ("HYTE-1-T1", "changed") in by_id and ("HYTE-1-T1", "added") not in by_id
    assert ("HYTE-2", "added") in by_id and ("HYTE-1-T2", "added") in by_id
    moved = next(i for i in result["items"] if i["id"] == "HYTE-1-T1")
    fields = {f["field"]: f for f in moved["fields"]}
    assert fields["location"]["old"] == "HYTE-1" and fields["location"]["new"] == "HYTE-2"
    assert fields["title"]["new"] == "Toimenpide siirretty uuteen tavoitteeseen"


@pytest.mark.slow
def test_diff_in_swedish_and_english_and_against_the_working_tree(repo):
    sv = diff_json(repo, repo["editorial"], repo["amendment"], "sv")
    assert sv["class_name"] == "avtalsändring" and any(i["label"].startswith("Åtgärd HYTE-1-T1") for i in sv["items"])
    en = diff_json(repo, repo["editorial"], repo["amendment"], "en")
    assert en["class_name"] == "amendment" and any("responsible parties" in f["text"] for i in en["items"] for f in i["fields"])
    assert diff_json(repo, "HEAD")["class"] is None  # the working tree equals HEAD
    markdown = build(repo["root"], "diff", repo["editorial"], repo["amendment"]).stdout
    assert markdown.startswith("**Muutoksen luokka: sopimusmuutos** (jokaisen osapuolen on hyväksyttävä)")
    assert "Sisällön sormenjälki muuttuu" in markdown
    assert build(repo["root"], "diff", "no-such-ref").returncode == 2


def test_history_signed_versions_and_changes_since(repo):
    from cooperation.pipeline import load_all
    model, _, _ = load_all(repo["root"])
    version = model.version_state.in_force
    assert version.name == "v1.0" and version.commit == repo["editorial"]
    history = load_history(repo["root"], in_force=version.commit)
    assert [(e.change.pull_request, e.diff.change_class) for e in history.entries] == [
        (4, "amendment"), (3, "amendment"), (None, "monitoring"), (2, "editorial"), (1, "monitoring"),
        (None, "amendment")]
    assert history.entries[1].change.title == "Nosta liikuntatavoitetta"
    assert history.entries[0].change.title == "Siirrä toimenpide uuteen tavoitteeseen"
    shutil.rmtree(repo["root"] / "out", ignore_errors=True)
    at_tag = build(repo["root"], "fingerprint")  # HEAD is later: compute the tag's own below
    assert at_tag.returncode == 0 and at_tag.stdout.strip() != version.fingerprint
    git(repo["root"], "checkout", "-q", "v1.0")
    assert build(repo["root"], "fingerprint").stdout.strip() == version.fingerprint
    since = {i.id for i in history.since_signed.items}
    assert {"HYTE-1-T1", "HYTE-1-M1", "HYTE-2"} <= since and history.since_signed.change_class == "amendment"


@pytest.mark.slow
def test_site_shows_history_versions_and_each_goals_changes(repo, tmp_path):
    done = build(repo["root"], "site", "--out", str(tmp_path))
    assert done.returncode == 0, done.stderr
    site = tmp_path / "site"
    page = read(site, "historia/")
    for text in ("Nosta liikuntatavoitetta", "muutosehdotus #3", "sopimusmuutos", "seurantapäivitys",
                 "toimituksellinen muutos", "Voimassa oleva allekirjoitettu versio: Versio 1.0 – Voimassa 1.3.2026 alkaen"):
        assert text in page.content
    versions = read(site, "historia/versiot/")
    from cooperation.pipeline import load_all
    signed = load_all(repo["root"])[0].version_state.in_force
    assert "Versio 1.0" in versions.content and signed.fingerprint in versions.content
    since = read(site, "historia/allekirjoitetun-jalkeen/")
    assert "HYTE-1-M1, tavoitetaso 2028: 20 % → 25 %" in since.content.replace("\xa0", " ")
    hyte = read(site, "osa-alueet/hyte/")
    assert "Tavoitteen muutoshistoria" in hyte.content and "Tarkenna tavoitteen sanamuotoa" in hyte.content
    assert "HYTE-1-M1, tavoitetaso 2028: 20 % → 25 % ( Nosta liikuntatavoitetta" in hyte.content.replace("\xa0", " ")
    feed = ET.fromstring((site / "historia" / "muutokset-fi.xml").read_bytes())
    atom = "{http://www.w3.org/2005/Atom}"
    announced = [e for e in feed.findall(f"{atom}entry") if ":in-force:" in e.find(f"{atom}id").text]
    assert [e.find(f"{atom}title").text for e in announced] == ["Versio 1.0: Voimassa 1.3.2026 alkaen"]
    entries = [e for e in feed.findall(f"{atom}entry") if e not in announced]
    # headed by what changed (the summary of the semantic diff); the pull request's title in the content
    title = entries[0].find("{http://www.w3.org/2005/Atom}title").text
    assert len(entries) == 6 and title == ("HYTE-1-T1: siirretty HYTE-1 → HYTE-2; HYTE-1-T1, toimenpide: ”Toimenpide "
                                           "HYTE-1-T1” → ”Toimenpide siirretty uuteen tavoitteeseen”; Uusi toimenpide "
                                           "HYTE-1-T2 ja 2 muuta muutosta (sopimusmuutos)")
    assert entries[0].find("{http://www.w3.org/2005/Atom}content").text.startswith("Siirrä toimenpide")
    assert "HYTE-1-M1, tavoitetaso 2028: 20 % → 25 %" in page.content.replace("\xa0", " ")  # the amendment's heading
    assert "Siirrä toimenpide uuteen tavoitteeseen" in read(site, "").content  # what changed last


@pytest.mark.slow
def test_codeowners_generated_and_checked_for_staleness(repo, tmp_path):
    root = copy_root(repo["root"], tmp_path / "root")
    (root / ".github").mkdir()
    assert build(root, "validate").returncode == 0  # nobody has a GitHub handle: nothing to own
    edit(root, "subareas/hyte.yaml", lambda d: d["responsible_persons"][0].update(github="hyte-vastaava"))
    edit(root, "agreement/agreement.yaml", lambda d: d.update(coordinators=[{"name": "K", "role": "koordinaattori",
                                                                             "party": "hva", "github": "koordinaattori"}]))
    missing = build(root, "validate")
    assert missing.returncode == 1 and ".github/CODEOWNERS:1:1: virhe: tiedosto puuttuu" in missing.stdout
    assert build(root, "codeowners").returncode == 0
    owners = (root / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert "/subareas/hyte.yaml                      @hyte-vastaava @koordinaattori" in owners
    assert "/agreement/                              @koordinaattori" in owners
    assert build(root, "validate").returncode == 0
    edit(root, "subareas/hyte.yaml", lambda d: d["responsible_persons"][0].update(github="uusi-vastaava"))
    stale = build(root, "validate")
    assert stale.returncode == 1 and "ei vastaa vastuuhenkilöiden GitHub-tunnuksia" in stale.stdout


def test_committed_codeowners_is_up_to_date():
    done = subprocess.run([sys.executable, str(REPO / "build.py"), "validate"], capture_output=True, text=True)
    assert done.returncode == 0 and "CODEOWNERS" not in done.stdout


def test_workflow_diff_step_runs_here(repo, tmp_path):
    """The pull-request workflow's own diff step, run as GitHub would run it."""
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "pull-request.yml").read_text(encoding="utf-8"))
    step = next(s for s in workflow["jobs"]["check"]["steps"] if s.get("name") == "Semantic diff")
    summary = tmp_path / "summary.md"
    env = dict(os.environ, BASE_SHA=repo["editorial"], PR_NUMBER="3", GITHUB_STEP_SUMMARY=str(summary),
               PATH=f"{Path(sys.executable).parent}:{os.environ['PATH']}")
    git(repo["root"], "checkout", "-q", repo["amendment"])
    done = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=repo["root"], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "sopimusmuutos" in summary.read_text(encoding="utf-8")
    assert (repo["root"] / "out" / "diff" / "pr-number").read_text() == "3\n"
    validate = next(s for s in workflow["jobs"]["check"]["steps"] if s.get("name") == "Validate")
    assert validate["run"] == "python build.py validate --format github --strict"


@pytest.mark.parametrize("folder", [REPO / ".github" / "workflows", REPO / "cooperation" / "resources" / "region" / "workflows"],
                         ids=["this repository", "a region's (init)"])
def test_workflows_pass_zizmor(folder):
    zizmor = Path(sys.executable).parent / "zizmor"
    workflows = sorted(folder.glob("*.yml"))
    done = subprocess.run([str(zizmor), "--offline", "--persona=auditor", *map(str, workflows)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No findings to report" in done.stdout + done.stderr
    for path in workflows:
        text = path.read_text(encoding="utf-8")
        for job in yaml.safe_load(text)["jobs"].values():  # read-only unless a job says why it writes
            for scope, access in (job.get("permissions") or {}).items():
                assert access in ("read", "none") or f"{scope}: write  #" in text, (path.name, scope)
            for step in job.get("steps", []):
                if "actions/checkout" in step.get("uses", ""):
                    assert step["with"]["persist-credentials"] is False and step["with"]["fetch-depth"] == 0, path.name
    for path in workflows:
        text = path.read_text(encoding="utf-8")
        assert "pull_request_target" not in text
        for line in text.splitlines():
            if line.strip().startswith("uses:"):
                assert "@" in line and len(line.split("@")[1].split()[0]) == 40, line  # pinned to a full SHA
        for job in yaml.safe_load(text)["jobs"].values():
            for step in job.get("steps", []):
                assert "${{" not in step.get("run", ""), (path.name, step)  # event fields only through env


def test_pull_request_template_is_finnish():
    text = (REPO / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    for heading in ("Mitä muutetaan ja miksi", "Missä foorumissa muutoksesta on sovittu", "Keitä osapuolia on kuultu"):
        assert f"## {heading}" in text

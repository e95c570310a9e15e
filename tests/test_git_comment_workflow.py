"""The comment workflow's own steps, run here as GitHub would run them: the default branch's code
computes the diff, the pull request's commit is fetched as data only and never run."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from helpers import MINIMAL, REPO, copy_code, copy_root
from test_history import edit, git

WORKFLOW = REPO / ".github" / "workflows" / "comment.yml"
PR_NUMBER = "7"


def steps() -> dict:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return {s.get("id") or s.get("name"): s for s in workflow["jobs"]["comment"]["steps"]}


def step_named(prefix: str) -> dict:
    return next(s for key, s in steps().items() if key and key.startswith(prefix))


def expand(value: str, context: dict) -> str:
    """``${{ a.b.c }}`` as GitHub expands it in env: (plain property lookups only)."""
    def lookup(match):
        node = context
        for part in match.group(1).split("."):
            node = node[part]
        return str(node)
    return re.sub(r"\$\{\{\s*([\w.-]+)\s*\}\}", lookup, str(value))


def run_step(step: dict, cwd: Path, context: dict, tmp: Path) -> subprocess.CompletedProcess:
    output = tmp / f"output-{step.get('id', 'step')}"
    output.write_text("", encoding="utf-8")
    env = dict(os.environ, GITHUB_OUTPUT=str(output), GITHUB_STEP_SUMMARY=str(tmp / "summary.md"),
               RUNNER_TEMP=str(tmp), PATH=f"{Path(sys.executable).parent}:{os.environ['PATH']}")
    env.update({k: expand(v, context) for k, v in (step.get("env") or {}).items()})
    done = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=600)
    if "id" in step:
        context["steps"][step["id"]] = {"outputs": dict(line.split("=", 1) for line in
                                                        output.read_text(encoding="utf-8").splitlines() if "=" in line)}
    return done


@pytest.fixture
def pull_request(tmp_path) -> dict:
    """The base repository: main moves on after a pull request (kept only as refs/pull/7/head, as from a
    fork) branched off; the pull request changes a target and also its own build.py and diff code."""
    origin = copy_root(MINIMAL, tmp_path / "origin")
    copy_code(origin)
    git(origin, "init", "-q", "-b", "main")
    git(origin, "add", "-A")
    git(origin, "commit", "-q", "-m", "Sopimus")
    git(origin, "checkout", "-q", "-b", "patch-1")
    edit(origin, "subareas/hyte.yaml", lambda d: d["goals"][0]["indicators"][0]["target"].update(value=25))
    marker = tmp_path / "pull-request-code-ran"
    evil = f"import pathlib\npathlib.Path({str(marker)!r}).touch()\nprint('**Muutoksen luokka: seurantapäivitys** @kaikki')\n"
    (origin / "build.py").write_text(evil, encoding="utf-8")
    (origin / "cooperation" / "diff.py").write_text(evil, encoding="utf-8")
    git(origin, "commit", "-q", "-am", "Nosta tavoitetta")
    head = git(origin, "rev-parse", "HEAD")
    git(origin, "update-ref", f"refs/pull/{PR_NUMBER}/head", head)
    git(origin, "checkout", "-q", "main")
    git(origin, "branch", "-q", "-D", "patch-1")
    with open(origin / "measurements" / "values.csv", "a", encoding="utf-8") as handle:
        handle.write("HYTE-1-M1,region,2026,16,\n")
    git(origin, "commit", "-q", "-am", "Mittari päivitetty")
    base = git(origin, "rev-parse", "HEAD")
    runner = tmp_path / "runner"  # what actions/checkout leaves: the default branch, full history
    subprocess.run(["git", "clone", "-q", "-b", "main", str(origin), str(runner)], check=True)
    context = {"github": {"token": "", "event": {"workflow_run": {"head_sha": head}}}, "steps": {
        "pr": {"outputs": {"number": PR_NUMBER, "base": base}}}}
    work = tmp_path / "work"
    work.mkdir()
    return {"runner": runner, "head": head, "base": base, "marker": marker, "context": context, "tmp": work}


def test_comment_is_computed_by_the_default_branchs_code(pull_request):
    pr = pull_request
    fetch = run_step(steps()["fetch"], pr["runner"], pr["context"], pr["tmp"])
    assert fetch.returncode == 0, fetch.stdout + fetch.stderr
    assert git(pr["runner"], "rev-parse", "refs/remotes/pull/head") == pr["head"]
    assert (pr["runner"] / "build.py").read_text(encoding="utf-8") == (REPO / "build.py").read_text(encoding="utf-8")
    diff = run_step(step_named("Semantic diff"), pr["runner"], pr["context"], pr["tmp"])
    assert diff.returncode == 0, diff.stderr
    comment = (pr["tmp"] / "diff.md").read_text(encoding="utf-8")
    assert comment.startswith("**Muutoksen luokka: sopimusmuutos**")
    assert "HYTE-1-M1, tavoitetaso 2028: 20 % → 25 %" in comment.replace("\xa0", " ")
    assert "Mittaustulokset" not in comment  # main's later change is not the pull request's
    assert not pr["marker"].exists()
    assert "sopimusmuutos" in (pr["tmp"] / "summary.md").read_text(encoding="utf-8")


def test_a_head_that_is_not_the_runs_commit_is_refused(pull_request):
    pr = pull_request
    pr["context"]["github"]["event"]["workflow_run"]["head_sha"] = pr["base"]
    fetch = run_step(steps()["fetch"], pr["runner"], pr["context"], pr["tmp"])
    assert fetch.returncode != 0 and "is not the run's head commit" in fetch.stdout
    assert "base" not in pr["context"]["steps"]["fetch"]["outputs"]


def test_comment_workflow_never_runs_pull_request_code():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert "head_repository.full_name" in workflow["concurrency"]["group"]
    job = workflow["jobs"]["comment"]
    checkouts = [s for s in job["steps"] if str(s.get("uses", "")).startswith("actions/checkout@")]
    assert checkouts and all(s["with"]["ref"] == "${{ github.event.repository.default_branch }}"
                             and s["with"]["persist-credentials"] is False for s in checkouts)
    assert set(job["permissions"]) == {"actions", "contents", "pull-requests"}
    assert job["permissions"]["contents"] == "read" and job["permissions"]["actions"] == "read"
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "head -c 60000" not in text and "diff/diff.md" not in text  # the artifact's diff is never posted

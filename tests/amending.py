"""An agreement amended in a git repository of its own, as a region amends it: the data committed and tagged v1.0,
changed and committed again; then the amendment package (`build.py amendment v1.0`) and each version's own Word
documents (`build.py docx` on a checkout of it), for tests that compare the redline with the two documents."""
from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import yaml
from helpers import REPO, copy_example, copy_root, run_cli


def git(repo: Path, *args: str) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="Testi", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="Testi",
               GIT_COMMITTER_EMAIL="t@example.org")
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True, env=env).stdout


def edit(root: Path, name: str, change: Callable[[dict], object]) -> None:
    """``change`` applied to the YAML file ``name`` of ``root`` (a new file starts empty)."""
    path = root / name
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}
    change(data)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def amend(factory, source: Path, change: Callable[[Path], None], before: Callable[[Path], None] | None = None) -> dict:
    """``source``'s data (``before`` applied) signed as v1.0, then ``change``d and committed. Returns the folders:
    ``root`` (the repository), ``base_root`` (a checkout of v1.0), ``out`` (the amendment package), ``head`` and ``base`` (each version's `build.py
    docx`)."""
    # the example's decisions name texts of this repository's history, which a new repository has not
    root = copy_example(factory.mktemp("region")) if source == REPO else copy_root(source, factory.mktemp("region"))
    if before:
        before(root)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Sopimus 1.0")
    git(root, "tag", "v1.0")
    change(root)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Muutos 1.1")
    out = factory.mktemp("out")
    ran = run_cli("amendment", "v1.0", "--root", root, "--out", out)
    assert ran.returncode == 0, ran.stdout + ran.stderr
    base = factory.mktemp("base") / "repo"
    subprocess.run(["git", "clone", "-q", str(root), str(base)], check=True)
    git(base, "checkout", "-q", "v1.0")
    built = {}
    for name, where in (("head", root), ("base", base)):
        target = factory.mktemp(name)
        ran = run_cli("docx", "--root", where, "--out", target)
        assert ran.returncode == 0, ran.stdout + ran.stderr
        built[name] = target
    return {"root": root, "base_root": base, "out": out, "head": built["head"], "base": built["base"]}

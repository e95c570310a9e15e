"""Revisions read from git: links and unknown revisions reported, never a crash; files read as
the objects committed, nothing from the revision run."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from helpers import MINIMAL, copy_root, run_cli

from cooperation.changes import gitrepo
from cooperation.changes.diff import diff_revisions, to_json, to_markdown
from cooperation.changes.history import load_history


def git(repo: Path, *args: str) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="Testi", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="Testi",
               GIT_COMMITTER_EMAIL="t@example.org", GIT_AUTHOR_DATE="2026-03-01T10:00:00+02:00",
               GIT_COMMITTER_DATE="2026-03-01T10:00:00+02:00")
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True, env=env).stdout.strip()


def data_repo(root: Path) -> Path:
    copy_root(MINIMAL, root)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Ensimmäinen luonnos")
    return root


@pytest.fixture
def linked(tmp_path) -> dict:
    """A repository where a later commit adds an absolute and an escaping relative link, and is tagged."""
    root = data_repo(tmp_path / "repo")
    base = git(root, "rev-parse", "HEAD")
    secret = tmp_path / "secret.yaml"
    secret.write_text("id: salaisuus\n", encoding="utf-8")
    os.symlink(str(secret), root / "subareas" / "absoluuttinen.yaml")
    os.symlink("../../secret.yaml", root / "subareas" / "karkaava.yaml")
    os.symlink("hyte.yaml", root / "subareas" / "sisainen.yaml")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Linkit (#5)")
    git(root, "tag", "-a", "v1.0", "-m", "Allekirjoitettu versio 1.0")
    return {"root": root, "base": base, "head": git(root, "rev-parse", "HEAD")}


def test_committed_links_are_skipped_and_reported_in_the_diff(linked):
    diff = diff_revisions(linked["root"], linked["base"], linked["head"])
    assert sorted(s.path for s in diff.skipped) == ["subareas/absoluuttinen.yaml", "subareas/karkaava.yaml",
                                                    "subareas/sisainen.yaml"]
    assert diff.change_class is None  # nothing was read through a link
    markdown = to_markdown(diff)
    assert "subareas/absoluuttinen.yaml" in markdown and "symbolinen linkki" in markdown
    assert {s["path"] for s in to_json(diff)["skipped"]} >= {"subareas/karkaava.yaml"}
    code, out, err = run_cli("diff", linked["base"], linked["head"], "--root", str(linked["root"]))
    assert code == 0, err
    assert "subareas/karkaava.yaml" in out and "salaisuus" not in out


def test_committed_links_do_not_block_the_history_or_a_tag(linked):
    history = load_history(linked["root"])
    assert history is not None
    from cooperation.changes.versions import Texts
    from cooperation.load.sources import load_sources
    texts = Texts(load_sources(linked["root"]))
    [version] = texts.signed()
    texts.close()
    assert version.name == "v1.0" and version.commit == linked["head"] and version.fingerprint
    assert {(s.commit, s.path) for s in history.skipped} >= {(linked["head"], "subareas/absoluuttinen.yaml")}


def test_export_never_writes_a_link(linked, tmp_path):
    skipped: list = []
    out = gitrepo.export(linked["root"], "", linked["head"], tmp_path / "export", skipped)
    written = [p for p in (tmp_path / "export").rglob("*")]
    assert written and not any(p.is_symlink() for p in written)
    assert (out / "subareas" / "hyte.yaml").is_file() and not (out / "subareas" / "karkaava.yaml").exists()
    assert {s.reason for s in skipped} == {"link"}


def test_revision_files_are_read_as_committed_no_filter_runs(tmp_path):
    """A revision's .gitattributes cannot make git run a filter or rewrite what the diff reads."""
    root = data_repo(tmp_path / "repo")
    base = git(root, "rev-parse", "HEAD")
    marker = tmp_path / "filter-ran"
    git(root, "config", "filter.probe.smudge", f"touch {marker}; cat")  # e.g. git-lfs on a CI runner
    (root / "subareas" / ".gitattributes").write_text("* filter=probe\n*.yaml export-subst\n", encoding="utf-8")
    path = root / "subareas" / "hyte.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# $Format:%H$\n", encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Attribuutit")
    skipped: list = []
    out = gitrepo.export(root, "", "HEAD", tmp_path / "export", skipped)
    assert not marker.exists()
    assert (out / "subareas" / "hyte.yaml").read_bytes() == git(root, "show", "HEAD:subareas/hyte.yaml").encode() + b"\n"
    assert diff_revisions(root, base, "HEAD").change_class is None and not marker.exists()


def test_unknown_revision_is_named_plainly(tmp_path):
    root = data_repo(tmp_path / "repo")
    code, out, err = run_cli("diff", "ei-tallaista", "--root", str(root))
    assert code == 2 and out == ""
    assert "revisiota ”ei-tallaista” ei löydy" in err and "rev-parse" not in err
    code, _, err = run_cli("diff", "--root", str(root), "--", "--output=x")
    assert code == 2 and "ei löydy" in err and not (root / "x").exists()


def test_one_commit_repository_has_no_previous_revision(tmp_path):
    root = data_repo(tmp_path / "repo")
    code, _, err = run_cli("diff", "HEAD~1", "--root", str(root))
    assert code == 2 and "revisiota ”HEAD~1” ei löydy" in err and "rev-parse" not in err


def test_shallow_clone_says_to_fetch_more_history(tmp_path):
    origin = data_repo(tmp_path / "origin")
    (origin / "measurements" / "values.csv").open("a", encoding="utf-8").write("HYTE-1-M1,region,2026,16,\n")
    git(origin, "commit", "-q", "-am", "Mittari")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{origin}", str(clone)], check=True)
    code, _, err = run_cli("diff", "HEAD~1", "--root", str(clone))
    assert code == 2 and "HEAD~1" in err and "git fetch --unshallow" in err and "rev-parse" not in err


def test_data_outside_a_git_repository_is_a_usage_error(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "plain")
    code, _, err = run_cli("diff", "HEAD", "--root", str(root))
    assert code == 2 and "git" in err and "fatal" not in err


def test_a_name_this_file_system_cannot_hold_is_reported(tmp_path):
    root = data_repo(tmp_path / "repo")
    blob = git(root, "hash-object", "-w", "subareas/hyte.yaml")
    long = "subareas/" + "a" * 300 + ".yaml"
    git(root, "update-index", "--add", "--cacheinfo", f"100644,{blob},{long}")
    git(root, "commit", "-q", "-m", "Pitkä nimi")
    code, out, err = run_cli("diff", "HEAD~1", "HEAD", "--root", str(root))
    assert code == 0, err
    assert long in out and "nimi ei kelpaa tiedostonimeksi" in out

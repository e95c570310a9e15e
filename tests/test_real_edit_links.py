"""Edit links point at the data's own repository: REPOSITORY_URL, else GitHub Actions' environment, else the git
remote (never with a token in it); with none, no edit links and `build.py site` says so."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from helpers import TESTS, copy_root, run_cli
from test_site import Page

from cooperation.changes.gitrepo import repository_url, web_url

# its subject is not Word's layout or the PDF: built without LibreOffice (conftest.py)
pytestmark = pytest.mark.usefixtures("libreoffice_off")

SWEDISH_ONLY = TESTS / "fixtures" / "swedish_only"


@pytest.mark.parametrize("remote, url", [
    ("git@github.com:alue/sopimus.git", "https://github.com/alue/sopimus"),
    ("https://x-access-token:ghs_secret@github.com/alue/sopimus.git", "https://github.com/alue/sopimus"),
    ("ssh://git@gitlab.example.org:2222/alue/sopimus.git", "https://gitlab.example.org/alue/sopimus"),
    ("https://github.com/alue/sopimus/", "https://github.com/alue/sopimus"),
    ("/srv/git/sopimus.git", None),
    ("file:///srv/git/sopimus.git", None),
])
def test_a_remote_as_a_web_address(remote, url):
    assert web_url(remote) == url


def test_github_actions_environment_names_the_repository(tmp_path):
    env = {"GITHUB_SERVER_URL": "https://github.example.org", "GITHUB_REPOSITORY": "alue/sopimus"}
    assert repository_url(tmp_path, env) == "https://github.example.org/alue/sopimus"


def _repo(tmp_path: Path, remote: str | None) -> Path:
    root = copy_root(SWEDISH_ONLY, tmp_path / "data")
    subprocess.run(["git", "-C", str(root), "init", "-q", "-b", "main"], check=True)
    if remote:
        subprocess.run(["git", "-C", str(root), "remote", "add", "origin", remote], check=True)
    return root


def _links(site: Path) -> list[str]:
    return [link for path in site.rglob("*.html") for link in Page(path.read_text(encoding="utf-8")).links]


@pytest.fixture
def no_repository_env(monkeypatch):
    for name in ("REPOSITORY_URL", "GITHUB_REPOSITORY", "GITHUB_SERVER_URL"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.slow
def test_edit_links_follow_the_git_remote(tmp_path, no_repository_env):
    root = _repo(tmp_path, "https://x-access-token:ghs_secret@github.com/alue/sopimus.git")
    done = run_cli("site", "--root", root, "--out", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    links = _links(tmp_path / "out" / "site")
    assert "https://github.com/alue/sopimus/edit/main/subareas/valfard.yaml" in links
    assert not any("ghs_secret" in link or "rannikkoseutu" in link for link in links)
    assert "muokkauslinkkejä" not in done.stderr and "redigeringslänkar" not in done.stderr


def test_without_a_remote_there_are_no_edit_links_and_the_build_says_so(tmp_path, no_repository_env):
    root = _repo(tmp_path, None)
    done = run_cli("site", "--root", root, "--out", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert not any("/edit/" in link or "rannikkoseutu" in link for link in _links(tmp_path / "out" / "site"))
    # said in the region's first language (Swedish here: issue 25.7)
    assert ("Sidorna har inga redigeringslänkar: uppgifternas git-förråd har inget fjärrförråd (git remote), och "
            "varken REPOSITORY_URL eller GITHUB_REPOSITORY är satt.") in done.stderr


def test_a_remote_that_is_a_folder_gives_no_edit_links_and_the_build_says_why(tmp_path, no_repository_env):
    """A clone of a folder (origin /srv/git/sopimus) has a remote, but no web address to edit at: said as it is."""
    root = _repo(tmp_path, str(tmp_path / "elsewhere"))
    done = run_cli("site", "--root", root, "--out", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert not any("/edit/" in link for link in _links(tmp_path / "out" / "site"))
    assert ("Sidorna har inga redigeringslänkar: uppgifternas git-förråds fjärrförråd (git remote) är ingen webbadress "
            "(https:// eller git@), och varken REPOSITORY_URL eller GITHUB_REPOSITORY är satt.") in done.stderr
    assert "har inget fjärrförråd" not in done.stderr

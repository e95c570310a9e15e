"""No user name or token from an address the environment or git gives is published: REPOSITORY_URL (GitLab CI's
CI_REPOSITORY_URL has the form https://gitlab-ci-token:TOKEN@host/org/repo), SITE_URL, GITHUB_SERVER_URL and the
git remote are used without their user information. Every output is built with such addresses and every file's
bytes are searched (the parts of .docx and .xlsx unzipped, the PDF's text extracted)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from helpers import REPO, copy_example

from cooperation.changes.gitrepo import public_url, repository_url, web_url
from cooperation.libreoffice import SWITCH

# whole builds and real processes: left out of `make test-fast`
pytestmark = pytest.mark.slow

SECRETS = ("envuser-7q", "envtoken-9x", "siteuser-3k", "sitetoken-5m", "remoteuser-2p", "remotetoken-8w",
           "serveruser-4t", "servertoken-6z")


@pytest.mark.parametrize("address, public", [
    ("https://gitlab-ci-token:glcbt-64_abc@gitlab.example.org/alue/sopimus.git",
     "https://gitlab.example.org/alue/sopimus.git"),
    ("https://user:p@ss@host.example.org:8443/o/r", "https://host.example.org:8443/o/r"),  # '@' in the password
    ("https://token@github.com/o/r?private_token=x#frag", "https://github.com/o/r"),
    ("https://github.com/o/r/", "https://github.com/o/r/"),
    ("https://example.org/", "https://example.org/"),
    ("", ""),
    ("  ", ""),
    ("javascript:alert(1)", ""),  # not a web address at all
    ("git@github.com:o/r.git", ""),
])
def test_an_address_from_the_environment_loses_its_user_information(address, public):
    assert public_url(address) == public


@pytest.mark.parametrize("remote, url", [
    ("https://user:p@ss@github.com/alue/sopimus.git", "https://github.com/alue/sopimus"),
    ("ssh://git:tok@en@gitlab.example.org:2222/alue/sopimus.git", "https://gitlab.example.org/alue/sopimus"),
])
def test_a_remote_with_an_at_sign_in_its_password_gives_no_part_of_it(remote, url):
    assert web_url(remote) == url


def test_github_actions_server_address_loses_its_user_information(tmp_path):
    env = {"GITHUB_SERVER_URL": "https://serveruser-4t:servertoken-6z@github.example.org/",
           "GITHUB_REPOSITORY": "alue/sopimus"}
    assert repository_url(tmp_path, env) == "https://github.example.org/alue/sopimus"


def _repository(tmp_path: Path) -> Path:
    root = copy_example(tmp_path / "data")
    git = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q", "-b", "main"], check=True)
    subprocess.run([*git, "remote", "add", "origin",
                    "https://remoteuser-2p:remotetoken-8w@git.example.org/alue/sopimus.git"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "data"], check=True)
    subprocess.run([*git, "tag", "v1.0"], check=True)
    path = root / "subareas" / "hyte.yaml"  # an amendment to the signed text, not yet committed
    path.write_text(path.read_text(encoding="utf-8").replace("liikkuu vapaa-ajallaan.", "liikkuu vapaa-ajallaan yhä."),
                    encoding="utf-8")
    return root


def _contents(path: Path) -> list[tuple[str, bytes]]:
    """(where, bytes) of a file: each part of a zip package, the PDF's bytes and its extracted text."""
    data = path.read_bytes()
    found = [(str(path), data)]
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as package:
            found += [(f"{path}!{name}", package.read(name)) for name in package.namelist()]
    if path.suffix == ".pdf":
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True).stdout
        found.append((f"{path} (pdftotext)", text))
    return found


def _build(args: list[str], root: Path, out: Path, env: dict[str, str]) -> None:
    done = subprocess.run([sys.executable, str(REPO / "build.py"), *args, "--root", str(root), "--out", str(out)],
                          capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stderr
    for secret in SECRETS:
        assert secret not in done.stdout + done.stderr, (args, secret)


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext (poppler-utils) is not installed")
def test_no_token_in_any_output(tmp_path):
    root = _repository(tmp_path)
    out = tmp_path / "out"
    env = {**os.environ,
           "REPOSITORY_URL": "https://envuser-7q:envtoken-9x@git.example.org/alue/sopimus",
           "SITE_URL": "https://siteuser-3k:sitetoken-5m@alue.example.org/sopimus/",
           "SOURCE_DATE_EPOCH": "1796083200"}
    env.pop("GITHUB_REPOSITORY", None)
    for args in (["site"], ["docx"], ["export-xlsx"], ["report", "2026"]):
        _build(args, root, out, env)
    # the amendment package's documents without their page numbers: LibreOffice's layout of the older version adds
    # nothing of an address (the newer version's is the site's, laid out above)
    _build(["amendment", "v1.0"], root, out, {**env, SWITCH: "off"})
    if shutil.which("soffice") or shutil.which("libreoffice"):
        _build(["pdf"], root, out, env)
        assert list((out / "site" / "lataukset").glob("*.pdf")), "the site offers the PDF"
    # the remote's address is used when REPOSITORY_URL is not set; GitHub Actions' server address when it is there
    _build(["site"], root, tmp_path / "out-remote", {k: v for k, v in env.items() if k != "REPOSITORY_URL"})
    _build(["site"], root, tmp_path / "out-actions", {**{k: v for k, v in env.items() if k != "REPOSITORY_URL"},
                                                      "GITHUB_SERVER_URL": "https://serveruser-4t:servertoken-6z@gh.example.org",
                                                      "GITHUB_REPOSITORY": "alue/sopimus"})
    files = [p for folder in (out, tmp_path / "out-remote", tmp_path / "out-actions") for p in folder.rglob("*")
             if p.is_file()]
    assert len(files) > 100
    leaks = [(where, secret) for path in files for where, data in _contents(path) for secret in SECRETS
             if secret.encode() in data]
    assert not leaks, leaks[:10]
    # the addresses are still used, without their user information
    home = (out / "site" / "index.html").read_text(encoding="utf-8")
    assert "https://git.example.org/alue/sopimus/edit/main/" in home
    assert "https://alue.example.org/sopimus/" in (out / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert "https://git.example.org/alue/sopimus/edit/main/" in (tmp_path / "out-remote" / "site" / "index.html").read_text(
        encoding="utf-8")
    assert "https://gh.example.org/alue/sopimus/edit/main/" in (tmp_path / "out-actions" / "site" / "index.html").read_text(
        encoding="utf-8")

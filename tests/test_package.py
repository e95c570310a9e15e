"""The tool as a region gets it: the wheel built from this checkout, installed into a fresh virtual environment
outside the checkout (from the pinned wheels `make` keeps in .venv/wheels, no network), `init` for a new
two-language region from a parties CSV, then `validate`, `docx`, `site` and `export-xlsx` there, and a plain
`mkdocs build` with the installed plugin; the region's repository holds no program code."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import REPO

# whole builds and real processes: left out of `make test-fast`
pytestmark = pytest.mark.slow

WHEELS = REPO / ".venv" / "wheels"
# what a region's repository may hold: its data, its look, its workflows, the pinned tool, its README
REGION_FILES = ("agreement/", "subareas/", "measurements/", "overrides/", ".github/workflows/", "requirements.txt",
                "README.md", ".gitignore")
PROGRAM_SUFFIXES = (".py", ".pyc", ".sh", ".js", ".docx", ".json")
PARTIES = ("name,kind,business_id,name_sv\n"
           "Pohjanrannan hyvinvointialue,hyvinvointialue,9869879-2,Pohjanrannans välfärdsområde\n"
           "Alfan kunta,kunta,7309114-2,Alfa kommun\n"
           "Betan kaupunki,kaupunki,1707536-7,Beta stad\n"
           "Pohjanrannan liitto,maakunnan liitto,2345678-0,Pohjanrannans förbund\n")

TIMES: dict[str, float] = {}


def _clean_env(tmp: Path, venv: Path) -> dict[str, str]:
    """A shell of a coordinator's machine: the fresh environment first on PATH, nothing of this checkout's."""
    keep = {k: v for k, v in os.environ.items() if k in ("LANG", "LC_ALL", "TMPDIR", "SOURCE_DATE_EPOCH",
                                                          "YHTEISTYOSOPIMUS_CACHE", "PYPANDOC_PANDOC")}
    return {**keep, "PATH": f"{venv / 'bin'}:/usr/bin:/bin", "HOME": str(tmp / "home"), "NO_MKDOCS_2_WARNING": "1",
            "GIT_AUTHOR_NAME": "Koordinaattori", "GIT_AUTHOR_EMAIL": "k@example.org",
            "GIT_COMMITTER_NAME": "Koordinaattori", "GIT_COMMITTER_EMAIL": "k@example.org"}


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """(the fresh environment, the environment variables to run it with)."""
    tmp = tmp_path_factory.mktemp("package")
    (tmp / "home").mkdir()
    started = time.monotonic()
    source = tmp / "src"  # the files the release workflow builds from, not this checkout's folder (no build/ left here)
    source.mkdir()
    shutil.copy(REPO / "pyproject.toml", source)
    shutil.copy(REPO / "README.md", source)
    shutil.copytree(REPO / "cooperation", source / "cooperation", ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--disable-pip-version-check", "--no-deps",
                    "--no-build-isolation", "--no-index", "--wheel-dir", str(tmp / "dist"), str(source)],
                   check=True, capture_output=True, timeout=300)
    wheel = next((tmp / "dist").glob("yhteistyosopimus-*-py3-none-any.whl"))
    TIMES["wheel"] = time.monotonic() - started
    venv = tmp / "venv"
    # this pip installs into the new environment (--python): the same packages as the environment's own pip would,
    # without first putting a pip into it, and not compiled ahead (Python compiles what it imports): half the time
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, capture_output=True,
                   timeout=300)
    links = ["--no-index", "--find-links", str(WHEELS)] if WHEELS.is_dir() else []  # else PyPI (without `make`)
    done = subprocess.run([sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install", "--quiet",
                           "--disable-pip-version-check", "--no-compile", *links, str(wheel)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    TIMES["install"] = time.monotonic() - started - TIMES["wheel"]
    return venv, _clean_env(tmp, venv)


def _run(installed, cwd: Path, *args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    venv, env = installed
    return subprocess.run([str(venv / "bin" / "yhteistyosopimus"), *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=timeout)


def _files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*")
                  if p.is_file() and ".git" not in p.relative_to(root).parts[:1])


def test_a_new_region_from_the_installed_wheel(installed, tmp_path):
    venv, env = installed
    started = time.monotonic()
    # the tool and its files come from the fresh environment, not from this checkout
    where = subprocess.run([str(venv / "bin" / "python"), "-c", "import cooperation; print(cooperation.RESOURCES)"],
                           cwd=tmp_path, env=env, capture_output=True, text=True, check=True).stdout.strip()
    assert Path(where).is_relative_to(venv) and not Path(where).is_relative_to(REPO), where
    (tmp_path / "osapuolet.csv").write_text(PARTIES, encoding="utf-8")
    done = _run(installed, tmp_path, "init", "pohjanranta", "--id", "pohjanranta-2026",
                "--name", "Pohjanrannan strateginen yhteistyösopimus", "--name-sv", "Pohjanrannans strategiska samarbetsavtal",
                "--languages", "fi,sv", "--term", "2025-2029", "--parties", "osapuolet.csv")
    assert done.returncode == 0, done.stderr
    region = tmp_path / "pohjanranta"
    TIMES["init"] = time.monotonic() - started
    # one commit, nothing left over; the built site is there and ignored
    log = subprocess.run(["git", "log", "--format=%s"], cwd=region, capture_output=True, text=True, check=True).stdout
    assert log.count("\n") == 1 and "init" in log
    assert subprocess.run(["git", "status", "--porcelain"], cwd=region, capture_output=True, text=True).stdout == ""
    assert (region / "out" / "site" / "sv" / "index.html").is_file()
    # no program code: only the region's own files, none of them a program, and the tool pinned in one line
    committed = subprocess.run(["git", "ls-files"], cwd=region, capture_output=True, text=True, check=True).stdout.split()
    assert committed and all(name.startswith(REGION_FILES) for name in committed), committed
    assert not [name for name in committed if name.endswith(PROGRAM_SUFFIXES) or "cooperation" in name], committed
    assert not [name for name in committed if os.access(region / name, os.X_OK)]
    pins = [line for line in (region / "requirements.txt").read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    import cooperation
    assert pins == [f"yhteistyosopimus=={cooperation.__version__}"]
    assert "yhteistyosopimus validate" in (region / "README.md").read_text(encoding="utf-8")
    for name in ("pull-request.yml", "comment.yml", "pages.yml", "release.yml"):
        assert "pip install -r requirements.txt" in (region / ".github" / "workflows" / name).read_text(encoding="utf-8")

    out = tmp_path / "out"
    checked = _run(installed, region, "validate", "--strict")
    assert checked.returncode == 0 and "Ei ongelmia" in checked.stderr, checked.stdout + checked.stderr
    for command in (["docx"], ["site"], ["export-xlsx"]):
        done = _run(installed, region, *command, "--out", str(out))
        assert done.returncode == 0, (command, done.stderr)
    assert {p.name for p in out.glob("*.docx")} == {"pohjanranta-2026-fi.docx", "pohjanranta-2026-sv.docx"}
    assert {p.name for p in out.glob("*.xlsx")} == {"pohjanranta-2026-tyokirja.xlsx", "pohjanranta-2026-tyokirja-sv.xlsx"}
    home = (out / "site" / "index.html").read_text(encoding="utf-8")
    assert "Pohjanrannan strateginen yhteistyösopimus" in home and '<html lang="fi"' in home
    assert "Pohjanrannans strategiska samarbetsavtal" in (out / "site" / "sv" / "index.html").read_text(encoding="utf-8")
    assert (out / "site" / "ohje" / "index.html").is_file()  # the editor guide, package data
    assert (out / "site" / "lataukset" / "schema" / "agreement.schema.json").is_file()
    # a plain `mkdocs build` of the installed configuration finds the plugin through its entry point; the data is
    # the current folder's
    config = Path(where) / "site" / "mkdocs.yml"
    built = subprocess.run([str(venv / "bin" / "mkdocs"), "build", "-q", "-f", str(config), "-d", str(tmp_path / "plain")],
                           cwd=region, env=env, capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr
    assert "Pohjanrannan" in (tmp_path / "plain" / "index.html").read_text(encoding="utf-8")
    # …and never writes into the installed package
    refused = subprocess.run([str(venv / "bin" / "mkdocs"), "build", "-q", "-f", str(config)], cwd=region, env=env,
                             capture_output=True, text=True, timeout=600)
    assert refused.returncode != 0 and "asennuskansioon" in refused.stderr and not (config.parent / "site").exists()
    TIMES["commands"] = time.monotonic() - started - TIMES["init"]
    sys.stderr.write(f"\nwheel test: {', '.join(f'{k} {v:.1f} s' for k, v in TIMES.items())}\n")


def test_the_packages_dependencies_are_the_pinned_ones():
    """A region installs what pyproject.toml names; this repository's requirements.in pins the same versions."""
    import tomllib
    dependencies = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    pinned = {line.split("#")[0].strip() for line in (REPO / "requirements.in").read_text(encoding="utf-8").splitlines()}
    assert dependencies and [d for d in dependencies if d not in pinned] == []

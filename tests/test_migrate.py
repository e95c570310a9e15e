"""The data format's version (cooperation/load/formats.py): `migrate` upgrades a fixture of the previous format in
place (comments, order and quoting kept) and the result validates clean; data already current changes nothing; an
older format is read upgraded and said so; a newer one stops, naming the version to install; git history written in
the previous format reads as today's."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from helpers import REPO, TESTS, copy_example, copy_root, run_cli

from cooperation import __version__
from cooperation.load import formats

# the previous format's fixture (now: the minimal fixture as written before the format had a version); a new format
# comes with its step in formats.STEPS and tests/fixtures/format<N-1> written in the format before it
PREVIOUS = TESTS / "fixtures" / f"format{formats.FORMAT - 1}"


def texts(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8") for p in sorted(root.rglob("*")) if p.is_file()}


def test_every_format_has_its_step_and_the_previous_format_has_a_fixture():
    import yaml
    assert formats.FORMAT == formats.STEPS[-1].to and formats.format_of({}) == formats.FIRST
    data = yaml.safe_load((PREVIOUS / "agreement" / "agreement.yaml").read_text(encoding="utf-8"))
    assert formats.format_of(data) == formats.FORMAT - 1
    # this repository's data and fixtures are in today's format (the example region is what `init` is measured by)
    for root in [REPO, *(p.parent.parent for p in (TESTS / "fixtures").glob("*/agreement/agreement.yaml"))]:
        if root != PREVIOUS:
            data = yaml.safe_load((root / "agreement" / "agreement.yaml").read_text(encoding="utf-8"))
            assert formats.format_of(data) == formats.FORMAT, root


def test_migrate_upgrades_a_fixture_of_the_previous_format_which_then_validates_clean(tmp_path):
    root = copy_root(PREVIOUS, tmp_path / "region")
    before = texts(root)
    done = run_cli("migrate", "--root", root)
    assert done.returncode == 0, done.stderr
    assert "agreement/agreement.yaml: lisätty tietomuodon versio (format: 2)" in done.stderr  # what it changed
    after = texts(root)
    assert [name for name in after if after[name] != before[name]] == ["agreement/agreement.yaml"]
    assert after["agreement/agreement.yaml"] == "format: 2\n" + before["agreement/agreement.yaml"]
    checked = run_cli("validate", "--root", root, "--strict")
    assert checked.returncode == 0 and checked.stdout == "" and "Ei ongelmia" in checked.stderr, checked
    # current data: nothing changed, and said so
    again = run_cli("migrate", "--root", root)
    assert again.returncode == 0 and "mitään ei muutettu" in again.stderr and texts(root) == after


def test_migrate_keeps_comments_order_quoting_and_folded_lines(tmp_path):
    """The example region written in the previous format (its `format` line taken out) migrates back to exactly
    the file it is: every comment, the key order, the quotes and the texts folded over lines as they were."""
    root = copy_example(tmp_path / "example")
    path = root / "agreement" / "agreement.yaml"
    current = path.read_text(encoding="utf-8")
    assert current.count("\nformat: 2\n") == 1
    path.write_text(current.replace("\nformat: 2\n", "\n"), encoding="utf-8")
    done = run_cli("migrate", "--root", root)
    assert done.returncode == 0, done.stderr
    assert path.read_text(encoding="utf-8") == current


def test_older_data_is_read_upgraded_and_the_check_says_to_migrate(tmp_path):
    root = copy_root(PREVIOUS, tmp_path / "region")
    done = run_cli("validate", "--root", root)
    assert done.returncode == 0  # a warning: the commands still work on it…
    assert done.stdout == ("agreement/agreement.yaml:1:1: varoitus: tiedot ovat tietomuodossa 1, tämä työkalu "
                           f"(yhteistyosopimus {__version__}) kirjoittaa muotoa 2: päivitä tiedot komennolla "
                           "”yhteistyosopimus migrate” (muutokset: tietomuodon versio kenttään format); siihen asti "
                           "tiedot luetaan muunnettuina\n")
    assert run_cli("validate", "--root", root, "--strict").returncode == 1  # …and the pull-request check fails
    from cooperation.check import check
    from cooperation.load.sources import load_sources
    assert [p.code for p in check(load_sources(root)).problems] == ["format_older"]
    swedish = run_cli("validate", "--root", root, "--lang", "sv").stdout
    assert "dataformat 1" in swedish and "yhteistyosopimus migrate" in swedish
    upgraded = copy_root(PREVIOUS, tmp_path / "upgraded")
    assert run_cli("migrate", "--root", upgraded).returncode == 0
    assert run_cli("fingerprint", "--root", root).stdout == run_cli("fingerprint", "--root", upgraded).stdout


def test_a_newer_format_stops_naming_the_version_to_install(tmp_path):
    root = copy_root(PREVIOUS, tmp_path / "region")
    assert run_cli("migrate", "--root", root).returncode == 0
    path = root / "agreement" / "agreement.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("format: 2", "format: 3\nnew_field: x"), encoding="utf-8")
    (root / "requirements.txt").write_text("# pinned\nyhteistyosopimus==9.1.0\n", encoding="utf-8")
    done = run_cli("validate", "--root", root)
    assert done.returncode == 1
    # one problem: nothing else of the newer data is judged by this tool's rules
    assert done.stdout == (f"agreement/agreement.yaml:1:1: virhe: tiedot ovat tietomuodossa 3, mutta tämä työkalu "
                           f"(yhteistyosopimus {__version__}) lukee enintään muotoa 2; tietoja ei luettu pidemmälle: "
                           "asenna yhteistyosopimus 9.1.0, jonka repositorion requirements.txt nimeää: "
                           "pip install -r requirements.txt\n")
    assert run_cli("docx", "--root", root, "--out", tmp_path / "out").returncode == 1
    from cooperation.check import check
    from cooperation.load.sources import load_sources
    assert [p.code for p in check(load_sources(root)).problems] == ["format_newer"]
    before = texts(root)
    refused = run_cli("migrate", "--root", root)
    assert refused.returncode == 2 and "9.1.0" in refused.stderr and texts(root) == before
    (root / "requirements.txt").unlink()  # no pin: the newest release that reads it
    assert "uudempi versio, joka lukee tietomuotoa 3" in run_cli("validate", "--root", root).stdout


def test_history_written_in_the_previous_format_reads_as_todays(tmp_path):
    """A text committed before the format had a version and the same text migrated: the diff sees no change to
    the agreement and both have one fingerprint (decisions name texts by their fingerprints)."""
    root = copy_root(PREVIOUS, tmp_path / "region")
    env = dict(os.environ, GIT_AUTHOR_NAME="T", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="T",
               GIT_COMMITTER_EMAIL="t@example.org")

    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True, text=True).stdout
    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-q", "-m", "previous format")
    assert run_cli("migrate", "--root", root).returncode == 0
    git("commit", "-q", "-am", "migrated")
    done = run_cli("diff", "HEAD~1", "HEAD", "--root", root, "--format", "json")
    assert done.returncode == 0, done.stderr
    diff = json.loads(done.stdout)
    assert diff["items"] == [] and diff["fingerprint"]["old"] == diff["fingerprint"]["new"], diff


def test_migrate_refuses_what_the_loader_refuses_and_writes_nothing(tmp_path):
    root = copy_root(PREVIOUS, tmp_path / "region")
    (root / "subareas" / "hyte.yaml").write_text("id: hyte\nid: twice\n", encoding="utf-8")
    before = texts(root)
    done = run_cli("migrate", "--root", root)
    assert done.returncode == 1 and "mitään ei muutettu" in done.stderr and texts(root) == before
    shutil.rmtree(root / "agreement")
    assert run_cli("migrate", "--root", root).returncode == 2


def test_the_pull_request_check_tells_when_the_data_needs_a_migration(tmp_path):
    """A region's pull request bumping the pinned version over older data: its check (validate --format github
    --strict, as the region's workflow runs it) fails with an annotation on agreement.yaml telling to migrate."""
    import yaml
    workflow = yaml.safe_load((REPO / "cooperation" / "resources" / "region" / "workflows" / "pull-request.yml")
                              .read_text(encoding="utf-8"))
    step = next(s for s in workflow["jobs"]["check"]["steps"] if s.get("name") == "Validate")
    assert step["run"] == "yhteistyosopimus validate --format github --strict"
    root = copy_root(PREVIOUS, tmp_path / "region")
    done = run_cli(*step["run"].split()[1:], "--root", root)
    assert done.returncode == 1
    assert done.stdout.startswith("::warning file=agreement/agreement.yaml,line=1,col=1,") and "migrate" in done.stdout


def test_the_pinned_version_is_read_from_either_form_of_the_line(tmp_path):
    (tmp_path / "requirements.txt").write_text("# työkalu\nyhteistyosopimus == 0.3.1  # päivitetty\n", encoding="utf-8")
    assert formats.pinned_version(tmp_path) == "0.3.1"
    (tmp_path / "requirements.txt").write_text(
        "yhteistyosopimus @ https://example.org/releases/download/yhteistyosopimus-0.4.0/"
        "yhteistyosopimus-0.4.0-py3-none-any.whl\n", encoding="utf-8")
    assert formats.pinned_version(tmp_path) == "0.4.0"
    (tmp_path / "requirements.txt").write_text("mkdocs==1.6.1\n", encoding="utf-8")
    assert formats.pinned_version(tmp_path) is None

"""The validate command as a user runs it: exit codes, the three formats; in process, and a few real
processes to show that build.py passes the exit code on."""
import json
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import MINIMAL, REPO, copy_root, run_cli


def process(*args, cwd=REPO) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(REPO / "build.py"), *map(str, args)],
                          cwd=cwd, capture_output=True, text=True, timeout=120)


@pytest.mark.slow
def test_a_real_process_exits_0_1_and_2(tmp_path):
    clean = process("validate", "--strict")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert clean.stdout == "" and "Ei ongelmia." in clean.stderr
    broken = process("validate", "--root", _broken(tmp_path), cwd=tmp_path)
    assert broken.returncode == 1 and broken.stdout.startswith("subareas/hyte.yaml:20:17: virhe:")
    usage = process("frobnicate")
    assert usage.returncode == 2 and "virhe:" in usage.stderr and "Traceback" not in usage.stderr
    helped = process("--help")
    assert helped.returncode == 0 and "validate" in helped.stdout


def test_example_region_validates_clean_even_strict():
    done = run_cli("validate", "--strict")
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == ""
    assert "Ei ongelmia." in done.stderr


def _broken(tmp_path: Path) -> Path:
    root = copy_root(MINIMAL, tmp_path / "root")
    path = root / "subareas" / "hyte.yaml"
    path.write_text(path.read_text().replace("status: ongoing", "status: kesken"))
    return root


def test_errors_exit_1_with_file_line_column(tmp_path):
    done = run_cli("validate", "--root", _broken(tmp_path))
    assert done.returncode == 1
    assert done.stdout.startswith("subareas/hyte.yaml:20:17: virhe: Toimenpide HYTE-1-T1, kenttä ”Tila” (status):")
    assert "1 virhe, 0 varoitusta." in done.stderr
    assert "Traceback" not in done.stderr


def test_warnings_exit_0_unless_strict(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "root")
    (root / "subareas" / "tilat.yaml").unlink()
    assert run_cli("validate", "--root", root).returncode == 0
    strict = run_cli("validate", "--root", root, "--strict")
    assert strict.returncode == 1
    assert ": varoitus: " in strict.stdout


def test_github_annotations(tmp_path):
    done = run_cli("validate", "--root", _broken(tmp_path), "--format", "github")
    assert done.returncode == 1
    line = done.stdout.splitlines()[0]
    assert line.startswith("::error file=subareas/hyte.yaml,line=20,col=17,title=Sopimuksen tarkistus::Toimenpide HYTE-1-T1")


def test_json_report_in_english(tmp_path):
    done = run_cli("validate", "--root", _broken(tmp_path), "--format", "json", "--lang", "en")
    assert done.returncode == 1
    problems = json.loads(done.stdout)
    assert problems == [{
        "severity": "error", "code": "enum", "file": "subareas/hyte.yaml", "line": 20, "column": 17,
        "item": {"kind": "action", "id": "HYTE-1-T1"}, "field": "status",
        "message": problems[0]["message"],
    }]
    assert problems[0]["message"].startswith('Action HYTE-1-T1, field "Status" (status): value "kesken" is not allowed')


def test_json_report_of_clean_data_is_an_empty_list():
    done = run_cli("validate", "--format", "json")
    assert done.returncode == 0 and json.loads(done.stdout) == []


def test_usage_errors_exit_2(tmp_path):
    assert run_cli("validate", "--format", "xml").returncode == 2
    assert run_cli("frobnicate").returncode == 2
    assert run_cli().returncode == 2
    assert run_cli("validate", "--help").returncode == 0
    missing = run_cli("validate", "--root", tmp_path / "nowhere")
    assert missing.returncode == 2 and "Traceback" not in missing.stderr


def test_runs_from_another_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    done = run_cli("validate", "--root", copy_root(MINIMAL, tmp_path / "root"))
    assert done.returncode == 0, done.stdout + done.stderr


def _with_handles(tmp_path: Path, handle: str) -> Path:
    import yaml
    root = copy_root(MINIMAL, tmp_path / "root")
    (root / ".github").mkdir()
    path = root / "subareas" / "hyte.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["responsible_persons"][0]["github"] = handle
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return root


def test_codeowners_refuses_data_that_validate_rejects(tmp_path):
    root = _with_handles(tmp_path, "hyte-vastaava\n* @attacker")
    assert run_cli("validate", "--root", root).returncode == 1
    done = run_cli("codeowners", "--root", root)
    assert done.returncode == 1, done.stderr
    assert "subareas/hyte.yaml:" in done.stdout + done.stderr and "virhe" in done.stdout + done.stderr
    assert not (root / ".github" / "CODEOWNERS").exists()


def test_codeowners_writes_when_only_the_file_itself_is_missing(tmp_path):
    root = _with_handles(tmp_path, "hyte-vastaava")
    assert run_cli("validate", "--root", root).returncode == 1  # CODEOWNERS missing: what the command fixes
    done = run_cli("codeowners", "--root", root)
    assert done.returncode == 0, done.stderr
    assert "@hyte-vastaava" in (root / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert run_cli("validate", "--root", root).returncode == 0


def test_codeowners_does_not_write_through_a_link_out_of_the_data(tmp_path):
    root = _with_handles(tmp_path, "hyte-vastaava")
    (root / ".github").rmdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (root / ".github").symlink_to(elsewhere, target_is_directory=True)
    done = run_cli("codeowners", "--root", root)
    assert done.returncode == 2 and "linkki" in done.stderr, done.stderr
    assert list(elsewhere.iterdir()) == []


def test_each_run_loads_the_data_afresh_as_a_new_process_would(tmp_path):
    """run_cli forgets the model an earlier run loaded: the loader's cache key covers the data files,
    not the CODEOWNERS file that validate's post-check reads."""
    root = _with_handles(tmp_path, "hyte-vastaava")
    assert run_cli("codeowners", "--root", root).returncode == 0
    assert run_cli("fingerprint", "--root", root).returncode == 0
    (root / ".github" / "CODEOWNERS").unlink()
    done = run_cli("fingerprint", "--root", root)
    assert done.returncode == 1 and "CODEOWNERS" in done.stderr, done.stderr


def test_missing_template_is_a_usage_error(tmp_path):
    done = run_cli("docx", "--root", copy_root(MINIMAL, tmp_path / "root"), "--out", tmp_path / "out",
               "--template", tmp_path / "ei-ole.docx")
    assert done.returncode == 2 and "mallipohjaa" in done.stderr and "sisäinen virhe" not in done.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("agreement, lang", [
    ("languages: [sv, fi]\n", "sv"),
    ("languages: [fi, sv]\n", "fi"),
    ("languages: [en]\n", "fi"),
    ("languages: sv\n", "fi"),
    ("- sv\n", "fi"),
    ("languages: [sv\n", "fi"),  # not YAML
    ("languages: [sv]\nx: " + "[" * 5000 + "]" * 5000 + "\n", "fi"),  # nested past what any parser should recurse
    (b"languages: [sv]\n\xff", "fi"),  # not UTF-8
    (None, "fi"),  # no file
    ("link", "fi"),  # a link to a Swedish agreement elsewhere
], ids=["sv first", "fi first", "another language", "not a list", "not a mapping", "not YAML", "nested 5,000 deep",
        "not UTF-8", "no file", "a link"])
def test_messages_are_in_the_agreement_s_first_language_read_leniently(tmp_path, agreement, lang):
    """The language a command speaks before the data is checked: agreement.yaml's first language, else Finnish,
    read as every data file is (no link followed, nothing recursed, nothing but a regular file)."""
    from cooperation.cli import region_language
    folder = tmp_path / "agreement"
    folder.mkdir()
    path = folder / "agreement.yaml"
    if agreement == "link":
        (tmp_path / "elsewhere.yaml").write_text("languages: [sv]\n", encoding="utf-8")
        path.symlink_to(tmp_path / "elsewhere.yaml")
    elif isinstance(agreement, bytes):
        path.write_bytes(agreement)
    elif agreement is not None:
        path.write_text(agreement, encoding="utf-8")
    assert region_language(tmp_path) == lang


def test_messages_of_a_swedish_first_region_are_swedish(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "root")
    path = root / "agreement" / "agreement.yaml"
    text = path.read_text(encoding="utf-8")
    assert "languages: [fi]" in text
    path.write_text(text.replace("languages: [fi]", "languages: [sv]"), encoding="utf-8")
    (root / "subareas" / "hyte.yaml").write_text("goals: [\n", encoding="utf-8")
    done = run_cli("validate", "--root", root)
    assert done.returncode == 1
    assert "fel" in (done.stdout + done.stderr).lower() and "virhe" not in (done.stdout + done.stderr).lower()

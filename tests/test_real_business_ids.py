"""Business IDs as published texts write them: a look-alike of the hyphen is named by its Unicode name, read as
the hyphen everywhere (fingerprint, diff, every output, open data too), and an unknown ID is said, never invented."""
from __future__ import annotations

import io
import json
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document
from helpers import MINIMAL, copy_root, run_cli
from openpyxl import load_workbook

from cooperation.outputs import BY_NAME
from cooperation.outputs.site.pages import Site
from cooperation.pipeline import load_all

LOOKALIKES = [("\u2013", "U+2013 EN DASH"), ("\u2014", "U+2014 EM DASH"), ("\u2212", "U+2212 MINUS SIGN"),
              ("\u2011", "U+2011 NON-BREAKING HYPHEN"), ("\u2012", "U+2012 FIGURE DASH"), ("\u00ad", "U+00AD SOFT HYPHEN")]


def _edit(root: Path, old: str, new: str) -> None:
    path = root / "agreement" / "parties.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _fingerprint(root: Path) -> str:
    done = run_cli("fingerprint", "--root", root)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout.strip()


@pytest.mark.parametrize("char, name", LOOKALIKES)
def test_a_lookalike_is_named_read_as_the_hyphen_and_not_content(tmp_path, char, name):
    root = copy_root(MINIMAL, tmp_path / "data")
    hyphen = _fingerprint(root)
    _edit(root, "business_id: 9869879-2", f"business_id: 9869879{char}2")
    done = run_cli("validate", "--root", root)
    assert done.returncode == 0, done.stdout
    assert (f"agreement/parties.yaml:5:18: varoitus: Osapuoli hva, kenttä ”Y-tunnus” (business_id): Y-tunnuksessa "
            f"”9869879{char}2” on yhdysmerkin (-) paikalla merkki {name}; se luetaan muodossa 9869879-2: "
            f"kirjoita 9869879-2") in done.stdout
    assert f"merkki {name}" in done.stdout and f"character {name}" in run_cli("validate", "--root", root, "--lang", "en").stdout
    assert _fingerprint(root) == hyphen


def _git(root: Path, *args: str) -> str:
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "HOME": str(root), "PATH": "/usr/bin:/bin"}
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, text=True, env=env).stdout.strip()


def test_fixing_the_dash_is_not_an_amendment_and_open_data_prints_the_hyphen(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "data")
    _edit(root, "business_id: 9869879-2", "business_id: 9869879\u20132")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "en dash")
    model, sources, _ = load_all(root)
    bundle = json.loads(BY_NAME["json"].render(model, sources, "fi"))
    assert bundle["parties"][0]["business_id"] == "9869879-2"
    assert "\u2013" not in json.dumps(bundle["parties"], ensure_ascii=False)
    _edit(root, "business_id: 9869879\u20132", "business_id: 9869879-2")
    done = run_cli("diff", "HEAD", "--root", root, "--format", "json")
    assert done.returncode == 0, done.stderr
    diff = json.loads(done.stdout)
    assert diff["items"] == [] and diff["class"] is None and diff["fingerprint"]["changes"] is False


@pytest.mark.slow
def test_an_unknown_business_id_is_a_dash_everywhere(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "data")
    _edit(root, "    business_id: 1707536-7\n", "    business_id_unknown: true\n")
    done = run_cli("validate", "--root", root)
    assert done.returncode == 0
    assert ("agreement/parties.yaml:21:26: varoitus: Osapuoli beta, kenttä ”Y-tunnus ei tiedossa” (business_id_unknown): "
            "Y-tunnusta ei tiedetä; asiakirjoissa sen paikalla näkyy viiva (—)") in done.stdout
    codes = [p["code"] for p in json.loads(run_cli("validate", "--root", root, "--format", "json").stdout)]
    assert codes.count("business_id_unknown") == 1
    out = tmp_path / "out"
    assert run_cli("docx", "--root", root, "--out", out).returncode == 0
    text = "\n".join(p.text for p in Document(str(out / "testi-2026-fi.docx")).paragraphs)
    assert "Betan kunta (Y-tunnus\u00a0—)" in text and "None" not in text
    cover = zipfile.ZipFile(out / "testi-2026-fi.docx").read("word/document.xml").decode()
    assert "3.\u00a0Betan kunta (—)" in cover
    assert run_cli("export-xlsx", "--root", root, "--out", out).returncode == 0
    rows = list(load_workbook(out / "testi-2026-tyokirja.xlsx", read_only=True)["Osapuolet"].iter_rows(values_only=True))
    assert [3, "Betan kunta", "kunta", "—", "beta"] in [list(r) for r in rows]
    model, sources, _ = load_all(root)
    assert "business_id" not in json.loads(BY_NAME["json"].render(model, sources, "fi"))["parties"][2]
    page = io.StringIO()
    for generated in Site(model, "fi").build().values():  # the site's pages, as the MkDocs hook receives them
        text, blocks = generated.markdown()
        page.write(text + "".join(blocks.values() if isinstance(blocks, dict) else blocks))
    assert "Y-tunnus —" in page.getvalue() and "None" not in page.getvalue()


def test_a_business_id_is_given_or_said_unknown_not_both(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "data")
    _edit(root, "    business_id: 1707536-7\n", "")
    done = run_cli("validate", "--root", root)
    assert done.returncode == 1
    assert [p["code"] for p in json.loads(run_cli("validate", "--root", root, "--format", "json").stdout)] == \
        ["business_id_missing"]
    assert "Osapuoli beta, kenttä ”Y-tunnus” (business_id): Y-tunnus puuttuu: kirjoita se (business_id: 1234567-8), " \
           "tai jos sitä ei tiedetä, business_id_unknown: true" in done.stdout
    _edit(root, "    kind: county\n", "    kind: county\n    business_id_unknown: true\n")
    done = run_cli("validate", "--root", root)
    assert "Osapuoli hva, kenttä ”Y-tunnus ei tiedossa” (business_id_unknown): sekä Y-tunnus että " \
           "business_id_unknown: true on annettu; poista toinen" in done.stdout
    codes = [p["code"] for p in json.loads(run_cli("validate", "--root", root, "--format", "json").stdout)]
    assert sorted(codes) == ["business_id_both", "business_id_missing"]  # hva says both, beta neither

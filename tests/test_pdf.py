"""The PDF agreement: `build.py pdf` converts the Word documents with LibreOffice, one per language,
read back with poppler's pdftotext and pdfinfo."""
import os
import re
import shutil
import subprocess

import pytest
from helpers import REPO, run_cli

from cooperation.outputs import pdf as P
from cooperation.outputs import render_site_files
from cooperation.pipeline import load, load_all


def require_libreoffice() -> None:
    if P.soffice() is None or shutil.which("pdftotext") is None:
        if os.environ.get("REQUIRE_LIBREOFFICE"):
            pytest.fail("LibreOffice and poppler are required here: apt-get install libreoffice-writer-nogui poppler-utils")
        pytest.skip("LibreOffice or poppler not installed (apt-get install libreoffice-writer-nogui poppler-utils)")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    require_libreoffice()
    model, _ = load(REPO)
    outs = []
    for run in ("first", "second"):
        out = tmp_path_factory.mktemp(f"pdf-{run}")
        done = run_cli("pdf", "--root", REPO, "--out", out)
        assert done.returncode == 0, done.stderr
        outs.append(out)
    return model, outs


def info(path) -> dict[str, str]:
    text = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return dict(re.findall(r"^([A-Za-z ]+):\s*(.*)$", text, re.M))


def text(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def words(value: str) -> str:
    return " ".join(value.split())


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_a_pdf_per_language_with_its_title_goals_and_fingerprint(built, lang):
    model, (out, _) = built
    path = out / f"{model.id}-{lang}.pdf"
    assert path.read_bytes().startswith(b"%PDF-")
    found = words(text(path))
    assert words(model.title.get(lang)) in found
    goal = model.subareas[0].goals[0]
    assert words(goal.title.get(lang)) in found and goal.id in found
    meta = info(path)
    assert meta["Title"] == model.title.get(lang)
    assert model.fingerprint in meta["Keywords"]
    assert int(meta["Pages"]) > 1
    # the version date, not the time of the build
    assert meta["CreationDate"].split()[1:3] == [model.version_date.strftime("%b"), str(model.version_date.day)]


def test_the_same_agreement_gives_the_same_pdf_bytes(built):
    model, (first, second) = built
    for lang in model.languages:
        name = f"{model.id}-{lang}.pdf"
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_without_libreoffice_the_command_says_so_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    done = run_cli("pdf", "--root", REPO, "--out", tmp_path / "out")
    assert done.returncode == 2
    assert "LibreOffice puuttuu" in done.stderr and "build.py docx" in done.stderr
    assert not (tmp_path / "out").exists()


def test_without_libreoffice_the_site_leaves_the_pdf_out_with_a_note(monkeypatch):
    model, sources, _ = load_all(REPO)
    monkeypatch.setattr(P, "soffice", lambda: None)
    notes: list[str] = []
    files = render_site_files(model, sources, notes)
    assert [f.output.name for f in files if f.output.name == "pdf"] == []
    assert {f.output.name for f in files} >= {"docx", "xlsx"}
    assert notes == [P.missing_message()]

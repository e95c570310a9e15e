"""A Swedish-first region works in Swedish by default (issue 25.7): the command line's lines and problems, the comment
files of import-xlsx and the names of the files written are Swedish unless --lang says otherwise; no Finnish word in
what the commands say."""
from __future__ import annotations

import re

import pytest
from helpers import TESTS, copy_root, run_cli
from openpyxl import load_workbook
from test_site_languages import FINNISH

# what the commands say and the files' names are the subject, not Word's layout (test_word_pages.py)
pytestmark = pytest.mark.usefixtures("libreoffice_off")

SWEDISH_FIRST = TESTS / "fixtures" / "swedish_first"


def _finnish(text: str) -> list[str]:
    words = re.findall(r"[a-zåäöA-ZÅÄÖ]+", re.sub(r"\S*/\S*|\S+\.(?:xlsx|docx|md|json|yaml|csv)\b", " ", text))
    return [w for w in words if w.lower() in FINNISH]


def test_commands_speak_swedish_and_name_their_files_in_swedish(tmp_path):
    root = copy_root(SWEDISH_FIRST, tmp_path / "data")
    out = tmp_path / "out"
    said = []
    for command in (("validate",), ("docx",), ("export-xlsx",)):
        done = run_cli(*command, "--root", root, "--out", out)
        assert done.returncode == 0, done.stderr
        said.append(done.stdout + done.stderr)
    assert "Inga problem." in said[0]
    assert "Fingeravtryck (SHA-256)" in said[1] and f"Skrev {out / 'skargard-2026-sv.docx'}" in said[1]
    # the workbook in the first language carries the Swedish word, the other language's copy its suffix
    assert sorted(p.name for p in out.glob("*.xlsx")) == ["skargard-2026-arbetsbok-fi.xlsx", "skargard-2026-arbetsbok.xlsx"]
    # a comment in the Swedish workbook: the summary is Swedish and so named
    book = out / "skargard-2026-arbetsbok.xlsx"
    wb = load_workbook(book)
    sheet = wb.worksheets[0]
    head = [c.value for c in sheet[1]]
    column = head.index("Kommentarer") + 1
    sheet.cell(row=2, column=column, value="Vi stöder målet.")
    edited = tmp_path / "kommun.xlsx"
    wb.save(edited)
    done = run_cli("import-xlsx", str(edited), "--root", root, "--out", out)
    assert done.returncode == 0, done.stderr
    said.append(done.stdout + done.stderr)
    assert not (out / "kommentit.md").exists()
    summary = (out / "kommentarer.md").read_text(encoding="utf-8")
    assert summary.startswith("# Kommentarer från arbetsböckerna") and "Vi stöder målet." in summary
    assert (out / "kommentarer.json").is_file()
    assert "Kommentarer: " in said[-1]
    assert [(i, _finnish(text)) for i, text in enumerate(said) if _finnish(text)] == []
    # and a problem in the data is said in Swedish
    path = root / "agreement" / "agreement.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("scope: 2", 'scope: "2"'), encoding="utf-8")
    done = run_cli("docx", "--root", root, "--out", out)
    assert done.returncode == 1 and "fel:" in done.stderr and "Rätta felen först" in done.stderr
    assert _finnish(done.stderr) == []


def test_a_finnish_first_region_and_lang_keep_finnish(tmp_path):
    from helpers import MINIMAL
    root = copy_root(MINIMAL, tmp_path / "data")
    done = run_cli("export-xlsx", "--root", root, "--out", tmp_path / "out")
    assert done.returncode == 0 and "Kirjoitettu" in done.stderr
    assert [p.name for p in (tmp_path / "out").glob("*.xlsx")] == ["testi-2026-tyokirja.xlsx"]
    swedish = copy_root(SWEDISH_FIRST, tmp_path / "sv")
    assert run_cli("validate", "--root", swedish, "--lang", "fi").stderr.strip() == "Ei ongelmia."

"""Parties as real agreements have them: kinds beyond county and municipality, suggestions that never propose
a wrong kind, the file's order as the numbering everywhere, defined terms computed from the kinds."""
from __future__ import annotations

from pathlib import Path

import pytest
from helpers import MINIMAL, copy_root, run_cli

# its subject is not Word's layout or the PDF: built without LibreOffice (conftest.py)
pytestmark = pytest.mark.usefixtures("libreoffice_off")


def _kind(root: Path, party: str, kind: str) -> None:
    path = root / "agreement" / "parties.yaml"
    text = path.read_text(encoding="utf-8")
    old = f"  - id: {party}\n    kind: "
    start = text.index(old) + len(old)
    end = text.index("\n", start)
    path.write_text(text[:start] + kind + text[end:], encoding="utf-8")


def test_a_joint_municipal_authority_is_a_party_of_its_own_kind(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "data")
    _kind(root, "beta", "joint_municipal_authority")
    done = run_cli("validate", "--root", root)
    assert done.returncode == 0, done.stdout
    assert "municipality" not in done.stdout


@pytest.mark.parametrize("written, meant", [("wellbeing_county", "county"), ("hyvinvointialue", "county"),
                                            ("kuntayhtymä", "joint_municipal_authority"), ("kaupunki", "municipality"),
                                            ("municipalty", "municipality"), ("Regional council", "regional_council")])
def test_a_wrong_kind_is_answered_with_the_kind_meant(tmp_path, written, meant):
    root = copy_root(MINIMAL, tmp_path / "data")
    _kind(root, "hva" if meant == "county" else "beta", written)
    done = run_cli("validate", "--root", root)
    assert done.returncode == 1
    errors = [line for line in done.stdout.splitlines() if ": virhe: " in line]
    assert len(errors) == 1, errors  # no knock-on "no county among the parties"
    assert f"arvo ”{written}” ei ole sallittu (tarkoititko ”{meant}”?); sallitut arvot: county (hyvinvointialue), " \
           "municipality (kunta)" in errors[0]


def test_a_kind_that_merely_looks_alike_is_not_suggested_and_values_are_listed_once(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "data")
    _kind(root, "beta", "joint_authority_of_municipals")
    done = run_cli("validate", "--root", root)
    line = next(line for line in done.stdout.splitlines() if "joint_authority_of_municipals" in line)
    assert "tarkoititko" not in line
    assert line.count("sallitut") == 1 and line.count("county (hyvinvointialue)") == 1


THIRTY = MINIMAL.parent / "thirty_parties"


def test_number_list_states_runs_as_ranges_and_lists_the_rest():
    from cooperation.i18n.labels import number_list
    assert number_list([2, 3, 4, 5], "fi") == "2–5"
    assert number_list([2, 3, 4, 6, 8, 9], "fi") == "2–4, 6, 8 ja 9"
    assert number_list([16, 2, 3, 4, 17, 18], "sv") == "2–4 och 16–18"
    assert number_list([7], "fi") == "7"


@pytest.fixture(scope="module")
def thirty_docx(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("thirty")
    done = run_cli("docx", "--root", THIRTY, "--out", out)
    assert done.returncode == 0, done.stdout + done.stderr
    return out / "pitkajarvi-2026-fi.docx"


@pytest.mark.slow
def test_word_numbers_the_parties_in_the_files_order_with_the_defined_terms_as_lists(thirty_docx):
    import re

    from docx import Document
    # numbers are kept whole on a line: a no-break space and a non-breaking hyphen in each business id
    paragraphs = [p.text.replace("\xa0", " ").replace("\u2011", "-") for p in Document(str(thirty_docx)).paragraphs]
    start = paragraphs.index("1 Sopijapuolet")
    section = paragraphs[start + 1:paragraphs.index(next(p for p in paragraphs[start + 1:] if re.match(r"2 ", p)))]
    numbered = [int(m.group(1)) for p in section if (m := re.match(r"(\d+)\. ", p))]
    assert numbered == list(range(1, 31))
    assert "15. Pitkäjärven maakunnan liitto (maakunnan liitto, Y-tunnus 1118785-1)" in section
    assert "1. Pitkäjärven hyvinvointialue (Y-tunnus 1000000-4), jäljempänä hyvinvointialue" in section
    assert section[-1] == "2–14 ja 16–29: jäljempänä kunnat."


def test_the_workbook_lists_the_parties_in_the_files_order(tmp_path):
    from openpyxl import load_workbook
    assert run_cli("export-xlsx", "--root", THIRTY, "--out", tmp_path).returncode == 0
    rows = list(load_workbook(tmp_path / "pitkajarvi-2026-tyokirja.xlsx", read_only=True)["Osapuolet"]
                .iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows] == list(range(1, 31))
    assert rows[14][1] == "Pitkäjärven maakunnan liitto" and rows[29][2] == "kuntayhtymä"


@pytest.mark.slow
def test_the_site_lists_the_parties_in_the_files_order(tmp_path):
    import re
    done = run_cli("site", "--root", THIRTY, "--out", tmp_path)
    assert done.returncode == 0, done.stderr
    html = (tmp_path / "site" / "osapuolet" / "index.html").read_text(encoding="utf-8")
    numbers = [int(n) for n in re.findall(r">(\d+)\. <a ", html)]
    assert numbers == list(range(1, 31))
    assert html.index("Mäkelän kunta") < html.index("Pitkäjärven maakunnan liitto") < html.index("Niemelän kunta")

"""The document type as real agreements name themselves: a known type prints its official name in each
language; any other name is written as text per language; a mistyped code is named with the known types."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document
from helpers import TESTS, copy_root, run_cli

from cooperation.outputs.site.pages import Site
from cooperation.pipeline import load

# its subject is not Word's layout or the PDF: built without LibreOffice (conftest.py)
pytestmark = pytest.mark.usefixtures("libreoffice_off")

SWEDISH_FIRST = TESTS / "fixtures" / "swedish_first"


def _with_type(tmp_path: Path, value: str) -> Path:
    root = copy_root(SWEDISH_FIRST, tmp_path / "data")
    path = root / "agreement" / "agreement.yaml"
    text = path.read_text(encoding="utf-8").replace("document_type: strategic_cooperation_agreement",
                                                    f"document_type: {value}")
    path.write_text(text, encoding="utf-8")
    return root


def _subjects(root: Path, out: Path) -> dict[str, str]:
    done = run_cli("docx", "--root", root, "--out", out)
    assert done.returncode == 0, done.stdout + done.stderr
    return {lang: Document(str(out / f"skargard-2026-{lang}.docx")).core_properties.subject for lang in ("fi", "sv")}


def _facts(root: Path, lang: str) -> str:
    site = Site(load(root)[0], lang)
    return "".join(str(page.markdown()[1]) for page in site.build().values())


@pytest.mark.parametrize("written, fi, sv", [
    ("strategic_cooperation_agreement", "strateginen yhteistyösopimus", "avtal om strategiskt samarbete"),
    ("cooperation_agreement", "yhteistyösopimus", "samarbetsavtal"),
    ("puitesopimus", "puitesopimus", "ramavtal"),
    ("Avtal om strategiskt samarbete", "strateginen yhteistyösopimus", "avtal om strategiskt samarbete"),
    ("{sv: gränsytavtal, fi: yhdyspintasopimus}", "yhdyspintasopimus", "gränsytavtal"),
])
@pytest.mark.slow
def test_the_document_type_in_each_language(tmp_path, written, fi, sv):
    root = _with_type(tmp_path, written)
    done = run_cli("validate", "--root", root, "--format", "json")
    assert done.returncode == 0 and "document_type" not in done.stdout
    assert _subjects(root, tmp_path / "out") == {"fi": fi, "sv": sv}
    assert sv in _facts(root, "sv") and fi in _facts(root, "fi")


def test_a_mistyped_code_is_named_once_with_the_known_types(tmp_path):
    root = _with_type(tmp_path, "framework_agrement")
    done = run_cli("validate", "--root", root, "--format", "json", "--lang", "fi")  # a Swedish-first region: asked in Finnish
    problems = [p for p in json.loads(done.stdout) if p["severity"] == "error"]
    assert [p["code"] for p in problems] == ["document_type_unknown"]
    assert problems[0]["message"] == (
        "kenttä ”Asiakirjatyyppi” (document_type): asiakirjatyyppiä ”framework_agrement” ei tunneta (tarkoititko "
        "”framework_agreement”?); tunnetut: strategic_cooperation_agreement (strateginen yhteistyösopimus), "
        "cooperation_agreement (yhteistyösopimus), framework_agreement (puitesopimus), cooperation_record "
        "(yhteistyöpöytäkirja), strategic_interface_agreement (strateginen yhdyspintasopimus); tai kirjoita asiakirjan "
        "oma nimi tekstinä (esim. fi: yhdyspintasopimus)")


def test_an_own_name_needs_every_language_of_the_agreement(tmp_path):
    root = _with_type(tmp_path, "{sv: gränsytavtal}")
    done = run_cli("validate", "--root", root, "--lang", "sv")
    assert done.returncode == 0
    assert ("agreement/agreement.yaml:3:16: varning: fält ”Dokumenttyp” (document_type): texten saknas på språket "
            "finska") in done.stdout

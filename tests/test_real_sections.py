"""A real agreement's own section numbers and order: kept when given (7.2, its spearheads in its own order,
forum 6.4.3), derived when not; each number used once."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from docx import Document
from helpers import MINIMAL, copy_root, run_cli

from cooperation.pipeline import load


def _set(root: Path, name: str, **fields) -> None:
    path = root / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    target = data["forums"][0] if "forums" in data else data
    target.update(fields)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.mark.slow
def test_own_numbers_and_order_are_kept_and_the_rest_derived(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "data")
    _set(root, "subareas/tilat.yaml", number="7.2", order=1)
    _set(root, "subareas/elinvoima.yaml", number="7.3", order=2)
    _set(root, "agreement/forums.yaml", number="6.4.3")
    model = load(root)[0]
    assert [(s.id, s.number) for s in model.subareas] == [
        ("tilat", "7.2"), ("elinvoima", "7.3"), ("hyte", "3"), ("henkilosto", "4"), ("osallisuus", "5"),
        ("tukipalvelut", "6")]
    assert model.subareas[0].goals[0].number == "7.2.1"
    assert model.forums[0].number == "6.4.3"
    out = tmp_path / "out"
    assert run_cli("docx", "--root", root, "--out", out).returncode == 0
    doc = Document(str(out / "testi-2026-fi.docx"))
    paragraphs = [p.text for p in doc.paragraphs]
    assert "7.2 Osa-alue TILA" in paragraphs and "7.2.1 Tavoite TILA-1." in paragraphs
    assert "7.3 Osa-alue ELI" in paragraphs and "6.4.3 Johdon yhteistyöfoorumi" in paragraphs
    assert "7.4 Osa-alue HYTE" in paragraphs  # derived: the next number in section 7
    # the region's own numbers drive the chapters: forums are chapter 6 and the goals chapter 7, in that order, the
    # other chapters in the free numbers; never 4 → 7.2 → 5 → 6.4.3
    chapters = [p.text for p in doc.paragraphs if p.style.name == "Heading 1" and p.text[:1].isdigit()]
    assert [c.split(" ")[0] for c in chapters] == [str(n) for n in range(1, len(chapters) + 1)]
    assert chapters[5].startswith("6 Yhteistyön rakenteet") and chapters[6].startswith("7 Yhteistyön tavoitteet")
    numbers = [p.text.split(" ")[0] for p in doc.paragraphs
               if p.style.name.startswith("Heading") and p.text[:1].isdigit()]
    majors = [int(n.split(".")[0]) for n in numbers]
    assert majors == sorted(majors), numbers


def test_a_number_is_used_once(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "data")
    _set(root, "subareas/tilat.yaml", number="7.2")
    _set(root, "agreement/forums.yaml", number="7.2")
    done = run_cli("validate", "--root", root, "--format", "json")
    problems = [p for p in json.loads(done.stdout) if p["severity"] == "error"]
    assert [(p["code"], p["file"], p["message"]) for p in problems] == [
        ("duplicate_section_number", "agreement/forums.yaml", "Foorumi johto, kenttä ”Luvun numero” (number): numero 7.2 "
         "on jo kohdalla ”tilat”; jokaisella osa-alueella ja foorumilla on oma numeronsa")]

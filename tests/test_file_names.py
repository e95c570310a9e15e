"""The name of every file the tool writes comes from one table (cooperation/outputs/names.py), pinned here letter by
letter for the example region and a Swedish-first one; every command that writes has its files in the table, and
writes the names the table gives."""
from __future__ import annotations

import inspect
import re

import pytest
from helpers import MINIMAL, REPO, TESTS, copy_example, copy_root, run_cli

from cooperation import cli
from cooperation.outputs import REGISTRY, names
from cooperation.pipeline import load_all

# what tells a file apart from others of its kind, for the names below
VALUES = {"year": 2026, "label": "1.0"}

EXAMPLE = {
    "docx": ["rannikkoseutu-2026-fi.docx", "rannikkoseutu-2026-sv.docx"],
    "pdf": ["rannikkoseutu-2026-fi.pdf", "rannikkoseutu-2026-sv.pdf"],
    "xlsx": ["rannikkoseutu-2026-tyokirja.xlsx", "rannikkoseutu-2026-tyokirja-sv.xlsx"],
    "xlsx-party": ["rannikkoseutu-2026-tyokirja-kuusiniemi.xlsx", "rannikkoseutu-2026-tyokirja-sv-kuusiniemi.xlsx"],
    "json": ["rannikkoseutu-2026.json"],
    "csv": ["mittaustulokset.csv"],
    "progress": ["edistyminen.csv"],
    "ics": ["vuosikello-fi.ics", "vuosikello-sv.ics"],
    "statements": ["rannikkoseutu-2026-lausuntoyhteenveto-fi.docx", "rannikkoseutu-2026-lausuntoyhteenveto-sv.docx"],
    "report": ["seurantaraportti-2026-fi.docx", "seurantaraportti-2026-sv.docx"],
    "amendment-redline": ["rannikkoseutu-2026-muutokset-fi.docx", "rannikkoseutu-2026-andringar-sv.docx"],
    "amendment-annex": ["rannikkoseutu-2026-muutosliite-fi.docx", "rannikkoseutu-2026-andringsbilaga-sv.docx"],
    "amendment-decision": ["rannikkoseutu-2026-paatosesitys-fi.docx", "rannikkoseutu-2026-beslutsforslag-sv.docx"],
    "signed": ["rannikkoseutu-2026-1.0-fi.docx", "rannikkoseutu-2026-1.0-sv.docx"],
    "signed-pdf": ["rannikkoseutu-2026-1.0-fi.pdf", "rannikkoseutu-2026-1.0-sv.pdf"],
    "reference": ["tietomuoto.md"],
    "codeowners": [".github/CODEOWNERS"],
    "comments-json": ["kommentit.json"],
    "comments": ["kommentit.md"],
    "site": ["site"],
}

# the first language's words in the names; the amendment package's files each named in their own language
SWEDISH_FIRST = {
    "docx": ["skargard-2026-sv.docx", "skargard-2026-fi.docx"],
    "pdf": ["skargard-2026-sv.pdf", "skargard-2026-fi.pdf"],
    "xlsx": ["skargard-2026-arbetsbok.xlsx", "skargard-2026-arbetsbok-fi.xlsx"],
    "xlsx-party": ["skargard-2026-arbetsbok-alby.xlsx", "skargard-2026-arbetsbok-fi-alby.xlsx"],
    "json": ["skargard-2026.json"],
    "csv": ["matvarden.csv"],
    "progress": ["utveckling.csv"],
    "ics": ["arshjul-sv.ics", "arshjul-fi.ics"],
    "statements": ["skargard-2026-remissammanstallning-sv.docx", "skargard-2026-remissammanstallning-fi.docx"],
    "report": ["uppfoljningsrapport-2026-sv.docx", "uppfoljningsrapport-2026-fi.docx"],
    "amendment-redline": ["skargard-2026-andringar-sv.docx", "skargard-2026-muutokset-fi.docx"],
    "amendment-annex": ["skargard-2026-andringsbilaga-sv.docx", "skargard-2026-muutosliite-fi.docx"],
    "amendment-decision": ["skargard-2026-beslutsforslag-sv.docx", "skargard-2026-paatosesitys-fi.docx"],
    "signed": ["skargard-2026-1.0-sv.docx", "skargard-2026-1.0-fi.docx"],
    "signed-pdf": ["skargard-2026-1.0-sv.pdf", "skargard-2026-1.0-fi.pdf"],
    "reference": ["tietomuoto.md"],
    "codeowners": [".github/CODEOWNERS"],
    "comments-json": ["kommentarer.json"],
    "comments": ["kommentarer.md"],
    "site": ["site"],
}


def _table(model, party: str) -> dict[str, list[str]]:
    """Every entry of the table, named for ``model`` in each of its languages."""
    return {written.name: [written.of(model, lang, party=party, **VALUES)
                           for lang in (model.languages if written.per_language else [model.main_language])]
            for written in names.FILES}


def _registry(model) -> dict[str, list[str]]:
    """The registry's outputs and the record's patterns (a report's year, a signed version's label) as they name
    their files."""
    made = {output.name: [output.file(model, lang) for lang in output.languages(model)] for output in REGISTRY}
    for written, bound in ((names.REPORT, names.REPORT.bound(year=2026)), (names.SIGNED_DOCX, names.SIGNED_DOCX.bound(
            label="1.0")), (names.SIGNED_PDF, names.SIGNED_PDF.bound(label="1.0"))):
        made[written.name] = [names.compose(bound, model.main_language, lang, id=model.id) for lang in model.languages]
    return made


@pytest.mark.parametrize("root, party, expected", [(REPO, "kuusiniemi", EXAMPLE),
                                                   (TESTS / "fixtures" / "swedish_first", "alby", SWEDISH_FIRST)],
                         ids=["example", "swedish-first"])
def test_every_file_written_is_named_by_the_table(tmp_path, root, party, expected):
    model, _, _ = load_all(root if root == REPO else copy_root(root, tmp_path / "data"))
    assert _table(model, party) == expected
    made = _registry(model)
    assert made == {name: expected[name] for name in made}


def test_a_label_with_braces_is_a_label():
    assert names.compose(names.SIGNED_DOCX.bound(label="1{x}"), "fi", "sv", id="a") == "a-1{x}-sv.docx"


def test_every_command_that_writes_has_its_files_in_the_table():
    parser = cli.make_parser()
    choices = next(action for action in parser._actions if action.choices and "docx" in action.choices).choices
    writing = []
    for name, sub in choices.items():
        source = inspect.getsource(sub.get_default("func"))
        if sub.get_default("writes") or re.search(r"\bwrite_(files|output)\(", source):
            writing.append(name)
            assert names.written_by(name), f"{name} writes files the table does not list"
    assert sorted(writing) == sorted({"amendment", "codeowners", "docx", "export-xlsx", "import-xlsx", "pdf", "reference",
                                      "report", "site", "statements"})
    # and every command the table names exists
    assert {command for written in names.FILES for command in written.commands} <= set(choices)


def _written(done) -> list[str]:
    assert done.returncode == 0, done.stderr
    return re.findall(r"^Kirjoitettu (.+)$", done.stderr, re.MULTILINE)


def test_the_commands_write_the_names_of_the_table(tmp_path):
    out = tmp_path / "out"
    root = copy_root(MINIMAL, tmp_path / "data")
    assert _written(run_cli("docx", "--root", root, "--out", out)) == [str(out / "testi-2026-fi.docx")]
    assert _written(run_cli("export-xlsx", "--root", root, "--out", out)) == [str(out / "testi-2026-tyokirja.xlsx")]
    assert _written(run_cli("export-xlsx", "--party", "alfa", "--root", root, "--out", out)) == [
        str(out / "testi-2026-tyokirja-alfa.xlsx")]
    assert _written(run_cli("reference", "--root", root, "--out", out)) == [str(out / "tietomuoto.md")]
    example = copy_example(tmp_path / "example")
    assert _written(run_cli("codeowners", "--root", example)) == [str(example / ".github" / "CODEOWNERS")]
    assert sorted(p.name for p in out.iterdir()) == ["testi-2026-fi.docx", "testi-2026-tyokirja-alfa.xlsx",
                                                      "testi-2026-tyokirja.xlsx", "tietomuoto.md"]

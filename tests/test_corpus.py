"""Every broken input in tests/corpus/cases.yaml gives exactly the problems listed for it."""
from pathlib import Path

import pytest
from helpers import MINIMAL, apply_case, copy_root, load_cases, validate_lines

CASES = load_cases()


def test_corpus_is_large_enough():
    assert len(CASES) >= 40
    assert len({c["name"] for c in CASES}) == len(CASES), "case names must be unique"


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case, tmp_path: Path):
    root = copy_root(MINIMAL, tmp_path / "root")
    apply_case(root, case)
    assert validate_lines(root) == case["expect"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case_in_english(case, tmp_path: Path):
    """The English messages exist for every problem and keep the same file:line:column."""
    root = copy_root(MINIMAL, tmp_path / "root")
    apply_case(root, case)
    english = validate_lines(root, lang="en")
    assert [line.split(": ")[0] for line in english] == [line.split(": ")[0] for line in case["expect"]]
    for line in english:
        assert ": error: " in line or ": warning: " in line
        assert "{" not in line.split(": ", 2)[2] or "{{" in case.get("replace", [""])[-1], line
        for finnish in ("virhe", "varoitus", "kenttä", "tunniste ”"):
            assert finnish not in line, line


def test_the_fixture_itself_is_clean():
    assert validate_lines(MINIMAL) == []

"""The strict YAML loader: YAML 1.1 surprises stay text, positions are recorded."""
from pathlib import Path

import pytest

from cooperation.load.yaml_loader import MAX_DEPTH, load_yaml_text


def load(text):
    problems = []
    doc = load_yaml_text(text, Path("x.yaml"), "x.yaml", problems)
    return doc, [(p.code, p.line, p.column) for p in problems]


@pytest.mark.parametrize("text, value", [
    ("v: yes", "yes"), ("v: no", "no"), ("v: on", "on"), ("v: off", "off"), ("v: y", "y"),
    ("v: true", True), ("v: False", False),
    ("v: 2026-01-31", "2026-01-31"), ("v: 2026-13-45", "2026-13-45"),
    ("v: 1:20", "1:20"), ("v: 1_000", "1_000"), ("v: .nan", ".nan"), ("v: .inf", ".inf"),
    ("v: 007", 7), ("v: 0x10", 16), ("v: 1.5", 1.5), ("v: -2", -2), ("v: ~", None), ("v:", None),
    ("v: '1.10'", "1.10"), ("v: 1.10", 1.1),
])
def test_scalars(text, value):
    doc, problems = load(text)
    assert problems == []
    assert doc.data == {"v": value}


def test_positions_of_values_and_keys():
    doc, _ = load("a:\n  - id: X\n    title: T\n  - id: Y\n")
    assert doc.position(("a", 1, "id")) == (4, 9)
    assert doc.position(("a", 0, "title")) == (3, 12)
    assert doc.position(("a", 0, "title"), key=True) == (3, 5)
    assert doc.position(("a", 0, "missing")) == (2, 5)  # the nearest recorded parent


def test_every_duplicate_key_is_reported():
    _, problems = load("a: 1\nb: 2\na: 3\nb: 4\n")
    assert problems == [("yaml_duplicate_key", 3, 1), ("yaml_duplicate_key", 4, 1)]


def test_alias_bomb_is_rejected_without_expanding():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8))
    doc, problems = load(bomb)
    assert problems and all(code == "yaml_alias" for code, _, _ in problems)
    assert len(problems) == 32  # every *alias, each at its own position
    assert problems[0][1:] == (2, 8)


def test_deep_nesting_is_refused_where_it_gets_too_deep():
    _, problems = load("a: " + "[" * 5000 + "]" * 5000)
    assert problems == [("yaml_too_deep", 1, 3 + MAX_DEPTH)]  # the root mapping is the first level
    _, problems = load("".join("  " * i + "- \n" for i in range(200)))
    assert problems == [("yaml_too_deep", MAX_DEPTH + 1, 2 * MAX_DEPTH + 1)]


def test_merge_key_is_an_ordinary_unknown_key():
    doc, problems = load("<<: {a: 1}\n")
    assert problems == [] and doc.data == {"<<": {"a": 1}}

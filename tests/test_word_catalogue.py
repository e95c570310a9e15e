"""One word catalogue: every word a user reads is in cooperation/i18n (labels.py for words and sentences of the
outputs, messages.py and import_messages.py for problems and their parameters), so a region's Swedish, or a
correction, is made in one place. A module elsewhere that writes {"fi": "…", "sv": "…"} words of its own fails here."""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "cooperation"
LANGUAGES = {"fi", "sv", "en"}

# Modules another change is rewriting now; each is taken off as its words move to the catalogue. Only ever remove
# from this list: the test fails when a listed module has no words of its own any more, so it cannot go stale.
NOT_YET_MOVED: set[str] = set()


def words_of(path: Path) -> list[tuple[int, str]]:
    """(line, text) of every dict literal keyed by language codes whose values hold words (not codes like fi-FI)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Dict) or not node.keys:
            continue
        keys = {k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)}
        if "fi" not in keys or not keys <= LANGUAGES or len(keys) < 2:
            continue
        texts = [v for v in node.values if isinstance(v, (ast.Constant, ast.JoinedStr))]
        if texts and any(any(ch.isalpha() for ch in ast.unparse(v)) and " " in ast.unparse(v) or
                         isinstance(v, ast.Constant) and isinstance(v.value, str) and v.value.isalpha()
                         and v.value.lower() == v.value for v in texts):
            found.append((node.lineno, ast.unparse(node)[:80]))
    return found


def test_words_live_in_the_catalogue():
    outside = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        if name.startswith("i18n/") or name in NOT_YET_MOVED:
            continue
        found = words_of(path)
        if found:
            outside[name] = found
    assert outside == {}, "words outside cooperation/i18n: " + repr(outside)


def test_the_list_of_modules_not_yet_moved_is_true():
    stale = [name for name in NOT_YET_MOVED if not (PACKAGE / name).exists() or not words_of(PACKAGE / name)]
    assert stale == [], f"these have no words of their own any more: take them off NOT_YET_MOVED: {stale}"


def test_the_scan_finds_words():
    sample = PACKAGE.parent / "tests" / "fixtures" / "catalogue_sample.py"
    sample.write_text('WORDS = {"fi": "kaikki kunnat", "sv": "alla kommuner"}\nTAGS = {"fi": "fi-FI", "sv": "sv-SE"}\n',
                      encoding="utf-8")
    try:
        assert [line for line, _ in words_of(sample)] == [1]
    finally:
        sample.unlink()

"""Changes to the agreement's text, word by word: whether a change is only editorial, and the inline diff.

Editorial means the change cannot alter what the parties agreed: it is confined to punctuation,
whitespace, letter case or a spelling fix. Precisely, per language of the text:
  * the language is in both versions (a text gaining or losing a language is an amendment);
  * the words (runs of letters and digits, compared case-folded) are as many in both, in the same order:
    no word added or removed;
  * each changed word is a spelling fix: no digit in either form (a number is never a typo), and at most
    SPELLING_EDITS edits apart (insert, delete, substitute, swap two neighbours), and at most a quarter of the
    longer word's letters (so "ei" → "on" or "ja" → "tai" is not a typo).
Anything else is an amendment: when unsure, the parties approve.
"""
from __future__ import annotations

import difflib
import re
from typing import Any

from cooperation.domain import AMENDMENT, EDITORIAL

SPELLING_EDITS = 2
_WORD = re.compile(r"\w+")
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


def per_language(value: Any, main: str) -> dict[str, str]:
    if isinstance(value, str):
        return {main: value}
    if isinstance(value, dict):
        return {k: v for k, v in value.items() if isinstance(v, str)}
    return {}


def distance(a: str, b: str) -> int:
    """Edits between two words: insertions, deletions, substitutions and swaps of neighbours (OSA distance)."""
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            row[j] = min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], rows[i - 2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


def spelling_fix(old: str, new: str) -> bool:
    if old == new:
        return True
    if any(ch.isdigit() for ch in old + new):
        return False
    edits = distance(old, new)
    return edits <= SPELLING_EDITS and edits <= max(len(old), len(new)) // 4


def text_class(old: Any, new: Any, main: str) -> str:
    """EDITORIAL or AMENDMENT for a change of a text field (a string, or a text per language)."""
    before, after = per_language(old, main), per_language(new, main)
    if set(before) != set(after):
        return AMENDMENT
    for lang, text in before.items():
        old_words = _WORD.findall(text.casefold())
        new_words = _WORD.findall(after[lang].casefold())
        if len(old_words) != len(new_words):
            return AMENDMENT
        if not all(spelling_fix(a, b) for a, b in zip(old_words, new_words)):
            return AMENDMENT
    return EDITORIAL


def changed_languages(old: Any, new: Any, main: str) -> tuple[list[str], list[str]]:
    """(languages whose text changed beyond whitespace, languages present on both sides that did not)."""
    before, after = per_language(old, main), per_language(new, main)
    changed, same = [], []
    for lang in sorted(set(before) | set(after)):
        a, b = " ".join(before.get(lang, "").split()), " ".join(after.get(lang, "").split())
        if a != b:
            changed.append(lang)
        elif lang in before and lang in after:
            same.append(lang)
    return changed, same


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """The change as (op, text) runs: "=" kept, "-" removed, "+" added; whole words, spaces kept with them."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    out: list[tuple[str, str]] = []

    def put(op: str, text: str) -> None:
        if not text:
            return
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        else:
            out.append((op, text))
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            put("=", "".join(a[i1:i2]))
        else:
            put("-", "".join(a[i1:i2]))
            put("+", "".join(b[j1:j2]))
    return out

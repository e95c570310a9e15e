"""Words of two versions of a paragraph, aligned: each word, space or other run content (a break, a tab, a field
character) is an ``Atom``; ``merge`` gives them in order, each the same, removed or added. Lines of a paragraph
(between its breaks) are aligned first, so that a cell of annex 1, an item a line, is shown item by item."""
from __future__ import annotations

import difflib
import re
from typing import Any

EQUAL, REMOVED, ADDED = "=", "-", "+"
TOKENS = re.compile(r"\s+|\S+")  # a paragraph's text as words and the spaces between them
WORDS = re.compile(r"\S+")
_NUMBERING = re.compile(r"\d+(?:\.\d+)*\.?|[•·*–-]")  # "3.", "4.1.2", "•": a place in an order, not what it is


class Atom:
    """One word, space or other run content (a break, a tab, a field character), or a marker (a bookmark) with
    where it sits: the containers around it (``path``) and their keys, its run (for the formatting)."""
    __slots__ = ("key", "path", "ckeys", "run", "node", "text")

    def __init__(self, key: Any, path: tuple, ckeys: tuple, run: Any, node: Any, text: str | None):
        self.key, self.path, self.ckeys, self.run, self.node, self.text = key, path, ckeys, run, node, text


def merge(a: list[Atom], b: list[Atom], breaks: set[str]) -> list[tuple[str, Atom]]:
    """The words of two paragraphs in order, each removed, added or the same. A paragraph of several lines (a cell
    of annex 1 lists an item a line) is aligned line by line first, a line shown changed only against the line of
    the same item (its first word), as a table row is; one line is compared word by word."""
    lines_a, lines_b = _lines(a, breaks), _lines(b, breaks)
    if len(lines_a) <= 1 and len(lines_b) <= 1:
        return _words(a, b)
    out: list[tuple[str, Atom]] = []
    matcher = difflib.SequenceMatcher(None, [tuple(x.key for x in line) for line in lines_a],
                                      [tuple(x.key for x in line) for line in lines_b], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out += [(EQUAL, atom) for line in lines_b[j1:j2] for atom in line]
            continue
        olds, news = lines_a[i1:i2], lines_b[j1:j2]
        pairs = difflib.SequenceMatcher(None, [first_word(_line_text(line)) for line in olds],
                                        [first_word(_line_text(line)) for line in news], autojunk=False)
        for kind, k1, k2, l1, l2 in pairs.get_opcodes():
            if kind == "equal":
                for old, new in zip(olds[k1:k2], news[l1:l2]):
                    out += _words(old, new)
            else:
                out += [(REMOVED, atom) for line in olds[k1:k2] for atom in line]
                out += [(ADDED, atom) for line in news[l1:l2] for atom in line]
    return out


def _words(a: list[Atom], b: list[Atom]) -> list[tuple[str, Atom]]:
    out: list[tuple[str, Atom]] = []
    matcher = difflib.SequenceMatcher(None, [x.key for x in a], [x.key for x in b], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            out += [(REMOVED, atom) for atom in a[i1:i2]]
        out += [(EQUAL if tag == "equal" else ADDED, atom) for atom in b[j1:j2]]
    return out


def _lines(atoms: list[Atom], breaks: set[str]) -> list[list[Atom]]:
    """The atoms up to and with each line break (w:br, w:cr), and those after the last."""
    lines: list[list[Atom]] = [[]]
    for atom in atoms:
        lines[-1].append(atom)
        if atom.node is not None and atom.node.tag in breaks:
            lines.append([])
    return [line for line in lines if line]


def _line_text(line: list[Atom]) -> str:
    return "".join(atom.text or "" for atom in line)


def first_word(text: str) -> str:
    """What a row or a line is about: its first word, a leading number or bullet skipped (a party renumbered is the
    same party)."""
    words = WORDS.findall(text)
    while len(words) > 1 and _NUMBERING.fullmatch(words[0]):
        words = words[1:]
    return words[0] if words else ""

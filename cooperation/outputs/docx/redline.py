"""The agreement as a Word document with tracked changes against an earlier version.

Both versions' bodies are built as pandoc blocks (the same body as the clean document); the blocks are
aligned, and inside a changed paragraph, heading, list item or table cell the words are aligned, so
the redline is word level. Removed words become spans classed ``deletion``, added ones ``insertion``;
pandoc writes them as Word's ``w:del`` / ``w:ins`` with the author (the version) and the date.
Accepting every change gives the newer text, rejecting every change the older one.
"""
from __future__ import annotations

import difflib
import json
from typing import Any

INSERTION, DELETION = "insertion", "deletion"
_TEXT_BLOCKS = {"Para": None, "Plain": None, "Header": 2}  # block kind → where its inlines are in "c"
_WRAPPERS = ("Strong", "Emph", "Underline", "Strikeout", "SmallCaps", "Superscript", "Subscript")


def _key(node: Any) -> str:
    return json.dumps(node, ensure_ascii=False, sort_keys=True)


# --- inlines: one atom per word, space or opaque element, with its formatting --------------------
def _atoms(inlines: list, wrappers: tuple = ()) -> list[tuple[tuple, dict]]:
    out: list[tuple[tuple, dict]] = []
    for node in inlines:
        kind = node.get("t")
        if kind in _WRAPPERS:
            out += _atoms(node["c"], wrappers + (kind,))
        elif kind == "Span" and not any(c in (INSERTION, DELETION) for c in node["c"][0][1]):
            out += _atoms(node["c"][1], wrappers)
        else:
            out.append((wrappers, node))
    return out


def _wrap(wrappers: tuple, node: dict) -> dict:
    for kind in reversed(wrappers):
        node = {"t": kind, "c": [node]}
    return node


class Redline:
    def __init__(self, author: str, date: str):
        self.attrs = [["author", author], ["date", date]]

    def span(self, kind: str, nodes: list[dict]) -> dict:
        return {"t": "Span", "c": [["", [kind], self.attrs], nodes]}

    def inlines(self, old: list, new: list) -> list[dict]:
        a, b = _atoms(old), _atoms(new)
        out: list[dict] = []
        matcher = difflib.SequenceMatcher(None, [_key(x) for x in a], [_key(x) for x in b], autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                out += [_wrap(w, n) for w, n in a[i1:i2]]
                continue
            if i2 > i1:
                out.append(self.span(DELETION, [_wrap(w, n) for w, n in a[i1:i2]]))
            if j2 > j1:
                out.append(self.span(INSERTION, [_wrap(w, n) for w, n in b[j1:j2]]))
        return out

    def whole(self, kind: str, block: dict) -> dict:
        """A block added or removed as a whole: its words (in tables and lists too) marked."""
        t = block.get("t")
        if t in _TEXT_BLOCKS:
            where = _TEXT_BLOCKS[t]
            c = list(block["c"]) if where is not None else block["c"]
            if where is None:
                return {"t": t, "c": [self.span(kind, c)] if c else []}
            c[where] = [self.span(kind, c[where])] if c[where] else []
            return {"t": t, "c": c}
        if t in ("BulletList", "OrderedList"):
            items = block["c"] if t == "BulletList" else block["c"][1]
            marked = [[self.whole(kind, b) for b in item] for item in items]
            return {"t": t, "c": marked if t == "BulletList" else [block["c"][0], marked]}
        if t == "Table":
            c = list(block["c"])
            c[3] = self._rows_of_section(c[3], lambda cells: [self._cell(cell, kind) for cell in cells])
            c[4] = [[body[0], body[1], body[2], [[row[0], [self._cell(cell, kind) for cell in row[1]]]
                                                  for row in body[3]]] for body in c[4]]
            return {"t": t, "c": c}
        if t == "BlockQuote":
            return {"t": t, "c": [self.whole(kind, b) for b in block["c"]]}
        return block  # a rule or the like: no words

    def _cell(self, cell: list, kind: str) -> list:
        return [cell[0], cell[1], cell[2], cell[3], [self.whole(kind, b) for b in cell[4]]]

    @staticmethod
    def _rows_of_section(section: list, change) -> list:
        attr, rows = section
        return [attr, [[row[0], change(row[1])] for row in rows]]

    # --- blocks ------------------------------------------------------------------------------------
    def blocks(self, old: list, new: list) -> list[dict]:
        out: list[dict] = []
        matcher = difflib.SequenceMatcher(None, [_key(x) for x in old], [_key(x) for x in new], autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                out += new[j1:j2]
                continue
            olds, news = old[i1:i2], new[j1:j2]
            # pair blocks of the same kind in order; the rest is removed or added whole
            while olds and news:
                pair = self.block(olds[0], news[0])
                if pair is None:
                    break
                out.append(pair)
                olds, news = olds[1:], news[1:]
            out += [self.whole(DELETION, b) for b in olds]
            out += [self.whole(INSERTION, b) for b in news]
        return out

    def block(self, old: dict, new: dict) -> dict | None:
        """One changed block against its earlier form, or None when the two cannot be compared."""
        t = old.get("t")
        if t != new.get("t"):
            return None
        if t in ("Para", "Plain"):
            return {"t": t, "c": self.inlines(old["c"], new["c"])}
        if t == "Header":
            if old["c"][0] != new["c"][0]:
                return None
            return {"t": t, "c": [new["c"][0], new["c"][1], self.inlines(old["c"][2], new["c"][2])]}
        if t == "BulletList":
            return {"t": t, "c": self.items(old["c"], new["c"])}
        if t == "OrderedList":
            return {"t": t, "c": [new["c"][0], self.items(old["c"][1], new["c"][1])]}
        if t == "Table":
            return self.table(old, new)
        return None

    def items(self, old: list, new: list) -> list:
        """List items: aligned as wholes, a changed item diffed inside."""
        out = []
        matcher = difflib.SequenceMatcher(None, [_key(x) for x in old], [_key(x) for x in new], autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                out += new[j1:j2]
                continue
            olds, news = old[i1:i2], new[j1:j2]
            for a, b in zip(olds, news):
                out.append(self.blocks(a, b))
            out += [[self.whole(DELETION, x) for x in item] for item in olds[len(news):]]
            out += [[self.whole(INSERTION, x) for x in item] for item in news[len(olds):]]
        return out

    def table(self, old: dict, new: dict) -> dict | None:
        oc, nc = old["c"], new["c"]
        if len(oc[2]) != len(nc[2]) or len(oc[4]) != 1 or len(nc[4]) != 1:
            return None  # another shape of table: removed and added whole
        old_rows, new_rows = oc[4][0][3], nc[4][0][3]
        rows: list = []
        matcher = difflib.SequenceMatcher(None, [_key(r) for r in old_rows], [_key(r) for r in new_rows],
                                          autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                rows += new_rows[j1:j2]
                continue
            olds, news = old_rows[i1:i2], new_rows[j1:j2]
            for a, b in zip(olds, news):
                rows.append([b[0], [[cb[0], cb[1], cb[2], cb[3], self.blocks(ca[4], cb[4])]
                                    for ca, cb in zip(a[1], b[1])]])
            rows += [[r[0], [self._cell(cell, DELETION) for cell in r[1]]] for r in olds[len(news):]]
            rows += [[r[0], [self._cell(cell, INSERTION) for cell in r[1]]] for r in news[len(olds):]]
        c = list(nc)
        c[3] = nc[3] if _key(oc[3]) == _key(nc[3]) else [nc[3][0], [
            [rb[0], [[cb[0], cb[1], cb[2], cb[3], self.blocks(ca[4], cb[4])] for ca, cb in zip(ra[1], rb[1])]]
            for ra, rb in zip(oc[3][1], nc[3][1])]]
        c[4] = [[nc[4][0][0], nc[4][0][1], nc[4][0][2], rows]]
        return {"t": "Table", "c": c}


def redline(old: list, new: list, author: str, date: str) -> list[dict]:
    """The newer body with the changes from the older one tracked."""
    return Redline(author, date).blocks(old, new)


def number_revisions(body) -> None:
    """Word wants each revision's w:id unique; pandoc numbers every w:ins and w:del 1."""
    from docx.oxml.ns import qn
    for number, element in enumerate(body.iter(qn("w:ins"), qn("w:del")), start=1):
        element.set(qn("w:id"), str(100000 + number))


def mark_whole_paragraphs(body) -> None:
    """A paragraph or table row removed or added whole gets its paragraph mark (w:pPr/w:rPr) or its row
    (w:trPr) tracked too, as Word does: accepting every change then leaves no empty paragraph or row where one
    was removed, rejecting none where one was added. Paragraphs in table cells keep their mark (a cell keeps
    a paragraph; its row goes)."""
    from docx.oxml.ns import qn
    for paragraph in body.iterchildren(qn("w:p")):
        tracked = _whole(paragraph)
        if tracked is not None:
            properties = _child(paragraph, "w:pPr", 0)  # a paragraph's properties come first
            # the mark's run properties come after every other paragraph property but w:sectPr and w:pPrChange
            later = [properties.index(c) for c in properties if c.tag in (qn("w:sectPr"), qn("w:pPrChange"))]
            _child(properties, "w:rPr", later[0] if later else len(properties)).insert(0, _copy(tracked))
    for row in body.iter(qn("w:tr")):
        tracked = _whole(row)
        if tracked is not None:
            # a row's properties come first, after its table property exceptions
            properties = _child(row, "w:trPr", 1 if len(row) and row[0].tag == qn("w:tblPrEx") else 0)
            change = properties.find(qn("w:trPrChange"))
            properties.insert(properties.index(change) if change is not None else len(properties), _copy(tracked))
    _mark_separators(body)


def _mark_separators(body) -> None:
    """Two tables need a paragraph between them, else Word joins them (pandoc puts an empty one there). In each
    view (every change accepted, every change rejected) exactly one paragraph must stay between two tables that
    stay: pandoc's empty paragraph where a table added or removed whole leaves it with no table on one side is
    tracked as gone in that view, and a paragraph removed (added) whole that is all that keeps two tables apart
    keeps its mark there (an empty paragraph, as pandoc's)."""
    from docx.oxml.ns import qn
    children = list(body)
    tracked = next(body.iter(qn("w:ins"), qn("w:del")), None)
    if tracked is None:
        return
    separators = {i for i, e in enumerate(children) if e.tag == qn("w:p") and len(e) == 0 and 0 < i < len(children) - 1
                  and children[i - 1].tag == children[i + 1].tag == qn("w:tbl")}
    for gone in (qn("w:del"), qn("w:ins")):  # what accepting, then what rejecting, takes away
        # pandoc's separators and the paragraphs whose mark goes in this view
        between = {index for index, e in enumerate(children)
                   if index in separators or (e.tag == qn("w:p") and not _stays(e, gone))}
        previous, kept = None, False  # the last element that stays, and whether a paragraph after it stays
        for index, element in enumerate(children):
            if index in between:
                following = next((e for i, e in enumerate(children[index + 1:], index + 1)
                                  if i not in between and _stays(e, gone)), None)
                needed = (previous is not None and previous.tag == qn("w:tbl") and following is not None
                          and following.tag == qn("w:tbl") and not kept)
                if needed:
                    kept = True
                    if index not in separators:  # a paragraph removed (added) whole: its mark stays, its words go
                        mark = element.find(f"{qn('w:pPr')}/{qn('w:rPr')}")
                        mark.remove(mark.find(gone))
                elif index in separators:
                    mark = _child(_child(element, "w:pPr", 0), "w:rPr", 0)
                    # a mark both added and removed (between a table removed and one added): w:ins comes first
                    mark.insert(0 if gone == qn("w:ins") else len(mark.findall(qn("w:ins"))),
                                element.makeelement(gone, dict(tracked.attrib)))
            elif _stays(element, gone):
                previous, kept = element, False


def _stays(element, gone: str) -> bool:
    """Whether a table or paragraph of the body is still there once the changes ``gone`` (w:del: accepting every
    change, w:ins: rejecting) take their tracked rows and paragraph marks away."""
    from docx.oxml.ns import qn
    if element.tag == qn("w:tbl"):
        rows = element.findall(qn("w:tr"))
        return not rows or not all(row.find(f"{qn('w:trPr')}/{gone}") is not None for row in rows)
    return element.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{gone}") is None


def _whole(element):
    """The w:ins or w:del that holds everything ``element`` shows, where one kind holds all of it; else None."""
    from docx.oxml.ns import qn
    kinds = set()
    for run in element.iter(qn("w:r")):
        if not [child for child in run if child.tag != qn("w:rPr")]:
            continue  # an empty run shows nothing
        tracked = next(run.iterancestors(qn("w:ins"), qn("w:del")), None)
        if tracked is None:
            return None
        kinds.add(tracked.tag)
    return next(element.iter(*kinds)) if len(kinds) == 1 else None


def _child(parent, tag: str, index: int):
    """``parent``'s child ``tag``, made at ``index`` where missing."""
    from docx.oxml.ns import qn
    found = parent.find(qn(tag))
    if found is None:
        found = parent.makeelement(qn(tag), {})
        parent.insert(index, found)
    return found


def _copy(tracked):
    return tracked.makeelement(tracked.tag, dict(tracked.attrib))

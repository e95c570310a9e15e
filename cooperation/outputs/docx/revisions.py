"""Tracked changes between two renderings of one story of a Word document: its body, a header or a footer.

Both documents were rendered the normal way, each from its own version and the same template. ``Story`` walks
the two stories' WordprocessingML side by side and gives the newer story with every difference tracked as Word
tracks it:

- blocks (paragraphs, tables, content controls such as the table of contents) are aligned with difflib on their
  XML, leaving out what differs between any two renderings (bookmarks, list ids, relationship ids);
- in a stretch that differs, a paragraph is paired with one of the same style whose words are similar enough, a
  table with one of the same columns whose first row starts with the same word, a row with one whose first word
  (the item id, ``HYTE-1-M1``; a leading number such as a party's "3." is skipped) is the same. An item whose id
  changed is therefore one row removed and one added. What cannot be paired is removed whole and added whole:
  content is never dropped;
- a paired paragraph (or table cell) is compared word by word (words.py; line by line first where it has line
  breaks, as annex 1's cells do): ``w:del`` runs (``w:delText``, ``w:delInstrText``) and ``w:ins`` runs, inside
  hyperlinks and simple fields where the words are;
- a paragraph removed or added whole has its mark tracked (``w:pPr/w:rPr/w:del|w:ins``), a table row its
  ``w:trPr``, so that with every change accepted the story is the newer one paragraph for paragraph, and with
  every change rejected the older one.

What comes from the older document is listed in ``imported``: its list ids, styles and relationship ids belong to
the older package, and redline.py makes them resolve in the newer one.
"""
from __future__ import annotations

import copy
import difflib
import re
from typing import Any

from lxml import etree

from cooperation.outputs.docx.words import ADDED, EQUAL, REMOVED, TOKENS, WORDS, Atom, first_word, merge

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


P, TBL, TR, TC, SDT, SDT_CONTENT, R, T = (w(t) for t in ("p", "tbl", "tr", "tc", "sdt", "sdtContent", "r", "t"))
PPR, RPR, TRPR, TCPR, SECTPR, STYLE = (w(t) for t in ("pPr", "rPr", "trPr", "tcPr", "sectPr", "pStyle"))
INS, DEL, NUM_ID, ANCHOR, GRID_COL = w("ins"), w("del"), w("numId"), w("anchor"), w("gridCol")
HYPERLINK, FIELD, INSTR = w("hyperlink"), w("fldSimple"), w("instr")
CONTAINERS = {HYPERLINK, FIELD, w("smartTag"), w("customXml")}  # hold runs; w:ins/w:del go inside them, not around
MARKERS = {w(t) for t in ("bookmarkStart", "bookmarkEnd", "proofErr", "permStart", "permEnd", "commentRangeStart",
                          "commentRangeEnd", "lastRenderedPageBreak")}
BREAKS = {w("br"), w("cr")}
DELETED = {T: w("delText"), w("instrText"): w("delInstrText")}  # what a removed run's text is called
OLD, NEW = 0, 1
SIMILAR = 0.5  # share of words two paragraphs have in common to be shown as one paragraph changed word by word
PAIR_LIMIT = 2500  # removed × added blocks in one stretch beyond which only blocks of one kind are paired, in order
_VOLATILE = re.compile(rb'<w:bookmark(?:Start|End) [^>]*/>|<w:proofErr [^>]*/>| w:anchor="[^"]*"'
                       rb'|(?<=<w:numId w:val=")[^"]*')
_RELATIONSHIP = re.compile(rb'(?<= r:)(id|embed|link)="([^"]*)"')


class Story:
    """The newer story with the changes from the older one tracked: ``blocks(older, newer)``."""

    def __init__(self, author: str, date: str, old_rels: dict[str, str], new_rels: dict[str, str],
                 numbering: dict[str, str]):
        self.attrib = {w("id"): "0", w("author"): author, w("date"): date}  # ids are numbered once all is done
        self.rels = (old_rels, new_rels)  # relationship id → what it points to, in each package
        self.numbering = numbering  # older list id → newer one, learnt from paragraphs shown as one
        self.imported: list = []  # every element copied from the older document
        self._keys: dict = {}
        self._texts: dict = {}  # a paragraph's words, compared with each of a stretch's other paragraphs

    # --- what is the same -----------------------------------------------------------------------------
    def key(self, element: Any, side: int) -> bytes:
        """The element's XML without what differs between two renderings of the same text."""
        found = self._keys.get(element)
        if found is None:
            rels = self.rels[side]
            found = etree.tostring(element)
            if b"w:bookmark" in found or b"w:proofErr" in found or b"w:anchor" in found or b"w:numId" in found:
                found = _VOLATILE.sub(b"", found)  # (most blocks have none of these: the search is what costs)
            if b" r:" in found:
                found = _RELATIONSHIP.sub(lambda m: m.group(1) + b'="' + rels.get(m.group(2).decode(), "?").encode()
                                          + b'"', found)
            self._keys[element] = found
        return found

    def _learn(self, old: Any, new: Any) -> None:
        if old.tag == P:
            a, b = old.find(f"{PPR}/{w('numPr')}/{NUM_ID}"), new.find(f"{PPR}/{w('numPr')}/{NUM_ID}")
            if a is not None and b is not None:
                self.numbering.setdefault(a.get(w("val")), b.get(w("val")))

    # --- blocks ---------------------------------------------------------------------------------------
    def blocks(self, olds: list, news: list, end: bool = True) -> list:
        """The newer blocks, tracked. ``end``: the stories' last paragraphs hold the end mark of the cell or
        header, which Word never removes: they are compared word by word, never removed or added whole."""
        if end and olds and news and olds[-1].tag == P and news[-1].tag == P:
            return self.blocks(olds[:-1], news[:-1], end=False) + [self.changed(olds[-1], news[-1])]
        out: list = []
        matcher = difflib.SequenceMatcher(None, [self.key(e, OLD) for e in olds], [self.key(e, NEW) for e in news],
                                          autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                for old, new in zip(olds[i1:i2], news[j1:j2]):
                    self._learn(old, new)
                out += news[j1:j2]
                continue
            for old, new in self._pairs(olds[i1:i2], news[j1:j2]):
                if old is not None and new is not None:
                    out.append(self.changed(old, new))
                elif new is not None:
                    out.append(self.whole(new, ADDED))
                else:
                    out.append(self.whole(self.take(old), REMOVED))
        return self._separate_tables(out)

    def _separate_tables(self, blocks: list) -> list:
        """Two tables side by side become one in Word. Where a table removed whole meets one added whole, an empty
        paragraph keeps them apart that is in neither view: its mark added and removed (w:ins first, ECMA-376)."""
        out: list = []
        for block in blocks:
            if out and out[-1].tag == TBL and block.tag == TBL:
                out.append(self._mark(etree.Element(P), ADDED, REMOVED))
            out.append(block)
        return out

    def _pairs(self, olds: list, news: list) -> list[tuple[Any, Any]]:
        """The blocks of a stretch that differs in order, each with the block it is shown against (or None):
        the most similar pair first, then on either side of it, as difflib's Differ pairs lines."""
        if not olds or not news:
            return [(old, None) for old in olds] + [(None, new) for new in news]
        if len(olds) * len(news) > PAIR_LIMIT:
            return self._pairs_in_order(olds, news)
        scores = [[self._similarity(old, new) for new in news] for old in olds]

        def best(i1: int, i2: int, j1: int, j2: int) -> list[tuple[Any, Any]]:
            top, where = 0.0, None
            for i in range(i1, i2):
                for j in range(j1, j2):
                    if scores[i][j] > top:
                        top, where = scores[i][j], (i, j)
            if where is None:
                return [(old, None) for old in olds[i1:i2]] + [(None, new) for new in news[j1:j2]]
            i, j = where
            return best(i1, i, j1, j) + [(olds[i], news[j])] + best(i + 1, i2, j + 1, j2)
        return best(0, len(olds), 0, len(news))

    def _pairs_in_order(self, olds: list, news: list) -> list[tuple[Any, Any]]:
        """A long stretch: blocks of the same kind aligned by difflib, paired in order where similar enough."""
        out: list[tuple[Any, Any]] = []
        matcher = difflib.SequenceMatcher(None, [_kind(e) for e in olds], [_kind(e) for e in news], autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag != "equal":
                out += [(old, None) for old in olds[i1:i2]] + [(None, new) for new in news[j1:j2]]
                continue
            for old, new in zip(olds[i1:i2], news[j1:j2]):
                out += [(old, new)] if self._similarity(old, new) > 0 else [(old, None), (None, new)]
        return out

    def _similarity(self, old: Any, new: Any) -> float:
        """Above 0 when ``old`` may be shown as changed into ``new``; the higher the more alike."""
        if old.tag != new.tag or _kind(old) != _kind(new):
            return 0.0
        if old.tag == SDT:
            return 1.0
        if old.tag == TBL:  # same columns, same first row: the same table, the more so the more rows are the same
            rows = difflib.SequenceMatcher(None, [_identity(r) for r in old.iter(TR)],
                                           [_identity(r) for r in new.iter(TR)], autojunk=False)
            return 0.5 + rows.ratio() / 2
        if old.find(f"{PPR}/{SECTPR}") is not None:  # a section break pairs with a section break
            return 1.0
        a, b = self._words(old), self._words(new)
        matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
        if matcher.real_quick_ratio() < SIMILAR or matcher.quick_ratio() < SIMILAR:
            return 0.0
        ratio = matcher.ratio() if a or b else 1.0
        return ratio if ratio >= SIMILAR else 0.0

    def _words(self, element: Any) -> list[str]:
        found = self._texts.get(element)
        if found is None:
            found = self._texts[element] = WORDS.findall(_text(element))
        return found

    def changed(self, old: Any, new: Any) -> Any:
        """``new`` shown against ``old`` (blocks of one kind)."""
        self._learn(old, new)
        if self.key(old, OLD) == self.key(new, NEW):
            return new
        if new.tag == P:
            return self.paragraph(old, new)
        if new.tag == TBL:
            return self.table(old, new)
        if new.tag == SDT and old.find(SDT_CONTENT) is not None and new.find(SDT_CONTENT) is not None:
            content = new.find(SDT_CONTENT)
            _replace_children(content, self.blocks(list(old.find(SDT_CONTENT)), list(content), end=False))
            return new
        return new

    # --- tables ---------------------------------------------------------------------------------------
    def table(self, old: Any, new: Any) -> Any:
        olds, news = old.findall(TR), new.findall(TR)
        first = new.index(news[0]) if news else len(new)
        out = new.makeelement(TBL, new.attrib)
        out.extend(copy.deepcopy(c) for c in new[:first])  # w:tblPr, w:tblGrid
        rest = [copy.deepcopy(c) for c in new[first:] if c.tag != TR]
        matcher = difflib.SequenceMatcher(None, [self.key(r, OLD) for r in olds], [self.key(r, NEW) for r in news],
                                          autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                out.extend(news[j1:j2])
                continue
            for a, b in _row_pairs(olds[i1:i2], news[j1:j2]):
                if a is not None and b is not None:
                    out.append(self.row(a, b))
                elif b is not None:
                    out.append(self.whole_row(b, ADDED))
                else:
                    out.append(self.whole_row(self.take(a), REMOVED))
        out.extend(rest)
        return out

    def row(self, old: Any, new: Any) -> Any:
        """A row shown against the row of the same item: cell by cell (the two have the same cells)."""
        out = new.makeelement(TR, new.attrib)
        cells = iter(old.findall(TC))
        for child in new:
            if child.tag != TC:
                out.append(copy.deepcopy(child))
                continue
            cell, before = child.makeelement(TC, child.attrib), next(cells)
            properties = [c for c in child if c.tag == TCPR]
            cell.extend(copy.deepcopy(c) for c in properties)
            cell.extend(self.blocks([c for c in before if c.tag != TCPR], [c for c in child if c.tag != TCPR]))
            out.append(cell)
        return out

    def whole_row(self, row: Any, state: str) -> Any:
        """A row removed or added whole: its w:trPr tracked, and its words (its cells keep their marks)."""
        properties = row.find(TRPR)
        if properties is None:
            properties = row.makeelement(TRPR, {})
            row.insert(1 if len(row) and row[0].tag == w("tblPrEx") else 0, properties)
        change = properties.find(w("trPrChange"))
        properties.insert(properties.index(change) if change is not None else len(properties), self._revision(state))
        for cell in row.findall(TC):
            for block in list(cell):
                if block.tag != TCPR:
                    cell.replace(block, self.whole(block, state, mark=False))
        return row

    # --- whole blocks ---------------------------------------------------------------------------------
    def take(self, old: Any) -> Any:
        """A copy of an element of the older document, to be placed in the newer one: without its bookmarks (their
        names and ids belong to the older document) and listed in ``imported``."""
        taken = copy.deepcopy(old)
        for marker in list(taken.iter(w("bookmarkStart"), w("bookmarkEnd"))):
            marker.getparent().remove(marker)
        self.imported.extend(taken.iter())
        return taken

    def whole(self, block: Any, state: str, mark: bool = True) -> Any:
        """A block removed (a copy taken from the older document) or added whole: every run tracked, and the
        paragraph mark when ``mark``; in a table, its rows."""
        if block.tag == P:
            side = OLD if state == REMOVED else NEW
            items = [(state, atom) for atom in self._atoms(block, side)]
            paragraph = self._paragraph(block, items)
            return self._mark(paragraph, state) if mark else paragraph
        if block.tag == TBL:
            for row in block.findall(TR):
                self.whole_row(row, state)
        elif block.tag == SDT and block.find(SDT_CONTENT) is not None:
            content = block.find(SDT_CONTENT)
            _replace_children(content, [self.whole(child, state, mark) for child in content])
        return block  # another kind of block (none in a rendered agreement) is kept as it is, never dropped

    def _mark(self, paragraph: Any, *states: str) -> Any:
        """The paragraph mark tracked (not a section break's: the section would go with it)."""
        properties = paragraph.find(PPR)
        if properties is None:
            properties = paragraph.makeelement(PPR, {})
            paragraph.insert(0, properties)
        if properties.find(SECTPR) is not None:
            return paragraph
        mark = properties.find(RPR)
        if mark is None:
            later = [properties.index(c) for c in properties if c.tag in (SECTPR, w("pPrChange"))]
            mark = properties.makeelement(RPR, {})
            properties.insert(later[0] if later else len(properties), mark)
        for offset, state in enumerate(states):  # w:ins, then w:del, first among the mark's properties
            mark.insert(offset, self._revision(state))
        return paragraph

    def _revision(self, state: str) -> Any:
        return etree.Element(INS if state == ADDED else DEL, self.attrib)

    # --- paragraphs, word by word ---------------------------------------------------------------------
    def paragraph(self, old: Any, new: Any) -> Any:
        a = [atom for atom in self._atoms(old, OLD) if atom.key is not None]  # the older bookmarks are not kept
        b = self._atoms(new, NEW)
        content = [atom for atom in b if atom.key is not None]
        before: dict[int, list] = {}  # the newer markers (bookmarks), before the content they precede
        waiting: list = []
        for atom in b:
            if atom.key is None:
                waiting.append(atom)
            else:
                before[id(atom)], waiting = waiting, []
        items: list[tuple[str, Atom]] = []
        for state, atom in merge(a, content, BREAKS):
            if state != REMOVED:
                items += [(EQUAL, marker) for marker in before[id(atom)]]
            items.append((state, atom))
        items += [(EQUAL, marker) for marker in waiting]
        return self._paragraph(new, items)

    def _atoms(self, paragraph: Any, side: int) -> list[Atom]:
        out: list[Atom] = []

        def walk(parent: Any, path: tuple, ckeys: tuple) -> None:
            for child in parent:
                tag = child.tag
                if tag == PPR:
                    continue
                if tag == R:
                    rpr = child.find(RPR)
                    style = etree.tostring(rpr) if rpr is not None else b""
                    for node in child:
                        if node.tag == T:
                            out.extend(Atom((ckeys, style, token), path, ckeys, child, None, token)
                                       for token in TOKENS.findall(node.text or ""))
                        elif node.tag != RPR:
                            out.append(Atom((ckeys, style, node.tag, etree.tostring(node)), path, ckeys, child, node,
                                             None))
                elif tag in CONTAINERS:
                    walk(child, path + (child,), ckeys + (self._container_key(child, side),))
                elif tag in MARKERS or not isinstance(tag, str):
                    out.append(Atom(None, path, ckeys, None, child, None))
                else:  # something else at run level (an inline content control): compared and kept as it is
                    out.append(Atom((ckeys, tag, self.key(child, side)), path, ckeys, None, child, None))
        walk(paragraph, (), ())
        return out

    def _container_key(self, container: Any, side: int) -> tuple:
        if container.tag == HYPERLINK:  # where it goes; a bookmark's name differs between two renderings
            rid = container.get(f"{{{R_NS}}}id")
            return (HYPERLINK, self.rels[side].get(rid, "?") if rid else "#")
        return (container.tag, container.get(INSTR, ""))

    def _paragraph(self, source: Any, items: list[tuple[str, Atom]]) -> Any:
        paragraph = source.makeelement(P, source.attrib)
        properties = source.find(PPR)
        if properties is not None:  # moved: the source paragraph is not used again
            paragraph.append(properties)
        self._inlines(paragraph, items, 0)
        return paragraph

    def _copy(self, element: Any, state: str, deep: bool = True) -> Any:
        """A copy for the redline; one from the older document is listed in ``imported`` (and points nowhere
        inside it: the older bookmarks are not there)."""
        made = copy.deepcopy(element) if deep else element.makeelement(element.tag, element.attrib)
        if state == REMOVED:
            made.attrib.pop(ANCHOR, None)
            self.imported.extend(made.iter())
        return made

    def _inlines(self, parent: Any, items: list[tuple[str, Atom]], depth: int) -> None:
        """``items`` into ``parent``: words of one state and formatting in one run, runs of one state in one
        w:ins or w:del, and the containers (hyperlinks, simple fields) around their words, the newer one's where
        there is one."""
        wrapper: Any = None
        run: Any = None
        run_key: Any = None
        i = 0
        while i < len(items):
            state, atom = items[i]
            if len(atom.path) > depth:  # a container: everything in it, then on
                j, newer = i, None
                while j < len(items) and len(items[j][1].path) > depth and \
                        items[j][1].ckeys[depth] == atom.ckeys[depth]:
                    if items[j][0] != REMOVED:
                        if newer is not None and items[j][1].path[depth] is not newer:
                            break  # two links to the same place stay two links
                        newer = items[j][1].path[depth]
                    j += 1
                container = self._copy(newer if newer is not None else atom.path[depth],
                                       EQUAL if newer is not None else REMOVED, deep=False)
                parent.append(container)
                self._inlines(container, items[i:j], depth + 1)
                wrapper = run = None
                i = j
                continue
            i += 1
            if atom.run is None:  # a marker (the newer one's) or an element that is not a run: as it is
                if state != REMOVED:
                    parent.append(copy.deepcopy(atom.node))
                wrapper = run = None
                continue
            if state == EQUAL:
                target, wrapper = parent, None
            else:
                if wrapper is None or wrapper.tag != (INS if state == ADDED else DEL):
                    wrapper = self._revision(state)
                    parent.append(wrapper)
                    run = None
                target = wrapper
            if run is None or run_key != (state, atom.key[1]) or run.getparent() is not target:
                run, run_key = target.makeelement(R, {}), (state, atom.key[1])
                properties = atom.run.find(RPR)
                if properties is not None:
                    run.append(self._copy(properties, state))
                target.append(run)
            if atom.text is not None:
                tag = DELETED[T] if state == REMOVED else T
                last = run[-1] if len(run) else None
                if last is None or last.tag != tag:
                    last = run.makeelement(tag, {"{http://www.w3.org/XML/1998/namespace}space": "preserve"})
                    last.text = ""
                    run.append(last)
                last.text += atom.text
            else:
                node = self._copy(atom.node, state)
                if state == REMOVED and node.tag in DELETED:
                    node.tag = DELETED[node.tag]
                run.append(node)


def _replace_children(parent: Any, children: list) -> None:
    for child in list(parent):
        parent.remove(child)
    parent.extend(children)


def _text(element: Any) -> str:
    return "".join(t.text or "" for t in element.iter(T))


def _identity(element: Any) -> str:
    return first_word(_text(element))


def _kind(element: Any) -> tuple:
    """Blocks of one kind may be paired: paragraphs of one style, tables of as many columns whose first rows are
    about the same thing, content controls of one kind."""
    if element.tag == P:
        style = element.find(f"{PPR}/{STYLE}")
        return (P, style.get(w("val")) if style is not None else None, element.find(f"{PPR}/{SECTPR}") is not None)
    if element.tag == TBL:
        first = element.find(TR)
        return (TBL, len(element.findall(f"{w('tblGrid')}/{GRID_COL}")),
                _identity(first) if first is not None else "")
    if element.tag == SDT:
        gallery = element.find(f"{w('sdtPr')}/{w('docPartObj')}/{w('docPartGallery')}")
        return (SDT, gallery.get(w("val")) if gallery is not None else None)
    return (element.tag,)


def _cells(row: Any) -> list[str]:
    """The row's cells by the grid columns each spans."""
    spans = []
    for cell in row.findall(TC):
        span = cell.find(f"{TCPR}/{w('gridSpan')}")
        spans.append(span.get(w("val")) if span is not None else "1")
    return spans


def _row_pairs(olds: list, news: list) -> list[tuple[Any, Any]]:
    """Rows of a stretch that differs: a row is shown changed only against the row of the same item (the same
    first word, the same cells); others are removed and added whole."""
    out: list[tuple[Any, Any]] = []
    matcher = difflib.SequenceMatcher(None, [_identity(r) for r in olds], [_identity(r) for r in news],
                                      autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            out += [(old, None) for old in olds[i1:i2]] + [(None, new) for new in news[j1:j2]]
            continue
        for old, new in zip(olds[i1:i2], news[j1:j2]):
            out += [(old, new)] if _cells(old) == _cells(new) else [(old, None), (None, new)]
    return out


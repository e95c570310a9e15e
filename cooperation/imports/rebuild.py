"""What a workbook export-xlsx made says, worked out against the data it was exported from (the base).

A cell that shows what the export wrote for the base value means the base value, exactly (an unedited workbook
gives back its data byte for byte); an edited cell is read as its column reads words, numbers, parties and
schedules, and what is no value of its column is refused at the cell, naming what the column takes. Cells the
import does not read (reference columns, earlier years, the parties, a column that does not belong to the row's
level) must show what the export wrote: a value typed there is refused at its cell, never dropped.
"""
from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from typing import Any

from cooperation.domain import ALL_MUNICIPALITIES
from cooperation.i18n import labels as L
from cooperation.imports.merge import same
from cooperation.imports.roundtrip import Read, Row
from cooperation.imports.xlsx import Notes
from cooperation.load.sources import Sources
from cooperation.result import ERROR, INFO, WARNING
from cooperation.schemas import default_schemas
from cooperation.workbook import cells as C
from cooperation.workbook import layout as Y
from cooperation.workbook.cells import MISSING

Place = tuple[str, int, int]  # (sheet, row, column)


@dataclass
class Base:
    """The data a workbook was exported from (for a first import into an empty root: the parties it has)."""

    subareas: dict[str, dict]  # id → the sub-area file's data
    parties: list[dict]
    values: dict[tuple[str, str, int], tuple[float, str]]  # (indicator, area, year) → (value, note)
    main: str  # the agreement's main language


def base_of(sources: Sources) -> Base:
    parties_doc = sources.documents.get("parties")
    parties = [p for p in (parties_doc.data.get("parties") or []) if isinstance(p, dict)] \
        if parties_doc is not None and isinstance(parties_doc.data, dict) else []
    agreement = sources.agreement.data if sources.agreement is not None and isinstance(sources.agreement.data, dict) else {}
    languages = agreement.get("languages") if isinstance(agreement.get("languages"), list) else None
    return Base({doc.data["id"]: doc.data for doc in sources.subareas if isinstance(doc.data, dict)
                 and isinstance(doc.data.get("id"), str)}, parties,
                {(m.indicator, m.area, m.year): (m.value, m.note) for m in sources.measurements},
                str((languages or ["fi"])[0]))


def _text(value: Any) -> str:
    return " ".join(str(value).split()) if value is not None else ""


class Rebuild:
    """The sub-area files, the yearly values and the notes of one workbook."""

    def __init__(self, read: Read, notes: Notes, base: Base | None, parties: list[dict], codes: dict[str, str],
                 today: datetime.date):
        self.read, self.notes, self.base, self.codes, self.today = read, notes, base, codes, today
        self.lang = read.lang
        self.main = base.main if base is not None else (read.languages or ["fi"])[0]
        self.parties = base.parties if base is not None and base.parties else parties
        self.codec = C.Parties(self.parties)
        self.places: dict[tuple[str, tuple], Place] = {}  # (item id, field path) → its cell
        self._shown_indicators: dict[str, tuple] = {}  # indicator id → (its name, its unit) as the export showed them
        self._previous: list[tuple[str, int]] = [key for key in read.value_columns
                                                 if isinstance(key, tuple) and key[0] == "previous"]
        self.id_places: dict[str, Place] = {}
        self.known: dict[str, tuple[str, dict]] = {}  # base item id → (level, item)
        self.parent: dict[str, str] = {}
        for data in (base.subareas if base is not None else {}).values():
            for level, item, parent_id in Y.workbook_items(data):
                if isinstance(item.get("id"), str):
                    self.known[item["id"]] = (level, item)
                    if isinstance(parent_id, str):
                        self.parent[item["id"]] = parent_id

    def error(self, code: str, place: Place, /, **params: Any) -> None:
        self.notes.at(ERROR, code, *place, **params)

    def main_place(self, row: int, key: str, language: str | None = None) -> Place | None:
        column = self.read.columns.get((key, language))
        return (self.read.sheets["main"], row, column) if column else None

    # --- the data sheet ------------------------------------------------------------------------------------------
    def _data_fields(self, levels: dict[str, str]) -> dict[str, list[tuple[tuple, Any, int]]]:
        """Item id → (field path, value, row) of its data-sheet rows, words read as codes."""
        read, sheet = self.read, self.read.sheets["data"]
        value_column, title_column = read.data_columns["value"], read.data_columns.get("title")
        out: dict[str, list[tuple[tuple, Any, int]]] = {}
        for row in read.data:
            level = levels.get(row.id)
            if level is None:
                self.error("workbook_unknown_id", (sheet, row.number, read.data_columns["id"]), id=row.id)
                continue
            shape = tuple(0 if isinstance(p, int) else p for p in row.path)
            expected = Y.field_title(level, shape, self.lang)
            if title_column and row.title is not None and _text(row.title) and _text(row.title) != _text(expected):
                self.error("workbook_not_read_reference", (sheet, row.number, title_column),
                           column=Y.data_heading("title", self.lang), expected=expected or "")
            labels = Y.enum_at(level, shape)
            try:
                value = C.read_enum(level, shape, row.value, Y.data_heading("value", self.lang), self.lang) \
                    if labels and isinstance(row.value, str) and row.value.strip() else C.decode_value(row.value)
            except C.Invalid as exc:
                self.error(exc.code, (sheet, row.number, value_column), **exc.params)
                continue
            out.setdefault(row.id, []).append((row.path, value, row.number))
            self.places[(row.id, row.path)] = (sheet, row.number, value_column)
        return out

    # --- the sub-area files --------------------------------------------------------------------------------------
    def subareas(self) -> dict[str, dict]:
        """Sub-area id → its data as the workbook has it. Without a base (a first import) every row is new to the
        files; with one, its ids are the only ones a row may carry (a new row leaves the id empty and gets one)."""
        read, base = self.read, self.base
        levels = {row.id: row.level or self.known.get(row.id, (None,))[0] or _inferred(row) for row in read.rows
                  if row.id}
        levels.update({ident: entry[0] for ident, entry in self.known.items() if ident not in levels})
        fields_of = self._data_fields({k: v for k, v in levels.items() if v})
        used = set(self.known) | {r.id for r in read.rows if r.id}
        subareas: dict[str, dict] = {}
        children: dict[int, dict[str, list]] = {}  # id(item) → child list → items
        subarea: dict | None = None
        goal: dict | None = None
        by_id: dict[str, dict] = {}
        placed: list[tuple[int, str, dict, dict | None]] = []  # (row, level, item, the item above it in the sheet)
        sheet = read.sheets["main"]
        id_column = read.columns[("id", None)]
        for row in read.rows:
            before = self.known.get(row.id) if row.id else None
            if row.id and base is not None and before is None:
                self.error("workbook_unknown_id", (sheet, row.number, id_column), id=row.id)
                continue
            level = row.level
            if before is not None and level is not None and level != before[0]:
                self.error("workbook_level_changed", (sheet, row.number, id_column), id=row.id,
                           level=C.level_word(before[0], self.lang))
                continue
            level = level or (before[0] if before else None) or _inferred(row)
            if level is None:
                if row.cells or row.texts:
                    place = self.main_place(row.number, "level") or (sheet, row.number, id_column)
                    self.error("workbook_level_missing", place,
                               levels=", ".join(f"”{C.level_word(x, self.lang)}”" for x in Y.LEVELS))
                continue  # a row of comments only, or notes a user added
            for key in row.cells:
                if key not in Y.FIELDS[level]:
                    self.error("workbook_not_read_level", self.main_place(row.number, key) or (sheet, row.number, 1),
                               column=Y.main_heading(key, self.lang), level=C.level_word(level, self.lang))
            ident = row.id
            if ident is None:
                if level == "subarea":
                    self.error("workbook_new_subarea_row", (sheet, row.number, id_column))
                    continue
                ident = _new_id(level, subarea or {}, goal or {}, self.codes, used)
                used.add(ident)
                self.notes.at(INFO, "workbook_new_item", sheet, row.number, id_column, id=ident,
                              level=C.level_word(level, self.lang))
            self.id_places[ident] = (sheet, row.number, id_column)
            item = self._item(row, level, ident, before[1] if before else {}, fields_of.get(row.id or "", []))
            children[id(item)] = {name: [] for name in Y.CHILD_LISTS[level]}
            if level == "subarea":
                subarea, goal = item, None
                if ident in subareas:
                    continue
                subareas[ident] = item
            else:
                placed.append((row.number, level, item, subarea if level == "goal" else goal))
                if level == "goal":
                    goal = item
            by_id[ident] = item
        # an item stays under its parent in the files (a sorted or filtered sheet moves nothing); a new row, or one
        # whose parent's row was deleted, goes under the item above it
        for number, level, item, above in placed:
            parent = by_id.get(self.parent.get(item["id"], ""), above)
            if parent is None:
                self.error("workbook_row_without_parent", (sheet, number, id_column),
                           level=C.level_word(level, self.lang))
                continue
            children[id(parent)]["goals" if level == "goal" else "actions" if level == "action" else "indicators"] \
                .append(item)

        def assemble(node: dict) -> None:
            for name, items in children.get(id(node), {}).items():
                for child in items:
                    assemble(child)
                if items or name in node:
                    node[name] = node.get(name) if not items else items
        for data in subareas.values():
            assemble(data)
        if read.party and base is not None:
            self._restore(subareas, read.party)
        return subareas

    def _item(self, row: Row, level: str, ident: str, before: dict, data: list[tuple[tuple, Any, int]]) -> dict:
        """One item from its row of the main sheet and its rows of the data sheet."""
        lang, main = self.lang, self.main
        item: dict = {"id": ident}
        rows_at = {path: number for path, _, number in data}
        fields = _nest([(path, value) for path, value, _ in data if isinstance(path[0], str)])
        for column, name in Y.FIELDS[level].items():
            place = self.main_place(row.number, column)
            old = before.get(name, MISSING)
            if place is not None:
                self.places[(ident, (name,))] = place
            if name in Y.TEXT_FIELDS:
                value = self._text(row, level, column, name, old, fields.pop(name, MISSING), rows_at, ident)
            elif place is None:  # the column is gone from the sheet: nothing of it was edited
                value = old
            elif column not in row.cells:
                value = MISSING
            elif old is not MISSING and _text(row.cells[column]) == _text(
                    C.show_field(name, level, old, lang, main, self.codec)):
                value = old
            else:
                value = self._parse(name, level, row.cells[column], place, old)
            if value is not MISSING:
                item[name] = value
        for key, value in fields.items():
            if key in Y.main_fields(level):
                number = next(n for path, n in rows_at.items() if path[0] == key)
                self.error("workbook_field_on_main", (self.read.sheets["data"], number, self.read.data_columns["field"]),
                           field=key, sheet=self.read.sheets["main"])
            else:
                item[key] = value
        if level == "action" and not before:  # a new action: planned, led by the first party named
            named = [r for r in item.get("responsible") or [] if r != ALL_MUNICIPALITIES]
            if named and "lead" not in item:
                item["lead"] = named[0]
            item.setdefault("status", "planned")
        if level == "action" and before and before.get("status") != item.get("status"):
            self._status_changed(row, before, item)
        return _schema_order(level, item)

    def _text(self, row: Row, level: str, column: str, name: str, old: Any, rest: Any, rows_at: dict,
              ident: str) -> Any:
        """A text from its parts: the workbook's language in its column, a name's other languages in theirs, the
        rest from the data sheet; a part the main sheet holds is not taken from the data sheet."""
        lang, main = self.lang, self.main
        parts: dict[str, str] = {}
        sources: dict[str, tuple[str, str | None]] = {lang: (column, None)}
        if name == Y.NAME_FIELD[level]:
            sources.update({x: ("text", x) for x in self.read.languages if x != lang})
        for language, (key, text_language) in sources.items():
            place = self.main_place(row.number, key, text_language)
            if place is None:  # the column is gone: that part is as it was
                part = C.text_part(old, language, main)
            else:
                self.places[(ident, (name, language))] = place
                cell = row.cells.get(key) if key != "text" else row.texts.get(language)
                part = str(cell) if cell is not None and str(cell).strip() else None
            if part:
                parts[language] = part
        if isinstance(rest, dict):
            for language in [x for x in rest if x in sources]:
                self.error("workbook_field_on_main", (self.read.sheets["data"], rows_at[(name, language)],
                                                      self.read.data_columns["field"]),
                           field=f"{name}.{language}", sheet=self.read.sheets["main"])
            rest = {k: v for k, v in rest.items() if k not in sources}
        return C.join_text(parts, rest, old, main, self.read.languages)

    def _parse(self, name: str, level: str, cell: Any, place: Place, old: Any) -> Any:
        column = Y.main_heading(self._column_of(level, name), self.lang)
        try:
            if name == "responsible":
                return self.codec.read_list(cell, column, self.lang)
            if name == "lead":
                return self.codec.read(cell, column, self.lang)
            if name == "schedule":
                return C.read_schedule(cell)
            if name == "status":
                return C.read_enum(level, ("status",), cell, column, self.lang)
            return C.read_dated(cell)
        except C.Invalid as exc:
            self.error(exc.code, place, **exc.params)
            return old

    @staticmethod
    def _column_of(level: str, name: str) -> str:
        return next(column for column, field in Y.FIELDS[level].items() if field == name)

    def _status_changed(self, row: Row, before: dict, item: dict) -> None:
        """A status changed in the workbook: the action's history gets today's entry (its newest entry must be its
        status), and a reason left as it was is worth a word."""
        new = item.get("status")
        history = item.get("status_history")
        if isinstance(history, list) and same(history, before.get("status_history")) and isinstance(new, str):
            item["status_history"] = [*history, {"date": self.today.isoformat(), "status": new}]
        if before.get("status_reason") and same(item.get("status_reason"), before.get("status_reason")):
            labels = Y.enum_at("action", ("status",))
            place = self.main_place(row.number, "status_reason") or self.main_place(row.number, "status")
            if place is not None:
                self.notes.at(WARNING, "workbook_status_reason_unchanged", *place, id=item["id"],
                              old=C.enum_word(labels, before.get("status"), self.lang),
                              new=C.enum_word(labels, new, self.lang))

    def _restore(self, subareas: dict[str, dict], party: str) -> None:
        """A party's copy has only its own actions and indicators: the others are kept as they were."""
        assert self.base is not None
        for sid, data in subareas.items():
            old = self.base.subareas.get(sid)
            if old is None:
                continue
            old_goals = {g.get("id"): g for g in old.get("goals") or [] if isinstance(g, dict)}
            for goal in data.get("goals") or []:
                before = old_goals.get(goal.get("id"))
                if before is None:
                    continue
                for name, level in (("actions", "action"), ("indicators", "indicator")):
                    hidden = [x for x in before.get(name) or [] if isinstance(x, dict)
                              and not Y.concerns(level, x, party, self.parties)]
                    if hidden:
                        goal[name] = _restored(list(goal.get(name) or []), before.get(name) or [], hidden)

    # --- the yearly values ---------------------------------------------------------------------------------------
    def values(self, ours: dict[tuple[str, str, int], tuple[float, str]]) -> dict[tuple[str, str, int], tuple[float, str]]:
        """(indicator, area, year) → (value, note) the workbook changes; its other cells checked against the base."""
        read, base, lang = self.read, self.base, self.lang
        columns = read.value_columns
        if read.year is None or "values" not in read.sheets or "value" not in columns:
            return {}
        sheet, year = read.sheets["values"], read.year
        if base is None:
            if any(C.filled(row.cells.get("value")) for row in read.values):
                self.notes.at(WARNING, "workbook_values_not_imported", sheet, 1, columns["value"])
            return {}
        indicators = {ident: item for ident, (level, item) in self.known.items() if level == "indicator"}
        municipalities = Y.municipalities_of(self.parties)
        changes: dict[tuple[str, str, int], tuple[float, str]] = {}
        seen: dict[tuple[str, str], int] = {}
        revision = (read.meta.get("revision") or "")[:10] or "–"
        for row in read.values:
            ident = str(row.id).strip() if C.filled(row.id) else ""
            indicator = indicators.get(ident)
            if indicator is None:
                self.error("workbook_unknown_id", (sheet, row.number, columns.get("id", 1)), id=ident or "–")
                continue
            try:
                area = self.codec.read(row.area, Y.value_heading("area", lang, year), lang, area=True)
            except C.Invalid as exc:
                self.error(exc.code, (sheet, row.number, columns.get("area", 1)), **exc.params)
                continue
            if area not in Y.indicator_areas(indicator, municipalities):
                self.error("workbook_value_area", (sheet, row.number, columns.get("area", 1)), id=ident,
                           area=_text(row.area))
                continue
            if (ident, area) in seen:
                self.error("workbook_duplicate_id", (sheet, row.number, columns.get("id", 1)), id=f"{ident} / {area}",
                           first=self.notes.cell(sheet, seen[(ident, area)], columns.get("id", 1)))
                continue
            seen[(ident, area)] = row.number
            self._reference_values(row, indicator, area)
            key = (ident, area, year)
            self.places[(ident, (area, year))] = (sheet, row.number, columns["value"])
            change = self._value(row, key, ours.get(key), revision)
            if change is not None:
                changes[key] = change
        return changes

    def _value(self, row, key: tuple[str, str, int], ours: tuple[float, str] | None,
               revision: str) -> tuple[float, str] | None:
        sheet, columns = self.read.sheets["values"], self.read.value_columns
        assert self.base is not None
        old = self.base.values.get(key)
        raw, note_cell = row.cells.get("value"), row.cells.get("note")
        place = (sheet, row.number, columns["value"])
        note = str(note_cell).strip() if C.filled(note_cell) else ""
        if not C.filled(raw):
            if old is not None:
                self.error("workbook_value_removed", place, value=C.show_number(old[0]))
            elif note and "note" in columns:
                self.error("workbook_note_without_value", (sheet, row.number, columns["note"]))
            return None
        try:
            number = C.read_number(raw)
        except C.Invalid as exc:
            self.error(exc.code, place, **exc.params)
            return None
        if row.percent and isinstance(number, (int, float)):
            number = round(number * 100, 10)
        if "note" not in columns:  # the note column is gone: the note is as it was
            note = old[1] if old else ""
        if old is not None and old[0] == number and (old[1] or "") == note:
            return None
        if ours == old or (ours is None and old is None):
            return number, note
        if ours is not None and ours[0] == number and (ours[1] or "") == note:
            return None
        self.error("workbook_conflict", place, id=key[0], field=f"{key[1]} {key[2]}", revision=revision,
                   ours=C.show_number(ours[0]) if ours else "(poistettu)", theirs=C.show_number(number))
        return None

    def _reference_values(self, row, indicator: dict, area: str) -> None:
        """The cells of a values row the import does not read show what the export wrote."""
        assert self.base is not None
        lang, columns, cells = self.lang, self.read.value_columns, row.cells
        shown = self._shown_indicators.get(indicator["id"])
        if shown is None:
            shown = self._shown_indicators[indicator["id"]] = (
                C.display_text(indicator.get("name"), lang, self.main) or None,
                C.unit_word(indicator.get("unit"), lang))
        code = cells.get("progress_code")
        progress = L.WORDS.get(f"status_{code}", {}).get(lang) if C.filled(code) else None
        for key, value in (("indicator", shown[0]), ("unit", shown[1]), ("progress", progress)):
            if key in columns:
                found = cells.get(key)
                if found != value and _text(found) != _text(value):
                    self._not_read(row, key, value)
        for previous in self._previous:
            found = cells.get(previous)
            old = self.base.values.get((indicator["id"], area, previous[1]))
            number = old[0] if old else None
            if found is number or (found.__class__ in (int, float) and found == number):
                continue
            self._not_read(row, previous, number)

    def _not_read(self, row, key: Any, value: Any) -> None:
        lang, year = self.lang, self.read.year or 0
        place = (self.read.sheets["values"], row.number, self.read.value_columns[key])
        shown = C.show_number(value) if isinstance(value, (int, float)) else (value or "")
        if isinstance(key, tuple):
            self.error("workbook_not_read_previous", place, expected=shown, year=year,
                       column=Y.value_heading("value", lang, year))
        else:
            self.error("workbook_not_read_reference", place, column=Y.value_heading(key, lang, year), expected=shown)

    # --- the sheets only shown -----------------------------------------------------------------------------------
    def reference_sheets(self) -> None:
        """The parties and the lists of words show what the export wrote: a value typed there is refused."""
        lang = self.lang
        rows = self.read.reference.get("parties")
        if rows:
            sheet = self.read.sheets["parties"]
            heads = [L.word("col_number", lang), L.word("party", lang), L.word("kind", lang),
                     L.word("business_id", lang), Y.main_heading("id", lang)]
            expected = {row[4]: row for row in C.parties_rows(self.parties, lang)}
            for number, values, _ in rows[1:]:
                want = expected.get(values[4] if len(values) > 4 else None, [None] * 5)
                self._compare(sheet, number, values, list(want), heads)
        lists = self.read.reference.get("lists")
        if lists:
            keys = lists[0][1]
            for column, key in enumerate(keys, start=1):
                words = self._list_words(str(key))
                for number, values, _ in lists[1:]:
                    found = values[column - 1] if column <= len(values) else None
                    wanted = words[number - 2] if words is not None and 0 <= number - 2 < len(words) else None
                    if _text(found) != _text(wanted):
                        self.error("workbook_not_read_reference", (Y.LISTS_SHEET, number, column), column=str(key),
                                   expected=wanted or "")

    def _compare(self, sheet: str, number: int, values: list, want: list, heads: list) -> None:
        for column in range(1, max(len(values), len(want)) + 1):
            found = values[column - 1] if column <= len(values) else None
            expected = want[column - 1] if column <= len(want) else None
            if _text(found) != _text(expected):
                self.error("workbook_not_read_reference", (sheet, number, column),
                           column=heads[column - 1] if column <= len(heads) else "–",
                           expected="" if expected is None else str(expected))

    def _list_words(self, key: str) -> list[str] | None:
        lang = self.lang
        if key == "level":
            return [C.level_word(x, lang) for x in Y.LEVELS]
        if key == "status":
            labels = Y.enum_at("action", ("status",))
            return [C.enum_word(labels, code, lang) for code in labels]
        if key == "lead":
            return [self.codec.name(p, lang) for p in self.codec.ids]
        level, _, path = key.partition(":")
        if level in Y.LEVELS and path:
            shape = tuple(int(p) if p.isdigit() else p for p in path.split("."))
            labels = Y.enum_at(level, shape)
            return [C.enum_word(labels, code, lang) for code in labels] if labels else None
        return None

    # --- where a problem is ------------------------------------------------------------------------------------
    def place_of(self, item: str, path: tuple) -> Place | None:
        """The cell of an item's field: its own, else the nearest one of the same item."""
        for length in range(len(path), 0, -1):
            if (item, path[:length]) in self.places:
                return self.places[(item, path[:length])]
        for (ident, field_path), at in self.places.items():
            if ident == item and field_path[:len(path)] == path:
                return at
        return self.id_places.get(item)


def _inferred(row: Row) -> str | None:
    """The level of a row without one: the level whose name column alone has text."""
    named = [level for level in Y.LEVELS if level in row.cells]
    return named[0] if len(named) == 1 else None


def _restored(theirs: list, base: list, hidden: list[dict]) -> list:
    """``theirs`` with the ``hidden`` items of ``base`` back, each after the item it followed there."""
    out = list(theirs)
    hidden_ids = {x.get("id") for x in hidden}
    for index, entry in enumerate(base):
        if not isinstance(entry, dict) or entry.get("id") not in hidden_ids:
            continue
        before = next((base[i].get("id") for i in range(index - 1, -1, -1)
                       if isinstance(base[i], dict) and any(x.get("id") == base[i].get("id") for x in out)), None)
        position = next((i + 1 for i, x in enumerate(out) if x.get("id") == before), 0) if before else 0
        out.insert(position, entry)
    return out


def _nest(pairs: list[tuple[tuple, Any]]) -> dict:
    """Field paths and values back into nested data: dicts, and lists where the keys are list positions."""
    root: dict = {}
    for path, value in pairs:
        node = root
        for part in path[:-1]:
            node = node.setdefault(part, {})
            if not isinstance(node, dict):
                break
        else:
            node[path[-1]] = value
    return _lists(root)


def _lists(value: Any) -> Any:
    if isinstance(value, dict):
        value = {k: _lists(v) for k, v in value.items()}
        if value and all(isinstance(k, int) for k in value):
            return [value[k] for k in sorted(value)]
    return value


def _schema_order(level: str, item: dict) -> dict:
    """The item's keys in the schema's order, as the files write them (unknown keys after)."""
    node = default_schemas().node_at("subarea", Y.EXAMPLE_PATH[level]) or {}
    order = {key: index for index, key in enumerate(node.get("properties", {}))}
    return dict(sorted(item.items(), key=lambda pair: order.get(pair[0], len(order))))


def _new_id(level: str, subarea: dict, goal: dict, codes: dict[str, str], used: set[str]) -> str:
    if level == "goal":
        prefix = f"{subarea.get('code') or codes.get(subarea.get('id', ''), 'OA')}-"
    else:
        prefix = f"{goal.get('id')}-{'T' if level == 'action' else 'M'}"
    number = 1  # the first number not in use
    while f"{prefix}{number}" in used:
        number += 1
    return f"{prefix}{number}"


def shown(value: Any) -> str:
    """A value as a conflict message quotes it."""
    from cooperation.i18n.messages import excerpt
    if value is MISSING:
        return "(poistettu)"
    if isinstance(value, dict) and "id" in value:
        return f"{value['id']} …"
    return excerpt(json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value, 80)

"""import-measurements: indicator values from Sotkanet (CSV or JSON) or a tidy CSV into measurements/.

Rows it cannot place are listed as warnings at their line or entry; a re-import changes nothing. ``merge_values``
is the one writer of measurements/*.csv: import-xlsx writes the workbook's yearly values through it too.
"""
from __future__ import annotations

import csv
import io
import json
import math
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from cooperation.check import check
from cooperation.csv_cells import neutralised
from cooperation.domain import ALL_MUNICIPALITIES, REGION
from cooperation.i18n.status import status
from cooperation.imports.common import EXIT_DATA, EXIT_OK, EXIT_USAGE, Report, load, say, size_text, write_checked
from cooperation.imports.template import PartyMatcher, normalise
from cooperation.load.sources import MAX_CSV_BYTES, read_measurements
from cooperation.load.yaml_loader import read_text
from cooperation.result import WARNING, Problem
from cooperation.schemas import default_schemas
from cooperation.workbook.cells import Invalid, read_number

_TOTAL = {"", "total", "yhteensä", "yht", "totalt", "molemmat", "both"}
MAX_INPUT_BYTES = 50_000_000  # a Sotkanet export for one region is far smaller
_SOTKANET_ID = re.compile(r"[0-9]{1,9}")  # str.isdigit() is true for "²", which int() refuses
_YEAR = default_schemas().node_at("measurement", ("year",)) or {}
YEAR_MIN, YEAR_MAX = _YEAR.get("minimum", 1900), _YEAR.get("maximum", 2100)


class _BadInput(Exception):
    """The input file as a whole cannot be read; the message says why, in Finnish."""


class _BadValue(Exception):
    """A row's year or value cannot be imported (the row is skipped): a message code and its parameters say why."""

    def __init__(self, code: str, **params: Any):
        super().__init__(code)
        self.code, self.params = code, params


Where = tuple[int, str | None]  # a row's position in the input: (CSV line, None) or (entry + 1, "[entry]") in JSON


def _show(value) -> str:
    """A value as a message quotes it: a 400-digit number is cut short."""
    text = str(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _read_rows(file: Path) -> list[tuple[Where, dict | None]]:
    """(where, row) for each entry, row None when the entry is not a row."""
    size = file.stat().st_size
    if size > MAX_INPUT_BYTES:
        raise _BadInput(f"tiedosto on liian suuri ({size_text(size)} tavua, enintään {size_text(MAX_INPUT_BYTES)}); tuo se osissa")
    raw = file.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _BadInput(f"tiedosto ei ole UTF-8-muodossa (virheellinen tavu kohdassa {exc.start}); "
                        "tallenna se UTF-8-muodossa") from exc
    if file.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise _BadInput(f"JSON-muoto on rikki rivillä {exc.lineno}, sarakkeessa {exc.colno}: {exc.msg}") from exc
        except RecursionError as exc:
            raise _BadInput("JSON-rakenne on liian syvälle sisäkkäin") from exc
        except ValueError as exc:  # more digits than int() converts
            raise _BadInput("tiedostossa on liian pitkä luku") from exc
        if isinstance(data, dict):
            data = next((v for v in data.values() if isinstance(v, list)), None)
        if not isinstance(data, list):
            raise _BadInput("JSON-tiedostossa pitää olla luettelo rivejä, esim. "
                            '[{"indicator": 3127, "region": 123, "year": 2025, "gender": "total", "value": 12.5}]')
        return [((index + 1, f"[{index}]"), {str(k).lower(): v for k, v in row.items()} if isinstance(row, dict) else None)
                for index, row in enumerate(data)]
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[Where, dict | None]] = []
    try:
        for row in reader:
            rows.append(((reader.line_num, None),
                         {(k or "").strip().lower(): (v.strip() if isinstance(v, str) else v) for k, v in row.items()}))
    except csv.Error as exc:
        raise _BadInput(f"CSV-muoto on rikki rivillä {reader.line_num}: {exc}") from exc
    return rows


def _number(value) -> float:
    """The value as a number (a decimal comma, a percent sign and spaces between thousands read as the workbook
    reads them); _BadValue says why it is not one."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise _BadValue("row_value_missing")
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise _BadValue("row_value_invalid", value=_show(value))
    try:
        number = float(read_number(value)) if isinstance(value, str) else float(value)
    except Invalid:
        try:  # NaN, Infinity, 1e400: a number, but none that can be a value
            number = float(value.replace(" ", "").replace("\u00a0", "")) if isinstance(value, str) else math.nan
        except ValueError:
            raise _BadValue("row_value_invalid", value=_show(value)) from None
    except OverflowError:  # an integer beyond any float
        number = math.inf
    if not math.isfinite(number):
        raise _BadValue("row_value_infinite", value=_show(value))
    return number


def _year(value) -> int:
    """The year; _BadValue says why it is not one within YEAR_MIN–YEAR_MAX."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise _BadValue("row_year_missing")
    if isinstance(value, int) and not isinstance(value, bool):
        year = value
    else:
        text = str(value).strip()
        if not re.fullmatch(r"-?[0-9]{1,12}", text):
            raise _BadValue("row_year_invalid", year=_show(value))
        year = int(text)
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise _BadValue("row_year_range", year=_show(year), min=YEAR_MIN, max=YEAR_MAX)
    return year


def _note(value) -> str:
    """A note on one line: control characters would make a CSV the loader refuses."""
    return re.sub(r"[\x00-\x1f\x7f\x85\u2028\u2029]+", " ", str(value or "")).strip()


def _format(value: float) -> str:
    return str(int(value)) if value == int(value) and abs(value) < 1e15 else repr(value)


def import_measurements(file: Path, root: Path, format: str = "text", lang: str = "fi") -> int:
    """Exit code 0 when imported (rows it cannot place are warnings), 1 for problems in the file or the data
    (nothing written), 2 without a file."""
    report = Report(format, lang)
    try:
        return _import_measurements(file, root, report)
    finally:
        report.close()


def _import_measurements(file: Path, root: Path, report: Report) -> int:
    if not file.is_file():
        say(status("error", message=status("no_file", file=file)))
        return EXIT_USAGE
    sources, parties, _ = load(root)
    outcome = check(sources)
    if outcome.errors:
        report.check(outcome)
        say(status("fix_first") + " " + status("nothing_written"))
        return EXIT_DATA
    try:
        rows = _read_rows(file)
    except _BadInput as exc:
        say(f"virhe: tiedostoa {file.name} ei voi lukea: {exc}. Mitään ei kirjoitettu.")
        return EXIT_DATA
    except OSError as exc:
        say(f"virhe: tiedostoa {file.name} ei voi lukea ({exc.strerror or exc}). Mitään ei kirjoitettu.")
        return EXIT_DATA
    matcher = PartyMatcher(parties)
    county: dict = next((p for p in parties if p.get("kind") == "county"), {})
    by_region = {p["sotkanet_region"]: p["id"] for p in parties if isinstance(p.get("sotkanet_region"), int)}
    indicators: dict[str, str] = {}  # our indicator id → sub-area id
    by_sotkanet: dict[int, list[str]] = {}
    for doc in sources.subareas:
        for goal in doc.data.get("goals", []):
            for indicator in goal.get("indicators", []):
                indicators[indicator["id"]] = doc.data["id"]
                if "sotkanet" in indicator.get("source", {}):
                    by_sotkanet.setdefault(indicator["source"]["sotkanet"], []).append(indicator["id"])

    def area_of(row: dict) -> str | None:
        region = row.get("region", row.get("area", row.get("alue")))
        if region is None:
            return None
        text = str(region).strip()
        if _SOTKANET_ID.fullmatch(text):
            number = int(text)
            if number == county.get("sotkanet_region"):
                return REGION
            return by_region.get(number)
        if text == REGION or normalise(text) in ("koko alue", "hela regionen"):
            return REGION
        if any(p["id"] == text for p in parties):
            return text
        found, _ = matcher.match(text)
        if found == [county.get("id")]:
            return REGION
        return found[0] if len(found) == 1 and found[0] != ALL_MUNICIPALITIES else None

    values: dict[tuple, tuple[float, str]] = {}
    skipped: list[Problem] = []

    def skip(where: Where, code: str, **params: Any) -> None:
        line, entry = where
        skipped.append(Problem(WARNING, code, file.name, line, 0, params, cell=entry))

    for where, row in rows:
        if row is None:
            skip(where, "row_not_object")
            continue
        gender = str(row.get("gender", row.get("sukupuoli", "")) or "").strip().lower()
        if gender not in _TOTAL:
            skip(where, "row_gender", gender=_show(gender))
            continue
        raw_indicator = str(row.get("indicator", row.get("mittari", "")) or "").strip()
        targets = by_sotkanet.get(int(raw_indicator), []) if _SOTKANET_ID.fullmatch(raw_indicator) else \
            ([raw_indicator] if raw_indicator in indicators else [])
        if not targets:
            skip(where, "row_unknown_indicator", indicator=_show(raw_indicator))
            continue
        area = area_of(row)
        if area is None:
            skip(where, "row_unknown_area", area=_show(row.get("region", row.get("area", ""))))
            continue
        try:
            year = _year(row.get("year", row.get("vuosi")))
            value = _number(row.get("value", row.get("arvo")))
        except _BadValue as exc:
            skip(where, exc.code, **exc.params)
            continue
        for indicator in targets:
            key = (indicator, area, year)
            if key in values and values[key][0] != value:
                skip(where, "row_duplicate", indicator=indicator, area=area, year=year)
                continue
            values.setdefault(key, (value, _note(row.get("note", ""))))
    indicator_files = {ident: f"measurements/{subarea}.csv" for ident, subarea in indicators.items()}
    merged = merge_values(root, {key: (value, note) for key, (value, note) in values.items()}, indicator_files)
    if merged is None:
        return EXIT_DATA
    writes, (added, updated, unchanged), changed_files = merged
    report.show(skipped)
    if writes and write_checked(root, writes, report) is None:
        say(status("nothing_written"))
        return EXIT_DATA
    say(status("measurements_summary", added=added, updated=updated, unchanged=unchanged, skipped=len(skipped)) + " "
        + (status("written_files", files=", ".join(sorted(changed_files))) if changed_files else status("no_files_changed")))
    return EXIT_OK


def merge_values(root: Path, values: Mapping[tuple[str, str, int], tuple[float, str | None]],
                 files_of: Mapping[str, str], notes: bool = False
                 ) -> tuple[dict[Path, str], tuple[int, int, int], list[str]] | None:
    """``values`` ((indicator, area, year) → (value, note)) merged into the measurement files: a value already
    there is updated in place (its note too when ``notes``; else a note is only written with a new value), a new
    one goes to the end of its indicator's file (``files_of``: indicator → measurements/<file>.csv). Only the lines
    of changed values are written anew, every other line is kept as it is; a file is rewritten only when one of its
    lines changes. Returns (path → the file's new text, (added, updated, unchanged), the files changed), or None
    after saying why a file cannot be read."""
    files: dict[str, list[str]] = {}  # file → its lines, the heading first
    located: dict[tuple, tuple[str, int, Any]] = {}  # (indicator, area, year) → (file, line index, row)
    endings: dict[str, str] = {}
    measurement_dir = root / "measurements"
    for path in sorted(measurement_dir.glob("*.csv")) if measurement_dir.is_dir() else []:
        name = f"measurements/{path.name}"
        # read as the loader reads (no links, no special files); the check above has passed on them
        text = read_text(path, name, [], MAX_CSV_BYTES)
        if text is None:
            say(f"virhe: tiedostoa {name} ei voi lukea turvallisesti (linkki tai erikoistiedosto). Mitään ei kirjoitettu.")
            return None
        endings[name] = "\r\n" if "\r\n" in text else "\n"
        lines = text.split(endings[name])
        if lines and lines[-1] == "":
            lines.pop()
        rows_here = read_measurements(text, name, [])
        if not lines or lines[0].strip() != _HEADING or any(
                r.line > len(lines) or not lines[r.line - 1].startswith(r.record[0]) for r in rows_here):
            # another heading or delimiter, or a row over several lines: the file is written anew in the usual form
            lines = [_HEADING]
            for r in rows_here:
                lines.append(_line([r.indicator, r.area, str(r.year), _format(r.value), r.note]))
                r.line = len(lines)
        files[name] = lines
        for r in rows_here:
            located[(r.indicator, r.area, r.year)] = (name, r.line - 1, r)
    changed_files: set[str] = set()
    added = updated = unchanged = 0
    for key in sorted(values):
        value, note = values[key]
        if key in located:
            name, index, row = located[key]
            new_note = _note(note) if notes and note is not None else row.note
            if row.value == value and row.note == new_note:
                unchanged += 1
                continue
            files[name][index] = _line([row.indicator, row.area, str(row.year), _format(value), new_note])
            changed_files.add(name)
            updated += 1
        else:
            name = files_of[key[0]]
            lines = files.setdefault(name, [_HEADING])
            endings.setdefault(name, "\n")
            lines.append(_line([key[0], key[1], str(key[2]), _format(value), _note(note or "")]))
            changed_files.add(name)
            added += 1
    writes = {root / name: endings[name].join(files[name]) + endings[name] for name in sorted(changed_files)}
    return writes, (added, updated, unchanged), sorted(changed_files)


_HEADING = "indicator,area,year,value,note"


def _line(cells: list[str]) -> str:
    buffer = io.StringIO()
    neutralised(csv.writer(buffer, lineterminator="")).writerow(cells)  # the loader reads a marked note back unmarked
    return buffer.getvalue()

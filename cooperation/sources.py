"""Finding and reading the agreement's files under a root folder.

Layout (``--root``)::

    agreement/agreement.yaml   the agreement itself      (required)
    agreement/parties.yaml     parties                   (required)
    agreement/forums.yaml      forums                    (required)
    agreement/annexes.yaml     annex agreements          (optional)
    subareas/<id>.yaml         one file per sub-area     (at least one)
    measurements/*.csv         indicator values          (optional)
"""
from __future__ import annotations

import csv
import hashlib
import io
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from .result import ERROR, WARNING, Problem
from .schemas import default_schemas
from .yaml_loader import Document, load_yaml, read_text

AGREEMENT_FILES = {
    # kind: (file name, required, what it holds — for the "file missing" message)
    "agreement": ("agreement.yaml", True, {"fi": "sopimuksen perustiedot", "en": "the agreement's basic data"}),
    "parties": ("parties.yaml", True, {"fi": "osapuolet", "en": "the parties"}),
    "forums": ("forums.yaml", True, {"fi": "yhteistyön foorumit", "en": "the forums"}),
    "annexes": ("annexes.yaml", False, {"fi": "liitesopimukset", "en": "annex agreements"}),
}
MAX_CSV_BYTES = 20_000_000
CSV_COLUMNS = ("indicator", "area", "year", "value", "note")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,62}$")
_AREA = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")


class MeasurementRow:
    """One value of an indicator; ``record`` keeps the raw cells to point at a column later."""

    __slots__ = ("file", "line", "indicator", "area", "year", "value", "note", "record", "index")

    def __init__(self, file, line, indicator, area, year, value, note, record, index):
        self.file, self.line, self.record, self.index = file, line, record, index
        self.indicator, self.area, self.year, self.value, self.note = indicator, area, year, value, note

    @property
    def columns(self) -> dict[str, int]:
        return _column_starts(self.record, self.index)


def _column_starts(record: list[str], index: dict[str, int]) -> dict[str, int]:
    starts, offset = [], 1
    for cell in record:
        starts.append(offset)
        offset += len(cell) + 1
    return {name: starts[i] for name, i in index.items()}


@dataclass
class Sources:
    root: Path
    documents: dict[str, Document | None] = field(default_factory=dict)  # agreement, parties, forums, annexes
    subareas: list[Document] = field(default_factory=list)
    measurements: list[MeasurementRow] = field(default_factory=list)
    measurement_files: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # files that exist but could not be read

    @property
    def agreement(self) -> Document | None:
        return self.documents.get("agreement")

    def yaml_documents(self):
        """(schema kind, document) for every YAML file that loaded."""
        for kind in AGREEMENT_FILES:
            doc = self.documents.get(kind)
            if doc is not None:
                yield kind, doc
        for doc in self.subareas:
            yield "subarea", doc


def _rel(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def data_digest(root: Path) -> str:
    """A digest of every data file's name and bytes: changes whenever any file does."""
    digest = hashlib.sha256()
    for folder in ("agreement", "subareas", "measurements"):
        for path in sorted((Path(root) / folder).glob("*")):
            if path.is_file():
                digest.update(f"{folder}/{path.name}".encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def load_sources(root: Path) -> Sources:
    root = Path(root)
    sources = Sources(root=root)
    problems = sources.problems
    agreement_dir = root / "agreement"
    for kind, (filename, required, what) in AGREEMENT_FILES.items():
        path = agreement_dir / filename
        name = _rel(root, path)
        if not path.is_file():
            sources.documents[kind] = None
            if required:
                problems.append(Problem(ERROR, "file_missing", name, 1, 1, {"what": what}))
            continue
        sources.documents[kind] = load_yaml(path, name, problems)
        if sources.documents[kind] is None:
            sources.failed.append(name)
    known = {f for f, _, _ in AGREEMENT_FILES.values()}
    if agreement_dir.is_dir():
        for path in sorted(agreement_dir.iterdir()):
            if path.is_file() and path.name not in known and not path.name.startswith("."):
                problems.append(Problem(WARNING, "file_unexpected", _rel(root, path), 1, 1, {"reason": {
                    "fi": "kansiossa agreement/ luetaan vain " + ", ".join(sorted(known)),
                    "en": "only " + ", ".join(sorted(known)) + " are read in agreement/"}}))
    subarea_dir = root / "subareas"
    paths = sorted(subarea_dir.iterdir()) if subarea_dir.is_dir() else []
    for path in paths:
        if not path.is_file() or path.name.startswith("."):
            continue
        if path.suffix != ".yaml":
            if path.suffix in (".yml", ".json"):
                problems.append(Problem(WARNING, "file_unexpected", _rel(root, path), 1, 1, {"reason": {
                    "fi": "osa-alueiden tiedostojen nimet päättyvät .yaml", "en": "sub-area files end in .yaml"}}))
            continue
        doc = load_yaml(path, _rel(root, path), problems)
        if doc is not None:
            sources.subareas.append(doc)
        else:
            sources.failed.append(_rel(root, path))
    if not any(p.suffix == ".yaml" for p in paths):
        problems.append(Problem(ERROR, "file_missing", "subareas/", 1, 1,
                                {"what": {"fi": "vähintään yksi osa-alue", "en": "at least one sub-area"}}))
    measurement_dir = root / "measurements"
    if measurement_dir.is_dir():
        for path in sorted(measurement_dir.glob("*.csv")):
            name = _rel(root, path)
            sources.measurement_files.append(name)
            text = read_text(path, name, problems, MAX_CSV_BYTES)
            if text is not None:
                sources.measurements.extend(read_measurements(text, name, problems))
    return sources


def _column_titles(name: str) -> dict[str, str]:
    return default_schemas().titles_at("measurement", (name,)) or {"fi": name}


def read_measurements(text: str, name: str, problems: list[Problem]) -> list[MeasurementRow]:
    """Rows of one measurements CSV; every bad cell is reported with its line and column."""
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    if delimiter == "," and '"' not in text and "\r" not in text \
            and first_line.strip().lower() in ("indicator,area,year,value,note", "indicator,area,year,value"):
        fast = _read_plain(text, name, first_line.count(",") + 1, problems)
        if fast is not None:
            return fast
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[MeasurementRow] = []
    try:
        header = next(reader, None)
    except csv.Error as exc:
        problems.append(Problem(ERROR, "csv_syntax", name, 1, 1, {"detail": str(exc)}))
        return rows
    if header is None:
        problems.append(Problem(ERROR, "file_empty", name, 1, 1))
        return rows
    columns = [h.strip().lower() for h in header]
    required = CSV_COLUMNS[:4]
    if any(c not in columns for c in required) or any(c not in CSV_COLUMNS for c in columns) \
            or len(set(columns)) != len(columns):
        problems.append(Problem(ERROR, "csv_header", name, 1, 1, {"found": ", ".join(header) or "–"}))
        return rows
    index = {c: i for i, c in enumerate(columns)}
    i_indicator, i_area, i_year, i_value = (index[c] for c in required)
    i_note = index.get("note")
    width = len(columns)

    def bad(line: int, col: int, column: str, code: str, **params) -> None:
        problems.append(Problem(ERROR, code, name, line, col, params, item=None,
                                field=column, field_titles=_column_titles(column)))

    while True:
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(Problem(ERROR, "csv_syntax", name, reader.line_num, 1, {"detail": str(exc)}))
            break
        line = reader.line_num
        if len(record) != width:
            if record and any(cell.strip() for cell in record):
                problems.append(Problem(ERROR, "csv_columns", name, line, 1,
                                        {"found": len(record), "expected": width}))
            continue
        indicator, area, year_text, raw_value = (record[i_indicator].strip(), record[i_area].strip(),
                                                 record[i_year].strip(), record[i_value].strip())
        note = record[i_note].strip() if i_note is not None else ""
        # the common case first: a well-formed row costs a few checks
        if _ID.match(indicator) and _AREA.match(area) and year_text.isdigit():
            year = int(year_text)
            try:
                value = float(_number_text(raw_value, delimiter))
            except ValueError:
                value = None
            if value is not None and 1900 <= year <= 2100 and math.isfinite(value):
                rows.append(MeasurementRow(name, line, indicator, area, year, value, note, record, index))
                continue
        if not (indicator or area or year_text or raw_value or note):
            continue  # an empty row
        before = len(problems)
        _report_row(record, index, line, delimiter, bad)
        if len(problems) == before:  # never drop a row silently
            bad(line, 1, "value", "invalid", detail=delimiter.join(record))
    return rows


_PLAIN_ROW = re.compile(r"([A-Za-z0-9][A-Za-z0-9-]{0,62}),([a-z0-9][a-z0-9-]{0,62}),([0-9]{4}),"
                        r"(-?[0-9]+(?:\.[0-9]+)?)(?:,([^,]*))?")


def _read_plain(text: str, name: str, width: int, problems: list[Problem]) -> list[MeasurementRow] | None:
    """The common file (comma-separated, no quotes) read line by line with one regex.

    Returns None when any line is not of the plain form, and the csv module reads the file.
    """
    index = {c: i for i, c in enumerate(CSV_COLUMNS[:width])}
    rows = []
    match = _PLAIN_ROW.fullmatch
    for line_number, line in enumerate(text.split("\n")[1:], start=2):
        found = match(line)
        if found is None:
            if line.strip(" ,"):
                return None
            continue
        indicator, area, year, value, note = found.groups()
        if (note is None) != (width == 4) or not 1900 <= int(year) <= 2100:
            return None
        rows.append(MeasurementRow(name, line_number, indicator, area, int(year), float(value),
                                   (note or "").strip(), line.split(","), index))
    return rows


def _number_text(text: str, delimiter: str) -> str:
    """'1 234,5' in a semicolon file → '1234.5'; spaces group thousands in Finnish exports."""
    text = text.replace(" ", "").replace("\u00a0", "")
    return text.replace(",", ".") if delimiter == ";" else text


def _report_row(record, index, line, delimiter, bad) -> None:
    """Say what is wrong with each cell of a row that did not parse."""
    cells = {c: record[i].strip() for c, i in index.items()}
    cols = _column_starts(record, index)
    missing = [c for c in CSV_COLUMNS[:4] if not cells[c]]
    for column in missing:
        bad(line, cols[column], column, "required")
    if missing:
        return
    if not _ID.match(cells["indicator"]):
        bad(line, cols["indicator"], "indicator", "pattern", value=cells["indicator"],
            help={"fi": "mittarin tunniste, esim. HYTE-1-M1", "en": "an indicator identifier, e.g. HYTE-1-M1"})
    if not _AREA.match(cells["area"]):
        bad(line, cols["area"], "area", "pattern", value=cells["area"],
            help={"fi": "region tai osapuolen tunniste", "en": "region or a party identifier"})
    try:
        year = int(cells["year"])
        if not 1900 <= year <= 2100:
            bad(line, cols["year"], "year", "minimum" if year < 1900 else "maximum",
                limit=1900 if year < 1900 else 2100, value=year)
    except ValueError:
        bad(line, cols["year"], "year", "type", expected={"fi": "vuosiluku", "en": "a year"},
            actual=f"”{cells['year']}”", hint="")
    try:
        if not math.isfinite(float(_number_text(cells["value"], delimiter))):
            raise ValueError
    except ValueError:
        if "," in cells["value"]:
            bad(line, cols["value"], "value", "csv_decimal_comma", value=cells["value"])
        else:
            bad(line, cols["value"], "value", "type", expected={"fi": "luku", "en": "a number"},
                actual=f"”{cells['value']}”", hint="")

"""Finding and reading the agreement's files under a root folder.

Layout (``--root``)::

    agreement/agreement.yaml   the agreement itself      (required)
    agreement/parties.yaml     parties                   (required)
    agreement/forums.yaml      forums                    (required)
    agreement/annexes.yaml     annex agreements          (optional)
    agreement/consultations.yaml  consultation rounds, statements and responses (optional; not the agreement's text)
    subareas/<id>.yaml         one file per sub-area     (at least one)
    measurements/*.csv         indicator values          (optional)
"""
from __future__ import annotations

import csv
import hashlib
import io
import math
import os
import re
import stat
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from cooperation.csv_cells import unmarked
from cooperation.i18n.messages import excerpt, param
from cooperation.load import formats
from cooperation.load.yaml_loader import (
    ILLEGAL_CHARACTER,
    MAX_YAML_BYTES,
    Document,
    character_name,
    decode,
    load_yaml_text,
    read_bytes,
)
from cooperation.result import ERROR, WARNING, Problem
from cooperation.schemas import default_schemas
from cooperation.workspace import Workspace

AGREEMENT_FILES = {
    # kind: (file name, required, what it holds — for the "file missing" message)
    "agreement": ("agreement.yaml", True, param("file_agreement")),
    "parties": ("parties.yaml", True, param("file_parties")),
    "forums": ("forums.yaml", True, param("file_forums")),
    "annexes": ("annexes.yaml", False, param("file_annexes")),
    "consultations": ("consultations.yaml", False, param("file_consultations")),
}
DATA_FOLDERS = ("agreement", "subareas", "measurements")
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
    documents: dict[str, Document | None] = field(default_factory=dict)  # agreement, parties, forums, annexes, consultations
    subareas: list[Document] = field(default_factory=list)
    measurements: list[MeasurementRow] = field(default_factory=list)
    measurement_files: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # files that exist but could not be read
    # read through a workspace (load_sources(workspace=…)): an unchanged file is the same Document as in the
    # workspace's previous load, so later stages may reuse what they derived from that object, in the same workspace
    workspace: Workspace | None = field(default=None, repr=False, compare=False)
    # a SHA-256 of every file's name and bytes as read: what was compared is exactly what was parsed ("" when the
    # Sources were put together otherwise)
    digest: str = ""
    # the data format the files are written in (formats.py; None: `format` is not a whole number); files of an older
    # format are read upgraded to today's (their documents are upgraded copies), a newer one is not read further
    format: int | None = formats.FORMAT

    @property
    def incremental(self) -> bool:
        return self.workspace is not None

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
    """A digest of every data file's name and bytes: changes whenever any file does.

    Links are not followed (their target path is digested instead) and only regular files are
    read: a link to /dev/zero or a FIFO among the data must not hang the run before validation
    reports it."""
    digest = hashlib.sha256()
    for folder in DATA_FOLDERS:
        base = Path(root) / folder
        if base.is_symlink():
            digest.update(f"{folder}\0link\0{os.readlink(base)}\0".encode("utf-8", "surrogateescape"))
            continue
        try:
            entries = sorted(os.scandir(base), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            label = f"{folder}/{entry.name}".encode("utf-8", "surrogateescape") + b"\0"
            if entry.is_symlink():
                digest.update(label + b"link\0" + os.fsencode(os.readlink(entry.path)) + b"\0")
            elif entry.is_file(follow_symlinks=False):
                digest.update(label + _file_digest(Path(entry.path)) + b"\0")
            elif not entry.is_dir(follow_symlinks=False):
                digest.update(label + b"special\0")
    return digest.hexdigest()


def _file_digest(path: Path) -> bytes:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        return f"unreadable {exc.errno}".encode()
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return b"special"
        digest = hashlib.sha256()
        while chunk := os.read(fd, 1 << 20):
            digest.update(chunk)
        return digest.digest()
    finally:
        os.close(fd)


def _linked(root: Path, folder: str, problems: list[Problem]) -> bool:
    """True (and a problem) when a data folder is a symbolic link: nothing behind it is read."""
    if (root / folder).is_symlink():
        problems.append(Problem(ERROR, "folder_symlink", f"{folder}/", 1, 1))
        return True
    return False


class _Reader:
    """Reads the files of one load; in a workspace, a file whose bytes the workspace's previous load read is not
    parsed again. The workspace's memo "load.read": (path, name, kind, SHA-256 of the bytes) → (document or rows, the
    file's own problems); keyed by content, never by time (a file with other bytes is read again), a file's name in its
    key because positions and messages name it.

    Only the entries of the latest load are kept (an edited file's old entry goes), so the memo holds one
    region's worth whatever the number of loads. Cached documents and rows are shared with the previous load's
    Sources: no stage changes them (tests/test_incremental.py checks that a full load leaves them as parsed)."""

    def __init__(self, workspace: Workspace | None, staged: Mapping[Path, bytes] | None = None):
        self.memo = workspace.memo("load.read") if workspace is not None else None
        self.staged = staged or {}
        self.kept: dict[tuple, tuple[Any, tuple[Problem, ...]]] = {}
        self.digest = hashlib.sha256()

    def read(self, path: Path, name: str, kind: str, max_bytes: int, problems: list[Problem],
             parse: Callable[[bytes, Path, str, list[Problem]], Any]) -> Any:
        """``parse(bytes, path, name, problems)`` of the file's bytes; None when they cannot be read."""
        raw = self.staged[path] if path in self.staged else read_bytes(path, name, problems, max_bytes)
        if raw is None:  # read_bytes said why (a link, a special file, too large): never remembered
            return None
        own = hashlib.sha256(raw).digest()
        self.digest.update(name.encode("utf-8", "surrogateescape") + b"\0" + own)
        if self.memo is None:
            return parse(raw, path, name, problems)
        key = (str(path), name, kind, own)
        entry = self.kept.get(key) or self.memo.get(key)
        if entry is None:
            found: list[Problem] = []
            entry = (parse(raw, path, name, found), tuple(found))
        self.kept[key] = entry
        problems.extend(entry[1])
        return entry[0]

    def done(self) -> None:
        if self.memo is not None:
            self.memo.clear()
            self.memo.update(self.kept)


def _parse_yaml(raw: bytes, path: Path, name: str, problems: list[Problem]) -> Document | None:
    text = decode(raw, name, problems)
    return None if text is None else load_yaml_text(text, path, name, problems)


def _parse_measurements(raw: bytes, path: Path, name: str, problems: list[Problem]) -> list[MeasurementRow]:
    text = decode(raw, name, problems)
    return [] if text is None else read_measurements(text, name, problems)


def load_sources(root: Path, workspace: Workspace | None = None, staged: Mapping[Path, bytes] | None = None) -> Sources:
    """Every data file under ``root``, read strictly. ``workspace``: files with the same bytes as in the workspace's
    previous load are not parsed again (their documents, rows and problems are reused). ``staged``:
    files (paths under ``root``, regular files in its data folders) read as these bytes instead of from the disk,
    existing or not: the data as an import would write it, checked before anything is written."""
    root = Path(root)
    sources = Sources(root=root, workspace=workspace)
    staged = {Path(path): data for path, data in (staged or {}).items()}
    reader = _Reader(workspace, staged)
    problems = sources.problems
    # Never read through a symbolic link: a link can point out of the data root (/etc/passwd,
    # /proc/self/environ) and validation quotes what it reads into pull-request annotations.
    agreement_dir = root / "agreement"
    agreement_linked = _linked(root, "agreement", problems)
    for kind, (filename, required, what) in AGREEMENT_FILES.items():
        path = agreement_dir / filename
        name = _rel(root, path)
        if agreement_linked:
            sources.documents[kind] = None
            sources.failed.append(name)
            continue
        if not path.is_symlink() and not path.exists() and path not in staged:
            sources.documents[kind] = None
            if required:
                problems.append(Problem(ERROR, "file_missing", name, 1, 1, {"what": what}))
            continue
        sources.documents[kind] = reader.read(path, name, "yaml", MAX_YAML_BYTES, problems, _parse_yaml)
        if sources.documents[kind] is None:
            sources.failed.append(name)
    known = {f for f, _, _ in AGREEMENT_FILES.values()}
    if not agreement_linked and agreement_dir.is_dir():
        for path in sorted(agreement_dir.iterdir()):
            if _is_file_or_link(path) and path.name not in known and not path.name.startswith("."):
                problems.append(Problem(WARNING, "file_unexpected", _rel(root, path), 1, 1, {"reason": param(
                    "read_in_agreement", files=", ".join(sorted(known)))}))
    subarea_dir = root / "subareas"
    if _linked(root, "subareas", problems):
        sources.failed.append("subareas/")
        paths = []
    else:
        paths = sorted(set(subarea_dir.iterdir() if subarea_dir.is_dir() else [])
                       | {p for p in staged if p.parent == subarea_dir})
        agreement = sources.documents.get("agreement")
        # a framework agreement (scope 1) states structures and principles: it may have no sub-areas at all
        framework = agreement is not None and isinstance(agreement.data, dict) and agreement.data.get("scope") == 1
        if not framework and not any(p.suffix == ".yaml" for p in paths):
            problems.append(Problem(ERROR, "file_missing", "subareas/", 1, 1,
                                    {"what": param("at_least_one_subarea")}))
    for path in paths:
        if not _is_file_or_link(path) or path.name.startswith("."):
            continue
        if path.suffix != ".yaml":
            if path.suffix in (".yml", ".json"):
                problems.append(Problem(WARNING, "file_unexpected", _rel(root, path), 1, 1, {"reason": param("subarea_suffix")}))
            continue
        doc = reader.read(path, _rel(root, path), "yaml", MAX_YAML_BYTES, problems, _parse_yaml)
        if doc is not None:
            sources.subareas.append(doc)
        else:
            sources.failed.append(_rel(root, path))
    measurement_dir = root / "measurements"
    if not _linked(root, "measurements", problems) and (measurement_dir.is_dir() or staged):
        for path in sorted(set(measurement_dir.glob("*.csv"))
                           | {p for p in staged if p.parent == measurement_dir and p.suffix == ".csv"}):
            name = _rel(root, path)
            sources.measurement_files.append(name)
            rows = reader.read(path, name, "csv", MAX_CSV_BYTES, problems, _parse_measurements)
            if rows is not None:
                sources.measurements.extend(rows)
    reader.done()
    sources.digest = reader.digest.hexdigest()
    _upgrade(sources)
    return sources


def _upgrade(sources: Sources) -> None:
    """Data of an older format read in today's: each document upgraded as a copy (the memo keeps what the file
    holds), so every later stage, and every revision read from git, sees one format."""
    agreement = sources.documents.get("agreement")
    sources.format = formats.format_of(agreement.data if agreement is not None else None)
    if sources.format is None or sources.format >= formats.FORMAT:
        return
    documents = {doc.name: doc for _, doc in sources.yaml_documents()}
    files, _ = formats.upgraded({name: doc.data for name, doc in documents.items()}, sources.format)
    changed = {name: replace(doc, data=files[name]) for name, doc in documents.items() if files[name] != doc.data}
    for kind, doc in list(sources.documents.items()):
        if doc is not None and doc.name in changed:
            sources.documents[kind] = changed[doc.name]
    sources.subareas = [changed.get(doc.name, doc) for doc in sources.subareas]


def _is_file_or_link(path: Path) -> bool:
    """Anything but a folder (links are not followed: what they point to is never looked at)."""
    return path.is_symlink() or not path.is_dir()


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
            return _check_notes(fast, name, problems)
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
        # quote only a short, printable start: a wrong file may hold anything (a secret, a binary)
        problems.append(Problem(ERROR, "csv_header", name, 1, 1, {"found": excerpt(", ".join(header)) or "–"}))
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
        # a note starting like a formula was marked ' when the tool wrote it (csv_cells): read without the mark
        note = unmarked(record[i_note].strip()) if i_note is not None else ""
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
            bad(line, 1, "value", "invalid", detail=excerpt(delimiter.join(record), 60))
    return _check_notes(rows, name, problems)


def _check_notes(rows: list[MeasurementRow], name: str, problems: list[Problem]) -> list[MeasurementRow]:
    """A note is free text shown on the site and in the workbook: no character they cannot carry."""
    for row in rows:
        i = row.index.get("note")
        found = ILLEGAL_CHARACTER.search(row.record[i]) if i is not None else None
        if found:
            lead = len(row.record[i]) - len(row.record[i].lstrip())
            problems.append(Problem(ERROR, "control_char", name, row.line, row.columns["note"] + found.start(),
                                    {"char": character_name(found.group()), "index": found.start() - lead + 1},
                                    field="note", field_titles=_column_titles("note")))
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
                                   unmarked((note or "").strip()), line.split(","), index))
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
            help=param("indicator_id"))
    if not _AREA.match(cells["area"]):
        bad(line, cols["area"], "area", "pattern", value=cells["area"],
            help=param("area_id"))
    try:
        year = int(cells["year"])
        if not 1900 <= year <= 2100:
            bad(line, cols["year"], "year", "minimum" if year < 1900 else "maximum",
                limit=1900 if year < 1900 else 2100, value=year)
    except ValueError:
        bad(line, cols["year"], "year", "type", expected=param("a_year"),
            actual=f"”{cells['year']}”", hint="")
    try:
        if not math.isfinite(float(_number_text(cells["value"], delimiter))):
            raise ValueError
    except ValueError:
        if "," in cells["value"]:
            bad(line, cols["value"], "value", "csv_decimal_comma", value=cells["value"])
        else:
            bad(line, cols["value"], "value", "type", expected=param("a_number"),
                actual=f"”{cells['value']}”", hint="")

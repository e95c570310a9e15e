"""Commands that write data files: import a workbook, import indicator values, scaffold a sub-area.

Each writes nothing at all when any error occurs, and overwrites nothing without --force. The imports' problems
(a workbook's cells, a measurement file's rows) are ``Problem``s reported as ``validate`` reports them, in any of
its formats and languages; what the command did ("Kirjoitettu …", "Mitään ei kirjoitettu.") goes to stderr.
"""
from __future__ import annotations

import csv
import io
import json
import math
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from cooperation.check import check
from cooperation.check import reporters as reporter
from cooperation.csv_cells import neutralised
from cooperation.domain import ALL_MUNICIPALITIES, REGION
from cooperation.files import write_all_atomic, write_atomic
from cooperation.imports.roundtrip import MISSING as MISSING_VALUE
from cooperation.imports.workbook import Imported, PartyMatcher, _container_problem, import_workbook, normalise
from cooperation.imports.yaml_writer import dump
from cooperation.load.sources import MAX_CSV_BYTES, load_sources, read_measurements
from cooperation.load.yaml_loader import MAX_YAML_BYTES, read_text
from cooperation.result import ERROR, WARNING, Problem, Result
from cooperation.schemas import default_schemas

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")


def _say(text: str) -> None:
    sys.stderr.write(text + "\n")


class Report:
    """Where an import's problems go. Text: to stderr as they come, among the command's other lines (as
    always). github and json: collected, and written to stdout as one document when the command ends."""

    def __init__(self, format: str = "text", lang: str = "fi"):
        self.format, self.lang = format, lang
        self.collected = Result()

    def show(self, problems: Iterable[Problem]) -> None:
        if self.format != "text":
            self.collected.extend(problems)
            return
        shown = Result()
        shown.extend(problems)
        sys.stderr.write(reporter.text(shown, self.lang)[0])

    def check(self, result: Result) -> None:
        """Validate's result of the data: its problems, and for text its summary line too."""
        self.show(result.problems)
        if self.format == "text":
            sys.stderr.write(reporter.text(result, self.lang)[1])

    def close(self) -> None:
        if self.format != "text":
            sys.stdout.write(reporter.REPORTERS[self.format](self.collected, self.lang)[0])


def _base(root: Path):
    sources = load_sources(root)
    parties_doc = sources.documents.get("parties")
    parties = parties_doc.data.get("parties", []) if parties_doc is not None and isinstance(parties_doc.data, dict) else []
    agreement = sources.agreement.data if sources.agreement is not None and isinstance(sources.agreement.data, dict) else {}
    return sources, [p for p in parties if isinstance(p, dict) and isinstance(p.get("id"), str)], agreement


def _size(number: int) -> str:
    return f"{number:_}".replace("_", " ")


# --- writing only what the validator accepts ---------------------------------------------------------
def _copy_data(root: Path, target: Path) -> Path:
    """The data folders (and CODEOWNERS, which validate compares with the data) copied for a trial run."""
    for name in ("agreement", "subareas", "measurements"):
        if (root / name).is_dir():
            shutil.copytree(root / name, target / name, symlinks=True)
    if (root / ".github").is_dir():
        (target / ".github").mkdir(parents=True)
        if (root / ".github" / "CODEOWNERS").is_file():
            shutil.copyfile(root / ".github" / "CODEOWNERS", target / ".github" / "CODEOWNERS")
    return target


def _unsafe_target(root: Path, path: Path) -> str | None:
    """Why a file may not be written: it is a link, or its folder leads out of the data root."""
    name = path.relative_to(root).as_posix()
    if path.is_symlink():
        return f"{name} on symbolinen linkki; tuonti ei korvaa linkkejä (korvaa linkki tavallisella tiedostolla)"
    base, folder = root.resolve(), path.parent.resolve()
    if folder != base and base not in folder.parents:
        return f"kansio {path.parent.relative_to(root).as_posix()}/ johtaa data-kansion ulkopuolelle ({folder}); sinne ei kirjoiteta"
    return None


def _key(problem: Problem) -> tuple:
    return problem.code, problem.file, problem.item, problem.field  # lines move when a file changes


def write_checked(root: Path, writes: Mapping[Path, str], report: Report | None = None,
                  before: Result | Callable[[], Result] | None = None,
                  along: Mapping[Path, str] | None = None) -> Result | None:
    """Write ``writes`` only if the data with them passes the full check at least as well as now; ``along`` (files
    outside the data, a workbook's comments) are written in the same go, first: all of them or none.

    The files are first written into a temporary copy of the data root and ``validate``'s check is run
    there: refused are a result with more errors than before, and any new error in a file being written
    (the validator would refuse what we wrote). ``before``: the check of the data as it is now (or how to make
    it), if the caller has it already; it is made only when the data as written has errors (with none, nothing
    can be new). Returns the check of the data as written, or None when
    nothing was written (the reasons are printed, the validator's through ``report``).
    """
    report = report or Report()
    for path, text in writes.items():
        problem = _unsafe_target(root, path)
        limit = MAX_CSV_BYTES if path.suffix == ".csv" else MAX_YAML_BYTES
        size = len(text.encode("utf-8"))
        if problem is None and size > limit:
            problem = (f"{path.relative_to(root).as_posix()} olisi {_size(size)} tavua, enintään {_size(limit)} "
                       "(tarkistuksen raja tiedostolle); tuo tiedot osissa")
        if problem:
            _say(f"virhe: {problem}")
            return None
    with tempfile.TemporaryDirectory(prefix="cooperation-import-") as tmp:
        staged = _copy_data(root, Path(tmp))
        for path, text in writes.items():
            target = staged / path.relative_to(root)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text.encode("utf-8"))
        after = check(load_sources(staged))
    if not after.errors:  # no error at all: none is new, none more than before (the check before is skipped)
        write_all_atomic({**(along or {}), **writes})
        return after
    if before is None:  # the data as it is now, seen as the trial run saw it
        with tempfile.TemporaryDirectory(prefix="cooperation-import-") as tmp:
            before = check(load_sources(_copy_data(root, Path(tmp))))
    elif callable(before):
        before = before()
    names = {path.relative_to(root).as_posix() for path in writes}
    known = {_key(p) for p in before.errors}
    new = [p for p in after.errors if _key(p) not in known]
    refused = [p for p in new if p.file in names]
    if refused or len(after.errors) > len(before.errors):
        _say("virhe: tuonnin tulos ei läpäisisi tarkistusta (python build.py validate):")
        report.show(refused or new or after.errors)
        return None
    write_all_atomic({**(along or {}), **writes})
    return after


# --- workbook ------------------------------------------------------------------------------------
def import_xlsx(file: Path, root: Path, force: bool = False, format: str = "text", lang: str = "fi",
                out: Path | None = None) -> int:
    """Exit code 0 when written, 1 for problems in the workbook or the data (nothing written), 2 without a file.
    A workbook export-xlsx made is merged into the files; its comments go to ``out``/kommentit.md."""
    report = Report(format, lang)
    try:
        return _import_xlsx(file, root, force, report, out)
    finally:
        report.close()


def _import_xlsx(file: Path, root: Path, force: bool, report: Report, out: Path | None = None) -> int:
    from cooperation.imports.roundtrip import is_roundtrip
    if not file.is_file():
        _say(f"virhe: tiedostoa {file} ei ole")
        return EXIT_USAGE
    sources, parties, agreement = _base(root)
    if _container_problem(file) is None and is_roundtrip(file):  # sizes checked before anything is unpacked
        return _import_roundtrip(file, root, sources, agreement, report, out)
    if not parties:
        _say("virhe: osapuolia ei voi lukea (agreement/parties.yaml); tarkista ne ensin: python build.py validate")
        return EXIT_DATA
    main = (agreement.get("languages") or ["fi"])[0]
    coordinator = next((c for c in agreement.get("coordinators") or [] if isinstance(c, dict)), None)
    person = {k: coordinator[k] for k in ("name", "role", "party") if k in coordinator} if coordinator else None
    result = import_workbook(file, parties, main, person)
    report.show(result.notes)
    if result.errors:
        _say("Mitään ei kirjoitettu.")
        return EXIT_DATA
    if not result.files:
        _say("virhe: työkirjasta ei löytynyt yhtään osa-aluetta. Mitään ei kirjoitettu.")
        return EXIT_DATA
    targets = {root / "subareas" / f"{ident}.yaml": data for ident, data in result.files.items()}
    existing = [p for p in targets if p.exists()]
    if existing and not force:
        for path in existing:
            _say(f"virhe: {path.relative_to(root)} on jo olemassa; korvaa se valitsimella --force")
        _say("Mitään ei kirjoitettu.")
        return EXIT_DATA
    comment = f"Tuotu työkirjasta {file.name}. Tarkista kohdat, jotka tuonnin raportti luettelee."
    texts = {path: dump(data, "subarea.schema.json", comment) for path, data in targets.items()}
    for path, text in texts.items():
        size = len(text.encode("utf-8"))
        if size > MAX_YAML_BYTES:
            ident = path.stem
            result.note(ERROR, "workbook_subarea_file_too_large", result.first_cells.get(ident), id=ident,
                        size=_size(size), limit=_size(MAX_YAML_BYTES))
            report.show(result.notes[-1:])
            _say("Mitään ei kirjoitettu.")
            return EXIT_DATA
    return _write_and_report(root, texts, report)


def _write_and_report(root: Path, writes: Mapping[Path, str], report: Report,
                      before: Result | Callable[[], Result] | None = None,
                      along: Mapping[Path, str] | None = None) -> int:
    """Both imports end alike: write only what the check accepts (with ``along``, see write_checked), name each
    file written, then show the check of the data as written."""
    outcome = write_checked(root, writes, report, before, along)
    if outcome is None:
        _say("Mitään ei kirjoitettu.")
        return EXIT_DATA
    for path in writes:
        _say(f"Kirjoitettu {path.relative_to(root)}")
    if along and COMMENTS_MD in {path.name for path in along}:
        _say(f"Kommentit: {next(path for path in along if path.name == COMMENTS_MD)}")
    if outcome.problems:
        _say("Tarkistus tuonnin jälkeen (python build.py validate):")
    report.check(outcome)
    return EXIT_OK


# --- a workbook export-xlsx made: merged back into the repository ------------------------------------------
def _import_roundtrip(file: Path, root: Path, sources, agreement: dict, report: Report, out: Path | None) -> int:
    """The workbook's changes since its export, merged with the repository's changes since then; each file
    changed only where the merge changed it. Comments go to out/kommentit.md, never into the agreement."""
    from cooperation.imports import roundtrip
    from cooperation.imports.yaml_writer import update
    result = Imported(file.name)
    read = roundtrip.read_workbook(file, result)
    if read is not None and read.meta.get("agreement") != agreement.get("id"):
        result.note(ERROR, "workbook_other_agreement", None, workbook=read.meta.get("agreement") or "–",
                    agreement=agreement.get("id") or "–")
    if read is None or result.errors:
        report.show(result.notes)
        _say("Mitään ei kirjoitettu.")
        return EXIT_DATA
    main = (agreement.get("languages") or ["fi"])[0]
    ours = {doc.data["id"]: doc for doc in sources.subareas if isinstance(doc.data, dict)
            and isinstance(doc.data.get("id"), str)}
    base: dict[str, dict] | None = None
    if ours:
        base = _workbook_base(root, sources, read.meta, result)
        if base is None:
            report.show(result.notes)
            _say("Mitään ei kirjoitettu.")
            return EXIT_DATA
    codes = {sid: str(doc.data.get("code") or "") for sid, doc in ours.items()}
    theirs = roundtrip.rebuild(read, result, main, base, codes)
    conflicts: list[roundtrip.Conflict] = []
    merged: dict[str, dict] = {}
    for sid, data in theirs.items():
        if sid in ours:
            value = roundtrip.merge3((base or {}).get(sid, roundtrip.MISSING), ours[sid].data, data, sid, (), conflicts)
            merged[sid] = value
        elif base is not None and sid in base:
            if not roundtrip.same(base[sid], data):
                conflicts.append(roundtrip.Conflict(sid, (), roundtrip.MISSING, data))
        else:
            merged[sid] = data
    revision = (read.meta.get("revision") or "")[:10]
    for conflict in conflicts:
        at = _conflict_cell(read, conflict)
        result.notes.append(Problem(ERROR, "workbook_conflict", file.name, at[1], at[2],
                                    {"id": conflict.item, "field": ".".join(str(p) for p in conflict.path) or "–",
                                     "ours": _shown(conflict.ours), "theirs": _shown(conflict.theirs),
                                     "revision": revision or "–"}, cell=_cell_name(read, at)))
    report.show(result.notes)
    if result.errors:
        _say("Mitään ei kirjoitettu.")
        return EXIT_DATA
    writes: dict[Path, str] = {}
    for sid, data in merged.items():
        path = root / "subareas" / f"{sid}.yaml"
        if sid in ours:
            if roundtrip.same(ours[sid].data, data):
                continue
            try:
                writes[path] = update(ours[sid].path.read_text(encoding="utf-8"), ours[sid].data, data)
            except Exception as exc:  # noqa: BLE001 - ruamel.yaml raises many kinds for what it cannot keep
                _say(f"virhe: tiedostoa {path.relative_to(root)} ei voi muuttaa kommentit säilyttäen "
                     f"({type(exc).__name__}); muuta se käsin. Mitään ei kirjoitettu.")
                return EXIT_DATA
        else:
            if path.exists():
                _say(f"virhe: {path.relative_to(root)} on jo olemassa, mutta sitä ei voi lukea; korjaa se ensin "
                     "(python build.py validate). Mitään ei kirjoitettu.")
                return EXIT_DATA
            writes[path] = dump(data, "subarea.schema.json", f"Tuotu työkirjasta {file.name}.")
    comments = _comment_files(read, file.name, out, main) if out is not None else {}
    if writes:  # the data and its comments written together, or neither (the comments first)
        return _write_and_report(root, writes, report, lambda: check(sources), comments)
    _say("Työkirjassa ei ole muutoksia sopimuksen tietoihin; tiedostoja ei muutettu.")
    if comments and out is not None:
        write_all_atomic(comments)
        _say(f"Kommentit: {out / COMMENTS_MD}")
    return EXIT_OK


def _workbook_base(root: Path, sources, meta: dict[str, str], result) -> dict[str, dict] | None:
    """The sub-area files as they were when the workbook was exported: read from git at the revision it names;
    without one, the files now, if they still have the fingerprint the workbook names. None (with a note)
    when neither is there: a three-way merge needs them."""
    from cooperation.changes.gitrepo import GitError, clean_revision, export, locate
    from cooperation.model.fingerprint import fingerprint_of
    revision, fingerprint = meta.get("revision") or "", meta.get("fingerprint") or ""
    if revision and clean_revision(root) == revision:  # nothing committed or changed since the export
        if fingerprint_of(sources) != fingerprint:
            result.note(ERROR, "workbook_revision_mismatch", None, revision=revision[:10])
            return None
        return {doc.data["id"]: doc.data for doc in sources.subareas if isinstance(doc.data, dict)}
    if revision:
        try:
            top, prefix = locate(root)
            with tempfile.TemporaryDirectory(prefix="cooperation-base-") as tmp:
                then = load_sources(export(top, prefix, revision, Path(tmp)))
                if fingerprint_of(then) != fingerprint:
                    result.note(ERROR, "workbook_revision_mismatch", None, revision=revision[:10])
                    return None
                return {doc.data["id"]: doc.data for doc in then.subareas if isinstance(doc.data, dict)}
        except GitError:
            pass
    if fingerprint and fingerprint_of(sources) == fingerprint:
        return {doc.data["id"]: doc.data for doc in sources.subareas if isinstance(doc.data, dict)}
    result.note(ERROR, "workbook_stale_without_base", None, revision=revision[:10] or "–")
    return None


def _shown(value: Any) -> str:
    from cooperation.i18n.messages import excerpt
    if value is MISSING_VALUE:
        return "(poistettu)"
    if isinstance(value, dict) and "id" in value:
        return f"{value['id']} …"
    return excerpt(json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value, 80)


def _conflict_cell(read, conflict) -> tuple[str, int, int]:
    """The workbook cell of a conflicting value: its own, else the nearest one of the same item."""
    path = conflict.path
    for length in range(len(path), 0, -1):
        key = (conflict.item, path[:length])
        if key in read.cells:
            return read.cells[key]
        if length == 2 and (conflict.item, path[1:2]) in read.cells:  # a text: title.fi is the fi column
            return read.cells[(conflict.item, path[1:2])]
    for (item, field_path), at in read.cells.items():
        if item == conflict.item and field_path[:len(path)] == path:
            return at
    return read.id_cells.get(conflict.item, (read.main_sheet, 1, 1))


def _cell_name(read, at: tuple[str, int, int]) -> str:
    from openpyxl.utils import get_column_letter
    sheet, row, column = at
    cell = f"{get_column_letter(column)}{row}"
    return cell if sheet == read.main_sheet else f"'{sheet}'!{cell}"




COMMENTS_JSON, COMMENTS_MD = "kommentit.json", "kommentit.md"


def _comment_files(read, name: str, out: Path, main: str) -> dict[Path, str]:
    """out/kommentit.json (every workbook's comments; this workbook's replaced) and kommentit.md rendered from
    it: by item, then party, for the pull request. Nothing when no workbook has comments."""
    from cooperation.changes.diff import md_text
    from cooperation.domain import LEVEL_WORDS
    default_party = read.meta.get("party") or ""
    entries = [{"workbook": name, "row": row.number, "item": row.id or "", "level": row.level or "",
                "title": _one_line(row.texts.get(main) or next(iter(row.texts.values()), "")),
                "party": row.party or default_party, "text": row.comment}
               for row in read.rows if row.comment]
    earlier: list[dict] = []
    path = out / COMMENTS_JSON
    if path.is_file() and not path.is_symlink() and path.stat().st_size < MAX_INPUT_BYTES:
        try:
            loaded = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError):
            loaded = []
        earlier = [e for e in loaded if isinstance(e, dict) and e.get("workbook") != name
                   and all(isinstance(e.get(k), (str, int)) for k in ("workbook", "row", "item", "level", "title",
                                                                       "party", "text"))] \
            if isinstance(loaded, list) else []
    entries = earlier + entries
    if not entries:
        return {}
    by_item: dict[str, list[dict]] = {}
    for entry in entries:
        by_item.setdefault(str(entry["item"]) or f"{entry['workbook']} rivi {entry['row']}", []).append(entry)
    lines = ["# Kommentit työkirjoista", "",
             "Osapuolten kommentit työkirjoista kohdittain (python build.py import-xlsx). Kommentit eivät muuta "
             "sopimuksen tekstiä.", ""]
    # in the agreement's order: every workbook has its items in the same rows
    for ident, items in sorted(by_item.items(), key=lambda pair: min(int(e["row"]) for e in pair[1])):
        first = items[0]
        level = LEVEL_WORDS.get(str(first["level"]), {}).get("fi", "")
        lines += [f"## {md_text(ident)} {level}: {md_text(str(first['title']))}".rstrip(": "), ""]
        by_party: dict[str, list[dict]] = {}
        for entry in items:
            by_party.setdefault(str(entry["party"]) or "osapuoli ei tiedossa", []).append(entry)
        for party, party_entries in by_party.items():
            for entry in party_entries:
                # as the pull request's diff comment shows data: one line, no formatting, links, HTML or @-mentions
                lines.append(f"- **{md_text(party)}** ({md_text(str(entry['workbook']))}, rivi {entry['row']}): "
                             f"{md_text(str(entry['text']))}")
        lines.append("")
    return {path: json.dumps(entries, ensure_ascii=False, indent=1) + "\n", out / COMMENTS_MD: "\n".join(lines)}




def _one_line(text: str) -> str:
    return " ".join(str(text).split())


# --- indicator values ----------------------------------------------------------------------------
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


def _read_rows(file: Path) -> tuple[list[tuple[Where, dict | None]], bool]:
    """(where, row) for each entry, row None when the entry is not a row; and whether numbers are written
    with a decimal comma (a semicolon-separated CSV)."""
    size = file.stat().st_size
    if size > MAX_INPUT_BYTES:
        raise _BadInput(f"tiedosto on liian suuri ({_size(size)} tavua, enintään {_size(MAX_INPUT_BYTES)}); tuo se osissa")
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
                for index, row in enumerate(data)], False
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
    return rows, delimiter == ";"


def _number(value, decimal_comma: bool) -> float:
    """The value as a number; _BadValue says why it is not one."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise _BadValue("row_value_missing")
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise _BadValue("row_value_invalid", value=_show(value))
    if isinstance(value, str):
        text = value.replace(" ", "").replace("\u00a0", "")
        if decimal_comma or ("," in text and "." not in text):
            text = text.replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            raise _BadValue("row_value_invalid", value=_show(value)) from None
    else:
        try:
            number = float(value)
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
        _say(f"virhe: tiedostoa {file} ei ole")
        return EXIT_USAGE
    sources = load_sources(root)
    outcome = check(sources)
    if outcome.errors:
        report.check(outcome)
        _say("Korjaa virheet ensin. Mitään ei kirjoitettu.")
        return EXIT_DATA
    try:
        rows, decimal_comma = _read_rows(file)
    except _BadInput as exc:
        _say(f"virhe: tiedostoa {file.name} ei voi lukea: {exc}. Mitään ei kirjoitettu.")
        return EXIT_DATA
    except OSError as exc:
        _say(f"virhe: tiedostoa {file.name} ei voi lukea ({exc.strerror or exc}). Mitään ei kirjoitettu.")
        return EXIT_DATA
    _, parties, _ = _base(root)
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
            value = _number(row.get("value", row.get("arvo")), decimal_comma)
        except _BadValue as exc:
            skip(where, exc.code, **exc.params)
            continue
        for indicator in targets:
            key = (indicator, area, year)
            if key in values and values[key][0] != value:
                skip(where, "row_duplicate", indicator=indicator, area=area, year=year)
                continue
            values.setdefault(key, (value, _note(row.get("note", ""))))
    # merge into the existing files; a file is rewritten only when its rows change
    files: dict[str, list[list[str]]] = {}
    located: dict[tuple, tuple[str, int]] = {}
    measurement_dir = root / "measurements"
    for path in sorted(measurement_dir.glob("*.csv")) if measurement_dir.is_dir() else []:
        name = f"measurements/{path.name}"
        # read as the loader reads (no links, no special files); the check above has passed on them
        text = read_text(path, name, [], MAX_CSV_BYTES)
        if text is None:
            _say(f"virhe: tiedostoa {name} ei voi lukea turvallisesti (linkki tai erikoistiedosto). Mitään ei kirjoitettu.")
            return EXIT_DATA
        rows_here = read_measurements(text, name, [])
        files[name] = [[r.indicator, r.area, str(r.year), _format(r.value), r.note] for r in rows_here]
        for index, r in enumerate(rows_here):
            located[(r.indicator, r.area, r.year)] = (name, index)
    changed_files: set[str] = set()
    added = updated = unchanged = 0
    for key in sorted(values):
        value, note = values[key]
        if key in located:
            name, index = located[key]
            if float(files[name][index][3]) == value:
                unchanged += 1
                continue
            files[name][index][3] = _format(value)
            changed_files.add(name)
            updated += 1
        else:
            name = f"measurements/{indicators[key[0]]}.csv"
            files.setdefault(name, []).append([key[0], key[1], str(key[2]), _format(value), note])
            located[key] = (name, len(files[name]) - 1)
            changed_files.add(name)
            added += 1
    writes: dict[Path, str] = {}
    for name in sorted(changed_files):
        buffer = io.StringIO()
        writer = neutralised(csv.writer(buffer, lineterminator="\n"))  # the loader reads a marked note back unmarked
        writer.writerow(["indicator", "area", "year", "value", "note"])
        writer.writerows(files[name])
        writes[root / name] = buffer.getvalue()
    report.show(skipped)
    if writes and write_checked(root, writes, report) is None:
        _say("Mitään ei kirjoitettu.")
        return EXIT_DATA
    _say(f"Mittaustuloksia: {added} uutta, {updated} päivitetty, {unchanged} ennallaan, {len(skipped)} ohitettu. "
         + (f"Kirjoitettu: {', '.join(sorted(changed_files))}." if changed_files else "Tiedostoja ei muutettu."))
    return EXIT_OK


# --- a new sub-area ------------------------------------------------------------------------------
SCAFFOLD = """\
# yaml-language-server: $schema=../schema/subarea.schema.json
# Uusi osa-alue. Kenttien selitykset ovat sivustolla kohdassa Tietomuoto.
# Pysyvä tunniste; sama kuin tiedoston nimi. Älä muuta sitä myöhemmin.
id: {id}
# Lyhenne, jolla tavoitteiden, toimenpiteiden ja mittareiden tunnisteet alkavat.
code: {code}
# Osa-alueen nimi{languages_hint}.
title:
{title}
# Ryhmä: common (yhteiset), interface (yhdyspintakohtaiset) tai regional (alueen erityispiirteet).
group: regional
# Peruste: legal_minimum (lainsäädännön vähimmäisvaatimus) tai joint_priority (yhteinen painopiste).
basis: joint_priority
# Osa-alueen vastuuhenkilöt: nimi, tehtävä, osapuolen tunniste ja halutessa GitHub-tunnus (katselmointia varten).
responsible_persons:
  - name: Etunimi Sukunimi
    role:
{role}
    party: {county}
# Mistä osa-alueessa on kyse ja miksi siitä sovitaan. Markdown-muotoilu on sallittu.
description:
{description}
# Tavoitteet tärkeysjärjestyksessä. Jokaisella tavoitteella on toimenpiteet ja mittarit.
goals:
  - id: {code}-1
    # Tavoite yhdellä lauseella: realistinen, konkreettinen ja mitattava.
    title:
{goal}
    actions:
      - id: {code}-1-T1
        title:
{action}
        # Vastuutahot: osapuolten tunnisteet tai all_municipalities (jokainen kunta).
        responsible: [{county}]
        # Päävastuutaho: yksi vastuutahoista.
        lead: {county}
        # Aikataulu: vuosi, kuukausi (2026-09) tai päivä.
        schedule: {{start: {year}, end: {end}}}
        # Tila: planned, ongoing, done, delayed tai cancelled (kahdelle viimeiselle perustelu: status_reason).
        status: planned
    indicators:
      - id: {code}-1-M1
        name:
{indicator}
        # Yksikkö, esimerkiksi percent, per_1000_inhabitants, euro_per_inhabitant, square_metres, hours;
        # kaikki yksiköt: schema/subarea.schema.json.
        unit: percent
        # Lähde: Sotkanetin indikaattorin numero, tai name ja url muulle lähteelle.
        source: {{sotkanet: 3127}}
        # Suunta: increase, decrease tai keep.
        direction: increase
        # Lähtötaso ja tavoitetaso: vuosi ja arvo.
        baseline: {{year: {year_minus}, value: 50}}
        target: {{year: {end}, value: 55}}
        frequency: yearly
        areas: [region]
"""


def new_subarea(ident: str, root: Path, force: bool = False) -> int:
    if not SLUG.match(ident):
        _say(f"virhe: tunniste ”{ident}” ei kelpaa: käytä pieniä kirjaimia a–z, numeroita ja väliviivoja")
        return EXIT_USAGE
    path = root / "subareas" / f"{ident}.yaml"
    if path.exists() and not force:
        _say(f"virhe: {path.relative_to(root)} on jo olemassa; korvaa se valitsimella --force")
        return EXIT_DATA
    _, parties, agreement = _base(root)
    county = next((p["id"] for p in parties if p.get("kind") == "county"), None)
    if county is None:
        _say("virhe: osapuolista ei löydy hyvinvointialuetta (agreement/parties.yaml)")
        return EXIT_DATA
    languages = [x for x in agreement.get("languages") or ["fi"] if x in ("fi", "sv")] or ["fi"]
    texts = {"title": {"fi": "Osa-alueen nimi", "sv": "Delområdets namn"},
             "role": {"fi": "tehtävänimike", "sv": "befattning"},
             "description": {"fi": "Kuvaus osa-alueesta.", "sv": "Beskrivning av delområdet."},
             "goal": {"fi": "Tavoite yhdellä lauseella.", "sv": "Målet i en mening."},
             "action": {"fi": "Mitä tehdään.", "sv": "Vad som görs."},
             "indicator": {"fi": "Mittarin nimi", "sv": "Indikatorns namn"}}

    def block(key: str, indent: int) -> str:
        return "\n".join(" " * indent + f"{lang}: {texts[key][lang]}" for lang in languages)
    term = agreement.get("council_term") or {}
    start = int(str(term.get("start", "2026"))[:4]) + 1 if term.get("start") else 2026
    end = int(str(term.get("end", "2029"))[:4]) - 1 if term.get("end") else 2028
    code = re.sub(r"[^A-Z0-9]", "", ident.upper())[:5] or "OA"
    text = SCAFFOLD.format(id=ident, code=code, county=county, year=start, end=max(end, start + 1), year_minus=start - 1,
                           languages_hint=" kielillä " + ", ".join(languages) if len(languages) > 1 else "",
                           title=block("title", 2), role=block("role", 6), description=block("description", 2),
                           goal=block("goal", 6), action=block("action", 10), indicator=block("indicator", 10))
    write_atomic(path, text)
    _say(f"Kirjoitettu {path.relative_to(root)}. Täydennä kentät ja aja: python build.py validate")
    return EXIT_OK

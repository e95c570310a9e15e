"""import-xlsx: a workbook into the agreement's files.

A workbook export-xlsx made is merged back: its changes since the export (the sub-area files, the yearly values
into measurements/) with the repository's changes since then, three ways; its comments go to OUT/kommentit.md.
Any other workbook (Kuntaliitto's template filled by hand, cooperation/imports/template.py) is read into new
sub-area files. Nothing is written when any error occurs, nothing is overwritten without --force, and every
problem names its cell.
"""
from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path
from typing import Any

from cooperation.changes.diff import md_text
from cooperation.check import check
from cooperation.files import write_all_atomic
from cooperation.i18n.region_file_words import COMMENT_WORDS
from cooperation.i18n.status import status
from cooperation.imports import roundtrip
from cooperation.imports.common import EXIT_DATA, EXIT_OK, EXIT_USAGE, Report, load, say, size_text, write_and_report
from cooperation.imports.import_measurements import merge_values
from cooperation.imports.merge import MISSING, Conflict, merge3, same
from cooperation.imports.rebuild import Base, Rebuild, base_of, shown
from cooperation.imports.template import import_workbook
from cooperation.imports.xlsx import Notes, container_problem
from cooperation.imports.yaml_writer import dump, update
from cooperation.load.sources import Sources
from cooperation.load.yaml_loader import MAX_YAML_BYTES
from cooperation.outputs.names import COMMENTS, COMMENTS_JSON
from cooperation.result import ERROR, Problem
from cooperation.schemas import default_schemas
from cooperation.timeliness import today
from cooperation.workbook import cells as C

MAX_INPUT_BYTES = 50_000_000  # an earlier kommentit.json read back


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
    if not file.is_file():
        say(status("error", message=status("no_file", file=file)))
        return EXIT_USAGE
    sources, parties, agreement = load(root)
    if container_problem(file) is None and roundtrip.is_roundtrip(file):  # sizes checked before anything is unpacked
        return _import_roundtrip(file, root, sources, parties, agreement, report, out)
    if not parties:
        say("virhe: osapuolia ei voi lukea (agreement/parties.yaml); tarkista ne ensin: python build.py validate")
        return EXIT_DATA
    main = (agreement.get("languages") or ["fi"])[0]
    coordinator = next((c for c in agreement.get("coordinators") or [] if isinstance(c, dict)), None)
    person = {k: coordinator[k] for k in ("name", "role", "party") if k in coordinator} if coordinator else None
    result = import_workbook(file, parties, main, person)
    report.show(result.notes)
    if result.errors:
        say(status("nothing_written"))
        return EXIT_DATA
    if not result.files:
        say("virhe: työkirjasta ei löytynyt yhtään osa-aluetta. Mitään ei kirjoitettu.")
        return EXIT_DATA
    targets = {root / "subareas" / f"{ident}.yaml": data for ident, data in result.files.items()}
    existing = [p for p in targets if p.exists()]
    if existing and not force:
        for path in existing:
            say(status("error", message=status("exists_use_force", path=path.relative_to(root))))
        say(status("nothing_written"))
        return EXIT_DATA
    comment = f"Tuotu työkirjasta {file.name}. Tarkista kohdat, jotka tuonnin raportti luettelee."
    texts = {path: dump(data, "subarea.schema.json", comment) for path, data in targets.items()}
    for path, text in texts.items():
        size = len(text.encode("utf-8"))
        if size > MAX_YAML_BYTES:
            ident = path.stem
            result.note(ERROR, "workbook_subarea_file_too_large", result.first_cells.get(ident), id=ident,
                        size=size_text(size), limit=size_text(MAX_YAML_BYTES))
            report.show(result.notes[-1:])
            say(status("nothing_written"))
            return EXIT_DATA
    return write_and_report(root, texts, report)


# --- a workbook export-xlsx made: merged back into the repository ------------------------------------------
def _import_roundtrip(file: Path, root: Path, sources: Sources, parties: list[dict], agreement: dict, report: Report,
                      out: Path | None) -> int:
    """The workbook's changes since its export, merged with the repository's changes since then; each file
    changed only where the merge changed it. Comments go to out/kommentit.md, never into the agreement."""
    notes = Notes(file.name)
    read = roundtrip.read_workbook(file, notes)
    if read is not None and read.meta.get("agreement") != agreement.get("id"):
        notes.book(ERROR, "workbook_other_agreement", workbook=read.meta.get("agreement") or "–",
                   agreement=agreement.get("id") or "–")
    if read is None or any(p.code in ("workbook_other_agreement", "workbook_id_column_missing") for p in notes.errors):
        return _nothing(report, notes)  # (other problems of the cells are gathered on, to be shown all at once)
    ours = {doc.data["id"]: doc for doc in sources.subareas if isinstance(doc.data, dict)
            and isinstance(doc.data.get("id"), str)}
    base: Base | None = None
    exact = False  # the files are those the workbook was exported from, byte for byte
    if ours:
        found = _workbook_base(root, sources, read.meta, notes)
        if found is None:
            return _nothing(report, notes)
        base, exact = found
    codes = {sid: str(doc.data.get("code") or "") for sid, doc in ours.items()}
    rebuild = Rebuild(read, notes, base, parties, codes, today())
    theirs = rebuild.subareas()
    values = rebuild.values(base.values if exact and base is not None else base_of(sources).values)
    rebuild.reference_sheets()
    conflicts: list[Conflict] = []
    merged: dict[str, dict] = {}
    for sid, data in theirs.items():
        if sid in ours:
            merged[sid] = merge3((base.subareas if base else {}).get(sid, MISSING), ours[sid].data, data, sid, (),
                                 conflicts)
        elif base is not None and sid in base.subareas:
            if not same(base.subareas[sid], data):
                conflicts.append(Conflict(sid, (), MISSING, data))
        else:
            merged[sid] = data
    revision = (read.meta.get("revision") or "")[:10] or "–"
    for conflict in conflicts:
        place = rebuild.place_of(conflict.item, conflict.path) or (read.sheets["main"], 1, 1)
        notes.at(ERROR, "workbook_conflict", *place, id=conflict.item,
                 field=".".join(str(p) for p in conflict.path) or "–", ours=shown(conflict.ours),
                 theirs=shown(conflict.theirs), revision=revision)
    if notes.errors:
        return _nothing(report, notes)
    writes: dict[Path, str] = {}
    for sid, data in merged.items():
        path = root / "subareas" / f"{sid}.yaml"
        if sid in ours:
            if same(ours[sid].data, data):
                continue
            try:
                writes[path] = update(ours[sid].path.read_text(encoding="utf-8"), ours[sid].data, data)
            except Exception as exc:  # noqa: BLE001 - ruamel.yaml raises many kinds for what it cannot keep
                report.show(notes.problems)
                say(f"virhe: tiedostoa {path.relative_to(root)} ei voi muuttaa kommentit säilyttäen "
                    f"({type(exc).__name__}); muuta se käsin. Mitään ei kirjoitettu.")
                return EXIT_DATA
        else:
            if path.exists():
                report.show(notes.problems)
                say(f"virhe: {path.relative_to(root)} on jo olemassa, mutta sitä ei voi lukea; korjaa se ensin "
                    "(python build.py validate). Mitään ei kirjoitettu.")
                return EXIT_DATA
            writes[path] = dump(data, "subarea.schema.json", f"Tuotu työkirjasta {file.name}.")
    written: list[str] = []
    if values:
        files_of = {ident: f"measurements/{sid}.csv" for sid, data in {**(base.subareas if base else {}), **merged}.items()
                    for ident in _indicator_ids(data)}
        measured = merge_values(root, values, files_of, notes=True)
        if measured is None:
            return EXIT_DATA
        csv_writes, (added, updated, _), changed = measured
        writes.update(csv_writes)
        written.append(status("measurements_merged", added=added, updated=updated, changed=", ".join(changed)))
    report.show(notes.problems)
    comments = _comment_files(read, file.name, out, read.languages[0] if read.languages else "fi") \
        if out is not None else {}
    if writes:
        def locate(problem: Problem) -> Problem:
            return _located(problem, rebuild, notes, writes, root, read.year)
        # the export checked these very files (it writes only valid data), against the same schemas
        valid = frozenset(doc.name for _, doc in sources.yaml_documents()) \
            if exact and read.meta.get("schemas") == default_schemas().digest else frozenset()
        # the data and its comments written together, or neither (the comments first): never merged with them lost
        if write_and_report(root, writes, report, lambda: check(sources, schema_valid=valid), locate, written,
                            valid, comments, sources.workspace) != EXIT_OK:
            return EXIT_DATA
    else:
        say(status("workbook_unchanged"))
        if comments:
            write_all_atomic(comments)
    if comments and out is not None:
        say(status("comments_written", path=out / COMMENTS.file(read.languages[0] if read.languages else "fi")))
    return EXIT_OK


def _nothing(report: Report, notes: Notes) -> int:
    report.show(notes.problems)
    say(status("nothing_written"))
    return EXIT_DATA


def _indicator_ids(data: Any) -> list[str]:
    return [i["id"] for g in (data.get("goals") or [] if isinstance(data, dict) else []) if isinstance(g, dict)
            for i in g.get("indicators") or [] if isinstance(i, dict) and isinstance(i.get("id"), str)]


def _located(problem: Problem, rebuild: Rebuild, notes: Notes, writes: dict[Path, str], root: Path,
             year: int | None) -> Problem:
    """A problem the check found in a file the import would write, at the workbook cell it came from."""
    place = None
    if problem.file.startswith("subareas/") and problem.item:
        place = rebuild.place_of(problem.item[1], _path_of(problem.field))
    elif problem.file.startswith("measurements/") and problem.line > 1:
        lines = writes.get(root / problem.file, "").split("\n")
        if problem.line <= len(lines):
            cells = lines[problem.line - 1].split(",")
            if len(cells) >= 3 and cells[2].isdigit():
                place = rebuild.places.get((cells[0], (cells[1], int(cells[2]))))
    return problem if place is None else notes.moved(problem, *place)


def _path_of(field: str | None) -> tuple:
    """A problem's field ("status_history[3].status") as a path into its item (("status_history", 2, "status"))."""
    path: list[Any] = []
    for part in (field or "").split("."):
        match = re.fullmatch(r"([^\[]*)((?:\[[0-9]+\])*)", part)
        if not match:
            continue
        if match.group(1):
            path.append(match.group(1))
        path += [int(n) - 1 for n in re.findall(r"\[([0-9]+)\]", match.group(2))]
    return tuple(path)


def _workbook_base(root: Path, sources: Sources, meta: dict[str, str], notes: Notes) -> tuple[Base, bool] | None:
    """The data as it was when the workbook was exported: read from git at the revision it names; without one,
    the data now, if it still has the fingerprint the workbook names. None (with a note) when neither is there:
    a three-way merge needs it. And whether the files are the very ones exported (nothing changed since)."""
    from cooperation.changes.gitrepo import GitError, clean_revision, export, locate
    from cooperation.load.sources import load_sources
    from cooperation.model.fingerprint import fingerprint_of
    revision, fingerprint = meta.get("revision") or "", meta.get("fingerprint") or ""
    if revision and clean_revision(root) == revision:  # nothing committed or changed since the export: the files
        return base_of(sources), True  # are those the workbook was made of (the revision names their bytes)
    if revision:
        try:
            top, prefix = locate(root)
            with tempfile.TemporaryDirectory(prefix="cooperation-base-") as tmp:
                then = load_sources(export(top, prefix, revision, Path(tmp)))
                if fingerprint_of(then) != fingerprint:
                    notes.book(ERROR, "workbook_revision_mismatch", revision=revision[:10])
                    return None
                return base_of(then), False
        except GitError:
            pass
    if fingerprint and fingerprint_of(sources) == fingerprint:
        return base_of(sources), False
    notes.book(ERROR, "workbook_stale_without_base", revision=revision[:10] or "–")
    return None


# --- the comments --------------------------------------------------------------------------------------------


def _comment_files(read: roundtrip.Read, name: str, out: Path, main: str) -> dict[Path, str]:
    """out/kommentit.json (every workbook's comments; this workbook's replaced) and kommentit.md rendered from
    it: by item, then party, for the pull request. Nothing when no workbook has comments."""
    default_party = read.meta.get("party") or ""
    entries = [{"workbook": name, "row": row.number, "item": row.id or "", "level": row.level or "",
                "title": _one_line(_row_title(row, read)), "party": row.party or default_party, "text": row.comment}
               for row in read.rows if row.comment]
    earlier: list[dict] = []
    words = {key: entry.get(main) or entry["fi"] for key, entry in COMMENT_WORDS.items()}
    path = out / COMMENTS_JSON.file(main)
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
        by_item.setdefault(str(entry["item"]) or f"{entry['workbook']} {words['row']} {entry['row']}", []).append(entry)
    lines = [f"# {words['heading']}", "", words["help"], ""]
    # in the agreement's order: every workbook has its items in the same rows
    for ident, items in sorted(by_item.items(), key=lambda pair: min(int(e["row"]) for e in pair[1])):
        first = items[0]
        level = C.level_word(str(first["level"]), main) if first["level"] in ("subarea", "goal", "action",
                                                                               "indicator") else ""
        lines += [f"## {md_text(ident)} {level}: {md_text(str(first['title']))}".rstrip(": "), ""]
        by_party: dict[str, list[dict]] = {}
        for entry in items:
            by_party.setdefault(str(entry["party"]) or words["no_party"], []).append(entry)
        for party, party_entries in by_party.items():
            for entry in party_entries:
                # as the pull request's diff comment shows data: one line, no formatting, links, HTML or @-mentions
                lines.append(f"- **{md_text(party)}** ({md_text(str(entry['workbook']))}, {words['row']} {entry['row']}): "
                             f"{md_text(str(entry['text']))}")
        lines.append("")
    return {path: json.dumps(entries, ensure_ascii=False, indent=1) + "\n", out / COMMENTS.file(main): "\n".join(lines)}


def _row_title(row: roundtrip.Row, read: roundtrip.Read) -> str:
    """A row's name as the comments summary shows it: in the workbook's language, else another."""
    for key in ("subarea", "goal", "action", "indicator"):
        if key in row.cells:
            return str(row.cells[key])
    return next(iter(row.texts.values()), "")


def _one_line(text: str) -> str:
    return " ".join(str(text).split())

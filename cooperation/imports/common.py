"""What the commands that write data share: where their problems go, and writing only what the validator accepts.

Each command writes nothing at all when any error occurs, and overwrites nothing without --force. The imports'
problems (a workbook's cells, a measurement file's rows) are ``Problem``s reported as ``validate`` reports them, in
any of its formats and languages; what the command did ("Kirjoitettu …", "Mitään ei kirjoitettu.") goes to stderr.
"""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from cooperation.check import check
from cooperation.check import reporters as reporter
from cooperation.files import write_all_atomic
from cooperation.i18n.status import status
from cooperation.load.sources import MAX_CSV_BYTES, Sources, load_sources
from cooperation.load.yaml_loader import MAX_YAML_BYTES
from cooperation.result import Problem, Result
from cooperation.workspace import Workspace

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2


def say(text: str) -> None:
    sys.stderr.write(text + "\n")


def size_text(number: int) -> str:
    return f"{number:_}".replace("_", " ")


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


def load(root: Path) -> tuple[Sources, list[dict], dict]:
    """The data as it is, read in a workspace of the import's own (``sources.workspace``: the check of the data as
    the import would write it then parses only the files it changes), its parties and its agreement."""
    sources = load_sources(root, Workspace())
    parties_doc = sources.documents.get("parties")
    parties = parties_doc.data.get("parties", []) if parties_doc is not None and isinstance(parties_doc.data, dict) else []
    agreement = sources.agreement.data if sources.agreement is not None and isinstance(sources.agreement.data, dict) else {}
    return sources, [p for p in parties if isinstance(p, dict) and isinstance(p.get("id"), str)], agreement


# --- writing only what the validator accepts ---------------------------------------------------------
def _unsafe_target(root: Path, path: Path) -> str | None:
    """Why a file may not be written: it is a link, or its folder leads out of the data root."""
    name = path.relative_to(root).as_posix()
    if path.is_symlink():
        return f"{name} on symbolinen linkki; tuonti ei korvaa linkkejä (korvaa linkki tavallisella tiedostolla)"
    base, folder = root.resolve(), path.parent.resolve()
    if folder != base and base not in folder.parents:
        return f"kansio {path.parent.relative_to(root).as_posix()}/ johtaa data-kansion ulkopuolelle ({folder}); sinne ei kirjoiteta"
    if path.exists() and not path.is_file():
        return f"{name} ei ole tavallinen tiedosto; sen tilalle ei kirjoiteta"
    return None


def _key(problem: Problem) -> tuple:
    return problem.code, problem.file, problem.item, problem.field  # lines move when a file changes


def write_checked(root: Path, writes: Mapping[Path, str], report: Report | None = None,
                  before: Result | Callable[[], Result] | None = None,
                  locate: Callable[[Problem], Problem] | None = None,
                  schema_valid: frozenset[str] = frozenset(),
                  along: Mapping[Path, str] | None = None, workspace: Workspace | None = None) -> Result | None:
    """Write ``writes`` only if the data with them passes the full check at least as well as now; ``along`` (files
    outside the data, a workbook's comments) are written in the same go, first: all of them or none.

    The data is checked as it would be with the files written (staged: read from ``writes``, every other file from
    the disk; a file the previous incremental load read is not parsed again): refused are a result with more
    errors than before, and any new error in a file being written (the validator would refuse what we wrote).
    ``before``: the check of the data as it is now (or how to make it), if the caller has it already; it is made
    only when the data as written has errors (with none, nothing can be new). ``locate``: a refused problem as the
    caller's input names it (a workbook's cell) instead of the file's line. ``schema_valid``: files (as named in
    problems) whose bytes on the disk are known to pass the schemas; those not written are not validated against
    the schema again. Returns the check of the data as written, or None when nothing was written (the reasons are
    printed, the validator's through ``report``).
    """
    report = report or Report()
    for path, text in writes.items():
        problem = _unsafe_target(root, path)
        limit = MAX_CSV_BYTES if path.suffix == ".csv" else MAX_YAML_BYTES
        size = len(text.encode("utf-8"))
        if problem is None and size > limit:
            problem = (f"{path.relative_to(root).as_posix()} olisi {size_text(size)} tavua, enintään {size_text(limit)} "
                       "(tarkistuksen raja tiedostolle); tuo tiedot osissa")
        if problem:
            say(status("error", message=problem))
            return None
    names = {path.relative_to(root).as_posix() for path in writes}
    workspace = workspace or Workspace()  # the caller's (common.load's), so unchanged files are not parsed again
    after = check(load_sources(root, workspace, staged={p: t.encode("utf-8") for p, t in writes.items()}),
                  schema_valid=schema_valid - names)
    if not after.errors:  # no error at all: none is new, none more than before (the check before is skipped)
        write_all_atomic({**(along or {}), **writes})
        return after
    if before is None:  # the data as it is now: the files not written are the ones just checked
        before = check(load_sources(root, workspace), schema_valid=schema_valid)
    elif callable(before):
        before = before()
    known = {_key(p) for p in before.errors}
    new = [p for p in after.errors if _key(p) not in known]
    refused = [p for p in new if p.file in names]
    if refused or len(after.errors) > len(before.errors):
        say(status("error", message=status("import_refused")))
        shown = refused or new or after.errors
        report.show([locate(p) for p in shown] if locate else shown)
        return None
    write_all_atomic({**(along or {}), **writes})
    return after


def write_and_report(root: Path, writes: Mapping[Path, str], report: Report,
                     before: Result | Callable[[], Result] | None = None,
                     locate: Callable[[Problem], Problem] | None = None, written: Iterable[str] = (),
                     schema_valid: frozenset[str] = frozenset(), along: Mapping[Path, str] | None = None,
                     workspace: Workspace | None = None) -> int:
    """The imports end alike: write only what the check accepts (with ``along``, see write_checked), name each file
    written (and ``written``, lines of what was written), then show the check of the data as written."""
    outcome = write_checked(root, writes, report, before, locate, schema_valid, along, workspace)
    if outcome is None:
        say(status("nothing_written"))
        return EXIT_DATA
    for path in writes:
        say(status("written", path=path.relative_to(root)))
    for line in written:
        say(line)
    if outcome.problems:
        say(status("checked_after_import"))
    report.check(outcome)
    return EXIT_OK

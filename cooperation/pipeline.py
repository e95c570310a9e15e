"""The one place that composes the stages: load → check → model → outputs.

    files ──load──▶ Sources ──check (+ post-checks)──▶ Result
                       │                                │ no errors
                       └────────────build───────────────┴──▶ Agreement (the model) ──▶ outputs

Every command, the MkDocs hook and the importers' final check go through here, so the order of the
stages is written once.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from cooperation.changes import consultation, gitrepo, versions
from cooperation.changes.snapshot import as_it_stood, sources_at
from cooperation.check import check
from cooperation.load.sources import Sources, data_digest, load_sources
from cooperation.model import Agreement, build, fingerprint_of
from cooperation.outputs import codeowners
from cooperation.result import WARNING, Result
from cooperation.timeliness import today
from cooperation.workspace import Workspace


class ModelError(Exception):
    """The data has errors; the result says which."""

    def __init__(self, result: Result):
        super().__init__(f"{len(result.errors)} errors")
        self.result = result


class SameText(Exception):
    """Both versions of an amendment have the same fingerprint: the councils have nothing to decide."""

    def __init__(self, fingerprint: str):
        super().__init__(fingerprint)
        self.fingerprint = fingerprint


class NoReport(Exception):
    """The yearly report of ``year`` cannot be made: ``reason`` is "future" (the year has not begun), "term" (outside
    the agreement's validity, ``term``), "no_version" (no commit of that year or before) or "shallow" (a shallow
    clone may not have it)."""

    def __init__(self, year: int, reason: str, term: tuple[int, int | None] | None = None):
        super().__init__(reason)
        self.year, self.reason, self.term = year, reason, term


def validate(root: Path, workspace: Workspace | None = None) -> tuple[Sources, Result]:
    """Load and check: the schema, the cross-checks, then the post-checks that need git or an output's view
    (the decisions against the texts they are about; a committed CODEOWNERS must match the data).

    In one workspace (a command, a preview session), a file with the same bytes as in the workspace's previous load
    is not parsed, schema-checked or canonicalised again (the preview reloads after each edit of one file). The
    cross-checks and the model see every file together, so they run whole."""
    sources, result, _ = _checked(root, workspace or Workspace())
    return sources, result


def _checked(root: Path, workspace: Workspace) -> tuple[Sources, Result, Agreement | None]:
    """validate's work, and the model with its version state when the data has no errors."""
    sources = load_sources(root, workspace)
    result = check(sources)
    removed, result = _removed_indicators(sources, result)
    model = None
    if not result.errors:
        model = build(sources)
        model.removed_indicators = list(removed.values())
        # the consultation rounds name their texts as decisions do: bound against the same history, read once
        state, problems = versions.state_and_problems(sources, model, lambda texts: consultation.bind(texts, sources, model))
        model.version_state = state
        result.extend(problems)
    result.extend(codeowners.stale(sources, result))
    return sources, result, model


def _removed_indicators(sources: Sources, result: Result) -> tuple[dict, Result]:
    """Values of an indicator an amendment removed are its history, not an error: each such error becomes a warning
    naming the version that removed it (git knows; the cross-checks do not read git)."""
    unknown = [p for p in result.errors if p.code == "measurement_unknown_indicator"]
    if not unknown:
        return {}, result
    from cooperation.changes.removed import removed_indicators
    removed = removed_indicators(sources, {p.params["ref"] for p in unknown})
    if removed:
        kept = [p for p in result.problems if not (p.code == "measurement_unknown_indicator" and p.params["ref"] in removed)]
        for p in unknown:
            gone = removed.get(p.params["ref"])
            if gone is not None:
                kept.append(replace(p, severity=WARNING, code="measurement_removed_indicator",
                                    params={"ref": gone.id, "version": gone.removed_in or "?", "date": gone.removed_on}))
        result = Result()
        result.extend(kept)
    return removed, result


def load_all(root: Path, workspace: Workspace | None = None) -> tuple[Agreement, Sources, Result]:
    """Load, check and build the model; raises ModelError (carrying the problems) when the data has errors.

    The same files are loaded and checked once per workspace (a command, a preview session): a site's Finnish and
    Swedish MkDocs builds ask again. Any change to a data file, or another current date, is a new key."""
    workspace = workspace or Workspace()
    loaded = workspace.memo("pipeline.loaded")
    key = (str(Path(root).resolve()), data_digest(root), _codeowners_state(root), today(), gitrepo.state(root))
    if key not in loaded:
        sources, result, model = _checked(root, workspace)
        if result.errors or model is None:
            raise ModelError(result)
        loaded.clear()
        loaded[key] = (model, sources, result)
    return loaded[key]


def _codeowners_state(root: Path) -> tuple | None:
    """validate's post-check reads .github/CODEOWNERS too: a changed file is a new key (lstat: no link followed)."""
    try:
        info = codeowners.path(root).lstat()
    except OSError:
        return None
    return (info.st_mode, info.st_size, info.st_mtime_ns, info.st_ino)


def load(root: Path, workspace: Workspace | None = None) -> tuple[Agreement, Result]:
    """As ``load_all``, without the sources."""
    model, _, result = load_all(root, workspace)
    return model, result


def amendment_files(root: Path, base: str, head: str | None, request: str | None = None,
                    workspace: Workspace | None = None) -> dict[str, bytes]:
    """The amendment package of ``head`` (None: the files as they are) against ``base``: both versions loaded,
    checked and built; GitError when a revision does not exist or ``base`` is not an ancestor of ``head``;
    ModelError (with the problems, the older version's first) when either version has errors; SameText when nothing
    differs, NothingToDecide when no change between them is an amendment (nothing for the councils to
    approve either way). ``request``: the pull request's description, the draft decision's rationale when the data
    has none of its own.

    The redline compares the two versions' Word documents. Three processes share the work: one checks and renders
    the older version while this one loads the newer; another writes the change annex and the draft decision
    while this one renders the newer documents and then the redline."""
    import tempfile

    from cooperation.background import Background
    from cooperation.changes.diff import compare
    from cooperation.outputs.docx.amendment import (
        Package,
        base_version,
        decision_documents,
        own_rationale,
        redlines,
        require_amendment,
    )
    repo, prefix = gitrepo.locate(root)
    base_commit = gitrepo.resolve(repo, base)
    head_commit = gitrepo.resolve(repo, "HEAD" if head is None else head)  # "" is no revision, not HEAD
    if not gitrepo.is_ancestor(repo, base_commit, head_commit):
        raise gitrepo.GitError(f"versio ”{base}” ei ole versiota ”{head or 'HEAD'}” edeltävä versio: muutokset "
                               f"verrataan aina aiempaan, samaan historiaan kuuluvaan versioon")
    with tempfile.TemporaryDirectory() as tmp:
        base_sources = sources_at(repo, prefix, base_commit, Path(tmp) / "base")
        older = Background(_documents, base_sources, root, base_commit)
        try:
            try:
                if head is None:
                    head_model, head_sources, _ = load_all(root, workspace)
                else:
                    head_sources = sources_at(repo, prefix, head_commit, Path(tmp) / "head")
                    head_result = check(head_sources)
                    if head_result.errors:
                        raise ModelError(head_result)
                    head_model = as_it_stood(head_sources, root, head_commit)
            except ModelError:
                _older_documents(older, base_sources, root, base_commit, [])  # the older version's problems are told first
                raise
            diff = compare(base_sources, head_sources)
            if diff.change_class is None and fingerprint_of(base_sources) == head_model.fingerprint:
                raise SameText(head_model.fingerprint)  # nothing changed at all; monitoring only is NothingToDecide
            require_amendment(diff)
            package = Package(diff, head_model, base_version(base_sources, head_model, diff.fingerprint_old),
                              own_rationale(base_sources, head_model), request)
            made = Background(decision_documents, package)
            try:
                documents = redlines(lambda langs: _older_documents(older, base_sources, root, base_commit, langs),
                                     head_model)
                return {**documents, **made.result()}
            finally:
                made.close()
        finally:
            older.close()


def report_files(root: Path, year: int, workspace: Workspace | None = None) -> dict[str, bytes]:
    """The yearly monitoring report per language (file name → .docx bytes), from the data as it stood at the end of
    ``year`` (the last commit of that year, with its version state then) or, for the current year, the files as they
    are. NoReport when there is no such year's data; ModelError with the problems of the data it would be made from."""
    import datetime
    import tempfile

    from cooperation.changes.snapshot import export_year, is_shallow
    from cooperation.outputs.docx import report
    from cooperation.outputs.names import REPORT

    now = today()
    if year > now.year:
        raise NoReport(year, "future")
    term = agreement_term(root)  # before git is asked for anything: the agreement's validity as it now reads
    if term is not None and not _in_term(year, term):
        raise NoReport(year, "term", term)
    with tempfile.TemporaryDirectory() as tmp:
        if year == now.year:
            model, sources, _ = load_all(root, workspace)
            data_root, commit, commit_date, as_of = root, None, None, now
        else:
            found = export_year(root, year, Path(tmp) / "snapshot")
            if found is None:
                raise NoReport(year, "shallow" if is_shallow(root) else "no_version")
            data_root, commit, commit_date = found
            as_of = datetime.date(year, 12, 31)
            sources = load_sources(data_root)
            result = check(sources)
            if result.errors:
                raise ModelError(result)
            model = as_it_stood(sources, root, commit)  # the version state as it stood at the end of the year
        start, end = model.validity
        if not _in_term(year, (start.year, end.year if end else None)):
            raise NoReport(year, "term", (start.year, end.year if end else None))
        changes, history = report.changes_of_year(root, year, sources, Path(tmp) / "previous")
        snapshot = report.Snapshot(year, as_of, commit, commit_date, data_digest(data_root), changes, history)
        return {REPORT.of(model, lang, year=year): docx
                for lang, docx in report.render_languages(model, list(model.languages), snapshot).items()}


def agreement_term(root: Path) -> tuple[int, int | None] | None:
    """The years of the agreement's validity as agreement/agreement.yaml gives them; None where it does not say
    (the model's check reports that)."""
    from cooperation.load.yaml_loader import load_yaml
    path = root / "agreement" / "agreement.yaml"
    doc = load_yaml(path, "agreement/agreement.yaml", []) if path.is_file() else None
    validity = doc.data.get("validity") if doc is not None and isinstance(doc.data, dict) else None
    if not isinstance(validity, dict):
        return None
    years = [str(validity.get(key) or "")[:4] for key in ("start", "end")]
    if not years[0].isdigit() or (years[1] and not years[1].isdigit()):
        return None
    return int(years[0]), int(years[1]) if years[1] else None


def _in_term(year: int, term: tuple[int, int | None]) -> bool:
    return term[0] <= year and (term[1] is None or year <= term[1])


def _documents(sources: Sources, root: Path, commit: str) -> tuple[Result | None, dict[str, bytes]]:
    """A version's problems, or its Word documents in its languages (run by a process of its own)."""
    from cooperation.outputs.docx import render_languages
    result = check(sources)
    if result.errors:
        return result, {}
    model = as_it_stood(sources, root, commit)
    return None, render_languages(model, list(model.languages))


def _older_documents(older, sources: Sources, root: Path, commit: str, langs: list[str]) -> dict[str, bytes]:
    """The older version's documents (``_documents``, waited for); ModelError when it has errors. A language the
    amendment adds is rendered here, the older text in it."""
    from cooperation.outputs.docx import render_languages
    problems, documents = older.result()
    if problems is not None:
        raise ModelError(problems)
    missing = [lang for lang in langs if lang not in documents]
    return {**documents, **(render_languages(as_it_stood(sources, root, commit), missing) if missing else {})}

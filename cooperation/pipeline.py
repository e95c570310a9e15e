"""The one place that composes the stages: load → check → model → outputs.

    files ──load──▶ Sources ──check (+ post-checks)──▶ Result
                       │                                │ no errors
                       └────────────build───────────────┴──▶ Agreement (the model) ──▶ outputs

Every command, the MkDocs hook and the importers' final check go through here, so the order of the
stages is written once.
"""
from __future__ import annotations

from pathlib import Path

from cooperation.changes import versions
from cooperation.check import check
from cooperation.check.checker import forget_checked
from cooperation.load.sources import Sources, data_digest, forget_read, load_sources
from cooperation.model import Agreement, build
from cooperation.model.fingerprint import forget_canonical
from cooperation.outputs import codeowners
from cooperation.result import Result
from cooperation.timeliness import today


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


def validate(root: Path) -> tuple[Sources, Result]:
    """Load and check: the schema, the cross-checks, then the post-checks that need an output's view
    (a committed CODEOWNERS must match the data).

    Incrementally: a file with the same bytes as in the previous load of this process is not parsed,
    schema-checked or canonicalised again (the preview reloads after each edit of one file). The
    cross-checks and the model see every file together, so they run whole."""
    sources = load_sources(root, incremental=True)
    result = check(sources)
    result.extend(versions.check(sources, result))
    result.extend(codeowners.stale(sources, result))
    return sources, result


_LOADED: dict[tuple, tuple[Agreement, Sources, Result]] = {}


def load_all(root: Path) -> tuple[Agreement, Sources, Result]:
    """Load, check and build the model; raises ModelError (carrying the problems) when the data has errors.

    The same files are loaded and checked once per process: `build.py site` loads them, then its
    Finnish and Swedish MkDocs builds ask again. Any change to a data file, or another current date, is a new key."""
    key = (str(Path(root).resolve()), data_digest(root), _codeowners_state(root), today())
    if key not in _LOADED:
        sources, result = validate(root)
        if result.errors:
            raise ModelError(result)
        _LOADED.clear()
        _LOADED[key] = (build(sources), sources, result)
    return _LOADED[key]


def _codeowners_state(root: Path) -> tuple | None:
    """validate's post-check reads .github/CODEOWNERS too: a changed file is a new key (lstat: no link followed)."""
    try:
        info = codeowners.path(root).lstat()
    except OSError:
        return None
    return (info.st_mode, info.st_size, info.st_mtime_ns, info.st_ino)


def load(root: Path) -> tuple[Agreement, Result]:
    """As ``load_all``, without the sources."""
    model, _, result = load_all(root)
    return model, result


def forget_loaded() -> None:
    """Drop the loaded model and what the stages remember of each file (benchmarks time a cold build)."""
    _LOADED.clear()
    forget_read()
    forget_checked()
    forget_canonical()


def amendment_files(root: Path, base: str, head: str | None) -> dict[str, bytes]:
    """The amendment package of ``head`` (None: the files as they are) against ``base``: both versions loaded,
    checked and built; GitError when a revision does not exist or ``base`` is not an ancestor of ``head``;
    ModelError (with the problems) when either version has errors; SameText when both have one fingerprint."""
    import tempfile

    from cooperation.changes import gitrepo
    from cooperation.changes.diff import compare
    from cooperation.outputs.docx.amendment import package
    repo, prefix = gitrepo.locate(root)
    base_commit = gitrepo.resolve(repo, base)
    head_commit = gitrepo.resolve(repo, "HEAD" if head is None else head)  # "" is no revision, not HEAD
    if not gitrepo.is_ancestor(repo, base_commit, head_commit):
        raise gitrepo.GitError(f"versio ”{base}” ei ole versiota ”{head or 'HEAD'}” edeltävä versio: muutokset "
                               f"verrataan aina aiempaan, samaan historiaan kuuluvaan versioon")
    with tempfile.TemporaryDirectory() as tmp:
        base_sources = load_sources(gitrepo.export(repo, prefix, base_commit, Path(tmp) / "base"))
        base_result = check(base_sources)
        if base_result.errors:
            raise ModelError(base_result)
        base_model = build(base_sources)
        if head is None:
            head_model, head_sources, _ = load_all(root)
        else:
            head_sources = load_sources(gitrepo.export(repo, prefix, head_commit, Path(tmp) / "head"))
            head_result = check(head_sources)
            if head_result.errors:
                raise ModelError(head_result)
            head_model = build(head_sources)
        if base_model.fingerprint == head_model.fingerprint:
            raise SameText(head_model.fingerprint)
        diff = compare(base_sources, head_sources)
        return package(base_model, head_model, diff, base, head or head_model.version)

"""The data as it stood at a commit: ``sources_at`` is the one way a revision's files are read (the diff, the
history's texts, the removed indicators, the amendment package's two versions, a year's report), the model as it
stood then (``as_it_stood``: its version state as of that commit), and the end of a year: the last commit of that
year, exported from git.

A yearly report reads this, not the working tree, so a correction committed later does not silently
change a report already published."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from cooperation.changes import gitrepo

if TYPE_CHECKING:
    from cooperation.load.sources import Sources
    from cooperation.model import Agreement


def sources_at(repo: Path, prefix: str, commit: str, dest: Path,
               skipped: list[gitrepo.Skipped] | None = None) -> Sources:
    """The data files of ``commit`` exported under ``dest`` (objects as data: nothing run, links not followed but
    appended to ``skipped``) and loaded."""
    from cooperation.load.sources import load_sources
    return load_sources(gitrepo.export(repo, prefix, commit, dest, skipped))


def revision_sources(root: Path, rev: str | None, workdir: Path, skipped: list | None = None) -> Sources:
    """The agreement's files at a git revision (None: the working tree as it is), read from git's
    objects as data: nothing in the revision is imported or run. Links are not followed but
    appended to ``skipped``."""
    from cooperation.load.sources import load_sources
    if rev is None:
        return load_sources(root)
    repo, prefix = gitrepo.locate(root)
    commit = gitrepo.resolve(repo, rev)
    target = workdir / commit
    if target.exists():  # the same revision on both sides
        return load_sources(target / prefix if prefix else target)
    return sources_at(repo, prefix, commit, target, skipped)


def last_commit_of_year(root: Path, year: int) -> tuple[str, str] | None:
    """(commit, ISO date) of the newest commit on the current branch dated in ``year`` or before; None when
    the data is not in git or has no commit by then."""
    try:
        repo, _ = gitrepo.locate(root)
        return gitrepo.last_commit_before(repo, f"{year}-12-31T23:59:59")
    except gitrepo.GitError:
        return None


def export_year(root: Path, year: int, dest: Path) -> tuple[Path, str, str] | None:
    """The data root as of the end of ``year`` written under ``dest``, with its commit and date; None as above."""
    found = last_commit_of_year(root, year)
    if found is None:
        return None
    commit, date = found
    repo, prefix = gitrepo.locate(root)
    return gitrepo.export(repo, prefix, commit, dest), commit, date


def is_shallow(root: Path) -> bool:
    """Whether the data's repository is a shallow clone (a year with no commit may then be one not fetched)."""
    try:
        repo, _ = gitrepo.locate(root)
        return gitrepo.is_shallow(repo)
    except gitrepo.GitError:
        return False


def as_it_stood(sources: Sources, root: Path, commit: str) -> Agreement:
    """The model of a version exported from git at ``commit``, with its version state as it stood then (its cover
    says what was true of it: the signed version "in force since", the proposal "amendment proposal")."""
    from cooperation.changes import versions
    from cooperation.model import build
    model = build(sources)
    model.version_state = versions.version_state(sources, model, until=commit, repository=root)
    return model


def model_at(root: Path, commit: str) -> tuple[Agreement, Sources] | None:
    """The model of the data as committed at ``commit`` (a signed version's tag), its version state as it stood
    then; None when that data has errors."""
    import tempfile

    from cooperation.check import check
    repo, prefix = gitrepo.locate(root)
    with tempfile.TemporaryDirectory() as tmp:
        sources = sources_at(repo, prefix, commit, Path(tmp) / "version")
        if check(sources).errors:
            return None
        return as_it_stood(sources, root, commit), sources


def valid_at(root: Path, commit: str) -> bool:
    """Whether the data as committed at ``commit`` has no errors (remembered per machine: a commit does not change)."""
    import tempfile

    from cooperation import cache
    from cooperation.check import check
    repo, prefix = gitrepo.locate(root)

    def read() -> list[int]:
        with tempfile.TemporaryDirectory() as tmp:
            sources = sources_at(repo, prefix, commit, Path(tmp) / "data")
            return [len(check(sources).errors)]
    return cache.remembered("snapshot-errors", f"{prefix}\0{commit}", read) == [0]


def checked_sources(root: Path, commit: str, dest: Path) -> Sources | None:
    """The data as committed at ``commit``, exported under ``dest``; None when it has errors."""
    from cooperation.check import check
    repo, prefix = gitrepo.locate(root)
    sources = sources_at(repo, prefix, commit, dest)
    return None if check(sources).errors else sources

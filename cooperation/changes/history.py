"""The negotiation record from git: merged changes with their semantic diffs, and the changes since the version
in force (which version that is, the version state says: cooperation.changes.versions)."""
from __future__ import annotations

import dataclasses
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from cooperation import cache
from cooperation.changes import gitrepo
from cooperation.changes.diff import Diff, compare, from_json_data, to_json_data
from cooperation.load.sources import Sources, load_sources


@dataclass
class Entry:
    change: gitrepo.Change
    diff: Diff


@dataclass
class History:
    entries: list[Entry] = field(default_factory=list)  # newest first
    since_signed: Diff | None = None  # the files against the version in force; None: no version in force
    skipped: list[gitrepo.Skipped] = field(default_factory=list)  # links and the like not read, per commit

    def for_items(self, ids: set[str]) -> list[tuple[Entry, list]]:
        """Entries that touched any of these items, with those items' changes."""
        out = []
        for entry in self.entries:
            items = [i for i in entry.diff.items if i.id in ids]
            if items:
                out.append((entry, items))
        return out


class _Trees:
    """Each revision's files exported once per build."""

    def __init__(self, repo: Path, prefix: str, workdir: Path, skipped: list[gitrepo.Skipped]):
        self.repo, self.prefix, self.workdir, self.skipped = repo, prefix, workdir, skipped
        self.cache: dict[str | None, Sources] = {}

    def get(self, commit: str | None) -> Sources:
        if commit not in self.cache:
            if commit is None:
                empty = self.workdir / "empty"
                empty.mkdir(exist_ok=True)
                self.cache[commit] = load_sources(empty)
            else:
                self.cache[commit] = load_sources(gitrepo.export(self.repo, self.prefix, commit, self.workdir / commit,
                                                                 self.skipped))
        return self.cache[commit]


def load_history(root: Path, current: Sources | None = None, limit: int = 100,
                 in_force: str | None = None) -> History | None:
    """None when the data is not in a git repository. ``in_force``: the commit holding the version in force."""
    committed = _committed(root, limit, in_force)
    if committed is None:
        return None
    history, signed = committed
    if signed is not None:
        history.since_signed = compare(signed, current if current is not None else load_sources(root))
    return history


def _committed(root: Path, limit: int = 100, in_force: str | None = None) -> tuple[History, Sources | None] | None:
    """The history of the commits (without the changes since the version in force, which depend on the files as
    they are) and the files of the version in force (None: no version in force)."""
    try:
        repo, prefix = gitrepo.locate(root)
    except (gitrepo.GitError, ValueError, OSError):
        return None
    history = History()
    with tempfile.TemporaryDirectory() as tmp:
        trees = _Trees(repo, prefix, Path(tmp), history.skipped)
        try:
            changes = gitrepo.history(repo, prefix, limit)
        except gitrepo.GitError:
            return None
        try:
            _fill(history, trees, changes)
            signed = trees.get(in_force) if in_force is not None else None
        except gitrepo.GitError:  # e.g. a shallow clone missing a parent's objects: no history rather than a crash
            return None
    return history, signed


def _fill(history: History, trees: _Trees, changes: list[gitrepo.Change]) -> None:
    for change in changes:
        diff = _diff_of(trees, change)
        if diff.change_class is not None:
            history.entries.append(Entry(change, diff))


def _diff_of(trees: _Trees, change: gitrepo.Change) -> Diff:
    """A commit's diff against its parent: it depends on the two commits alone, so it is computed once per machine
    (cooperation/cache.py; a rewritten history has other commits, another program version other keys) and a build
    with a warm cache reads no old revision."""
    key = f"{trees.prefix}\0{change.parent}\0{change.commit}"
    found = cache.get("commit-diff", key)
    if found is not None:
        trees.skipped.extend(gitrepo.Skipped(**x) for x in found["skipped"])
        return from_json_data(found["diff"])
    before = len(trees.skipped)
    diff = compare(trees.get(change.parent), trees.get(change.commit))
    skipped = [dataclasses.asdict(x) for x in trees.skipped[before:]]
    cache.put("commit-diff", key, {"diff": to_json_data(diff), "skipped": skipped})
    return diff


@dataclass
class _Cached:
    """The history of one state of the repository, and its changes since signing for the latest files."""

    committed: tuple[History, Sources | None] | None
    current: Sources | None = None
    shown: History | None = None


def _state_key(root: Path) -> tuple:
    """The commits and tags the history reads (an edit of a file that is not committed changes neither)."""
    return (str(Path(root).resolve()), *gitrepo.state(root))


def cached_history(root: Path, sources: Sources, in_force: str | None = None) -> History | None:
    """``load_history`` once per state of the repository in the workspace of ``sources`` (its memo "history"): both
    language builds and every preview rebuild share the commits' history; only the changes since the version in force
    (held by commit ``in_force``) are compared again, once per ``sources`` (the files as they are)."""
    memo: dict = sources.workspace.memo("history") if sources.workspace is not None else {}
    key = (*_state_key(root), in_force)
    if key not in memo:
        memo.clear()
        memo[key] = _Cached(_committed(root, in_force=in_force))
    cached = memo[key]
    if cached.committed is None:
        return None
    history, signed = cached.committed
    if signed is None:
        return history
    if cached.current is not sources:
        cached.current, cached.shown = sources, replace(history, since_signed=compare(signed, sources))
    return cached.shown

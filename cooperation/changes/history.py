"""The negotiation record from git: every merged change since the record began with its semantic diff, and the
changes since the version in force (which version that is, the version state says: cooperation.changes.versions).

Each commit's diff against its parent depends on the two commits alone, so it is computed once per machine
(cooperation/cache.py), and so is the diff of the files as they are against the version in force (keyed by that
version's commit and a digest of the files): a build with a warm cache reads no old revision. A revision that must
be read is read from git's objects (gitrepo.Objects), and only its files that differ from the revision read before
it are parsed and compared (``_narrowed``).
"""
from __future__ import annotations

import dataclasses
import json
import shutil
import tempfile
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from cooperation import cache
from cooperation.changes import gitrepo
from cooperation.changes.diff import Diff, compare, from_json_data, to_json_data
from cooperation.load.sources import Sources, load_sources
from cooperation.model.fingerprint import fingerprint_of
from cooperation.workspace import Workspace


@dataclass
class Entry:
    change: gitrepo.Change
    diff: Diff

    @property
    def year(self) -> int:
        """The year it was merged in (the committer's own time, as the date reads)."""
        return int(self.change.date[:4])

    @property
    def month(self) -> str:
        """"2026-03"."""
        return self.change.date[:7]


@dataclass
class History:
    entries: list[Entry] = field(default_factory=list)  # newest first: every change since the record's start
    since_signed: Diff | None = None  # the files against the version in force; None: no version in force
    skipped: list[gitrepo.Skipped] = field(default_factory=list)  # links and the like not read, per commit
    start: str | None = None  # the record's configured start (a day, ISO 8601); None: since the repository began
    _by_item: dict[str, list[tuple[int, int]]] | None = field(default=None, init=False, repr=False, compare=False)

    def for_items(self, ids: set[str]) -> list[tuple[Entry, list]]:
        """Entries that touched any of these items, newest first, with those items' changes (each entry's items
        in its diff's order)."""
        if self._by_item is None:
            index: dict[str, list[tuple[int, int]]] = {}
            for at, entry in enumerate(self.entries):
                for position, item in enumerate(entry.diff.items):
                    index.setdefault(item.id, []).append((at, position))
            self._by_item = index
        found = sorted({pair for ident in ids for pair in self._by_item.get(ident, ())})
        out: list[tuple[Entry, list]] = []
        for at, position in found:
            entry = self.entries[at]
            if not out or out[-1][0] is not entry:
                out.append((entry, []))
            out[-1][1].append(entry.diff.items[position])
        return out

    def years(self) -> list[int]:
        """The years holding a change, newest first."""
        return sorted({e.year for e in self.entries}, reverse=True)

    def of_year(self, year: int) -> list[Entry]:
        return [e for e in self.entries if e.year == year]


@dataclass
class _Revision:
    sources: Sources
    fingerprint: str | None = None


class _Revisions:
    """Revisions' files read from git's objects, each once: a revision whose data folders are those of one read just
    before (a parent that changed other files) is that one, a file whose bytes the revision before had is not parsed
    or canonicalised again. Read oldest first, each revision is the next one's parent."""

    KEPT = 4  # revisions kept: a change's parent and itself, and a little slack

    def __init__(self, repo: Path, prefix: str, skipped: list[gitrepo.Skipped]):
        self.repo, self.prefix, self.skipped = repo, prefix, skipped
        self.objects: gitrepo.Objects | None = None
        # an empty folder the files are put under as bytes (load_sources' staged files): nothing is written
        self.root = Path(tempfile.mkdtemp(prefix="historia-"))
        # a workspace of its own: the latest revision's files as parsed and their canonical content (the command's
        # workspace keeps the files as they are)
        self.workspace = Workspace()
        self.blobs: dict[str, bytes] = {}  # the latest revision's files by blob
        self.kept: OrderedDict[tuple, _Revision] = OrderedDict()

    def close(self) -> None:
        if self.objects is not None:
            self.objects.close()
            self.objects = None
        shutil.rmtree(self.root, ignore_errors=True)

    def get(self, commit: str | None) -> _Revision:
        if commit is None:
            key: tuple = ()
            files: list[tuple[str, str]] = []
        else:
            if self.objects is None:
                self.objects = gitrepo.Objects(self.repo)
            key, files = self.objects.data_files(commit, self.prefix, self.skipped)
        if key in self.kept:
            self.kept.move_to_end(key)
            return self.kept[key]
        blobs = {oid: self.blobs[oid] if oid in self.blobs else self._read(oid) for _, oid in files}
        self.blobs = blobs
        staged = {self.root / path: blobs[oid] for path, oid in files}
        revision = _Revision(load_sources(self.root, workspace=self.workspace, staged=staged))
        self.kept[key] = revision
        while len(self.kept) > self.KEPT:
            self.kept.popitem(last=False)
        return revision

    def _read(self, oid: str) -> bytes:
        assert self.objects is not None
        return self.objects.read(oid, "blob")

    def fingerprint(self, revision: _Revision) -> str:
        if revision.fingerprint is None:
            revision.fingerprint = fingerprint_of(revision.sources)
        return revision.fingerprint


def _narrowed(old: Sources, new: Sources) -> tuple[Sources, Sources]:
    """Two revisions read by one ``_Revisions`` with only the files that differ between them, and those every
    comparison reads (the agreement: its languages; the parties: their names). A file that is the same Document in
    both (bytes unchanged: parsed once) holds no change, so their diff is the whole revisions' diff (ids are unique
    across files in valid data; the fingerprints are set from the whole revisions). Measurements only when a file of
    them changed, then with every sub-area (the indicators' decimals)."""
    values_same = len(old.measurements) == len(new.measurements) and all(
        a is b for a, b in zip(old.measurements, new.measurements))

    def documents(own: Sources, other: Sources) -> dict:
        return {kind: doc for kind, doc in own.documents.items()
                if kind in ("agreement", "parties") or doc is not other.documents.get(kind)}

    def subareas(own: Sources, other: Sources) -> list:
        theirs = {doc.name: doc for doc in other.subareas}
        return [doc for doc in own.subareas if not values_same or theirs.get(doc.name) is not doc]

    def part(own: Sources, other: Sources) -> Sources:
        return Sources(own.root, documents(own, other), subareas(own, other),
                       [] if values_same else own.measurements, own.measurement_files)
    return part(old, new), part(new, old)


def load_history(root: Path, current: Sources | None = None, limit: int | None = None,
                 in_force: str | None = None, start: str | None = None) -> History | None:
    """None when the data is not in a git repository. ``in_force``: the commit holding the version in force;
    ``start``: the first day of the record (agreement.yaml's record_start), else every change; ``limit``: only the
    newest changes."""
    committed = _committed(root, limit, start)
    if committed is None:
        return None
    if in_force is not None:
        committed.history.since_signed = committed.since_signed(in_force, current if current is not None
                                                                else load_sources(root))
    return committed.history


@dataclass
class _Committed:
    """The history of the commits, and what comparing the files as they are with the version in force needs."""

    history: History
    repo: Path
    prefix: str
    # the version in force's files by commit, once read, with what they held that was not read
    signed: dict[str, tuple[Sources, list[gitrepo.Skipped]]] = field(default_factory=dict)

    def since_signed(self, in_force: str, current: Sources) -> Diff:
        """The files as they are against the version in force (held by commit ``in_force``): once per machine for
        one such commit and one digest of the files (the version's files are not read when it is known)."""
        def read() -> tuple[Sources, list[gitrepo.Skipped]]:
            if in_force not in self.signed:
                skipped: list[gitrepo.Skipped] = []  # what the version's files held that was not read: in its diff
                revisions = _Revisions(self.repo, self.prefix, skipped)
                try:
                    self.signed[in_force] = (revisions.get(in_force).sources, skipped)
                finally:
                    revisions.close()
            return self.signed[in_force]
        return against_files(self.prefix, in_force, current, read)


def against_files(prefix: str, commit: str, current: Sources,
                  read: Callable[[], tuple[Sources, list[gitrepo.Skipped]]]) -> Diff:
    """The files as they are (``current``) against the data of ``commit`` (``read()`` gives it, with what it held
    that was not read): kept in the commit-diff cache by the commit and a digest of the files, so the same files
    read nothing old again (the changes since the version in force, the yearly report's changes of its year)."""
    key = f"{prefix}\0{commit}\0files:{current.digest}"  # a commit's diff against the files rather than a commit
    found = cache.get("commit-diff", key) if current.digest else None
    if found is not None:
        return from_json_data(found["diff"])
    old, skipped = read()
    diff = compare(old, current)
    diff.skipped = list(skipped)
    record = json.loads(json.dumps({"diff": to_json_data(diff), "skipped": []}))  # as a warm build reads it
    if current.digest:
        cache.put("commit-diff", key, record)
    return from_json_data(record["diff"])


def _committed(root: Path, limit: int | None = None, start: str | None = None) -> _Committed | None:
    """The history of the commits (without the changes since the version in force, which depend on the files as
    they are); None outside git, or where git cannot give it (a shallow clone missing a parent's objects)."""
    try:
        repo, prefix = gitrepo.locate(root)
    except (gitrepo.GitError, ValueError, OSError):
        return None
    history = History(start=start)
    try:
        changes = gitrepo.history(repo, prefix, limit)
    except gitrepo.GitError:
        return None
    if start is not None:
        changes = [c for c in changes if c.date[:10] >= start]
    revisions = _Revisions(repo, prefix, history.skipped)
    try:
        _fill(history, revisions, changes)
    except gitrepo.GitError:  # e.g. a shallow clone missing a parent's objects: no history rather than a crash
        return None
    finally:
        revisions.close()
    return _Committed(history, repo, prefix)


def _fill(history: History, revisions: _Revisions, changes: list[gitrepo.Change]) -> None:
    """The changes' diffs, oldest first (each revision read is the next one's parent)."""
    entries = []
    for change in reversed(changes):
        diff = from_json_data(_record_of(revisions, change)["diff"])
        if diff.change_class is not None:
            entries.append(Entry(change, diff))
    history.entries = entries[::-1]


def _record_of(revisions: _Revisions, change: gitrepo.Change) -> dict:
    """A commit's diff against its parent (as plain data, with the paths not read): it depends on the two commits
    alone, so it is computed once per machine (cooperation/cache.py; a rewritten history has other commits, another
    program version other keys) and a build with a warm cache reads no old revision."""
    key = f"{revisions.prefix}\0{change.parent}\0{change.commit}"
    found = cache.get("commit-diff", key)
    if found is not None:
        revisions.skipped.extend(gitrepo.Skipped(**x) for x in found["skipped"])
        return found  # type: ignore[no-any-return]
    before = len(revisions.skipped)
    old, new = revisions.get(change.parent), revisions.get(change.commit)
    diff = compare(*_narrowed(old.sources, new.sources), (revisions.fingerprint(old), revisions.fingerprint(new)))
    record = {"diff": to_json_data(diff), "skipped": [dataclasses.asdict(x) for x in revisions.skipped[before:]]}
    cache.put("commit-diff", key, record)
    return json.loads(json.dumps(record))  # as a warm build reads it (lists, not tuples): the same pages either way


@dataclass
class _Cached:
    """The history of one state of the repository, and its changes since signing for the latest files."""

    committed: _Committed | None
    current: Sources | None = None
    shown: History | None = None


def _state_key(root: Path) -> tuple:
    """The commits and tags the history reads (an edit of a file that is not committed changes neither)."""
    return (str(Path(root).resolve()), *gitrepo.state(root))


def cached_history(root: Path, sources: Sources, in_force: str | None = None,
                   start: str | None = None) -> History | None:
    """``load_history`` once per state of the repository in the workspace of ``sources`` (its memo "history"): both
    language builds and every preview rebuild share the commits' history; only the changes since the version in force
    (held by commit ``in_force``) are compared again, once per ``sources`` (the files as they are)."""
    memo: dict = sources.workspace.memo("history") if sources.workspace is not None else {}
    key = (*_state_key(root), in_force, start)
    if key not in memo:
        memo.clear()
        memo[key] = _Cached(_committed(root, start=start))
    cached = memo[key]
    if cached.committed is None:
        return None
    history = cached.committed.history
    if in_force is None:
        return history
    if cached.current is not sources:
        cached.current, cached.shown = sources, replace(history, since_signed=cached.committed.since_signed(
            in_force, sources))
    return cached.shown

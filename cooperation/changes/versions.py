"""The texts of the agreement git knows, each decision bound to the text it is about, and the version state
derived from them (cooperation.model.approvals says the rules); validate's post-check of the record.

A decision names its text (a tag, a fingerprint or a 12+ digit prefix of one); without a name it is about the
text that was current on its date: the data as committed at the last commit on or before that day (Finnish
time). Where git cannot tell (no history that old, a shallow clone, the data not in git, no date) the decision
counts for nothing, and validate says how to name its version.
"""
from __future__ import annotations

import datetime
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from cooperation import cache
from cooperation.changes import gitrepo
from cooperation.changes.gitrepo import GitError
from cooperation.changes.snapshot import sources_at
from cooperation.check import check as check_sources
from cooperation.check.checker import Checker
from cooperation.domain import AMENDMENT
from cooperation.load.sources import Sources
from cooperation.model.approvals import (
    BY_DATE,
    DRAFT,
    NAMED,
    PROPOSAL,
    UNBOUND,
    Binding,
    Version,
    VersionState,
    derive,
    is_fingerprint_ref,
    names,
)
from cooperation.model.fingerprint import fingerprint_of
from cooperation.model.types import Agreement, Party
from cooperation.result import Problem
from cooperation.schemas import partial_date_span
from cooperation.timeliness import today

TEXT_DIRS = ("agreement", "subareas")  # what the fingerprint reads (measurements are monitoring data)
DAY_ENDS = "T23:59:59+02:00"  # a decision's day ends at midnight Finnish (winter) time

def _label(sources: Sources) -> tuple[str | None, str | None]:
    data = sources.agreement.data if sources.agreement is not None else None
    if not isinstance(data, dict):
        return None, None
    label, date = data.get("version"), data.get("version_date")
    return (label if isinstance(label, str) else None, date if isinstance(date, str) else None)


class Texts:
    """The texts of one repository a command reads: the current files, the signed versions (tags v*) and any
    commit a decision leads to; each commit read once."""

    def __init__(self, sources: Sources, tag_pattern: str = "v*", until: str | None = None,
                 repository: Path | None = None):
        """``until``: the commit whose state is read (default HEAD); ``repository``: where the data's git history
        is when ``sources`` were exported from it (a yearly report's snapshot)."""
        self.sources = sources
        label, date = _label(sources)
        self.current = Version(fingerprint_of(sources), label, date, current=True)
        self.repo: Path | None = None
        self.prefix = ""
        self.shallow = False
        self.head = ""
        self.tags: list[gitrepo.Tag] = []
        self._read: dict[str, Sources] = {}  # commit → its files, for comparing texts
        self._commits: list[tuple[str, str]] | None = None  # the text's commits (commit, date), newest first
        self._signed: list[Version] | None = None
        # (repository, data prefix, commit) → [fingerprint, label, version date]: what a commit holds never changes, so
        # it is read once per workspace, and once per machine through cooperation.cache
        self._at: dict = sources.workspace.memo("texts.at") if sources.workspace is not None else {}
        self._tmp = tempfile.TemporaryDirectory(prefix="versiot-")
        try:
            self.repo, self.prefix = gitrepo.locate(repository or sources.root)
            self.head = gitrepo.resolve(self.repo, until or "HEAD")
            self.shallow = gitrepo.is_shallow(self.repo)
            self.tags = [t for t in gitrepo.version_tags(self.repo, tag_pattern)
                         if gitrepo.is_ancestor(self.repo, t.commit, self.head)]
        except (GitError, OSError, ValueError):  # not in git, or no commit yet: the files are the only text
            self.repo = None

    def close(self) -> None:
        self._tmp.cleanup()

    # --- reading commits ------------------------------------------------------------------------------------
    def _paths(self) -> list[str]:
        return [f"{self.prefix}/{d}" if self.prefix else d for d in TEXT_DIRS]

    def files(self, commit: str) -> Sources:
        if commit not in self._read:
            assert self.repo is not None
            dest = Path(self._tmp.name) / commit
            self._read[commit] = sources_at(self.repo, self.prefix, commit, dest)
        return self._read[commit]

    def at(self, commit: str, tags: tuple[str, ...] = (), seen: str | None = None) -> Version:
        assert self.repo is not None
        key = (str(self.repo), self.prefix, commit)
        if key not in self._at:
            def read() -> list:
                sources = self.files(commit)
                return [fingerprint_of(sources), *_label(sources)]
            self._at[key] = cache.remembered("text", f"{self.prefix}\0{commit}", read)
        fingerprint, label, date = self._at[key]
        return Version(fingerprint, label, date, tags, commit, seen, fingerprint == self.current.fingerprint)

    def errors_at(self, commit: str) -> list[dict]:
        """The errors a tagged text has (a signed version whose text does not validate): file, line and code."""
        def read() -> list[dict]:
            return [{"file": p.file, "line": p.line, "code": p.code} for p in check_sources(self.files(commit)).errors]
        return cache.remembered("signed-text-errors", f"{self.prefix}\0{commit}", read)

    def commits(self) -> list[tuple[str, str]]:
        """Every commit that changed the text, newest first, with its committer date (none where git fails)."""
        if self._commits is None:
            assert self.repo is not None
            try:
                out = gitrepo.git(self.repo, "log", "--format=%H %cI", self.head, "--", *self._paths())
            except GitError:
                out = ""
            self._commits = [(line.split()[0], line.split()[1]) for line in out.splitlines() if line.strip()]
        return self._commits

    def on(self, moment: str) -> tuple[str, str] | None:
        """The commit whose text was current at ``moment``: the newest text commit at or before it."""
        return next(((c, d) for c, d in self.commits() if _before(d, moment)), None)

    def signed(self) -> list[Version]:
        """The signed versions: each tag's text, tags of one text as one version."""
        if self._signed is None:
            self._signed = self._tagged()
        return self._signed

    def _tagged(self) -> list[Version]:
        found: dict[str, Version] = {}
        for tag in self.tags:
            try:
                version = self.at(tag.commit, (tag.name,), tag.date)
            except GitError:  # a shallow clone without the tag's objects: that version is not known here
                continue
            if version.fingerprint in found:
                known = found[version.fingerprint]
                found[version.fingerprint] = replace(known, tags=known.tags + (tag.name,))
            else:
                found[version.fingerprint] = version
        return list(found.values())

    def find(self, ref: str, near: str | None) -> Version | None:
        """The text a decision names: the current one, a tag's, else a commit's whose fingerprint it names —
        searched from the commit current at the decision's date ``near`` backwards, then forwards."""
        if names(ref, self.current):
            return self.current
        for version in self.signed():
            if names(ref, version):
                return version
        if self.repo is None or not is_fingerprint_ref(ref):
            return None
        commits = self.commits()
        start = next((i for i, (_, d) in enumerate(commits) if near and _before(d, near)), len(commits))
        # before the history began (a record back-filled into a new repository): from the oldest commit on
        order = commits[start:] + list(reversed(commits[:start])) if start < len(commits) else list(reversed(commits))
        for commit, date in order:
            version = self.at(commit, (), date)
            if names(ref, version):
                return version
        return None

    def equivalent(self, a: Version, b: Version) -> bool:
        """Only editorial changes (or none) lead from text ``a`` to text ``b``: a question of the two texts alone."""
        from cooperation.changes.diff import compare
        if a.fingerprint == b.fingerprint:
            return True
        return cache.remembered("editorial-only", f"{a.fingerprint}\0{b.fingerprint}", lambda: compare(
            self.text_of(a), self.text_of(b)).change_class != AMENDMENT)

    def text_of(self, version: Version) -> Sources:
        if version.current:
            return self.sources
        assert version.commit is not None
        return self.files(version.commit)


def _before(commit_date: str, moment: str) -> bool:
    try:
        return datetime.datetime.fromisoformat(commit_date) <= datetime.datetime.fromisoformat(moment)
    except ValueError:
        return False


def _end_of(day: datetime.date) -> str:
    return day.isoformat() + DAY_ENDS


def bind(texts: Texts, parties: list[Party]) -> list[Binding]:
    """Each decision with the text it is about (see the module's docstring)."""
    out = []
    for party in parties:
        for index, decision in enumerate(party.decisions):
            out.append(_bind(texts, party, index, decision))
    return out


def _bind(texts: Texts, party: Party, index: int, decision) -> Binding:
    span = partial_date_span(decision.date)
    near = _end_of(span[1]) if span else None
    if decision.version:
        version = texts.find(decision.version, near)
        if version is not None:
            return Binding(party.id, index, decision, version, NAMED)
        if texts.repo is None:
            return Binding(party.id, index, decision, None, UNBOUND, "decision_version_not_checked")
        if texts.shallow:
            return Binding(party.id, index, decision, None, UNBOUND, "decision_version_shallow")
        return Binding(party.id, index, decision, None, UNBOUND, "decision_unknown_version")
    if span is None:
        return Binding(party.id, index, decision, None, UNBOUND, "decision_unbound_undated")
    if texts.repo is None:
        return Binding(party.id, index, decision, None, UNBOUND, "decision_unbound_outside_git")
    at_end = texts.on(_end_of(span[1]))
    if at_end is None:
        commits = texts.commits()
        first = commits[-1][1][:10] if commits else ""
        why = "decision_version_shallow" if texts.shallow else "decision_unbound_no_history"
        return Binding(party.id, index, decision, None, UNBOUND, why, {"first": first})
    version = texts.at(at_end[0], (), at_end[1])
    if span[0] != span[1]:  # a month or a year: bound only when one text was current all that time
        before = _end_of(span[0] - datetime.timedelta(days=1))
        current = [c for c in texts.commits() if not _before(c[1], before) and _before(c[1], _end_of(span[1]))]
        at_start = texts.on(before)
        prints = {texts.at(c, (), d).fingerprint for c, d in current + ([at_start] if at_start else [])}
        if prints - {version.fingerprint}:
            return Binding(party.id, index, decision, None, UNBOUND, "decision_unbound_ambiguous")
    return Binding(party.id, index, decision, version, BY_DATE)


def _ordered(versions: list[Version]) -> list[Version]:
    """Oldest first by what each text says of itself (its version date), else by its commit's date; the current
    text last."""
    by_print: dict[str, Version] = {}
    for v in versions:
        known = by_print.get(v.fingerprint)
        if known is None:
            by_print[v.fingerprint] = v
        else:  # one text met twice (a tag and a decision): its tags and the earliest commit kept
            by_print[v.fingerprint] = replace(known, tags=tuple(dict.fromkeys(known.tags + v.tags)),
                                              commit=known.commit or v.commit, current=known.current or v.current)
    current = [v for v in by_print.values() if v.current]
    rest = [v for v in by_print.values() if not v.current]
    rest.sort(key=lambda v: ((v.date or (v.appeared or "")[:10] or "9999"), v.appeared or ""))
    return rest + current


def state_of(texts: Texts, parties: list[Party]) -> VersionState:
    bindings = bind(texts, parties)
    versions = _ordered(texts.signed() + [b.version for b in bindings if b.version is not None] + [texts.current])
    bindings = [replace(b, version=next(v for v in versions if v.fingerprint == b.version.fingerprint))
                if b.version is not None else b for b in bindings]
    return derive(parties, versions, bindings, texts.equivalent)


def version_state(sources: Sources, model: Agreement, until: str | None = None,
                  repository: Path | None = None) -> VersionState:
    """The version state of the files ``sources`` (with the model built from them); of a snapshot of commit
    ``until`` exported from ``repository``, as it stood then."""
    texts = Texts(sources, until=until, repository=repository)
    try:
        return state_of(texts, model.parties)
    finally:
        texts.close()


# --- validate's post-check ----------------------------------------------------------------------------------
def check(sources: Sources, model: Agreement, state: VersionState, signed_errors: Callable[[Version], list[dict]]
          | None = None) -> list[Problem]:
    """The record against the texts: each decision bound (or told how to bind it), no decision before its text or
    in the future, one outcome per body and day, the version label raised with an amendment, the stored status
    agreeing with the derived one, a signed tag's text valid."""
    doc = sources.documents.get("parties")
    c = Checker(sources, checks=())
    day = today()
    by_party = {p.id: p for p in model.parties}
    for b in state.bindings:
        party = by_party[b.party]
        path = ("parties", party.number - 1, "decisions", b.index)
        d = b.decision
        span = partial_date_span(d.date)
        if b.how == UNBOUND:
            report = c.error if b.why == "decision_unknown_version" else c.warning
            names_known = ", ".join([v.name for v in state.versions if v.name] + [_named(state.current)])
            report(b.why, doc, "parties", path + (("version",) if d.version else ()), version=d.version or "",
                   known=names_known, date=d.date or "", current=state.current.fingerprint[:12],
                   first=b.params.get("first", ""))
        elif b.how == BY_DATE and b.version is not None:
            c.notice("decision_version_derived", doc, "parties", path + ("date",), date=d.date,
                     version=_named(b.version), fingerprint=b.version.fingerprint[:12])
        if span and span[0] > day:
            c.error("decision_in_future", doc, "parties", path + ("date",), date=d.date, today=day.isoformat())
        existed = partial_date_span(b.version.date) if b.version is not None and b.version.date else None
        if b.how == NAMED and b.version is not None and span and existed and span[1] < existed[0]:
            c.error("decision_before_version", doc, "parties", path + ("date",), date=d.date,
                    version=_named(b.version), version_date=b.version.date)
    _conflicts(c, doc, model)
    _labels(c, sources, state)
    _stored_status(c, sources, model, state)
    for version in state.versions:
        if version.tags and not state.all_approved(version):  # a tag says "signed"; the record must show it
            c.warning("signed_tag_not_approved", doc, "parties", ("parties",), tag=version.name,
                      approved=len(state.approved(version)), total=len(state.signing))
    if signed_errors is not None:
        for version in state.versions:
            if not version.tags:
                continue
            errors = signed_errors(version)
            if errors:
                first = errors[0]
                c.error("signed_version_invalid", sources.agreement, "agreement", ("version",), tag=version.name,
                        n=len(errors), where=f"{first['file']}:{first['line']}", problem=first["code"])
    return c.result.problems


def _named(version: Version | None) -> str:
    if version is None:
        return "?"
    label = f"{version.label}, " if version.label else ""
    short = version.fingerprint[:12]
    return f"{version.name} ({label}{short}…)" if version.name else f"{label}{short}…"


def _conflicts(c: Checker, doc, model: Agreement) -> None:
    """Two decisions of one body on one day about one text with different outcomes."""
    for party in model.parties:
        seen: dict[tuple, tuple[int, str]] = {}
        for index, d in enumerate(party.decisions):
            if not d.date or len(d.date) < 10:
                continue
            key = (tuple(sorted(d.body.values.items())), d.date, d.version or "")
            if key in seen and seen[key][1] != d.outcome:
                c.error("decision_conflict", doc, "parties", ("parties", party.number - 1, "decisions", index, "outcome"),
                        date=d.date, body=d.body.get(model.main_language), outcome=d.outcome, other=seen[key][1])
            seen.setdefault(key, (index, d.outcome))


def version_tuple(label: str | None) -> tuple[int, ...]:
    try:
        return tuple(int(x) for x in (label or "").split("."))
    except ValueError:
        return ()


def _labels(c: Checker, sources: Sources, state: VersionState) -> None:
    """An amended text carries a higher version number than the version in force (error), or than an earlier
    text the parties decided on (warning)."""
    current = state.current
    if state.kind == PROPOSAL and state.in_force is not None:
        highest = max((v for v in state.versions if v.tags or v == state.in_force),
                      key=lambda v: version_tuple(v.label or v.name.lstrip("v")))
        if version_tuple(current.label) <= version_tuple(highest.label or highest.name.lstrip("v")):
            c.error("version_not_raised", sources.agreement, "agreement", ("version",), version=current.label or "",
                    signed=_named(highest))
        return
    decided = [b.version for b in state.bindings if b.version is not None and not b.version.current]
    same = [v for v in decided if v.label and v.label == current.label]
    if same and state.kind == DRAFT:
        c.warning("version_label_reused", sources.agreement, "agreement", ("version",), version=current.label or "",
                  earlier=_named(same[-1]))


def _stored_status(c: Checker, sources: Sources, model: Agreement, state: VersionState) -> None:
    """agreement.yaml's `status` may not say more than the record shows."""
    status = model.status
    if status in ("signed", "in_force") and state.in_force is None:
        c.error("status_without_version_in_force", sources.agreement, "agreement", ("status",), status=status,
                current=_named(state.current), approved=len(state.approved(state.current)), total=len(state.signing))


def state_and_problems(sources: Sources, model: Agreement, also: Callable[[Texts], list[Problem]] | None = None
                       ) -> tuple[VersionState, list[Problem]]:
    """The version state and validate's problems with the record, reading git once; ``also``: more of the record
    checked against the same texts (the consultation rounds' versions), its problems added."""
    texts = Texts(sources)
    try:
        state = state_of(texts, model.parties)

        def signed_errors(version: Version) -> list[dict]:
            return texts.errors_at(version.commit) if version.commit and texts.repo is not None else []
        return state, check(sources, model, state, signed_errors) + (also(texts) if also is not None else [])
    finally:
        texts.close()


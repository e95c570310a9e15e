"""The versions of the agreement the parties decide on: each signed version (a git tag v*) with its
fingerprint, and the current proposal; and validate's post-check of the decisions that name them."""
from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

from cooperation.changes.gitrepo import GitError, export, locate, version_tags
from cooperation.check.checker import Checker
from cooperation.check.values import dicts, string
from cooperation.load.sources import Sources, load_sources
from cooperation.model.approvals import APPROVED, Version, resolve
from cooperation.model.fingerprint import fingerprint_of
from cooperation.result import Problem, Result
from cooperation.schemas import partial_date_span

_TAGGED: dict[tuple[str, str, str], tuple[str, str | None]] = {}  # (repo, prefix, commit) → (fingerprint, date)


def _version_date(sources: Sources) -> str | None:
    data = sources.agreement.data if sources.agreement is not None else None
    value = data.get("version_date") if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


def _tagged(repo: Path, prefix: str, commit: str) -> tuple[str, str | None]:
    key = (str(repo), prefix, commit)
    if key not in _TAGGED:
        with tempfile.TemporaryDirectory() as tmp:
            sources = load_sources(export(repo, prefix, commit, Path(tmp) / "v"))
            _TAGGED[key] = (fingerprint_of(sources), _version_date(sources))
    return _TAGGED[key]


def versions(sources: Sources) -> list[Version]:
    """Signed versions (tags, oldest first) and then the current proposal when its text is not one of them.

    Outside a git repository there are no tags: the current text is the only version."""
    current = fingerprint_of(sources)
    found: list[Version] = []
    try:
        repo, prefix = locate(sources.root)
        tags = version_tags(repo)
    except GitError:
        tags = []
    for tag in tags:
        try:
            fingerprint, date = _tagged(repo, prefix, tag.commit)
        except GitError:  # e.g. a shallow clone without the tag's objects: that version is not known here
            continue
        same = next((i for i, v in enumerate(found) if v.fingerprint == fingerprint), None)
        if same is not None:  # another tag of a text already listed: one version, named both ways
            found[same] = replace(found[same], aliases=found[same].aliases + (tag.name,))
        elif fingerprint:
            found.append(Version(tag.name, fingerprint, date, fingerprint == current))
    if current and not any(v.current for v in found):
        found.append(Version("", current, _version_date(sources), True))
    return found


def _named(version: Version | None) -> str:
    if version is None:
        return "?"
    return f"{version.name} ({version.fingerprint[:12]}…)" if version.name else f"{version.fingerprint[:12]}…"


def check(sources: Sources, result: Result) -> list[Problem]:
    """Each decision's version exists and existed on the decision's date; a signing party whose latest
    approval is of another text is warned; in force needs every signing party's approval of this text.
    Only for data without errors: the fingerprint of broken data means nothing."""
    doc = sources.documents.get("parties")
    if result.errors or doc is None or not isinstance(doc.data, dict):
        return []
    parties = list(dicts(doc.data.get("parties")))
    named = any(string(d.get("version")) for _, p in parties for _, d in dicts(p.get("decisions")))
    agreement = sources.agreement.data if sources.agreement is not None else {}
    status = agreement.get("status") if isinstance(agreement, dict) else None
    if not named:
        return []  # every decision concerns the current text: nothing to look up in git
    known = versions(sources)
    current = next((v for v in known if v.current), None)
    c = Checker(sources, checks=())
    for pi, party in parties:
        path = ("parties", pi, "decisions")
        latest: tuple[int, Version | None] | None = None
        for di, decision in dicts(party.get("decisions")):
            ref = string(decision.get("version"))
            version = resolve(ref, known)
            if ref is not None and version is None:
                names = ", ".join([v.name for v in known if v.name] + [_named(current)])
                c.error("decision_unknown_version", doc, "parties", path + (di, "version"), version=ref, known=names)
                continue
            span = partial_date_span(decision.get("date"))
            made = partial_date_span(version.date) if version and version.date else None
            if ref is not None and version and span and made and span[1] < made[0]:
                c.error("decision_before_version", doc, "parties", path + (di, "date"), date=decision.get("date"),
                        version=_named(version), version_date=version.date)
            if decision.get("outcome") == APPROVED:
                latest = (di, version)
        if party.get("signs") is not True or latest is None or current is None:
            continue
        di, version = latest
        if version is not None and version.fingerprint != current.fingerprint:
            code = "in_force_approval_of_other_text" if status == "in_force" else "approval_of_older_text"
            report = c.error if status == "in_force" else c.warning
            report(code, doc, "parties", path + (di, "version"), approved=_named(version), current=_named(current))
    return c.result.problems

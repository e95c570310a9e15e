"""Indicators an amendment removed, whose recorded values stay in `measurements/`: found in git's history, so their
values are the history of a removed indicator (the site and the report show them so), not an error that would force
the coordinator to delete the signed version's monitoring record."""
from __future__ import annotations

import re
import tempfile
from pathlib import Path

from cooperation.changes import gitrepo
from cooperation.changes.snapshot import sources_at
from cooperation.load.sources import Sources
from cooperation.model.types import Measurement, RemovedIndicator, Text


def removed_indicators(sources: Sources, ids: set[str]) -> dict[str, RemovedIndicator]:
    """Of ``ids`` (indicators the measurements name and no sub-area holds), those some earlier text held: each with
    its name, unit and decimals as that text gave them, its values, and the version and day that removed it."""
    if not ids:
        return {}
    try:
        repo, prefix = gitrepo.locate(sources.root)
    except (gitrepo.GitError, OSError, ValueError):
        return {}
    subareas = f"{prefix}/subareas" if prefix else "subareas"
    found: dict[str, RemovedIndicator] = {}
    with tempfile.TemporaryDirectory(prefix="poistetut-") as tmp:
        for ident in sorted(ids):
            # the newest commit that added or removed an `id: <ident>` line: with the id gone now, its removal
            pattern = r"id:[[:space:]]*[\"']?" + re.escape(ident).replace("\\-", "-") + r"[\"']?[[:space:]]*$"
            try:
                line = gitrepo.git(repo, "log", "-1", "--format=%H %P", "-G", pattern, "HEAD", "--", subareas).split()
            except gitrepo.GitError:
                continue
            if len(line) < 2:
                continue
            commit, parent = line[0], line[1]
            try:
                before = sources_at(repo, prefix, parent, Path(tmp) / parent)
                after = sources_at(repo, prefix, commit, Path(tmp) / commit)
            except gitrepo.GitError:
                continue
            indicator = _indicator(before, ident)
            if indicator is None:
                continue
            agreement = after.agreement.data if after.agreement is not None and isinstance(after.agreement.data, dict) else {}
            main = (agreement.get("languages") or ["fi"])[0]
            date = gitrepo.git(repo, "log", "-1", "--format=%cI", commit).strip()[:10]
            label = agreement.get("version") if isinstance(agreement.get("version"), str) else None
            values = sorted((Measurement(r.area, r.year, r.value, r.note) for r in sources.measurements
                             if r.indicator == ident), key=lambda m: (m.area, m.year))
            decimals = indicator.get("decimals", 0)
            found[ident] = RemovedIndicator(ident, Text(indicator.get("name"), main), str(indicator.get("unit", "")),
                                            decimals if isinstance(decimals, int) else 0, values, label, date)
    return found


def _indicator(sources: Sources, ident: str) -> dict | None:
    for doc in sources.subareas:
        data = doc.data if isinstance(doc.data, dict) else {}
        for goal in data.get("goals") or []:
            for indicator in (goal.get("indicators") or []) if isinstance(goal, dict) else []:
                if isinstance(indicator, dict) and indicator.get("id") == ident:
                    return indicator
    return None

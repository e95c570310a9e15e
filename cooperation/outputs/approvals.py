"""The `approvals` command's report: parties × versions as text, JSON or CSV (cells as text only), read from the
model's version state (cooperation.model.approvals)."""
from __future__ import annotations

import csv
import io
import json

from cooperation.csv_cells import neutralised
from cooperation.i18n import labels as L
from cooperation.model import Agreement
from cooperation.model.approvals import VersionState, table
from cooperation.model.statements import standing_text, version_status, version_title

FORMATS = ("text", "json", "csv")


def render(model: Agreement, state: VersionState, fmt: str, lang: str = "fi") -> str:
    if fmt == "json":
        return json.dumps(table(model.parties, state), ensure_ascii=False, indent=2) + "\n"
    versions = list(state.versions)
    heads = [version_title(v, state, lang) for v in versions]
    names = {p.id: p.name.get(lang) for p in model.parties}
    rows = [[f"{p.number}. {names[p.id]}"] + [standing_text(state.standing(p, v), lang) for v in versions]
            for p in model.parties]
    status = [version_status(v, state, lang) for v in versions]
    if fmt == "csv":
        buffer = io.StringIO()
        writer = neutralised(csv.writer(buffer, lineterminator="\n"))
        writer.writerow([L.word("party", lang)] + heads)
        writer.writerow([L.word("fingerprint", lang)] + [v.fingerprint for v in versions])
        for row in rows + [[L.word("status", lang)] + status]:
            writer.writerow(row)
        return buffer.getvalue()
    lines = [f"{head} ({v.fingerprint[:12]}…): {line}" for v, head, line in zip(versions, heads, status)]
    lines.append("")
    widths = [max(len(r[i]) for r in rows + [[L.word("party", lang)] + heads]) for i in range(len(heads) + 1)]
    for row in [[L.word("party", lang)] + heads] + rows:
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip())
    return "\n".join(lines) + "\n"

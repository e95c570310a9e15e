"""The `approvals` command's report: parties × versions as text, JSON or CSV (cells as text only)."""
from __future__ import annotations

import csv
import io
import json

from cooperation.csv_cells import neutralised
from cooperation.i18n import labels as L
from cooperation.model import Agreement
from cooperation.model.approvals import PENDING, Version, table

FORMATS = ("text", "json", "csv")


def _state(state: str, lang: str) -> str:
    return L.word("approval_pending", lang) if state == PENDING else L.enum("decision_outcome", state, lang)


def _cell(cell: dict, lang: str) -> str:
    text = _state(cell["state"], lang)
    if cell["state"] != PENDING:
        text += " " + (L.partial_date(cell["date"], lang) or L.word("unknown", lang))
        text += f" § {cell['section']}" if cell["section"] else ""
    return text


def _safe(value: str) -> str:
    """A CSV cell a spreadsheet will not run (OWASP CSV injection)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def render(model: Agreement, versions: list[Version], fmt: str, lang: str = "fi") -> str:
    data = table(model.parties, versions)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    heads = [v.name or L.word("current_proposal", lang) for v in versions]
    names = {p.id: p.name.get(lang) for p in model.parties}
    rows = [[f"{row['number']}. {names[row['id']]}"] + [_cell(row["versions"][v.fingerprint], lang) for v in versions]
            for row in data["parties"]]
    status = []
    for info in data["versions"]:
        if info["all_approved"]:
            since = info["in_force_since"]
            status.append(L.word("in_force_since", lang).format(date=L.partial_date(since, lang)) if since
                          else L.word("in_force_undated", lang))
        else:
            status.append(L.word("approved_count", lang).format(n=info["approved"], total=info["signing"]))
    if fmt == "csv":
        buffer = io.StringIO()
        writer = neutralised(csv.writer(buffer, lineterminator="\n"))
        writer.writerow([L.word("party", lang)] + heads)
        writer.writerow([L.word("fingerprint", lang)] + [v.fingerprint for v in versions])
        for row in rows + [[L.word("status", lang)] + status]:
            writer.writerow([_safe(c) for c in row])
        return buffer.getvalue()
    lines = []
    for v, head, state in zip(versions, heads, status):
        lines.append(f"{head} ({v.fingerprint[:12]}…): {state}")
    lines.append("")
    widths = [max(len(r[i]) for r in rows + [[L.word("party", lang)] + heads]) for i in range(len(heads) + 1)]
    for row in [[L.word("party", lang)] + heads] + rows:
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip())
    return "\n".join(lines) + "\n"

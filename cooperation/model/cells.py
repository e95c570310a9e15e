"""The per-goal texts shared by the exported workbook and the Word document's annex."""
from __future__ import annotations

from cooperation.model.types import Agreement


def _t(text, lang: str) -> str:
    return text.get(lang) if text else ""


def goal_cells(model: Agreement, goals: list, lang: str) -> dict[str, str]:
    """The workbook's texts for some goals: a line per goal, per action with its responsible parties and per
    indicator. The exported workbook has a row per goal; the Word document's annex a row per sub-area."""
    return {
        "goals": "\n".join(f"{g.id}: {_t(g.title, lang)}" for g in goals),
        "actions": "\n".join(f"• {a.id}: {_t(a.title, lang)} ({model.party_names(a.responsible_refs, lang)})"
                             for g in goals for a in g.actions),
        "indicators": "\n".join(f"• {i.id}: {_t(i.name, lang)}" + (f" (Sotkanet {i.sotkanet})" if i.sotkanet else "")
                                for g in goals for i in g.indicators),
    }

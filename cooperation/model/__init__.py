"""The agreement as one typed model, built once from validated files and read by every output.

Derived values live here and nowhere else: display numbers (1.2.3), the parties an action
covers when it says "all municipalities", the latest value and status of each indicator,
and the fingerprint of the agreement's content.

    types.py        the dataclasses (Text, Party, Forum, Goal, Action, Indicator, Agreement …)
    status.py       the progress levels (PROGRESS_LEVELS, indicator_status per area)
    fingerprint.py  the canonical content and its SHA-256 (fingerprint_of, compute_fingerprint)
    builder.py      build(sources) → Agreement
    cells.py        goal_cells, the per-goal texts of the workbook and the Word document's annex

This module re-exports what the other stages use.
"""
from cooperation.model.builder import build
from cooperation.model.cells import goal_cells
from cooperation.model.fingerprint import fingerprint_of
from cooperation.model.status import GOOD_LEVELS, PROGRESS_LEVELS, STATUS_TOLERANCE
from cooperation.model.types import Agreement, Indicator, Measurement, Party, Subarea, Text

__all__ = [
    "GOOD_LEVELS",
    "PROGRESS_LEVELS",
    "STATUS_TOLERANCE",
    "Agreement",
    "Indicator",
    "Measurement",
    "Party",
    "Subarea",
    "Text",
    "build",
    "fingerprint_of",
    "goal_cells",
]

"""The cross-checks: what a reviewer would check by hand, after the schema, in this order.

Each takes the checker and reports through it (``c.error``/``c.warning``). Data may be malformed
(the schema has reported that already), so every access is defensive (``cooperation.check.values``).
A new check is a function in its family's module and one line here.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from cooperation.check.checks.accessibility import check_accessibility
from cooperation.check.checks.actions import check_actions
from cooperation.check.checks.consultations import check_consultations
from cooperation.check.checks.current_date import check_timeliness
from cooperation.check.checks.document import check_document_type
from cooperation.check.checks.forums import check_forums
from cooperation.check.checks.ids import check_reserved_ids, check_subarea_file_names, check_unique_ids
from cooperation.check.checks.indicators import check_indicators
from cooperation.check.checks.measurements import check_measurements
from cooperation.check.checks.parties import check_parties
from cooperation.check.checks.periods import check_periods
from cooperation.check.checks.references import check_party_references
from cooperation.check.checks.scope import check_scope
from cooperation.check.checks.subareas import check_section_numbers, check_workbook_subareas
from cooperation.check.checks.text import check_characters, check_translations

if TYPE_CHECKING:
    from cooperation.check.checker import Checker

Check = Callable[["Checker"], None]

CROSS_CHECKS: tuple[Check, ...] = (
    check_unique_ids,
    check_subarea_file_names,
    check_party_references,
    check_actions,
    check_scope,
    check_indicators,
    check_parties,
    check_periods,
    check_forums,
    check_workbook_subareas,
    check_translations,
    check_measurements,
    check_characters,
    check_reserved_ids,
    check_timeliness,
    check_document_type,
    check_accessibility,
    check_section_numbers,
    check_consultations,
)

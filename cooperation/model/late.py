"""What is late on a given day, derived once: the statement "nothing is late" (or the list of what is) that the
yearly report, and any page that says it, reads from here.

An action is late when its status says so (``delayed``: the responsible parties reported it behind) or when its
schedule does (cooperation.timeliness: past its end and not done or cancelled, or still planned after its start);
both reasons are kept, so a reader sees why. An indicator is stale when its newest value is older than its
monitoring interval allows.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from cooperation.model.types import Action, Agreement, Indicator, Subarea

DELAYED = "delayed"  # the action's status
PAST_END, NOT_STARTED = "past_end", "not_started"  # the action's schedule (Action.lateness)


@dataclass(frozen=True)
class LateAction:
    action: Action
    subarea: Subarea
    reasons: tuple[str, ...]  # DELAYED, PAST_END and/or NOT_STARTED, in that order


@dataclass(frozen=True)
class StaleIndicator:
    indicator: Indicator
    subarea: Subarea
    newest_year: int


@dataclass(frozen=True)
class Late:
    day: datetime.date
    actions: tuple[LateAction, ...]  # in the agreement's order
    stale: tuple[StaleIndicator, ...]

    def __bool__(self) -> bool:
        return bool(self.actions or self.stale)

    @property
    def delayed(self) -> tuple[LateAction, ...]:
        return tuple(a for a in self.actions if DELAYED in a.reasons)

    @property
    def overdue(self) -> tuple[LateAction, ...]:
        """Late by the schedule (whatever the status says)."""
        return tuple(a for a in self.actions if PAST_END in a.reasons or NOT_STARTED in a.reasons)


def late(model: Agreement, day: datetime.date) -> Late:
    actions, stale = [], []
    for subarea in model.subareas:
        for goal in subarea.goals:
            for action in goal.actions:
                reasons = ((DELAYED,) if action.status == DELAYED else ()) + tuple(
                    r for r in (action.lateness(day),) if r is not None)
                if reasons:
                    actions.append(LateAction(action, subarea, reasons))
            for indicator in goal.indicators:
                if indicator.stale(day) and indicator.newest_year is not None:
                    stale.append(StaleIndicator(indicator, subarea, indicator.newest_year))
    return Late(day, tuple(actions), tuple(stale))

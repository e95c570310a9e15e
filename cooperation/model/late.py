"""What is late on a given day, derived once: the statement "nothing is late" (or the list of what is) that the
yearly report, the site's late page, its home page and its party pages read from here.

An action is late when its status says so (``delayed``: the responsible parties reported it behind) or when its
schedule does (cooperation.timeliness: past its end and not done or cancelled, or still planned after its start);
both reasons are kept, so a reader sees why. An indicator is stale when its newest value is older than its
monitoring interval allows.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from cooperation.domain import REGION
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

    def by_subarea(self) -> list[tuple[Subarea, list[LateAction], list[StaleIndicator]]]:
        """The sub-areas with something late, in the agreement's order, each with its late actions and indicators."""
        order: dict[str, tuple[Subarea, list[LateAction], list[StaleIndicator]]] = {}
        for a in self.actions:
            order.setdefault(a.subarea.id, (a.subarea, [], []))[1].append(a)
        for i in self.stale:
            order.setdefault(i.subarea.id, (i.subarea, [], []))[2].append(i)
        return list(order.values())

    def for_party(self, party_id: str, area: str) -> tuple[list[LateAction], list[StaleIndicator]]:
        """A party's late actions (it leads them or takes part) and the stale indicators of its area (``area``: the
        party's own id for a municipality, the whole region for the county and the regional council)."""
        return ([a for a in self.actions if party_id in a.action.responsible_set],
                [i for i in self.stale if area in i.indicator.areas or (area == REGION and not i.indicator.areas)])


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

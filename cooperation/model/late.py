"""What is late on a given day, derived once: the actions whose status says they are delayed or whose schedule
has passed them by (cooperation.timeliness states the rule), and the indicators whose newest value is older than
their monitoring interval allows. The site's late page, its home page and its party pages read it from here."""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from cooperation.domain import REGION
from cooperation.model.types import Action, Agreement, Indicator, Subarea

DELAYED = "delayed"  # the action's own status says so; the other reasons are its lateness by the day


@dataclass(frozen=True)
class LateAction:
    action: Action
    subarea: Subarea
    reasons: tuple[str, ...]  # "delayed" (its status), "past_end" or "not_started" (its schedule by the day)


@dataclass(frozen=True)
class StaleIndicator:
    indicator: Indicator
    subarea: Subarea


@dataclass
class Late:
    day: datetime.date
    actions: list[LateAction] = field(default_factory=list)  # in the agreement's order
    indicators: list[StaleIndicator] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.actions or self.indicators)

    def by_subarea(self) -> list[tuple[Subarea, list[LateAction], list[StaleIndicator]]]:
        """The sub-areas with something late, in the agreement's order, each with its late actions and indicators."""
        order: dict[str, tuple[Subarea, list[LateAction], list[StaleIndicator]]] = {}
        for a in self.actions:
            order.setdefault(a.subarea.id, (a.subarea, [], []))[1].append(a)
        for i in self.indicators:
            order.setdefault(i.subarea.id, (i.subarea, [], []))[2].append(i)
        return list(order.values())

    def for_party(self, party_id: str, area: str) -> tuple[list[LateAction], list[StaleIndicator]]:
        """A party's late actions (it leads them or takes part) and the stale indicators of its area (``area``: the
        party's own id for a municipality, the whole region for the county and the regional council)."""
        return ([a for a in self.actions if party_id in a.action.responsible_set],
                [i for i in self.indicators if area in i.indicator.areas or (area == REGION and not i.indicator.areas)])


def late(model: Agreement, day: datetime.date) -> Late:
    found = Late(day)
    for s in model.subareas:
        for goal in s.goals:
            for a in goal.actions:
                reasons = tuple(r for r in (DELAYED if a.status == DELAYED else None, a.lateness(day)) if r)
                if reasons:
                    found.actions.append(LateAction(a, s, reasons))
            found.indicators += [StaleIndicator(i, s) for i in goal.indicators if i.stale(day)]
    return found

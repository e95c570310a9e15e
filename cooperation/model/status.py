"""The indicator status: one rule, stated on the site."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the types call the rule (Indicator.status); the rule only reads them
    from cooperation.model.types import Indicator, Measurement


@dataclass
class IndicatorStatus:
    code: str  # achieved / on_track / off_track / insufficient_data
    latest: Measurement | None
    expected: float | None  # where the straight path from baseline to target is in the latest year
    progress: float | None  # share of the way from baseline to target
    elapsed: float | None  # share of the time from baseline year to target year


# every status an indicator can have, from the best; the site counts each of them
STATUS_CODES = ("achieved", "on_track", "off_track", "insufficient_data")
STATUS_TOLERANCE = 0.1  # how far behind the straight path still counts as on track


def indicator_status(indicator: Indicator) -> IndicatorStatus:
    """Achieved when the latest value reaches the target; on track when it is at least as far
    from the baseline towards the target as the time elapsed since the baseline year, less 10
    percentage points; off track otherwise. Without a baseline, target or a value measured after
    the baseline year there is not enough data. For "keep" the latest value must stay within
    10 % of the target."""
    series = indicator.series(indicator.status_area)
    if not indicator.baseline or not indicator.target:
        return IndicatorStatus("insufficient_data", series[-1] if series else None, None, None, None)
    (base_year, base_value), (target_year, target_value) = indicator.baseline, indicator.target
    later = [m for m in series if m.year > base_year]
    if not later:
        return IndicatorStatus("insufficient_data", series[-1] if series else None, None, None, None)
    latest = later[-1]
    elapsed = min(1.0, (latest.year - base_year) / (target_year - base_year)) if target_year > base_year else 1.0
    expected = base_value + (target_value - base_value) * elapsed
    if indicator.direction == "keep":
        tolerance = abs(target_value) * STATUS_TOLERANCE or STATUS_TOLERANCE
        code = "achieved" if abs(latest.value - target_value) <= tolerance else "off_track"
        return IndicatorStatus(code, latest, expected, None, elapsed)
    span = target_value - base_value
    progress = (latest.value - base_value) / span if span else 1.0
    if progress >= 1.0:
        code = "achieved"
    elif progress >= elapsed - STATUS_TOLERANCE:
        code = "on_track"
    else:
        code = "off_track"
    return IndicatorStatus(code, latest, expected, progress, elapsed)

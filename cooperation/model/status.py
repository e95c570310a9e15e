"""Progress levels of an indicator, per area: Open SDG's method (Statistics Canada), one rule stated on the site.

Observed compound annual growth rate from the base year to the newest value, CAGR_i = (y_i / y_0)^(1/(t_i-t_0)) - 1.
With a numeric target the rate needed to reach it on time is CAGR_T = (y_T / y_0)^(1/(t_T-t_0)) - 1, and
R = d·CAGR_i / |CAGR_T| (d = +1 when an increase is desired, -1 when a decrease is) places the area:
target achieved; on track (R ≥ 95 %); progress but acceleration needed (60 % ≤ R < 95 %); limited progress
(0 ≤ R < 60 %); deterioration (R < 0). Without a target the trend d·CAGR_i is compared with 1.5 % and 0.5 % a
year. A growth rate has no meaning across zero or from zero (net migration -2.1 → 0.5, a zero baseline): there
the straight annual change replaces it (relative to |y_0| in the trend rule). "Keep the level" has no growth to
compare: the newest value within 10 % of the target (or of the base value) holds, anything else deteriorates.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cooperation.domain import REGION

if TYPE_CHECKING:  # the types call the rule (Indicator.progress); the rule only reads them
    from cooperation.model.types import Indicator, Measurement

# every level in the order a reader ranks them, best first: pages iterate over this, never over literals
PROGRESS_LEVELS = ("achieved", "on_track", "acceleration_needed", "limited_progress", "deterioration",
                   "insufficient_data")
GOOD_LEVELS = ("achieved", "on_track")  # counted as "on track or achieved" in summaries

ON_TRACK_RATIO = 0.95
ACCELERATION_RATIO = 0.60
TREND_ON_TRACK = 0.015  # a year, without a target
TREND_ACCELERATION = 0.005
STATUS_TOLERANCE = 0.1  # "keep the level": how far from the level still holds it


def rule_in_words(lang: str) -> str:
    """The rule as the site and the report state it, its numbers taken from the constants above."""
    from cooperation.i18n import labels as L

    def percent(share: float) -> str:
        return L.number(share * 100, 1 if (share * 100) % 1 else 0, lang)
    return L.word("status_rule", lang).format(
        on_track=percent(ON_TRACK_RATIO), acceleration=percent(ACCELERATION_RATIO), tolerance=percent(STATUS_TOLERANCE),
        trend_on_track=percent(TREND_ON_TRACK), trend_acceleration=percent(TREND_ACCELERATION))


@dataclass
class IndicatorStatus:
    code: str  # one of PROGRESS_LEVELS
    latest: Measurement | None
    area: str = REGION
    base: tuple[int, float] | None = None  # the year and value progress is measured from
    ratio: float | None = None  # R, with a target
    growth: float | None = None  # observed annual growth in the desired direction (d·CAGR_i)
    required: float | None = None  # |CAGR_T|, with a target
    method: str = "target"  # target / trend / keep / none


def _cagr(start: float, end: float, years: int) -> float | None:
    if start <= 0 or end <= 0:
        return None
    return (end / start) ** (1 / years) - 1


def _level(ratio: float, on_track: float, acceleration: float) -> str:
    if ratio >= on_track:
        return "on_track"
    if ratio >= acceleration:
        return "acceleration_needed"
    if ratio >= 0:
        return "limited_progress"
    return "deterioration"


def _base(indicator: Indicator, series: list[Measurement], area: str) -> tuple[int, float] | None:
    """The written baseline for the area it is written for; elsewhere the area's own value in the baseline
    year, or its first value."""
    if indicator.baseline and area == indicator.status_area:
        return indicator.baseline
    if indicator.baseline:
        same_year = [m for m in series if m.year == indicator.baseline[0]]
        if same_year:
            return (same_year[0].year, same_year[0].value)
    return (series[0].year, series[0].value) if series else None


def indicator_status(indicator: Indicator, area: str | None = None) -> IndicatorStatus:
    area = area or indicator.status_area
    series = indicator.series(area)
    newest = series[-1] if series else None
    base = _base(indicator, series, area)
    later = [m for m in series if base and m.year > base[0]]
    if base is None or not later:
        return IndicatorStatus("insufficient_data", newest, area, base, method="none")
    latest = later[-1]
    (t0, y0), yi, years = base, latest.value, latest.year - base[0]
    target = indicator.target
    if indicator.direction == "keep":
        level = target[1] if target else y0
        held = abs(yi - level) <= (abs(level) * STATUS_TOLERANCE or STATUS_TOLERANCE)
        code = ("achieved" if target else "on_track") if held else "deterioration"
        return IndicatorStatus(code, latest, area, base, method="keep")
    d = 1 if indicator.direction == "increase" else -1
    if target:
        if d * (yi - target[1]) >= 0:
            return IndicatorStatus("achieved", latest, area, base, method="target")
        target_years = max(1, target[0] - t0)
        observed, required = _cagr(y0, yi, years), _cagr(y0, target[1], target_years)
        if observed is None or required is None:  # across or from zero: straight annual change
            observed, required = (yi - y0) / years, (target[1] - y0) / target_years
        if required == 0:  # the base met the target and the area has slipped from it
            return IndicatorStatus("deterioration", latest, area, base, None, d * observed, 0.0, "target")
        ratio = d * observed / abs(required)
        return IndicatorStatus(_level(ratio, ON_TRACK_RATIO, ACCELERATION_RATIO), latest, area, base, ratio,
                               d * observed, abs(required), "target")
    growth = _cagr(y0, yi, years)
    if growth is None:
        growth = (yi - y0) / abs(y0) / years if y0 else math.copysign(math.inf, yi - y0) if yi != y0 else 0.0
    growth *= d
    return IndicatorStatus(_level(growth, TREND_ON_TRACK, TREND_ACCELERATION), latest, area, base, None, growth,
                           None, "trend")


@dataclass(frozen=True)
class Progress:
    """What a progress level is computed from, in the numbers a reader can check: the pace (the level's own
    measure, R), and the way travelled and the time gone between the base and the target."""
    status: IndicatorStatus
    pace: float | None  # R: the observed change against the change needed to reach the target on time
    distance: float | None  # (y_i - y_0) / (y_T - y_0): the share of the way from the base to the target
    elapsed: float | None  # (t_i - t_0) / (t_T - t_0): the share of the time from the base year to the target year
    worsened: bool  # moved the wrong way (the level is deterioration)


def progress(indicator: Indicator, area: str | None = None) -> Progress:
    """The numbers behind ``indicator.progress(area)``: the one place the site and the report read them from."""
    status = indicator.progress(area) if area else indicator.status
    distance = elapsed = None
    target = indicator.target
    if status.method == "target" and target and status.base and status.latest:
        (t0, y0), (t_target, y_target) = status.base, target
        if y_target != y0:
            distance = (status.latest.value - y0) / (y_target - y0)
        if t_target > t0:
            elapsed = (status.latest.year - t0) / (t_target - t0)
    return Progress(status, status.ratio, distance, elapsed, status.code == "deterioration")


def progress_in_words(indicator: Indicator, area: str | None, lang: str, values: bool = False) -> str:
    """What the level of an area is computed from, as the site, the report and the Word documents say it:
    "muutosvauhti 74 % tarvittavasta; kuljettu 21 % matkasta, aikaa kulunut 25 %" (with ``values``, the base,
    the newest value and the target too). A worsening indicator says that it worsened."""
    from cooperation.i18n import labels as L
    p = progress(indicator, area)
    s = p.status

    def w(key: str) -> str:
        return L.word(key, lang)

    def percent(share: float, decimals: int = 0) -> str:
        return L.number(share * 100, decimals, lang) + "\u00a0%"

    def dated(point: tuple[int, float] | None) -> str:
        return L.dated_value(point, indicator.unit, indicator.decimals, lang)
    if s.code == "insufficient_data" or s.latest is None or s.base is None:
        text = w("progress_insufficient")
        return text[:1].upper() + text[1:] + "."
    latest, base = (s.latest.year, s.latest.value), s.base
    if s.method == "keep":
        level = indicator.target[1] if indicator.target else base[1]
        text = w("progress_keep_lost" if p.worsened else "progress_keep_held").format(
            level=L.with_unit(level, indicator.unit, indicator.decimals, lang), tolerance=percent(STATUS_TOLERANCE))
    elif s.code == "achieved":
        text = w("progress_achieved").format(target=dated(indicator.target))
    elif p.worsened:
        text = w("progress_worsened")
    elif s.method == "target":
        text = w("progress_pace").format(pace=percent(p.pace)) if p.pace is not None else ""
        if p.distance is not None and p.elapsed is not None:
            text += ("; " if text else "") + w("progress_distance").format(distance=percent(p.distance),
                                                                          elapsed=percent(p.elapsed))
    else:  # a trend without a target
        text = w("progress_trend").format(growth=percent(s.growth or 0.0, 1))
    if values:
        text += " (" + w("progress_values").format(base=dated(base), latest=dated(latest)) + (
            ", " + w("progress_target").format(target=dated(indicator.target)) if indicator.target else "") + ")"
    return text[:1].upper() + text[1:] + "."

"""Every threshold a reader is told about, at its boundary: a case just above and just below each, worked out by
hand, so that a changed constant or a < written for a ≤ fails here. The site and the report state these rules in
words (labels: status_rule); the numbers in those words are derived from the same constants (last test)."""
from __future__ import annotations

import datetime

import pytest
from test_progress import _indicator

from cooperation.model.status import (
    ACCELERATION_RATIO,
    ON_TRACK_RATIO,
    STATUS_TOLERANCE,
    TREND_ACCELERATION,
    TREND_ON_TRACK,
    rule_in_words,
)
from cooperation.timeliness import action_lateness, indicator_stale

# base 10 (2024) → target 20 (2028): the growth needed is r = 2^(1/4) − 1 = 18.9207 % a year; one year later the
# value that gives R = ratio is 10·(1 + ratio·r)
R = 2 ** 0.25 - 1


def value_at(ratio: float, nudge: float) -> float:
    return 10 * (1 + ratio * R) + nudge


@pytest.mark.parametrize("latest, code", [
    (value_at(0.95, +1e-4), "on_track"), (value_at(0.95, -1e-4), "acceleration_needed"),   # 11.7975 / 11.7974
    (value_at(0.60, +1e-4), "acceleration_needed"), (value_at(0.60, -1e-4), "limited_progress"),  # 11.1353 / 11.1351
    (10.0, "limited_progress"), (9.9999, "deterioration"),                                   # R = 0: no change
    (20.0, "achieved"), (19.9999, "on_track"),                                               # the target itself
])
def test_the_progress_levels_at_their_boundaries(latest, code):
    assert _indicator(values=[(2025, latest)]).status.code == code


@pytest.mark.parametrize("latest, code", [
    (101.5001, "on_track"), (101.4999, "acceleration_needed"),        # 1.5 % a year
    (100.5001, "acceleration_needed"), (100.4999, "limited_progress"),  # 0.5 % a year
    (100.0, "limited_progress"), (99.9999, "deterioration"),
])
def test_the_trend_rule_without_a_target_at_its_boundaries(latest, code):
    assert _indicator(baseline=(2024, 100.0), target=None, values=[(2025, latest)]).status.code == code


@pytest.mark.parametrize("latest, code", [
    (22.0, "achieved"), (22.0001, "deterioration"),   # 10 % of the level 20 above it
    (18.0, "achieved"), (17.9999, "deterioration"),   # and below
])
def test_keeping_the_level_at_the_tolerance(latest, code):
    assert _indicator("keep", values=[(2026, latest)]).status.code == code


@pytest.mark.parametrize("status, start, end, day, late", [
    ("ongoing", None, (2026, 6, None), datetime.date(2026, 6, 30), None),          # the month's last day: on time
    ("ongoing", None, (2026, 6, None), datetime.date(2026, 7, 1), "past_end"),
    ("done", None, (2026, 6, None), datetime.date(2026, 7, 1), None),
    ("planned", (2026, None, None), None, datetime.date(2026, 12, 31), None),       # the year written: all of it
    ("planned", (2026, None, None), None, datetime.date(2027, 1, 1), "not_started"),
    ("ongoing", (2026, None, None), None, datetime.date(2027, 1, 1), None),
])
def test_lateness_at_the_day_it_begins(status, start, end, day, late):
    assert action_lateness(status, start, end, day) == late


@pytest.mark.parametrize("frequency, newest, day, stale", [
    ("yearly", 2024, datetime.date(2026, 12, 31), False), ("yearly", 2024, datetime.date(2027, 1, 1), True),
    ("every_two_years", 2024, datetime.date(2027, 12, 31), False), ("every_two_years", 2024, datetime.date(2028, 1, 1), True),
    ("once_per_term", 2021, datetime.date(2026, 12, 31), False), ("once_per_term", 2021, datetime.date(2027, 1, 1), True),
])
def test_staleness_at_the_year_it_begins(frequency, newest, day, stale):
    assert indicator_stale(frequency, newest, day) is stale


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_rule_in_words_states_the_constants(lang):
    """The method text the site and the report print names the thresholds the code uses."""
    text = rule_in_words(lang)
    for number in ("95 %", "60–95 %", "0–60 %", "1,5 %", "0,5 %", "10 %"):  # as the constants say, written by hand
        assert number in text.replace("\u00a0", " "), (number, text)
    assert (ON_TRACK_RATIO, ACCELERATION_RATIO, TREND_ON_TRACK, TREND_ACCELERATION, STATUS_TOLERANCE) == (
        0.95, 0.60, 0.015, 0.005, 0.1)

"""Static SVG charts made at build time: no JavaScript, readable without colour, with a text alternative.

Phone first: the charts are drawn for a width of about 400 px, so their text is at least 11 px where a phone
shows them at 390 px, and the legend is HTML beside the chart (it wraps; no name is cut). An indicator measured
per municipality gets a main chart of the whole region and one small chart per municipality on the same scale
("small multiples"), instead of a dozen tangled lines no legend can tell apart."""
from __future__ import annotations

import html
import math
from dataclasses import dataclass

from cooperation.domain import REGION
from cooperation.i18n import labels as L
from cooperation.model import Agreement, Indicator

WIDTH, HEIGHT = 400, 240
FONT = 13  # user units; at 390 px the chart is ~358 px wide, so text is ~11.6 px
RIGHT, TOP, BOTTOM = 14, 22, 30
SMALL_WIDTH, SMALL_HEIGHT, SMALL_PAD = 160, 80, 6
# colours with at least 3:1 contrast against white (WCAG 1.4.11), told apart by dash too
REGION_COLOUR = "#0b4f8a"
AREA_COLOUR = "#8a4b08"
CONTEXT_COLOUR = "#8c8c8c"
TARGET_COLOUR = "#a3142c"
NOTE_COLOUR = "#4d4d4d"
# a small chart's line in its area's progress level (the level is also said in words beside it): each at least 3:1
# against white, and told apart by its word, never by colour alone
LEVEL_COLOURS = {"achieved": "#1b6e3a", "on_track": "#0b4f8a", "acceleration_needed": "#7a5c00",
                 "limited_progress": "#a34700", "deterioration": "#a3142c", "insufficient_data": "#6b6b6b"}
SMALL_FONT = 12


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _nice_range(low: float, high: float) -> tuple[float, float, float]:
    if high == low:
        high, low = high + 1, low - 1
    span = high - low
    step = 10 ** math.floor(math.log10(span / 4))
    for factor in (1, 2, 2.5, 5, 10):
        if span / (step * factor) <= 5:
            step *= factor
            break
    return math.floor(low / step) * step, math.ceil(high / step) * step, step


@dataclass(frozen=True)
class Scale:
    """Years and values of every series of an indicator: the main chart and the small ones share it."""
    years: tuple[int, int]
    low: float
    high: float
    step: float

    def x(self, year: float, left: float, width: float) -> float:
        first, last = self.years
        return left + (width * (year - first) / (last - first) if last > first else width / 2)

    def y(self, value: float, top: float, height: float) -> float:
        return top + height * (1 - (value - self.low) / (self.high - self.low))


def areas_with_values(indicator: Indicator) -> list[str]:
    return [a for a in indicator.areas if indicator.series(a)]


def main_area(indicator: Indicator, areas: list[str] | None = None) -> str | None:
    """The series the main chart follows: the whole region's, else the first area measured (``areas``: the
    areas with values, when the caller has them)."""
    areas = areas_with_values(indicator) if areas is None else areas
    return REGION if REGION in areas else (areas[0] if areas else None)


def scale(indicator: Indicator, areas: list[str] | None = None) -> Scale | None:
    values = [m for a in (areas_with_values(indicator) if areas is None else areas) for m in indicator.series(a)]
    years = [m.year for m in values] + [p[0] for p in (indicator.baseline, indicator.target) if p]
    if not years:
        return None
    numbers = [m.value for m in values] + [p[1] for p in (indicator.baseline, indicator.target) if p and p[1] is not None]
    low, high, step = _nice_range(min(numbers), max(numbers)) if numbers else (0.0, 1.0, 0.5)
    return Scale((min(years), max(years)), low, high, step)


def value_notes(indicator: Indicator, areas: list[str]) -> list[tuple[int, str, int, str]]:
    """The notes on measured values (a data break, a changed method) as (number, area, year, note), numbered in
    the order the values table lists them: area by area, year by year. The charts and the table share the numbers."""
    found = [(area, m.year, m.note) for area in areas for m in indicator.series(area) if m.note]
    return [(n, area, year, note) for n, (area, year, note) in enumerate(found, 1)]


def indicator_svg(model: Agreement, indicator: Indicator, lang: str, ident: str) -> str:
    """The measured values per year of the region (or the one area measured), baseline, target and the straight
    path between them; a dotted line and the note's number where a value has a note (a data break)."""
    areas = areas_with_values(indicator)
    frame, area = scale(indicator, areas), main_area(indicator, areas)
    if frame is None:
        return ""
    ticks = []
    tick = frame.low
    while tick <= frame.high + frame.step / 1000:
        ticks.append(tick)
        tick += frame.step
    tick_texts = [L.number(t, indicator.decimals, lang) for t in ticks]
    left = 12 + math.ceil(0.62 * FONT * max(len(t) for t in tick_texts))  # room for the widest value label
    plot_w, plot_h = WIDTH - left - RIGHT, HEIGHT - TOP - BOTTOM

    def x(year: float) -> float:
        return frame.x(year, left, plot_w)

    def y(value: float) -> float:
        return frame.y(value, TOP, plot_h)

    title = f"{indicator.id}: {indicator.name.get(lang)}"
    desc = chart_description(model, indicator, lang)
    out = [f'<svg class="indicator-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
           f'aria-labelledby="{ident}-title {ident}-desc" xmlns="http://www.w3.org/2000/svg">',
           f'<title id="{ident}-title">{_esc(title)}</title>', f'<desc id="{ident}-desc">{_esc(desc)}</desc>',
           f'<g font-family="sans-serif" font-size="{FONT}" fill="#1a1a1a">']
    for value, text in zip(ticks, tick_texts):
        out.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{y(value):.1f}" y2="{y(value):.1f}" stroke="#d0d0d0"/>')
        out.append(f'<text x="{left - 6}" y="{y(value) + 4:.1f}" text-anchor="end">{_esc(text)}</text>')
    first, last = frame.years
    every = max(1, math.ceil((last - first + 1) * 0.62 * FONT * 4.8 / plot_w))  # a year label is ~4 digits wide
    for year in range(first, last + 1):
        if (year - first) % every == 0:
            anchor = "start" if year == first and last > first else "end" if year == last and last > first else "middle"
            out.append(f'<text x="{x(year):.1f}" y="{TOP + plot_h + 20}" text-anchor="{anchor}">{year}</text>')
    out.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{TOP + plot_h}" y2="{TOP + plot_h}" stroke="#595959"/>')
    if indicator.baseline and indicator.target:
        (by, bv), (ty, tv) = indicator.baseline, indicator.target
        out.append(f'<line x1="{x(by):.1f}" y1="{y(bv):.1f}" x2="{x(ty):.1f}" y2="{y(tv):.1f}" stroke="{TARGET_COLOUR}" '
                   f'stroke-width="2" stroke-dasharray="6 4"/>')
        out.append(f'<circle cx="{x(ty):.1f}" cy="{y(tv):.1f}" r="6" fill="none" stroke="{TARGET_COLOUR}" stroke-width="2"/>')
        out.append(f'<rect x="{x(by) - 5:.1f}" y="{y(bv) - 5:.1f}" width="10" height="10" fill="none" '
                   f'stroke="{REGION_COLOUR}" stroke-width="2"/>')
    if area is not None:
        series = indicator.series(area)
        out.append(f'<path d="{_path(series, x, y)}" fill="none" stroke="{REGION_COLOUR}" stroke-width="3"/>')
        out += [f'<circle cx="{x(m.year):.1f}" cy="{y(m.value):.1f}" r="3.5" fill="{REGION_COLOUR}"/>' for m in series]
        for n, note_area, year, _ in value_notes(indicator, areas):
            if note_area == area:
                out.append(f'<line x1="{x(year):.1f}" x2="{x(year):.1f}" y1="{TOP}" y2="{TOP + plot_h}" stroke="{NOTE_COLOUR}" '
                           f'stroke-width="1.5" stroke-dasharray="2 3"/>')
                out.append(f'<text x="{x(year):.1f}" y="{TOP - 6}" text-anchor="middle" font-weight="bold">{n}</text>')
    out.append("</g></svg>")
    return "\n".join(out)


def _path(series, x, y) -> str:
    return " ".join(f"{'M' if i == 0 else 'L'}{x(m.year):.1f},{y(m.value):.1f}" for i, m in enumerate(series))


def legend(model: Agreement, indicator: Indicator, lang: str) -> list[tuple[str, str]]:
    """What the main chart draws, as (swatch SVG, name): every series and mark it has."""
    def line(colour: str, dash: str, width: float = 3) -> str:
        return (f'<line x1="1" x2="27" y1="7" y2="7" stroke="{colour}" stroke-width="{width}"'
                + (f' stroke-dasharray="{dash}"' if dash else "") + "/>")
    items = []
    areas = areas_with_values(indicator)
    area = main_area(indicator, areas)
    if area is not None:
        items.append((line(REGION_COLOUR, ""), area_name(model, area, lang)))
    if indicator.baseline and indicator.target:
        items.append((line(TARGET_COLOUR, "6 4", 2), L.word("target_path", lang)))
        items.append((f'<rect x="9" y="2" width="10" height="10" fill="none" stroke="{REGION_COLOUR}" stroke-width="2"/>',
                      L.word("baseline", lang)))
        items.append((f'<circle cx="14" cy="7" r="5.5" fill="none" stroke="{TARGET_COLOUR}" stroke-width="2"/>',
                      L.word("target", lang)))
    if any(note_area == area for _, note_area, _, _ in value_notes(indicator, areas)):
        items.append((f'<line x1="14" x2="14" y1="0" y2="14" stroke="{NOTE_COLOUR}" stroke-width="1.5" stroke-dasharray="2 3"/>',
                      L.word("value_notes", lang)))
    # the swatches' meaning is their names beside them: the search indexer skips their elements
    return [(f'<svg width="28" height="14" viewBox="0 0 28 14" aria-hidden="true" focusable="false" data-search-exclude>'
             f'{mark}</svg>', name)
            for mark, name in items]


def small_svg(indicator: Indicator, area: str, frame: Scale | None = None, region_path: str | None = None,
              colour: str = AREA_COLOUR, axis: tuple[str, str] | None = None) -> str:
    """One area's values (solid, in ``colour``: its progress level's; a ring where a value has a note) against the
    region's (grey, dashed) on the indicator's common scale, the scale's top and bottom values (``axis``) written at
    its left edge. Hidden from screen readers: the area's name, latest value and level are the HTML caption under
    it, and the values table holds every value. ``frame`` and ``region_path`` (``small_region_path``): the scale
    and the region's line, when the caller drawing every area has them."""
    frame = scale(indicator) if frame is None else frame
    if frame is None:
        return ""
    pad = SMALL_PAD
    w, h = SMALL_WIDTH - 2 * pad, SMALL_HEIGHT - 2 * pad

    def x(year: float) -> float:
        return frame.x(year, pad, w)

    def y(value: float) -> float:
        return frame.y(value, pad, h)
    # data-search-exclude: the search indexer skips the drawing, its meaning is in the caption
    out = [f'<svg viewBox="0 0 {SMALL_WIDTH} {SMALL_HEIGHT}" aria-hidden="true" focusable="false" '
           f'xmlns="http://www.w3.org/2000/svg" data-search-exclude>',
           f'<rect x="0.5" y="0.5" width="{SMALL_WIDTH - 1}" height="{SMALL_HEIGHT - 1}" fill="none" stroke="#d0d0d0"/>']
    if area != REGION and indicator.series(REGION):
        region = _path(indicator.series(REGION), x, y) if region_path is None else region_path
        out.append(f'<path d="{region}" fill="none" stroke="{CONTEXT_COLOUR}" '
                   f'stroke-width="1.5" stroke-dasharray="4 3"/>')
    series = indicator.series(area)
    out.append(f'<path d="{_path(series, x, y)}" fill="none" stroke="{colour}" stroke-width="2.5"/>')
    out += [f'<circle cx="{x(m.year):.1f}" cy="{y(m.value):.1f}" r="{4 if m.note else 2.5}" '
            f'fill="{"#ffffff" if m.note else colour}" stroke="{colour}" stroke-width="1.5"/>' for m in series]
    if axis:  # the scale's ends, on a white halo so a line under them does not hide them
        high, low = axis
        out.append(f'<g font-family="sans-serif" font-size="{SMALL_FONT}" fill="#1a1a1a" stroke="#ffffff" '
                   f'stroke-width="3" paint-order="stroke"><text x="3" y="{pad + SMALL_FONT - 2}">{_esc(high)}</text>'
                   f'<text x="3" y="{SMALL_HEIGHT - pad - 1}">{_esc(low)}</text></g>')
    out.append("</svg>")
    return "".join(out)


def small_region_path(indicator: Indicator, frame: Scale) -> str:
    """The region's line as every small chart of the indicator draws it (the path data)."""
    pad = SMALL_PAD
    w, h = SMALL_WIDTH - 2 * pad, SMALL_HEIGHT - 2 * pad
    return _path(indicator.series(REGION), lambda year: frame.x(year, pad, w), lambda value: frame.y(value, pad, h))


def area_name(model: Agreement, area: str, lang: str) -> str:
    if area == REGION:
        return L.word("region_capital", lang)
    return model.party(area).name.get(lang)


def chart_description(model: Agreement, indicator: Indicator, lang: str) -> str:
    """The text alternative: what the chart shows, in a sentence or three."""
    parts = []
    unit, decimals = indicator.unit, indicator.decimals
    if indicator.baseline:
        parts.append(f"{L.word('baseline', lang)} {L.with_unit(indicator.baseline[1], unit, decimals, lang)} "
                     f"({indicator.baseline[0]})")
    if indicator.target:
        parts.append(f"{L.word('target', lang)} {L.with_unit(indicator.target[1], unit, decimals, lang)} "
                     f"({indicator.target[0]})")
    status = indicator.status
    if status.latest:
        parts.append(f"{L.word('latest', lang)} {L.with_unit(status.latest.value, unit, decimals, lang)} "
                     f"({status.latest.year}, {area_name(model, status.latest.area, lang)})")
    parts.append(f"{L.word('status', lang)}: {L.word('status_' + status.code, lang)}")
    # notes are written in the agreement's main language only: other languages point to the note by its number
    parts += [f"{L.word('value_note', lang).format(n=n)}: {year}, {area_name(model, area, lang)}"
              + (f": {note}" if lang == model.main_language else "")
              for n, area, year, note in value_notes(indicator, areas_with_values(indicator))]
    return ". ".join(parts) + "."

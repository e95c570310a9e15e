"""Static SVG charts made at build time: no JavaScript, readable without colour, with a text alternative."""
from __future__ import annotations

import html
import math

from cooperation.i18n import labels as L
from cooperation.domain import REGION
from cooperation.model import Agreement, Indicator

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 64, 150, 20, 40
# colours with at least 3:1 contrast against white (WCAG 1.4.11), told apart by dash too
REGION_COLOUR = "#0b4f8a"
AREA_COLOURS = ["#6b6b6b", "#8a4b08", "#4a6b1f", "#7a2e5a", "#2f5f5f"]
TARGET_COLOUR = "#a3142c"


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


def indicator_svg(model: Agreement, indicator: Indicator, lang: str, ident: str) -> str:
    """The measured values per year for the region (and municipalities), baseline, target and
    the straight path between them."""
    areas = [a for a in indicator.areas if indicator.series(a)]
    region_first = sorted(areas, key=lambda a: (a != REGION, areas.index(a)))
    shown = region_first[:1 + len(AREA_COLOURS)]
    values = [m for a in shown for m in indicator.series(a)]
    points_years = [m.year for m in values]
    if indicator.baseline:
        points_years.append(indicator.baseline[0])
    if indicator.target:
        points_years.append(indicator.target[0])
    if not points_years:
        return ""
    years = (min(points_years), max(points_years))
    numbers = [m.value for m in values] + [v for v in (indicator.baseline and indicator.baseline[1],
                                                         indicator.target and indicator.target[1]) if v is not None]
    low, high, step = _nice_range(min(numbers), max(numbers))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(year: float) -> float:
        return LEFT + (plot_w * (year - years[0]) / (years[1] - years[0]) if years[1] > years[0] else plot_w / 2)

    def y(value: float) -> float:
        return TOP + plot_h * (1 - (value - low) / (high - low))

    name = indicator.name.get(lang)
    title = f"{indicator.id}: {name}"
    desc = chart_description(model, indicator, lang)
    out = [f'<svg class="indicator-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
           f'aria-labelledby="{ident}-title {ident}-desc" xmlns="http://www.w3.org/2000/svg">',
           f'<title id="{ident}-title">{_esc(title)}</title>', f'<desc id="{ident}-desc">{_esc(desc)}</desc>',
           '<g font-family="sans-serif" font-size="12" fill="#1a1a1a">']
    tick = low
    while tick <= high + step / 1000:
        out.append(f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" stroke="#d0d0d0"/>')
        out.append(f'<text x="{LEFT - 6}" y="{y(tick) + 4:.1f}" text-anchor="end">{_esc(L.number(tick, indicator.decimals, lang))}</text>')
        tick += step
    for year in range(years[0], years[1] + 1):
        if years[1] - years[0] > 10 and (year - years[0]) % 2:
            continue
        out.append(f'<text x="{x(year):.1f}" y="{TOP + plot_h + 18}" text-anchor="middle">{year}</text>')
    out.append(f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{TOP + plot_h}" y2="{TOP + plot_h}" stroke="#595959"/>')
    legend_y = TOP + 6
    if indicator.baseline and indicator.target:
        (by, bv), (ty, tv) = indicator.baseline, indicator.target
        out.append(f'<line x1="{x(by):.1f}" y1="{y(bv):.1f}" x2="{x(ty):.1f}" y2="{y(tv):.1f}" stroke="{TARGET_COLOUR}" '
                   f'stroke-width="2" stroke-dasharray="6 4"/>')
        out.append(f'<circle cx="{x(ty):.1f}" cy="{y(tv):.1f}" r="6" fill="none" stroke="{TARGET_COLOUR}" stroke-width="2"/>')
        out.append(f'<rect x="{x(by) - 5:.1f}" y="{y(bv) - 5:.1f}" width="10" height="10" fill="none" stroke="{REGION_COLOUR}" stroke-width="2"/>')
        out += _legend(legend_y, TARGET_COLOUR, "6 4", L.word("target_path", lang))
        legend_y += 18
    for index, area in enumerate(shown):
        series = indicator.series(area)
        colour = REGION_COLOUR if area == REGION else AREA_COLOURS[(index - (REGION in shown)) % len(AREA_COLOURS)]
        width = 3 if area == REGION else 1.5
        dash = "" if area == REGION else "2 3"
        path = " ".join(f"{'M' if i == 0 else 'L'}{x(m.year):.1f},{y(m.value):.1f}" for i, m in enumerate(series))
        out.append(f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="{width}"'
                   + (f' stroke-dasharray="{dash}"' if dash else "") + "/>")
        for m in series:
            out.append(f'<circle cx="{x(m.year):.1f}" cy="{y(m.value):.1f}" r="{3.5 if area == REGION else 2.5}" fill="{colour}"/>')
        out += _legend(legend_y, colour, dash, area_name(model, area, lang))
        legend_y += 18
    if len(region_first) > len(shown):
        out.append(f'<text x="{LEFT + plot_w + 12}" y="{legend_y + 4}">{_esc(L.word("more_in_table", lang))}</text>')
    out.append("</g></svg>")
    return "\n".join(out)


def _legend(y: float, colour: str, dash: str, text: str) -> list[str]:
    x0 = WIDTH - RIGHT + 12
    label = text if len(text) <= 18 else text[:17] + "…"
    return [f'<line x1="{x0}" x2="{x0 + 22}" y1="{y}" y2="{y}" stroke="{colour}" stroke-width="2.5"'
            + (f' stroke-dasharray="{dash}"' if dash else "") + "/>",
            f'<text x="{x0 + 28}" y="{y + 4}">{_esc(label)}</text>']


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
    return ". ".join(parts) + "."

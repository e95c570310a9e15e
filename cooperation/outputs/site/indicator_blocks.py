"""An indicator's parts as the sub-area pages and the indicator's own page show them: its progress level in words,
its facts, its chart (a file of its own), a small chart per area coloured by the area's progress level, and its values
by area and year with their notes."""
from __future__ import annotations

import posixpath

from cooperation.domain import REGION
from cooperation.i18n import labels as L
from cooperation.model import Indicator
from cooperation.outputs.site import charts
from cooperation.outputs.site.context import SiteContext
from cooperation.outputs.site.html import NO_SEARCH, esc, facts_list


class IndicatorBlocks(SiteContext):
    """An indicator's parts, written once for the sub-area page (compact, the values folded) and its own page."""

    def shown_from(self, i: Indicator) -> tuple:
        """What an indicator's renderings are made from besides the fixed words and the page's place: its own fields
        (its dataclass repr, long: worked out once per build), the language, the names of the areas it names."""
        key = id(i)  # the site holds the model: no id is reused while it builds
        if key not in self._shown_from:
            self._shown_from[key] = (repr(i), self.lang, self.m.main_language,
                                     tuple(charts.area_name(self.m, a, self.lang) for a in charts.areas_with_values(i)))
        return self._shown_from[key]


    def block_key(self, i: Indicator, kind: str) -> tuple:
        """Every value a block is rendered from: the indicator's (shown_from), the build's date (stale), the
        citation's date, the page's place."""
        here = self.current.url if self.current else ""
        return (kind, here, self.today, self.m.version_date or self.m.validity[0], *self.shown_from(i))


    def indicator_block(self, i: Indicator) -> str:
        """The sub-area page's block: level, facts, chart and small charts; the values table folded, and a link to
        the indicator's own page for the rest. Kept for the next build while nothing it shows changes."""
        block, chart = self.memo.get(self.block_key(i, "indicator"), lambda: self.render_indicator_block(i))
        if chart:
            self.assets[self.chart_asset(i)] = chart
        return block


    def render_indicator_block(self, i: Indicator) -> tuple[str, bytes | None]:
        """The block's HTML, and its chart's SVG file (None: no chart)."""
        status = i.status
        out = [f'<div class="indicator" id="{esc(i.id.lower())}-data">', self.level_line(i), self.stale_flag(i),
               self.md(i.description)]
        out.append(facts_list([(self.w("baseline"), self.dated(i, i.baseline)),
                               (self.w("latest"), self.dated(i, (status.latest.year, status.latest.value)
                                                              if status.latest else None)),
                               (self.w("target"), self.dated(i, i.target)),
                               (self.w("source"), self.source_link(i))]))
        svg = self.chart_svg(i)
        if svg:
            out.append(self.chart_figure(i))
            out.append(self.small_multiples(i))
        values = self.values_html(i)
        if values:
            # on a phone a card per area: folded, the page is a screen or two per indicator, not thirteen cards
            n = len(charts.areas_with_values(i))
            out.append(f'<details class="values"><summary{NO_SEARCH}>{esc(self.w("values_folded"))} '
                       f'({n}&nbsp;{esc(L.count_word("n_areas", n, self.lang))})</summary>{values}</details>')
        out.append(f'<p class="indicator-more"{NO_SEARCH}>{self.link(self.indicator_path(i), self.w("indicator_page_link"))}</p>')
        out.append("</div>")
        return "\n".join(out), svg.encode("utf-8") if svg else None


    def level_line(self, i: Indicator) -> str:
        return f"<p>{self.indicator_badge(i)} {esc(self.status_explanation(i))}</p>"


    def source_link(self, i: Indicator) -> str:
        """The source, short: Sotkanet's indicator or the source's name, linked (the citation is on the
        indicator's own page)."""
        if i.sotkanet:
            return f'<a href="{esc(i.sotkanet_url(self.lang) or "")}">{esc(self.w("sotkanet").format(id=i.sotkanet))}</a>'
        name, url = self.t(i.source_name), i.source_url
        return f'<a href="{esc(url)}">{esc(name)}</a>' if url else esc(name)


    @staticmethod
    def chart_asset(i: Indicator) -> str:
        return f"kaaviot/{i.id.lower()}.svg"


    def chart_svg(self, i: Indicator) -> str:
        """The chart, drawn once per build and language whichever page asks first."""
        return self.memo.get(("chart", *self.shown_from(i)),
                         lambda: charts.indicator_svg(self.m, i, self.lang, f"chart-{i.id.lower()}"))


    def chart_figure(self, i: Indicator) -> str:
        """The chart as an image file of its own, not inline: the page stays light to build, index and load."""
        here = "/" + (self.current.url if self.current else "")
        src = posixpath.relpath("/" + self.chart_asset(i), here)
        legend = "".join(f"<li>{mark} {esc(name)}</li>" for mark, name in charts.legend(self.m, i, self.lang))
        # not searched: the legend's names ("Koko alue, tavoitepolku, Lähtötaso…") made snippets of every chart
        return (f'<figure class="chart"{NO_SEARCH}><img src="{esc(src)}" alt="{esc(charts.chart_description(self.m, i, self.lang))}" '
                f'width="{charts.WIDTH}" height="{charts.HEIGHT}" loading="lazy" id="chart-{esc(i.id.lower())}">'
                f'<figcaption><ul class="chart-legend">{legend}</ul></figcaption></figure>')


    def values_html(self, i: Indicator) -> str:
        """The values by area and year, each area's progress level, and the notes on values under the table (the same
        on the sub-area page and the indicator's: its links are within the page; made once per build)."""
        return self.memo.get(("values", *self.shown_from(i)), lambda: self.render_values(i))


    def render_values(self, i: Indicator) -> str:
        lang = self.lang
        areas = [a for a in i.areas if i.series(a)]
        notes = charts.value_notes(i, areas)
        marks = {(area, year): n for n, area, year, _ in notes}
        # notes in measurements/*.csv have one language, the agreement's main one: marked so where it differs
        note_lang = f' lang="{esc(self.m.main_language)}"' if self.lang != self.m.main_language else ""
        years = sorted({m.year for a in areas for m in i.series(a)})
        if not years:
            return ""
        rows = []
        for area in areas:
            by_year = {m.year: m for m in i.series(area)}
            rows.append([esc(charts.area_name(self.m, area, lang))] +
                        [self.value(i, by_year[y].value) + (self.note_mark(i, marks[area, y])
                                                            if (area, y) in marks else "") if y in by_year else "–"
                         for y in years] + [self.progress_badge(i, area)])
        # on a phone each area is a card of year–value pairs side by side: the latest value stays on screen
        out = [self.table([esc(self.w("area"))] + [str(y) for y in years] + [esc(self.w("status"))], rows,
                          f"{i.id}: {self.w('values_by_year')}", "values compact", stack=True)]
        if notes:
            # a data break or a changed method, as text under the table: the numbers link here from the cells
            out.append(f'<div class="value-notes"><p class="notes-title" id="{esc(i.id.lower())}-notes">{esc(self.w("value_notes"))}'
                       '</p><ol class="value-notes">'
                       + "".join(f'<li id="{esc(i.id.lower())}-note-{n}">{esc(charts.area_name(self.m, area, lang))} {year}: '
                                 f"<span{note_lang}>{esc(note)}</span></li>" for n, area, year, note in notes) + "</ol></div>")
        return "\n".join(out)


    def note_mark(self, i: Indicator, n: int) -> str:
        """A value's note number, linked to the note under the table and named for screen readers."""
        return (f' <sup><a href="#{esc(i.id.lower())}-note-{n}" aria-label="{esc(self.w("value_note").format(n=n))}">'
                f"{n}</a></sup>")


    def small_multiples(self, i: Indicator) -> str:
        """A small chart per area measured besides the main chart's, on the common scale with its ends written on
        it, its line in the area's progress level's colour; captioned with the area's latest value and level, and
        which direction is better (issue 32.2). Made once per build for both pages that show it."""
        return self.memo.get(("small", *self.shown_from(i)), lambda: self.render_small_multiples(i))


    def render_small_multiples(self, i: Indicator) -> str:
        measured = charts.areas_with_values(i)
        main = charts.main_area(i, measured)
        areas = [a for a in measured if a != main]
        if not areas:
            return ""
        frame = charts.scale(i, measured)
        region = charts.small_region_path(i, frame) if frame and i.series(REGION) else None
        axis = (L.number(frame.high, i.decimals, self.lang), L.number(frame.low, i.decimals, self.lang)) if frame else None
        items = []
        for area in areas:
            last = i.series(area)[-1]
            code = i.progress(area).code
            items.append(f'<li data-level="{esc(code)}">'
                         f"{charts.small_svg(i, area, frame, region, charts.LEVEL_COLOURS[code], axis)}"
                         f"<span><strong>{esc(charts.area_name(self.m, area, self.lang))}</strong> "
                         f"{self.dated(i, (last.year, last.value))}<br>{self.progress_badge(i, area)}</span></li>")
        better = self.w(f"better_{i.direction}")
        return (f'<figure class="small-multiples"{NO_SEARCH}><figcaption>{esc(self.w("by_area"))}: '
                f'{esc(self.w("by_area_help"))} {esc(better)}</figcaption><ul>{"".join(items)}</ul></figure>')

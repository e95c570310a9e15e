"""The indicators: a short overview, a page per indicator, and the indicators an amendment removed."""
from __future__ import annotations

import datetime

from cooperation.i18n import labels as L
from cooperation.model import (
    Indicator,
    Subarea,
)
from cooperation.model.status import rule_in_words
from cooperation.outputs.site import charts
from cooperation.outputs.site.html import (
    Page,
    esc,
    facts_list,
    heading_text,
)
from cooperation.outputs.site.indicator_blocks import IndicatorBlocks


class IndicatorPages(IndicatorBlocks):
    """The indicators overview, a page per indicator, and the indicators an amendment removed."""

    def indicators(self) -> None:
        """The overview: short and scannable (issue 25.3), per sub-area each indicator's latest value, target and
        progress level, its name linking to its own page; how the level is computed after the data, folded."""
        page = self.start("mittarit.md", self.w("indicators"))
        page.body.append(f"<p>{esc(self.w('overview_help'))}</p>")
        for s in self.m.subareas:
            indicators = [i for g in s.goals for i in g.indicators]
            if not indicators:
                continue
            page.body.append(f"## {heading_text(f'{s.number} {self.t(s.title)}')}")
            rows = [[f'<span id="{esc(i.id.lower())}">{self.link(self.indicator_path(i), f"{i.id} {self.t(i.name)}")}</span>',
                     self.dated(i, (i.status.latest.year, i.status.latest.value) if i.status.latest else None),
                     self.dated(i, i.target), self.indicator_badge(i)] for i in indicators]
            page.body.append(self.table([self.w("indicator"), self.w("latest"), self.w("target"), self.w("status")],
                                        rows, self.t(s.title), stack=True, index_rows=True))
            page.body.append(self.edit_here(sorted({f for i in indicators for f in self.measurement_files.get(i.id, ())}),
                                            "edit_values") + self.edit_here([s.file], "edit_indicators"))
        self.removed_indicators(page)
        page.body.append(self.method_details())
        for s in self.m.subareas:
            for goal in s.goals:
                for i in goal.indicators:
                    self.indicator_page(s, goal, i)


    def method_details(self) -> str:
        """How the progress level is computed: after the data, folded (issue 32.6)."""
        return (f'<details class="method"><summary>{esc(self.w("status_rule_heading"))}</summary>'
                f"<p>{esc(rule_in_words(self.lang))}</p></details>")


    def indicator_page(self, s: Subarea, goal, i: Indicator) -> None:
        """An indicator's own page (Open SDG's core): its level with the reason, the chart with the target path, a
        small chart per municipality, the values by area and year, and its source, unit and method; the rule of the
        levels folded at the end."""
        page = self.start(self.indicator_path(i), f"{i.id} {self.t(i.name)}", s.file)
        # kept for the next build while nothing it shows changes (an edit elsewhere renders none of these again)
        key = (*self.block_key(i, "page"), s.id, s.number, repr(s.title), goal.id, goal.number, repr(goal.title),
               tuple(charts.area_name(self.m, a, self.lang) for a in i.areas))
        body, svg = self.memo.get(key, lambda: self.render_indicator_page(s, goal, i))
        page.body.extend(body)
        if svg:
            self.assets[self.chart_asset(i)] = svg


    def render_indicator_page(self, s: Subarea, goal, i: Indicator) -> tuple[list[str], bytes | None]:
        body: list[str] = []
        where = f"osa-alueet/{s.id}.md"
        goal_text = f"{self.w('goal_of')} {goal.number} {self.t(goal.title)}"
        body.append(f'<p class="meta">{self.link(where, f"{s.number} {self.t(s.title)}")} › '
                    f"{self.link(where, goal_text, goal.id.lower())}</p>")
        body.append(self.level_line(i) + self.stale_flag(i))
        body.append(self.md(i.description))
        status = i.status
        body.append(facts_list([(self.w("baseline"), self.dated(i, i.baseline)),
                                (self.w("latest"), self.dated(i, (status.latest.year, status.latest.value)
                                                               if status.latest else None)),
                                (self.w("target"), self.dated(i, i.target))]))
        svg = self.chart_svg(i)
        if svg:
            body.append(f"## {heading_text(self.w('indicator_development'))}")
            body.append(self.chart_figure(i))
            body.append(self.small_multiples(i))
        values = self.values_html(i)
        if values:
            body.append(f"## {heading_text(self.w('indicator_values'))}")
            body.append(values)
        body.append(f"## {heading_text(self.w('indicator_about'))}")
        areas = ", ".join(charts.area_name(self.m, a, self.lang) for a in i.areas) or "–"
        method = self.w("method_text").format(direction=L.enum("direction", i.direction, self.lang),
                                              frequency=L.enum("indicator_frequency", i.frequency, self.lang).lower(),
                                              areas=areas)
        body.append(facts_list([(self.w("unit"), esc(L.enum("unit", i.unit, self.lang) or "–")),
                                (self.w("method"), esc(method)),
                                (self.w("source"), self.source_html(i))]))
        body.append(self.method_details())
        return body, svg.encode("utf-8") if svg else None


    def removed_indicators(self, page: Page) -> None:
        """Indicators an amendment removed: their recorded values stay as their history, said to be such."""
        removed = self.m.removed_indicators
        if not removed:
            return
        page.body.append(f"## {heading_text(self.w('removed_indicators'))} {{#poistetut}}")
        page.body.append(f"<p>{esc(self.w('removed_indicators_help'))}</p>")
        for r in removed:
            page.body.append(f"### {heading_text(f'{r.id} {self.t(r.name)}')}")
            page.body.append(f'<p class="meta">{esc(self.w("removed_in").format(version=r.removed_in or "?", date=L.date(datetime.date.fromisoformat(r.removed_on), self.lang)))}</p>')
            rows = [[self.party_link(m.area), esc(str(m.year)), esc(L.with_unit(m.value, r.unit, r.decimals, self.lang))]
                    for m in r.measurements]
            page.body.append(self.table([self.w("area"), self.w("year_column"), self.w("value_column")], rows,
                                        f"{r.id} {self.t(r.name)}", stack=True))

"""The indicators overview, and the indicators an amendment removed."""
from __future__ import annotations

import datetime

from cooperation.i18n import labels as L
from cooperation.model import (
    STATUS_TOLERANCE,
)
from cooperation.outputs.site.context import SiteContext
from cooperation.outputs.site.html import (
    Page,
    esc,
    heading_text,
)


class IndicatorPages(SiteContext):
    """The indicators overview, and the indicators an amendment removed."""

    def indicators(self) -> None:
        page = self.start("mittarit.md", self.w("indicators"))
        page.hide = ("toc",)
        page.body.append(f"## {heading_text(self.w('status_rule_heading'))}")
        page.body.append(f"<p>{esc(self.w('status_rule').format(tolerance=int(STATUS_TOLERANCE * 100)))}</p>")
        for s in self.m.subareas:
            indicators = [i for g in s.goals for i in g.indicators]
            if not indicators:
                continue
            page.body.append(f"## {heading_text(f'{s.number} {self.t(s.title)}')}")
            rows = [[self.link(f"osa-alueet/{s.id}.md", f"{i.id} {self.t(i.name)}", i.id.lower()),
                     self.dated(i, i.baseline),
                     self.dated(i, (i.status.latest.year, i.status.latest.value) if i.status.latest else None),
                     self.dated(i, i.target),
                     self.indicator_badge(i), self.source_html(i)] for i in indicators]
            page.body.append(self.table([self.w("indicator"), self.w("baseline"), self.w("latest"), self.w("target"),
                                         self.w("status"), self.w("source")], rows, self.t(s.title), stack=True, index_rows=True))
            page.body.append(self.edit_here(sorted({f for i in indicators for f in self.measurement_files.get(i.id, ())}),
                                            "edit_values") + self.edit_here([s.file], "edit_indicators"))
        self.removed_indicators(page)


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

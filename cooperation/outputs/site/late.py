"""The late page ("Myöhässä" / "Försenat"): the delayed and overdue actions and the stale indicators, by sub-area
and by party, as the model derives them once (cooperation.model.late)."""
from __future__ import annotations

from collections.abc import Sequence

from cooperation.i18n import labels as L
from cooperation.model.late import DELAYED, LateAction, StaleIndicator
from cooperation.outputs.site.context import SiteContext
from cooperation.outputs.site.html import (
    esc,
    heading_text,
)


class LatePages(SiteContext):
    """The late page: delayed and overdue actions and stale indicators, by sub-area and by party."""

    def late_page(self) -> None:
        found, lang = self.late_items, self.lang
        page = self.start("myohassa.md", self.w("late"))
        page.body.append(f"<p>{esc(self.w('late_help').format(date=L.date(found.day, lang)))}</p>")
        if not found:
            page.body.append(f"<p><strong>{esc(self.w('report_no_overdue'))}</strong></p>")
            return
        page.body.append(f'<p class="late-summary">{esc(self.late_counts(found.actions, found.stale))}</p>')
        page.body.append(f"## {heading_text(self.w('late_by_subarea'))} {{#osa-alueittain}}")
        for s, actions, indicators in found.by_subarea():
            page.body.append(f'<h3 class="compact" id="{esc(s.id)}">'
                             f'{self.link(f"osa-alueet/{s.id}.md", f"{s.number} {self.t(s.title)}")}</h3>')
            if actions:
                rows = [[self.action_ref(x), self.party_link(x.action.lead), esc(self.schedule(x.action)),
                         self.late_reason(x)] for x in actions]
                caption = f"{s.number} {self.t(s.title)}: {self.w('late_actions')}"
                page.body.append(self.table([self.w("action"), self.w("lead"), self.w("schedule"), self.w("late_why")],
                                            rows, caption, stack=True,  # the heading above says it to the eye
                                            caption_html=f'<span class="sr-only">{esc(caption)}</span>'))
            if indicators:
                page.body.append(self.stale_list(indicators))
        page.body.append(f"## {heading_text(self.w('late_by_party'))} {{#osapuolittain}}")
        any_party = False
        for p in self.m.parties:
            actions, indicators = found.for_party(p.id, self.own_area(p))
            if not actions and not indicators:
                continue
            any_party = True
            page.body.append(f'<h3 class="compact" id="{esc(p.id)}">{self.party_link(p.id)}</h3>'
                             f'<p class="meta">{esc(self.late_counts(actions, indicators))}</p>')
            items = [f"<li>{self.action_ref(x)} – {self.late_reason(x)}</li>" for x in actions]
            items += [f"<li>{self.indicator_ref(x)} – {esc(self.stale_text(x))}</li>" for x in indicators]
            page.body.append('<ul class="late-list">' + "".join(items) + "</ul>")
        if not any_party:
            page.body.append(f"<p>{esc(self.w('report_no_overdue'))}</p>")


    def late_counts(self, actions: Sequence[LateAction], indicators: Sequence[StaleIndicator]) -> str:
        """"3 toimenpidettä myöhässä, 1 mittarin tieto vanhentunut"."""
        parts = []
        if actions:
            parts.append(self.w("late_actions_n" + ("_one" if len(actions) == 1 else "")).format(n=len(actions)))
        if indicators:
            parts.append(self.w("stale_indicators_n" + ("_one" if len(indicators) == 1 else "")).format(n=len(indicators)))
        text = ", ".join(parts)
        return text[:1].upper() + text[1:] + "."


    def action_ref(self, x: LateAction) -> str:
        a = x.action
        return self.link(f"osa-alueet/{x.subarea.id}.md", f"{a.id} {self.t(a.title)}", a.id.lower())


    def indicator_ref(self, x: StaleIndicator) -> str:
        i = x.indicator
        return self.link(self.indicator_path(i), f"{i.id} {self.t(i.name)}")


    def schedule(self, a) -> str:
        return "–".join(x for x in (L.partial_date(a.schedule_start, self.lang), L.partial_date(a.schedule_end, self.lang))
                        if x)


    def late_reason(self, x: LateAction) -> str:
        """Why it is late, in words: its status, and the schedule it has fallen behind."""
        a, out = x.action, []
        if DELAYED in x.reasons:
            reason = f" – {self.et(a.status_reason)}" if a.status_reason else ""
            out.append(self.action_status(a.status) + reason)
        lateness = next((r for r in x.reasons if r != DELAYED), None)
        if lateness:
            when = L.partial_date(a.schedule_end if lateness == "past_end" else a.schedule_start, self.lang)
            status = "" if DELAYED in x.reasons else self.action_status(a.status) + " "
            out.append(f'{status}<span class="overdue">{esc(self.w("overdue_" + lateness).format(date=when))}</span>')
        return "<br>".join(out)


    def stale_text(self, x: StaleIndicator) -> str:
        return self.w("stale_indicator").format(year=x.indicator.newest_year)


    def stale_list(self, indicators: list[StaleIndicator]) -> str:
        return (f'<p class="meta">{esc(self.w("stale_indicators"))}</p><ul class="late-list">'
                + "".join(f"<li>{self.indicator_ref(x)} – {esc(self.stale_text(x))}</li>" for x in indicators) + "</ul>")

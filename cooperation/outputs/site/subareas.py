"""The sub-area pages: each goal with its actions and indicators, their charts, values and histories."""
from __future__ import annotations

import posixpath

from cooperation.changes.diff import Diff, field_line, item_label, summary
from cooperation.domain import REGION
from cooperation.i18n import labels as L
from cooperation.i18n.labels import DIFF_WORDS as WORDS
from cooperation.model import (
    GOOD_LEVELS,
    Indicator,
    Subarea,
)
from cooperation.outputs.site import charts
from cooperation.outputs.site.consultation import goal_notice
from cooperation.outputs.site.context import SiteContext
from cooperation.outputs.site.html import (
    NO_SEARCH,
    esc,
    heading_text,
    iso_date,
)
from cooperation.outputs.site.memo import PAGES


class SubareaPages(SiteContext):
    """The sub-area pages: each goal with its actions and indicators, their charts, values and histories."""

    def subarea_index(self) -> None:
        page = self.start("osa-alueet/index.md", self.w("subareas"))
        for group in ("common", "interface", "regional"):
            members = [s for s in self.m.subareas if s.group == group]
            if not members:
                continue
            page.body.append(f"## {heading_text(L.enum('group', group, self.lang).capitalize())}")
            rows = []
            for s in members:
                statuses = [i.status.code for g in s.goals for i in g.indicators]
                good = sum(1 for x in statuses if x in GOOD_LEVELS)
                rows.append([self.link(f"osa-alueet/{s.id}.md", f"{s.number} {self.t(s.title)}"),
                             esc(L.enum("basis", s.basis, self.lang)), str(len(s.goals)),
                             str(sum(len(g.actions) for g in s.goals)), f"{good}/{len(statuses)}"])
            page.body.append(self.table([self.w("subarea"), self.w("basis"), self.w("n_goals"), self.w("n_actions"),
                                         self.w("n_on_track")], rows, L.enum("group", group, self.lang), stack=True))


    def subarea(self, s: Subarea) -> None:
        lang = self.lang
        page = self.start(f"osa-alueet/{s.id}.md", f"{s.number} {self.t(s.title)}", s.file)
        page.body.append(f'<p class="meta">{esc(L.enum("group", s.group, lang))} · {esc(L.enum("basis", s.basis, lang))}</p>')
        updated = self.last_updated(s)
        if updated:
            page.body.append(f'<p class="meta updated">{esc(self.w("last_updated"))}: {updated}</p>')
        page.body.append(self.md(s.description))
        for goal in s.goals:
            page.body.append(f"## {heading_text(f'{goal.number} {self.t(goal.title)}')} {{#{goal.id.lower()}}}")
            page.body.append(f'<p class="meta">{esc(self.w("goal"))} {esc(goal.id)}</p>')
            page.body.extend(filter(None, [goal_notice(self, goal, s)]))  # out for statements now, or what was said of it
            page.body.append(self.md(goal.description))
            if goal.actions:
                page.body.append(f"### {heading_text(self.w('actions'))} {{#{goal.id.lower()}-actions}}")
                rows = []
                for a in goal.actions:
                    status = self.action_status(a.status)
                    if a.status_reason:
                        status += f"<br><small>{self.et(a.status_reason)}</small>"
                    status += self.overdue_flag(a) + self.status_history(a)
                    schedule = "–".join(x for x in (L.partial_date(a.schedule_start, lang),
                                                    L.partial_date(a.schedule_end, lang)) if x)
                    title = f'<span id="{esc(a.id.lower())}">{esc(a.id)}</span> {self.et(a.title)}'
                    if a.description:
                        title += self.md(a.description, "md small")
                    rows.append([title, self.parties_html(a.responsible_refs), self.party_link(a.lead),
                                 esc(schedule), status])
                page.body.append(self.table([self.w("action"), self.w("responsible"), self.w("lead"), self.w("schedule"),
                                             self.w("status")], rows, f"{goal.id}: {self.w('actions')}", stack=True, index_rows=True))
                resources = [(a, a.resources) for a in goal.actions if a.resources]
                for a, text in resources:
                    page.body.append(f'<p class="meta">{esc(a.id)} – {esc(self.w("resources"))}:</p>' + self.md(text))
            for indicator in goal.indicators:
                page.body.append(f"### {heading_text(f'{indicator.id} {self.t(indicator.name)}')} {{#{indicator.id.lower()}}}")
                page.body.append(self.indicator_block(indicator))
            if self.history is not None:
                ids = {goal.id} | {a.id for a in goal.actions} | {i.id for i in goal.indicators}
                touched = self.history.for_items(ids)
                if touched:
                    page.body.append(f"### {heading_text(self.w('change_history'))} {{#{goal.id.lower()}-history}}")
                    page.body.append(self.change_list(touched))
        for key, text in (("resources", s.resources), ("notes", s.notes)):
            if text:
                page.body.append(f"## {heading_text(self.w(key))}")
                page.body.append(self.md(text))
        page.body.append(f"## {heading_text(self.w('responsible_persons'))}")
        page.body.append("<ul>" + "".join(f"<li>{esc(p.name)}, {self.et(p.role)}, {self.party_link(p.party)}</li>"
                                          for p in s.responsible_persons) + "</ul>")
        if s.legal_references:
            page.body.append(f"## {heading_text(self.w('legal_basis'))}")
            page.body.append("<ul>" + "".join(f"<li>{self.et(r.law)} ({esc(r.number)}) {esc(L.legal_section(r.section, self.lang))}</li>"
                                              for r in s.legal_references) + "</ul>")


    def indicator_block(self, i: Indicator) -> str:
        """The indicator's facts, charts and values; kept for the next build while nothing it shows changes."""
        here = self.current.url if self.current else ""
        # every value the block is rendered from besides the fixed words: the indicator's own fields (its dataclass
        # repr), the names of the areas it names, the build's date (stale), the citation's date, the page's place
        key = ("indicator", repr(i), self.lang, here, self.m.main_language, self.today,
               self.m.version_date or self.m.validity[0],
               tuple(charts.area_name(self.m, a, self.lang) for a in charts.areas_with_values(i)))
        block, chart = PAGES.get(key, lambda: self.render_indicator_block(i))
        if chart:
            self.assets[f"kaaviot/{i.id.lower()}.svg"] = chart
        return block


    def render_indicator_block(self, i: Indicator) -> tuple[str, bytes | None]:
        """The block's HTML, and its chart's SVG file (None: no chart)."""
        lang = self.lang
        status = i.status
        out = [f'<div class="indicator" id="{esc(i.id.lower())}-data">', f"<p>{self.indicator_badge(i)} "
               f"{esc(self.status_explanation(i))}</p>"]
        out.append(self.stale_flag(i))
        out.append(self.md(i.description))
        facts = [(self.w("baseline"), self.dated(i, i.baseline)),
                 (self.w("latest"), self.dated(i, (status.latest.year, status.latest.value) if status.latest else None)),
                 (self.w("target"), self.dated(i, i.target)),
                 (self.w("direction"), esc(L.enum("direction", i.direction, lang))),
                 (self.w("frequency_indicator"), esc(L.enum("indicator_frequency", i.frequency, lang))),
                 (self.w("source"), self.source_html(i))]
        out.append(f'<dl class="facts"{NO_SEARCH}>' + "".join(f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in facts) + "</dl>")
        chart = charts.indicator_svg(self.m, i, lang, f"chart-{i.id.lower()}")
        if chart:
            # a file of its own, not inline: the page stays light to build, index and load
            asset = f"kaaviot/{i.id.lower()}.svg"
            here = "/" + (self.current.url if self.current else "")
            src = posixpath.relpath("/" + asset, here)
            out.append(f'<figure class="chart"><img src="{esc(src)}" alt="{esc(charts.chart_description(self.m, i, lang))}" '
                       f'width="{charts.WIDTH}" height="{charts.HEIGHT}" loading="lazy" '
                       f'id="chart-{esc(i.id.lower())}">'
                       f'<figcaption><ul class="chart-legend">{"".join(f"<li>{mark} {esc(name)}</li>" for mark, name in charts.legend(self.m, i, lang))}</ul>'
                       "</figcaption></figure>")
            out.append(self.small_multiples(i))
        areas = [a for a in i.areas if i.series(a)]
        notes = charts.value_notes(i, areas)
        marks = {(area, year): n for n, area, year, _ in notes}
        # notes in measurements/*.csv have one language, the agreement's main one: marked so where it differs
        note_lang = f' lang="{esc(self.m.main_language)}"' if self.lang != self.m.main_language else ""
        years = sorted({m.year for a in areas for m in i.series(a)})
        if years:
            rows = []
            for area in areas:
                by_year = {m.year: m for m in i.series(area)}
                rows.append([esc(charts.area_name(self.m, area, lang))] +
                            [self.value(i, by_year[y].value) + (self.note_mark(i, marks[area, y])
                                                                if (area, y) in marks else "") if y in by_year else "–"
                             for y in years] + [self.progress_badge(i, area)])
            # on a phone each area is a card of year–value pairs side by side: the latest value stays on screen
            out.append(self.table([esc(self.w("area"))] + [str(y) for y in years] + [esc(self.w("status"))], rows,
                                  f"{i.id}: {self.w('values_by_year')}", "values compact", stack=True))
        if notes:
            # a data break or a changed method, as text under the table: the numbers link here from the cells
            out.append(f'<p class="notes-title" id="{esc(i.id.lower())}-notes">{esc(self.w("value_notes"))}</p><ol class="value-notes">'
                       + "".join(f'<li id="{esc(i.id.lower())}-note-{n}">{esc(charts.area_name(self.m, area, lang))} {year}: '
                                 f"<span{note_lang}>{esc(note)}</span></li>" for n, area, year, note in notes) + "</ol>")
        out.append("</div>")
        return "\n".join(out), chart.encode("utf-8") if chart else None


    def note_mark(self, i: Indicator, n: int) -> str:
        """A value's note number, linked to the note under the table and named for screen readers."""
        return (f' <sup><a href="#{esc(i.id.lower())}-note-{n}" aria-label="{esc(self.w("value_note").format(n=n))}">'
                f"{n}</a></sup>")


    def small_multiples(self, i: Indicator) -> str:
        """A small chart per area measured besides the main chart's, each captioned with its latest value."""
        measured = charts.areas_with_values(i)
        main = charts.main_area(i, measured)
        areas = [a for a in measured if a != main]
        if not areas:
            return ""
        frame = charts.scale(i, measured)
        region = charts.small_region_path(i, frame) if frame and i.series(REGION) else None
        items = []
        for area in areas:
            last = i.series(area)[-1]
            items.append(f"<li>{charts.small_svg(i, area, frame, region)}<span><strong>{esc(charts.area_name(self.m, area, self.lang))}</strong> "
                         f"{self.dated(i, (last.year, last.value))}</span></li>")
        return (f'<figure class="small-multiples"><figcaption>{esc(self.w("by_area"))}: '
                f'{esc(self.w("by_area_help"))}</figcaption><ul>{"".join(items)}</ul></figure>')


    def last_updated(self, s: Subarea) -> str:
        """The date of the newest merged change to the sub-area's items, from git; empty outside a repository."""
        if self.history is None:
            return ""
        ids = {s.id} | {g.id for g in s.goals} | {a.id for g in s.goals for a in g.actions} | \
              {i.id for g in s.goals for i in g.indicators}
        touched = self.history.for_items(ids)
        return esc(iso_date(touched[0][0].change.date)) if touched else ""


    def status_history(self, a) -> str:
        """The dated status updates, newest first, behind a disclosure that keyboards and screen readers open."""
        if not a.status_history:
            return ""
        items = "".join(
            f"<li>{esc(L.date(u.date, self.lang))}: {esc(L.enum('action_status', u.status, self.lang))}"
            + (f" – {self.et(u.note)}" if u.note else "") + "</li>" for u in reversed(a.status_history))
        return (f'<details class="status-history"><summary>{esc(self.w("status_history"))} '
                f'({len(a.status_history)})</summary><ul>{items}</ul></details>')


    def change_list(self, touched) -> str:
        out = ["<ul>"]
        for entry, items in touched:
            lines = [field_line(item, f, self.lang, entry.diff.main_language) for item in items for f in item.fields] \
                or [f"{WORDS[item.change][self.lang]}: {item_label(item, self.lang, entry.diff.main_language)}" for item in items]
            # what changed in these items first, in the page's language; the pull request's title after it
            mine = Diff(items, {}, entry.diff.fingerprint_old, entry.diff.fingerprint_new, entry.diff.main_language)
            out.append(f"<li>{esc(iso_date(entry.change.date))} {esc(summary(mine, self.lang))} "
                       f"({self.change_link(entry)}"
                       f"{self.pr_link(entry.change.pull_request)})<ul>"
                       + "".join(f"<li>{esc(line)}</li>" for line in lines) + "</ul></li>")
        out.append("</ul>")
        return "".join(out)

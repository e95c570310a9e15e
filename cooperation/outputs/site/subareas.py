"""The sub-area pages: each goal with its actions and indicators, their charts, values and histories."""
from __future__ import annotations

from cooperation.changes.diff import Diff, field_line, item_label, summary
from cooperation.i18n import labels as L
from cooperation.i18n.diff_words import DIFF_WORDS as WORDS
from cooperation.model import (
    GOOD_LEVELS,
    Subarea,
)
from cooperation.outputs.site.consultation import goal_notice
from cooperation.outputs.site.html import (
    NO_SEARCH,
    esc,
    heading_text,
    iso_date,
)
from cooperation.outputs.site.indicator_blocks import IndicatorBlocks

GOAL_CHANGES = 5  # a goal's newest changes listed on its sub-area page; the earlier ones folded under them


class SubareaPages(IndicatorBlocks):
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
        page.boost = 2  # searching a sub-area's name finds its own page first
        page.body.append(f'<p class="meta">{esc(L.enum("group", s.group, lang))} · {esc(L.enum("basis", s.basis, lang))}</p>')
        updated = self.last_updated(s)
        if updated:
            page.body.append(f'<p class="meta updated">{esc(self.w("last_updated"))}: {updated}</p>')
        page.body.append(self.md(s.description))
        if len(s.goals) > 1:  # on a phone the goals are screens apart: a list to jump to each (issue 32.2)
            page.body.append(f'<nav class="jump"{NO_SEARCH} aria-label="{esc(self.w("jump_to_goal"))}"><p>{esc(self.w("jump_to_goal"))}:</p><ul>'
                             + "".join(f'<li><a href="#{esc(g.id.lower())}">{esc(f"{g.number} {self.t(g.title)}")}</a></li>'
                                       for g in s.goals) + "</ul></nav>")
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
        """Every change of a goal and its items, newest first: the newest few listed, the earlier ones folded (a goal
        changed at every spring's monitoring over a term has dozens)."""
        lines = []
        for entry, items in touched:
            fields = [field_line(item, f, self.lang, entry.diff.main_language) for item in items for f in item.fields] \
                or [f"{WORDS[item.change][self.lang]}: {item_label(item, self.lang, entry.diff.main_language)}" for item in items]
            # what changed in these items first, in the page's language; the pull request's title after it
            mine = Diff(items, {}, entry.diff.fingerprint_old, entry.diff.fingerprint_new, entry.diff.main_language)
            lines.append(f"<li>{esc(iso_date(entry.change.date))} {esc(summary(mine, self.lang))} "
                         f"({self.change_link(entry)}"
                         f"{self.pr_link(entry.change.pull_request)})<ul>"
                         + "".join(f"<li>{esc(line)}</li>" for line in fields) + "</ul></li>")
        out = "<ul>" + "".join(lines[:GOAL_CHANGES]) + "</ul>"
        if len(lines) > GOAL_CHANGES:
            rest = len(lines) - GOAL_CHANGES
            # the search indexes the newest few: the index stays its size however long the record grows
            out += (f'<details class="goal-history"{NO_SEARCH}><summary>{esc(L.count_word("record_goal_earlier", rest, self.lang).format(n=rest))}'
                    f'</summary><ul>{"".join(lines[GOAL_CHANGES:])}</ul></details>')
        return out

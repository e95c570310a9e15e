"""The party pages: what each party commits to and how it is going, and the responsibility matrix."""
from __future__ import annotations

from cooperation.domain import REGION
from cooperation.i18n import labels as L
from cooperation.model import (
    PROGRESS_LEVELS,
    Party,
    approvals,
)
from cooperation.model import statements as S
from cooperation.model.late import DELAYED
from cooperation.outputs.site.html import (
    esc,
    heading_text,
)
from cooperation.outputs.site.late import LatePages


class PartyPages(LatePages):
    """The party pages: what each party commits to and how it is going, and the responsibility matrix."""

    def party_index(self) -> None:
        page = self.start("osapuolet/index.md", self.w("parties"), "agreement/parties.yaml")
        page.hide = ("toc",)  # a wide table: the page's few headings need no sidebar
        rows = []
        for p in self.m.parties:
            lead = sum(1 for a in self.all_actions if a.lead == p.id)
            part = sum(1 for a in self.all_actions if p.id in a.responsible_set)
            # its decision on the text now in the files, from the version state (an earlier text's approval says so)
            cell = self.state.standing(p, self.state.current)
            decided = esc(S.standing_text(cell, self.lang)) if cell.decision is not None else "–"
            rows.append([f"{p.number}. " + self.party_link(p.id), esc(L.enum("party_kind", p.kind, self.lang)),
                         esc(p.business_id_shown), str(part), str(lead), decided])
        page.body.append(self.table([self.w("party"), self.w("kind"), self.w("business_id"), self.w("n_actions"),
                                     self.w("as_lead"), self.w("decision_on_current")], rows, self.w("parties"), stack=True))


    def party(self, p: Party) -> None:
        """What a resident asks first: what does this party commit to, and is it on track? A summary, what it
        leads, its indicators (its own values beside the region's), then every action it takes part in."""
        lang = self.lang
        page = self.start(f"osapuolet/{p.id}.md", self.t(p.name), "agreement/parties.yaml")
        page.boost = 2  # searching a party's name finds its own page first
        page.body.append(f'<p class="meta">{p.number}. {esc(L.enum("party_kind", p.kind, lang))} · '
                         f'{esc(self.w("business_id"))} {esc(p.business_id_shown)}</p>')
        actions = [a for a in self.all_actions if p.id in a.responsible_set]
        leads = [a for a in actions if a.lead == p.id]
        own = [i for i in self.all_indicators if i.series(self.own_area(p))]
        page.body.append(f'<p class="party-summary">{esc(self.party_summary(p, actions, leads, own))}</p>')
        late_actions, stale = self.late_items.for_party(p.id, self.own_area(p))
        if late_actions or stale:  # what is late, on the late page's part for this party
            page.body.append(f'<p class="late-link"><strong>{self.link("myohassa.md", self.w("late"), p.id)}</strong>: '
                             f'{esc(self.late_counts(late_actions, stale))}</p>')
        page.body.append(f"<p>{esc(self.w('party_commits'))}</p>")
        page.body.append(f"## {heading_text(self.w('party_leads'))} {{#leads}}")
        if leads:
            rows = [[self.link(f"osa-alueet/{self.subarea_of(a.id)}.md", f"{a.id} {self.t(a.title)}", a.id.lower()),
                     esc("–".join(x for x in (L.partial_date(a.schedule_start, lang),
                                              L.partial_date(a.schedule_end, lang)) if x)),
                     self.action_status(a.status) + self.overdue_flag(a)] for a in leads]
            page.body.append(self.table([self.w("action"), self.w("schedule"), self.w("status")], rows,
                                        f"{self.t(p.name)}: {self.w('party_leads')}", stack=True))
            lead_files = {self.subarea_of(a.id) for a in leads}
            page.body.append(self.edit_here([s.file for s in self.m.subareas if s.id in lead_files], "edit_actions"))
        else:
            page.body.append(f"<p>{esc(self.w('party_leads_none'))}</p>")
        page.body.append(f"## {heading_text(self.w('indicators'))} {{#indicator-values}}")
        if own:
            area = self.own_area(p)
            head = [self.w("indicator")] + ([self.w("own_value"), self.w("region_value")] if area != REGION
                                            else [self.w("region_value")]) + [self.w("progress")]
            rows = []
            for i in own:
                mine = i.progress(area).latest
                row = [self.link(self.indicator_path(i), f"{i.id} {self.t(i.name)}"),
                       self.dated(i, (mine.year, mine.value) if mine else None)]
                if area != REGION:
                    region = i.series(REGION)
                    row.append(self.dated(i, (region[-1].year, region[-1].value) if region else None))
                rows.append(row + [self.progress_badge(i, area)])
            page.body.append(self.table(head, rows, f"{self.t(p.name)}: {self.w('indicators')}", stack=True))
            page.body.append(f'<p class="meta">{self.link("mittarit.md", self.w("status_rule_heading"))}</p>')
        else:
            page.body.append(f"<p>{esc(self.w('no_own_values'))} {self.link('mittarit.md', self.w('indicators'))}</p>")
        page.body.append(f"## {heading_text(self.w('party_takes_part'))} {{#taking-part}}")
        any_action = False
        for s in self.m.subareas:
            taking_part = [a for a in self.actions_by_subarea[s.id] if p.id in a.responsible_set and a.lead != p.id]
            if not taking_part:
                continue
            any_action = True
            page.body.append(f'<h3 class="compact">{self.link(f"osa-alueet/{s.id}.md", f"{s.number} {self.t(s.title)}")}'
                             f'</h3><ul class="party-actions">' + "".join(
                                 self.action_item(self.href(f"osa-alueet/{s.id}.md"), a) for a in taking_part) + "</ul>")
            page.body.append(self.edit_here([s.file], "edit_actions"))
        if not any_action:
            page.body.append(f"<p>{esc(self.w('no_actions'))}</p>")
        forums = [f for f in self.m.forums if p.id in f.party_ids]
        page.body.append(f"## {heading_text(self.w('forums_short'))}")
        page.body.append("<ul>" + "".join(
            f"<li>{self.link('foorumit.md', self.t(f.name), f.id)} – "
            f"{esc(', '.join(self.t(mb.role) for mb in f.members if p.id in mb.parties) or self.w('own_body'))}</li>"
            for f in forums) + "</ul>"
            if forums else f"<p>{esc(self.w('no_forums'))}</p>")
        page.body.append(f"## {heading_text(self.w('decisions'))}")
        if p.decisions:
            rows = [[esc(L.partial_date(d.date, lang) or "–"), self.et(d.body),
                     esc(f"§ {d.section}" if d.section else "–"), esc(d.diary_number or "–"),
                     esc(L.enum("decision_outcome", d.outcome, lang))
                     + (f' (<a href="{esc(d.minutes_url)}">{esc(self.w("minutes"))}</a>)' if d.minutes_url else "")]
                    for d in p.decisions]
            page.body.append(self.table([self.w("date"), self.w("body"), self.w("minute_section"), self.w("diary_number"),
                                         self.w("outcome")], rows, f"{self.t(p.name)}: {self.w('decisions')}", stack=True))
        else:
            page.body.append(f"<p>{esc(self.w('no_decisions'))}</p>")
        page.body.append(self.party_approvals_html(p))
        page.body.append(f"## {heading_text(self.w('signatories'))}")
        if p.signs and p.signatories:
            page.body.append("<ul>" + "".join(f"<li>{esc(s.name)}, {self.et(s.title)}</li>" for s in p.signatories) + "</ul>")
        else:
            page.body.append(f"<p>{esc(self.w('does_not_sign') if not p.signs else self.w('no_signatories'))}</p>")


    def party_summary(self, p: Party, actions: list, leads: list, own: list) -> str:
        """'Johtaa 1, mukana 36, 1 viivästynyt' – then its indicators by progress level."""
        parts = [self.w("leads_n").format(n=len(leads)), self.w("takes_part_n").format(n=len(actions) - len(leads))]
        late_actions, _ = self.late_items.for_party(p.id, self.own_area(p))
        delayed = sum(1 for x in late_actions if DELAYED in x.reasons)
        if delayed:
            parts.append(f"{delayed} {L.enum('action_status', 'delayed', self.lang)}")
        late = sum(1 for x in late_actions if any(r != DELAYED for r in x.reasons))
        if late:
            parts.append(self.w("late_n").format(n=late))
        text = ", ".join(parts)
        if own:
            area = self.own_area(p)
            codes = [i.progress(area).code for i in own]
            counts = [(level, codes.count(level)) for level in PROGRESS_LEVELS]
            text += ". " + self.w("indicators_n").format(n=len(own)) + ": " + "; ".join(
                f"{n} {self.w('status_' + level)}" for level, n in counts if n)
        return text[:1].upper() + text[1:] + "."


    def action_item(self, page_href: str, a) -> str:
        """An action's line in a party's list, linked into its sub-area's page (``page_href``), with its status.
        The same on every party's page (they link from the same depth): made once per build and link."""
        key = (id(a), page_href)
        if key not in self._action_items:
            self._action_items[key] = (f'<li><a href="{esc(f"{page_href}#{a.id.lower()}")}">{esc(f"{a.id} {self.t(a.title)}")}</a> '
                                       f"{self.action_status(a.status)}{self.overdue_flag(a)}</li>")
        return self._action_items[key]


    def matrix(self) -> None:
        page = self.start("vastuumatriisi.md", self.w("matrix"))
        page.hide = ("toc",)
        # the hint is for screens: a printout has every column (extra.css)
        page.body.append(f"<p>{esc(self.w('matrix_help'))} <span class=\"scroll-hint\">{esc(self.w('scroll_hint'))}</span></p>")
        # the codes' meanings before the matrix, where a reader needs them first
        page.body.append(f'<p class="matrix-legend-title">{esc(self.w("matrix_codes"))}</p><ul class="matrix-legend">' + "".join(
            f"<li><strong>{esc(self.subarea_code(s))}</strong>: {self.link(f'osa-alueet/{s.id}.md', self.t(s.title))}</li>"
            for s in self.m.subareas) + "</ul>")
        head = [self.w("party")] + [f'<abbr title="{self.et(s.title)}">{esc(self.subarea_code(s))}</abbr>'
                                    for s in self.m.subareas]
        rows = []
        for p in self.m.parties:
            row = [self.party_link(p.id)]
            for s in self.m.subareas:
                actions = [a for a in self.actions_by_subarea[s.id] if p.id in a.responsible_set]
                lead = sum(1 for a in actions if a.lead == p.id)
                if not actions:
                    row.append('<span class="empty">0</span>')
                else:
                    cell = self.link(f"osa-alueet/{s.id}.md", str(len(actions)))
                    if lead:  # "(1)", as the help above says; its meaning spelt out for screen readers
                        cell += (f' <span class="lead-count">({lead}<span class="sr-only"> '
                                 f'{esc(self.w("lead_role"))}</span>)</span>')
                    row.append(cell)
            rows.append(row)
        # on a phone each party becomes a card of its sub-areas' counts side by side (extra.css): no sideways scrolling
        page.body.append(self.table(head, rows, self.w("matrix"), "matrix compact", stack=True))


    def party_approvals_html(self, p: Party) -> str:
        """The party page's own approvals, one line per version."""
        state = self.state
        items = []
        for v in state.shown():
            c = state.standing(p, v)
            when = f", {esc(L.partial_date(c.decision.date, self.lang))}" if c.decision and c.decision.date else ""
            if c.state == approvals.EARLIER:
                when += f" ({self.earlier_html(c)})"
            items.append(f"<li>{self.link('historia/hyvaksynnat.md', S.version_title(v, state, self.lang), self.version_anchor(v))}: "
                         f"{self.approval_state(c.state)}{when}</li>")
        return f"### {heading_text(self.w('my_approvals'))}\n<ul>" + "".join(items) + "</ul>"


    def subarea_code(self, s) -> str:
        """A sub-area's short name in the matrix: its code (written in the agreement's main language) on the main
        language's pages, its number on the others' (a Finnish "HYTE" means nothing on a Swedish page)."""
        return s.code if s.code and self.lang == self.m.main_language else s.number


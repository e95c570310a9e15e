"""The home page: what the agreement is, its state, key figures, how it is going."""
from __future__ import annotations

from cooperation.changes.diff import summary
from cooperation.i18n import labels as L
from cooperation.i18n.diff_words import CLASS_NAMES
from cooperation.model import (
    PROGRESS_LEVELS,
    approvals,
)
from cooperation.model import statements as S
from cooperation.outputs.site.consultation import home_notice
from cooperation.outputs.site.html import (
    NO_SEARCH,
    esc,
    facts_list,
    heading_text,
    iso_date,
)
from cooperation.outputs.site.late import LatePages
from cooperation.schemas import default_schemas


class HomePages(LatePages):
    """The home page: what the agreement is, its state, key figures, how it is going."""

    def home(self) -> None:
        m, lang = self.m, self.lang
        page = self.start("index.md", self.t(m.short_title), "agreement/agreement.yaml")
        page.body.append(f'<p class="lead">{self.et(m.title)}</p>')
        page.body.extend(filter(None, [home_notice(self)]))  # a draft out for statements, and what was heard
        page.body.append(self.md(m.purpose))
        statuses = [i.status.code for i in m.indicators]
        start, end = m.validity
        facts = [
            (self.w("document"), self.et(m.document_type)),
            (self.w("term"), esc(f"{L.date(m.council_term[0], lang)}–{L.date(m.council_term[1], lang)}")),
            (self.w("validity"), esc(f"{L.date(start, lang)}–{L.date(end, lang) if end else self.w('until_further')}")),
            (self.w("status"), esc(f"{S.agreement_status(self.state, lang)}, {self.w('version').lower()} {m.version}"
                                   + (f" ({L.date(m.version_date, lang)})" if m.version_date else ""))),
            (self.w("scope"), esc(f"{m.scope}: {L.enum('scope', m.scope, lang)}")),
            (self.w("fingerprint_plain"), self.short_fingerprint()),
        ]
        page.body.append(f"## {heading_text(self.w('in_brief'))}")
        page.body.append(facts_list(facts))
        page.body.append(self.approval_summary_html())
        page.body.append(f"## {heading_text(self.w('key_figures'))}")
        figures = [(n, L.count_word(key, n, lang), target) for n, key, target in (
            (len(m.subareas), "n_subareas", "osa-alueet/index.md"), (len(m.goals), "n_goals", "osa-alueet/index.md"),
            (len(m.actions), "n_actions", "vastuumatriisi.md"), (len(m.indicators), "n_indicators", "mittarit.md"),
            (len(m.parties), "n_parties", "osapuolet/index.md"))]
        page.body.append('<ul class="figures">' + "".join(
            f'<li><a href="{esc(self.href(target))}"><strong>{esc(str(n))}</strong> <span>{esc(text)}</span></a></li>'
            for n, text, target in figures) + "</ul>")
        page.body.append(f"## {heading_text(self.w('action_statuses'))}")
        page.body.append(self.action_breakdown())
        page.body.append(f"## {heading_text(self.w('indicator_statuses'))}")
        page.body.append(self.status_breakdown(statuses))
        page.body.append(f"## {heading_text(self.w('subareas'))}")
        page.body.append("<ul>" + "".join(
            f"<li>{self.link(f'osa-alueet/{s.id}.md', f'{s.number} {self.t(s.title)}')}</li>" for s in m.subareas) + "</ul>")
        page.body.append(f"## {heading_text(self.w('parties'))}")
        page.body.append("<ul class=\"columns\">" + "".join(f"<li>{self.party_link(p.id)}</li>" for p in m.parties) + "</ul>")
        last = self.last_change()
        page.body.append(f"## {heading_text(self.w('last_change'))}")
        page.body.append(f"<p>{last}</p>")


    def status_breakdown(self, statuses: list[str]) -> str:
        """Every indicator status with its count, the bad news as visible as the good."""
        items = "".join(f'<li><strong>{statuses.count(code)}</strong> {self.badge("indicator", code, self.w("status_" + code))}</li>'
                        for code in PROGRESS_LEVELS)
        return (f'<p>{esc(self.w("indicator_statuses_help").format(n=len(statuses)))} {self.link("mittarit.md", self.w("indicators"))}</p>'
                f'<ul class="status-breakdown">{items}</ul>')


    def action_breakdown(self) -> str:
        """Every action status with its count, and what is late (the late page) in a sentence linking to it."""
        statuses = [a.status for a in self.all_actions]
        codes = default_schemas().enum_labels("subarea", ("goals", 0, "actions", 0, "status"))
        items = "".join(f'<li><strong>{statuses.count(code)}</strong> {self.action_status(code)}</li>' for code in codes)
        found = self.late_items
        if found:
            late = self.late_counts(found.actions, found.stale)
        else:
            late = self.w("late_none_short")
        return (f'<p>{esc(self.w("action_statuses_help").format(n=len(statuses)))}</p>'
                f'<ul class="status-breakdown">{items}</ul>'
                f'<p class="late-link"><strong>{self.link("myohassa.md", self.w("late"))}</strong>: {esc(late)}</p>')


    def short_fingerprint(self) -> str:
        """The fingerprint's first characters and what it is for, in plain words; the whole one is on the
        downloads page."""
        before, _, after = self.w("fingerprint_explained").partition("{link}")
        # not <small>: the theme dims it (opacity), and a link in it falls below 4.5:1 contrast
        return (f'<code>{esc(self.m.fingerprint[:12])}…</code><br><span class="fine-print">{esc(before)}'
                f"{self.link('lataukset/index.md', self.w('downloads'), 'fingerprint')}{esc(after)}</span>")


    def last_change(self) -> str:
        """The newest merged change to the data, when the data is in a git repository."""
        if self.history is not None and self.history.entries:
            entry = self.history.entries[0]
            return (f"{esc(iso_date(entry.change.date))}: {esc(summary(entry.diff, self.lang))} "
                    f"({self.change_link(entry)}, "
                    f"{esc(CLASS_NAMES[entry.diff.change_class][self.lang])})")
        stamp = self.t(self.m.stamp)
        return esc(f"{self.w('version')} {self.m.version}" + (f" – {stamp}" if stamp else ""))


    def approval_summary_html(self) -> str:
        """The home page's lines: which version is in force and, while a text awaits approval, how many parties
        approved this text and how many approved an earlier one that must be decided again."""
        state, lang = self.state, self.lang
        link = self.href("historia/hyvaksynnat.md")
        items = []
        if state.in_force is not None:
            items.append(f"<dt>{esc(self.w('version_in_force'))}</dt><dd>"
                         f"{esc(S.version_title(state.in_force, state, lang))} – "
                         f"{esc(S.version_status(state.in_force, state, lang))} "
                         f"({self.link('historia/allekirjoitetun-jalkeen.md', self.w('changes_since_signed').lower())})</dd>")
        else:
            items.append(f"<dt>{esc(self.w('version_in_force'))}</dt><dd>{esc(self.w('no_version_in_force'))}</dd>")
        proposal = state.proposal
        if proposal is not None:
            again = [pid for pid in state.signing if state.standing(pid, proposal).state == approvals.EARLIER]
            text = S.version_status(proposal, state, lang)
            if again:
                text += ". " + self.w("earlier_approvals").format(n=len(again))
            items.append(f"<dt>{esc(S.version_title(proposal, state, lang))}</dt><dd><a href=\"{esc(link)}\">"
                         f"{esc(text)}</a></dd>")
        return f'<dl class="facts approvals-summary"{NO_SEARCH}>' + "".join(items) + "</dl>"

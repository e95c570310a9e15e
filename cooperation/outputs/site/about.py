"""The pages about the agreement itself: legal basis, rules, annex agreements, forums and the annual cycle, and the accessibility statement."""
from __future__ import annotations

import posixpath
import urllib.parse

from cooperation.i18n import labels as L
from cooperation.i18n.labels import month_name
from cooperation.model import Text
from cooperation.outputs.names import CALENDAR
from cooperation.outputs.opendata import calendar_events
from cooperation.outputs.site.context import SiteContext
from cooperation.outputs.site.downloads import FORMATS
from cooperation.outputs.site.html import (
    NO_SEARCH,
    esc,
    facts_list,
    heading_text,
    short_month,
)


class AboutPages(SiteContext):
    """The pages about the agreement itself: legal basis, rules, annex agreements, forums and the annual cycle, and the accessibility statement."""

    def legal(self) -> None:
        page = self.start("saadosperusta.md", self.w("legal_basis"), "agreement/agreement.yaml")
        for ref in self.m.legal_basis:
            page.body.append(f"## {heading_text(f'{self.t(ref.law)} ({ref.number}) {L.legal_section(ref.section, self.lang)}')}")
            page.body.append(self.md(ref.summary))


    def rules(self) -> None:
        m = self.m
        page = self.start("pelisaannot.md", self.w("rules_page"), "agreement/agreement.yaml")
        page.body.append(f"## {heading_text(self.w('general_goals'))}")
        page.body.extend(self.md(g) for g in m.general_goals)
        for key, rule in m.operating_rules.items():
            page.body.append(f"## {heading_text(L.field('agreement', ('operating_rules', key), self.lang))}")
            page.body.append(self.md(rule))
        for title, text in m.additional_rules:
            page.body.append(f"## {heading_text(self.t(title))}")
            page.body.append(self.md(text))
        if m.amendment:
            page.body.append(f"## {heading_text(self.w('amendment'))}")
            page.body.append(self.md(m.amendment))
        page.body.append(f"## {heading_text(self.w('starting_points'))}")
        page.body.append(self.md(m.starting_points))


    def annexes(self) -> None:
        page = self.start("liitesopimukset.md", self.w("annexes"), "agreement/annexes.yaml")
        if not self.m.annexes:
            page.body.append(f"<p>{esc(self.w('no_annexes'))}</p>")
        for a in self.m.annexes:
            page.body.append(f"## {heading_text(self.t(a.title))} {{#{a.id.lower()}}}")
            binding = self.w("legally_binding") if a.legally_binding else self.w("not_legally_binding")
            facts = [(self.w("kind"), esc(L.enum("annex_kind", a.kind, self.lang))), (self.w("binding"), esc(binding)),
                     (self.w("status"), esc(L.enum("agreement_status", a.status, self.lang))),
                     (self.w("parties"), self.parties_html(a.party_refs))]
            if a.subareas:
                facts.append((self.w("subareas"), ", ".join(self.link(f"osa-alueet/{s}.md", self.t(
                    next(x.title for x in self.m.subareas if x.id == s))) for s in a.subareas)))
            if a.url:
                facts.append((self.w("link"), self.annex_link(a)))
            page.body.append(facts_list(facts))
            page.body.append(self.md(a.description))


    def found_problems(self) -> list[tuple[Text, str | None]]:
        """What the site itself knows not to be accessible, or not in the page's language (issue 25.8), beside what
        the editors wrote: each scanned annex; on a page not in Finnish the pages in Finnish only; on a page in
        another language than the agreement's first the notes on values and the titles of the changes in that one."""
        def text(key: str, **params: str) -> Text:
            return Text({lang: L.word(key, lang).format(**params) for lang in ("fi", "sv")}, self.lang)
        found: list[tuple[Text, str | None]] = [(Text({lang: L.word("a11y_scanned_annex", lang).format(
            title=a.title.get(lang)) for lang in ("fi", "sv")}, self.lang), "1.1.1") for a in self.m.annexes if a.scanned]
        if self.lang != "fi":
            found.append((text("a11y_finnish_only_pages"), None))
        main = self.m.main_language
        language = L.word(f"in_lang_{main}", self.lang) if f"in_lang_{main}" in L.WORDS else main
        if self.lang != main and any(m.note for i in self.all_indicators for m in i.measurements):
            found.append((text("a11y_notes_language", language=language), None))
        if self.lang != main and self.history is not None and self.history.entries:
            found.append((text("a11y_history_language", language=language), None))
        return found


    def annex_link(self, a) -> str:
        """The annex's link named in words with its file type and size, and a scanned PDF said not to be
        accessible (issue 32.8): "Saariston liikkuvien palvelujen sopimus (PDF, 1,2 Mt; skannattu, ei saavutettava)"."""
        path = urllib.parse.urlparse(a.url).path
        kind = FORMATS.get(posixpath.splitext(path)[1].lower(), "")
        details = [x for x in (kind, L.file_size(a.file_size, self.lang) if a.file_size else "") if x]
        text = f"{self.t(a.title)} ({', '.join(details)})" if details else self.t(a.title)
        scanned = (f' <strong class="not-accessible">{esc(self.w("annex_scanned"))}</strong>' if a.scanned else "")
        return f'<a href="{esc(a.url)}">{esc(text)}</a>{scanned}'


    def forums(self) -> None:
        page = self.start("foorumit.md", self.w("forums_and_cycle"), "agreement/forums.yaml")
        for f in self.m.forums:
            name = f"{f.number} {self.t(f.name)}" if f.number else self.t(f.name)
            page.body.append(f"## {heading_text(name)} {{#{f.id}}}")
            kind = self.w("permanent") if f.permanent else self.w("temporary") + (
                f" ({L.date(f.until, self.lang)} {self.w('until')})" if f.until else "")
            facts = [(self.w("level"), esc(", ".join(L.enum("forum_level", v, self.lang) for v in f.levels)))] if f.levels else []
            facts.append((self.w("frequency"), esc(L.enum("forum_frequency", f.frequency, self.lang)) + f" · {esc(kind)}")
                         if f.frequency else (self.w("frequency"), esc(kind)))
            if f.owner:
                facts.append((self.w("own_body"), self.party_link(f.owner)))
            if f.chair:
                facts.append((self.w("chair"), self.party_link(f.chair)))
            if f.months:
                facts.append((self.w("months"), esc(", ".join(month_name(mo, self.lang) for mo in f.months))))
            page.body.append(facts_list(facts))
            page.body.append(self.md(f.purpose))
            if f.members:
                page.body.append("<ul>" + "".join(f"<li>{self.party_link(mb.party)}: {self.et(mb.role)}</li>"
                                                  for mb in f.members) + "</ul>")
        page.body.append(f"## {heading_text(self.w('annual_cycle'))} {{#vuosikello}}")
        events = calendar_events(self.m, self.lang)
        page.body.append(f'<figure class="cycle"{NO_SEARCH}>{self.cycle_svg(events)}</figure>')
        rows = []
        for month in range(1, 13):
            names = [summary for _, summary, mo, _ in events if mo == month]
            rows.append([esc(month_name(month, self.lang).capitalize()), esc("; ".join(names)) or "–"])
        page.body.append(self.table([self.w("month"), self.w("events")], rows, self.w("annual_cycle")))
        page.body.append(f'<p><a href="{esc(self.href("lataukset/index.md"))}{CALENDAR.of(self.m, self.lang)}" '
                         f'download>{esc(self.w("ics_download"))}</a></p>')


    def cycle_svg(self, events) -> str:
        """The annual cycle as a clock: twelve months, each with the number of its events. The events' names are in
        the table under it, where they wrap: beside a wheel that fits a phone they would be cut or unreadably small."""
        import math
        size, r_out, r_in = 360, 172, 96
        cx = cy = size / 2
        out = [f'<svg viewBox="0 0 {size} {size}" role="img" aria-labelledby="cycle-title cycle-desc" '
               f'xmlns="http://www.w3.org/2000/svg"><title id="cycle-title">{esc(self.w("annual_cycle"))}</title>'
               f'<desc id="cycle-desc">{esc(self.w("cycle_desc"))}</desc>'
               '<g font-family="sans-serif" font-size="14" fill="#1a1a1a">']
        for month in range(12):
            a0, a1 = (month / 12) * 2 * math.pi - math.pi / 2, ((month + 1) / 12) * 2 * math.pi - math.pi / 2
            pts = [(cx + r_out * math.cos(a0), cy + r_out * math.sin(a0)), (cx + r_out * math.cos(a1), cy + r_out * math.sin(a1)),
                   (cx + r_in * math.cos(a1), cy + r_in * math.sin(a1)), (cx + r_in * math.cos(a0), cy + r_in * math.sin(a0))]
            count = sum(1 for _, _, mo, _ in events if mo == month + 1)
            fill = "#cfe0f1" if count else "#f2f2f2"
            out.append(f'<path d="M{pts[0][0]:.1f},{pts[0][1]:.1f} A{r_out},{r_out} 0 0 1 {pts[1][0]:.1f},{pts[1][1]:.1f} '
                       f'L{pts[2][0]:.1f},{pts[2][1]:.1f} A{r_in},{r_in} 0 0 0 {pts[3][0]:.1f},{pts[3][1]:.1f} Z" '
                       f'fill="{fill}" stroke="#595959"/>')
            mid = (a0 + a1) / 2
            for radius, text, weight in ((148, short_month(month + 1, self.lang), "bold"), (118, str(count), "normal")):
                out.append(f'<text x="{cx + radius * math.cos(mid):.1f}" y="{cy + radius * math.sin(mid) + 5:.1f}" '
                           f'text-anchor="middle" font-weight="{weight}">{esc(text)}</text>')
        out.append(f'<text x="{cx}" y="{cy - 4}" text-anchor="middle" font-size="16" font-weight="bold">{esc(self.w("annual_cycle"))}</text>')
        out.append(f'<text x="{cx}" y="{cy + 16}" text-anchor="middle" font-size="13">{esc(self.w("cycle_count_hint"))}</text>')
        out.append("</g></svg>")
        return "".join(out)


    def accessibility(self) -> None:
        """The accessibility statement from agreement.yaml's `accessibility` block, in the law's parts: state of
        compliance, content that is not accessible, how the statement was prepared, feedback, enforcement."""
        m, a, lang = self.m, self.m.accessibility, self.lang
        page = self.start("saavutettavuus.md", self.w("accessibility"), "agreement/agreement.yaml")
        page.body.append(f"<p>{esc(self.w('a11y_intro').format(name=self.t(m.short_title)))}</p>")
        page.body.append(f"## {heading_text(self.w('a11y_compliance_heading'))}")
        page.body.append(f"<p>{esc(self.w('a11y_compliance'))}</p>")
        page.body.append(f"## {heading_text(self.w('a11y_problems_heading'))}")
        problems = [esc(self.t(text)) + (f" ({esc(self.w('a11y_criterion').format(criterion=criterion))})" if criterion else "")
                    for text, criterion in a.known_problems + self.found_problems()] + [esc(self.w("a11y_word_documents"))]
        page.body.append("<ul>" + "".join(f"<li>{p}</li>" for p in problems) + "</ul>")
        dates = [self.w(key).format(date=L.date(day, lang)) for key, day in (("a11y_prepared", a.prepared),
                                                                              ("a11y_reviewed", a.reviewed)) if day]
        if dates:
            page.body.append(f"## {heading_text(self.w('a11y_prepared_heading'))}")
            page.body.append(f"<p>{esc(' '.join(dates))}</p>")
        page.body.append(f"## {heading_text(self.w('a11y_feedback_heading'))}")
        channels = []
        if a.contact_email:
            channels.append(f'{esc(self.w("a11y_email"))}: <a href="mailto:{esc(a.contact_email)}">{esc(a.contact_email)}</a>')
        if a.feedback_url:
            channels.append(f'<a href="{esc(a.feedback_url)}">{esc(self.w("a11y_form"))}</a>')
        if not channels and m.coordinators:  # validate warns about this: the law asks for an e-mail or a form
            c = m.coordinators[0]
            channels.append(f"{esc(self.w('a11y_contact_person'))}: {esc(c.name)}, {self.et(c.role)}, {self.party_link(c.party)}")
        page.body.append(f"<p>{esc(self.w('a11y_feedback'))}</p>" + ("<ul>" + "".join(f"<li>{x}</li>" for x in channels) + "</ul>"
                                                                    if channels else ""))
        page.body.append(f"## {heading_text(self.w('a11y_enforcement_heading'))}")
        page.body.append(f'<p>{esc(self.w("a11y_enforcement"))}</p><p><a href="{esc(self.w("a11y_authority_url"))}">'
                         f'{esc(self.w("a11y_authority_link"))}</a></p>')

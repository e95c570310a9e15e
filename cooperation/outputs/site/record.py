"""The negotiation record: the history of changes, the changes since the version in force, the signed versions, the approvals, and the Atom feed."""
from __future__ import annotations

import re
import urllib.parse

from cooperation.changes.diff import (
    change_label,
    field_line,
    item_label,
    summary,
    text_runs,
    untranslated_note,
    value_line,
)
from cooperation.changes.record import AMENDMENT_PROPOSAL, BEFORE_SIGNING, CLASSES, class_counts, months, periods
from cooperation.domain import AMENDMENT
from cooperation.i18n import labels as L
from cooperation.i18n.diff_words import CLASS_HELP, CLASS_NAMES
from cooperation.i18n.diff_words import DIFF_WORDS as WORDS
from cooperation.model import (
    approvals,
)
from cooperation.model import statements as S
from cooperation.model.approvals import Version
from cooperation.model.types import Decision
from cooperation.outputs.site.consultation import answered_html
from cooperation.outputs.site.context import SiteContext
from cooperation.outputs.site.html import (
    NO_SEARCH,
    XML_ILLEGAL,
    entry_id,
    esc,
    fingerprint_code,
    heading_text,
    iso_date,
    keep_whole,
    year_path,
)
from cooperation.schemas import partial_date_span

FINGERPRINT = re.compile(r"\b[0-9a-f]{12,64}\b")
LATEST = 20  # the changes on the history page; each year's page holds all of that year's
MOST_LINES = 200  # an entry's changes listed on the record's pages; any beyond are counted


def _count(n: int, lang: str) -> str:
    """"1 muutos", "2 000 muutosta"."""
    return L.count_word("record_n_changes", n, lang).format(n=L.number(n, 0, lang))


class RecordPages(SiteContext):
    """The negotiation record: the history of changes, the changes since the version in force, the signed versions, the approvals, and the Atom feed."""

    def history_pages(self) -> None:
        """The history page (a summary by year and by version, and the newest changes), a page per year holding
        every change of that year, the changes since the version in force, the signed versions and the feed."""
        from cooperation.changes.history import History
        h, lang = self.history or History(), self.lang
        self.record_periods = periods(h.entries, self.state)
        self.history_index(h)
        for year in h.years():
            self.year_page(h, year)
        self.assets[f"historia/muutokset-{lang}.xml"] = self.atom_feed(h)
        page = self.start("historia/allekirjoitetun-jalkeen.md", self.w("changes_since_signed"))
        page.body.append(self.in_force_html())
        if self.state.in_force is not None:
            diff = h.since_signed
            if diff is None or diff.change_class is None:
                page.body.append(f"<p>{esc(self.w('no_changes_since'))}</p>")
            else:
                cls = diff.change_class
                page.body.append(f'<p>{self.badge("change", cls, CLASS_NAMES[cls][lang])} — {esc(CLASS_HELP[cls][lang])}</p>')
                page.body.append(self.diff_html(diff, limit=200))
        page = self.start("historia/versiot.md", self.w("signed_versions"))
        page.body.append(f"<p>{esc(self.w('signed_versions_help'))}</p>")
        # the versions every signing party approved (a tag without the approvals is not one: validate says so)
        signed = [v for v in self.state.shown() if self.state.all_approved(v) and (v.tags or not v.current)
                  or v == self.state.in_force]
        if signed:
            rows = [[self.release_link(v), esc(L.partial_date(v.date, lang) if v.date else "–"),
                     esc(S.version_status(v, self.state, lang)), self.version_files(v),
                     fingerprint_code(v.fingerprint)] for v in signed]
            page.body.append(self.table([self.w("version"), self.w("version_date"), self.w("status"),
                                         self.w("version_files"), self.w("fingerprint")],
                                        rows, self.w("signed_versions"), stack=True))
        else:
            page.body.append(f"<p>{esc(self.w('no_signed_version'))}</p>")


    def version_files(self, v: Version) -> str:
        """A signed version's own Word and PDF, built from its tag (outputs.record): links to the downloads."""
        files = [d for d in self.downloads if v.name and d.output in (f"signed-{v.name}", f"signed-{v.name}-pdf")]
        base = self.href("lataukset/index.md")
        return "<br>".join(f'<a href="{esc(base + d.name)}">{esc(d.name)}</a>' for d in files) or "–"


    def history_index(self, h) -> None:
        """The history page: how many changes the record holds and since when, a row per year (each year's page
        holds all its changes) and a line per version, and the newest changes."""
        page = self.start("historia/index.md", self.w("history"))
        page.body.append(f"<p>{esc(self.w('history_help'))}</p>")
        page.body.append(self.in_force_html())
        page.body.append(f'<p><a href="{esc(self.href("historia/index.md"))}muutokset-{self.lang}.xml">{esc(self.w("feed"))}</a></p>')
        if not h.entries:
            page.body.append(f"<p>{esc(self.w('no_history'))}</p>" + self.record_begins(h))
            return
        first, last = iso_date(h.entries[-1].change.date), iso_date(h.entries[0].change.date)
        extent = self.w("record_extent").format(count=_count(len(h.entries), self.lang),
                                                span=first if first == last else f"{first}–{last}")
        page.body.append(f"<p>{esc(extent)}</p>" + self.record_begins(h))
        page.body.append(f"## {heading_text(self.w('record_by_year'))}")
        page.body.append(self.years_table(h))
        page.body.append(f"## {heading_text(self.w('record_by_version'))}")
        page.body.append(self.periods_list())
        page.body.append(f"## {heading_text(self.w('record_latest'))}")
        latest = h.entries[:LATEST]
        years = self.year_links(h.years())
        key = "record_latest_some" if len(latest) < len(h.entries) else "record_latest_all"
        total = L.number(len(h.entries), 0, self.lang)
        page.body.append(f"<p>{esc(self.w(key)).format(shown=len(latest), n=esc(total), years=years)}</p>"
                         + self.history_filter(latest) + self.class_legend() + self.entries_html(latest, 3))


    def year_page(self, h, year: int) -> None:
        """Every change of one year, newest first: by the version they were made under, then by month, each month
        summed up by class; each change's details folded, so that a year of 500 changes reads on a phone."""
        entries = h.of_year(year)
        page = self.start(year_path(year), self.w("history_year").format(year=year))
        others = [y for y in h.years() if y != year]
        summary_link = self.link("historia/index.md", self.w("history"))
        around = (esc(self.w("record_other_years")).format(years=self.year_links(others), history=summary_link)
                  if others else esc(self.w("record_summary_link")).format(history=summary_link))
        help_text = self.w("record_year_help").format(year=year, n=L.number(len(entries), 0, self.lang))
        page.body.append(f"<p>{esc(help_text)} {around}</p>" + (self.record_begins(h) if year == h.years()[-1] else ""))
        sections = []  # (period, [(month, anchor, its changes)])
        anchors: set[str] = set()
        for period in self.record_periods:
            mine = period.of_year(year)
            if not mine:
                continue
            in_months = []
            for month, those in months(mine):
                anchor = f"kk-{month}" if f"kk-{month}" not in anchors else f"kk-{month}-{period.anchor}"
                anchors.add(anchor)
                in_months.append((month, anchor, those))
            sections.append((period, in_months))
        jumps: dict[str, list] = {}  # month → (anchor, changes in it): a month met in two periods is jumped to where it begins
        for _, in_months in sections:
            for month, anchor, those in in_months:
                jumps.setdefault(month, [anchor, 0])[1] += len(those)
        page.body.append(f'<nav class="jump"{NO_SEARCH} aria-label="{esc(self.w("record_months"))}">'
                         f'<p>{esc(self.w("record_months"))}:</p><ul class="columns">'
                         + "".join(f'<li><a href="#{esc(anchor)}">{esc(self.month_title(month))}</a> ({n})</li>'
                                   for month, (anchor, n) in jumps.items()) + "</ul></nav>"
                         + self.history_filter(entries) + self.class_legend())
        for period, in_months in sections:
            page.body.append(f"## {heading_text(self.period_title(period))} {{#{period.anchor}}}")
            count = self.w("record_on_this_page").format(
                count=_count(sum(len(those) for _, _, those in in_months), self.lang))
            page.body.append(f'<p class="period">{esc(self.period_text(period))} {esc(count)}</p>')
            for month, anchor, those in in_months:
                page.body.append(f"### {heading_text(self.month_title(month))} {{#{anchor}}}")
                page.body.append(self.month_summary(those) + self.entries_html(those, 4))


    def record_begins(self, h) -> str:
        """Where the record begins when agreement.yaml's record_start says so, and where the earlier changes are."""
        if not h.start:
            return ""
        text = esc(self.w("record_begins").format(date=L.partial_date(h.start, self.lang)))
        if self.repo_url:
            text += f' <a href="{esc(self.repo_url)}/commits/{esc(self.branch)}">{esc(self.w("record_git_history"))}</a>'
        return f'<p class="record-start">{text}</p>'


    def year_links(self, years: list[int]) -> str:
        """Links to the year pages, each with its number of changes."""
        return ", ".join(self.link(year_path(y), str(y)) for y in years)


    def years_table(self, h) -> str:
        rows = []
        for year in h.years():
            counts = class_counts(h.of_year(year))
            rows.append([self.link(year_path(year), str(year)), esc(L.number(sum(counts.values()), 0, self.lang))]
                        + [esc(L.number(counts[c], 0, self.lang)) for c in CLASSES])
        return self.table([self.w("record_year"), self.w("record_changes"), self.w("record_amendments"),
                           self.w("record_editorial"), self.w("record_monitoring")], rows, self.w("record_by_year"),
                          stack=True)


    def periods_list(self) -> str:
        """A line per version period, newest first: its changes and their dates, linked to where it ends."""
        items = []
        for period in self.record_periods:
            first, last = iso_date(period.entries[-1].change.date), iso_date(period.entries[0].change.date)
            span = first if first == last else f"{first}–{last}"
            link = self.link(year_path(period.entries[0].year), self.period_title(period), period.anchor)
            # (a space before the line break: the search index reads "…2026 Sopimus…", not "…2026Sopimus…")
            items.append(f"<li>{link}: {esc(_count(len(period.entries), self.lang))}, {esc(span)} <br>"
                         f'<span class="fine-print">{esc(self.period_text(period))}</span></li>')
        return "<ul>" + "".join(items) + "</ul>"


    def period_title(self, period) -> str:
        if period.kind == BEFORE_SIGNING:
            return self.w("record_before_signing")
        if period.kind == AMENDMENT_PROPOSAL:
            return S.version_title(period.version, self.state, self.lang)
        return self.w("record_after_signing").format(version=S.version_label(period.version, self.state, self.lang))


    def period_text(self, period) -> str:
        """What the period's version is: the one its changes led to, the one signed before them (and when it
        entered into force), or the proposal and how many parties approved it."""
        state, lang = self.state, self.lang
        if period.kind == BEFORE_SIGNING:
            if period.version is not None:
                return self.w("record_led_to").format(version=S.version_label(period.version, state, lang))
            return self.w("record_not_signed_yet").format(version=S.version_title(period.proposed, state, lang),
                                                          status=S.version_status(period.proposed, state, lang))
        if period.kind == AMENDMENT_PROPOSAL:
            in_force = state.in_force or period.version
            return self.w("record_proposal_to").format(version=S.version_label(in_force, state, lang),
                                                       status=S.version_status(period.version, state, lang))
        return f"{S.version_title(period.version, state, lang)}: {S.version_status(period.version, state, lang)}."


    def month_title(self, month: str) -> str:
        """"2026-03" → "Maaliskuu 2026"."""
        return f"{L.month_name(int(month[5:7]), self.lang).capitalize()} {month[:4]}"


    def month_summary(self, entries) -> str:
        """A month's changes counted, by class."""
        counts = class_counts(entries)
        parts = [f'<span class="nw">{self.badge("change", c, CLASS_NAMES[c][self.lang])} {n}</span>'
                 for c, n in counts.items() if n]
        return f'<p class="month-summary">{esc(_count(len(entries), self.lang))}: {" ".join(parts)}</p>'


    def class_legend(self) -> str:
        """What each class of change means, said once a page (each change carries its class's badge)."""
        return (f'<details class="class-legend"{NO_SEARCH}><summary>{esc(self.w("record_classes"))}</summary><ul>'
                + "".join(f'<li>{self.badge("change", c, CLASS_NAMES[c][self.lang])} — {esc(CLASS_HELP[c][self.lang])}</li>'
                          for c in CLASSES) + "</ul></details>")


    def entries_html(self, entries, level: int) -> str:
        """Changes one after another. The search leaves them out: the index stays the size it was however long the
        record grows, and an item's id finds its own page (where its goal's changes are) rather than hundreds of
        changes; the record is read by year, version and month."""
        return f'<div class="history-entries"{NO_SEARCH}>' + "".join(self.entry_html(e, level) for e in entries) + "</div>"


    def entry_html(self, entry, level: int) -> str:
        """One change: its date and what changed as a heading (the place links point to), its class and pull
        request, and the changes themselves folded. Rendered once per build of a language (both pages show it)."""
        answers = answered_html(self, entry.change.pull_request)  # the statements it answers (links from this page)
        key = ("history-entry", entry.change.commit, entry.change.parent, self.lang, self.m.main_language,
               self.repo_url, level, answers)
        return self.memo.get(key, lambda: self._entry_html(entry, level, answers))


    def _entry_html(self, entry, level: int, answers: str = "") -> str:
        """Two or three lines folded: the date and what changed (the heading), then its class and the pull request's
        title, which open the list of changes, the pull request's link and the fingerprints."""
        lang, diff = self.lang, entry.diff
        cls = diff.change_class or AMENDMENT  # history keeps only entries with a class
        heading = keep_whole(esc(iso_date(entry.change.date) + " " + summary(diff, lang)))  # ids whole on a phone
        # not <small>: the theme dims it, below 4.5:1 contrast on the open details' tint
        fingerprint = (f'{esc(self.w("fingerprint"))}: <code>{esc(diff.fingerprint_old[:16])}…</code>'
                       f" → <code>{esc(diff.fingerprint_new[:16])}…</code>" if diff.fingerprint_changes else "")
        pull_request = self.pr_link(entry.change.pull_request).strip().removeprefix("(").removesuffix(")")
        meta = "<br>".join(x for x in (pull_request, fingerprint) if x)
        lines = self.diff_lines(diff)
        # each entry in a section of its class, which the filter shows or hides; the section holds the id links
        # point to, not the heading: the search indexer makes a section of every heading with an id, even inside
        # the entries it leaves out (an empty entry per change)
        return (f'<section class="history-entry" id="{entry_id(entry)}" data-class="{esc(cls)}">'
                f'<h{level} class="entry-title">{heading}</h{level}>'
                f'<details class="entry-changes"><summary>{self.badge("change", cls, CLASS_NAMES[cls][lang])} '
                f"<span{self.title_lang_attr()}>{keep_whole(esc(entry.change.title))}</span> ({len(lines)})</summary>"
                + (f'<p class="meta fine-print">{meta}</p>' if meta else "")
                + f"{self.lines_html(lines, MOST_LINES)}</details>{answers}</section>")


    def history_filter(self, entries) -> str:
        """Radio buttons that show one class of change (amendment, editorial, monitoring) or all (issue 32.9): no
        JavaScript, the page's style hides the other entries (extra.css, :has); a browser without it shows all."""
        counts = class_counts(entries)
        options = [("all", f"{self.w('history_all')} ({len(entries)})", True)]
        options += [(cls, f"{CLASS_NAMES[cls][self.lang].capitalize()} ({n})", False) for cls, n in counts.items() if n]
        return (f'<fieldset class="history-filter"{NO_SEARCH}><legend>{esc(self.w("history_filter"))}</legend>'
                + "".join(f'<label><input type="radio" name="history-class" id="history-class-{cls}" value="{cls}"'
                          f'{" checked" if checked else ""}> {esc(text)}</label>' for cls, text, checked in options)
                + "</fieldset>")


    def in_force_html(self) -> str:
        """Which version is in force, from the version state: the same sentence on every page that says it."""
        version = self.state.in_force
        if version is None:
            return f"<p><strong>{esc(self.w('no_signed_version'))}</strong></p>"
        return (f"<p><strong>{esc(self.w('in_force_version'))}: {esc(S.version_title(version, self.state, self.lang))}"
                f"</strong> – {esc(S.version_status(version, self.state, self.lang))}, "
                f"{esc(self.w('fingerprint'))} {fingerprint_code(version.fingerprint)}</p>")


    def atom_feed(self, h) -> bytes:
        from xml.sax.saxutils import escape

        def xml_escape(text: str) -> str:  # commit messages may hold characters XML 1.0 cannot carry
            return escape(XML_ILLEGAL.sub("", text))
        lang = self.lang
        site = self.t(self.m.short_title)
        updated = h.entries[0].change.date if h.entries else "1970-01-01T00:00:00Z"
        out = ['<?xml version="1.0" encoding="utf-8"?>', f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">',
               f"<title>{xml_escape(site)}: {xml_escape(self.w('history'))}</title>",
               f"<id>urn:agreement:{xml_escape(self.m.id)}:{lang}</id>", f"<updated>{xml_escape(updated)}</updated>"]
        out += self.in_force_entry(xml_escape)
        for entry in h.entries[:50]:
            cls = CLASS_NAMES[entry.diff.change_class][lang]
            main = entry.diff.main_language
            text = "\n".join(field_line(i, f, lang, main) for i in entry.diff.items for f in i.fields) or \
                "\n".join(f"{WORDS[i.change][lang]}: {item_label(i, lang, main)}" for i in entry.diff.items)
            text = "\n".join(x for x in [text] + [value_line(v, lang, main, entry.diff.area_names)
                                                  for v in entry.diff.values[:200]] if x)
            text = entry.change.title + "\n\n" + text  # the pull request's title, after the summary
            out += ["<entry>", f"<title>{xml_escape(summary(entry.diff, lang))} ({xml_escape(cls)})</title>",
                    f"<id>urn:agreement:{xml_escape(self.m.id)}:{entry.change.commit}</id>",
                    f"<updated>{xml_escape(entry.change.date)}</updated>",
                    f'<link href="{entry.year}/#{entry_id(entry)}"/>',
                    f'<content type="text">{xml_escape(text)}</content>', "</entry>"]
        out.append("</feed>")
        return ("\n".join(out) + "\n").encode("utf-8")


    def release_link(self, v: Version) -> str:
        """A signed version's documents: the release the release workflow made for its tag (Word documents,
        the redline against the previous version, the change annex and the draft decision)."""
        title = esc(S.version_title(v, self.state, self.lang))
        if not self.repo_url or not v.name:
            return title
        url = f"{self.repo_url}/releases/tag/{urllib.parse.quote(v.name)}"
        return f'<a href="{esc(url)}">{title}</a> <small>({esc(self.w("version_documents"))})</small>'


    def in_force_entry(self, xml_escape) -> list[str]:
        """The Atom entry announcing the version in force, from the day the last signing party approved it."""
        version, since = self.state.in_force, self.state.in_force_since
        if version is None or since is None:
            return []
        span = partial_date_span(since)
        updated = f"{span[1].isoformat()}T00:00:00Z" if span else "1970-01-01T00:00:00Z"
        title = f"{S.version_title(version, self.state, self.lang)}: {S.version_status(version, self.state, self.lang)}"
        return ["<entry>", f"<title>{xml_escape(title)}</title>",
                f"<id>urn:agreement:{xml_escape(self.m.id)}:in-force:{version.fingerprint}</id>",
                f"<updated>{updated}</updated>", '<link href="hyvaksynnat/"/>',
                f'<content type="text">{xml_escape(self.w("fingerprint"))}: {version.fingerprint}</content>',
                "</entry>"]


    def decision_cells(self, d: Decision | None) -> list[str]:
        if d is None:
            return ["–", "–", "–", "–"]
        unknown = self.w("unknown")
        when = esc(L.partial_date(d.date, self.lang) or unknown)
        section = esc(f"§ {d.section}" if d.section else f"§ {unknown}")
        minutes = f' (<a href="{esc(d.minutes_url)}">{esc(self.w("minutes"))}</a>)' if d.minutes_url else ""
        return [self.et(d.body) + minutes, when, section, self.et(d.note) or "–"]


    def approvals_page(self) -> None:
        lang, parties, state = self.lang, self.m.parties, self.state
        page = self.start("historia/hyvaksynnat.md", self.w("approvals"), "agreement/parties.yaml")
        page.hide = ("toc",)
        page.body.append(f"<p>{esc(self.w('approvals_help'))}</p>")
        missing = [p for p in parties if p.signs and not p.signatories]
        if missing and state.in_force is not None:
            page.body.append(f'<p class="not-recorded">{esc(self.w("not_recorded_signatories").format(parties=", ".join(self.t(p.name) for p in missing)))}</p>')
        unknown = sum(1 for p in parties for d in p.decisions if d.section is None or d.date is None)
        if unknown:
            page.body.append(f'<p class="not-recorded">{esc(self.w("not_recorded_details").format(n=unknown))}</p>')
        for v in state.shown():
            title = S.version_title(v, state, lang)
            page.body.append(f"## {heading_text(title)} {{#{esc(self.version_anchor(v))}}}")
            page.body.append(f'<p class="meta"><strong>{esc(S.version_status(v, state, lang))}</strong><br>'
                             f"{esc(self.w('fingerprint'))} {fingerprint_code(v.fingerprint)}"
                             + (f"<br>{esc(self.w('version_date'))} {esc(L.partial_date(v.date, lang))}" if v.date else "")
                             + "</p>")
            page.body.append(self.approvals_by_state(v, title))


    def approvals_by_state(self, v: Version, title: str) -> str:
        """A version's parties grouped by their state, the decided ones first: each group headed by its state and
        count; the parties with a decision as a table of it (body, date, §, note), the undecided ones one line
        each (issue 32.3: thirty cards of dashes on a phone said nothing)."""
        groups: dict[str, list] = {}
        for p in self.m.parties:
            c = self.state.standing(p, v)
            if p.signs or c.decision is not None:
                groups.setdefault(c.state, []).append((p, c))
        order = sorted(groups, key=lambda s: (s == approvals.PENDING, s != approvals.APPROVED, s))
        out = []
        for code in order:
            members = groups[code]
            heading = f"{S.state_word(code, self.lang).capitalize()} ({len(members)})"
            badge = self.badge("approval", code, heading)
            if code == approvals.PENDING:
                out.append(f'<p class="approval-group">{badge}</p><ul class="columns pending-parties">' + "".join(
                    f"<li>{p.number}. {self.party_link(p.id)}</li>" for p, _ in members) + "</ul>")
                continue
            rows = []
            for p, c in members:
                cells = self.decision_cells(c.decision)
                if c.state == approvals.EARLIER:  # whose decision, and on which text
                    cells[-1] = self.earlier_html(c)
                rows.append([f"{p.number}. " + self.party_link(p.id)] + cells)
            out.append(self.table([self.w("party"), self.w("body"), self.w("date"), self.w("minute_section"),
                                   self.w("note")], rows, f"{title}: {heading}", "approvals", stack=True,
                                  caption_html=badge))
        return "\n".join(out)


    def diff_lines(self, diff) -> list[tuple[str, str]]:
        """A diff's changes, each (HTML, class): a field as a word diff, an item added or removed, a measured value."""
        main = diff.main_language
        lines = []
        for item in diff.items:
            if item.change == "changed":
                lines += [(self.field_change_html(item, f, main), f.kind) for f in item.fields]
            else:
                lines.append((esc(f"{WORDS[item.change][self.lang]}: {item_label(item, self.lang, main)}"), item.change_class))
        # each value that changed: indicator, area, year, old → new (not "570 muutettu")
        lines += [(esc(f"{WORDS['measurements'][self.lang]}: {value_line(v, self.lang, main, diff.area_names)}"), "monitoring")
                  for v in diff.values]
        return lines


    def diff_html(self, diff, limit: int = 40) -> str:
        return self.lines_html(self.diff_lines(diff), limit=limit)


    def lines_html(self, lines: list[tuple[str, str]], most: int | None = None, limit: int = 40) -> str:
        """The first ``limit`` changes listed, the rest folded one click away; beyond ``most``, only counted (a
        yearly import of thousands of values is one change on a page of hundreds)."""
        def items(part) -> str:
            return "".join(f'<li>{text} {self.badge("change", kind, CLASS_NAMES[kind][self.lang])}</li>' for text, kind in part)
        listed = lines[:most] if most is not None else lines
        out = "<ul>" + items(listed[:limit]) + "</ul>"
        if len(listed) > limit:  # the rest one click away, not dropped
            rest = len(lines) - limit
            out += (f"<details><summary>{esc(L.count_word('more_changes', rest, self.lang).format(n=rest))}</summary>"
                    f"<ul>{items(listed[limit:])}</ul>")
            if len(lines) > len(listed):
                out += f"<p>{esc(self.w('record_not_listed').format(n=len(lines) - len(listed)))}</p>"
            out += "</details>"
        return out


    def field_change_html(self, item, f, main: str) -> str:
        """A changed field; a text as an inline word diff (old words struck, new ones marked), all escaped."""
        if not f.text:  # a fingerprint a decision names is code, not words (nor a search snippet's "c29f12…")
            return FINGERPRINT.sub(r"<code>\g<0></code>", esc(field_line(item, f, self.lang, main)))
        tags = {"=": ("", ""), "-": ("<del>", "</del>"), "+": ("<ins>", "</ins>")}
        runs = "".join(f"{tags[op][0]}{esc(text)}{tags[op][1]}" for op, text in text_runs(f, self.lang, main))
        out = f'{esc(change_label(item, f, self.lang, main))}: <span class="word-diff">{runs}</span>'
        if f.untranslated:
            out += f' <strong class="untranslated">⚠ {esc(untranslated_note(f, self.lang))}</strong>'
        return out

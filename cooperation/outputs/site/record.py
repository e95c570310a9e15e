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
from cooperation.domain import AMENDMENT, EDITORIAL, MONITORING
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
)
from cooperation.schemas import partial_date_span

FINGERPRINT = re.compile(r"\b[0-9a-f]{12,64}\b")


class RecordPages(SiteContext):
    """The negotiation record: the history of changes, the changes since the version in force, the signed versions, the approvals, and the Atom feed."""

    def history_pages(self) -> None:
        from cooperation.changes.history import History
        h, lang = self.history or History(), self.lang
        page = self.start("historia/index.md", self.w("history"))
        page.body.append(f"<p>{esc(self.w('history_help'))}</p>")
        page.body.append(self.in_force_html())
        page.body.append(f'<p><a href="{esc(self.href("historia/index.md"))}muutokset-{lang}.xml">{esc(self.w("feed"))}</a></p>')
        if not h.entries:
            page.body.append(f"<p>{esc(self.w('no_history'))}</p>")
        else:
            page.body.append(self.history_filter(h))
        for entry in h.entries:
            cls = entry.diff.change_class or AMENDMENT  # history keeps only entries with a class
            # each entry in a section of its class, which the filter above shows or hides
            page.body.append(f'<section class="history-entry" data-class="{esc(cls)}">')
            # headed by what changed, in the page's language; the pull request's title follows
            page.body.append(f"## {heading_text(iso_date(entry.change.date) + ' ' + summary(entry.diff, lang))} {{#{entry_id(entry)}}}")
            fingerprint = (f"{self.w('fingerprint')}: <code>{esc(entry.diff.fingerprint_old[:16])}…</code> → "
                           f"<code>{esc(entry.diff.fingerprint_new[:16])}…</code>" if entry.diff.fingerprint_changes else "")
            page.body.append(f'<p>{self.badge("change", cls, CLASS_NAMES[cls][lang])} — {esc(CLASS_HELP[cls][lang])}'
                             f"{self.pr_link(entry.change.pull_request)}<br><span{self.title_lang_attr()}>{esc(entry.change.title)}</span>"
                             f"<br> <small>{fingerprint}</small></p>")
            page.body.append(self.diff_html(entry.diff))
            page.body.extend(filter(None, [answered_html(self, entry.change.pull_request)]))  # the statements it answers
            page.body.append("</section>")
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


    def history_filter(self, h) -> str:
        """Radio buttons that show one class of change (amendment, editorial, monitoring) or all (issue 32.9): no
        JavaScript, the page's style hides the other entries (extra.css, :has); a browser without it shows all."""
        counts = {cls: sum(1 for e in h.entries if (e.diff.change_class or AMENDMENT) == cls)
                  for cls in (AMENDMENT, EDITORIAL, MONITORING)}
        options = [("all", f"{self.w('history_all')} ({len(h.entries)})", True)]
        options += [(cls, f"{CLASS_NAMES[cls][self.lang].capitalize()} ({n})", False) for cls, n in counts.items() if n]
        return (f'<fieldset class="history-filter"{NO_SEARCH}><legend>{esc(self.w("history_filter"))}</legend>'
                + "".join(f'<label><input type="radio" name="history-class" id="history-class-{cls}" value="{cls}"'
                          f'{" checked" if checked else ""}> {esc(text)}</label>' for cls, text, checked in options)
                + "</fieldset>")


    def version_files(self, v: Version) -> str:
        """A signed version's own Word and PDF, built from its tag (outputs.record): links to the downloads."""
        files = [d for d in self.downloads if v.name and d.output in (f"signed-{v.name}", f"signed-{v.name}-pdf")]
        base = self.href("lataukset/index.md")
        return "<br>".join(f'<a href="{esc(base + d.name)}">{esc(d.name)}</a>' for d in files) or "–"


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
                    f'<link href="index.html#{entry_id(entry)}"/>',
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


    def diff_html(self, diff, limit: int = 40) -> str:
        main = diff.main_language
        lines = []  # (HTML, class)
        for item in diff.items:
            if item.change == "changed":
                lines += [(self.field_change_html(item, f, main), f.kind) for f in item.fields]
            else:
                lines.append((esc(f"{WORDS[item.change][self.lang]}: {item_label(item, self.lang, main)}"), item.change_class))
        # each value that changed: indicator, area, year, old → new (not "570 muutettu")
        lines += [(esc(f"{WORDS['measurements'][self.lang]}: {value_line(v, self.lang, main, diff.area_names)}"), "monitoring")
                  for v in diff.values]
        shown = lines[:limit]
        out = "<ul>" + "".join(f'<li>{text} {self.badge("change", kind, CLASS_NAMES[kind][self.lang])}</li>'
                               for text, kind in shown) + "</ul>"
        if len(lines) > limit:  # the rest one click away, not dropped
            out += (f"<details><summary>{esc(L.count_word('more_changes', len(lines) - limit, self.lang).format(n=len(lines) - limit))}</summary><ul>"
                    + "".join(f'<li>{text} {self.badge("change", kind, CLASS_NAMES[kind][self.lang])}</li>'
                              for text, kind in lines[limit:]) + "</ul></details>")
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

"""The consultation rounds on the site: a page per round ("Mitä kuulimme – mitä teimme" once it has closed: per
sub-area and goal the statements by organisation, the responses and the changes they led to, counts per sub-area
and outcome), the index of rounds, and the small notices other families show: while a round is open, the home page
and each goal consulted on say so and how to give a statement; afterwards a goal links to what was said of it, and
a change in the history to the statements it answers.

Everything from the data is text: escaped here, never Markdown but the round's description. A statement is shown in
the page's language only (as given, or translated); one given in another language of the site is linked on that
language's page, so no Finnish stands on a Swedish page. A private person is never named (the data has no name)."""
from __future__ import annotations

import urllib.parse

from cooperation.i18n import labels as L
from cooperation.model.consultations import (
    CLOSED,
    OPEN,
    OUTCOMES,
    PENDING,
    UPCOMING,
    Place,
    Round,
    Statement,
    about_goal,
    consulted_on,
    counts,
    grouped,
    in_summary,
    places,
)
from cooperation.model.types import Goal, Subarea, Text
from cooperation.outputs.site.context import SiteContext
from cooperation.outputs.site.html import NO_SEARCH, esc, heading_text

FOLDER = "lausunnot"  # the rounds' pages: lausunnot/index.md, lausunnot/<round>.md (reserved, checks/ids.py)


def round_path(r: Round) -> str:
    return f"{FOLDER}/{r.id}.md"


def anchor(r: Round, s: Statement) -> str:
    return f"{r.id}-{s.id}".lower()


def goal_anchor(goal: Goal) -> str:
    return f"tavoite-{goal.id.lower()}"


def dates(r: Round, lang: str) -> str:
    return L.date_range(r.opens, r.closes, lang)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _paragraphs(text: str) -> str:
    """Plain text as paragraphs: a blank line parts them, a line break stays one; nothing in it is markup."""
    parts = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return "".join("<p>" + "<br>".join(esc(line) for line in p.split("\n")) + "</p>" for p in parts)


class ConsultationPages(SiteContext):
    """The consultation rounds: an index, and a page per round."""

    _where: dict[str, Place]  # every item by its id (set as the pages are made)

    def consultation_pages(self) -> None:
        rounds = sorted(self.m.consultations, key=lambda r: (r.opens, r.id), reverse=True)
        if not rounds:
            return
        self._where = places(self.m)
        page = self.start(f"{FOLDER}/index.md", self.w("consultations"), "agreement/consultations.yaml")
        page.body.append(f"<p>{esc(self.w('consultations_help'))}</p>")
        rows = []
        for r in rounds:
            state = r.state(self.today)
            title = self.round_title(r)
            rows.append([self.link(round_path(r), title), esc(dates(r, self.lang)), esc(self.state_words(r, state)),
                         str(len(r.statements)) if state == CLOSED else "–"])
        page.body.append(self.table([self.w("consultations"), self.w("consultation_period"), self.w("status"),
                                     self.w("n_statements")], rows, self.w("consultations"), stack=True))
        for r in rounds:
            self.round_page(r)

    def round_title(self, r: Round) -> str:
        if r.state(self.today) == CLOSED:
            return f"{self.w('what_we_heard')}: {self.t(r.title)}"
        return self.t(r.title)

    def state_words(self, r: Round, state: str) -> str:
        day = L.date(r.opens if state == UPCOMING else r.closes, self.lang)
        return self.w(f"round_state_{state}").format(date=day)

    # --- a round's page -------------------------------------------------------------------------------------
    def round_page(self, r: Round) -> None:
        state = r.state(self.today)
        page = self.start(round_path(r), self.round_title(r), "agreement/consultations.yaml")
        if state == OPEN:
            page.body.append(notice_box(self, r, None, more=False))
        else:
            key = "consultation_upcoming" if state == UPCOMING else "consultation_closed"
            page.body.append(f'<p class="lead">{esc(self.w(key).format(dates=dates(r, self.lang), date=L.date(r.closes, self.lang)))}</p>')
        page.body.append(self.md(r.description))
        page.body.append(f'<dl class="facts"{NO_SEARCH}>' + "".join(
            f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in self.round_facts(r, state)) + "</dl>")
        page.body.append(f'<p class="fine-print">{esc(self.w("privacy_note"))}</p>')
        if state != CLOSED:
            if state == OPEN:
                page.body.append(f"<p>{esc(self.w('statements_so_far').format(n=len(r.statements)))}</p>")
            return
        if not r.statements:
            page.body.append(f"<p>{esc(self.w('no_statements'))}</p>")
            return
        page.body.append(f"## {heading_text(self.w('statements_by_subarea'))}")
        page.body.append(self.counts_table(r))
        summary = self.summary_link(r)
        if summary:
            page.body.append(summary)
        groups = self.grouped(r)
        for subarea in self.m.subareas:
            own, by_goal = groups.get(subarea.id, ([], {}))
            if not own and not by_goal:
                continue
            page.body.append(f"## {heading_text(f'{subarea.number} {self.t(subarea.title)}')} {{#{subarea.id}}}")
            page.body.append(self.statements_html(r, own))
            for goal in subarea.goals:
                if goal.id not in by_goal:
                    continue
                page.body.append(f"### {heading_text(f'{goal.number} {self.t(goal.title)}')} {{#{goal_anchor(goal)}}}")
                page.body.append(f'<p class="meta">{esc(self.w("goal"))} '
                                 f"{self.link(f'osa-alueet/{subarea.id}.md', goal.id, goal.id.lower())}</p>")
                page.body.append(self.statements_html(r, by_goal[goal.id]))
        whole = groups.get(None, ([], {}))[0]
        if whole:
            page.body.append(f"## {heading_text(self.w('whole_agreement'))} {{#{r.id}-koko-sopimus}}")
            page.body.append(self.statements_html(r, whole))

    def round_facts(self, r: Round, state: str) -> list[tuple[str, str]]:
        lang = self.lang
        facts = [(self.w("consultation_period"), esc(dates(r, lang)))]
        facts.append((self.w("consultation_version"), self.version_html(r)))
        items = ", ".join(self.item_link(i) for i in r.items) if r.items else esc(self.w("whole_draft"))
        facts.append((self.w("items_consulted"), items))
        asked = [self.parties_html(r.asked_party_refs)] if r.asked_party_refs else []
        asked += [self.name_html(o) for o in r.asked_organisations]
        if asked:
            facts.append((self.w("asked"), ", ".join(asked)))
        if state != CLOSED:
            facts.append((self.w("channel"), self.channel_html(r, None)))
        facts.append((self.w("retention"), self.et(r.retention)))
        if state == CLOSED:
            organisations = len({(s.party, repr(s.organisation)) for s in r.statements if not s.private})
            private = sum(1 for s in r.statements if s.private)
            facts.append((self.w("statements_received"), esc(self.w("received_n").format(
                n=len(r.statements), organisations=organisations, private=private))))
        return facts

    def version_html(self, r: Round) -> str:
        v = r.text
        if v is None:
            return f"<code>{esc(r.version)}</code>"
        code = f"<code>{esc(v.fingerprint[:12])}…</code>"
        return f"{esc(v.label)} ({code})" if v.label else code

    def channel_html(self, r: Round, item: str | None) -> str:
        out = []
        if r.form_url:
            out.append(f'<a href="{esc(r.form_link(item) or "")}" rel="noopener noreferrer">{esc(self.w("web_form"))}</a>')
        if r.email:
            out.append(mail_link(self, r, item))
        return ", ".join(out)

    def item_link(self, item: str | None) -> str:
        """An item's id linked to its place on its sub-area's page; an id no longer in the agreement as text."""
        if not hasattr(self, "_where"):
            self._where = places(self.m)
        place = self._where.get(item or "")
        if place is None or item is None:
            return esc(item or self.w("whole_agreement"))
        target = f"osa-alueet/{place.subarea.id}.md"
        return self.link(target, item, "" if place.kind == "subarea" else item.lower())

    def name_html(self, name: Text | None) -> str:
        """An organisation's name in the page's language, else as written (marked with the language it is in)."""
        if not name:
            return ""
        if self.lang in name.values:
            return esc(name.values[self.lang])
        other = next(iter(name.values), name.main)
        return f'<span lang="{esc(other)}">{esc(name.get(self.lang))}</span>'

    def author_html(self, s: Statement) -> str:
        if s.private:
            return esc(self.w("private_person"))
        if s.party:
            return self.party_link(s.party)
        return self.name_html(s.organisation)

    def author_key(self, s: Statement) -> tuple:
        """Statements by organisation: parties and organisations by name, private persons last, each by date."""
        if s.private:
            return (1, "", s.date, s.id)
        name = self.t(self.m.party(s.party).name) if s.party else (s.organisation.get(self.lang) if s.organisation else "")
        return (0, name.lower(), s.date, s.id)

    def grouped(self, r: Round) -> dict[str | None, tuple[list[Statement], dict[str, list[Statement]]]]:
        """Sub-area id (None: the agreement as a whole, or an item no longer in it) → (statements on the sub-area itself,
        goal id → statements on the goal, its actions and indicators), each by organisation."""
        out: dict[str | None, tuple[list[Statement], dict[str, list[Statement]]]] = {}
        for (subarea, goal), found in grouped(r, self._where).items():
            own, by_goal = out.setdefault(subarea, ([], {}))
            (own if goal is None else by_goal.setdefault(goal, [])).extend(sorted(found, key=self.author_key))
        return out

    def counts_table(self, r: Round) -> str:
        groups = grouped(r, self._where)
        columns = [*OUTCOMES, PENDING]
        head = [self.w("subarea"), self.w("n_statements")] + \
            [esc(_capital(L.enum("statement_outcome", o, self.lang))) for o in OUTCOMES] + \
            [esc(_capital(self.w("outcome_pending")))]
        rows = []
        order: list[tuple[str | None, str]] = [(s.id, f"{s.number} {self.t(s.title)}") for s in self.m.subareas]
        for key, title in order + [(None, self.w("whole_agreement"))]:
            statements = [s for (subarea, _), found in groups.items() if subarea == key for s in found]
            if not statements:
                continue
            n = counts(statements)
            link = self.link(round_path(r), title, key or f"{r.id}-koko-sopimus")
            rows.append([link, str(len(statements))] + [str(n[c]) for c in columns])
        total = counts(r.statements)
        rows.append([f"<strong>{esc(self.w('total'))}</strong>", f"<strong>{len(r.statements)}</strong>"]
                    + [f"<strong>{total[c]}</strong>" for c in columns])
        return self.table(head, rows, self.t(r.title), "compact", stack=True)

    def summary_link(self, r: Round) -> str:
        """The Word summary of this round on the downloads page, in the page's language, where the site has it."""
        chosen = in_summary(self.m, self.today)
        if chosen is None or chosen.id != r.id:
            return ""
        found = next((d for d in self.downloads if d.output == "statements" and d.lang in (self.lang, None)
                      and d.name.endswith(f"-{self.lang}.docx")), None)
        if found is None:
            return ""
        return f'<p><a href="{esc(self.href("lataukset/index.md") + found.name)}">{esc(self.w("summary_download"))}</a></p>'

    def statements_html(self, r: Round, statements: list[Statement]) -> str:
        return "".join(self.statement_html(r, s) for s in statements)

    def statement_html(self, r: Round, s: Statement) -> str:
        lang = self.lang
        meta = [self.author_html(s), esc(L.date(s.date, lang)),
                f"{esc(self.w('about_item'))}: {self.item_link(s.item)}", esc(s.id)]
        out = [f'<div class="statement" id="{esc(anchor(r, s))}">',
               f'<p class="statement-meta"><strong>{meta[0]}</strong> · ' + " · ".join(meta[1:]) + "</p>"]
        shown = s.text_in(lang)
        if shown is not None:
            text, translated = shown
            note = f' <span class="fine-print">({esc(self.w("translation_mark"))})</span>' if translated else ""
            out.append(f"<blockquote>{_paragraphs(text)}</blockquote>{note}")
        elif s.language in self.m.languages:
            language = self.w(f"in_lang_{s.language}")
            out.append(f'<p class="only-in">{esc(self.w("only_in_language").format(language=language))} '
                       f'<a href="{esc(self.other_language(s.language, round_path(r), anchor(r, s)))}" '
                       f'hreflang="{esc(s.language)}">{esc(self.w("read_statement"))}</a></p>')
        else:  # a language the site has no pages in: the original, marked as what it is
            out.append(f'<blockquote lang="{esc(s.language)}">{_paragraphs(s.text)}</blockquote>')
        out.append(self.response_html(s))
        out.append("</div>")
        return "".join(out)

    def response_html(self, s: Statement) -> str:
        if s.response is None:
            return (f'<p class="response"><strong>{esc(self.w("response"))}:</strong> '
                    f'{self.badge("outcome", PENDING, self.w("outcome_pending"))}</p>')
        r = s.response
        parts = [f'<strong>{esc(self.w("response"))}:</strong> '
                 f'{self.badge("outcome", r.outcome, L.enum("statement_outcome", r.outcome, self.lang))}']
        if r.reasoning:
            parts.append(self.et(r.reasoning))
        changes = []
        if r.changes:
            changes.append(f"{esc(self.w('changed_items'))}: " + ", ".join(self.item_link(i) for i in r.changes))
        line = f'<p class="response">{" ".join(parts)}</p>'
        if changes or r.pull_request:
            line += f'<p class="response-changes">{"".join(changes)}{self.pr_link(r.pull_request)}</p>'
        return line

    def other_language(self, lang: str, path: str, fragment: str) -> str:
        """The same page on another language's site: the main language at the root, the others under /<lang>/."""
        here = self.current.url if self.current else ""
        depth = here.count("/") + (0 if self.lang == self.m.main_language else 1)
        prefix = "" if lang == self.m.main_language else f"{lang}/"
        target = path[: -len(".md")] + "/" if not path.endswith("index.md") else path[: -len("index.md")]
        return "../" * depth + prefix + target + f"#{fragment}"


# --- the notices other page families show ------------------------------------------------------------------------
def mail_link(ctx: SiteContext, r: Round, item: str | None) -> str:
    """The round's e-mail address, the subject (the round and the item) filled in."""
    subject = ctx.w("email_subject").format(title=ctx.t(r.title) + (f", {item}" if item else ""))
    return f'<a href="{esc(f"mailto:{r.email}?subject={urllib.parse.quote(subject)}")}">{esc(r.email or "")}</a>'


def notice_box(ctx: SiteContext, r: Round, item: str | None, more: bool = True) -> str:
    """"Luonnos lausunnolla 1.2.–1.3.2027" and how to give a statement: the form (the item's id filled in where its
    address takes one) or the e-mail address, by the closing day."""
    lang = ctx.lang
    title = ctx.w("consultation_open").format(dates=dates(r, lang))
    if r.form_url and r.email:
        key = "statement_by_form_and_email"
    else:
        key = "statement_by_form" if r.form_url else "statement_by_email"
    form_words = ctx.w("form_link_item").format(item=item) if item and r.prefills else ctx.w("form_link")
    form = f'<a href="{esc(r.form_link(item) or "")}" rel="noopener noreferrer">{esc(form_words)}</a>' if r.form_url else ""
    email = mail_link(ctx, r, item) if r.email else ""
    sentence = esc(ctx.w(key).format(form="\x00form\x00", email="\x00email\x00", date=L.date(r.closes, lang)))
    sentence = sentence.replace("\x00form\x00", form).replace("\x00email\x00", email)
    link = f" {ctx.link(round_path(r), ctx.w('round_page_link'))}" if more else ""
    return (f'<div class="admonition info consultation-notice"><p class="admonition-title">{esc(title)}</p>'
            f"<p>{sentence}{link}</p></div>")


def home_notice(ctx: SiteContext) -> str:
    """The home page: each open round's notice; each closed round's page, "what we heard, what we did"."""
    out = []
    for r in sorted(ctx.m.consultations, key=lambda r: r.opens, reverse=True):
        state = r.state(ctx.today)
        if state == OPEN:
            out.append(notice_box(ctx, r, None))
        elif state == CLOSED and r.statements:
            title = f"{ctx.w('what_we_heard')}: {ctx.t(r.title)}"
            out.append(f'<p class="consultation-done">{ctx.link(round_path(r), title)}</p>')
    return "".join(out)


def goal_notice(ctx: SiteContext, goal: Goal, subarea: Subarea) -> str:
    """A goal: the notice of each open round that asks for statements on it; a link to what each closed round's
    statements said of it."""
    out = []
    for r in sorted(ctx.m.consultations, key=lambda r: r.opens, reverse=True):
        state = r.state(ctx.today)
        if state == OPEN and consulted_on(r, goal, subarea):
            out.append(notice_box(ctx, r, goal.id))
        elif state == CLOSED:
            n = sum(1 for s in r.statements if about_goal(s, goal))
            if n:
                link = ctx.link(round_path(r), f"{ctx.w('what_we_heard')}: {ctx.t(r.title)}", goal_anchor(goal))
                out.append(f'<p class="consultation-done">{esc(ctx.w("statements_on_goal"))} ({n}): {link}</p>')
    return "".join(out)


def answered_html(ctx: SiteContext, pull_request: int | None) -> str:
    """A change in the history: the statements whose response names its pull request, linked."""
    if not pull_request:
        return ""
    links = []
    for r in ctx.m.consultations:
        links += [ctx.link(round_path(r), f"{ctx.t(r.title)} {s.id}", anchor(r, s)) for s in r.answered(pull_request)]
    if not links:
        return ""
    return f'<p class="answers">{esc(ctx.w("answers_statements"))}: {", ".join(links)}</p>'

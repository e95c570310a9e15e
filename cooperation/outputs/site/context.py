"""The site context: one build's model, language and pages, and the helpers every page family writes with."""
from __future__ import annotations

import functools
import html

from cooperation.domain import ALL_MUNICIPALITIES, REGION
from cooperation.i18n import labels as L
from cooperation.model import (
    Agreement,
    Indicator,
    Text,
    approvals,
)
from cooperation.model import statements as S
from cooperation.model.approvals import Version, VersionState
from cooperation.model.late import Late, late
from cooperation.model.status import progress_in_words
from cooperation.outputs.site.html import (
    NO_SEARCH,
    TAG_PATTERN,
    Download,
    Page,
    entry_id,
    esc,
    keep_whole,
    markdown_html,
    relative_url,
    scroll_region,
    year_path,
)
from cooperation.outputs.site.memo import Memo
from cooperation.timeliness import today
from cooperation.workspace import Workspace


class SiteContext(L.InLanguage):
    """What every page family shares: the model and its version state, the language, the pages made so far, and the
    helpers that write words, links, tables and badges in the page's language."""

    def __init__(self, model: Agreement, lang: str, repo_url: str = "", branch: str = "main",
                 downloads: list[Download] | None = None, history=None, workspace: Workspace | None = None):
        self.m, self.lang = model, lang
        # renderings kept from the workspace's previous build (a preview rebuild): memo.py
        self.memo: Memo = (workspace or Workspace()).get("site.pages", Memo)
        self.repo_url, self.branch = repo_url.rstrip("/"), branch
        self.downloads = downloads or []
        self.history = history  # history.History, or None outside a git repository
        # which version holds, and who approved which text: derived once (cooperation.changes.versions)
        self.state: VersionState = model.version_state or approvals.without_history(model)
        self.pages: dict[str, Page] = {}
        self.assets: dict[str, bytes] = {}  # generated files other than pages: the charts
        self.actions_by_subarea = {s.id: [a for g in s.goals for a in g.actions] for s in model.subareas}
        self.current: Page | None = None
        self.measurement_files: dict[str, set[str]] = {}  # indicator id → the measurements/*.csv holding its values
        self.today = today()  # one date for the whole build
        self._lateness: dict[int, str | None] = {}  # id(action) → its lateness: asked on every page listing it
        self._action_items: dict[tuple[int, str], str] = {}  # (id(action), link) → its line in a party's list
        self._shown_from: dict[int, tuple] = {}  # id(indicator) → what its renderings are made from


    @functools.cached_property
    def all_actions(self) -> list:
        """The model's actions, listed once: every party's page goes through them."""
        return self.m.actions


    @functools.cached_property
    def all_indicators(self) -> list[Indicator]:
        return self.m.indicators


    @functools.cached_property
    def late_items(self) -> Late:
        """What is late by the build's date, derived once (cooperation.model.late): the late page, the home page
        and the party pages read it."""
        return late(self.m, self.today)


    @staticmethod
    def own_area(p) -> str:
        """Whose values are a party's own: a municipality's own; the county and the regional council serve the
        whole region."""
        return p.id if p.kind == "municipality" else REGION


    def indicator_path(self, i: Indicator) -> str:
        """The indicator's own page."""
        return f"mittarit/{i.id.lower()}.md"


    def et(self, text: Text | None) -> str:
        return esc(self.t(text))


    def md(self, text: Text | None, css: str = "md") -> str:
        if not text:
            return ""
        source = self.t(text)
        return f'<div class="{css}">\n{self.memo.get(("md", source), lambda: markdown_html(source))}\n</div>'


    def href(self, target: str, anchor: str = "") -> str:
        """Relative URL from the page being written to the page ``target`` (a source path)."""
        here = self.current.url if self.current else ""
        return relative_url(target, here) + (f"#{anchor}" if anchor else "")


    def link(self, target: str, text: str, anchor: str = "") -> str:
        return f'<a href="{esc(self.href(target, anchor))}">{esc(text)}</a>'


    def party_link(self, party_id: str) -> str:
        if party_id == ALL_MUNICIPALITIES:
            return esc(self.w("all_municipalities"))
        if party_id == REGION:
            return esc(self.w("region"))
        return self.link(f"osapuolet/{party_id}.md", self.t(self.m.party(party_id).name))


    def parties_html(self, refs: list[str]) -> str:
        return ", ".join(self.party_link(r) for r in refs)


    def table(self, head: list[str], rows: list[list[str]], caption: str, css: str = "", stack: bool = False,
              index_rows: bool = False, caption_html: str | None = None) -> str:
        """A table in a focusable scroll container, so it reads on a phone with a keyboard too.

        ``stack``: on a narrow screen each row becomes a card (extra.css), each cell headed by its
        column's name from ``data-label``. CSS display changes drop a table's semantics in some
        browsers, so the stacked table states its roles explicitly.
        Search indexes no data cell; ``index_rows``: the row headers (an item's id and name, one a
        line) are indexed, so the ids of actions and indicators are found."""
        skip = NO_SEARCH if index_rows else ""
        shown = esc(caption) if caption_html is None else caption_html  # the region keeps the plain caption
        if not stack:
            out = [scroll_region(caption, index_rows), f'<table class="{css}">', f"<caption{skip}>{shown}</caption>",
                   f"<thead{skip}><tr>"]
            out += [f'<th scope="col">{h}</th>' for h in head]
            out.append("</tr></thead><tbody>")
            for row in rows:
                out.append("<tr>" + "".join(f'<th scope="row">{c}</th>' if i == 0 else f"<td{skip}>{c}</td>"
                                            for i, c in enumerate(row)) + "</tr>")
            out.append("</tbody></table></div>")
            return keep_whole("\n".join(out))  # ids, names and ranges whole in every cell
        labels = [esc(" ".join(html.unescape(TAG_PATTERN.sub("", h)).split())) for h in head]
        out = [scroll_region(caption, index_rows), f'<table class="{" ".join(x for x in (css, "stack") if x)}" role="table">',
               f"<caption{skip}>{shown}</caption>", f'<thead role="rowgroup"{skip}><tr role="row">']
        out += [f'<th scope="col" role="columnheader">{h}</th>' for h in head]
        out.append('</tr></thead><tbody role="rowgroup">')
        for row in rows:
            out.append('<tr role="row">' + "".join(
                f'<th scope="row" role="rowheader">{c}</th>' if i == 0 else
                f'<td role="cell" data-label="{labels[i]}"{skip}>{c}</td>' for i, c in enumerate(row)) + "</tr>")
        out.append("</tbody></table></div>")
        return keep_whole("\n".join(out))


    def badge(self, kind: str, code: str, text: str) -> str:
        return f'<span class="badge {kind}-{esc(code)}">{esc(text)}</span>'


    def action_status(self, status: str) -> str:
        return self.badge("action", status, L.enum("action_status", status, self.lang))


    def indicator_badge(self, indicator: Indicator) -> str:
        code = indicator.status.code
        return self.badge("indicator", code, self.w("status_" + code))


    def progress_badge(self, indicator: Indicator, area: str) -> str:
        """One area's progress level (the rule is the same for every area)."""
        code = indicator.progress(area).code
        return self.badge("indicator", code, self.w("status_" + code))


    def value(self, indicator: Indicator, value: float | None) -> str:
        return esc(L.with_unit(value, indicator.unit, indicator.decimals, self.lang))


    def dated(self, indicator: Indicator, point: tuple[int, float] | None) -> str:
        return esc(L.dated_value(point, indicator.unit, indicator.decimals, self.lang))


    def edit_link(self, page: Page) -> str:
        if not page.edit or not self.repo_url:
            return ""
        url = f"{self.repo_url}/edit/{self.branch}/{page.edit}"
        return (f'<p class="edit-source">{esc(self.w("edit_on_github"))}: '
                f'<a href="{esc(url)}"><code>{esc(page.edit)}</code></a></p>')


    def edit_here(self, files: list[str], key: str) -> str:
        """Edit links for one section of a page, to the files its rows come from (the page's own file is linked at
        its end)."""
        if not files or not self.repo_url:
            return ""
        links = ", ".join(f'<a href="{esc(self.repo_url)}/edit/{esc(self.branch)}/{esc(f)}"><code>{esc(f)}</code></a>'
                          for f in files)
        return f'<p class="edit-here">{esc(self.w(key))}: {links}</p>'


    def add(self, page: Page) -> Page:
        self.pages[page.path] = page
        return page


    def start(self, path: str, title: str, edit: str | None = None) -> Page:
        self.current = self.add(Page(path, title, edit=edit))
        return self.current


    def title_lang_attr(self) -> str:
        """Change titles come from git in the repository's working language, the agreement's main one: marked so
        where the page's language differs (for screen readers, and so no Swedish page reads as Finnish)."""
        return f' lang="{self.m.main_language}"' if self.lang != self.m.main_language else ""


    def change_link(self, entry) -> str:
        link = self.link(year_path(entry.year), entry.change.title, entry_id(entry))
        return f"<span{self.title_lang_attr()}>{link}</span>" if self.title_lang_attr() else link


    def source_html(self, i: Indicator) -> str:
        if i.sotkanet:
            return (f'<a href="{esc(i.sotkanet_url(self.lang) or "")}">{esc(self.w("sotkanet").format(id=i.sotkanet))}</a>'
                    f'<br><small>{esc(self.citation(i))}</small>')
        name, url = self.t(i.source_name), i.source_url
        return f'<a href="{esc(url)}">{esc(name)}</a>' if url else esc(name)


    def citation(self, i: Indicator) -> str:
        when = L.date(self.m.version_date or self.m.validity[0], self.lang)
        return self.w("sotkanet_citation").format(title=self.t(i.name), id=i.sotkanet, date=when)


    def subarea_of(self, item_id: str) -> str:
        if not hasattr(self, "_subarea_of"):
            self._subarea_of = {x: s.id for s in self.m.subareas for g in s.goals
                                for x in [a.id for a in g.actions] + [i.id for i in g.indicators]}
        return self._subarea_of[item_id]


    def lateness(self, a) -> str | None:
        """``Action.lateness`` by the build's date, worked out once per action (keyed by identity: the site holds
        the model, so no id is reused while it builds)."""
        key = id(a)
        if key not in self._lateness:
            self._lateness[key] = a.lateness(self.today)
        return self._lateness[key]


    def overdue_flag(self, a) -> str:
        """A visible flag (not colour alone) on an action late by today's date."""
        late = self.lateness(a)
        if late is None:
            return ""
        when = L.partial_date(a.schedule_end if late == "past_end" else a.schedule_start, self.lang)
        return f'<br><span class="overdue">{esc(self.w("overdue_" + late).format(date=when))}</span>'


    def stale_flag(self, i: Indicator) -> str:
        if not i.stale(self.today):
            return ""
        return f'<p><span class="overdue">{esc(self.w("stale_indicator").format(year=i.newest_year))}</span></p>'


    def status_explanation(self, i: Indicator, area: str | None = None) -> str:
        """What the area's level is computed from, with the values: the model's words (the report says the same)."""
        return progress_in_words(i, area, self.lang, values=True)


    def pr_link(self, number: int | None) -> str:
        if not number:
            return ""
        text = f"{self.w('pull_request')} #{number}"
        return f' (<a href="{esc(self.repo_url)}/pull/{number}">{esc(text)}</a>)' if self.repo_url else f" ({esc(text)})"


    def approval_state(self, state: str) -> str:
        return self.badge("approval", state, S.state_word(state, self.lang))


    @staticmethod
    def version_anchor(v: Version) -> str:
        """A version's place on the approvals page: a decided-on version's fingerprint; the current text's stays
        the same as its text changes (a link to it keeps working, and the party pages linking to it need not
        change with every edit)."""
        return "current-proposal" if v.current else v.fingerprint[:12]


    def earlier_html(self, c) -> str:
        """'koski tekstiä 0.9, <code>c29f1290561d…</code>; käsiteltävä uudelleen': the text an approval was of."""
        if c.earlier is None:
            return ""
        short = S.version_short(c.earlier)
        fingerprint = c.earlier.fingerprint[:12] + "…"
        return esc(self.w("earlier_note").format(version=short)).replace(esc(fingerprint), f"<code>{esc(fingerprint)}</code>")

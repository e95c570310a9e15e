"""The pages residents read, generated from the model inside the MkDocs build (see site_hook.py).

Every text from data is escaped (plain fields) or rendered as Markdown and sanitised with nh3
(Markdown fields): a pull request can come from anyone, and nothing in YAML becomes markup.
Pages are Markdown with headings (for the table of contents and search) and HTML blocks.
"""
from __future__ import annotations

import datetime
import functools
import html
import json
import posixpath
import re
import urllib.parse
from dataclasses import dataclass, field

import markdown as markdown_lib
import nh3

from cooperation.changes.diff import Diff, field_line, item_label, summary, text_runs, untranslated_note
from cooperation.domain import ALL_MUNICIPALITIES, AMENDMENT, REGION
from cooperation.i18n import labels as L
from cooperation.i18n.labels import CLASS_HELP, CLASS_NAMES, MEASUREMENT_WORDS, month_name
from cooperation.i18n.labels import DIFF_WORDS as WORDS
from cooperation.model import (
    GOOD_LEVELS,
    PROGRESS_LEVELS,
    STATUS_TOLERANCE,
    Agreement,
    Indicator,
    Party,
    Subarea,
    Text,
    approvals,
)
from cooperation.model import statements as S
from cooperation.model.approvals import Version, VersionState
from cooperation.model.types import Decision
from cooperation.outputs.opendata import calendar_events
from cooperation.outputs.site import charts
from cooperation.outputs.site.memo import PAGES
from cooperation.schemas import partial_date_span
from cooperation.timeliness import today

ALLOWED_TAGS = {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "code", "pre", "blockquote",
                "table", "thead", "tbody", "tr", "th", "td", "hr", "del", "sup", "sub"}
_MD_ESCAPE = re.compile(r"([\\`*_{}\[\]()>#+\-.!|])")


def esc(text: str) -> str:
    return html.escape(text or "", quote=True)


def heading_text(text: str) -> str:
    """Text for a Markdown heading: HTML-escaped, Markdown characters backslash-escaped."""
    return _MD_ESCAPE.sub(r"\\\1", esc(" ".join((text or "").split())))


_MARKDOWN = markdown_lib.Markdown(extensions=["sane_lists"], output_format="html")


# One line of words and punctuation that Markdown and HTML give no meaning, opening with a letter (not a list's
# number): Markdown makes it one paragraph of itself and the sanitiser keeps it as it is. Most texts in the data
# are such; tests/test_site_pagegen.py checks the shortcut against the whole path.
_PLAIN = re.compile(r"[^\W\d_](?:[^\W_]|[ .,;:?!()'\"%/€–—-])*\Z")


def markdown_html(text: str) -> str:
    """Markdown from data → sanitised HTML: formatting and http(s)/mailto links, nothing else."""
    if _PLAIN.match(text or ""):
        return f"<p>{text}</p>"
    return _markdown_html(text)


def _markdown_html(text: str) -> str:
    rendered = _MARKDOWN.reset().convert(text or "")
    clean = nh3.clean(rendered, tags=ALLOWED_TAGS, attributes={"a": {"href", "title"}},
                      url_schemes={"http", "https", "mailto"}, link_rel="noopener noreferrer nofollow")
    return "\n".join(line for line in clean.splitlines() if line.strip())


@functools.lru_cache(maxsize=8192)
def _relative(target: str, here: str) -> str:
    target_url = Page(target, "").url
    rel = posixpath.relpath("/" + target_url, "/" + here) if target_url != here else "."
    return "./" if rel == "." else rel + "/"


def _iso_date(value: str) -> str:
    """'2026-03-02T10:00:00+02:00' (as git gives it) → '2.3.2026'."""
    try:
        return L.date(datetime.date.fromisoformat(value[:10]), "fi")
    except ValueError:
        return value


def _entry_id(entry) -> str:
    return f"muutos-{entry.change.commit[:10]}"


# characters outside XML 1.0's Char production: no escape can carry them, so they are left out
_XML_ILLEGAL = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

BLOCK_MARK = "cooperation-block-"
_BLOCK = re.compile(r"<!-- " + BLOCK_MARK + r"(\d+) -->")


def fill(html_text: str, blocks: list[str]) -> str:
    """Put a page's HTML blocks back in place of their placeholders."""
    return _BLOCK.sub(lambda m: blocks[int(m.group(1))], html_text)


# Material's search indexer leaves out any element with this attribute: data cells would index as runs of
# numbers ("Lähtötaso16,8 % (2024)Viimeisin…") and make every snippet useless
NO_SEARCH = " data-search-exclude"


def scroll_region(label: str, searchable: bool = True) -> str:
    """The opening of a focusable, labelled scroll container: a keyboard can scroll what overflows."""
    return (f'<div class="table-wrap" role="region" aria-label="{esc(label)}" tabindex="0"'
            f'{"" if searchable else NO_SEARCH}>')


# A Markdown table is a bare <table>; the generated ones always carry a class attribute
_HEADING_OR_TABLE = re.compile(r"<h[1-6]\b[^>]*>(.*?)</h[1-6]>|<table>(.*?)</table>", re.S)
_TAG = re.compile(r"<[^>]+>")


def wrap_tables(html_text: str, label: str) -> str:
    """Every Markdown table into the same scroll container as the generated tables, labelled by the
    nearest heading before it. Material's script wraps each ``table:not([class])`` in a scroll box
    that cannot be focused; given a class, the table is left alone. Whether a table overflows depends
    on fonts and screen width, so every table gets the container, not just the wide ones."""
    def replace(match: re.Match) -> str:
        nonlocal label
        if match.group(1) is not None:
            label = " ".join(html.unescape(_TAG.sub("", match.group(1))).split()) or label
            return match.group(0)
        return f'{scroll_region(label)}\n<table class="md-table stack" role="table">{stack_cells(match.group(2))}</table></div>'
    return _HEADING_OR_TABLE.sub(replace, html_text)


_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_CELL = re.compile(r"<t([hd])((?:\s[^>]*)?)>")


def stack_cells(table_html: str) -> str:
    """A Markdown table's rows as cards on a phone, as the generated tables (Site.table): each body cell labelled with
    its column's heading (data-label), the table roles stated for screen readers."""
    head, _, body = table_html.partition("</thead>")
    if not body:
        return table_html
    names = [" ".join(html.unescape(_TAG.sub("", cell)).split())
             for cell in re.findall(r"<th(?:\s[^>]*)?>(.*?)</th>", head, re.S)]

    def row(match: re.Match) -> str:
        cells = iter(names)
        return '<tr role="row">' + _CELL.sub(
            lambda c: f'<th{c.group(2)} role="columnheader">' if c.group(1) == "h" else
            f'<td{c.group(2)} role="cell" data-label="{esc(next(cells, ""))}">', match.group(1)) + "</tr>"
    return (_ROW.sub(row, head.replace("<thead>", '<thead role="rowgroup">')) + "</thead>"
            + _ROW.sub(row, body.replace("<tbody>", '<tbody role="rowgroup">')))


@functools.lru_cache(maxsize=8192)
def _page_url(path: str) -> str:
    """A page's address from its source path (asked for every link a page has)."""
    if path == "index.md":
        return ""
    if path.endswith("/index.md"):
        return path[: -len("index.md")]
    return path[: -len(".md")] + "/"


@dataclass
class Page:
    path: str  # source path, e.g. "osa-alueet/hyte.md"
    title: str
    body: list[str] = field(default_factory=list)
    edit: str | None = None  # the YAML file this page is generated from

    @property
    def url(self) -> str:
        return _page_url(self.path)

    def markdown(self) -> tuple[str, list[str]]:
        """The page as Markdown, and its HTML blocks.

        Headings stay Markdown (for the table of contents and search); each HTML block is left out
        as a placeholder comment and put back after Markdown (``fill``): Python-Markdown never parses
        the generated HTML, which is both faster and one less place for data to become markup.
        The theme prints the title into <title> through Jinja's striptags, which unescapes
        entities: a title from data must come escaped through page.meta, which it prints as is."""
        blocks: list[str] = []
        parts = []
        for part in self.body:
            if part.startswith("<"):
                parts.append(f"<!-- {BLOCK_MARK}{len(blocks)} -->")
                blocks.append(part)
            else:
                parts.append(part)
        front = f"---\ntitle: {json.dumps(esc(self.title), ensure_ascii=False)}\n---\n\n"
        return front + f"# {heading_text(self.title)}\n\n" + "\n\n".join(parts) + "\n", blocks

    def markdown_text(self) -> str:
        """The page with its HTML blocks in place (for reading and tests)."""
        text, blocks = self.markdown()
        return fill(text, blocks)


@dataclass(frozen=True)
class Download:
    """One file on the downloads page: its name beside the page, what it is (a key of labels.WORDS), its size
    (None: still being made, the size put in once it is: pending_size), its language when there is a file per
    language, and the registry's output name."""
    name: str
    description: str
    size: int | None
    lang: str | None = None
    output: str = ""


def size_text(size: int, lang: str) -> str:
    """A file's size as the downloads page prints it."""
    return esc(L.file_size(size, lang))


def pending_size(name: str, lang: str) -> str:
    """The size cell of a file still being made: found by its name and replaced when the file is there."""
    return f'<span class="pending" data-file="{esc(name)}">{esc(L.word("size_pending", lang))}</span>'


# the downloads residents want, in this order; every other file (open data, schemas, calendar) is for developers
FOR_RESIDENTS = ("pdf", "docx", "xlsx")
FORMATS = {".pdf": "PDF", ".docx": "Word", ".xlsx": "Excel", ".json": "JSON", ".csv": "CSV", ".ics": "iCalendar"}


class Site:
    def __init__(self, model: Agreement, lang: str, repo_url: str = "", branch: str = "main",
                 downloads: list[Download] | None = None, history=None):
        self.m, self.lang = model, lang
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

    @functools.cached_property
    def all_actions(self) -> list:
        """The model's actions, listed once: every party's page goes through them."""
        return self.m.actions

    @functools.cached_property
    def all_indicators(self) -> list[Indicator]:
        return self.m.indicators

    # --- words and helpers --------------------------------------------------------------------
    def w(self, key: str) -> str:
        return L.word(key, self.lang)

    def t(self, text: Text | None) -> str:
        return text.get(self.lang) if text else ""

    def et(self, text: Text | None) -> str:
        return esc(self.t(text))

    def md(self, text: Text | None, css: str = "md") -> str:
        if not text:
            return ""
        source = self.t(text)
        return f'<div class="{css}">\n{PAGES.get(("md", source), lambda: markdown_html(source))}\n</div>'

    def href(self, target: str, anchor: str = "") -> str:
        """Relative URL from the page being written to the page ``target`` (a source path)."""
        here = self.current.url if self.current else ""
        return _relative(target, here) + (f"#{anchor}" if anchor else "")

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
              index_rows: bool = False) -> str:
        """A table in a focusable scroll container, so it reads on a phone with a keyboard too.

        ``stack``: on a narrow screen each row becomes a card (extra.css), each cell headed by its
        column's name from ``data-label``. CSS display changes drop a table's semantics in some
        browsers, so the stacked table states its roles explicitly.
        Search indexes no data cell; ``index_rows``: the row headers (an item's id and name, one a
        line) are indexed, so the ids of actions and indicators are found."""
        skip = NO_SEARCH if index_rows else ""
        if not stack:
            out = [scroll_region(caption, index_rows), f'<table class="{css}">', f"<caption{skip}>{esc(caption)}</caption>",
                   f"<thead{skip}><tr>"]
            out += [f'<th scope="col">{h}</th>' for h in head]
            out.append("</tr></thead><tbody>")
            for row in rows:
                out.append("<tr>" + "".join(f'<th scope="row">{c}</th>' if i == 0 else f"<td{skip}>{c}</td>"
                                            for i, c in enumerate(row)) + "</tr>")
            out.append("</tbody></table></div>")
            return "\n".join(out)
        labels = [esc(" ".join(html.unescape(_TAG.sub("", h)).split())) for h in head]
        out = [scroll_region(caption, index_rows), f'<table class="{" ".join(x for x in (css, "stack") if x)}" role="table">',
               f"<caption{skip}>{esc(caption)}</caption>", f'<thead role="rowgroup"{skip}><tr role="row">']
        out += [f'<th scope="col" role="columnheader">{h}</th>' for h in head]
        out.append('</tr></thead><tbody role="rowgroup">')
        for row in rows:
            out.append('<tr role="row">' + "".join(
                f'<th scope="row" role="rowheader">{c}</th>' if i == 0 else
                f'<td role="cell" data-label="{labels[i]}"{skip}>{c}</td>' for i, c in enumerate(row)) + "</tr>")
        out.append("</tbody></table></div>")
        return "\n".join(out)

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

    # --- pages ---------------------------------------------------------------------------------
    def build(self) -> dict[str, Page]:
        PAGES.start()
        builders = [self.home, self.subarea_index, self.party_index, self.matrix, self.indicators, self.forums,
                    self.legal, self.rules, self.annexes, self.opendata, self.accessibility]
        for builder in builders:
            builder()
        self.history_pages()
        self.approvals_page()
        for subarea in self.m.subareas:
            self.subarea(subarea)
        for party in self.m.parties:
            self.party(party)
        for page in self.pages.values():
            edit = self.edit_link(page)
            if edit:
                page.body.append(edit)
        return self.pages

    def start(self, path: str, title: str, edit: str | None = None) -> Page:
        self.current = self.add(Page(path, title, edit=edit))
        return self.current

    def home(self) -> None:
        m, lang = self.m, self.lang
        page = self.start("index.md", self.t(m.short_title), "agreement/agreement.yaml")
        page.body.append(f'<p class="lead">{self.et(m.title)}</p>')
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
        page.body.append(f'<dl class="facts"{NO_SEARCH}>' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts) + "</dl>")
        page.body.append(self.approval_summary_html())
        page.body.append(f"## {heading_text(self.w('key_figures'))}")
        figures = [(len(m.subareas), self.w("n_subareas"), "osa-alueet/index.md"),
                   (len(m.goals), self.w("n_goals"), "osa-alueet/index.md"),
                   (len(m.actions), self.w("n_actions"), "vastuumatriisi.md"),
                   (len(m.indicators), self.w("n_indicators"), "mittarit.md"),
                   (len(m.parties), self.w("n_parties"), "osapuolet/index.md")]
        page.body.append('<ul class="figures">' + "".join(
            f'<li><a href="{esc(self.href(target))}"><strong>{esc(str(n))}</strong> <span>{esc(text)}</span></a></li>'
            for n, text, target in figures) + "</ul>")
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

    def short_fingerprint(self) -> str:
        """The fingerprint's first characters and what it is for, in plain words; the whole one is on the
        downloads page."""
        before, _, after = self.w("fingerprint_explained").partition("{link}")
        # not <small>: the theme dims it (opacity), and a link in it falls below 4.5:1 contrast
        return (f'<code>{esc(self.m.fingerprint[:12])}…</code><br><span class="fine-print">{esc(before)}'
                f"{self.link('lataukset/index.md', self.w('downloads'), 'fingerprint')}{esc(after)}</span>")

    def title_lang_attr(self) -> str:
        """Change titles come from git in the repository's working language, the agreement's main one: marked so
        where the page's language differs (for screen readers, and so no Swedish page reads as Finnish)."""
        return f' lang="{self.m.main_language}"' if self.lang != self.m.main_language else ""

    def change_link(self, entry) -> str:
        link = self.link("historia/index.md", entry.change.title, _entry_id(entry))
        return f"<span{self.title_lang_attr()}>{link}</span>" if self.title_lang_attr() else link

    def last_change(self) -> str:
        """The newest merged change to the data, when the data is in a git repository."""
        if self.history is not None and self.history.entries:
            entry = self.history.entries[0]
            return (f"{esc(_iso_date(entry.change.date))}: {esc(summary(entry.diff, self.lang))} "
                    f"({self.change_link(entry)}, "
                    f"{esc(CLASS_NAMES[entry.diff.change_class][self.lang])})")
        stamp = self.t(self.m.stamp)
        return esc(f"{self.w('version')} {self.m.version}" + (f" – {stamp}" if stamp else ""))

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

    def source_html(self, i: Indicator) -> str:
        if i.sotkanet:
            return (f'<a href="{esc(i.sotkanet_url(self.lang) or "")}">{esc(self.w("sotkanet").format(id=i.sotkanet))}</a>'
                    f'<br><small>{esc(self.citation(i))}</small>')
        name, url = self.t(i.source_name), i.source_url
        return f'<a href="{esc(url)}">{esc(name)}</a>' if url else esc(name)

    def citation(self, i: Indicator) -> str:
        when = L.date(self.m.version_date or self.m.validity[0], self.lang)
        return self.w("sotkanet_citation").format(title=self.t(i.name), id=i.sotkanet, date=when)

    def own_area(self, p: Party) -> str:
        """Whose values are the party's own: a municipality's own; the county and the regional council serve the
        whole region."""
        return p.id if p.kind == "municipality" else REGION

    def subarea_of(self, item_id: str) -> str:
        if not hasattr(self, "_subarea_of"):
            self._subarea_of = {x: s.id for s in self.m.subareas for g in s.goals
                                for x in [a.id for a in g.actions] + [i.id for i in g.indicators]}
        return self._subarea_of[item_id]

    def party_summary(self, p: Party, actions: list, leads: list, own: list) -> str:
        """'Johtaa 1, mukana 36, 1 viivästynyt' – then its indicators by progress level."""
        parts = [self.w("leads_n").format(n=len(leads)), self.w("takes_part_n").format(n=len(actions) - len(leads))]
        delayed = sum(1 for a in actions if a.status == "delayed")
        if delayed:
            parts.append(f"{delayed} {L.enum('action_status', 'delayed', self.lang)}")
        late = sum(1 for a in actions if self.lateness(a))
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

    def last_updated(self, s: Subarea) -> str:
        """The date of the newest merged change to the sub-area's items, from git; empty outside a repository."""
        if self.history is None:
            return ""
        ids = {s.id} | {g.id for g in s.goals} | {a.id for g in s.goals for a in g.actions} | \
              {i.id for g in s.goals for i in g.indicators}
        touched = self.history.for_items(ids)
        return esc(_iso_date(touched[0][0].change.date)) if touched else ""

    def status_history(self, a) -> str:
        """The dated status updates, newest first, behind a disclosure that keyboards and screen readers open."""
        if not a.status_history:
            return ""
        items = "".join(
            f"<li>{esc(L.date(u.date, self.lang))}: {esc(L.enum('action_status', u.status, self.lang))}"
            + (f" – {self.et(u.note)}" if u.note else "") + "</li>" for u in reversed(a.status_history))
        return (f'<details class="status-history"><summary>{esc(self.w("status_history"))} '
                f'({len(a.status_history)})</summary><ul>{items}</ul></details>')

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
        s = i.progress(area) if area else i.status
        if s.code == "insufficient_data" or s.latest is None or s.base is None:
            return self.w("explain_insufficient")
        latest = L.dated_value((s.latest.year, s.latest.value), i.unit, i.decimals, self.lang)
        base = L.dated_value(s.base, i.unit, i.decimals, self.lang)
        if s.method == "keep":
            return self.w("explain_keep").format(latest=latest, tolerance=int(STATUS_TOLERANCE * 100))
        if s.code == "achieved":
            return self.w("explain_achieved").format(latest=latest)
        if s.ratio is not None:
            return self.w("explain_progress").format(latest=latest, base=base,
                                                      ratio=L.number(s.ratio * 100, 0, self.lang))
        return self.w("explain_trend").format(latest=latest, base=base)

    def party_index(self) -> None:
        page = self.start("osapuolet/index.md", self.w("parties"), "agreement/parties.yaml")
        rows = []
        for p in self.m.parties:
            lead = sum(1 for a in self.all_actions if a.lead == p.id)
            part = sum(1 for a in self.all_actions if p.id in a.responsible_set)
            # its decision on the text now in the files, from the version state (an earlier text's approval says so)
            cell = self.state.cell(p, self.state.current)
            decided = esc(S.cell_text(cell, self.lang)) if cell.decision is not None else "–"
            rows.append([f"{p.number}. " + self.party_link(p.id), esc(L.enum("party_kind", p.kind, self.lang)),
                         esc(p.business_id_shown), str(part), str(lead), decided])
        page.body.append(self.table([self.w("party"), self.w("kind"), self.w("business_id"), self.w("n_actions"),
                                     self.w("as_lead"), self.w("decision_on_current")], rows, self.w("parties"), stack=True))

    def party(self, p: Party) -> None:
        """What a resident asks first: what does this party commit to, and is it on track? A summary, what it
        leads, its indicators (its own values beside the region's), then every action it takes part in."""
        lang = self.lang
        page = self.start(f"osapuolet/{p.id}.md", self.t(p.name), "agreement/parties.yaml")
        page.body.append(f'<p class="meta">{p.number}. {esc(L.enum("party_kind", p.kind, lang))} · '
                         f'{esc(self.w("business_id"))} {esc(p.business_id_shown)}</p>')
        actions = [a for a in self.all_actions if p.id in a.responsible_set]
        leads = [a for a in actions if a.lead == p.id]
        own = [i for i in self.all_indicators if i.series(self.own_area(p))]
        page.body.append(f'<p class="party-summary">{esc(self.party_summary(p, actions, leads, own))}</p>')
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
                row = [self.link(f"osa-alueet/{self.subarea_of(i.id)}.md", f"{i.id} {self.t(i.name)}", i.id.lower()),
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
        # the hint is for screens: a printout has every column (extra.css)
        page.body.append(f"<p>{esc(self.w('matrix_help'))} <span class=\"scroll-hint\">{esc(self.w('scroll_hint'))}</span></p>")
        head = [self.w("party")] + [f'<abbr title="{self.et(s.title)}">{esc(s.code or s.number)}</abbr>'
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
                    if lead:
                        cell += f' <span class="lead-count">({lead} {esc(self.w("lead_abbr"))})</span>'
                    row.append(cell)
            rows.append(row)
        # on a phone each party becomes a card of its sub-areas' counts side by side (extra.css): no sideways scrolling
        page.body.append(self.table(head, rows, self.w("matrix"), "matrix compact", stack=True))
        page.body.append("<ul>" + "".join(f"<li><strong>{esc(s.code or s.number)}</strong>: "
                                          f"{self.link(f'osa-alueet/{s.id}.md', self.t(s.title))}</li>"
                                          for s in self.m.subareas) + "</ul>")

    def indicators(self) -> None:
        page = self.start("mittarit.md", self.w("indicators"))
        page.body.append(f"## {heading_text(self.w('status_rule_heading'))}")
        page.body.append(f"<p>{esc(self.w('status_rule').format(tolerance=int(STATUS_TOLERANCE * 100)))}</p>")
        for s in self.m.subareas:
            indicators = [i for g in s.goals for i in g.indicators]
            if not indicators:
                continue
            page.body.append(f"## {heading_text(f'{s.number} {self.t(s.title)}')}")
            rows = [[self.link(f"osa-alueet/{s.id}.md", f"{i.id} {self.t(i.name)}", i.id.lower()),
                     self.dated(i, i.baseline),
                     self.dated(i, (i.status.latest.year, i.status.latest.value) if i.status.latest else None),
                     self.dated(i, i.target),
                     self.indicator_badge(i), self.source_html(i)] for i in indicators]
            page.body.append(self.table([self.w("indicator"), self.w("baseline"), self.w("latest"), self.w("target"),
                                         self.w("status"), self.w("source")], rows, self.t(s.title), stack=True, index_rows=True))
            page.body.append(self.edit_here(sorted({f for i in indicators for f in self.measurement_files.get(i.id, ())}),
                                            "edit_values") + self.edit_here([s.file], "edit_indicators"))
        self.removed_indicators(page)

    def removed_indicators(self, page: Page) -> None:
        """Indicators an amendment removed: their recorded values stay as their history, said to be such."""
        removed = self.m.removed_indicators
        if not removed:
            return
        page.body.append(f"## {heading_text(self.w('removed_indicators'))} {{#poistetut}}")
        page.body.append(f"<p>{esc(self.w('removed_indicators_help'))}</p>")
        for r in removed:
            page.body.append(f"### {heading_text(f'{r.id} {self.t(r.name)}')}")
            page.body.append(f'<p class="meta">{esc(self.w("removed_in").format(version=r.removed_in or "?", date=L.date(datetime.date.fromisoformat(r.removed_on), self.lang)))}</p>')
            rows = [[self.party_link(m.area), esc(str(m.year)), esc(L.with_unit(m.value, r.unit, r.decimals, self.lang))]
                    for m in r.measurements]
            page.body.append(self.table([self.w("area"), self.w("year_column"), self.w("value_column")], rows,
                                        f"{r.id} {self.t(r.name)}", stack=True))

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
            page.body.append(f'<dl class="facts"{NO_SEARCH}>' + "".join(f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in facts) + "</dl>")
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
        page.body.append(f'<p><a href="{esc(self.href("lataukset/index.md"))}vuosikello-{self.lang}.ics" '
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

    # --- negotiation history -----------------------------------------------------------------
    def pr_link(self, number: int | None) -> str:
        if not number:
            return ""
        text = f"{self.w('pull_request')} #{number}"
        return f' (<a href="{esc(self.repo_url)}/pull/{number}">{esc(text)}</a>)' if self.repo_url else f" ({esc(text)})"

    def change_list(self, touched) -> str:
        out = ["<ul>"]
        for entry, items in touched:
            lines = [field_line(item, f, self.lang, entry.diff.main_language) for item in items for f in item.fields] \
                or [f"{WORDS[item.change][self.lang]}: {item_label(item, self.lang, entry.diff.main_language)}" for item in items]
            # what changed in these items first, in the page's language; the pull request's title after it
            mine = Diff(items, {}, entry.diff.fingerprint_old, entry.diff.fingerprint_new, entry.diff.main_language)
            out.append(f"<li>{esc(_iso_date(entry.change.date))} {esc(summary(mine, self.lang))} "
                       f"({self.change_link(entry)}"
                       f"{self.pr_link(entry.change.pull_request)})<ul>"
                       + "".join(f"<li>{esc(line)}</li>" for line in lines) + "</ul></li>")
        out.append("</ul>")
        return "".join(out)

    def diff_html(self, diff, limit: int = 40) -> str:
        main = diff.main_language
        lines = []  # (HTML, class)
        for item in diff.items:
            if item.change == "changed":
                lines += [(self.field_change_html(item, f, main), f.kind) for f in item.fields]
            else:
                lines.append((esc(f"{WORDS[item.change][self.lang]}: {item_label(item, self.lang, main)}"), item.change_class))
        if any(diff.measurements.values()):
            lines.append((esc(f"{WORDS['measurements'][self.lang]}: " + MEASUREMENT_WORDS[self.lang].format(**diff.measurements)),
                          "monitoring"))
        shown = lines[:limit]
        out = "<ul>" + "".join(f'<li>{text} {self.badge("change", kind, CLASS_NAMES[kind][self.lang])}</li>'
                               for text, kind in shown) + "</ul>"
        if len(lines) > limit:  # the rest one click away, not dropped
            out += (f"<details><summary>{esc(self.w('more_changes').format(n=len(lines) - limit))}</summary><ul>"
                    + "".join(f'<li>{text} {self.badge("change", kind, CLASS_NAMES[kind][self.lang])}</li>'
                              for text, kind in lines[limit:]) + "</ul></details>")
        return out

    def field_change_html(self, item, f, main: str) -> str:
        """A changed field; a text as an inline word diff (old words struck, new ones marked), all escaped."""
        if not f.text:
            return esc(field_line(item, f, self.lang, main))
        tags = {"=": ("", ""), "-": ("<del>", "</del>"), "+": ("<ins>", "</ins>")}
        runs = "".join(f"{tags[op][0]}{esc(text)}{tags[op][1]}" for op, text in text_runs(f, self.lang, main))
        out = f'{esc(item_label(item, self.lang, main))} – {esc(f.titles.get(self.lang, f.path).lower())}: <span class="word-diff">{runs}</span>'
        if f.untranslated:
            out += f' <strong class="untranslated">⚠ {esc(untranslated_note(f, self.lang))}</strong>'
        return out

    def history_pages(self) -> None:
        from cooperation.changes.history import History
        h, lang = self.history or History(), self.lang
        page = self.start("historia/index.md", self.w("history"))
        page.body.append(f"<p>{esc(self.w('history_help'))}</p>")
        page.body.append(self.in_force_html())
        page.body.append(f'<p><a href="{esc(self.href("historia/index.md"))}muutokset-{lang}.xml">{esc(self.w("feed"))}</a></p>')
        if not h.entries:
            page.body.append(f"<p>{esc(self.w('no_history'))}</p>")
        for entry in h.entries:
            cls = entry.diff.change_class or AMENDMENT  # history keeps only entries with a class
            # headed by what changed, in the page's language; the pull request's title follows
            page.body.append(f"## {heading_text(_iso_date(entry.change.date) + ' ' + summary(entry.diff, lang))} {{#{_entry_id(entry)}}}")
            fingerprint = (f"{self.w('fingerprint')}: <code>{esc(entry.diff.fingerprint_old[:16])}…</code> → "
                           f"<code>{esc(entry.diff.fingerprint_new[:16])}…</code>" if entry.diff.fingerprint_changes else "")
            page.body.append(f'<p>{self.badge("change", cls, CLASS_NAMES[cls][lang])} — {esc(CLASS_HELP[cls][lang])}'
                             f"{self.pr_link(entry.change.pull_request)}<br><span{self.title_lang_attr()}>{esc(entry.change.title)}</span>"
                             f"<br> <small>{fingerprint}</small></p>")
            page.body.append(self.diff_html(entry.diff))
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
                     esc(S.version_status(v, self.state, lang)), f"<code>{esc(v.fingerprint)}</code>"] for v in signed]
            page.body.append(self.table([self.w("version"), self.w("version_date"), self.w("status"), self.w("fingerprint")],
                                        rows, self.w("signed_versions"), stack=True))
        else:
            page.body.append(f"<p>{esc(self.w('no_signed_version'))}</p>")

    def in_force_html(self) -> str:
        """Which version is in force, from the version state: the same sentence on every page that says it."""
        version = self.state.in_force
        if version is None:
            return f"<p><strong>{esc(self.w('no_signed_version'))}</strong></p>"
        return (f"<p><strong>{esc(self.w('in_force_version'))}: {esc(S.version_title(version, self.state, self.lang))}"
                f"</strong> – {esc(S.version_status(version, self.state, self.lang))}, "
                f"{esc(self.w('fingerprint'))} <code>{esc(version.fingerprint)}</code></p>")

    def atom_feed(self, h) -> bytes:
        from xml.sax.saxutils import escape

        def xml_escape(text: str) -> str:  # commit messages may hold characters XML 1.0 cannot carry
            return escape(_XML_ILLEGAL.sub("", text))
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
            text = entry.change.title + "\n\n" + text  # the pull request's title, after the summary
            out += ["<entry>", f"<title>{xml_escape(summary(entry.diff, lang))} ({xml_escape(cls)})</title>",
                    f"<id>urn:agreement:{xml_escape(self.m.id)}:{entry.change.commit}</id>",
                    f"<updated>{xml_escape(entry.change.date)}</updated>",
                    f'<link href="index.html#{_entry_id(entry)}"/>',
                    f'<content type="text">{xml_escape(text)}</content>', "</entry>"]
        out.append("</feed>")
        return ("\n".join(out) + "\n").encode("utf-8")

    # --- versions and approvals -----------------------------------------------------------------
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

    def approval_state(self, state: str) -> str:
        return self.badge("approval", state, S.state_word(state, self.lang))

    @staticmethod
    def version_anchor(v: Version) -> str:
        """A version's place on the approvals page: a decided-on version's fingerprint; the current text's stays
        the same as its text changes (a link to it keeps working, and the party pages linking to it need not
        change with every edit)."""
        return "current-proposal" if v.current else v.fingerprint[:12]

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
            again = [pid for pid in state.signing if state.cell(pid, proposal).state == approvals.EARLIER]
            text = S.version_status(proposal, state, lang)
            if again:
                text += ". " + self.w("earlier_approvals").format(n=len(again))
            items.append(f"<dt>{esc(S.version_title(proposal, state, lang))}</dt><dd><a href=\"{esc(link)}\">"
                         f"{esc(text)}</a></dd>")
        return f'<dl class="facts approvals-summary"{NO_SEARCH}>' + "".join(items) + "</dl>"

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
                             f"{esc(self.w('fingerprint'))} <code>{esc(v.fingerprint)}</code>"
                             + (f"<br>{esc(self.w('version_date'))} {esc(L.partial_date(v.date, lang))}" if v.date else "")
                             + "</p>")
            rows = []
            for p in parties:
                c = state.cell(p, v)
                if not p.signs and c.decision is None:
                    continue
                cells = self.decision_cells(c.decision)
                if c.state == approvals.EARLIER:  # whose decision, and on which text
                    cells[-1] = self.earlier_html(c)
                rows.append([f"{p.number}. " + self.party_link(p.id), self.approval_state(c.state)] + cells)
            page.body.append(self.table([self.w("party"), self.w("outcome"), self.w("body"), self.w("date"),
                                         self.w("minute_section"), self.w("note")], rows,
                                        f"{self.w('approvals')}: {title}", stack=True))

    def earlier_html(self, c) -> str:
        """'koski tekstiä 0.9, <code>c29f1290561d…</code>; käsiteltävä uudelleen': the text an approval was of."""
        if c.earlier is None:
            return ""
        short = S.version_short(c.earlier)
        fingerprint = c.earlier.fingerprint[:12] + "…"
        return esc(self.w("earlier_note").format(version=short)).replace(esc(fingerprint), f"<code>{esc(fingerprint)}</code>")

    def party_approvals_html(self, p: Party) -> str:
        """The party page's own approvals, one line per version."""
        state = self.state
        items = []
        for v in state.shown():
            c = state.cell(p, v)
            when = f", {esc(L.partial_date(c.decision.date, self.lang))}" if c.decision and c.decision.date else ""
            if c.state == approvals.EARLIER:
                when += f" ({self.earlier_html(c)})"
            items.append(f"<li>{self.link('historia/hyvaksynnat.md', S.version_title(v, state, self.lang), self.version_anchor(v))}: "
                         f"{self.approval_state(c.state)}{when}</li>")
        return f"### {heading_text(self.w('my_approvals'))}\n<ul>" + "".join(items) + "</ul>"

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
                facts.append((self.w("link"), f'<a href="{esc(a.url)}">{esc(a.url)}</a>'))
            page.body.append(f'<dl class="facts"{NO_SEARCH}>' + "".join(f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in facts) + "</dl>")
            page.body.append(self.md(a.description))

    def opendata(self) -> None:
        page = self.start("lataukset/index.md", self.w("downloads"))
        page.body.append(f"<p>{esc(self.w('downloads_help'))}</p>")
        # the page's own language first among the files per language; otherwise the registry's order
        files = sorted(self.downloads, key=lambda d: d.lang not in (None, self.lang))
        residents = sorted((d for d in files if d.output in FOR_RESIDENTS), key=lambda d: FOR_RESIDENTS.index(d.output))
        developers = [d for d in files if d.output not in FOR_RESIDENTS and not d.name.startswith("schema/")]
        schemas = [d for d in files if d.output not in FOR_RESIDENTS and d.name.startswith("schema/")]
        head = [self.w("file"), self.w("description"), self.w("size")]
        for key, group in (("dl_for_residents", residents), ("dl_for_developers", developers)):
            rows = [[f'<a href="{esc(d.name)}">{esc(d.name)}</a>', esc(self.download_description(d)),
                     pending_size(d.name, self.lang) if d.size is None else size_text(d.size, self.lang)]
                    for d in group]
            if key == "dl_for_developers" and schemas:
                # one row for the schemas: a list of eight rows would crowd out the rest
                rows.append(["<br>".join(f'<a href="{esc(d.name)}">{esc(posixpath.basename(d.name))}</a>' for d in schemas),
                             esc(f"{self.w('dl_schema')} (JSON)"),
                             size_text(sum(d.size or 0 for d in schemas), self.lang)])
            if rows:
                page.body.append(f"## {heading_text(self.w(key))}")
                page.body.append(self.table(head, rows, self.w(key)))
        page.body.append(f'<p id="fingerprint">{esc(self.w("fingerprint"))}: <code>{esc(self.m.fingerprint)}</code><br>'
                         f'<span class="fine-print">{esc(self.w("fingerprint_help"))}</span></p>')

    def download_description(self, d: Download) -> str:
        """What the file is, its format and (a file per language) its language: "Avtalet för underskrift (Word, på
        svenska)"."""
        details = [FORMATS.get(posixpath.splitext(d.name)[1], "")]
        if d.lang:
            details.append(self.w(f"in_lang_{d.lang}") if f"in_lang_{d.lang}" in L.WORDS else d.lang)
        details = [x for x in details if x]
        return self.w(d.description) + (f" ({', '.join(details)})" if details else "")

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
                    for text, criterion in a.known_problems] + [esc(self.w("a11y_word_documents"))]
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


def short_month(month: int, lang: str) -> str:
    """'maaliskuu' → 'maalis' (the Finnish short form), 'mars' → 'mar'."""
    name = month_name(month, lang)
    return name[:-3] if lang == "fi" and name.endswith("kuu") else name[:3]


def page_nav(site: Site) -> list:
    """MkDocs navigation: titles in the page's language, sub-areas and parties as sections.

    Theme templates print navigation titles as they are (no autoescape): they are escaped here."""
    generated = site.pages

    def w(key: str) -> str:
        return esc(site.w(key))

    pages = {path: Page(path, esc(page.title)) for path, page in generated.items()}
    return [
        {w("home"): "index.md"},
        {w("subareas"): ["osa-alueet/index.md"] + [{pages[f"osa-alueet/{s.id}.md"].title: f"osa-alueet/{s.id}.md"}
                                                   for s in site.m.subareas]},
        {w("parties"): ["osapuolet/index.md"] + [{pages[f"osapuolet/{p.id}.md"].title: f"osapuolet/{p.id}.md"}
                                                 for p in site.m.parties]},
        {w("matrix"): "vastuumatriisi.md"},
        {w("indicators"): "mittarit.md"},
        {w("forums_and_cycle"): "foorumit.md"},
        {w("agreement"): [{w("legal_basis"): "saadosperusta.md"}, {w("rules_page"): "pelisaannot.md"},
                          {w("annexes"): "liitesopimukset.md"}]},
        {w("open_data"): [{w("downloads"): "lataukset/index.md"}, {w("data_format"): "tietomuoto.md"}]},
        {w("history"): [{w("history"): "historia/index.md"},
                        {w("changes_since_signed"): "historia/allekirjoitetun-jalkeen.md"},
                        {w("signed_versions"): "historia/versiot.md"},
                        {w("approvals"): "historia/hyvaksynnat.md"}]},
        {w("editor_guide"): "ohje.md"},
        {w("accessibility"): "saavutettavuus.md"},
    ]

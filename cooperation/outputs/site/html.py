"""HTML and Markdown for the site's pages: escaping, sanitised Markdown from data, tables that become cards on a
phone, and the generated page itself (Page). Every text from data is escaped (plain fields) or rendered as Markdown
and sanitised with nh3 (Markdown fields): a pull request can come from anyone, and nothing in YAML becomes markup."""
from __future__ import annotations

import datetime
import functools
import html
import json
import posixpath
import re
from dataclasses import dataclass, field

import markdown as markdown_lib
import nh3

from cooperation.i18n import labels as L
from cooperation.i18n.labels import month_name

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
    return markdown_whole(text)


def markdown_whole(text: str) -> str:
    rendered = _MARKDOWN.reset().convert(text or "")
    clean = nh3.clean(rendered, tags=ALLOWED_TAGS, attributes={"a": {"href", "title"}},
                      url_schemes={"http", "https", "mailto"}, link_rel="noopener noreferrer nofollow")
    return "\n".join(line for line in clean.splitlines() if line.strip())


# a region's own pages (overrides/<lang>/*.md): headings, images and the table of contents' anchors too
PAGE_TAGS = ALLOWED_TAGS | {"h1", "h2", "h3", "h4", "h5", "h6", "img", "div", "span"}


def page_html(html_text: str) -> str:
    """A region's own page as MkDocs rendered it, sanitised as the data's Markdown is: no script, no handler, no
    style, links and images only to http(s), mailto or the site's own relative addresses."""
    return nh3.clean(html_text, tags=PAGE_TAGS,
                     attributes={"a": {"href", "title"}, "img": {"src", "alt", "title", "width", "height"},
                                 "h1": {"id"}, "h2": {"id"}, "h3": {"id"}, "h4": {"id"}, "h5": {"id"}, "h6": {"id"}},
                     url_schemes={"http", "https", "mailto"}, link_rel="noopener noreferrer nofollow")


@functools.lru_cache(maxsize=8192)
def relative_url(target: str, here: str) -> str:
    target_url = Page(target, "").url
    rel = posixpath.relpath("/" + target_url, "/" + here) if target_url != here else "."
    return "./" if rel == "." else rel + "/"


def iso_date(value: str) -> str:
    """'2026-03-02T10:00:00+02:00' (as git gives it) → '2.3.2026'."""
    try:
        return L.date(datetime.date.fromisoformat(value[:10]), "fi")
    except ValueError:
        return value


def entry_id(entry) -> str:
    return f"muutos-{entry.change.commit[:10]}"


def year_path(year: int) -> str:
    """The page holding every change of ``year`` (where links to a change point: its place in the record)."""
    return f"historia/{year}.md"


# characters outside XML 1.0's Char production: no escape can carry them, so they are left out
XML_ILLEGAL = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


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


TAG_PATTERN = re.compile(r"<[^>]+>")


# A word joined by a hyphen, a dash or a slash ("HYTE-1-M1", "2026–2028", "1/2026–12/2026", "25–64-vuotiaista",
# "sote-keskus"): browsers may break a line after the joint, which in a narrow table column splits an id or a
# range in two. Kept on one line (class "nw"), unless it is long enough to be a web address or a file path, which
# must still fit a phone's card.
_JOINED = re.compile(r"[^\s<>]*(?:\w[-–/‐]|[-–/‐]\w)[^\s<>]*")
KEEP_MAX = 32


def _nowrap(match: re.Match) -> str:
    word = match.group(0)
    if len(word) > KEEP_MAX or "://" in word or len(word) < 3:
        return word
    return f'<span class="nw">{word}</span>'


# a text between two tags (or the ends) that holds a joint: only these are looked at word by word
_TEXT_WITH_JOINT = re.compile(r">([^<>]*[-–/‐][^<>]*)(?=<)")


def keep_whole(html_text: str) -> str:
    """The HTML with each joined word of its text (not its tags or attributes) kept on one line."""
    if not any(c in html_text for c in "-–/‐"):
        return html_text
    marked = _TEXT_WITH_JOINT.sub(lambda m: ">" + _JOINED.sub(_nowrap, m.group(1)), f">{html_text}<")
    return marked[1:-1]


def fingerprint_code(fingerprint: str) -> str:
    """A whole fingerprint: 64 characters are wider than a phone, so it may break between groups of eight (<wbr>,
    nothing added to what is copied), never inside one."""
    groups = [esc(fingerprint[i:i + 8]) for i in range(0, len(fingerprint), 8)]
    return f'<code class="fingerprint">{"<wbr>".join(groups)}</code>'


def facts_list(facts: list[tuple[str, str]], css: str = "facts", escape_terms: bool = True) -> str:
    """A definition list of facts (term, HTML value), the values' joined words kept whole; not searched."""
    return (f'<dl class="{css}"{NO_SEARCH}>' + "".join(
        f"<dt>{esc(k) if escape_terms else k}</dt><dd>{keep_whole(v)}</dd>" for k, v in facts) + "</dl>")


def wrap_tables(html_text: str, label: str) -> str:
    """Every Markdown table into the same scroll container as the generated tables, labelled by the
    nearest heading before it. Material's script wraps each ``table:not([class])`` in a scroll box
    that cannot be focused; given a class, the table is left alone. Whether a table overflows depends
    on fonts and screen width, so every table gets the container, not just the wide ones."""
    def replace(match: re.Match) -> str:
        nonlocal label
        if match.group(1) is not None:
            label = " ".join(html.unescape(TAG_PATTERN.sub("", match.group(1))).split()) or label
            return match.group(0)
        return (f'{scroll_region(label)}\n<table class="md-table stack" role="table">{keep_whole(stack_cells(match.group(2)))}'
                "</table></div>")
    return _HEADING_OR_TABLE.sub(replace, html_text)


_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)


_CELL = re.compile(r"<t([hd])((?:\s[^>]*)?)>")


def stack_cells(table_html: str) -> str:
    """A Markdown table's rows as cards on a phone, as the generated tables (Site.table): each body cell labelled with
    its column's heading (data-label), the table roles stated for screen readers."""
    head, _, body = table_html.partition("</thead>")
    if not body:
        return table_html
    names = [" ".join(html.unescape(TAG_PATTERN.sub("", cell)).split())
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
    hide: tuple[str, ...] = ()  # the theme's sidebars left out ("toc"): room for a wide table
    boost: float | None = None  # the search's weight of the page (Material's search.boost)

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
        meta = [f"title: {json.dumps(esc(self.title), ensure_ascii=False)}"]
        if self.hide:
            meta.append("hide:\n" + "".join(f"  - {name}\n" for name in self.hide).rstrip("\n"))
        if self.boost is not None:
            meta.append(f"search:\n  boost: {self.boost}")
        front = "---\n" + "\n".join(meta) + "\n---\n\n"
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
    detail: str = ""  # a record document's year or version, after its description


def size_text(size: int, lang: str) -> str:
    """A file's size as the downloads page prints it."""
    return esc(L.file_size(size, lang))


def pending_size(name: str, lang: str) -> str:
    """The size cell of a file still being made: found by its name and replaced when the file is there."""
    return f'<span class="pending" data-file="{esc(name)}">{esc(L.word("size_pending", lang))}</span>'


def short_month(month: int, lang: str) -> str:
    """'maaliskuu' → 'maalis' (the Finnish short form), 'mars' → 'mar'."""
    name = month_name(month, lang)
    return name[:-3] if lang == "fi" and name.endswith("kuu") else name[:3]

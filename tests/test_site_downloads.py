"""The downloads page: grouped for residents and developers, each file's language named, sizes shown."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from helpers import REPO

from cooperation.i18n import labels as L
from cooperation.pipeline import load


@pytest.fixture(scope="module")
def model():
    return load(REPO)[0]


class Tables(HTMLParser):
    """Each table's caption and its body rows as (links, cell texts)."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tables: dict[str, list[tuple[list[str], list[str]]]] = {}
        self._caption: str | None = None
        self._in_caption = False
        self._row: tuple[list[str], list[str]] | None = None
        self._in_body = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "caption":
            self._in_caption, self._caption = True, ""
        elif tag == "tbody":
            self._in_body = True
            self.tables[self._caption or ""] = []
        elif tag == "tr" and self._in_body:
            self._row = ([], [])
        elif tag in ("td", "th") and self._row is not None:
            self._row[1].append("")
        elif tag == "a" and self._row is not None and attributes.get("href"):
            self._row[0].append(attributes["href"])

    def handle_endtag(self, tag):
        if tag == "caption":
            self._in_caption = False
        elif tag == "tbody":
            self._in_body = False
        elif tag == "tr" and self._row is not None:
            self.tables[self._caption or ""].append(self._row)
            self._row = None

    def handle_data(self, data):
        if self._in_caption:
            self._caption = (self._caption or "") + data
        elif self._row is not None and self._row[1]:
            # ASCII spaces only: the no-break space in "31,6 kB" stays
            self._row[1][-1] = re.sub(r"[ \t\n]+", " ", self._row[1][-1] + " " + data).strip()


@pytest.mark.parametrize("lang, prefix, other", [("fi", "", "sv"), ("sv", "sv/", "fi")])
def test_downloads_are_grouped_named_by_language_and_sized(example_site, model, lang, prefix, other):
    folder = example_site / prefix / "lataukset"
    html = (folder / "index.html").read_text(encoding="utf-8")
    tables = Tables(html).tables
    residents, developers = L.word("dl_for_residents", lang), L.word("dl_for_developers", lang)
    assert list(tables) == [residents, developers]
    assert html.index(f">{residents}</h2>") < html.index(f">{developers}</h2>")

    # residents: the Word documents, the page's own language first, then the workbook
    rows = [row for row in tables[residents] if not row[0][0].endswith(".pdf")]  # PDFs, where offered, come first
    assert [links[0] for links, _ in tables[residents]][:len(tables[residents]) - len(rows)] == \
        [links[0] for links, _ in tables[residents] if links[0].endswith(".pdf")]
    assert [links[0] for links, _ in rows] == [f"{model.id}-{lang}.docx", f"{model.id}-{other}.docx",
                                              # the workbook in the page's language
                                              f"{model.id}-tyokirja{'' if lang == model.main_language else '-' + lang}.xlsx"]
    word = L.word("dl_docx", lang)
    assert rows[0][1][1] == f"{word} (Word, {L.word(f'in_lang_{lang}', lang)})"
    assert rows[1][1][1] == f"{word} (Word, {L.word(f'in_lang_{other}', lang)})"
    assert {"fi": "(Word, suomeksi)", "sv": "(Word, på svenska)"}[lang] in rows[0][1][1]

    # developers: open data, the calendar in the page's language, all schemas in one row
    rows = tables[developers]
    assert [links[0] for links, _ in rows] == [f"{model.id}.json", "mittaustulokset.csv", "edistyminen.csv",
                                              f"vuosikello-{lang}.ics", "schema/agreement.schema.json"]
    schemas = sorted(p.name for p in (folder / "schema").glob("*.schema.json"))
    assert len(schemas) > 1 and rows[-1][0] == [f"schema/{name}" for name in schemas]

    # every size is the file's own (decimal kB, the page's number format)
    for links, cells in tables[residents] + tables[developers]:
        size = sum((folder / link).stat().st_size for link in links)
        assert cells[-1] == L.file_size(size, lang), links
        assert re.fullmatch(r"\d+(,\d)?\u00a0(B|kB|MB)", cells[-1])


def test_file_sizes_read_as_written():
    assert L.file_size(850, "fi") == "850\u00a0t" and L.file_size(850, "sv") == "850\u00a0B"
    assert L.file_size(8_412, "sv") == "8,4\u00a0kB"
    assert L.file_size(245_300, "fi") == "245\u00a0kt"  # a decimal only where it tells something
    assert L.file_size(1_400_000, "fi") == "1,4\u00a0Mt"


@pytest.mark.parametrize("lang, pending", [("fi", "valmistuu…"), ("sv", "blir klar…")])
def test_a_file_still_being_made_says_so_until_its_size_is_put_in(model, tmp_path, lang, pending):
    """The preview serves the downloads page before its Word and Excel files are there: the size says so, in the
    page's language, and is replaced by the real one once the file is written."""
    from cooperation.outputs import BY_NAME, Rendered
    from cooperation.outputs.site.build import put_later
    from cooperation.outputs.site.html import Download
    from cooperation.outputs.site.pages import Site

    name = BY_NAME["docx"].file(model, lang)
    page = "".join(Site(model, lang, downloads=[Download(name, "dl_docx", None, lang, "docx")]).build()
                   ["lataukset/index.md"].body)
    assert f'data-file="{name}">{pending}</span>' in page
    (tmp_path / "lataukset").mkdir()
    (tmp_path / "lataukset" / "index.html").write_text(page, encoding="utf-8")
    put_later(tmp_path, lang, [Rendered(BY_NAME["docx"], lang, name, b"")], {name: b"x" * 2048})
    done = (tmp_path / "lataukset" / "index.html").read_text(encoding="utf-8")
    assert pending not in done and L.file_size(2048, lang) in done
    assert (tmp_path / "lataukset" / name).read_bytes() == b"x" * 2048

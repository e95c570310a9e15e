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


class Lists(HTMLParser):
    """Each heading's download list: per item, its links and its first link's text."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.lists: dict[str, list[tuple[list[str], str]]] = {}
        self._heading: str | None = None
        self._in_heading = False
        self._item: tuple[list[str], list[str]] | None = None
        self._in_link = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "h2":
            self._in_heading, self._heading = True, ""
        elif tag == "ul" and "downloads" in (attributes.get("class") or ""):
            self.lists[self._heading or ""] = []
        elif tag == "li" and self._heading in self.lists:
            self._item = ([], [])
        elif tag == "a" and self._item is not None:
            self._item[0].append(attributes["href"])
            self._in_link = True

    def handle_endtag(self, tag):
        if tag == "h2":
            self._in_heading = False
        elif tag == "a":
            self._in_link = False
        elif tag == "li" and self._item is not None:
            links, text = self._item
            self.lists[self._heading or ""].append((links, re.sub(r"[ \t\n]+", " ", "".join(text)).strip()))
            self._item = None

    def handle_data(self, data):
        if self._in_heading:
            self._heading = (self._heading or "") + data
        elif self._item is not None and (self._in_link or not self._item[0]) and len(self._item[0]) <= 1:
            self._item[1].append(data)


@pytest.mark.parametrize("lang, prefix, other", [("fi", "", "sv"), ("sv", "sv/", "fi")])
def test_downloads_are_named_in_words_grouped_by_reader_and_sized(example_site, model, lang, prefix, other):
    """Issue 25.5: "Sopimus allekirjoitettavaksi (Word, suomeksi, 245 kt)"; the workbook is for officials."""
    folder = example_site / prefix / "lataukset"
    html = (folder / "index.html").read_text(encoding="utf-8")
    lists = Lists(html).lists
    residents, officials, developers = (L.word(key, lang) for key in ("dl_for_residents", "dl_for_officials",
                                                                       "dl_for_developers"))
    assert list(lists) == [residents, officials, developers]

    def size(name: str) -> str:
        return L.file_size((folder / name).stat().st_size, lang)

    # residents: the PDFs where offered, then the Word documents, the page's own language first
    words = [links[0] for links, _ in lists[residents] if links[0].endswith(".docx")]
    assert words == [f"{model.id}-{lang}.docx", f"{model.id}-{other}.docx"]
    texts = dict((links[0], text) for links, text in lists[residents])
    for name, language in ((f"{model.id}-{lang}.docx", lang), (f"{model.id}-{other}.docx", other)):
        assert texts[name] == f"{L.word('dl_docx', lang)} (Word, {L.word(f'in_lang_{language}', lang)}, {size(name)})"
    assert {"fi": "Sopimus allekirjoitettavaksi (Word, suomeksi, ", "sv": "Avtalet för underskrift (Word, på svenska, "}[lang] \
        in texts[f"{model.id}-{lang}.docx"]
    # officials: the workbook in the page's language, never offered to residents
    book = f"{model.id}-tyokirja{'' if lang == model.main_language else '-' + lang}.xlsx"
    assert [links for links, _ in lists[officials]] == [[book]]
    assert lists[officials][0][1] == f"{L.word('dl_xlsx', lang)} (Excel, {size(book)})"
    assert not any(name.endswith(".xlsx") for links, _ in lists[residents] for name in links)

    # developers: open data, the calendar in the page's language, all schemas in one item
    items = lists[developers]
    assert [links[0] for links, _ in items] == [f"{model.id}.json", "mittaustulokset.csv", "edistyminen.csv",
                                               f"vuosikello-{lang}.ics", "schema/agreement.schema.json"]
    assert items[1][1] == f"{L.word('dl_csv', lang)} (CSV, {size('mittaustulokset.csv')})"
    schemas = sorted(p.name for p in (folder / "schema").glob("*.schema.json"))
    assert len(schemas) > 1 and items[-1][0] == [f"schema/{name}" for name in schemas]
    # no link is named by its file name
    assert not [text for _, text in lists[residents] + lists[officials] + items[:-1] if "." in text.split(" (")[0]]


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

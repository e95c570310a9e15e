"""The downloads page: the Word, PDF, Excel and open-data files, each named in words, with the fingerprint."""
from __future__ import annotations

import posixpath

from cooperation.i18n import labels as L
from cooperation.outputs.site.context import SiteContext
from cooperation.outputs.site.html import (
    NO_SEARCH,
    Download,
    esc,
    fingerprint_code,
    heading_text,
    pending_size,
    size_text,
)

# who each file is for, in this order: residents read and print the agreement, decision-makers get the record's
# documents, officials update the workbook; every other file (open data, schemas, calendar) is for developers
FOR_RESIDENTS = ("pdf", "docx", "statements")
RECORD = ("report-", "amendment", "signed-")  # the record's documents (outputs.record), by their names' beginnings
FOR_OFFICIALS = ("xlsx",)

FORMATS = {".pdf": "PDF", ".docx": "Word", ".xlsx": "Excel", ".json": "JSON", ".csv": "CSV", ".ics": "iCalendar"}


class DownloadPages(SiteContext):
    """The downloads page: the Word, PDF, Excel and open-data files, each named in words, with the fingerprint."""

    def opendata(self) -> None:
        page = self.start("lataukset/index.md", self.w("downloads"))
        page.body.append(f"<p>{esc(self.w('downloads_help'))}</p>")
        # the page's own language first among the files per language; otherwise the registry's order
        files = sorted(self.downloads, key=lambda d: d.lang not in (None, self.lang))
        residents = sorted((d for d in files if d.output in FOR_RESIDENTS), key=lambda d: FOR_RESIDENTS.index(d.output))
        councils = [d for d in files if d.output.startswith(RECORD)]
        officials = [d for d in files if d.output in FOR_OFFICIALS]
        mine = [d.name for d in residents + councils + officials]
        developers = [d for d in files if d.name not in mine and not d.name.startswith("schema/")]
        schemas = [d for d in files if d.name not in mine and d.name.startswith("schema/")]
        for key, group in (("dl_for_residents", residents), ("dl_for_councils", councils),
                           ("dl_for_officials", officials), ("dl_for_developers", developers)):
            items = [self.download_item(d) for d in group]
            if key == "dl_for_developers" and schemas:
                # one item for the schemas: eight links of their own would crowd out the rest
                size = size_text(sum(d.size or 0 for d in schemas), self.lang)
                items.append(f"<li>{esc(self.w('dl_schema'))} (JSON, {size}): "
                             + ", ".join(f'<a href="{esc(d.name)}">{esc(posixpath.basename(d.name))}</a>' for d in schemas)
                             + "</li>")
            if items:
                page.body.append(f"## {heading_text(self.w(key))}")
                # not searched: sizes, and in the preview "valmistuu…" until the files are made
                page.body.append(f'<ul class="downloads"{NO_SEARCH}>' + "".join(items) + "</ul>")
        page.body.append(f'<p id="fingerprint">{esc(self.w("fingerprint"))}: {fingerprint_code(self.m.fingerprint)}<br>'
                         f'<span class="fine-print">{esc(self.w("fingerprint_help"))}</span></p>')


    def download_item(self, d: Download) -> str:
        """A file named in words as its link: what it is, its format, its language (a file per language) and its
        size — "Sopimus allekirjoitettavaksi (Word, suomeksi, 245 kt)" — and for a data file its structure."""
        size = pending_size(d.name, self.lang) if d.size is None else size_text(d.size, self.lang)
        details = [esc(x) for x in self.download_details(d)] + [size]
        detail = f"{d.description}_detail"
        line = f' <span class="fine-print">{esc(self.w(detail))}</span>' if detail in L.WORDS else ""
        # a file still being made is one line found by its name: given its size, or taken off if it is not made after all
        item = "<li>" if d.size is not None else f'<li data-pending="{esc(d.name)}">'
        return f'{item}<a href="{esc(d.name)}">{esc(self.w(d.description) + (f" {d.detail}" if d.detail else ""))} ({", ".join(details)})</a>{line}</li>'


    def download_details(self, d: Download) -> list[str]:
        """Its format and (a file per language) its language: ["Word", "på svenska"]."""
        details = [FORMATS.get(posixpath.splitext(d.name)[1], "")]
        if d.lang:
            details.append(self.w(f"in_lang_{d.lang}") if f"in_lang_{d.lang}" in L.WORDS else d.lang)
        return [x for x in details if x]

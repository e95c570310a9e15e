"""The downloads page: the Word, PDF, Excel and open-data files, with the fingerprint."""
from __future__ import annotations

import posixpath

from cooperation.i18n import labels as L
from cooperation.outputs.site.context import SiteContext
from cooperation.outputs.site.html import (
    Download,
    esc,
    heading_text,
    pending_size,
    size_text,
)

# the downloads residents want, in this order; every other file (open data, schemas, calendar) is for developers
FOR_RESIDENTS = ("pdf", "docx", "xlsx")
RECORD = ("report-", "amendment", "signed-")  # the record's documents (outputs.record), for decision-makers

FORMATS = {".pdf": "PDF", ".docx": "Word", ".xlsx": "Excel", ".json": "JSON", ".csv": "CSV", ".ics": "iCalendar"}



class DownloadPages(SiteContext):
    """The downloads page: the Word, PDF, Excel and open-data files, with the fingerprint."""

    def opendata(self) -> None:
        page = self.start("lataukset/index.md", self.w("downloads"))
        page.body.append(f"<p>{esc(self.w('downloads_help'))}</p>")
        # the page's own language first among the files per language; otherwise the registry's order
        files = sorted(self.downloads, key=lambda d: d.lang not in (None, self.lang))
        residents = sorted((d for d in files if d.output in FOR_RESIDENTS), key=lambda d: FOR_RESIDENTS.index(d.output))
        councils = [d for d in files if d.output.startswith(RECORD)]
        developers = [d for d in files if d.output not in FOR_RESIDENTS and not d.name.startswith("schema/")
                      and not d.output.startswith(RECORD)]
        schemas = [d for d in files if d.output not in FOR_RESIDENTS and d.name.startswith("schema/")]
        head = [self.w("file"), self.w("description"), self.w("size")]
        for key, group in (("dl_for_residents", residents), ("dl_for_councils", councils),
                           ("dl_for_developers", developers)):
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
        return self.w(d.description) + (f" {d.detail}" if d.detail else "") + (f" ({', '.join(details)})" if details else "")

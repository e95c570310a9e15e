"""The pages residents read, generated from the model inside the MkDocs build (see hook.py): one module per
page family over a small site context (context.py), put together here."""
from __future__ import annotations

from cooperation.outputs.names import REFERENCE
from cooperation.outputs.site.about import AboutPages
from cooperation.outputs.site.consultation import ConsultationPages
from cooperation.outputs.site.downloads import DownloadPages
from cooperation.outputs.site.home import HomePages
from cooperation.outputs.site.html import (
    Page,
    esc,
)
from cooperation.outputs.site.indicators import IndicatorPages
from cooperation.outputs.site.parties import PartyPages
from cooperation.outputs.site.record import RecordPages
from cooperation.outputs.site.subareas import SubareaPages


class Site(HomePages, SubareaPages, PartyPages, IndicatorPages, RecordPages, DownloadPages, AboutPages,
           ConsultationPages):
    """One language's pages of the site, family by family; ``build`` is their table of contents."""

    def build(self) -> dict[str, Page]:
        self.memo.start()
        builders = [self.home, self.late_page, self.subarea_index, self.party_index, self.matrix, self.indicators, self.forums,
                    self.legal, self.rules, self.annexes, self.opendata, self.accessibility]
        for builder in builders:
            builder()
        self.history_pages()
        self.approvals_page()
        self.consultation_pages()
        for subarea in self.m.subareas:
            self.subarea(subarea)
        for party in self.m.parties:
            self.party(party)
        for page in self.pages.values():
            edit = self.edit_link(page)
            if edit:
                page.body.append(edit)
        return self.pages


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
        {w("late"): "myohassa.md"},
        {w("forums_and_cycle"): "foorumit.md"},
        {w("agreement"): [{w("legal_basis"): "saadosperusta.md"}, {w("rules_page"): "pelisaannot.md"},
                          {w("annexes"): "liitesopimukset.md"}]},
        {w("open_data"): [{w("downloads"): "lataukset/index.md"}, {w("data_format"): REFERENCE.pattern}]},
        *([{w("consultations"): ["lausunnot/index.md"] + [{pages[f"lausunnot/{r.id}.md"].title: f"lausunnot/{r.id}.md"}
                                                          for r in sorted(site.m.consultations, key=lambda r: r.opens,
                                                                          reverse=True)]}]
          if site.m.consultations else []),
        {w("history"): [{w("history"): "historia/index.md"},
                        {w("changes_since_signed"): "historia/allekirjoitetun-jalkeen.md"},
                        {w("signed_versions"): "historia/versiot.md"},
                        {w("approvals"): "historia/hyvaksynnat.md"}]},
        {w("editor_guide"): "ohje.md"},
        {w("accessibility"): "saavutettavuus.md"},
    ]

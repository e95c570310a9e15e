"""Links to annex agreements say the file's type and size, and a scanned PDF that it is not accessible (issue 32.8);
a section of law reads in the page's language whichever language the data wrote it in (25.7)."""
from __future__ import annotations

import re

import pytest
from helpers import REPO

from cooperation.i18n import labels as L
from cooperation.pipeline import load

LANGUAGES = {"fi": "", "sv": "sv/"}


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_annex_links_name_type_size_and_a_scan(example_site, lang):
    model = load(REPO)[0]
    html = (example_site / LANGUAGES[lang] / "liitesopimukset" / "index.html").read_text(encoding="utf-8")
    linked = [a for a in model.annexes if a.url]
    assert linked and any(a.scanned for a in linked) and all(a.file_size for a in linked)
    for a in linked:
        link = re.search(rf'<a href="{re.escape(a.url)}">([^<]*)</a>(.{{0,300}})', html, re.S)
        assert link, a.url
        assert link.group(1) == f"{a.title.get(lang)} (PDF, {L.file_size(a.file_size, lang)})"
        assert (L.word("annex_scanned", lang) in link.group(2)) == a.scanned
    assert not [a for a in model.annexes if a.url and a.url in re.sub(r'href="[^"]*"', "", html)]  # no bare address


def test_a_section_of_law_in_each_language_whichever_the_data_wrote():
    assert L.legal_section("6 ja 7 §", "sv") == "6 och 7 §"
    assert L.legal_section("6 och 7 §", "fi") == "6 ja 7 §"  # a Swedish-first region's text on a Finnish page
    assert L.legal_section("14 § 2 momentet", "fi") == "14 § 2 momentti"
    assert L.legal_section("14 §", "sv") == L.legal_section("14 §", "fi") == "14 §"

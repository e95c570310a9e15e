"""The accessibility statement is filled from agreement.yaml's `accessibility` block, in the parts the law
(306/2019) asks for, with real links; a block without a feedback channel is a warning naming file and field."""
from __future__ import annotations

import pytest
from helpers import REPO, copy_example, run_cli
from test_site import read

from cooperation.i18n import labels as L
from cooperation.pipeline import load, validate

HEADINGS = {"fi": ["Vaatimustenmukaisuustilanne", "Sisältö, joka ei ole saavutettavaa", "Selosteen laatiminen",
                   "Palaute ja yhteystiedot", "Valvontamenettely"],
            "sv": ["Överensstämmelsestatus", "Innehåll som inte är tillgängligt", "Hur utlåtandet har utarbetats",
                   "Respons och kontaktuppgifter", "Tillsynsförfarande"]}
AUTHORITY = {"fi": "https://www.saavutettavuusvaatimukset.fi/", "sv": "https://www.tillganglighetskrav.fi/"}


@pytest.mark.parametrize("lang, prefix", [("fi", ""), ("sv", "sv/")])
def test_statement_has_the_legal_parts_from_data(example_site, lang, prefix):
    model = load(REPO)[0]
    a = model.accessibility
    assert a.contact_email and a.prepared and a.reviewed and a.known_problems  # the example fills every part
    page = read(example_site, f"{prefix}saavutettavuus/")
    for heading in HEADINGS[lang]:
        assert heading in page.content
    assert f"mailto:{a.contact_email}" in page.links
    assert AUTHORITY[lang] in page.links and "Traficom" in page.content
    assert L.date(a.prepared, lang) in page.content and L.date(a.reviewed, lang) in page.content
    for text, criterion in a.known_problems:
        assert " ".join(text.get(lang).split()) in page.content and criterion in page.content
    assert "306/2019" in page.content and "WCAG 2.1" in page.content
    assert "https://github.com/rannikkoseutu/yhteistyosopimus/edit/main/agreement/agreement.yaml" in page.links


def _without_contact(tmp_path):
    root = copy_example(tmp_path / "root")
    path = root / "agreement" / "agreement.yaml"
    email = load(REPO)[0].accessibility.contact_email
    text = path.read_text(encoding="utf-8")
    assert f"  contact_email: {email}\n" in text
    path.write_text(text.replace(f"  contact_email: {email}\n", ""), encoding="utf-8")
    return root


def test_missing_feedback_channel_is_a_warning_naming_file_and_field(tmp_path):
    root = _without_contact(tmp_path)
    problems = [p for p in validate(root)[1].problems if p.code == "accessibility_contact_missing"]
    assert [(p.severity, p.file) for p in problems] == [("warning", "agreement/agreement.yaml")]
    done = run_cli("validate", "--root", root)
    assert done.returncode == 0  # a warning: the site still builds
    assert "agreement/agreement.yaml:" in done.stdout and "”Saavutettavuusseloste” (accessibility)" in done.stdout
    assert "contact_email" in done.stdout and "feedback_url" in done.stdout
    english = run_cli("validate", "--root", root, "--lang", "en").stdout
    assert "\"Accessibility statement\" (accessibility)" in english and "feedback channel" in english


def test_the_statement_is_not_part_of_the_fingerprint(tmp_path):
    assert load(_without_contact(tmp_path))[0].fingerprint == load(REPO)[0].fingerprint


@pytest.mark.parametrize("lang, prefix", [("fi", ""), ("sv", "sv/")])
def test_statement_lists_the_problems_the_site_knows_of(example_site, lang, prefix):
    """Issue 25.8: each scanned annex; on the Swedish site the Finnish-only pages, and the notes on values and the
    titles of the changes, which are in the agreement's first language."""
    model = load(REPO)[0]
    page = read(example_site, f"{prefix}saavutettavuus/").content
    scanned = [a for a in model.annexes if a.scanned]
    assert scanned
    for a in scanned:
        assert L.word("a11y_scanned_annex", lang).format(title=a.title.get(lang)) in page
    other = [L.word(key, lang).format(language=L.word(f"in_lang_{model.main_language}", lang))
             for key in ("a11y_finnish_only_pages", "a11y_notes_language", "a11y_history_language")]
    assert [text in page for text in other] == [lang != "fi"] * 3


@pytest.mark.slow
def test_statement_without_a_scan_says_none(tmp_path):
    root = copy_example(tmp_path / "root")
    path = root / "agreement" / "annexes.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("scanned: true", "scanned: false"), encoding="utf-8")
    out = tmp_path / "out"
    assert run_cli("site", "--root", root, "--out", out).returncode == 0
    page = read(out / "site", "saavutettavuus/").content
    assert "skannattu PDF-tiedosto" not in page and L.word("a11y_word_documents", "fi") in page

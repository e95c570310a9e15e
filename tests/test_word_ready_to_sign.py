"""The Word agreement is ready to sign as it comes: a table of contents with entries before any field
update, the document's own proofing language, a draft marking until approval, "page N / M", the version
date as creation date, and fonts and column widths that LibreOffice renders without splitting words."""
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml
from docx import Document
from helpers import MINIMAL, REPO, convert_to_pdf, copy_root, run_cli

from cooperation.i18n import labels as L
from cooperation.libreoffice import SWITCH
from cooperation.pipeline import load

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TAGS = {"fi": "fi-FI", "sv": "sv-SE"}
MARK = {"fi": "LUONNOS", "sv": "UTKAST"}
TABLE_HEADS = ("indicator", "baseline", "target", "source", "action", "responsible", "lead", "schedule",
               "subarea", "goals", "actions", "resources", "indicators", "notes")


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    out = tmp_path_factory.mktemp("word")
    done = run_cli("docx", "--root", REPO, "--out", out)
    assert done.returncode == 0, done.stderr
    model, _ = load(REPO)
    return model, {lang: out / f"{model.id}-{lang}.docx" for lang in model.languages}


def _xml(path: Path, member: str) -> str:
    return zipfile.ZipFile(path).read(member).decode("utf-8")


def _text(element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t"))


def _before_tab(paragraph) -> str:
    out = []
    for run in paragraph.iter(f"{W}r"):
        if run.find(f"{W}tab") is not None:
            break
        out += [t.text or "" for t in run.iter(f"{W}t")]
    return "".join(out)


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_toc_lists_every_heading_in_order_inside_the_kept_field(docs, lang):
    _, paths = docs
    document = Document(str(paths[lang]))
    body = document.element.body
    sdt = next(s for s in body.iter(f"{W}sdt")
               if s.find(f".//{W}docPartGallery") is not None
               and s.find(f".//{W}docPartGallery").get(f"{W}val") == "Table of Contents")
    paragraphs = sdt.findall(f"{W}sdtContent/{W}p")
    assert _text(paragraphs[0]) == L.word("contents", lang)
    # an entry's text up to its tab: the page number after it comes from LibreOffice's layout (test_word_pages.py)
    entries = [_before_tab(p) for p in paragraphs[1:]]
    after = list(body).index(sdt)  # the cover's own "Parties" heading comes before the TOC, not in it
    expected = [p.text for p in document.paragraphs if p.style.name in ("Heading 1", "Heading 2")
                and p.text.strip() and list(body).index(p._p) > after]
    assert entries == expected and len(entries) >= 20
    assert entries[0].startswith("1 ") and any(e.startswith("4.1 ") for e in entries)
    # the TOC field is still there, around the entries, for Word to refresh page numbers
    kinds = [c.get(f"{W}fldCharType") for c in sdt.iter(f"{W}fldChar")]
    assert kinds == ["begin", "separate", "end"]
    assert re.match(r"\s*TOC\b", next(sdt.iter(f"{W}instrText")).text)
    # every entry links to a bookmark on its heading
    anchors = [h.get(f"{W}anchor") for h in sdt.iter(f"{W}hyperlink")]
    bookmarks = {b.get(f"{W}name") for b in body.iter(f"{W}bookmarkStart")}
    assert len(anchors) == len(entries) and set(anchors) <= bookmarks
    ids = [b.get(f"{W}id") for b in body.iter(f"{W}bookmarkStart")]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_proofing_language_is_the_documents_own(docs, lang):
    _, paths = docs
    styles = _xml(paths[lang], "word/styles.xml")
    default = re.search(r"<w:rPrDefault>.*?</w:rPrDefault>", styles, re.S).group(0)
    assert f'w:val="{TAGS[lang]}"' in default
    for member in ("word/styles.xml", "word/document.xml", "word/settings.xml"):
        values = set(re.findall(r'<w:(?:lang|themeFontLang) w:val="([^"]+)"', _xml(paths[lang], member)))
        assert values <= {TAGS[lang]}, (member, values)


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_draft_is_marked_on_the_cover_and_in_the_header(docs, lang):
    model, paths = docs
    assert model.status == "in_negotiation"
    document = Document(str(paths[lang]))
    assert MARK[lang] in [p.text for p in document.paragraphs[:3]]
    assert MARK[lang] in document.sections[0].header.paragraphs[0].text
    assert all(s.header.is_linked_to_previous for s in document.sections[1:])
    other = MARK["sv" if lang == "fi" else "fi"]
    assert other not in _xml(paths[lang], "word/document.xml")


@pytest.mark.slow
def test_approved_agreement_has_no_draft_mark(tmp_path, monkeypatch):
    """The mark follows the version state: every signing party approved this text (named by its fingerprint)."""
    monkeypatch.setenv(SWITCH, "off")  # the mark is the subject, not Word's layout (test_word_pages.py)
    root = copy_root(MINIMAL, tmp_path / "root")
    current = run_cli("fingerprint", "--root", root).stdout.strip()
    path = root / "agreement" / "parties.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for party in data["parties"]:
        party["decisions"] = [{"body": "valtuusto", "date": "2026-03-02", "section": 1, "outcome": "approved",
                               "version": current}]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert run_cli("validate", "--root", root, "--strict").returncode == 0
    done = run_cli("docx", "--root", root, "--out", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    docx = tmp_path / "out" / "testi-2026-fi.docx"
    names = zipfile.ZipFile(docx).namelist()
    for member in ["word/document.xml"] + [n for n in names if re.match(r"word/(header|footer)\d*\.xml", n)]:
        assert "LUONNOS" not in _xml(docx, member) and "UTKAST" not in _xml(docx, member)


@pytest.mark.parametrize("lang, word", [("fi", "Sivu"), ("sv", "Sida")])
def test_footer_says_page_n_of_m(docs, lang, word):
    _, paths = docs
    footer = Document(str(paths[lang])).sections[0].footer.paragraphs[0]._p
    instructions = [f.get(f"{W}instr").strip() for f in footer.iter(f"{W}fldSimple")]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert re.search(rf"{word} 1 / 1$", _text(footer))


def test_created_is_the_version_date(docs):
    model, paths = docs
    props = Document(str(paths["fi"])).core_properties
    assert props.created.date() == model.version_date and props.modified.date() == model.version_date


@pytest.mark.slow
def test_without_version_date_created_follows_source_date_epoch(tmp_path, monkeypatch):
    monkeypatch.setenv(SWITCH, "off")  # the document's properties are the subject, not Word's layout (test_word_pages.py)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780000000")
    root = copy_root(MINIMAL, tmp_path / "root")
    assert "version_date" not in (root / "agreement" / "agreement.yaml").read_text(encoding="utf-8")
    done = run_cli("docx", "--root", root, "--out", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    props = Document(str(tmp_path / "out" / "testi-2026-fi.docx")).core_properties
    assert props.created.isoformat() == "2026-05-28T20:26:40+00:00"


@pytest.fixture(scope="module")
def pdf_text(docs, tmp_path_factory):
    _, paths = docs
    out = tmp_path_factory.mktemp("pdf")
    convert_to_pdf(out, *paths.values(), timeout=300)
    texts = {}
    for lang, path in paths.items():
        pdf = out / path.with_suffix(".pdf").name
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        texts[lang] = (subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                      check=True).stdout, fonts)
    return texts


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_rendered_pdf_has_toc_draft_mark_page_totals_and_whole_header_words(docs, pdf_text, lang):
    _, paths = docs
    text, fonts = pdf_text[lang]
    pages = text.split("\f")[:-1]
    # the table of contents on page 2 shows its entries without any field update
    toc = pages[1]
    assert L.word("contents", lang) in toc and "4.1 " in toc and f"11 {L.word('signatures', lang)}" in toc
    # the draft mark and "page N / M" on every page
    total = len(pages)
    for number, page in enumerate(pages, start=1):
        assert MARK[lang] in page, number
        assert f"{L.word('page', lang)} {number} / {total}" in page, number
    # no table header word is broken across lines: each appears whole at least once per table
    document = Document(str(paths[lang]))
    for key in TABLE_HEADS:
        head = L.word(key, lang)
        cells = sum(1 for table in document.tables for cell in table.rows[0].cells if cell.text.strip() == head)
        whole = len(re.findall(r"(?<!\w)" + r"\s+".join(map(re.escape, head.split())) + r"(?!\w)", text))
        assert whole >= cells, (head, whole, cells)
    # metric-compatible fonts, found on a fresh machine (.ci/run installs fonts-crosextra-*)
    assert "Carlito" in fonts and "Aptos" not in fonts


def test_swedish_legal_sections_are_swedish(docs):
    """"6 ja 7 §" is Finnish: the Swedish document says "6 och 7 §", the Finnish one keeps its own words."""
    model, paths = docs
    sections = [ref.section for ref in model.legal_basis if " ja " in ref.section]
    assert sections, "the example names a section pair such as '6 ja 7 §'"
    body = {lang: _xml(path, "word/document.xml") for lang, path in paths.items()}
    for section in sections:
        assert section in body["fi"]
        assert section not in body["sv"] and section.replace(" ja ", " och ") in body["sv"]

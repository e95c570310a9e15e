"""The Word agreement as printed (issue 25 point 6, issue 32 point 5): LibreOffice's PDF of the Word document has a
table of contents numbered with the pages its headings are on, and Word is not asked to update fields; no word is
broken in a table; business IDs stay whole; a heading stays with the table after it; a framework agreement has no
empty chapter or annex; 25 signing parties sign on pages with two blocks side by side."""
from __future__ import annotations

import collections
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from helpers import REPO, TESTS, convert_to_pdf, run_cli
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
THIRTY = TESTS / "fixtures" / "thirty_parties"
FRAMEWORK = TESTS / "fixtures" / "framework"
pytestmark = [pytest.mark.office, pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                                reason="LibreOffice and poppler-utils are not installed")]


def _docx(root: Path, out: Path) -> dict[str, Path]:
    done = run_cli("docx", "--root", root, "--out", out)
    assert done.returncode == 0, done.stderr
    return {p.stem.rsplit("-", 1)[1]: p for p in out.glob("*.docx")}


def _pdf(tmp: Path, docx: Path) -> list[str]:
    """The pages of LibreOffice's PDF of the Word document, as text."""
    convert_to_pdf(tmp, docx)
    text = subprocess.run(["pdftotext", "-layout", str(tmp / docx.with_suffix(".pdf").name), "-"],
                          capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    out = tmp_path_factory.mktemp("docx")
    paths = _docx(REPO, out)
    return paths, {lang: _pdf(tmp_path_factory.mktemp(f"pdf-{lang}"), path) for lang, path in paths.items()}


def test_word_is_not_asked_to_update_fields(example, tmp_path):
    paths, _ = example
    for path in paths.values():
        package = zipfile.ZipFile(path)
        assert b"updateFields" not in package.read("word/settings.xml")
        assert b"w:dirty" not in package.read("word/document.xml")
    # a region's own template that asks Word to update fields (as this project's did): the documents do not
    template = tmp_path / "oma.docx"
    with zipfile.ZipFile(REPO / "templates" / "agreement.docx") as source, zipfile.ZipFile(template, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/settings.xml":
                data = data.replace(b"</w:settings>", b'<w:updateFields w:val="true"/></w:settings>')
            target.writestr(info, data)
    done = run_cli("docx", "--root", REPO, "--out", tmp_path / "out", "--template", template)
    assert done.returncode == 0, done.stderr
    for path in (tmp_path / "out").glob("*.docx"):
        assert b"updateFields" not in zipfile.ZipFile(path).read("word/settings.xml")


@pytest.mark.parametrize("lang, heading", [("fi", "Sisällys"), ("sv", "Innehåll")])
def test_libreoffice_s_pdf_of_the_word_document_has_a_numbered_table_of_contents(example, lang, heading):
    _, pdfs = example
    lines = [[" ".join(line.split()) for line in page.splitlines()] for page in pdfs[lang]]
    first = next(n for n, page in enumerate(lines) if heading in page)
    last = max(n for n, page in enumerate(pdfs[lang]) if "......" in page)
    entries = [m.groups() for page in lines[first:last + 1] for line in page
               if (m := re.match(r"^(\d+(?:\.\d+)? \S.*?) ?\.{3,} ?(\d+)$", line))]
    assert len(entries) >= 20
    start = last
    for entry, number in entries:  # in order, each on the page its number says
        found = next((n for n in range(start, len(lines))
                      if any(line.startswith(entry) and "..." not in line for line in lines[n])), None)
        assert found is not None and found + 1 == int(number), (entry, number, found)
        start = found


def _words(text: str) -> collections.Counter:
    """Words of four or more letters or digits; a hyphen, a dash or a slash is where a line may break."""
    return collections.Counter(re.findall(r"[^\W_]{4,}", text))


def _no_broken_word(docx: Path, pages: list[str]) -> None:
    root = etree.fromstring(zipfile.ZipFile(docx).read("word/document.xml"))
    in_tables = collections.Counter()
    for cell in root.iter(f"{W}tc"):
        for p in cell.iter(f"{W}p"):
            in_tables += _words("".join(t.text or "" for t in p.iter(f"{W}t")))
    printed = _words("\n".join(pages))
    broken = {w: (n, printed[w]) for w, n in in_tables.items() if printed[w] < n}
    assert broken == {}


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_no_word_is_broken_in_the_pdf_s_tables(example, lang):
    """Every word of every table cell is on one line of the PDF: a word printed fewer times than the tables hold it
    was split (the column was narrower than the word)."""
    paths, pdfs = example
    _no_broken_word(paths[lang], pdfs[lang])


def test_business_ids_are_kept_whole(example):
    paths, pdfs = example
    xml = zipfile.ZipFile(paths["fi"]).read("word/document.xml").decode("utf-8")
    assert "9869879\u20112" in xml and "9869879-2" not in xml
    text = "\n".join(pdfs["fi"])
    assert not re.search(r"\d{7}[\u2011-]\s*\n", text)  # never a line ending after the hyphen


def test_a_heading_is_kept_with_the_table_after_it(example):
    paths, _ = example
    root = etree.fromstring(zipfile.ZipFile(paths["fi"]).read("word/document.xml"))
    body = root.find(f"{W}body")
    tables = [t for t in body if t.tag == f"{W}tbl"]
    assert tables
    for table in tables:
        before = table.getprevious()
        while before is not None and before.tag == f"{W}p" and not "".join(t.text or "" for t in before.iter(f"{W}t")):
            before = before.getprevious()
        if before is None or before.tag != f"{W}p":
            continue
        assert before.find(f"{W}pPr/{W}keepNext") is not None, "".join(t.text or "" for t in before.iter(f"{W}t"))


def test_a_framework_agreement_has_no_empty_chapter_or_annex(tmp_path):
    docx = _docx(FRAMEWORK, tmp_path / "out")["fi"]
    root = etree.fromstring(zipfile.ZipFile(docx).read("word/document.xml"))
    texts = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in root.iter(f"{W}p")]
    assert not any(t.startswith("Liite 1") for t in texts)  # no sub-areas: no workbook annex
    assert len(list(root.iter(f"{W}sectPr"))) == 1  # nor its landscape pages
    # no chapter without content: after each numbered chapter heading, something before the next one
    body = list(root.find(f"{W}body"))

    def style(element) -> str:
        found = element.find(f"{W}pPr/{W}pStyle")
        return found.get(f"{W}val") if found is not None else ""
    chapters = [n for n, e in enumerate(body) if e.tag == f"{W}p" and style(e) == "Heading1"
                and "".join(t.text or "" for t in e.iter(f"{W}t"))[:1].isdigit()]
    for here, following in zip(chapters, chapters[1:] + [len(body)]):
        content = [e for e in body[here + 1:following] if e.tag == f"{W}tbl" or style(e) != "Heading1"
                   and "".join(t.text or "" for t in e.iter(f"{W}t")).strip()]
        assert content, "".join(t.text or "" for t in body[here].iter(f"{W}t"))
    pages = _pdf(tmp_path, docx)
    assert not any("Strategisten tavoitteiden työkirja" in page for page in pages)


def test_many_parties_sign_two_side_by_side(tmp_path):
    from cooperation.pipeline import load
    signing = sum(1 for p in load(THIRTY)[0].parties if p.signs)
    docx = _docx(THIRTY, tmp_path / "out")["fi"]
    root = etree.fromstring(zipfile.ZipFile(docx).read("word/document.xml"))
    rows = [row for row in root.iter(f"{W}tr")
            if any("Paikka ja aika" in "".join(t.text or "" for t in c.iter(f"{W}t")) for c in row.iter(f"{W}tc"))]
    assert len(rows) == (signing + 1) // 2
    assert all(len([c for c in row.iter(f"{W}tc") if "Paikka ja aika" in "".join(t.text or "" for t in c.iter(f"{W}t"))])
               == 2 for row in rows[:-1])
    pages = _pdf(tmp_path, docx)
    first = next(n for n, page in enumerate(pages) if re.search(r"^\s*\d+ Allekirjoitukset\s*$", page, re.M))
    last = max(n for n, page in enumerate(pages) if "Paikka ja aika" in page)
    assert last - first + 1 <= -(-signing // 6)  # three rows of two a page; one block a row took twice as many
    _no_broken_word(docx, pages)


def test_a_framework_agreement_without_goals_or_forums_has_no_such_chapters(tmp_path):
    from amending import edit
    from helpers import copy_root
    root = copy_root(FRAMEWORK, tmp_path / "root")
    edit(root, "agreement/agreement.yaml", lambda d: d.pop("general_goals", None))
    edit(root, "agreement/forums.yaml", lambda d: d.update(forums=[]))
    done = run_cli("validate", "--root", root)
    if done.returncode != 0:
        pytest.skip(f"the data needs goals or forums: {done.stdout}")
    docx = _docx(root, tmp_path / "out")["fi"]
    root_xml = etree.fromstring(zipfile.ZipFile(docx).read("word/document.xml"))
    texts = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in root_xml.iter(f"{W}p")]
    assert not any(t.endswith("Yhteistyön tavoitteet") or t.endswith("Yhteistyön rakenteet ja foorumit") for t in texts)
    chapters = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in root_xml.iter(f"{W}p")
                if p.find(f"{W}pPr/{W}pStyle") is not None and p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "Heading1"
                and re.match(r"^\d+ \S", "".join(t.text or "" for t in p.iter(f"{W}t")))]
    assert [int(c.split(" ")[0]) for c in chapters] == list(range(1, len(chapters) + 1))

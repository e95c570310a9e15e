"""The .xlsx reader's two ways give the same cells: regular expressions for a sheet written as spreadsheet programs
write it, the XML parser for anything else (a row of rich text, a prefixed namespace, CDATA, entities, line ends)."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from helpers import REPO, resave_with_libreoffice, run_cli
from openpyxl import load_workbook

from cooperation.imports.xlsx import Book, Unreadable, _element_shared, _fast_shared


def both_ways(path: Path) -> dict[str, tuple[list, list]]:
    """Sheet → (its rows read the fast way, read by the XML parser); the shared strings too."""
    out = {}
    with zipfile.ZipFile(path) as archive:
        if "xl/sharedStrings.xml" in archive.namelist():
            data = archive.read("xl/sharedStrings.xml")
            out["(shared strings)"] = (_fast_shared(data), _element_shared(data))
    with Book(path) as book:
        for name in book.sheetnames:
            with book.archive.open(book.paths[name]) as stream:
                data = stream.read()
            out[name] = (list(book.rows(name)), list(book._element_rows(data, 10**7)))
    return out


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("reader")
    assert run_cli("export-xlsx", "--root", REPO, "--out", out).returncode == 0
    return next(out.glob("*-tyokirja.xlsx"))


def test_the_exported_workbook_and_its_resaved_copies_read_the_same_both_ways(exported, tmp_path):
    book = load_workbook(exported)
    book["Työkirja"]["P3"] = "Kommentti & <merkit> \"lainaus\" 'heittomerkki'\nrivi 2"
    book.save(tmp_path / "openpyxl.xlsx")
    (resaved,) = resave_with_libreoffice(tmp_path / "lo", tmp_path / "openpyxl.xlsx")
    for path in (exported, tmp_path / "openpyxl.xlsx", resaved):
        for name, (fast, parsed) in both_ways(path).items():
            assert fast == parsed, (path.name, name)
            assert fast, (path.name, name)


SHEET = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
 xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"><sheetData>{rows}</sheetData></worksheet>"""
ROWS = {
    "plain": '<row r="1"><c r="A1" t="inlineStr"><is><t>yksi</t></is></c><c r="C1"><v>2.5</v></c></row>',
    "entities and line ends": '<row r="2" x14ac:dyDescent="0.25"><c r="A2" t="inlineStr"><is><t xml:space="preserve">'
                              'a &amp; b &lt;c&gt; &#228;&#x00E4;\r\nrivi\r</t></is></c></row>',
    "rich text": '<row r="3"><c r="B3" t="inlineStr"><is><r><rPr><b/></rPr><t>li</t></r><r><t>havoitu</t></r>'
                 '</is></c></row>',
    "phonetic": '<row r="4"><c r="A4" t="inlineStr"><is><t>漢字</t><rPh sb="0" eb="1"><t>かんじ</t></rPh></is></c></row>',
    "formula": '<row r="5"><c r="A5" t="str"><f>CONCATENATE("a","b")</f><v>ab</v></c><c r="B5"><f>1+1</f></c>'
               '<c r="C5" t="e"><v>#REF!</v></c><c r="D5" t="b"><v>1</v></c></row>',
    "no references": '<row><c t="inlineStr"><is><t>x</t></is></c><c><v>-3</v></c></row>',
    "empty": '<row r="9"/><row r="10" spans="1:3"></row>',
}


@pytest.mark.parametrize("case", list(ROWS))
def test_rows_written_otherwise_read_the_same_both_ways(tmp_path, case, exported):
    path = tmp_path / "odd.xlsx"
    with zipfile.ZipFile(exported) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = SHEET.format(rows=ROWS[case]).encode("utf-8")
            target.writestr(info.filename, data)
    fast, parsed = both_ways(path)["Työkirja"]
    assert fast == parsed and (fast or case == "empty")


def test_a_prefixed_namespace_or_cdata_is_read_by_the_parser_and_a_doctype_refused(tmp_path, exported):
    cases = {
        "prefixed": '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>'
                    '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>etuliite</x:t></x:is></x:c></x:row>'
                    '</x:sheetData></x:worksheet>',
        "cdata": SHEET.format(rows='<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[<ei kaava>]]></t></is></c></row>'),
        "doctype": '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>' + SHEET.format(rows="")[38:],
    }
    for name, xml in cases.items():
        path = tmp_path / f"{name}.xlsx"
        with zipfile.ZipFile(exported) as source, zipfile.ZipFile(path, "w") as target:
            for info in source.infolist():
                data = source.read(info.filename)
                target.writestr(info.filename, xml.encode() if info.filename == "xl/worksheets/sheet1.xml" else data)
        with Book(path) as book:
            if name == "doctype":
                with pytest.raises(Unreadable):
                    list(book.rows("Työkirja"))
                continue
            rows = list(book.rows("Työkirja"))
        assert rows[0][1][0] == {"prefixed": "etuliite", "cdata": "<ei kaava>"}[name]

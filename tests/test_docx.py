"""The Word agreement, rendered for real and read back with python-docx (and LibreOffice)."""
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml
from docx import Document
from helpers import MINIMAL, REPO, Ran, convert_to_pdf, copy_root, record_compiles, run_cli

from cooperation.libreoffice import SWITCH
from cooperation.pipeline import load

ARTIFACTS = REPO / "test-artifacts"


def build_docx(root: Path, out: Path, *extra) -> Ran:
    return run_cli("docx", "--root", root, "--out", out, *extra)


@pytest.fixture(scope="module")
def example_docs(tmp_path_factory):
    out = tmp_path_factory.mktemp("docx")
    done = build_docx(REPO, out)
    assert done.returncode == 0, done.stderr
    model, _ = load(REPO)
    return model, {lang: out / f"{model.id}-{lang}.docx" for lang in model.languages}


def all_text(document) -> str:
    parts = [p.text for p in document.paragraphs]

    def cells(tables):
        for table in tables:
            for row in table.rows:
                for cell in row.cells:
                    parts.extend(p.text for p in cell.paragraphs)
                    cells(cell.tables)
    cells(document.tables)
    return "\n".join(parts)


def headings(document) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_every_goal_action_and_indicator_is_in_the_document(example_docs, lang):
    model, paths = example_docs
    text = all_text(Document(str(paths[lang])))
    for goal in model.goals:
        assert goal.id in text and goal.title.get(lang) in text
    for action in model.actions:
        assert action.id in text and action.title.get(lang) in text
    for indicator in model.indicators:
        assert indicator.id in text and indicator.name.get(lang) in text
    for party in model.parties:
        assert party.name.get(lang) in text and party.business_id.replace("-", "\u2011") in text  # kept whole: a no-break hyphen


@pytest.mark.parametrize("lang, heading", [("fi", "Allekirjoitukset"), ("sv", "Underskrifter")])
def test_signature_section_has_every_signing_party_and_signatory(example_docs, lang, heading):
    model, paths = example_docs
    document = Document(str(paths[lang]))
    # two signing parties a row, side by side; a row never split across pages
    rows = [row for table in document.tables if len(table.columns) == 2 for row in table.rows
            if row.cells[0].paragraphs and row.cells[0].paragraphs[0].text[:1].isdigit()]
    blocks = [cell for row in rows for cell in row.cells if cell.paragraphs[0].text.strip()]
    signing = [p for p in model.parties if p.signs]
    assert len(blocks) == len(signing) and len(rows) == (len(signing) + 1) // 2
    for party, block in zip(signing, blocks):
        cell_text = [p.text for p in block.paragraphs]
        assert cell_text[0] == f"{party.number}. {party.name.get(lang)}"
        for signatory in party.signatories:
            assert signatory.name in cell_text and signatory.title.get(lang) in cell_text
    for row in rows:
        assert row._tr.trPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}cantSplit") is not None
    assert any(text.endswith(heading) for style, text in headings(document) if style == "Heading 1")
    assert not any(p.name.get(lang) in [b.paragraphs[0].text.split(". ", 1)[-1] for b in blocks]
                   for p in model.parties if not p.signs)


def test_headings_are_real_heading_styles_numbered_in_order(example_docs):
    _, paths = example_docs
    document = Document(str(paths["fi"]))
    level1 = [text for style, text in headings(document) if style == "Heading 1"]
    numbers = [int(t.split(" ")[0]) for t in level1 if t[0].isdigit()]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= 10
    level2 = [text for style, text in headings(document) if style == "Heading 2"]
    assert "4.1 Asukkaiden hyvinvoinnin ja terveyden edistäminen" in level2
    assert "4.1.1 Yhä useampi aikuinen liikkuu vapaa-ajallaan." in [t for s, t in headings(document) if s == "Heading 3"]


def test_workbook_annex_is_landscape_with_repeating_header(example_docs):
    model, paths = example_docs
    document = Document(str(paths["fi"]))
    assert document.sections[-1].orientation == 1  # landscape
    table = document.tables[-1]
    header = table.rows[0]._tr.trPr
    assert header.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader") is not None
    assert [c.text for c in table.rows[0].cells] == ["Osa-alue", "Yhteistyön tavoitteet", "Toimenpiteet ja vastuutahot",
                                                     "Resurssit", "Arviointimittarit", "Huomioitavaa"]
    assert len(table.rows) == 1 + len(model.subareas)


def test_fingerprint_on_the_cover_and_in_every_footer(example_docs):
    model, paths = example_docs
    document = Document(str(paths["fi"]))
    assert any(model.fingerprint in p.text for p in document.paragraphs[:25])
    for section in document.sections:
        footer = section.footer
        assert model.fingerprint[:16] in " ".join(p.text for p in footer.paragraphs)
        assert f"Versio {model.version}" in " ".join(p.text for p in footer.paragraphs)
    assert document.core_properties.comments == f"SHA-256 {model.fingerprint}"


def test_same_input_gives_byte_identical_documents(example_docs, tmp_path):
    model, paths = example_docs
    done = build_docx(REPO, tmp_path)
    assert done.returncode == 0
    for path in paths.values():
        assert (tmp_path / path.name).read_bytes() == path.read_bytes()


def test_the_template_s_parts_are_compiled_once_per_machine(tmp_path, monkeypatch):
    """docxtpl compiles each part of the template (the body's XML, the headers, the footers) for every document: they
    are compiled by the machine's first document only (compiled.py, kept in the cache), and the documents are those
    of parts compiled anew, byte for byte."""
    monkeypatch.setenv(SWITCH, "off")  # the parts are the subject, not the layout
    monkeypatch.setenv("YHTEISTYOSOPIMUS_CACHE", str(tmp_path / "cache"))
    compiled = record_compiles(monkeypatch)

    def documents(out: str) -> dict[str, bytes]:
        done = build_docx(MINIMAL, tmp_path / out)
        assert done.returncode == 0, done.stderr
        return {p.name: p.read_bytes() for p in (tmp_path / out).iterdir()}
    first = documents("first")
    assert compiled and {environment for environment, _ in compiled} == {"TemplateParts"}
    compiled.clear()
    again = documents("again")
    assert compiled == []
    monkeypatch.setenv("YHTEISTYOSOPIMUS_CACHE", "off")
    anew = documents("anew")
    assert compiled
    assert again == first == anew


def _scoped(tmp_path, scope: int) -> Document:
    root = copy_root(MINIMAL, tmp_path / f"root{scope}")
    path = root / "agreement" / "agreement.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("scope: 2", f"scope: {scope}"), encoding="utf-8")
    done = build_docx(root, tmp_path / f"out{scope}")
    assert done.returncode == 0, done.stderr
    return Document(str(tmp_path / f"out{scope}" / "testi-2026-fi.docx"))


@pytest.mark.slow
def test_each_scope_level_includes_and_leaves_out_the_right_sections(tmp_path, monkeypatch):
    monkeypatch.setenv(SWITCH, "off")  # the sections are the subject, not Word's layout (test_word_pages.py)
    one, two, three = (_scoped(tmp_path, s) for s in (1, 2, 3))
    titles = {s: [t.split(" ", 1)[1] for style, t in headings(d) if style == "Heading 1" and t[0].isdigit()]
              for s, d in ((1, one), (2, two), (3, three))}
    always = ["Sopijapuolet", "Sopimuksen tarkoitus ja lähtökohdat", "Säädösperusta", "Yhteistyön tavoitteet",
              "Yhteistyön rakenteet ja foorumit", "Yhteistyön pelisäännöt", "Sopimuksen muuttaminen", "Voimassaolo",
              "Liitesopimukset", "Allekirjoitukset"]
    assert titles[1] == always and titles[2] == always
    assert titles[3] == always[:5] + ["Toimeenpano ja seuranta"] + always[5:]
    # scope 1: goals named, but no indicator or action tables; 2: tables; 3: + schedules
    assert "Lähtötaso" not in all_text(one) and "Vastuutahot" not in all_text(one)
    assert "Tavoite HYTE-1." in all_text(one)
    assert "Lähtötaso" in all_text(two) and "Vastuutahot" in all_text(two) and "Aikataulu" not in all_text(two)
    assert "Aikataulu" in all_text(three) and "2026–2027" in all_text(three)


HOSTILE = "<script>alert(1)</script> & <b>x</b> {{ labels.page }} {% for x in y %} *ei korostus*"


@pytest.mark.slow
def test_hostile_text_renders_literally(tmp_path, monkeypatch):
    monkeypatch.setenv(SWITCH, "off")  # the text is the subject, not Word's layout (test_word_pages.py)
    root = copy_root(MINIMAL, tmp_path / "root")
    hyte = root / "subareas" / "hyte.yaml"
    data = yaml.safe_load(hyte.read_text(encoding="utf-8"))
    # control characters are refused by validate before any output (tests/test_load_safety.py)
    data["goals"][0]["title"] = HOSTILE + " loppu"
    data["goals"][0]["description"] = ("Kuvaus <script>alert(2)</script> [linkki](javascript:alert(3)) "
                                       "[oikea](https://example.org/ok) **lihavoitu**\n\n```\navoin koodilohko")
    data["goals"][0]["actions"][0]["title"] = "{%p endfor %} & {{p body }}"
    hyte.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    done = build_docx(root, tmp_path / "out")
    assert done.returncode == 0, done.stderr
    path = tmp_path / "out" / "testi-2026-fi.docx"
    document = Document(str(path))
    text = all_text(document)
    assert HOSTILE + " loppu" in re.sub(" +", " ", text)
    assert "Kuvaus <script>alert(2)</script>" in text
    assert "{%p endfor %} & {{p body }}" in text
    assert "lihavoitu" in text and "**lihavoitu**" not in text  # Markdown in descriptions still works
    xml = zipfile.ZipFile(path).read("word/_rels/document.xml.rels").decode()
    assert "https://example.org/ok" in xml and "javascript" not in xml
    # the rest of the document is intact after the unclosed code fence
    assert "Allekirjoitukset" in text and "TILA-1-T1" in text


def test_template_asking_for_a_missing_field_names_it(tmp_path):
    template = tmp_path / "oma.docx"
    shutil.copy(REPO / "templates" / "agreement.docx", template)
    document = Document(str(template))
    document.paragraphs[1].text = "{{ title }} – {{ kunnan_logo }}"
    document.save(str(template))
    done = build_docx(MINIMAL, tmp_path / "out", "--template", str(template))
    assert done.returncode == 1
    assert "kunnan_logo" in done.stderr and "{{ title }} – {{ kunnan_logo }}" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_data_errors_write_nothing(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "root")
    (root / "agreement" / "forums.yaml").unlink()
    done = build_docx(root, tmp_path / "out")
    assert done.returncode == 1 and "forums.yaml" in done.stderr
    assert not (tmp_path / "out").exists()


def test_pdf_pages_and_signature_blocks_on_one_page(example_docs, tmp_path):
    model, paths = example_docs
    convert_to_pdf(tmp_path, paths["fi"])
    pdf = tmp_path / paths["fi"].with_suffix(".pdf").name
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert 15 <= pages <= 80
    texts = [subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"],
                            capture_output=True, text=True, check=True).stdout for n in range(1, pages + 1)]
    first_signature_page = None
    for party in (p for p in model.parties if p.signs):
        heading = f"{party.number}. {party.name.get('fi')}"
        on = [n for n, t in enumerate(texts) if heading in t and "Paikka ja aika" in t]
        assert len(on) == 1, heading
        assert all(s.name in texts[on[0]] for s in party.signatories), heading
        first_signature_page = first_signature_page or on[0] + 1
    ARTIFACTS.mkdir(exist_ok=True)
    for name, page in (("docx-cover", 1), ("docx-signatures", first_signature_page)):
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page), "-singlefile", str(pdf),
                        str(ARTIFACTS / name)], check=True, timeout=60)
        assert (ARTIFACTS / f"{name}.png").stat().st_size > 5000

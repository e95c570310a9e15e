"""The PDF agreement: `build.py pdf` converts the Word documents with LibreOffice, one per language,
read back with poppler's pdftotext and pdfinfo."""
import os
import re
import shutil
import subprocess

import pytest
from helpers import REPO, run_cli

from cooperation import libreoffice
from cooperation.outputs import offered, render_site_files
from cooperation.outputs import pdf as P
from cooperation.pipeline import load, load_all

# LibreOffice converts: left out of `make test-fast`
pytestmark = pytest.mark.office


def require_libreoffice() -> None:
    if libreoffice.program() is None or shutil.which("pdftotext") is None:
        if os.environ.get("REQUIRE_LIBREOFFICE"):
            pytest.fail("LibreOffice and poppler are required here: apt-get install libreoffice-writer-nogui poppler-utils")
        pytest.skip("LibreOffice or poppler not installed (apt-get install libreoffice-writer-nogui poppler-utils)")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    require_libreoffice()
    model, _ = load(REPO)
    outs = []
    for run in ("first", "second"):
        out = tmp_path_factory.mktemp(f"pdf-{run}")
        done = run_cli("pdf", "--root", REPO, "--out", out)
        assert done.returncode == 0, done.stderr
        outs.append(out)
    return model, outs


def info(path) -> dict[str, str]:
    text = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return dict(re.findall(r"^([A-Za-z ]+):\s*(.*)$", text, re.M))


def text(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def words(value: str) -> str:
    return " ".join(value.split())


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_a_pdf_per_language_with_its_title_goals_and_fingerprint(built, lang):
    model, (out, _) = built
    path = out / f"{model.id}-{lang}.pdf"
    assert path.read_bytes().startswith(b"%PDF-")
    found = words(text(path))
    assert words(model.title.get(lang)) in found
    goal = model.subareas[0].goals[0]
    assert words(goal.title.get(lang)) in found and goal.id in found
    meta = info(path)
    assert meta["Title"] == model.title.get(lang)
    assert model.fingerprint in meta["Keywords"]
    assert int(meta["Pages"]) > 1
    # the version date, not the time of the build
    assert meta["CreationDate"].split()[1:3] == [model.version_date.strftime("%b"), str(model.version_date.day)]
    # tagged for screen readers: its headings in the structure, and its language
    assert meta["Tagged"] == "yes"
    structure = subprocess.run(["pdfinfo", "-struct", str(path)], capture_output=True, text=True, check=True).stdout
    assert "H1 (block)" in structure and "Table (block)" in structure
    assert re.search(rb"/Lang\s*\(" + lang.encode() + rb"-", path.read_bytes())


def test_the_same_agreement_gives_the_same_pdf_bytes(built):
    model, (first, second) = built
    for lang in model.languages:
        name = f"{model.id}-{lang}.pdf"
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_without_libreoffice_the_command_says_so_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    done = run_cli("pdf", "--root", REPO, "--out", tmp_path / "out")
    assert done.returncode == 2
    assert "LibreOffice puuttuu" in done.stderr and "build.py docx" in done.stderr
    assert not (tmp_path / "out").exists()


def test_libreoffice_turned_off_builds_as_without_it(tmp_path, monkeypatch):
    """YHTEISTYOSOPIMUS_LIBREOFFICE=off (a quick build: a pull request's check, most tests): `pdf` says it is turned
    off and writes nothing; the Word documents are those of a machine without LibreOffice, their contents without
    page numbers."""
    from cooperation.outputs import docx
    monkeypatch.setenv(libreoffice.SWITCH, "off")
    done = run_cli("pdf", "--root", REPO, "--out", tmp_path / "pdf")
    assert done.returncode == 2
    assert "LibreOffice on otettu pois käytöstä (YHTEISTYOSOPIMUS_LIBREOFFICE=off)" in done.stderr, done.stderr
    assert not (tmp_path / "pdf").exists()
    assert run_cli("docx", "--root", REPO, "--out", tmp_path / "docx").returncode == 0
    model, _ = load(REPO)
    without = docx.render_languages(model, model.languages, page_numbers=False)
    assert {lang: (tmp_path / "docx" / f"{model.id}-{lang}.docx").read_bytes() for lang in model.languages} == without


def test_without_libreoffice_the_site_leaves_the_pdf_out_with_a_note(monkeypatch):
    model, sources, _ = load_all(REPO)
    monkeypatch.setattr(libreoffice, "program", lambda: None)
    notes: list[str] = []
    files = render_site_files(model, sources, notes)
    assert [f.output.name for f in files if f.output.name == "pdf"] == []
    assert {f.output.name for f in files} >= {"docx", "xlsx"}
    assert notes == [P.missing_message()]


def test_time_stamp_and_identifier_are_rewritten_at_their_own_length():
    """What LibreOffice varies run to run (it ignores SOURCE_DATE_EPOCH): the creation time, /ID, /DocChecksum."""
    import datetime

    def made(when: bytes, ident: bytes) -> bytes:
        return (b"%PDF-1.6\n<</CreationDate(D:" + when + b"Z')>>\ntrailer\n<</ID [ <" + ident + b">\n<" + ident
                + b"> ]\n/DocChecksum /" + ident + b"\n>>\n%%EOF\n")
    first = made(b"20261128201316", b"A85AB7F3CB6139B611FDED3B4A390229")
    second = made(b"20261128201351", b"164542F83A886802ACFAB64BCE191B06")
    one, other = (P.reproducible(pdf, datetime.date(2026, 2, 14)) for pdf in (first, second))
    assert one == other and len(one) == len(first)
    assert b"/CreationDate(D:20260214000000Z')" in one
    assert b"A85AB7F3" not in one and b"164542F8" not in one


def test_the_preview_leaves_the_pdf_out_with_a_note(monkeypatch):
    """`mkdocs serve` rebuilds on every edit: no LibreOffice run each time."""
    model, sources, _ = load_all(REPO)
    monkeypatch.setattr(libreoffice, "program", lambda: pytest.fail("converted in the preview"))
    notes: list[str] = []
    files = render_site_files(model, sources, notes, preview=True)
    assert "pdf" not in {f.output.name for f in files} and {f.output.name for f in files} >= {"docx", "xlsx"}
    assert len(notes) == 1 and "esikatselussa" in notes[0]


def test_under_mkdocs_serve_the_plugin_renders_no_pdf(monkeypatch):
    from mkdocs.config import load_config

    monkeypatch.setattr(libreoffice, "program", lambda: pytest.fail("converted in the preview"))
    config = load_config(str(REPO / "mkdocs.yml"))
    plugin = config.plugins["yhteistyosopimus"]
    for name in ("command", "preview", "later"):  # as they were once the test is over (one instance per process)
        monkeypatch.setattr(plugin, name, None)
    plugin.on_startup(command="serve", dirty=False)
    plugin.on_config(config)
    plugin.on_shutdown()
    # the preview lists the downloads now and renders them once its pages are written (on_post_build)
    names = [f.name for f in plugin.later[0]]
    assert not [n for n in names if n.endswith(".pdf")] and [n for n in names if n.endswith(".docx")]


def test_the_site_offers_the_pdfs_converted_while_it_builds_with_their_sizes(built, tmp_path):
    from cooperation.i18n import labels as L
    model, (pdf_out, _) = built
    done = run_cli("site", "--root", REPO, "--out", tmp_path)
    assert done.returncode == 0, done.stderr
    for index, lang in enumerate(model.languages):
        site = tmp_path / "site" / ("" if index == 0 else lang) / "lataukset"
        page = (site / "index.html").read_text(encoding="utf-8")
        for pdf_lang in model.languages:
            name = f"{model.id}-{pdf_lang}.pdf"
            # the same bytes as `build.py pdf`, and the downloads page says their size, not the placeholder
            assert (site / name).read_bytes() == (pdf_out / name).read_bytes(), name
            row = re.search(rf'<a href="{re.escape(name)}">.*?</li>', page, re.S)
            assert row and L.file_size((site / name).stat().st_size, lang) in row.group(0), (lang, name)
        assert 'class="pending"' not in page


def test_without_libreoffice_the_site_does_not_offer_the_pdf(monkeypatch):
    model, _, _ = load_all(REPO)
    monkeypatch.setattr(libreoffice, "program", lambda: None)
    notes: list[str] = []
    assert "pdf" not in {output.name for output in offered(model, notes)}
    assert notes == [P.missing_message()]


def test_mkdocs_build_offers_the_pdfs_converted_while_it_builds_with_their_sizes(built, tmp_path):
    import sys

    from cooperation.i18n import labels as L
    model, (pdf_out, _) = built
    env = dict(os.environ, AGREEMENT_ROOT=str(REPO), NO_MKDOCS_2_WARNING="1")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(REPO / "mkdocs.yml"), "-d", str(tmp_path)],
                   cwd=REPO, env=env, check=True, capture_output=True)
    page = (tmp_path / "lataukset" / "index.html").read_text(encoding="utf-8")
    for lang in model.languages:
        name = f"{model.id}-{lang}.pdf"
        assert (tmp_path / "lataukset" / name).read_bytes() == (pdf_out / name).read_bytes(), name
        row = re.search(rf'<a href="{re.escape(name)}">.*?</li>', page, re.S)
        assert row and L.file_size((pdf_out / name).stat().st_size, "fi") in row.group(0), name

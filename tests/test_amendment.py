"""The amendment package: LibreOffice opens the Word redline and, accepting (rejecting) every change, gives the
newer (older) text; the change annex and the draft decision name both fingerprints and have a true header and
footer; a BASE that does not exist or is not an ancestor writes nothing. The redline's whole-document invariant:
tests/test_redline.py. The example amended: tests/conftest.py (``amended``)."""
from __future__ import annotations

import io
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml
from amending import edit, git
from helpers import REPO, convert_to_pdf, libreoffice, office_environment, run_cli
from lxml import etree
from tracked import q, texts

from cooperation.libreoffice import SWITCH


def paragraphs(data: bytes) -> list[str]:
    """The body's paragraph texts."""
    return texts(etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")))


# a LibreOffice Basic macro: open a document, accept (or reject) every tracked change, save its text
RESOLVE = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub Resolve(source As String, target As String, accept As Boolean)
    Dim args(0) As New com.sun.star.beans.PropertyValue
    args(0).Name = "Hidden"
    args(0).Value = True
    doc = StarDesktop.loadComponentFromURL(source, "_blank", 0, args())
    command = IIf(accept, ".uno:AcceptAllTrackedChanges", ".uno:RejectAllTrackedChanges")
    createUnoService("com.sun.star.frame.DispatchHelper").executeDispatch(doc.getCurrentController().getFrame(), command, "", 0, Array())
    Dim out(0) As New com.sun.star.beans.PropertyValue
    out(0).Name = "FilterName"
    out(0).Value = "Text (encoded)"
    doc.storeToURL(target, out())
    doc.close(True)
End Sub
</script:module>
"""


@pytest.fixture(scope="module")
def resolved(tmp_path_factory):
    """``resolved(source, accept)``: the document's text in LibreOffice after every change accepted (rejected)."""
    program = libreoffice()
    folder = tmp_path_factory.mktemp("libreoffice")
    profile = folder / "profile"
    subprocess.run([program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--terminate_after_init"],
                   check=True, capture_output=True, timeout=240, env=office_environment())
    (profile / "user" / "basic" / "Standard" / "Module1.xba").write_text(RESOLVE, encoding="utf-8")

    def resolve(source: Path, accept: bool) -> list[str]:
        target = folder / f"{source.stem}-{accept}.txt"
        flag = "true" if accept else "false"
        subprocess.run([program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                        f'macro:///Standard.Module1.Resolve("{source.as_uri()}","{target.as_uri()}",{flag})'],
                       check=True, capture_output=True, timeout=240, env=office_environment())
        return target.read_text(encoding="utf-8-sig").splitlines()
    return resolve


def test_accepting_every_change_in_libreoffice_gives_the_newer_text_exactly(amended, resolved):
    """As a council's office does it: the redline opened in a word processor, every change accepted. The text is
    the newer version's, line for line, with no empty paragraph or table row left where something was removed."""
    redline = resolved(amended["out"] / "rannikkoseutu-2026-muutokset-fi.docx", True)
    assert redline == resolved(amended["head"] / "rannikkoseutu-2026-fi.docx", True)


def test_rejecting_every_change_in_libreoffice_gives_the_older_text(amended, resolved):
    """Every change rejected: the older version's text, line for line. LibreOffice 7.4 leaves an empty line where
    it rejects a table added whole (the table's rows go, an empty paragraph stays in its place), so empty lines
    are left out of the comparison; every line with text is compared, in order."""
    redline = resolved(amended["out"] / "rannikkoseutu-2026-muutokset-fi.docx", False)
    base = resolved(amended["base"] / "rannikkoseutu-2026-fi.docx", False)
    assert [line for line in redline if line.strip()] == [line for line in base if line.strip()]
    assert len(redline) - len(base) <= 2  # the one goal's two tables added whole, at most a line each


@pytest.mark.slow
def test_the_redline_is_word_level_and_covers_tables_and_whole_items(amended):
    data = (amended["out"] / "rannikkoseutu-2026-muutokset-fi.docx").read_bytes()
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    inserted = [" ".join("".join(t.text or "" for t in e.iter(q("t"))).split()) for e in root.iter(q("ins"))]
    deleted = [" ".join("".join(t.text or "" for t in e.iter(q("delText"))).split()) for e in root.iter(q("del"))]
    assert "yhdessä" in inserted  # one word, not the paragraph
    assert "Uusi tavoite & <b>lisätty</b>" in " ".join(inserted)  # an added goal, its text as text
    assert any(text.startswith("HYTE-1-T") for text in deleted)  # the removed action's table row
    cells = [c for c in root.iter(q("tc")) if c.find(f".//{q('ins')}") is not None]
    assert cells  # changes inside table cells


def test_the_annex_names_both_fingerprints_and_the_draft_decision_the_approved_one_once(amended):
    head_fp = run_cli("fingerprint", "--root", amended["root"]).stdout.strip()
    base_fp = run_cli("fingerprint", "--root", amended["base_root"]).stdout.strip()
    annex = " ".join(paragraphs((amended["out"] / "rannikkoseutu-2026-muutosliite-fi.docx").read_bytes()))
    decision = " ".join(paragraphs((amended["out"] / "rannikkoseutu-2026-paatosesitys-fi.docx").read_bytes()))
    sv = " ".join(paragraphs((amended["out"] / "rannikkoseutu-2026-beslutsforslag-sv.docx").read_bytes()))
    assert head_fp in annex and base_fp in annex
    # one fingerprint line, at the end: the text the minutes bind to
    assert decision.count(head_fp) == 1 and decision.rstrip().endswith("kirjataan hyväksytyn tekstin sormenjälki.")
    assert base_fp not in decision and sv.count(head_fp) == 1
    assert "ruotsinkielinen teksti ei muuttunut" in annex
    assert "hyväksyy sopimuksen" in decision and "godkänner ändringarna" in sv


@pytest.mark.parametrize("name, title", [("muutosliite-fi", "Muutosliite"), ("paatosesitys-fi", "Päätösesitys"),
                                         ("andringsbilaga-sv", "Ändringsbilaga"), ("beslutsforslag-sv", "Beslutsförslag")])
def test_the_annex_and_the_draft_decision_have_a_true_header_and_footer(amended, name, title):
    """Written by pandoc on the agreement's template, they get its header and footer rendered: the document's name,
    the agreement's version and fingerprint, the page; no draft mark (they are not the agreement)."""
    package = zipfile.ZipFile(io.BytesIO((amended["out"] / f"rannikkoseutu-2026-{name}.docx").read_bytes()))
    head_fp = run_cli("fingerprint", "--root", amended["root"]).stdout.strip()
    footer = "".join(texts(etree.fromstring(package.read("word/footer1.xml"))))
    assert footer.startswith(f"{title} · ") and f"1.1 · SHA-256 {head_fp[:16]}… · " in footer
    assert texts(etree.fromstring(package.read("word/header1.xml"))) == [""]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_the_redline(amended, tmp_path):
    source = amended["out"] / "rannikkoseutu-2026-muutokset-fi.docx"
    done = convert_to_pdf(tmp_path, source)
    pdf = tmp_path / "rannikkoseutu-2026-muutokset-fi.pdf"
    assert pdf.exists(), done.stderr
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "selvästi" in text


def test_a_base_that_does_not_exist_or_is_not_an_ancestor_writes_nothing(amended, tmp_path):
    root = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(amended["root"]), str(root)], check=True)
    out = tmp_path / "out"
    ran = run_cli("amendment", "v9.9", "--root", root, "--out", out)
    assert ran.returncode == 2 and "revisiota ”v9.9” ei löydy" in ran.stderr and "mitään ei kirjoitettu" in ran.stderr
    git(root, "checkout", "-q", "-b", "sivuhaara", "v1.0")
    edit(root, "agreement/agreement.yaml", lambda d: d.update(version="1.0b"))
    git(root, "commit", "-q", "-am", "Sivuhaara")
    git(root, "checkout", "-q", "main")
    ran = run_cli("amendment", "sivuhaara", "--root", root, "--out", out)
    assert ran.returncode == 2 and "ei ole versiota ”HEAD” edeltävä versio" in ran.stderr
    assert not out.exists() or not any(out.iterdir())


def test_a_version_with_errors_is_told_and_nothing_is_written(amended, tmp_path):
    """The older version is checked by a process of its own: its problems are told (first, when the newer version
    has problems too), exit 1, nothing written."""
    root = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(amended["root"]), str(root)], check=True)
    edit(root, "agreement/agreement.yaml", lambda d: d.update(scope=9))
    git(root, "commit", "-q", "-am", "Rikki")
    git(root, "tag", "rikki")
    edit(root, "agreement/agreement.yaml", lambda d: d.update(scope=3, status="ei-tila"))
    out = tmp_path / "out"
    ran = run_cli("amendment", "rikki", "--root", root, "--out", out)
    assert ran.returncode == 1 and "”Laajuus” (scope)" in ran.stderr and "(status)" not in ran.stderr
    assert "mitään ei kirjoitettu" in ran.stderr
    ran = run_cli("amendment", "v1.0", "--root", root, "--out", out)  # the newer version's own problems
    assert ran.returncode == 1 and "(status)" in ran.stderr
    assert not out.exists()


@pytest.mark.slow
def test_the_same_text_on_both_sides_is_nothing_to_decide(amended, tmp_path):
    root = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(amended["root"]), str(root)], check=True)
    out = tmp_path / "out"
    for args in (["HEAD", "HEAD"], ["v1.0", "v1.0"], ["HEAD"]):  # the working tree is HEAD's text
        ran = run_cli("amendment", *args, "--root", root, "--out", out)
        assert ran.returncode == 1, (args, ran.stderr)
        assert "sama sormenjälki" in ran.stderr and "päätettävää ei ole" in ran.stderr, ran.stderr
        assert "mitään ei kirjoitettu" in ran.stderr
    # a change of monitoring data only leaves the fingerprint as it was: nothing for the councils to decide either
    edit(root, "subareas/hyte.yaml", lambda d: d["goals"][0]["actions"][0].update(status="done"))
    ran = run_cli("amendment", "HEAD", "--root", root, "--out", out)
    assert ran.returncode == 1 and "päätettävää ei ole" in ran.stderr, ran.stderr
    assert not out.exists() or not any(out.iterdir())


@pytest.mark.parametrize("args", [["v1.0", ""], ["", "HEAD"], ["v1.0", " "]])
def test_an_empty_revision_is_a_usage_error(amended, tmp_path, args):
    out = tmp_path / "out"
    ran = run_cli("amendment", *args, "--root", amended["root"], "--out", out)
    assert ran.returncode == 2, ran.stderr
    assert "tyhjä" in ran.stderr and "mitään ei kirjoitettu" in ran.stderr
    assert not out.exists() or not any(out.iterdir())


@pytest.mark.slow
def test_release_workflow_attaches_the_redline_against_the_previous_tag(amended, tmp_path):
    """The release workflow's amendment step, run as GitHub would run it on the tag v1.1."""
    import sys

    from helpers import copy_code
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["release"]["steps"]
    assert steps[0]["with"]["fetch-depth"] == 0  # the earlier tags are there
    step = next(s for s in steps if s.get("name") == "Amendment package against the previous signed version")
    root = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(amended["root"]), str(root)], check=True)
    copy_code(root)  # the repository as the workflow checks it out: code and data
    git(root, "tag", "v1.1")
    # the files the step attaches are the subject, not Word's layout (test_word_pages.py): without LibreOffice, as on
    # a runner without it, the four documents are not laid out for their page numbers
    env = dict(os.environ, TAG="v1.1", PATH=f"{Path(sys.executable).parent}:{os.environ['PATH']}",
               **{SWITCH: "off"})
    done = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=root, env=env, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (root / "out").iterdir()) == [
        "rannikkoseutu-2026-andringar-sv.docx", "rannikkoseutu-2026-andringsbilaga-sv.docx",
        "rannikkoseutu-2026-beslutsforslag-sv.docx", "rannikkoseutu-2026-muutokset-fi.docx",
        "rannikkoseutu-2026-muutosliite-fi.docx", "rannikkoseutu-2026-paatosesitys-fi.docx"]

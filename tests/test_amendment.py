"""The amendment package: the Word redline read back (accept all = the newer document's text, reject all =
the older one's), LibreOffice opens it, the change annex and the draft decision name both fingerprints; a
BASE that does not exist or is not an ancestor writes nothing."""
from __future__ import annotations

import copy
import io
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml
from helpers import REPO, convert_to_pdf, copy_root, libreoffice, run_cli
from lxml import etree

from cooperation.outputs.docx.redline import mark_whole_paragraphs

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def git(repo: Path, *args: str) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="Testi", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="Testi",
               GIT_COMMITTER_EMAIL="t@example.org")
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True, env=env).stdout


def edit(root: Path, name: str, change) -> None:
    path = root / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def paragraphs(data: bytes, mode: str | None = None) -> list[str]:
    """The document's paragraph texts; "accept" drops w:del and unwraps w:ins, "reject" the other way round. As in
    Word, a paragraph whose mark is dropped (w:pPr/w:rPr/w:del on accepting) joins the next one, and a row whose
    w:trPr is dropped goes."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    body = root.find(q("body"))
    if mode:
        drop, keep = (q("del"), q("ins")) if mode == "accept" else (q("ins"), q("del"))
        for mark in list(body.iter(drop)):
            if mark.getparent().tag == q("trPr"):  # a row added or removed whole
                row = mark.getparent().getparent()
                row.getparent().remove(row)
            elif mark.getparent().tag == q("rPr") and mark.getparent().getparent().tag == q("pPr"):
                paragraph = mark.getparent().getparent().getparent()
                content = [c for c in paragraph if c.tag != q("pPr") and c.tag != drop]
                if content:  # what is left of it goes to the start of the next paragraph
                    following = paragraph.getnext()
                    assert following is not None and following.tag == q("p"), "a dropped mark joins the next paragraph"
                    for child in reversed(content):
                        following.insert(1 if following.find(q("pPr")) is not None else 0, child)
                paragraph.getparent().remove(paragraph)
        for element in list(body.iter(drop)):
            element.getparent().remove(element)
        for element in list(body.iter(keep)):
            parent, index = element.getparent(), element.getparent().index(element)
            for child in list(element):
                parent.insert(index, child)
                index += 1
            parent.remove(element)
    return ["".join(t.text or "" for t in p.iter(q("t"), q("delText"))) for p in body.iter(q("p"))]


def body_text(paras: list[str]) -> list[str]:
    """The numbered body, empty paragraphs included: after the table of contents, up to the signatures heading."""
    signatures = [i for i, text in enumerate(paras) if text.endswith(" Allekirjoitukset") or text.endswith(" Underskrifter")]
    assert len(signatures) == 2, signatures  # the table of contents' entry, and the heading
    return paras[signatures[0] + 1: signatures[1]]


@pytest.fixture(scope="module")
def amended(tmp_path_factory) -> dict:
    """The example region signed as v1.0, then: a goal reworded in Finnish only, a target number changed, an
    action removed, a goal with an action and an indicator added, a purpose paragraph reworded."""
    root = copy_root(REPO, tmp_path_factory.mktemp("region"))
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Sopimus 1.0")
    git(root, "tag", "v1.0")

    def change(d):
        goal = d["goals"][0]
        goal["title"]["fi"] = goal["title"]["fi"].rstrip(".") + " selvästi."
        goal["indicators"][0]["target"]["value"] += 1
        goal["actions"].pop()
        new = {"id": "HYTE-9", "title": {"fi": "Uusi tavoite & <b>lisätty</b>", "sv": "Nytt mål"},
               "actions": [dict(copy.deepcopy(goal["actions"][0]), id="HYTE-9-T1",
                                title={"fi": "Uusi toimenpide", "sv": "Ny åtgärd"})],
               "indicators": [dict(copy.deepcopy(goal["indicators"][0]), id="HYTE-9-M1")]}
        d["goals"].append(new)
    edit(root, "subareas/hyte.yaml", change)
    edit(root, "agreement/agreement.yaml", lambda d: d.update(
        version="1.1", version_date="2026-05-04",
        purpose={k: v.replace("palvelevat samoja", "palvelevat yhdessä samoja") for k, v in d["purpose"].items()}))
    git(root, "commit", "-q", "-am", "Muutos 1.1")
    out = tmp_path_factory.mktemp("out")
    ran = run_cli("amendment", "v1.0", "--root", root, "--out", out)
    assert ran.returncode == 0, ran.stderr
    base = tmp_path_factory.mktemp("base")
    subprocess.run(["git", "clone", "-q", str(root), str(base / "repo")], check=True)
    git(base / "repo", "checkout", "-q", "v1.0")
    clean = {}
    for name, where in (("head", root), ("base", base / "repo")):
        target = tmp_path_factory.mktemp(name)
        ran = run_cli("docx", "--root", where, "--out", target)
        assert ran.returncode == 0, ran.stderr
        clean[name] = target
    return {"root": root, "out": out, "head": clean["head"], "base": clean["base"]}


@pytest.mark.parametrize("lang, redline", [("fi", "muutokset-fi"), ("sv", "andringar-sv")])
def test_accept_all_gives_head_and_reject_all_gives_base(amended, lang, redline):
    data = (amended["out"] / f"rannikkoseutu-2026-{redline}.docx").read_bytes()
    head = (amended["head"] / f"rannikkoseutu-2026-{lang}.docx").read_bytes()
    base = (amended["base"] / f"rannikkoseutu-2026-{lang}.docx").read_bytes()
    accepted, rejected = body_text(paragraphs(data, "accept")), body_text(paragraphs(data, "reject"))
    # no empty paragraph or row left where one was removed or added whole: the very paragraphs of each version
    assert accepted == body_text(paragraphs(head))
    assert rejected == body_text(paragraphs(base))
    assert accepted != rejected
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    ids = [element.get(q("id")) for element in etree.fromstring(xml.encode()).iter(q("ins"), q("del"))]
    assert ids and len(ids) == len(set(ids))  # Word wants every revision's id unique
    assert 'w:author="1.1"' in xml and 'w:date="2026-05-04T00:00:00Z"' in xml


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


def test_accepting_every_change_in_libreoffice_gives_the_newer_text_exactly(amended, tmp_path):
    """As a council's office does it: the redline opened in a word processor, every change accepted. The text is
    the newer version's, line for line, with no empty paragraph or table row left where something was removed."""
    program = libreoffice()
    profile = tmp_path / "profile"
    subprocess.run([program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--terminate_after_init"],
                   check=True, capture_output=True, timeout=240)
    (profile / "user" / "basic" / "Standard" / "Module1.xba").write_text(RESOLVE, encoding="utf-8")

    def accepted(source: Path) -> list[str]:
        target = tmp_path / f"{source.stem}.txt"
        subprocess.run([program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                        f'macro:///Standard.Module1.Resolve("{source.as_uri()}","{target.as_uri()}",true)'],
                       check=True, capture_output=True, timeout=240)
        return target.read_text(encoding="utf-8-sig").splitlines()

    redline = accepted(amended["out"] / "rannikkoseutu-2026-muutokset-fi.docx")
    assert redline == accepted(amended["head"] / "rannikkoseutu-2026-fi.docx")


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


def test_the_annex_and_the_draft_decision_name_both_fingerprints(amended):
    head_fp = run_cli("fingerprint", "--root", amended["root"]).stdout.strip()
    annex = " ".join(paragraphs((amended["out"] / "rannikkoseutu-2026-muutosliite-fi.docx").read_bytes()))
    decision = " ".join(paragraphs((amended["out"] / "rannikkoseutu-2026-paatosesitys-fi.docx").read_bytes()))
    sv = " ".join(paragraphs((amended["out"] / "rannikkoseutu-2026-beslutsforslag-sv.docx").read_bytes()))
    assert head_fp in annex and head_fp in decision and head_fp in sv
    assert "sopimusmuutos" in annex and "ruotsinkielinen teksti ei muuttunut" in annex
    assert "hyväksyy sopimuksen" in decision and "godkänner ändringarna" in sv
    base_fp = next(w for w in decision.replace(";", " ").replace(".", " ").split() if len(w) == 64 and w != head_fp)
    assert base_fp in annex


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
    env = dict(os.environ, TAG="v1.1", PATH=f"{Path(sys.executable).parent}:{os.environ['PATH']}")
    done = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=root, env=env, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (root / "out").iterdir()) == [
        "rannikkoseutu-2026-andringar-sv.docx", "rannikkoseutu-2026-andringsbilaga-sv.docx",
        "rannikkoseutu-2026-beslutsforslag-sv.docx", "rannikkoseutu-2026-muutokset-fi.docx",
        "rannikkoseutu-2026-muutosliite-fi.docx", "rannikkoseutu-2026-paatosesitys-fi.docx"]


def _body(*parts: str):
    """A document body from WordprocessingML fragments: "T" a table kept, "T-" removed whole, "T+" added whole,
    "S" pandoc's empty paragraph, "P-" a paragraph removed whole, "P" one kept."""
    by = 'w:author="1.1" w:date="2026-05-04T00:00:00Z"'
    row = {"T": '<w:r><w:t>a</w:t></w:r>', "T-": f'<w:del {by}><w:r><w:delText>a</w:delText></w:r></w:del>',
           "T+": f'<w:ins {by}><w:r><w:t>a</w:t></w:r></w:ins>'}
    xml = {"S": "<w:p/>", "P": "<w:p><w:r><w:t>b</w:t></w:r></w:p>",
           "P-": f'<w:p><w:del {by}><w:r><w:delText>b</w:delText></w:r></w:del></w:p>'}
    xml.update({kind: f"<w:tbl><w:tr><w:tc><w:p>{run}</w:p></w:tc></w:tr></w:tbl>" for kind, run in row.items()})
    body = etree.fromstring(f'<w:body xmlns:w="{W}">' + "".join(xml[p] for p in parts) + "</w:body>")
    mark_whole_paragraphs(body)
    return body


def _mark(paragraph) -> list[str]:
    return [etree.QName(e).localname for e in paragraph.findall(f"{q('pPr')}/{q('rPr')}/*")]


def test_a_separator_between_a_table_removed_and_one_added_goes_both_ways_ins_first():
    body = _body("P", "T-", "S", "T+", "P")
    assert _mark(body[2]) == ["ins", "del"]  # ECMA-376 orders w:ins before w:del
    assert body[1].find(f"{q('tr')}/{q('trPr')}/{q('del')}") is not None
    assert body[3].find(f"{q('tr')}/{q('trPr')}/{q('ins')}") is not None


def test_a_paragraph_removed_between_two_tables_that_stay_keeps_them_apart():
    body = _body("T", "P-", "T")
    assert _mark(body[1]) == []  # accepting leaves it empty, as pandoc's paragraph between two tables
    body = _body("T", "P-", "P-", "T")
    assert _mark(body[1]) == [] and _mark(body[2]) == ["del"]  # one is enough


def test_separators_next_to_a_table_added_whole_go_when_rejecting():
    body = _body("T", "S", "T+", "S", "T")
    assert (_mark(body[1]), _mark(body[3])) == ([], ["ins"])  # rejecting leaves T, one separator, T

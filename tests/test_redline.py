"""The amendment's redline is the whole document: with every change accepted it is the newer version's Word document
paragraph for paragraph (body, cover, table of contents, signature pages, annex 1, headers and footers), with every
change rejected the older one's. Read back by our own accept/reject (tests/tracked.py) and, independently, by
pandoc; on the example amended, a framework agreement (scope 1) and a 30-party agreement."""
from __future__ import annotations

import copy
import hashlib
import io
import random
import re
import subprocess
import zipfile

import pypandoc
import pytest
import yaml
from amending import amend, edit
from helpers import REPO, TESTS, copy_example, run_cli
from lxml import etree
from tracked import q, resolve, stories, story_texts, texts

from cooperation import pipeline
from cooperation.outputs.docx import render_languages
from cooperation.outputs.docx.redline import redline
from cooperation.outputs.docx.revisions import Story

FRAMEWORK = TESTS / "fixtures" / "framework"
THIRTY = TESTS / "fixtures" / "thirty_parties"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _framework_grid(root) -> None:
    """The framework agreement with a sub-area (scope 1: goals only, in the body's list and in annex 1's grid)."""
    edit(root, "subareas/hyte.yaml", lambda d: d.update({
        "id": "hyte", "title": "Hyvinvoinnin ja terveyden edistäminen", "group": "common",
        "workbook_subarea": "wellbeing_promotion", "basis": "legal_minimum", "description": "Yhteinen hyte-työ.",
        "responsible_persons": [{"name": "Vastuu Henkilö", "role": "valmistelija", "party": "hva"}],
        "goals": [{"id": "HYTE-1", "title": "Asukkaiden elämänlaatu paranee."},
                  {"id": "HYTE-2", "title": "Lasten ja nuorten liikkuminen lisääntyy."}]}))


def _framework_change(root) -> None:
    edit(root, "subareas/hyte.yaml", lambda d: d["goals"][0].update(title="Asukkaiden koettu elämänlaatu paranee."))
    edit(root, "agreement/agreement.yaml", lambda d: d.update(version="1.1", version_date="2026-09-01"))


def _thirty_signatory(root) -> None:
    edit(root, "agreement/parties.yaml", lambda d: d["parties"][0].update(
        signatories=[{"name": "Aino Aaltonen", "title": "aluevaltuuston puheenjohtaja"}]))


def _thirty_change(root) -> None:
    """A party renamed, a party added among the municipalities (the later ones renumbered), a signatory changed."""
    def parties(d):
        d["parties"][1]["name"] = "Aaltolan kaupunki"
        d["parties"][0]["signatories"] = [{"name": "Veera Virtanen", "title": "aluevaltuuston puheenjohtaja"}]
        d["parties"].insert(4, {"id": "ylakyla", "kind": "municipality", "name": "Yläkylän kunta",
                                "business_id": "0112038-9", "signs": True})
    edit(root, "agreement/parties.yaml", parties)
    edit(root, "agreement/agreement.yaml", lambda d: d.update(version="1.1", version_date="2026-10-01"))


@pytest.fixture(scope="module")
def framework(tmp_path_factory) -> dict:
    return amend(tmp_path_factory, FRAMEWORK, _framework_change, before=_framework_grid)


@pytest.fixture(scope="module")
def thirty(tmp_path_factory) -> dict:
    return amend(tmp_path_factory, THIRTY, _thirty_change, before=_thirty_signatory)


CASES = {  # fixture, redline, the version's own document
    "example-fi": ("amended", "rannikkoseutu-2026-muutokset-fi.docx", "rannikkoseutu-2026-fi.docx"),
    "example-sv": ("amended", "rannikkoseutu-2026-andringar-sv.docx", "rannikkoseutu-2026-sv.docx"),
    "framework": ("framework", "puite-2026-muutokset-fi.docx", "puite-2026-fi.docx"),
    "thirty-parties": ("thirty", "pitkajarvi-2026-muutokset-fi.docx", "pitkajarvi-2026-fi.docx"),
}


@pytest.fixture(params=list(CASES))
def case(request) -> dict:
    fixture, red, own = CASES[request.param]
    built = request.getfixturevalue(fixture)
    return {"redline": (built["out"] / red).read_bytes(), "head": (built["head"] / own).read_bytes(),
            "base": (built["base"] / own).read_bytes(), "path": built["out"] / red,
            "head_path": built["head"] / own, "base_path": built["base"] / own}


def _part(data: bytes, name: str = "word/document.xml"):
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(name))


@pytest.mark.slow
def test_accepting_every_change_gives_the_newer_document_and_rejecting_it_the_older(case):
    """Paragraph for paragraph, empty ones included, in the body and in every header and footer."""
    assert stories(case["redline"]) == stories(case["head"])
    accepted, rejected = story_texts(case["redline"], "accept"), story_texts(case["redline"], "reject")
    assert accepted == story_texts(case["head"])
    assert rejected == story_texts(case["base"])
    assert accepted != rejected


def _plain(path, mode: str | None = None) -> list[str]:
    """The document as pandoc reads it, one line per paragraph or table line (--wrap=none).

    pandoc (3.9; its reader unchanged on this point in 2026) reads a paragraph mark's w:ins/w:del but not a row's:
    Docx/Parse.hs's elemToRow never looks at w:trPr's w:ins/w:del, so a row removed (added) whole is read as a row
    with empty cells when accepting (rejecting); and a list item whose mark goes keeps its bullet ("- " with
    nothing after it). Word and LibreOffice remove both. Those empty lines, empty bullets and the tables' rules are
    left out on both sides; every word is still compared, in order."""
    args = [pypandoc.get_pandoc_path(), "-t", "plain", "--wrap=none", str(path)]
    if mode:
        args.insert(1, f"--track-changes={mode}")
    text = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    return [line for line in map(str.rstrip, text.splitlines()) if not re.fullmatch(r"[\s|+-]*|\s*(?:-|\d+\.)", line)]


@pytest.mark.slow
def test_pandoc_reads_the_older_document_when_rejecting_and_the_newer_when_accepting(case):
    """pandoc is an independent reader of tracked changes: the whole documents, tables and annex included."""
    assert _plain(case["path"], "reject") == _plain(case["base_path"])
    assert _plain(case["path"], "accept") == _plain(case["head_path"])


def _tracked(root, kind: str) -> list[str]:
    """The text of each w:ins or w:del, spaces collapsed."""
    tag, text = (q("ins"), q("t")) if kind == "ins" else (q("del"), q("delText"))
    return [" ".join("".join(t.text or "" for t in e.iter(text)).split()) for e in root.iter(tag)]


def _annex(root):
    """Annex 1, the sub-area grid: the last table of the body."""
    return root.find(q("body")).findall(q("tbl"))[-1]


def test_a_goal_title_changed_is_tracked_in_the_body_and_in_annex_1(amended):
    root = _part((amended["out"] / "rannikkoseutu-2026-muutokset-fi.docx").read_bytes())
    body = [p for p in root.find(q("body")) if p.tag == q("p") and "selvästi." in "".join(_tracked(p, "ins"))]
    assert body, "the goal's heading in section 4"
    assert "selvästi." in " ".join(_tracked(_annex(root), "ins"))
    assert "vapaa-ajallaan." in " ".join(_tracked(_annex(root), "del"))


def test_a_framework_agreements_goal_is_tracked_in_its_list_and_in_the_grid(framework):
    root = _part((framework["out"] / "puite-2026-muutokset-fi.docx").read_bytes())
    assert "koettu" in _tracked(root, "ins")  # word level in the body's list: the one word added
    assert "koettu" in _tracked(_annex(root), "ins")  # and in the grid's line of that goal


def test_the_cover_fingerprint_version_and_footer_are_tracked(amended):
    data = (amended["out"] / "rannikkoseutu-2026-muutokset-fi.docx").read_bytes()
    root = _part(data)
    base_fp = run_cli("fingerprint", "--root", amended["base_root"]).stdout.strip()
    head_fp = run_cli("fingerprint", "--root", amended["root"]).stdout.strip()
    inserted, deleted = _tracked(root, "ins"), _tracked(root, "del")
    assert head_fp in inserted and base_fp in deleted  # the cover's fingerprint line
    older = yaml.safe_load((amended["base_root"] / "agreement" / "agreement.yaml").read_text(encoding="utf-8"))["version"]
    assert older != "1.1"
    cover = [texts(resolve(_part(data), mode))[:12] for mode in ("accept", "reject")]
    assert any("Versio 1.1" in line for line in cover[0]) and any(f"Versio {older}" in line for line in cover[1])
    footer = _part(data, "word/footer1.xml")
    assert "1.1" in _tracked(footer, "ins") and older in _tracked(footer, "del")
    assert f"{head_fp[:16]}…" in _tracked(footer, "ins")


def test_an_indicator_replaced_by_another_id_is_one_row_removed_and_one_added(amended):
    root = _part((amended["out"] / "rannikkoseutu-2026-muutokset-fi.docx").read_bytes())
    rows = {}
    for row in root.iter(q("tr")):
        words = "".join(t.text or "" for t in row.iter(q("t"), q("delText"))).split()
        if words and words[0].startswith("HYTE-2-M"):
            marks = [etree.QName(m).localname for m in row.findall(f"{q('trPr')}/*")]
            rows[words[0]] = marks
            # the whole row is one kind of change: nothing of the other version inside it
            assert not list(row.iter(q("ins" if "del" in marks else "del"))), words[0]
    assert rows == {"HYTE-2-M1": ["del"], "HYTE-2-M2": ["ins"]}
    # annex 1 lists it a line of a cell: that line removed whole, the other added whole
    annex = _annex(root)
    assert "• HYTE-2-M1: Terveytensä enintään keskitasoiseksi kokevat 25–64-vuotiaat, % (Sotkanet 717)" in \
        _tracked(annex, "del")
    assert "• HYTE-2-M2: Terveytensä hyväksi kokevat työikäiset, % (Sotkanet 717)" in _tracked(annex, "ins")


def test_a_party_renamed_added_and_a_signatory_changed_are_tracked_everywhere(thirty):
    data = (thirty["out"] / "pitkajarvi-2026-muutokset-fi.docx").read_bytes()
    root = _part(data)
    inserted = " ".join(_tracked(root, "ins"))
    assert "Yläkylän" in inserted and "Veera Virtanen" in inserted and "kaupunki" in inserted
    assert "Aino Aaltonen" in " ".join(_tracked(root, "del"))
    # the signature pages: two parties a row; the added party's block is tracked as added there, and the parties
    # renumbered after it are shown changed, never removed and added again
    signatures = next(t for t in root.find(q("body")).findall(q("tbl"))
                      if "Paikka ja aika" in "".join(x.text or "" for x in t.iter(q("t"), q("delText"))))
    assert "Yläkylän" in " ".join(_tracked(signatures, "ins"))
    added = [r for r in signatures.findall(q("tr")) if r.find(f"{q('trPr')}/{q('ins')}") is not None]
    removed = [r for r in signatures.findall(q("tr")) if r.find(f"{q('trPr')}/{q('del')}") is not None]
    assert not any("Bergbyn" in "".join(x.text or "" for x in r.iter(q("t"), q("delText"))) for r in added + removed)


def test_the_redline_is_valid_wordprocessingml_for_word(case):
    """Unique revision ids in the whole document, author the version, date its version date; every list and
    relationship the removed content names exists in the newer package."""
    package = zipfile.ZipFile(io.BytesIO(case["redline"]))
    ids = [e.get(q("id")) for name in stories(case["redline"]) for e in _part(case["redline"], name).iter(
        q("ins"), q("del"))]
    assert ids and len(ids) == len(set(ids))
    root = _part(case["redline"])
    authors = {(e.get(q("author")), e.get(q("date"))) for e in root.iter(q("ins"), q("del"))}
    assert len(authors) == 1 and next(iter(authors))[1].endswith("T00:00:00Z")
    lists = {n.get(q("numId")) for n in _part(case["redline"], "word/numbering.xml").iter(q("num"))}
    assert {n.get(q("val")) for n in root.iter(q("numId"))} <= lists | {"0"}
    rels = etree.fromstring(package.read("word/_rels/document.xml.rels"))
    known = {r.get("Id") for r in rels}
    assert {e.get(f"{{{R}}}id") for e in root.iter() if e.get(f"{{{R}}}id")} <= known


def test_removed_list_items_and_links_resolve_in_the_newer_package(amended):
    """The forum removed took a list of its own (its definition brought over); the annex agreement removed had a
    link (its relationship brought over)."""
    data = (amended["out"] / "rannikkoseutu-2026-muutokset-fi.docx").read_bytes()
    root = _part(data)
    removed = [p for p in root.iter(q("p")) if p.find(f"{q('pPr')}/{q('rPr')}/{q('del')}") is not None]
    numbered = {p.find(f"{q('pPr')}/{q('numPr')}/{q('numId')}").get(q("val")) for p in removed
                if p.find(f"{q('pPr')}/{q('numPr')}") is not None}
    head_lists = {n.get(q("numId")) for n in _part((amended["head"] / "rannikkoseutu-2026-fi.docx").read_bytes(),
                                                     "word/numbering.xml").iter(q("num"))}
    lists = {n.get(q("numId")) for n in _part(data, "word/numbering.xml").iter(q("num"))}
    assert numbered <= lists and numbered - head_lists, "the forum's list, of the older document only, brought over"
    links = [h for p in removed for h in p.iter(q("hyperlink")) if h.get(f"{{{R}}}id")]
    assert links
    # the annex agreement removed was an item of a list that stays: it is numbered in that list, not in a copy
    item = next(p for p in removed if links[0] in p.iter())
    stays = item.getprevious()
    assert item.find(f".//{q('numId')}").get(q("val")) == stays.find(f".//{q('numId')}").get(q("val"))
    rels = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/_rels/document.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels}
    assert targets[links[0].get(f"{{{R}}}id")] == "https://example.org/rannikkoseutu/liitteet/saaristo.pdf"


@pytest.mark.slow
def test_the_same_versions_give_the_same_bytes(amended, tmp_path):
    out = tmp_path / "again"
    ran = run_cli("amendment", "v1.0", "--root", amended["root"], "--out", out)
    assert ran.returncode == 0, ran.stderr
    for name in ("rannikkoseutu-2026-muutokset-fi.docx", "rannikkoseutu-2026-andringar-sv.docx"):
        digests = {hashlib.sha256((folder / name).read_bytes()).hexdigest() for folder in (amended["out"], out)}
        assert len(digests) == 1, name


def _mutate(root, rng: random.Random) -> None:
    """A few random amendments of the example: goals reworded, removed, copied; actions removed or reordered; an
    indicator given another id; Markdown with a list and a link added; a forum removed."""
    for _ in range(rng.randint(2, 5)):
        path = rng.choice(sorted((root / "subareas").glob("*.yaml")))
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        goals = data["goals"]
        goal = rng.choice(goals)
        kind = rng.choice(["reword", "drop_action", "reverse_actions", "indicator_id", "markdown", "copy_goal"])
        if kind == "reword":
            goal["title"]["fi"] = rng.choice(["Aivan uusi tavoite.", goal["title"]["fi"] + " lisäksi"])
        elif kind == "drop_action" and len(goal.get("actions", [])) > 1:
            goal["actions"].pop(rng.randrange(len(goal["actions"])))
        elif kind == "reverse_actions":
            goal.get("actions", []).reverse()
        elif kind == "indicator_id" and goal.get("indicators"):
            old = goal["indicators"][0]["id"]
            goal["indicators"][0]["id"] = old + "X"
            for values in (root / "measurements").glob("*.csv"):
                values.write_text(values.read_text(encoding="utf-8").replace(old + ",", old + "X,"), encoding="utf-8")
        elif kind == "markdown":
            goal["description"] = {"fi": "Kuvaus *korostettu* [linkki](https://example.org/x)\n\n1. yksi\n2. kaksi",
                                   "sv": "Beskrivning"}
        elif kind == "copy_goal":
            made = copy.deepcopy(goal)
            made["id"] += "B"
            for item in made.get("actions", []) + made.get("indicators", []):
                item["id"] = item["id"].replace(goal["id"], made["id"], 1)
            goals.insert(goals.index(goal) + 1, made)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    if rng.random() < 0.5:
        edit(root, "agreement/forums.yaml", lambda d: d["forums"].pop(rng.randrange(len(d["forums"]))))


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.slow
def test_random_amendments_of_the_example_keep_the_invariant(tmp_path, seed):
    def rendered(root) -> bytes:
        return render_languages(pipeline.load_all(root)[0], ["fi"])["fi"]
    base = rendered(REPO)
    root = copy_example(tmp_path / "data")
    _mutate(root, random.Random(seed))
    head = rendered(root)
    made = redline(base, head, "1.1", "2026-05-04T00:00:00Z")
    assert story_texts(made, "accept") == story_texts(head)
    assert story_texts(made, "reject") == story_texts(base)


# --- the story's rules on small bodies -----------------------------------------------------------------------
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _story(old: str, new: str) -> list:
    def blocks(xml: str) -> list:
        return list(etree.fromstring(f'<w:body xmlns:w="{W}">{xml}</w:body>'))
    return Story("1.1", "2026-05-04T00:00:00Z", {}, {}, {}).blocks(blocks(old), blocks(new))


def _table(*rows: str) -> str:
    return "<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid>" + "".join(
        f"<w:tr><w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc></w:tr>" for text in rows) + "</w:tbl>"


def _para(text: str = "") -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" if text else "<w:p/>"


def _mark(paragraph) -> list[str]:
    return [etree.QName(e).localname for e in paragraph.findall(f"{q('pPr')}/{q('rPr')}/*")]


def test_a_table_removed_whole_and_one_added_whole_are_kept_apart_by_a_paragraph_in_neither_view():
    out = _story(_para("a") + _table("X-1 vanha") + _para("b"), _para("a") + _table("Y-1 uusi") + _para("b"))
    assert [etree.QName(e).localname for e in out] == ["p", "tbl", "p", "tbl", "p"]
    assert _mark(out[2]) == ["ins", "del"]  # ECMA-376 orders w:ins before w:del


def test_rows_pair_only_with_the_same_item():
    out = _story(_table("Mittari", "A-1 vanha teksti", "A-2 sama"), _table("Mittari", "A-3 vanha teksti", "A-2 samat"))
    rows = out[0].findall(q("tr"))
    assert [[etree.QName(m).localname for m in r.findall(f"{q('trPr')}/*")] for r in rows] == [[], ["del"], ["ins"], []]
    assert _tracked(rows[3], "del") == ["sama"] and _tracked(rows[3], "ins") == ["samat"]


def test_a_paragraph_unlike_the_one_it_replaces_is_removed_and_added_whole():
    out = _story(_para("Yksi kaksi kolme") + _para("loppu"), _para("Aivan toinen lause") + _para("loppu"))
    assert [_mark(p) for p in out] == [["del"], ["ins"], []]
    out = _story(_para("Yksi kaksi kolme neljä") + _para("loppu"), _para("Yksi kaksi kolme viisi") + _para("loppu"))
    assert [_mark(p) for p in out] == [[], []] and _tracked(out[0], "del") == ["neljä"]


def test_the_redliner_tracks_a_document_against_itself_as_no_change(amended):
    data = (amended["head"] / "rannikkoseutu-2026-fi.docx").read_bytes()
    same = redline(data, data, "1.1", "2026-05-04T00:00:00Z")
    assert not [e for name in stories(same) for e in _part(same, name).iter(q("ins"), q("del"))]
    assert story_texts(same) == story_texts(data)

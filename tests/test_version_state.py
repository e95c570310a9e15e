"""One version state, computed once and read by every output: for a draft (a tag v1.0 without any decision), a
signed version in force, and an amendment proposal, every output says the same thing — home page, versions and
approvals pages, the after-signing page, the Atom feed, the Word cover, page mark and footer, the PDF's keywords,
the yearly report and the `approvals` command — in both languages of a Swedish-first agreement."""
from __future__ import annotations

import html
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from helpers import TESTS, copy_root, libreoffice, run_cli
from test_approvals import add_decision, edit, fingerprint, git

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("libreoffice_off")]  # each version state's site, Word and PDF

FIXTURE = TESTS / "fixtures" / "swedish_first"  # languages [sv, fi]: Swedish at /, Finnish at /fi/
PARTIES = ("vo", "alby", "bstad")


def build_state(tmp: Path, kind: str) -> Path:
    root = copy_root(FIXTURE, tmp / "root")
    edit(root, "agreement/agreement.yaml", lambda d: d.update(version_date="2026-02-01"))
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Avtal 1.0", date="2026-02-01T10:00:00+02:00")
    git(root, "tag", "-a", "v1.0", "-m", "1.0", date="2026-02-01T10:00:00+02:00")  # finding 3: a tag, no decisions
    if kind == "draft":
        return root
    for party, day in zip(PARTIES, ("2026-02-20", "2026-03-02", "2026-03-09")):
        add_decision(root, party, {"body": {"sv": "fullmäktige", "fi": "valtuusto"}, "date": day, "section": 3,
                                   "outcome": "approved", "version": "v1.0"})
    git(root, "commit", "-q", "-am", "Beslut", date="2026-03-10T10:00:00+02:00")
    if kind == "in_force":
        return root
    edit(root, "agreement/agreement.yaml", lambda d: d.update(version="1.1", version_date="2026-05-01"))
    target_file = next((root / "subareas").glob("*.yaml"))
    edit(root, f"subareas/{target_file.name}",
         lambda d: d["goals"][0]["indicators"][0]["target"].update(value=d["goals"][0]["indicators"][0]["target"]["value"] + 3))
    git(root, "commit", "-q", "-am", "Ändringsförslag 1.1", date="2026-05-02T10:00:00+02:00")
    add_decision(root, "vo", {"body": {"sv": "styrelse", "fi": "hallitus"}, "date": "2026-05-10", "section": 9,
                              "outcome": "approved", "version": fingerprint(root)[:12]})
    git(root, "commit", "-q", "-am", "Beslut om 1.1", date="2026-05-11T10:00:00+02:00")
    return root


# What each state is, worked out by hand, in each language's words.
DRAFT = {"sv": "utkast", "fi": "luonnos"}
PROPOSAL = {"sv": "ändringsförslag", "fi": "muutosehdotus"}
IN_FORCE = {"sv": "I kraft från och med 9.3.2026", "fi": "Voimassa 9.3.2026 alkaen"}
SINCE = {"sv": "från och med", "fi": "alkaen"}  # no output may say "in force since" of a draft
NONE_IN_FORCE = {"sv": ("Ingen version har ännu godkänts", "Det finns ännu ingen undertecknad version"),
                 "fi": ("Mitään versiota eivät ole vielä hyväksyneet", "Sopimuksesta ei ole vielä allekirjoitettua versiota")}
COUNTS = {"draft": "0/3", "in_force": None, "proposal": "1/3"}
# the outputs that state the current text's state, and those that name the version in force
OF_CURRENT = ("home: status", "home: approvals", "approvals page", "approvals command", "report", "word cover",
              "word mark and footer")
OF_IN_FORCE = ("home: approvals", "approvals page", "versions page", "after signing", "approvals command", "report")


def _text(page: Path) -> str:
    raw = page.read_text(encoding="utf-8")
    raw = raw[raw.find("<article"):raw.find("</article>")]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", raw)).split())


def _docx_texts(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as z:
        parts = {}
        for name in z.namelist():
            if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", name):
                xml = z.read(name).decode("utf-8")
                paragraphs = ["".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", p)) for p in re.findall(r"<w:p[ >].*?</w:p>", xml, re.S)]
                parts[name] = "\n".join(html.unescape(p) for p in paragraphs)
    return parts


@pytest.fixture(scope="module", params=["draft", "in_force", "proposal"])
def built(request, tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp(request.param)
    root = build_state(tmp, request.param)
    out = tmp / "out"
    for command in (("site",), ("docx",), ("report", "2026")):
        done = run_cli(*command, "--root", root, "--out", out)
        assert done.returncode == 0, (command, done.stderr)
    statements: dict[tuple[str, str], str] = {}
    for lang, prefix in (("sv", ""), ("fi", "fi/")):
        site = out / "site" / prefix
        home = _text(site / "index.html")
        statements[("home: status", lang)] = home[home.find("Status" if lang == "sv" else "Tila"):][:80]
        statements[("home: approvals", lang)] = home[home.find("Gällande version" if lang == "sv" else "Voimassa oleva versio"):][:300]
        statements[("approvals page", lang)] = _text(site / "historia" / "hyvaksynnat" / "index.html")
        statements[("versions page", lang)] = _text(site / "historia" / "versiot" / "index.html")
        statements[("after signing", lang)] = _text(site / "historia" / "allekirjoitetun-jalkeen" / "index.html")[:400]
        feed = (site / "historia" / f"muutokset-{lang}.xml").read_text(encoding="utf-8")
        statements[("atom", lang)] = " ".join(re.findall(r"<title>([^<]*)</title>", feed))
        # the report is named in the agreement's first language (Swedish here: uppfoljningsrapport, issue 25.7)
        word = _docx_texts(next(p for p in out.glob(f"*-{lang}.docx") if not p.name.startswith("uppfoljningsrapport")))
        cover = word["word/document.xml"].splitlines()
        statements[("word cover", lang)] = next(line for line in cover if line.startswith(("Version ", "Versio ")) and " · " in line)
        statements[("word mark and footer", lang)] = " | ".join(t for n, t in sorted(word.items()) if n != "word/document.xml")
        report = _docx_texts(out / f"uppfoljningsrapport-2026-{lang}.docx")["word/document.xml"]
        statements[("report", lang)] = report[:1500]
        statements[("approvals command", lang)] = run_cli("approvals", "--root", root, "--lang", lang).stdout.split("\n\n")[0]
    return {"kind": request.param, "root": root, "out": out, "statements": statements}


def test_every_output_says_the_same_state(built):
    kind, statements = built["kind"], built["statements"]
    wrong = []
    for (output, lang), said in statements.items():
        where, low = f"{kind}/{lang}/{output}: {said!r}", said.lower()
        current = {"draft": DRAFT, "proposal": PROPOSAL, "in_force": IN_FORCE}[kind][lang].lower()
        if output in OF_CURRENT and not (output == "word mark and footer" and kind == "in_force"):
            wrong += [f"{where} lacks {current!r}"] if current not in low else []
        others = [w[lang] for w in (DRAFT, PROPOSAL) if w[lang] != current]
        wrong += [f"{where} says {o!r}" for o in others if o in low]
        if kind == "draft":
            wrong += [f"{where} says {SINCE[lang]!r}"] if SINCE[lang] in said else []
            if output in OF_IN_FORCE and output not in ("approvals page", "approvals command"):
                wrong += [f"{where} lacks that nothing is in force"] if not any(n in said for n in NONE_IN_FORCE[lang]) else []
        else:
            if output in OF_IN_FORCE + ("atom",) or (kind == "in_force" and output in ("home: status", "word cover")):
                wrong += [f"{where} lacks {IN_FORCE[lang]!r}"] if IN_FORCE[lang] not in said else []
            wrong += [f"{where} says nothing is in force"] if any(n in said for n in NONE_IN_FORCE[lang]) else []
        count = COUNTS[kind]
        if count and output in ("home: approvals", "approvals page", "approvals command", "report"):
            wrong += [f"{where} lacks {count!r}"] if count not in said else []
    assert wrong == [], "\n".join(wrong)


def test_the_proposal_is_labelled_from_the_version_in_force(built):
    if built["kind"] != "proposal":
        pytest.skip("the proposal's label")
    s = built["statements"]
    assert "Version 1.1 · Ändringsförslag" in s[("word cover", "sv")]
    assert "Versio 1.1 · Muutosehdotus" in s[("word cover", "fi")]
    assert "ÄNDRINGSFÖRSLAG" in s[("word mark and footer", "sv")] and "Version 1.1 · SHA-256" in s[("word mark and footer", "sv")]
    assert "hyväksytty" not in s[("word cover", "fi")].lower() and "godkänd" not in s[("word cover", "sv")].lower()


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils (pdfinfo) missing")
def test_the_pdf_keywords_carry_the_fingerprint_and_the_version(built):
    libreoffice()  # skips (or fails under REQUIRE_LIBREOFFICE) without LibreOffice
    if built["kind"] == "in_force":
        pytest.skip("one PDF conversion per label: draft and proposal")
    out = built["out"] / "pdf"
    done = run_cli("pdf", "--root", built["root"], "--out", out)
    assert done.returncode == 0, done.stderr
    label = {"draft": "1.0, utkast", "proposal": "1.1, ändringsförslag"}[built["kind"]]
    pdf = next(out.glob("*-sv.pdf"))
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    keywords = next(line for line in info.splitlines() if line.startswith("Keywords:"))
    words = keywords.split(":", 1)[1].replace(",", " ").split()
    assert fingerprint(built["root"]) in words
    assert " ".join(words).endswith(label.replace(",", ""))

"""Every language's Word document carries that language's texts: the parties' names, the sub-areas', goals',
actions' and indicators' titles and the document's headings, not the main language's."""
from __future__ import annotations

import zipfile

import pytest
from helpers import REPO, run_cli
from lxml import etree

from cooperation.i18n import labels as L
from cooperation.pipeline import load

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def documents(tmp_path_factory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("docx")
    done = run_cli("docx", "--out", out)
    assert done.returncode == 0, done.stderr
    texts = {}
    for path in out.glob("*.docx"):
        lang = path.stem.rsplit("-", 1)[1]
        root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
        texts[lang] = "\n".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in root.iter(f"{W}p"))
    return texts


def _names(model) -> list:
    """Every text a reader finds by name: parties, sub-areas, goals, actions and indicators."""
    return ([p.name for p in model.parties] + [s.title for s in model.subareas] + [g.title for g in model.goals]
            + [a.title for a in model.actions] + [i.name for i in model.indicators])


def test_each_document_holds_its_own_languages_names_and_headings(documents):
    model, _ = load(REPO)
    assert set(documents) == set(model.languages) and len(model.languages) > 1
    for lang, text in documents.items():
        flat = " ".join(text.split())
        missing = [n.get(lang) for n in _names(model) if " ".join(n.get(lang).split()) not in flat]
        assert missing == [], (lang, missing[:5])
        headings = [L.word(key, lang) for key in ("parties", "purpose_and_starting_points", "legal_basis", "goals",
                                                  "forums", "validity", "annexes", "signatures")]
        assert [h for h in headings if h not in text] == [], lang


def test_no_document_holds_the_other_languages_names(documents):
    model, _ = load(REPO)
    for lang, text in documents.items():
        flat = " ".join(text.split())
        others = [n.get(other) for n in _names(model) for other in model.languages
                  if other != lang and n.get(other) != n.get(lang) and len(n.get(other)) > 12]
        assert [o for o in others if " ".join(o.split()) in flat] == [], lang

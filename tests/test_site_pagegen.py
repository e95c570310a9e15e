"""Generating the pages fast keeps them as they were: the pages of the fixture are pinned, the Markdown shortcut for
plain text gives what the whole Markdown path gives, and the renderings kept from one build to the next
(`mkdocs serve` rebuilds after every edit) never show an old value."""
from __future__ import annotations

import datetime
import hashlib
import random
from pathlib import Path

import pytest
from helpers import MINIMAL, copy_root

from cooperation.outputs.site.html import markdown_html, markdown_whole
from cooperation.outputs.site.memo import Memo
from cooperation.outputs.site.pages import Site
from cooperation.pipeline import load_all
from cooperation.timeliness import fixed_today
from cooperation.workspace import Workspace

DAY = datetime.date(2026, 11, 28)
REPO_URL = "https://github.com/example/agreement"

# sha256 over every page's Markdown and HTML blocks and every generated asset of tests/fixtures/minimal, in Finnish,
# on DAY. Taken from the pages before they were made faster (commit 2d934c8), then with the charts' drawings marked
# data-search-exclude (reviewed: that attribute is the only difference), then with the matrix a stacked table (a card
# per party on a phone) and the statement naming the PDFs with the Word documents (reviewed: those two pages are the
# only differences), then with the version state read by every page (the fixture's one decision, which named no text,
# dropped; reviewed: the home page's state and approvals lines, the approvals page, the party pages' approvals and the
# parties' "decision on the current text" column are the only differences), then with the progress words that say
# what they compute (reviewed page by page: HYTE-1-M1's explanation on its sub-area page and its own page — pace,
# way travelled and time gone — and the method's sentence on every indicator page and the overview are the only
# differences): a change to what the pages show changes it on purpose; then put the digest the failure prints here.
GOLDEN_FI = "63b4eaf971c0833688c2a4f65bb0f8a20aa6cb520a648d261f951ed869fc4d64"


def build(root: Path, lang: str = "fi", day: datetime.date = DAY, workspace: Workspace | None = None) -> Site:
    """The pages, built in ``workspace`` (a preview session's: what its previous build rendered is found), else anew."""
    workspace = workspace or Workspace()
    with fixed_today(day):
        model, sources, _ = load_all(root, workspace)
        site = Site(model, lang, repo_url=REPO_URL, workspace=workspace)
        site.build()
    return site


def output(site: Site) -> dict[str, str]:
    """Every page (its Markdown and blocks) and asset, by path."""
    pages = {path: page.markdown()[0] + "\x00" + "\x00".join(page.markdown()[1]) for path, page in site.pages.items()}
    return pages | {path: data.decode("utf-8") for path, data in site.assets.items()}


def digest(site: Site) -> str:
    total = hashlib.sha256()
    for path, text in output(site).items():
        total.update(f"{path}\x00{text}\x00".encode())
    return total.hexdigest()


def test_the_fixture_pages_are_as_pinned_built_anew_and_rebuilt(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "region")
    session = Workspace()
    built = build(root, workspace=session)
    assert digest(built) == GOLDEN_FI
    assert built.memo.made > 0
    rebuilt = build(root, workspace=session)
    assert digest(rebuilt) == GOLDEN_FI  # everything found from the build before
    assert rebuilt.memo.made == 0
    assert build(root).memo.made > 0  # another session finds nothing of this one's


# text the shortcut takes, and text it must leave to Markdown (a list, emphasis, markup, entities, a second line,
# a no-break space the sanitiser writes as &nbsp;)
PLAIN = ["Kuvaus.", "Tavoite on 5 % vuoteen 2028 mennessä (alue: koko maakunta); onko se \"hyvä\"?",
         "Åland – Ålands landskapsregering 2026–2028!", "a/b 1,5 € — 'lainaus'", "Ä", "x - y -- z"]
NOT_PLAIN = ["1. kohta", "- lista", "* lista", "+ lista", "# Otsikko", "> lainaus", "a_b_c", "*korostus*",
             "**vahva**", "`koodi`", "a & b", "a &amp; b", "<b>lihava</b>", "<script>x</script>", "rivi\ntoinen",
             "kappale\n\ntoinen", "a\u00a0b", "[linkki](https://example.org)", "<https://example.org>", "a\\b",
             "2026. vuosi", "", "   "]


def test_plain_text_gives_what_the_whole_markdown_path_gives():
    for text in PLAIN:
        assert markdown_html(text) == f"<p>{text}</p>" == markdown_whole(text), text
    for text in NOT_PLAIN:
        assert markdown_html(text) == markdown_whole(text), text
    assert markdown_html("1. kohta") == "<ol>\n<li>kohta</li>\n</ol>"
    assert markdown_html("a & b") == "<p>a &amp; b</p>"
    # and text drawn from the characters the shortcut allows next to ones it does not
    rng = random.Random(16)
    alphabet = list("aäöåZÅ0129²½ßж中") + list(" .,;:?!()'\"%/€–—-") + list("_*#<>&`[]\\\u00a0\n|=~+")
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 14)))
        assert markdown_html(text) == markdown_whole(text), repr(text)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# each edit, and the words it must show on the sub-area's page, the indicator's page or its chart once the site is
# rebuilt
EDITS = [
    ("measurements/values.csv", "HYTE-1-M1,region,2025,12.5,", "HYTE-1-M1,region,2025,27,", "27\u00a0%"),
    ("subareas/hyte.yaml", "name: Mittari HYTE-1-M1", "name: Lukutaito nousee", "Lukutaito nousee"),
    ("subareas/hyte.yaml", "description: Kuvaus.", "description: Uusi kuvaus.", "Uusi kuvaus."),
    ("agreement/parties.yaml", "name: Alfan kunta", "name: Alfan uusi kunta", "Alfan uusi kunta"),
    # the citation of a Sotkanet source is dated by the agreement's version date, else the start of its validity
    ("agreement/agreement.yaml", 'validity: {start: "2026-01-01"', 'validity: {start: "2026-02-01"', "Viitattu 1.2.2026"),
]


@pytest.mark.parametrize("name, old, new, shown", EDITS, ids=["value", "indicator name", "description", "party name", "citation date"])
def test_a_rebuild_shows_every_edit_as_a_build_anew_does(tmp_path, name, old, new, shown):
    root = copy_root(MINIMAL, tmp_path / "region")
    session = Workspace()
    build(root, workspace=session)
    edit(root / name, old, new)
    rebuilt = build(root, workspace=session)
    page = (rebuilt.pages["osa-alueet/hyte.md"].markdown_text() + rebuilt.pages["mittarit/hyte-1-m1.md"].markdown_text()
            + rebuilt.assets["kaaviot/hyte-1-m1.svg"].decode())
    assert shown in page
    assert output(build(root)) == output(rebuilt)


def test_a_rebuild_in_another_language_or_on_another_day_is_built_for_it(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "region")
    later = datetime.date(2031, 1, 1)  # the newest value (2025) is out of date by then, the actions ended in 2027
    for lang, day, path, shown in (("sv", DAY, "osa-alueet/hyte.md", "Utgångsnivå"),
                                   ("fi", later, "osa-alueet/hyte.md", "vanhentunut"),
                                   ("fi", later, "osapuolet/alfa.md", "Myöhässä: aikataulu päättyi 2027")):
        session = Workspace()
        build(root, workspace=session)
        rebuilt = build(root, lang, day, session)
        assert shown in rebuilt.pages[path].markdown_text()
        assert output(build(root, lang, day)) == output(rebuilt)


def test_only_what_an_edit_changed_is_rendered_again_and_only_the_latest_build_is_kept(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "region")
    edit(root / "subareas" / "hyte.yaml", "description: Kuvaus.", "description: Vain tässä.")  # no other uses it
    session = Workspace()
    memo = build(root, workspace=session).memo
    used = len(memo)
    for n in range(3):
        edit(root / "subareas" / "hyte.yaml", "description: ", f"description: Muutos{n} ")
        build(root, workspace=session)
        assert memo.made == 1  # the edited description; every indicator and other text found
        assert len(memo) == used + 1  # this build's renderings and the old description, let go at the next
    build(root, workspace=session)
    assert memo.made == 0 and len(memo) == used


def test_the_memo_keeps_what_the_latest_build_used():
    memo = Memo()
    made: list[str] = []

    def make(value: str):
        return lambda: made.append(value) or value.upper()
    memo.start()
    assert memo.get("a", make("a")) == "A" and memo.get("b", make("b")) == "B" and memo.get("a", make("a")) == "A"
    memo.start()
    assert memo.get("a", make("a")) == "A"  # kept from the build before
    memo.start()  # "b" went unused: let go
    assert memo.get("b", make("b")) == "B"
    assert made == ["a", "b", "b"] and memo.made == 1


def test_a_found_rendering_keeps_the_parts_it_was_made_from():
    """An indicator's page is made from its chart and tables: found whole, it keeps them for the build after, which may
    need them alone (the page's sub-area was renamed, the chart was not)."""
    memo = Memo()
    made: list[str] = []

    def part(value: str):
        return memo.get(value, lambda: made.append(value) or value.upper())
    memo.start()
    assert memo.get("page", lambda: part("chart") + part("table")) == "CHARTTABLE"
    memo.start()
    assert memo.get("page", lambda: "never") == "CHARTTABLE"  # found: its parts are used too
    memo.start()
    assert memo.get("renamed page", lambda: part("chart") + part("table")) == "CHARTTABLE"
    assert made == ["chart", "table"] and memo.made == 1

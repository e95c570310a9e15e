"""The record of a whole term (issue 31): every change since the repository began (or since agreement.yaml's
record_start) on the site, a page per year by version and month; each commit's diff computed once per machine and a
warm build reading no old revision (the changes since the version in force included); a year of 500 changes usable
on a phone."""
from __future__ import annotations

import contextlib
import datetime
import functools
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from amending import edit
from helpers import MINIMAL, REPO, copy_example, copy_root, require_browser, run_cli, serve

from cooperation import cache, libreoffice
from cooperation.changes import gitrepo, history
from cooperation.changes.diff import compare, to_json_data
from cooperation.changes.record import AMENDMENT_PROPOSAL, BEFORE_SIGNING, periods
from cooperation.load.sources import load_sources
from cooperation.workspace import Workspace

sys.path.insert(0, str(REPO / "benchmarks"))
from repository import ENV, make  # noqa: E402
from test_history import history_repo, repo  # noqa: E402,F401,F811 - its repository: a signed version, amended since

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("libreoffice_off")]  # a term of 250 commits and its sites, built once for the module

TZ = datetime.timezone(datetime.timedelta(hours=2))
UNTRUSTED = 'Otsikko <img src=x onerror=alert(1)> & "lainaus" (#100)'
LANGUAGES = {"fi": "", "sv": "sv/"}


def git(root: Path, *args: str, date: str = "2026-11-28T10:00:00+02:00") -> str:
    env = dict(os.environ, **ENV, GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, text=True,
                          env=env).stdout.strip()




@contextlib.contextmanager
def reads_of_old_revisions(refuse: bool = False):
    """Counts every read of an old revision's files (``export`` and git's objects), or refuses them."""
    count = [0]
    with pytest.MonkeyPatch.context() as patch:
        def counted(real):
            def read(*args, **kwargs):
                if refuse:
                    raise AssertionError(f"an old revision was read: {args[1:3]}")
                count[0] += 1
                return real(*args, **kwargs)
            return read
        patch.setattr(gitrepo, "export", counted(gitrepo.export))
        patch.setattr(gitrepo.Objects, "read", counted(gitrepo.Objects.read))
        yield count


def article(site: Path, path: str) -> str:
    text = (site / path / "index.html").read_text(encoding="utf-8")
    return text[text.index("<article"):text.index("</article>")]


def readable(html: str) -> str:
    """What a reader (or a screen reader) meets of a page's HTML: its text and the attributes said aloud; not the
    addresses and anchors, which are Finnish on every language's pages (/sv/historia/#muutos-…)."""
    said = " ".join(re.findall(r'(?:aria-label|title|alt)="([^"]*)"', html))
    return re.sub(r"<[^>]+>", " ", html) + " " + said


@pytest.fixture(scope="module", autouse=True)
def cold_cache(tmp_path_factory):
    """The module's own cache, cold at its start: its tests count what a cold and a warm build read (`make test-fast`
    keeps the tests' cache between runs)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("YHTEISTYOSOPIMUS_CACHE", str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.fixture(scope="module")
def term(tmp_path_factory) -> dict:
    """The example region over a term: 250 commits from 6.1.2025 to 20.11.2026, one of them with an untrusted title;
    v1.0 tagged at the 200th (7/2026) and approved by every signing party, the text amended since (version 1.1);
    the site built cold."""
    base = tmp_path_factory.mktemp("term")
    region = copy_example(base / "region")
    root = base / "repo"
    commits = make(region, root, 250, datetime.datetime(2025, 1, 6, 10, tzinfo=TZ),
                   datetime.datetime(2026, 11, 20, 10, tzinfo=TZ), titles={100: UNTRUSTED})
    git(root, "tag", "-a", "v1.0", "-m", "Allekirjoitettu versio 1.0", commits[199])

    def approved(d):
        for party in d["parties"]:
            party["decisions"] = [{"body": {"fi": "valtuusto", "sv": "fullmäktige"}, "date": "2026-11-28",
                                   "section": 1, "outcome": "approved", "version": "v1.0"}]
    edit(root, "agreement/parties.yaml", approved)
    edit(root, "agreement/agreement.yaml", lambda d: d.update(version="1.1"))
    git(root, "commit", "-q", "-am", "Päätökset ja versio 1.1 (#251)")
    commits.append(git(root, "rev-parse", "HEAD"))
    with reads_of_old_revisions() as cold:
        ran = run_cli("site", "--root", root, "--out", base / "out")
    assert ran.returncode == 0, ran.stderr
    assert cold[0] > 250  # every commit was read once (its changed files)
    return {"root": root, "commits": commits, "site": base / "out" / "site", "out": base / "out"}


def test_the_first_and_the_last_change_are_on_the_history_pages_in_both_languages(term):
    first, last = term["commits"][0], term["commits"][-1]
    for lang, prefix in LANGUAGES.items():
        site = term["site"] / prefix
        index = article(site, "historia")
        assert f'id="muutos-{last[:10]}"' in index and "Päätökset ja versio 1.1" in index  # the newest, on the page
        # how many there are, and where the rest are: a page per year
        assert ("251 muutosta" if lang == "fi" else "251 ändringar") in index
        assert 'href="../historia/2025/"' in index or 'href="2025/"' in index
        oldest = article(site, "historia/2025")
        assert f'id="muutos-{first[:10]}"' in oldest and "Ensimmäinen versio" in oldest
        assert f'id="muutos-{last[:10]}"' in article(site, "historia/2026")
        counts = [int(re.search(r"\((\d+)\)", article(site, f"historia/{y}")).group(1)) for y in (2025, 2026)]
        assert sum(counts) == 251  # each year's page says how many it holds: every change is on one
        if lang == "sv":  # the change titles come from git in Finnish: marked so, and no Finnish word of ours
            assert 'lang="fi">Päätökset ja versio 1.1' in index
            for word in ("muutosta", "Ennen allekirjoittamista", "Uusimmat muutokset", "muutosehdotus"):
                assert word not in readable(re.sub(r'<span lang="fi">.*?</span>', "", index + oldest)), word


def test_the_changes_are_grouped_by_version_and_month(term):
    for lang, prefix in LANGUAGES.items():
        page = article(term["site"] / prefix, "historia/2026")
        before, proposal = ("Ennen allekirjoittamista", "Versio 1.1, muutosehdotus") if lang == "fi" else \
            ("Före undertecknandet", "Version 1.1, ändringsförslag")
        # newest first: the amendment proposal since v1.0, then the negotiation that led to v1.0
        assert page.index(proposal) < page.index(before)
        assert 'id="muutosehdotus"' in page and 'id="ennen-allekirjoittamista"' in page
        months = re.findall(r'<h3 id="(kk-2026-\d\d[^"]*)"', page)
        assert months[0] == "kk-2026-11" and len(set(m[:10] for m in months)) == 11
        assert page.count('class="month-summary"') == len(months)
        # each change a heading, its class and title, and its details folded
        assert page.count('<details class="entry-changes">') == page.count('<section class="history-entry"')
        assert "<details class=\"entry-changes\" open" not in page


def test_commit_titles_are_escaped_everywhere(term):
    for prefix in LANGUAGES.values():
        site = term["site"] / prefix
        for path in ("historia/2025", "historia/2026", "historia", "osa-alueet/hyte"):
            text = (site / path / "index.html").read_text(encoding="utf-8")
            assert "<img src=x" not in text
        assert "Otsikko &lt;img src=x onerror=alert(1)&gt; &amp; &quot;lainaus&quot;" in \
            (site / "historia/2025/index.html").read_text(encoding="utf-8") + \
            (site / "historia/2026/index.html").read_text(encoding="utf-8")
    feed = (term["site"] / "historia" / "muutokset-fi.xml").read_text(encoding="utf-8")
    assert "<img" not in feed


def test_goal_histories_are_complete_the_newest_listed_the_earlier_folded(term):
    record = history.load_history(term["root"])
    hyte = article(term["site"], "osa-alueet/hyte")
    for goal in ("HYTE-1", "HYTE-2"):
        touched = record.for_items({goal} | {i.id for e in record.entries for i in e.diff.items
                                             if i.id.startswith(goal + "-")})
        assert len(touched) > 5  # more than the page lists unfolded
        part = hyte[hyte.index(f'id="{goal.lower()}-history"'):]
        part = part[:part.index("</details>")]
        assert part.count("<li>") >= len(touched) and "aiempaa muutosta" in part
        assert f"muutos-{touched[-1][0].change.commit[:10]}" in part  # the oldest: the first version added it
    # a change too long for a heading is named by its field's title in the page's language, never by its key
    assert "HYTE-1, tavoite: teksti muutettu" in hyte and ", title:" not in hyte
    hyte_sv = article(term["site"] / "sv", "osa-alueet/hyte")
    assert "HYTE-1, mål: texten ändrad" in hyte_sv and ", title:" not in hyte_sv


def test_a_second_build_with_unchanged_data_reads_no_old_revision(term, tmp_path):
    """Nothing of git's old revisions is read: each commit's diff, the changes since the version in force (keyed
    by its commit and a digest of the files) and what each text holds come from the cache; so do `approvals` and
    the yearly report's changes (at its second run: the fixture's build made no report)."""
    report = ("report", "2026", "--root", term["root"], "--out", tmp_path / "report")
    with reads_of_old_revisions() as reads:
        assert run_cli(*report).returncode == 0
    assert reads[0] > 0  # the year before's data, read once
    with reads_of_old_revisions(refuse=True):
        ran = run_cli("site", "--root", term["root"], "--out", tmp_path / "out")
        assert ran.returncode == 0, ran.stderr
        assert run_cli("approvals", "--root", term["root"]).returncode == 0
        ran = run_cli(*report)
        assert ran.returncode == 0, ran.stderr
    assert article(tmp_path / "out" / "site", "historia/allekirjoitetun-jalkeen") == \
        article(term["site"], "historia/allekirjoitetun-jalkeen")
    for path in ("historia", "historia/2025", "historia/2026", "sv/historia/2026", "osa-alueet/hyte"):
        assert article(tmp_path / "out" / "site", path) == article(term["site"], path), path


def test_an_edited_file_is_compared_again_with_the_version_in_force(term, tmp_path):
    """The changes since the version in force are kept by that version's commit and a digest of the files: the same
    files read nothing old again (the site's build made them), an edit compares again."""
    root = term["root"]
    in_force = git(root, "rev-parse", "v1.0^{commit}")
    with reads_of_old_revisions(refuse=True):
        before = history.load_history(root, load_sources(root), in_force=in_force).since_signed
    new_title = {"fi": "Uusi otsikko", "sv": "Ny rubrik"}
    assert all(f.new != new_title for i in before.items for f in i.fields)
    edited = root.parent / "edited"
    subprocess.run(["git", "clone", "-q", str(root), str(edited)], check=True)
    edit(edited, "subareas/hyte.yaml", lambda d: d["goals"][0].update(title=new_title))
    with reads_of_old_revisions() as reads:
        after = history.load_history(edited, load_sources(edited), in_force=in_force).since_signed
    assert reads[0] > 0
    assert [f.new for i in after.items if i.id == "HYTE-1" for f in i.fields if f.path == "title"] == [new_title]


def test_another_program_version_computes_anew(term, monkeypatch, tmp_path):
    monkeypatch.setattr(cache, "program", lambda: f"another version {tmp_path}")  # make test-fast's cache is kept
    with reads_of_old_revisions() as reads:
        again = history.load_history(term["root"], limit=3)
    assert reads[0] > 0 and len(again.entries) == 3


def test_a_commits_diff_is_the_whole_revisions_diff(tmp_path):
    """Only the files that differ between a commit and its parent are compared (the others are the same objects,
    read once): the diff is what comparing the whole revisions gives, a measured value's change included."""
    root = tmp_path / "repo"
    make(copy_example(tmp_path / "region"), root, 30, datetime.datetime(2026, 1, 5, 10, tzinfo=TZ),
         datetime.datetime(2026, 6, 1, 10, tzinfo=TZ))
    with tempfile.TemporaryDirectory() as tmp, pytest.MonkeyPatch.context() as patch:
        patch.setenv("YHTEISTYOSOPIMUS_CACHE", "off")
        record = history.load_history(root)
        assert len(record.entries) == 30 and any(e.diff.values for e in record.entries)
        repo, prefix = gitrepo.locate(root)

        @functools.cache  # a commit is the next one's parent: each revision exported and read once
        def whole(commit):
            if commit is None:
                (Path(tmp) / "empty").mkdir(exist_ok=True)
                return load_sources(Path(tmp) / "empty")
            return load_sources(gitrepo.export(repo, prefix, commit, Path(tmp) / commit))
        for entry in record.entries:
            expected = compare(whole(entry.change.parent), whole(entry.change.commit))
            assert json.dumps(to_json_data(entry.diff), sort_keys=True) == \
                json.dumps(to_json_data(expected), sort_keys=True), entry.change.subject


def test_periods_follow_the_signed_versions(repo):  # noqa: F811 - test_history's fixture
    """test_history's repository: v1.0 signed after an editorial change, the text amended since."""
    from cooperation.pipeline import load_all
    root = repo["root"]
    model, _, _ = load_all(root, Workspace())
    record = history.load_history(root, in_force=model.version_state.in_force.commit)
    found = periods(record.entries, model.version_state)
    assert [(p.kind, [e.change.pull_request for e in p.entries]) for p in found] == [
        (AMENDMENT_PROPOSAL, [4, 3, None]), (BEFORE_SIGNING, [2, 1, None])]
    assert found[1].version.name == "v1.0" and found[0].version.current


def test_the_record_begins_where_agreement_yaml_says(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "repo")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Edellisen kauden sopimus", date="2025-05-01T10:00:00+02:00")
    edit(root, "subareas/hyte.yaml", lambda d: d["goals"][0].update(title="Uusi tavoite"))
    git(root, "commit", "-q", "-am", "Neuvottelu alkaa (#1)", date="2026-02-02T10:00:00+02:00")
    fingerprint = run_cli("fingerprint", "--root", root).stdout
    edit(root, "agreement/agreement.yaml", lambda d: d.update(record_start="2026-01-01"))
    git(root, "commit", "-q", "-am", "Historia alkaa 2026 (#2)", date="2026-02-03T10:00:00+02:00")
    assert run_cli("fingerprint", "--root", root).stdout == fingerprint  # the site's own setting
    assert run_cli("validate", "--root", root).returncode == 0
    ran = run_cli("site", "--root", root, "--out", tmp_path / "out")
    assert ran.returncode == 0, ran.stderr
    site = tmp_path / "out" / "site"
    index = article(site, "historia")
    assert "Neuvottelu alkaa" in index and "Edellisen kauden sopimus" not in index
    assert "Neuvotteluhistoriassa on 1 muutos" in index  # the setting's own edit is no change of the record
    assert "Historia alkaa 1.1.2026" in index and "git-historiassa" in index
    assert "Historia alkaa 1.1.2026" in article(site, "historia/2026")
    assert not (site / "historia" / "2025").exists()


def test_the_words_of_the_record_pages_are_in_the_catalogue():
    from cooperation.i18n import labels as L
    for key in ("history_year", "record_extent", "record_begins", "record_latest_some", "record_year_help",
                "record_before_signing", "record_after_signing", "record_proposal_to", "record_months",
                "record_not_listed", "record_goal_earlier"):
        assert L.word(key, "fi") and L.word(key, "sv") and L.word(key, "fi") != L.word(key, "sv")


@pytest.fixture(scope="module")
def year_of_500(tmp_path_factory) -> Path:
    """500 changes in one year (2.1.–20.11.2026), the site built."""
    base = tmp_path_factory.mktemp("year")
    root = base / "repo"
    make(copy_example(base / "region"), root, 500, datetime.datetime(2026, 1, 2, 10, tzinfo=TZ),
         datetime.datetime(2026, 11, 20, 10, tzinfo=TZ))
    ran = run_cli("site", "--root", root, "--out", base / "out")
    assert ran.returncode == 0, ran.stderr
    return base / "out" / "site"


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_a_year_of_500_changes_reads_on_a_phone_and_is_axe_clean(browser, year_of_500, lang, width):
    from test_browser import AXE, serious_violations, settle
    require_browser(AXE.exists(), "axe-core is missing: npm ci --prefix tests/browser")
    phone = width < 600  # axe-core on the phone; at 1280 px on this kind of page: test_browser.py (the same markup)
    with serve(year_of_500, search=False) as address:
        context = browser.new_context(viewport={"width": width, "height": 844}, is_mobile=phone, has_touch=phone)
        if phone:
            context.add_init_script(path=str(AXE))
        page = context.new_page()
        page.goto(f"{address}{LANGUAGES[lang]}historia/2026/", wait_until="load")
        settle(page)
        entries = page.locator("section.history-entry")
        assert entries.count() == 500
        # each change a few lines: its details folded; a month summed up and jumped to
        heights = page.evaluate("() => [...document.querySelectorAll('section.history-entry')].map(e => e.offsetHeight)")
        # a heading of a line to three and a summary line or two; the first commit's heading names three of its 888
        # changes and counts the rest, a line or two more (unfolded, it would be many thousand pixels)
        heights.sort()
        assert heights[len(heights) // 2] < (150 if phone else 100), heights[len(heights) // 2]
        assert heights[-1] < (260 if phone else 170), heights[-1]
        assert page.locator("details.entry-changes[open]").count() == 0
        assert page.locator("p.month-summary").count() == page.locator("nav.jump li").count() == 11
        assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
        entries.nth(0).locator("summary").click()
        assert entries.nth(0).locator("details ul").first.is_visible()
        if phone:
            assert serious_violations(page) == []
        context.close()


def test_a_record_document_is_remembered_by_what_it_depends_on(tmp_path, monkeypatch):
    """The site's record documents (a past year's report, a signed version, the amendment package) are made from old
    revisions: remembered per machine, made again when the files, the day, the languages, the Word documents a PDF
    converts or the LibreOffice that numbers pages and converts change."""
    from cooperation.load.sources import Sources
    from cooperation.outputs import Output, _remembered
    monkeypatch.setenv("YHTEISTYOSOPIMUS_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv(libreoffice.SWITCH, "off")  # until another LibreOffice is given below
    made = []

    def render_all(model, sources, langs, made_from=None):
        made.append((tuple(langs), made_from))
        return {lang: f"{lang} {len(made)}".encode() for lang in langs}
    output = Output("signed-v1.0", "{id}-1.0-{lang}.docx", "dl_signed_docx", lambda *a: b"", per_language=True,
                    detail="1.0", render_all=render_all)

    def rendered(digest: str, langs=("fi", "sv"), **options):
        return _remembered(output, Sources(tmp_path, digest=digest)).render_all(None, None, list(langs), **options)
    first = rendered("a")
    assert rendered("a") == first == {"fi": b"fi 1", "sv": b"sv 1"} and len(made) == 1  # the same bytes, not made again
    assert rendered("b") == {"fi": b"fi 2", "sv": b"sv 2"}  # another digest of the files
    assert rendered("a", ("fi",)) == {"fi": b"fi 3"}
    assert rendered("a", made_from={"fi": b"x"}) != rendered("a", made_from={"fi": b"y"})  # a PDF of other Word
    from cooperation.timeliness import fixed_today
    with fixed_today(datetime.date(2030, 1, 1)):  # --today: another year's reports may be complete
        rendered("a")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # the documents' own dates
    rendered("a")
    assert len(made) == 7
    # another LibreOffice numbers the contents' pages and converts (only its identity is read: a program of its own)
    (tmp_path / "bin").mkdir()
    (tmp_path / "bin" / "soffice").write_text("#!/bin/sh\n", encoding="utf-8")
    (tmp_path / "bin" / "soffice").chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.delenv(libreoffice.SWITCH, raising=False)
    rendered("a")
    assert len(made) == 8
    monkeypatch.setenv(libreoffice.SWITCH, "off")  # none, as the earlier ones: remembered
    rendered("a")
    assert len(made) == 8
    assert _remembered(output, Sources(tmp_path)) is output  # files not read as a whole: nothing remembered

"""A diff too long for a pull-request comment is cut at a whole line, and says how much is left out."""
from __future__ import annotations

import re
import shutil

import pytest
from helpers import REPO, copy_example

from cooperation.changes.diff import MIN_MAX_CHARS, compare, to_markdown
from cooperation.load.sources import load_sources

NOTICE = {"fi": r"…(\d+) muutosta lisää, katso ajon yhteenveto",
          "sv": r"…(\d+) ändringar till, se körningens sammanfattning",
          "en": r"…(\d+) more changes, see the run summary"}


@pytest.fixture(scope="module")
def whole(tmp_path_factory):
    """The whole example agreement as added: the longest diff there is."""
    empty = tmp_path_factory.mktemp("empty")
    return compare(load_sources(empty), load_sources(REPO))


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
@pytest.mark.parametrize("fraction", [0.05, 0.5])
def test_long_diff_is_cut_at_a_whole_line(whole, lang, fraction):
    full = to_markdown(whole, lang)
    limit = max(MIN_MAX_CHARS, int(len(full) * fraction))
    assert len(full) > limit
    capped = to_markdown(whole, lang, max_chars=limit)
    assert len(capped) <= limit
    lines = capped.rstrip("\n").split("\n")
    notice = re.fullmatch(NOTICE[lang], lines[-1])
    assert notice and lines[-2] == ""
    shown = lines[:-2]
    full_lines = full.rstrip("\n").split("\n")
    assert shown == full_lines[: len(shown)]  # whole lines, in order, nothing altered
    assert shown[-1].startswith("- ")  # ends at an item, not a heading
    changes = [line for line in full_lines if line.startswith("- ")]
    assert int(notice.group(1)) == len(changes) - sum(1 for line in shown if line.startswith("- "))


def test_a_diff_that_fits_is_unchanged(whole):
    full = to_markdown(whole)
    assert to_markdown(whole, max_chars=len(full)) == full
    with pytest.raises(ValueError):
        to_markdown(whole, max_chars=MIN_MAX_CHARS - 1)


def test_diff_command_caps_markdown(tmp_path):
    from helpers import DATA_DIRS, MINIMAL, copy_root, run_cli
    from test_git_revisions import git

    root = copy_root(MINIMAL, tmp_path / "repo")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Luonnos")
    for name in DATA_DIRS:
        shutil.rmtree(root / name)
    copy_example(root)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Koko sopimus")
    code, out, _ = run_cli("diff", "HEAD~1", "HEAD", "--root", root, "--max-chars", 1500)
    assert code == 0 and len(out) <= 1500 and re.fullmatch(NOTICE["fi"], out.rstrip("\n").split("\n")[-1])
    code, _, err = run_cli("diff", "HEAD~1", "HEAD", "--root", root, "--max-chars", 10)
    assert code == 2 and "--max-chars" in err

"""Classification that never under-classes: editorial only for punctuation, whitespace, case or a spelling fix;
word-level inline diffs; a text changed in one language of a bilingual agreement and not in the other."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
import yaml
from helpers import MINIMAL, copy_example, copy_root, run_cli

from cooperation.changes.diff import compare
from cooperation.changes.wording import distance, text_class, word_diff
from cooperation.load.sources import load_sources


@pytest.mark.parametrize("old, new, expected", [
    ("Liikunta lisääntyy.", "Liikunta lisääntyy", "editorial"),  # punctuation
    ("Liikunta  lisääntyy.", "Liikunta lisääntyy.", "editorial"),  # whitespace
    ("liikunta lisääntyy.", "Liikunta lisääntyy.", "editorial"),  # case
    ("Hyvinvionti paranee.", "Hyvinvointi paranee.", "editorial"),  # a typo: two letters swapped
    ("Kunat tekevät yhteistyötä.", "Kunnat tekevät yhteistyötä.", "editorial"),  # a letter missing
    ("Hyvinvointi paranee.", "Hyvinvointi paranee selvästi.", "amendment"),  # a word added
    ("Hyvinvointi paranee selvästi.", "Hyvinvointi paranee.", "amendment"),  # a word removed
    ("Osuus on 14,0 %.", "Osuus on 12,0 %.", "amendment"),  # a number
    ("Vuonna 2026 kokoonnutaan.", "Vuonna 2027 kokoonnutaan.", "amendment"),  # one digit apart, still a number
    ("Kunta ei osallistu.", "Kunta on osallistu.", "amendment"),  # "ei" → "on": two edits, but the whole word
    ("Kunta ja alue.", "Kunta tai alue.", "amendment"),  # a short word replaced
    ("Tavoite saavutetaan.", "Tavoite saavutettiin.", "amendment"),  # three edits
    ({"fi": "Teksti.", "sv": "Text."}, {"fi": "Teksti."}, "amendment"),  # a language removed
    ("Teksti.", {"fi": "Teksti.", "sv": "Text."}, "amendment"),  # a language added
    ({"fi": "Teksti", "sv": "Text"}, {"fi": "teksti.", "sv": "text."}, "editorial"),
])
def test_text_classes(old, new, expected):
    assert text_class(old, new, "fi") == expected


def test_distance_counts_a_swap_as_one_edit():
    assert distance("hyvinvionti", "hyvinvointi") == 1
    assert distance("ei", "on") == 2 and distance("kunat", "kunnat") == 1 and distance("", "abc") == 3


def test_word_diff_marks_whole_words():
    assert word_diff("Hyvinvointi paranee.", "Hyvinvointi paranee selvästi.") == [
        ("=", "Hyvinvointi paranee"), ("+", " selvästi"), ("=", ".")]
    assert word_diff("14,0 %", "12,0 %") == [("-", "14"), ("+", "12"), ("=", ",0 %")]


def _edit(root: Path, name: str, change) -> None:
    path = root / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.mark.parametrize("change, expected", [
    (lambda d: d["goals"][0].update(title="Tavoite HYTE-1"), "editorial"),  # punctuation
    (lambda d: d["goals"][0].update(title="Tavoite HYTE-1 paranee."), "amendment"),  # added word
    (lambda d: d["goals"][0]["indicators"][0]["target"].update(value=25), "amendment"),  # number
    (lambda d: d["goals"][0]["actions"][0].update(status="done"), "monitoring"),  # status
    (lambda d: d["goals"][0]["actions"][0].update(title="Toimenpide HYTE-1-T2"), "amendment"),  # a number in an id
])
def test_the_diff_classes_each_change(tmp_path, change, expected):
    old = copy_root(MINIMAL, tmp_path / "old")
    new = copy_root(MINIMAL, tmp_path / "new")
    _edit(new, "subareas/hyte.yaml", change)
    assert compare(load_sources(old), load_sources(new)).change_class == expected


def git(repo: Path, *args: str) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="Testi", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="Testi",
               GIT_COMMITTER_EMAIL="t@example.org")
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True, env=env).stdout


def test_a_finnish_only_rewording_warns_that_the_swedish_text_did_not_change(tmp_path):
    root = copy_example(tmp_path / "region")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Sopimus")
    path = root / "subareas" / "hyte.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    goal = data["goals"][0]
    old_fi = goal["title"]["fi"]
    assert old_fi.endswith(".") and "sv" in goal["title"]
    new_fi = old_fi[:-1] + " selvästi <b>&amp;</b>."
    text = path.read_text(encoding="utf-8")
    assert text.count(old_fi) == 1
    path.write_text(text.replace(old_fi, new_fi), encoding="utf-8")
    line = next(n for n, row in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "selvästi" in row)

    ran = run_cli("validate", "--root", root, "--base", "HEAD")
    assert ran.returncode == 0, ran.stdout + ran.stderr  # a warning
    warning = next(row for row in ran.stdout.splitlines() if "ruotsinkielinen teksti ei muuttunut" in row)
    assert warning.startswith(f"subareas/hyte.yaml:{line}:") and goal["id"] in warning
    assert run_cli("validate", "--root", root, "--base", "HEAD", "--strict").returncode == 1
    reported = json.loads(run_cli("validate", "--root", root, "--base", "HEAD", "--format", "json").stdout)
    assert [(p["code"], p["severity"]) for p in reported] == [("text_not_translated", "warning")]
    assert run_cli("validate", "--root", root, "--base", "no-such-rev").returncode == 2

    markdown = run_cli("diff", "HEAD", "--root", root).stdout
    change = next(row for row in markdown.splitlines() if "selvästi" in row)
    # the inline diff: the new words marked, escaped; the class, and the warning
    assert "**selvästi \\<b\\>&amp;\\</b\\>**" in change and "_(sopimusmuutos)_" in change
    assert change.endswith("⚠ ruotsinkielinen teksti ei muuttunut")
    assert "~~" not in change  # nothing removed


def test_site_shows_the_inline_diff_escaped(tmp_path):
    from cooperation.model import build
    from cooperation.outputs.site.pages import Site
    old = copy_root(MINIMAL, tmp_path / "old")
    new = copy_root(MINIMAL, tmp_path / "new")
    _edit(new, "subareas/hyte.yaml", lambda d: d["goals"][0].update(title="Tavoite <script>x</script> HYTE-1."))
    diff = compare(load_sources(old), load_sources(new))
    site = Site(build(load_sources(new)), "fi")
    [item] = diff.items
    html_text = site.field_change_html(item, item.fields[0], "fi")
    assert html_text.endswith('<span class="word-diff">Tavoite<ins> &lt;script&gt;x&lt;/script&gt;</ins> HYTE-1.</span>')


def test_summary_names_the_changes_in_the_parties_words(tmp_path):
    from cooperation.changes.diff import summary
    old = copy_root(MINIMAL, tmp_path / "old")
    new = copy_root(MINIMAL, tmp_path / "new")

    def change(d):
        d["goals"][0]["indicators"][0]["target"]["value"] = 25
        d["goals"][0]["actions"][0]["status"] = "done"
        d["goals"][0]["title"] = "Tavoite HYTE-1"
    _edit(new, "subareas/hyte.yaml", change)
    diff = compare(load_sources(old), load_sources(new))
    assert summary(diff, "fi").replace("\xa0", " ") == "HYTE-1-M1, tavoitetaso 2028: 20 % → 25 %; HYTE-1, tavoite: ”Tavoite HYTE-1.” → " \
                                  "”Tavoite HYTE-1”; HYTE-1-T1, tila: käynnissä → valmis"
    assert summary(diff, "fi", limit=1).replace("\xa0", " ") == "HYTE-1-M1, tavoitetaso 2028: 20 % → 25 % ja 2 muuta muutosta"
    assert summary(diff, "sv", limit=1).endswith("och 2 andra ändringar")

"""Monitoring on the site: overdue actions and stale indicators flagged by today's date, "last updated" per
sub-area from git — pages generated in process from the minimal fixture and a real git repository."""
from __future__ import annotations

import datetime
import os
import re
import subprocess

from helpers import MINIMAL, copy_root

from cooperation.changes.history import load_history
from cooperation.load.sources import load_sources
from cooperation.outputs.site.pages import Site
from cooperation.pipeline import load
from cooperation.timeliness import fixed_today


def _hyte_page(root, lang: str, day: datetime.date, history=None) -> str:
    with fixed_today(day):
        model, _ = load(root)
        site = Site(model, lang, history=history)
        site.build()
    return " ".join(site.pages["osa-alueet/hyte.md"].markdown_text().split())


def test_late_actions_and_stale_indicators_are_flagged_in_words(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "root")
    on_time = _hyte_page(root, "fi", datetime.date(2027, 12, 31))
    assert "Myöhässä" not in on_time and "vanhentunut" not in on_time
    late = _hyte_page(root, "fi", datetime.date(2028, 1, 1))
    assert '<span class="overdue">Myöhässä: aikataulu päättyi 2027</span>' in late
    assert '<span class="overdue">Tieto on vanhentunut: uusin arvo on vuodelta 2025.</span>' in late
    sv = _hyte_page(root, "sv", datetime.date(2028, 1, 1))
    assert "Försenad: tidsplanen slutade 2027" in sv and "det senaste värdet är från 2025" in sv


def test_a_planned_action_not_started_is_flagged(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "root")
    hyte = root / "subareas" / "hyte.yaml"
    hyte.write_text(hyte.read_text(encoding="utf-8").replace("status: ongoing", "status: planned"), encoding="utf-8")
    assert "Ei aloitettu: piti alkaa 2026" in _hyte_page(root, "fi", datetime.date(2027, 1, 1))


def _git(root, *args, date="2026-03-01T10:00:00+02:00"):
    env = dict(os.environ, GIT_AUTHOR_NAME="Testi", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="Testi",
               GIT_COMMITTER_EMAIL="t@example.org", GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def test_each_sub_area_says_when_it_was_last_updated(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "root")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "Luonnos")
    hyte = root / "subareas" / "hyte.yaml"
    hyte.write_text(hyte.read_text(encoding="utf-8").replace("status: ongoing", "status: done"), encoding="utf-8")
    _git(root, "commit", "-q", "-am", "Seuranta", date="2026-05-04T10:00:00+03:00")
    history = load_history(root, load_sources(root))
    assert history is not None
    day = datetime.date(2026, 11, 28)
    assert "Päivitetty: 4.5.2026" in _hyte_page(root, "fi", day, history)
    with fixed_today(day):
        site = Site(load(root)[0], "sv", history=history)
        site.build()
    tilat = " ".join(site.pages["osa-alueet/tilat.md"].markdown_text().split())
    assert "Uppdaterad: 1.3.2026" in tilat
    # change titles come from git in the main language: marked so on the Swedish pages; linked to the change on its
    # year's page (issue 31: the record of the term, a page per year)
    hyte = site.pages["osa-alueet/hyte.md"].markdown_text()
    assert re.search(r'<span lang="fi"><a href="[^"]*historia/2026/#muutos-[0-9a-f]+">Seuranta</a></span>', hyte), hyte

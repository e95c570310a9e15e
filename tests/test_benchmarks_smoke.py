"""Every benchmark runs once, on a small region (BENCH_SCALE=smoke): it finishes and prints its figures. The figures
themselves are not asserted (timing belongs to `make bench`, paired runs on the large region, not to tests)."""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from helpers import REPO, libreoffice

from cooperation.libreoffice import SWITCH

BENCHMARKS = REPO / "benchmarks"
RUNS = {"bench_preview.py": ["--edits", "1"], "bench_amendment.py": []}
# the benchmarks that time LibreOffice's work (the site's PDF, the Word contents' layout) run with it; the others as on
# a machine without it (YHTEISTYOSOPIMUS_LIBREOFFICE=off), which is what they time there
WITH_LIBREOFFICE = ("bench_site.py", "bench_docx.py")


@pytest.mark.slow
@pytest.mark.parametrize("script", sorted(p.name for p in BENCHMARKS.glob("bench_*.py")))
def test_the_benchmark_finishes_and_prints_its_figures(script, tmp_path):
    if script in ("bench_site.py",):
        libreoffice()  # the site's PDF is part of what it times
    env = dict(os.environ, BENCH_SCALE="smoke", YHTEISTYOSOPIMUS_CACHE=str(tmp_path / "cache"))
    if script not in WITH_LIBREOFFICE:
        env[SWITCH] = "off"
    done = subprocess.run([sys.executable, str(BENCHMARKS / script), *RUNS.get(script, ["--repeat", "1"])],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert re.search(r"\d+(\.\d+)?\s*(x|s)\b", done.stdout), done.stdout

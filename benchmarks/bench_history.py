"""The site of a whole term's record (issue 31): `build.py site` for repositories of 1, 250 and 2,000 commits over
the synthetic region, each against the same build of the 1-commit repository, as ratios of paired runs
(paired.py; whole processes, both languages).

    python benchmarks/bench_history.py [--repeat N] [--cold-repeat N] [--example]

- warm: the cache holds every commit's diff (a build before it made them): goal ≤ 1.3x at 2,000 commits, the
  record's pages (a page per year, every change) included.
- cold: the record's entries of the cache (the commits' diffs and the files against a commit, the record's
  documents made from old revisions, what each text a decision leads to holds) removed before each run: every
  commit's diff is computed. The Word documents' PDFs stay cached, as on a machine that built the site before. Cold runs are long
  (35–45 s per 1,000 commits of the large region on two cores): ``--cold-repeat`` pairs each (default 1).

The repositories are made with `git fast-import` (benchmarks/repository.py): the first commit holds the region, each
later one changes a goal's title, an action's status, a title's case or a measured value, dated evenly over
2022–2025. ``--example``: this repository's example region instead of the synthetic one. BENCH_SCALE=smoke: the
small region and 1 and 10 commits.
"""
from __future__ import annotations

import argparse
import datetime
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

import os  # noqa: E402

from paired import build_py, paired  # noqa: E402
from repository import make  # noqa: E402
from synthetic import SMALL, generate, region_folder  # noqa: E402

COMMITS = (1, 10) if SMALL else (1, 250, 2000)
GOAL = 1.3  # warm, the most commits / 1 commit
# the cache's kinds the record computes (cooperation/cache.py's folders): removed for a cold run
RECORD_KINDS = ("commit-diff", "record-document", "snapshot-errors", "text", "editorial-only", "signed-text-errors")
TZ = datetime.timezone(datetime.timedelta(hours=2))


def example_region(target: Path) -> Path:
    """This repository's example without its decisions (they name texts of this repository's own history), judged
    on the day its monitoring data is current for (the tests' day)."""
    os.environ["SOURCE_DATE_EPOCH"] = str(int(datetime.datetime(2026, 11, 28, tzinfo=datetime.UTC).timestamp()))
    sys.path.insert(0, str(REPO / "tests"))
    from helpers import copy_example
    return copy_example(target)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3, help="pairs per warm ratio")
    parser.add_argument("--cold-repeat", type=int, default=1, help="pairs per cold ratio")
    parser.add_argument("--example", action="store_true", help="the example region, not the synthetic one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        region = example_region(work / "region") if args.example else generate(region_folder())
        cache = work / "cache"
        os.environ["YHTEISTYOSOPIMUS_CACHE"] = str(cache)  # the benchmark's own, filled by the first builds
        repositories = {}
        for n in COMMITS:
            repositories[n] = work / f"repo-{n}"
            make(region, repositories[n], n, datetime.datetime(2022, 1, 3, 10, tzinfo=TZ),
                 datetime.datetime(2025, 12, 29, 10, tzinfo=TZ))

        def site(n: int, cold: bool = False) -> float:
            if cold:
                for kind in RECORD_KINDS:
                    shutil.rmtree(cache / kind, ignore_errors=True)
            out = work / f"out-{n}"
            shutil.rmtree(out, ignore_errors=True)  # every run writes a new site, as CI's does
            return build_py("site", "--root", repositories[n], "--out", out).seconds

        for n in COMMITS:
            site(n)  # the cache warm: the PDFs of each text (where LibreOffice is installed), every commit's diff
        print(f"{'example' if args.example else 'synthetic'} region ({'smoke' if SMALL else 'large'}): site build "
              f"(fi + sv, whole process) of a repository of N commits / of 1 commit")
        one = COMMITS[0]
        for n in COMMITS[1:]:
            for cold in (True, False):
                pairs = paired(lambda: site(one), lambda n=n, cold=cold: site(n, cold),
                               args.cold_repeat if cold else args.repeat)
                goal = GOAL if not cold and n == COMMITS[-1] else None
                print(pairs.line(f"{n} commits, {'cold' if cold else 'warm'} / 1 commit", goal=goal))
        pages = sorted((work / f"out-{COMMITS[-1]}" / "site" / "historia").glob("[0-9]*/index.html"))
        sizes = [p.stat().st_size / 1000 for p in pages]
        print(f"{COMMITS[-1]} commits: {len(pages)} year pages (fi), median {statistics.median(sizes):.0f} kB of HTML each")


if __name__ == "__main__":
    main()

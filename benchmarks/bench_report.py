"""The yearly monitoring report next to the Word agreement for the large synthetic region, in one run.

    python benchmarks/bench_report.py [--repeat N] [--year YEAR]

Both through the command line in process, each from a cold load (load + check + model included), both
languages each: `build.py docx` and `build.py report YEAR`. Aim: the report within 2x the agreement.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from synthetic import generate, region_folder  # noqa: E402

from cooperation import cli, pipeline  # noqa: E402
from cooperation.timeliness import today  # noqa: E402


def _timed(argv: list[str]) -> float:
    start = time.perf_counter()
    with contextlib.redirect_stderr(io.StringIO()) as err:
        code = cli.main(argv)
    if code != 0:
        raise SystemExit(f"{' '.join(argv[:2])} exited {code}: {err.getvalue()}")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--year", type=int, default=today().year)
    args = parser.parse_args()
    root = generate(region_folder())
    docx, report = [], []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            docx.append(_timed(["docx", "--root", str(root), "--out", f"{tmp}/docx"]))
            report.append(_timed(["report", str(args.year), "--root", str(root), "--out", f"{tmp}/report"]))
    model = pipeline.load(root)[0]
    d, r = statistics.median(docx), statistics.median(report)
    print(f"synthetic region: {len(model.municipalities)} municipalities, {len(model.actions)} actions, "
          f"{len(model.indicators)} indicators, {len(model.languages)} languages")
    print(f"build.py docx: median {d:.2f} s of {args.repeat}")
    print(f"build.py report {args.year}: median {r:.2f} s of {args.repeat}")
    print(f"ratio report / docx: {r / d:.2f}x (aim ≤ 2x)")


if __name__ == "__main__":
    main()

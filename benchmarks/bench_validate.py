"""Validation time of the large synthetic region next to bare parsing of the same files.

    python benchmarks/bench_validate.py [--repeat N]

The baseline, run in the same process, only parses every YAML file with PyYAML's C
loader (yaml.load with CSafeLoader) and reads the CSV with the csv module: the least any
validator must do. The figure that matters is the median ratio of paired runs (see paired.py; aim: within 3x, under 2 s).
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from paired import paired, timer  # noqa: E402
from synthetic import generate, region_folder  # noqa: E402

from cooperation.check import check  # noqa: E402
from cooperation.load.sources import load_sources  # noqa: E402
from cooperation.schemas import default_schemas  # noqa: E402


def bare_parse(root: Path) -> int:
    count = 0
    for path in sorted(root.glob("agreement/*.yaml")) + sorted(root.glob("subareas/*.yaml")):
        with open(path, encoding="utf-8") as handle:
            yaml.load(handle, Loader=yaml.CSafeLoader)
        count += 1
    for path in sorted(root.glob("measurements/*.csv")):
        with open(path, encoding="utf-8", newline="") as handle:
            count += sum(1 for _ in csv.reader(handle)) > 0
    return count


def validate(root: Path) -> int:
    result = check(load_sources(root))
    if result.problems:
        raise SystemExit(f"synthetic region is not clean: {result.problems[:3]}")
    return len(result.problems)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    root = generate(region_folder())
    default_schemas()  # compiling the schemas once per process is not what we measure
    size = sum(p.stat().st_size for p in root.rglob("*") if p.is_file())
    validate(root)  # warm-up
    pairs = paired(timer(lambda: bare_parse(root)), timer(lambda: validate(root)), args.repeat)
    print(f"synthetic region: {size / 1e6:.1f} MB in {sum(1 for p in root.rglob('*') if p.is_file())} files")
    print(pairs.line("validate (load + schema + cross-checks) / bare parse (PyYAML CSafeLoader + csv)", goal=2.5))


if __name__ == "__main__":
    main()

"""Paired timing: the baseline and ours alternate run by run (A B A B …) and the figure is the median
of the per-pair ratios ours / baseline.

On a shared machine the speed drifts by tens of per cent within a minute; two back-to-back runs see
nearly the same machine, so their ratio cancels the drift that a ratio of two separately taken
medians keeps (issue 16 saw ±50 % from that).
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


@dataclass
class Pairs:
    baseline: list[float] = field(default_factory=list)
    ours: list[float] = field(default_factory=list)

    @property
    def ratios(self) -> list[float]:
        return [o / b for b, o in zip(self.baseline, self.ours)]

    @property
    def ratio(self) -> float:
        return statistics.median(self.ratios)

    def line(self, name: str, goal: float | None = None) -> str:
        verdict = "" if goal is None else (f"  (goal ≤ {goal:g}x: " + ("met" if self.ratio <= goal else "NOT met") + ")")
        return (f"{name}: median of {len(self.ratios)} pair ratios {self.ratio:.2f}x"
                f" [{', '.join(f'{r:.2f}' for r in self.ratios)}];"
                f" baseline median {statistics.median(self.baseline):.2f} s, ours {statistics.median(self.ours):.2f} s{verdict}")


def paired(baseline: Callable[[], float], ours: Callable[[], float], pairs: int) -> Pairs:
    """Each callable runs once and returns its seconds; A B A B … ``pairs`` times."""
    result = Pairs()
    for _ in range(pairs):
        result.baseline.append(baseline())
        result.ours.append(ours())
    return result


def timer(func: Callable[[], object]) -> Callable[[], float]:
    def run() -> float:
        start = time.perf_counter()
        func()
        return time.perf_counter() - start
    return run


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mib: float  # the process's peak resident memory


def run_process(*args: str | Path) -> Run:
    """One whole process (start-up included), with its own peak memory from wait4."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    process = subprocess.Popen([str(a) for a in args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    stderr = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, args))} exited {process.returncode}: {stderr[-2000:]}")
    return Run(seconds, usage.ru_maxrss / 1024)  # ru_maxrss is in KiB on Linux


def build_py(*args: str | Path) -> Run:
    return run_process(sys.executable, REPO / "build.py", *args)

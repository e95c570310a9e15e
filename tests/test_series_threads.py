"""Both languages' Word documents are written in threads of their own from one model: an indicator's series,
computed on first use, must never be seen half-built by the other thread."""
from __future__ import annotations

import copy
import sys
import threading

from helpers import REPO

from cooperation.pipeline import load


def test_two_threads_see_the_same_series():
    model = load(REPO)[0]
    indicator = max(model.indicators, key=lambda i: len(i.measurements))
    areas = sorted({m.area for m in indicator.measurements})
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible, so a half-built series is met
    try:
        for _ in range(50):
            fresh = copy.copy(indicator)
            fresh.__dict__.pop("_by_area", None)
            fresh.measurements = indicator.measurements * 200
            seen: dict[int, list[int]] = {}

            def count(thread: int, fresh=fresh, seen=seen) -> None:
                seen[thread] = [len(fresh.series(area)) for area in areas]

            threads = [threading.Thread(target=count, args=(n,)) for n in range(2)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            whole = [200 * sum(1 for m in indicator.measurements if m.area == area) for area in areas]
            assert seen[0] == seen[1] == whole
    finally:
        sys.setswitchinterval(interval)

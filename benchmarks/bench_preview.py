"""Preview latency: how long `mkdocs serve` takes to show an edit of one sub-area file on the large synthetic
region. Goal ≤ 1.5 s (issue 28).

    python benchmarks/bench_preview.py [--edits N] [--dirty]

A copy of the region is served (`mkdocs serve`, AGREEMENT_ROOT pointing at it, a free port); each edit rewrites
the first sub-area's Finnish description with a new word, and the sub-area's page is polled until it shows the
word. Reported: the median and every edit's seconds from the write to the page showing it.
"""
from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from synthetic import generate, region_folder  # noqa: E402

SUBAREA = "osa-alue-01"
START_TIMEOUT = 600  # seconds for the first build of the large region on a loaded machine
EDIT_TIMEOUT = 120
GOAL = 1.5  # seconds from the write to the page showing it


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, word: str, timeout: float) -> float:
    """Seconds until the page at ``url`` contains ``word`` (polled every 50 ms)."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        text = fetch(url)
        if text is not None and word in text:
            return time.perf_counter() - start
        time.sleep(0.05)
    raise SystemExit(f"{url} did not show {word!r} in {timeout} s")



def serve(root: Path, port: int, dirty: bool) -> subprocess.Popen:
    env = dict(os.environ, AGREEMENT_ROOT=str(root), NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(REPO / "mkdocs.yml"), "-a", f"127.0.0.1:{port}",
               *(["--dirty"] if dirty else [])]
    return subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--dirty", action="store_true", help="mkdocs serve --dirty")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "region"
        shutil.copytree(generate(region_folder()), root)
        path = root / "subareas" / f"{SUBAREA}.yaml"
        port = free_port()
        url = f"http://127.0.0.1:{port}/osa-alueet/{SUBAREA}/"
        process = serve(root, port, args.dirty)
        try:
            first = wait_for(url, "<html", START_TIMEOUT)
            print(f"first build served after {first:.1f} s")
            times = []
            old = "  fi: "
            for index in range(args.edits):
                word = f"Esikatselumuokkaus{index}"
                text = path.read_text(encoding="utf-8")
                # the description's Finnish text (the first "  fi: " after "description:")
                at = text.index("description:")
                at = text.index(old, at) + len(old)
                written = time.perf_counter()
                path.write_text(text[:at] + word + " " + text[at:], encoding="utf-8")
                wait_for(url, word, EDIT_TIMEOUT)
                times.append(time.perf_counter() - written)
                time.sleep(1)  # the watcher settles before the next edit
        finally:
            os.killpg(process.pid, 15)
            process.wait(timeout=30)
    median = statistics.median(times)
    print(f"preview after an edit of {SUBAREA}.yaml: median {median:.2f} s "
          f"[{', '.join(f'{t:.2f}' for t in times)}] (goal ≤ {GOAL:g} s: {'met' if median <= GOAL else 'NOT met'})"
          f"{' --dirty' if args.dirty else ''}")


if __name__ == "__main__":
    main()

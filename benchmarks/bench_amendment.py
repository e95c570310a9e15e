"""The amendment package next to the Word document, for the large synthetic region with 50 changed items.

    python benchmarks/bench_amendment.py

In one run, in one git repository: the region committed and tagged v1.0, then 50 items changed (25 goal
titles reworded, 25 indicator targets raised) and committed. Times `build.py docx` and
`build.py amendment v1.0` (every language each) and prints the ratio (aim: at most 1.5).
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from synthetic import generate  # noqa: E402

from cooperation import cli  # noqa: E402

CHANGED = 50


def git(repo: Path, *args: str) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="b@example.org", GIT_COMMITTER_NAME="bench",
               GIT_COMMITTER_EMAIL="b@example.org")
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


def change_items(root: Path, count: int) -> int:
    changed = 0
    for path in sorted((root / "subareas").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for goal in data.get("goals", []):
            if changed >= count:
                break
            if changed % 2 == 0:
                title = goal["title"]
                goal["title"] = ({k: v.rstrip(".") + " selvästi." for k, v in title.items()}
                                 if isinstance(title, dict) else title.rstrip(".") + " selvästi.")
            else:
                goal["indicators"][0]["target"]["value"] += 1
            changed += 1
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return changed


def timed(*args: str) -> float:
    start = time.perf_counter()
    code = cli.main(list(args))
    if code != 0:
        raise SystemExit(f"{args[0]} exited {code}")
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = generate(Path(tmp) / "region")
        git(root, "init", "-q", "-b", "main")
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", "v1.0")
        git(root, "tag", "v1.0")
        changed = change_items(root, CHANGED)
        git(root, "commit", "-q", "-am", "amendment")
        docx = timed("docx", "--root", str(root), "--out", str(Path(tmp) / "docx"))
        amendment = timed("amendment", "v1.0", "--root", str(root), "--out", str(Path(tmp) / "amendment"))
    print(f"changed items: {changed}")
    print(f"build.py docx:      {docx:.2f} s")
    print(f"build.py amendment: {amendment:.2f} s")
    print(f"ratio: {amendment / docx:.2f} (aim <= 1.5)")


if __name__ == "__main__":
    main()

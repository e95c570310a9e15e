"""Generating the site's pages (`Site.build` and every page's Markdown, what the MkDocs plugin does on each
rebuild) on the large synthetic region: a build with nothing kept from before against a rebuild in the same
process after an edit of one sub-area's description (the preview's case).

    python benchmarks/bench_pages.py [--repeat N] [--lang fi]

Both load the edited data anew, as the plugin does, untimed; the timed part is the pages. Pairs alternate
(paired.py): the baseline forgets the kept renderings first, ours keeps what the build before it used.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from paired import paired  # noqa: E402
from synthetic import generate, region_folder  # noqa: E402

from cooperation.outputs.site.pages import Site  # noqa: E402
from cooperation.pipeline import load_all  # noqa: E402
from cooperation.workspace import Workspace  # noqa: E402

SUBAREA = "osa-alue-01"


def edit(path: Path, word: str) -> None:
    """A new first word in the sub-area's Finnish description."""
    text = path.read_text(encoding="utf-8")
    at = text.index("  fi: ", text.index("description:")) + len("  fi: ")
    path.write_text(text[:at] + word + " " + text[at:], encoding="utf-8")


def pages(root: Path, lang: str, workspace: Workspace) -> tuple[float, float, float]:
    """Seconds of Site.build (wall clock and this process's CPU) and of every page's markdown()."""
    model, sources, _ = load_all(root, workspace)
    site = Site(model, lang, repo_url="https://github.com/example/agreement", workspace=workspace)
    start, cpu = time.perf_counter(), time.process_time()
    built = site.build()
    middle, cpu = time.perf_counter(), time.process_time() - cpu
    for page in built.values():
        page.markdown()
    return middle - start, cpu, time.perf_counter() - middle


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--lang", default="fi")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "region"
        shutil.copytree(generate(region_folder()), root)
        path = root / "subareas" / f"{SUBAREA}.yaml"
        markdown: list[float] = []
        cpu: dict[bool, list[float]] = {True: [], False: []}
        edits = iter(range(10 ** 6))

        session = Workspace()  # the preview's

        def build(forget: bool) -> float:
            edit(path, f"Muokkaus{next(edits)}")
            workspace = session
            if forget:  # the pages rendered anew; the data loaded as the preview loads it
                workspace = Workspace()
                load_all(root, workspace)
            seconds, cpu_seconds, markdown_seconds = pages(root, args.lang, workspace)
            cpu[forget].append(cpu_seconds)
            markdown.append(markdown_seconds)
            return seconds

        pages(root, args.lang, session)  # imports and the first load out of the timing
        result = paired(lambda: build(True), lambda: build(False), args.repeat)
    print(result.line(f"Site.build ({args.lang}): rebuild after an edit of {SUBAREA} / build with nothing kept"))
    print(f"CPU seconds of Site.build: median {statistics.median(cpu[True]):.2f} with nothing kept, "
          f"{statistics.median(cpu[False]):.2f} rebuilt after the edit")
    print(f"every page's markdown(): median {statistics.median(markdown) * 1000:.1f} ms over {len(markdown)} builds")


if __name__ == "__main__":
    main()

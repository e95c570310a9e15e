"""The model reloaded after an edit of one sub-area file of the large synthetic region, in one process (what
`mkdocs serve` does on each change), next to a cold load of the same files.

    python benchmarks/bench_load_edit.py [--repeat N]

Each run first rewrites one sub-area's Finnish title with a new word, then times ``pipeline.load_all``:
the baseline in a new workspace (every file read, parsed, schema-checked and canonicalised), ours in the workspace
of the previous load, with what it remembered (only the edited file again; the cross-checks and the model run whole).
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from paired import paired, timer  # noqa: E402
from synthetic import generate, region_folder  # noqa: E402

from cooperation import pipeline  # noqa: E402
from cooperation.schemas import default_schemas  # noqa: E402
from cooperation.workspace import Workspace  # noqa: E402

TITLE = "fi: Osa-alue 2\n"  # a sub-area the smoke-sized region has too


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "large"
        shutil.copytree(generate(region_folder()), root)
        path = root / "subareas" / "osa-alue-02.yaml"
        original = path.read_text(encoding="utf-8")
        if TITLE not in original:
            raise SystemExit(f"{path.name} has no line {TITLE!r}: the synthetic region changed")
        edits = iter(range(1_000_000))

        def edit() -> None:
            path.write_text(original.replace(TITLE, f"fi: Osa-alue 2 muokattu {next(edits)}\n", 1), encoding="utf-8")

        session = Workspace()  # the preview's

        def cold() -> None:
            edit()
            pipeline.load_all(root, Workspace())

        def incremental() -> None:
            edit()
            pipeline.load_all(root, session)

        default_schemas()  # compiling the schemas once per process is not what we measure
        pipeline.load_all(root, session)  # warm-up
        pairs = paired(timer(cold), timer(incremental), args.repeat)
    print(pairs.line("load_all after an edit of one sub-area file / cold load_all"))


if __name__ == "__main__":
    main()

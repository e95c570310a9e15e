"""Word generation time for the large synthetic region.

    python benchmarks/bench_docx.py [--repeat N]

Prints the time to render one language's .docx from the model (aim: under 10 s), next to
the time pandoc alone takes to write the same body (json → docx) in the same process: the
part no implementation on pandoc avoids. The ratio shows what the template, Markdown batch,
signature pages and workbook annex add on top.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from synthetic import generate  # noqa: E402

from cooperation.outputs.docx import (  # noqa: E402
    TEMPLATE,
    body_blocks,
    pandoc_doc,  # noqa: E402
    render,
)
from cooperation.pipeline import load  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    root = generate(HERE / "generated" / "large")
    start = time.perf_counter()
    model, _ = load(root)
    load_time = time.perf_counter() - start
    blocks = body_blocks(model, "fi").finish()
    bare, full = [], []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            pandoc_doc.write_docx(blocks, TEMPLATE, Path(tmp) / "body.docx")
            bare.append(time.perf_counter() - start)
        start = time.perf_counter()
        data = render(model, "fi", TEMPLATE)
        full.append(time.perf_counter() - start)
    b, f = statistics.median(bare), statistics.median(full)
    print(f"synthetic region: {len(model.subareas)} sub-areas, {len(model.goals)} goals, {len(model.actions)} actions, "
          f"{len(model.indicators)} indicators; .docx {len(data) / 1e6:.1f} MB")
    print(f"load + check + model: {load_time:.2f} s")
    print(f"pandoc alone, body json → docx: median {b:.2f} s of {args.repeat}")
    print(f"render one language (Markdown batch + pandoc + template + zip): median {f:.2f} s of {args.repeat}")
    print(f"ratio render / pandoc alone: {f / b:.2f}x")


if __name__ == "__main__":
    main()

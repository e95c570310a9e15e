"""Word generation time for the large synthetic region, as ratios of paired runs (see paired.py).

    python benchmarks/bench_docx.py [--repeat N]

- Word per language / pandoc alone: rendering one language's .docx from the model in this process
  (Markdown batch, pandoc, template, composing, zip) next to pandoc alone writing the same body
  (json → docx), the part no implementation on pandoc avoids. Goal ≤ 2x. The text's first render on the machine
  is printed apart: LibreOffice then lays the document out once for its contents' page numbers (cached by its bytes;
  the workflows restore the cache).
- `build.py docx` / `build.py validate`: whole processes (start-up, load and check included), both
  languages. Goal ≤ 6x.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from paired import build_py, paired, timer  # noqa: E402
from synthetic import generate, region_folder  # noqa: E402

from cooperation.outputs.docx import TEMPLATE, body_blocks, pandoc_doc, render  # noqa: E402
from cooperation.pipeline import load  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3, help="pairs per ratio")
    args = parser.parse_args()
    root = generate(region_folder())
    model, _ = load(root)
    print(f"synthetic region: {len(model.subareas)} sub-areas, {len(model.goals)} goals, {len(model.actions)} actions, "
          f"{len(model.indicators)} indicators")
    with tempfile.TemporaryDirectory() as tmp:
        for lang in model.languages:
            blocks = body_blocks(model, lang).finish()
            pandoc = timer(lambda b=blocks: pandoc_doc.write_docx(b, TEMPLATE, Path(tmp) / "body.docx"))
            ours = timer(lambda lang=lang: render(model, lang, TEMPLATE))
            # the first render of a text on a machine also has LibreOffice lay it out for the contents' page numbers
            # (cooperation/libreoffice.py, then cached by the document's bytes): told apart from the renders after it
            first = paired(pandoc, ours, 1)
            print(first.line(f"Word, {lang}, the text's first render on this machine / pandoc alone"))
            print(paired(pandoc, ours, args.repeat).line(f"Word, {lang} / pandoc alone on the same body", goal=2))
        whole = paired(lambda: build_py("validate", "--root", root).seconds,
                       lambda: build_py("docx", "--root", root, "--out", Path(tmp) / "out").seconds, args.repeat)
        print(whole.line("build.py docx (fi + sv) / build.py validate, whole processes", goal=6))


if __name__ == "__main__":
    main()

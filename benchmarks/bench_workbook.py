"""The Excel loop on the large synthetic region: export-xlsx, then import-xlsx of one edited cell back into a git
repository, next to `validate` of the same data, in one run.

    python benchmarks/bench_workbook.py [--repeat N]

The import reads the repository, merges into the existing files and runs the full check on the result before
it writes (the data as it was is checked too only when the result has errors, to refuse any new one), so its
floor is about two validations. The figure that matters is (export + import) / validate (aim: within 3x).
"""
from __future__ import annotations

import argparse
import contextlib
import gc
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from openpyxl import load_workbook  # noqa: E402
from synthetic import generate  # noqa: E402

from cooperation import cli  # noqa: E402


def _run(*args) -> int:
    """A command of build.py in this process, its output swallowed; a command has a workspace of its own, so nothing
    is kept from the commands before, as in a process of its own."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return cli.main([str(a) for a in args])


def _git(root: Path, *args: str) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="b@example.org", GIT_COMMITTER_NAME="bench",
               GIT_COMMITTER_EMAIL="b@example.org")
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, text=True, env=env).stdout


def _timed(action) -> tuple[float, float]:
    """Seconds of the clock and of this process's CPU (steadier on a machine others are using), each command
    starting with the garbage of the previous ones collected (the edited workbook's 44,000 openpyxl cells
    left alive made the collector's passes, and the figures, swing by a second)."""
    gc.collect()
    start, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - start, time.process_time() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-workbook-") as tmp:
        root = generate(Path(tmp) / "region")
        _git(root, "init", "-q")
        _git(root, "add", "-A")
        _git(root, "commit", "-qm", "synthetic region")
        out = Path(tmp) / "out"
        validate, export, import_ = [], [], []
        for _ in range(args.repeat):
            validate.append(_timed(lambda: _run("validate", "--root", root)))
            export.append(_timed(lambda: _run("export-xlsx", "--root", root, "--out", out)))
            book_path = next(out.glob("*-tyokirja.xlsx"))
            book = load_workbook(book_path)
            sheet = book.worksheets[0]
            goal = next(row for row in sheet.iter_rows(min_row=2) if row[1].value == "Tavoite")[3]  # its text
            goal.value = f"{goal.value} (muokattu)"
            edited = Path(tmp) / "edited.xlsx"
            book.save(edited)
            del book, sheet, goal
            codes = []
            import_.append(_timed(lambda codes=codes, edited=edited: codes.append(
                _run("import-xlsx", edited, "--root", root, "--out", out))))
            code = codes[0]
            changed = [line for line in _git(root, "diff", "-U0").splitlines() if line.startswith("+ ")]
            assert code == 0 and len(changed) == 1, (code, changed)
            _git(root, "checkout", "-q", ".")
    (v, vc), (e, ec), (i, ic) = ((statistics.median(t[0] for t in x), statistics.median(t[1] for t in x))
                                 for x in (validate, export, import_))
    print(f"validate        {v:6.2f} s  (CPU {vc:.2f} s)")
    print(f"export-xlsx     {e:6.2f} s  (CPU {ec:.2f} s)")
    print(f"import-xlsx     {i:6.2f} s  (CPU {ic:.2f} s; one edited cell, merged, checked, one line written)")
    # the ratio of each run, then their median: the three commands of a run share the machine's load of the moment
    ratio = statistics.median((x[0] + y[0]) / w[0] for w, x, y in zip(validate, export, import_))
    ratio_cpu = statistics.median((x[1] + y[1]) / w[1] for w, x, y in zip(validate, export, import_))
    print(f"(export + import) / validate = {ratio:.1f}x, by CPU {ratio_cpu:.1f}x  (median of the runs' ratios; "
          "aim: within 3x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

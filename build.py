#!/usr/bin/env python3
"""Command line for the agreement in this repository: see `python build.py --help`. The same commands as the
installed `yhteistyosopimus`, with this repository (the example region) as the default data folder; the logic
lives in cooperation/."""
import sys
from pathlib import Path

if sys.version_info < (3, 11):  # noqa: UP036 - a plain message on an old Python, not a SyntaxError later
    sys.exit("Python 3.11 tai uudempi tarvitaan (Python 3.11 or newer is required).")

from cooperation.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(default_root=Path(__file__).resolve().parent, prog="build.py"))

#!/usr/bin/env python3
"""Command line for the agreement: see `python build.py --help`. The logic lives in cooperation/."""
import sys

if sys.version_info < (3, 11):  # noqa: UP036 - a plain message on an old Python, not a SyntaxError later
    sys.exit("Python 3.11 tai uudempi tarvitaan (Python 3.11 or newer is required).")

from cooperation.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())

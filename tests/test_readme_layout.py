"""The README's layout section matches the tree (issue 27): every module and folder of the package, and every
module of i18n/, is named there, so a new module is described where a newcomer reads first."""
from __future__ import annotations

import re

from helpers import REPO


def _layout() -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    start = text.index("### The package: one folder per stage")
    return text[start:text.index("```", text.index("```", start) + 3)]


def test_every_module_and_folder_of_the_package_is_in_the_readme():
    layout = _layout()
    package = REPO / "cooperation"
    names = [p.name + ("/" if p.is_dir() else "") for p in package.iterdir()
             if p.name not in ("__init__.py", "__pycache__", "py.typed", "__main__.py")]
    names += [p.name for p in (package / "i18n").glob("*.py") if p.name != "__init__.py"]
    missing = [n for n in sorted(names) if not re.search(rf"(?<![\w/.]){re.escape(n.rstrip('/'))}(?![\w])", layout)]
    assert missing == []

"""A region's own look and pages on its site: the optional folder ``overrides/`` beside its data.

    overrides/logo.svg (or .png)   the logo in the header, and the favicon
    overrides/extra.css            colours and other styles, after the site's own (e.g. --md-primary-fg-color)
    overrides/<lang>/*.md          pages of the site in that language, listed at the end of its navigation

Files are read as data: never through a link, each within a size cap; a page's HTML is sanitised as the data's
Markdown is (``html.page_html``). A page may not take the name of a generated one.
"""
from __future__ import annotations

import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

FOLDER = "overrides"
MAX_BYTES = 2_000_000
LOGOS = ("logo.svg", "logo.png")
_PAGE = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}\.md$")


@dataclass
class Overrides:
    files: dict[str, bytes] = field(default_factory=dict)  # site path → content
    pages: list[str] = field(default_factory=list)  # site paths of the region's own pages, in name order
    logo: str | None = None
    css: str | None = None

    @classmethod
    def read(cls, root: Path, lang: str, reserved: set[str]) -> Overrides:
        found = cls()
        folder = Path(root) / FOLDER
        if not _regular(folder, directory=True):
            return found
        for name in LOGOS:
            if _regular(folder / name):
                found.logo = f"assets/{name}"
                found.files[found.logo] = _read(folder / name)
                break
        if _regular(folder / "extra.css"):
            found.css = "assets/overrides.css"
            found.files[found.css] = _read(folder / "extra.css")
        pages = folder / lang
        if _regular(pages, directory=True):
            for path in sorted(pages.iterdir()):
                if path.suffix != ".md" or not _regular(path):
                    continue
                if not _PAGE.match(path.name) or path.name in reserved:
                    raise PluginError(f"{FOLDER}/{lang}/{path.name}: sivun nimi on varattu tai ei kelpaa (pienet "
                                      "kirjaimet, numerot ja viivat, .md; ei sivuston omien sivujen nimiä) / "
                                      "the page's name is taken or not valid")
                found.files[path.name] = _read(path)
                found.pages.append(path.name)
        return found

    def configure(self, config: Any) -> None:
        """The logo, the stylesheet and the pages into this build's configuration."""
        if self.logo:
            config.theme["logo"] = self.logo
            config.theme["favicon"] = self.logo
        if self.css and self.css not in config.extra_css:
            config.extra_css.append(self.css)
        config.nav = list(config.nav or []) + list(self.pages)


def _regular(path: Path, directory: bool = False) -> bool:
    """A file (or folder) of its own, not a link: what a link points to is never read."""
    try:
        mode = path.lstat().st_mode
    except OSError:
        return False
    return stat.S_ISDIR(mode) if directory else stat.S_ISREG(mode)


def _read(path: Path) -> bytes:
    if path.stat().st_size > MAX_BYTES:
        raise PluginError(f"{FOLDER}/{path.name}: tiedosto on liian suuri (yli {MAX_BYTES} tavua) / too large")
    return path.read_bytes()

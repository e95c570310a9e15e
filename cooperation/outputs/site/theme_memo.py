"""What the theme costs, paid once: its navigation rendered once for each set of links it shows, not once per page, and
its files listed without the icons no site copies. (Its templates are compiled once per machine: compiled.py.)

Material renders the whole navigation into every page. A page that is not in the navigation itself (an indicator's
page, a year of the record: most pages of a large region) gets the same navigation as every other such page whose
links read the same from where it stands, and rendering it again was a sixth of a large region's site build. The
rendered navigation is kept per build by what the template reads: the link of every item as seen from the page
(MkDocs' `url` filter), which items are active, and the home page's link. A page in the navigation (its own item
holds its table of contents) is rendered as before, and so is a navigation a region's theme replaces: only Material's
own template is known to read nothing else (tests/test_site_speed.py builds the site both ways and compares every
page).

MkDocs lists every file of the theme's folders to copy the theme's static files, and leaves out every name beginning
with a dot, at any depth. Material keeps its 14,000 icons in such a folder (`.icons`): listing and then leaving them
out was a tenth of a build. The theme's folders are listed without walking into them (``ThemeFiles``), which gives
the same files.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.utils import normalize_url

NAV_TEMPLATE = "partials/nav.html"


class ThemeFiles(jinja2.FileSystemLoader):
    """The theme's folders, listed without what MkDocs leaves out of every site: a folder or file whose name begins
    with a dot (its patterns '.*' and '*/.*', mkdocs.structure.files.Files.add_files_from_theme)."""

    def list_templates(self) -> list[str]:
        found: set[str] = set()
        for searchpath in self.searchpath:
            for folder, folders, names in os.walk(searchpath, followlinks=self.followlinks):
                folders[:] = [name for name in folders if not name.startswith(".")]
                inside = os.path.relpath(folder, searchpath).replace(os.path.sep, "/")
                found.update(name if inside == "." else f"{inside}/{name}" for name in names if not name.startswith("."))
        return sorted(found)


def list_theme_files_quickly(theme: Any) -> None:
    """The theme's environment (MkDocs' Theme.get_env) lists its files with ThemeFiles (MkDocs reads the configuration,
    and makes its theme, again for each build)."""
    make_env = theme.get_env

    def get_env() -> jinja2.Environment:
        env = make_env()
        if type(env.loader) is jinja2.FileSystemLoader:  # a loader someone else chose, or ThemeFiles, is left alone
            env.loader = ThemeFiles(env.loader.searchpath, encoding=env.loader.encoding,
                                    followlinks=env.loader.followlinks)
        return env
    theme.get_env = get_env


def remember_navigation(env: Any) -> None:
    """Render ``env``'s navigation template once per key (see the module's description)."""
    import material
    try:
        template = env.get_template(NAV_TEMPLATE)
    except Exception:  # noqa: BLE001 - a theme without it: nothing to remember
        return
    material_templates = Path(material.__file__).resolve().parent / "templates"
    if not template.filename or material_templates not in Path(template.filename).resolve().parents:
        return
    render = template.root_render_func
    if getattr(render, "remembered", False):
        return
    made: dict[tuple, str] = {}

    def root_render_func(context: Any) -> Iterator[str]:
        key = _key(context)
        if key is None:
            yield from render(context)
            return
        if key not in made:
            made[key] = "".join(render(context))
        yield made[key]
    root_render_func.remembered = True  # type: ignore[attr-defined]
    template.root_render_func = root_render_func


def _key(context: Any) -> tuple | None:
    """What Material's navigation template reads that differs between pages, or None where the page is in the
    navigation (its item shows the page's own table of contents)."""
    page, nav = context.get("page"), context.get("nav")
    if page is None or nav is None or any(item is page for item in nav.pages):
        return None
    base = context.get("base_url", "")
    config = context.get("config")
    homepage = (config.extra.get("homepage") if config is not None else None) or \
        (nav.homepage.url if nav.homepage is not None else "")
    links: list[tuple] = [("home", normalize_url(str(homepage), page=page, base=base))]

    def walk(items: list) -> None:
        for item in items:
            url = getattr(item, "url", None)
            links.append((bool(item.active), normalize_url(str(url), page=page, base=base) if url is not None else None))
            if item.children:
                walk(item.children)
    walk(nav.items)
    return tuple(links)

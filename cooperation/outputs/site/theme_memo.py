"""What the theme costs, paid once: its templates compiled once per machine, its navigation rendered once for each set
of links it shows, not once per page.

MkDocs makes a new template environment for every build, which compiled all of Material's templates again: a fifth of
the example's site build. Compiled, they are kept in this process and in the machine's cache (cooperation/cache.py),
keyed by the template, its source, Jinja's and MkDocs' versions and the environment's settings; Jinja checks the
compiled code's own version and compiles an edited or unknown template anew.

Material renders the whole navigation into every page. A page that is not in the navigation itself (an indicator's
page, a year of the record: most pages of a large region) gets the same navigation as every other such page whose
links read the same from where it stands, and rendering it again was a sixth of a large region's site build. The
rendered navigation is kept per build by what the template reads: the link of every item as seen from the page
(MkDocs' `url` filter), which items are active, and the home page's link. A page in the navigation (its own item
holds its table of contents) is rendered as before, and so is a navigation a region's theme replaces: only Material's
own template is known to read nothing else (tests/test_site_speed.py builds the site both ways and compares every
page).
"""
from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jinja2
import mkdocs
from mkdocs.utils import normalize_url

from cooperation import cache

NAV_TEMPLATE = "partials/nav.html"


class CompiledTemplates(jinja2.BytecodeCache):
    """The theme's templates as compiled before: in this process (a preview's rebuilds), else in the machine's cache."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        key = _compiled_key(bucket)
        found = self.compiled.get(key)
        if found is None:
            found = cache.get_code("templates", key)  # compiled code: only an entry no one else could write
        if found is not None:
            bucket.bytecode_from_string(found)  # code of another Jinja or Python is left out: compiled again
            if bucket.code is not None:
                self.compiled[key] = found

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        key = _compiled_key(bucket)
        self.compiled[key] = data = bucket.bytecode_to_string()
        cache.put_bytes("templates", key, data)


def _compiled_key(bucket: jinja2.bccache.Bucket) -> str:
    """What a template's compiled code depends on: its name and source (the bucket's key and checksum), Jinja, MkDocs
    (the environment MkDocs makes) and Python, and the environment's settings, filters and tests."""
    env = bucket.environment
    autoescape = getattr(env.autoescape, "__qualname__", None) or repr(env.autoescape)
    settings = [jinja2.__version__, mkdocs.__version__, sys.implementation.cache_tag, autoescape, str(env.is_async),
                ",".join(sorted(env.extensions)), ",".join(sorted(env.filters)), ",".join(sorted(env.tests)),
                env.block_start_string, env.block_end_string, env.variable_start_string, env.variable_end_string,
                env.comment_start_string, env.comment_end_string, str(env.line_statement_prefix),
                str(env.line_comment_prefix), str(env.trim_blocks), str(env.lstrip_blocks), env.newline_sequence,
                str(env.keep_trailing_newline), str(env.optimized)]
    return "\0".join([*settings, bucket.key, bucket.checksum])


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

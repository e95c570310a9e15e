"""Jinja templates compiled once per machine, not once per build.

MkDocs makes a new template environment for every build, which compiled all of Material's templates again (a fifth
of the example's site build); docxtpl compiles each part of the Word template (the body's XML, the headers, the
footers) anew for every document. Compiled, they are kept in this process and in the machine's cache
(cooperation/cache.py), keyed by the template's name and source, Jinja's and Python's versions and the environment's
settings; Jinja checks the compiled code's own version and compiles an edited or unknown template anew.
"""
from __future__ import annotations

import sys
from collections.abc import MutableMapping
from typing import Any

import jinja2

from cooperation import cache


class CompiledTemplates(jinja2.BytecodeCache):
    """Templates as compiled before: in this process (a preview's rebuilds), else in the machine's cache."""

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


def from_string(env: jinja2.Environment, source: str, globals: MutableMapping[str, Any] | None = None,
                template_class: type[jinja2.Template] | None = None) -> jinja2.Template:
    """``env.from_string(source)``, its code as compiled before where ``env.bytecode_cache`` (a CompiledTemplates) has
    it: Jinja asks the cache only for templates its loader reads."""
    bytecode = env.bytecode_cache
    assert bytecode is not None
    bucket = bytecode.get_bucket(env, "<string>", None, source)
    if bucket.code is None:
        bucket.code = env.compile(source)
        bytecode.set_bucket(bucket)
    return (template_class or env.template_class).from_code(env, bucket.code, env.make_globals(globals), None)


def _compiled_key(bucket: jinja2.bccache.Bucket) -> str:
    """What a template's compiled code depends on: its name and source (the bucket's key and checksum), Jinja and
    Python, and the environment's settings, filters and tests (a sandbox compiles calls differently)."""
    env = bucket.environment
    autoescape = getattr(env.autoescape, "__qualname__", None) or repr(env.autoescape)
    settings = [jinja2.__version__, sys.implementation.cache_tag, autoescape, str(env.is_async), str(env.sandboxed),
                str(env.finalize is not None), ",".join(sorted(env.extensions)), ",".join(sorted(env.filters)),
                ",".join(sorted(env.tests)), env.block_start_string, env.block_end_string, env.variable_start_string,
                env.variable_end_string, env.comment_start_string, env.comment_end_string,
                str(env.line_statement_prefix), str(env.line_comment_prefix), str(env.trim_blocks),
                str(env.lstrip_blocks), env.newline_sequence, str(env.keep_trailing_newline), str(env.optimized)]
    return "\0".join([*settings, bucket.key, bucket.checksum])

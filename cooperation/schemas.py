"""The JSON Schemas (package data, ``resources/schema/``; ``schema/`` in the tool's repository): validators, and the field titles and value labels they carry.

The schema is the single source of field names. Each property has a Finnish
``title`` and ``description`` and an ``x-title`` with Swedish and English
titles; each enum has ``x-enum`` labels per language. Messages, the site and
the Word document take their words for fields and values from here.
"""
from __future__ import annotations

import datetime
import hashlib
import json
import re
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker, ValidationError
from jsonschema.validators import extend

from cooperation import RESOURCES
from cooperation.schema_gate import compile_gate

SCHEMA_DIR = RESOURCES / "schema"

# file kind → schema file
KINDS = {
    "agreement": "agreement.schema.json",
    "parties": "parties.schema.json",
    "forums": "forums.schema.json",
    "annexes": "annexes.schema.json",
    "consultations": "consultations.schema.json",
    "subarea": "subarea.schema.json",
    "measurement": "measurement.schema.json",
}

_PARTIAL_DATE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")


def parse_partial_date(value: Any) -> tuple[int, int | None, int | None] | None:
    """2026 / "2026" / "2026-09" / "2026-09-15" → (year, month, day); None if not a valid one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return (value, None, None) if 1900 <= value <= 2100 else None
    if not isinstance(value, str):
        return None
    match = _PARTIAL_DATE.match(value)
    if not match:
        return None
    year_text, month_text, day_text = match.groups()  # the year is not optional in the pattern
    year = int(year_text)
    month = int(month_text) if month_text else None
    day = int(day_text) if day_text else None
    try:
        datetime.date(year, month or 1, day or 1)
    except ValueError:
        return None
    if not 1900 <= year <= 2100:
        return None
    return year, month, day


def _format_checker() -> FormatChecker:
    checker = FormatChecker()

    @checker.checks("partial-date")
    def _partial(value: Any) -> bool:  # noqa: ANN001 - jsonschema's protocol
        return parse_partial_date(value) is not None

    return checker


@cache
def _ecma_pattern(pattern: str) -> re.Pattern:
    # JSON Schema patterns are ECMA-262, where $ ends the text; Python's $ also matches before a
    # final line break, so "octocat\n" would pass "^...$" (and reach CODEOWNERS). \Z is ECMA's $.
    return re.compile(re.sub(r"(?<!\\)\$$", r"\\Z", pattern))


def _pattern(validator, pattern: str, instance: Any, schema: dict):
    if validator.is_type(instance, "string") and not _ecma_pattern(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


_Validator = extend(Draft202012Validator, {"pattern": _pattern})


class Schemas:
    def __init__(self, directory: Path = SCHEMA_DIR):
        self.directory = directory
        # caches keyed by id() keep the node itself alive so the id stays unique
        self._deref_cache: dict = {}
        self._child_cache: dict = {}
        self.raw: dict[str, dict] = {}
        digest = hashlib.sha256()
        for path in sorted(directory.glob("*.schema.json")):
            data = path.read_bytes()
            digest.update(path.name.encode() + b"\0" + data + b"\0")
            self.raw[path.name] = json.loads(data.decode("utf-8"))
        self.digest = digest.hexdigest()  # the schemas' files: a document valid under one digest is valid again
        checker = _format_checker()
        # Validate against the schemas with every $ref inlined: the same rules, but jsonschema
        # skips a reference lookup per value, which was 40 % of validation time.
        inlined = {kind: self.inlined(file) for kind, file in KINDS.items()}
        self.validators = {kind: _Validator(schema, format_checker=checker) for kind, schema in inlined.items()}
        # "surely valid?" asked first (schema_gate.py): jsonschema then runs only on documents with problems
        self.gates = {kind: compile_gate(schema, checker, _ecma_pattern) for kind, schema in inlined.items()}

    def errors(self, kind: str, data: Any) -> list[ValidationError]:
        """The schema's errors in ``data`` of ``kind``, as jsonschema finds them (none where the gate says valid)."""
        gate = self.gates[kind]
        if gate is not None and gate(data):
            return []
        return list(self.validators[kind].iter_errors(data))

    def inlined(self, file: str) -> dict:
        def inline(node: Any, file: str, depth: int) -> Any:
            if depth > 50:
                raise ValueError(f"{file}: $ref too deep (recursive schema?)")
            if isinstance(node, list):
                return [inline(item, file, depth + 1) for item in node]
            if not isinstance(node, dict):
                return node
            if "$ref" in node:
                node, file = self._deref(node, file)
            return {key: (value if key in ("x-enum", "x-title", "x-synonyms", "x-known", "enum", "const", "examples")
                          else inline(value, file, depth + 1))
                    for key, value in node.items() if key not in ("$defs", "$id")}
        return inline(self.raw[file], file, 0)

    # --- walking the schema by instance path -------------------------------------------
    def _deref(self, node: dict, file: str) -> tuple[dict, str]:
        """Follow $ref; the referring node's own keywords (title, description) win."""
        if "$ref" not in node:
            return node, file
        key = (id(node), file)
        hit = self._deref_cache.get(key)
        if hit is None:
            hit = self._deref_cache[key] = (node, self._deref_uncached(node, file))
        return hit[1]

    def _deref_uncached(self, node: dict, file: str) -> tuple[dict, str]:
        seen = 0
        while "$ref" in node and seen < 10:
            ref = node["$ref"]
            target_file, _, pointer = ref.partition("#")
            target_file = target_file or file
            target = self.raw[target_file]
            for part in pointer.strip("/").split("/") if pointer.strip("/") else []:
                target = target[part]
            merged = dict(target)
            if "description" in target and ("pattern" in target or "format" in target):
                # the type's own explanation of the form stays available for messages
                merged.setdefault("x-format", target["description"])
            merged.update({k: v for k, v in node.items() if k != "$ref"})
            node, file = merged, target_file
            seen += 1
        return node, file

    def node_at(self, kind: str, path: tuple) -> dict | None:
        node: dict | None
        node, file = self._deref(self.raw[KINDS[kind]], KINDS[kind])
        for part in path:
            node, file = self._child(node, file, part)
            if node is None:
                return None
        return node

    def _child(self, node: dict, file: str, part) -> tuple[dict | None, str]:
        key = (id(node), file, -1 if isinstance(part, int) else part)
        hit = self._child_cache.get(key)
        if hit is None:
            hit = self._child_cache[key] = (node, self._child_uncached(node, file, part))
        return hit[1]

    def _child_uncached(self, node: dict, file: str, part) -> tuple[dict | None, str]:
        node, file = self._deref(node, file)
        if isinstance(part, int):
            items = node.get("items")
            return (self._deref(items, file) if isinstance(items, dict) else (None, file))
        props = node.get("properties", {})
        if part in props:
            return self._deref(props[part], file)
        for branch in node.get("anyOf", []) + node.get("oneOf", []):
            branch, bfile = self._deref(branch, file)
            if part in branch.get("properties", {}):
                return self._deref(branch["properties"][part], bfile)
        return None, file

    @lru_cache(maxsize=4096)  # noqa: B019 - one Schemas per process (default_schemas)
    def titles_at(self, kind: str, path: tuple) -> dict[str, str] | None:
        node = self.node_at(kind, path)
        return titles_of(node) if node else None

    def item_kind_at(self, kind: str, path: tuple) -> str | None:
        node = self.node_at(kind, path)
        return node.get("x-item") if node else None

    def walk(self, kind: str, data: Any) -> Iterator[tuple[tuple, dict, Any]]:
        """Every value of ``data`` with its path and the schema node that describes it."""
        root, file = self._deref(self.raw[KINDS[kind]], KINDS[kind])
        stack: list[tuple[tuple, dict, str, Any]] = [((), root, file, data)]
        while stack:
            path, node, file, value = stack.pop()
            yield path, node, value
            if isinstance(value, dict):
                for key, child in value.items():
                    cnode, cfile = self._child(node, file, key)
                    if cnode is not None:
                        stack.append((path + (key,), cnode, cfile, child))
            elif isinstance(value, list):
                for index, child in enumerate(value):
                    cnode, cfile = self._child(node, file, index)
                    if cnode is not None:
                        stack.append((path + (index,), cnode, cfile, child))

    def enum_labels(self, kind: str, path: tuple) -> dict[str, dict[str, str]]:
        node = self.node_at(kind, path)
        if node and "items" in node and "x-enum" not in node:
            node, _ = self._deref(node["items"], KINDS[kind])
        for branch in (node or {}).get("anyOf", []):  # one value or a list of them (a forum's levels)
            branch, _ = self._deref(branch, KINDS[kind])
            branch = self._deref(branch["items"], KINDS[kind])[0] if "items" in branch else branch
            if "x-enum" in branch:
                return dict(branch["x-enum"])
        return dict(node.get("x-enum", {})) if node else {}


def titles_of(node: dict) -> dict[str, str]:
    titles = {"fi": node.get("title", "")}
    titles.update(node.get("x-title", {}))
    return titles


@lru_cache(maxsize=1)
def default_schemas() -> Schemas:
    return Schemas()


def partial_date_span(value: Any) -> tuple[datetime.date, datetime.date] | None:
    """The first and last day a partial date can mean ("2026-03" → 1.3.–31.3.2026); None if not one."""
    parts = parse_partial_date(value)
    if parts is None:
        return None
    year, month, day = parts
    if day is not None and month is not None:
        return datetime.date(year, month, day), datetime.date(year, month, day)
    if month is not None:
        following = datetime.date(year + (month == 12), month % 12 + 1, 1)
        return datetime.date(year, month, 1), following - datetime.timedelta(days=1)
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
def document_types() -> dict[str, dict[str, str]]:
    """The known document types (agreement.document_type): code → its official name per language."""
    node = default_schemas().node_at("agreement", ("document_type",)) or {}
    return dict(node.get("x-known", {}))


def document_type_code(value: object) -> str | None:
    """The known type a written document type is: its code, or its official name in any language
    ("puitesopimus", "Avtal om strategiskt samarbete"); None for the document's own name."""
    if not isinstance(value, str):
        return None
    known = document_types()
    if value in known:
        return value
    name = " ".join(value.split()).lower()
    return next((code for code, labels in known.items() if name in (v.lower() for v in labels.values())), None)

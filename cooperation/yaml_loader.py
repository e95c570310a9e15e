"""Strict YAML loading that remembers where every value came from.

Editors write these files by hand in GitHub's web editor, so the loader refuses
what YAML 1.1 would silently reinterpret and points at the exact line:

* ``yes``/``no``/``on``/``off`` stay text (only ``true``/``false`` are booleans);
* dates stay text and are checked later against the schema's ``format: date``;
* ``1:20`` is text, not the sexagesimal number 80; ``.nan``/``.inf`` are text;
* duplicate keys, anchors/aliases (``&``/``*``, the "billion laughs"),
  tabs in indentation, a byte-order mark, non-UTF-8 bytes, explicit tags and
  files over a size cap are reported as problems.

The document is parsed once by libyaml (C) and then walked once in Python to
build plain dicts and lists and a table of (line, column) per value path.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .result import ERROR, Problem

MAX_YAML_BYTES = 2_000_000
# libyaml's composer recurses in C: a deeply nested document crashes the process.
MAX_FLOW_DEPTH = 100
_DEEP_BLOCK = re.compile(r"^[ \-?:]{121,}", re.M)
_TAB_INDENT = re.compile(r"^[ ]*\t", re.M)

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"
MAP = "tag:yaml.org,2002:map"
SEQ = "tag:yaml.org,2002:seq"


class StrictLoader(_BaseLoader):
    """YAML 1.2 core-schema-like resolution on top of libyaml."""


# YAML 1.2 core schema resolution (no yes/no/on/off, no timestamps, no 1_000, no 1:20).
StrictLoader.yaml_implicit_resolvers = {}
StrictLoader.add_implicit_resolver(BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
StrictLoader.add_implicit_resolver(
    INT, re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"), list("-+0123456789"))
StrictLoader.add_implicit_resolver(
    FLOAT, re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$"), list("-+.0123456789"))
StrictLoader.add_implicit_resolver(NULL, re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])

Path_ = tuple  # a value path: keys and list indexes from the document root


@dataclass
class Document:
    """One loaded file: its data and the position of every value and key."""

    path: Path
    name: str  # path shown to users, relative to the root, with forward slashes
    data: Any
    positions: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[tuple, tuple[int, int]] = field(default_factory=dict)

    def position(self, path: tuple, key: bool = False) -> tuple[int, int]:
        """(line, column), 1-based, of the value at ``path`` or its nearest recorded parent."""
        path = tuple(path)
        if key and path in self.key_positions:
            return self.key_positions[path]
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), (1, 1))


_ALIAS = object()


class _Walk:
    def __init__(self, doc: Document, problems: list[Problem]):
        self.doc = doc
        self.problems = problems
        self.seen: set[int] = set()
        self.positions = doc.positions
        self.key_positions = doc.key_positions

    def problem(self, code: str, mark, **params) -> None:
        if "tag" in params and str(params["tag"]).startswith("tag:yaml.org,2002:"):
            params["tag"] = "!!" + params["tag"][len("tag:yaml.org,2002:"):]
        self.problems.append(Problem(ERROR, code, self.doc.name, mark.line + 1, mark.column + 1, params))

    def build(self, node, path: tuple) -> Any:
        # An alias hands back the very node object it refers to: seeing one twice means an alias.
        nid = id(node)
        if nid in self.seen:
            self.problem("yaml_alias", node.start_mark)
            return _ALIAS
        self.seen.add(nid)
        mark = node.start_mark
        self.positions[path] = (mark.line + 1, mark.column + 1)
        tag = node.tag
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, tag)
        if isinstance(node, yaml.SequenceNode):
            if tag != SEQ:
                self.problem("yaml_tag", mark, tag=tag)
            items = [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
            return [item for item in items if item is not _ALIAS]
        if tag != MAP:
            self.problem("yaml_tag", mark, tag=tag)
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            kmark = key_node.start_mark
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem("yaml_complex_key", kmark)
                continue
            key = key_node.value
            if id(key_node) in self.seen:
                self.problem("yaml_alias", kmark)
                continue
            self.seen.add(id(key_node))
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problem("yaml_alias", kmark)
                continue
            if key in result:
                first = self.key_positions.get(path + (key,), (0, 0))[0]
                self.problem("yaml_duplicate_key", kmark, key=key, first_line=first)
                continue
            self.key_positions[path + (key,)] = (kmark.line + 1, kmark.column + 1)
            value = self.build(value_node, path + (key,))
            if value is not _ALIAS:  # reported already; leave it out rather than guess
                result[key] = value
        return result

    def scalar(self, node, tag: str) -> Any:
        value = node.value
        if tag == STR:
            return value
        if tag == INT:
            try:
                return int(value, 0) if value[:2] in ("0o", "0x") else int(value, 10)
            except ValueError:
                return value
        if tag == FLOAT:
            number = float(value)
            return number if math.isfinite(number) else value
        if tag == BOOL:
            return value.lower() == "true"
        if tag == NULL:
            return None
        self.problem("yaml_tag", node.start_mark, tag=tag)
        return value


_MESSAGES = (
    # libyaml's words → our message codes (messages.py has the explanation for editors)
    ("found character '\\t'", "yaml_tab"),
    ("mapping values are not allowed", "yaml_colon"),
    ("could not find expected ':'", "yaml_missing_colon"),
    ("did not find expected key", "yaml_indentation"),
    ("did not find expected '-' indicator", "yaml_indentation"),
    ("did not find expected node content", "yaml_indentation"),
    ("found unexpected end of stream", "yaml_unclosed_quote"),
    ("found unknown escape character", "yaml_escape"),
    ("did not find expected ','", "yaml_unclosed_bracket"),
    ("control characters are not allowed", "yaml_control_char"),
    ("special characters are not allowed", "yaml_control_char"),
    ("expected a single document", "yaml_many_documents"),
    ("cannot start any token", "yaml_bad_token"),
    ("found undefined alias", "yaml_alias"),
    ("found undefined tag handle", "yaml_tag"),
)


def _syntax_code(error: yaml.YAMLError) -> str:
    text = str(error)
    for needle, code in _MESSAGES:
        if needle in text:
            return code
    return "yaml_syntax"


def _max_flow_depth(text: str) -> int:
    if text.count("[") + text.count("{") <= MAX_FLOW_DEPTH:
        return 0
    depth = deepest = 0
    for ch in text:
        if ch in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
        elif ch in "]}":
            depth = max(0, depth - 1)
    return deepest


def decode(raw: bytes, name: str, problems: list[Problem]) -> str | None:
    """Bytes → text, reporting a BOM or non-UTF-8 bytes with their position."""
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append(Problem(ERROR, "file_bom", name, 1, 1))
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        problems.append(Problem(ERROR, "file_encoding", name, line, column))
        return None


def read_text(path: Path, name: str, problems: list[Problem], max_bytes: int) -> str | None:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            problems.append(Problem(ERROR, "file_too_large", name, 1, 1,
                                    {"size": size, "limit": max_bytes}))
            return None
        raw = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(ERROR, "file_unreadable", name, 1, 1, {"reason": exc.strerror or str(exc)}))
        return None
    return decode(raw, name, problems)


def load_yaml_text(text: str, path: Path, name: str, problems: list[Problem]) -> Document | None:
    doc = Document(path=path, name=name, data=None)
    bad = False
    for match in _TAB_INDENT.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        problems.append(Problem(ERROR, "yaml_tab", name, line, match.end() - match.start()))
        bad = True
    if bad:
        return None
    deep = _DEEP_BLOCK.search(text)
    if deep or _max_flow_depth(text) > MAX_FLOW_DEPTH:
        line = text.count("\n", 0, deep.start()) + 1 if deep else 1
        problems.append(Problem(ERROR, "yaml_too_deep", name, line, 1))
        return None
    try:
        node = yaml.compose(text, Loader=StrictLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problems.append(Problem(ERROR, _syntax_code(exc), name, line, column,
                                {"detail": str(exc.problem or exc.context or "")}))
        return None
    except yaml.YAMLError as exc:  # reader errors carry a character position, not a mark
        position = getattr(exc, "position", 0) or 0
        line = text.count("\n", 0, position) + 1
        column = position - (text.rfind("\n", 0, position) + 1) + 1
        problems.append(Problem(ERROR, _syntax_code(exc), name, line, column,
                                {"detail": str(getattr(exc, "reason", "") or exc)}))
        return None
    if node is None:
        problems.append(Problem(ERROR, "file_empty", name, 1, 1))
        return None
    found: list[Problem] = []
    doc.data = _Walk(doc, found).build(node, ())
    if any(p.code == "yaml_alias" for p in found):
        # The composed tree only shows where the anchored value is; point at each *alias instead.
        found = [p for p in found if p.code != "yaml_alias"]
        for token in yaml.scan(text, Loader=StrictLoader):
            if isinstance(token, yaml.AliasToken):
                found.append(Problem(ERROR, "yaml_alias", name, token.start_mark.line + 1,
                                     token.start_mark.column + 1))
    problems.extend(found)
    return doc


def load_yaml(path: Path, name: str, problems: list[Problem], max_bytes: int = MAX_YAML_BYTES) -> Document | None:
    """Load one YAML file; problems go to ``problems``; None when nothing usable was read."""
    text = read_text(path, name, problems, max_bytes)
    if text is None:
        return None
    return load_yaml_text(text, path, name, problems)

"""Strict YAML loading that remembers where every value came from.

Editors write these files by hand in GitHub's web editor, so the loader refuses
what YAML 1.1 would silently reinterpret and points at the exact line:

* ``yes``/``no``/``on``/``off`` stay text (only ``true``/``false`` are booleans);
* dates stay text and are checked later against the schema's ``format: date``;
* ``1:20`` is text, not the sexagesimal number 80; ``.nan``/``.inf`` are text;
* duplicate keys, anchors/aliases (``&``/``*``, the "billion laughs"),
  tabs in indentation, a byte-order mark, non-UTF-8 bytes, explicit tags and
  files over a size cap are reported as problems.

The document is parsed once by libyaml (C); its events build plain dicts and lists
and a table of (line, column) per value path in one loop with an explicit stack,
refusing nesting deeper than MAX_DEPTH where it happens (nothing recurses).
"""
from __future__ import annotations

import errno
import math
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from cooperation.result import ERROR, Problem

MAX_YAML_BYTES = 2_000_000
# Nested mappings and sequences, counted from the parser's events: libyaml's composer recurses
# in C (a deeply nested file crashed the process), and so would any recursive walk in Python.
MAX_DEPTH = 100
# libyaml breaks lines at \r, \x85, U+2028 and U+2029 too: positions count lines the same way.
_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
_TAB_INDENT = re.compile("(?:\\A|(?<=[\n\r\x85\u2028\u2029]))[ ]*\t")
# Characters no output can carry (XML 1.0 refuses them; openpyxl raises) or that nobody types on
# purpose: C0 controls except tab and line breaks, DEL, C1 controls, surrogates, U+FFFE/U+FFFF.
ILLEGAL_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def character_name(char: str) -> str:
    return f"U+{ord(char):04X}"


def line_column(text: str, index: int) -> tuple[int, int]:
    """1-based (line, column) of ``text[index]``, breaking lines where libyaml does."""
    line, start = 1, 0
    for match in _LINE_BREAK.finditer(text, 0, index):
        line, start = line + 1, match.end()
    return line, index - start + 1

# libyaml's loader when PyYAML was built with it. Any: a base chosen at run time is no type to mypy
_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

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
_KEY, _VALUE = 0, 1


class _TooDeep(Exception):
    def __init__(self, mark):
        super().__init__()
        self.mark = mark


class _Frame:
    """An open mapping or sequence while the document is built from parser events."""

    __slots__ = ("value", "path", "is_map", "index", "expect", "key", "keep")

    def __init__(self, value, path: tuple, keep: bool):
        self.value, self.path, self.keep = value, path, keep
        self.is_map = isinstance(value, dict)
        self.index = 0  # the next sequence index (aliases count: positions follow the file)
        self.expect = _KEY
        self.key: str | None = None  # None: the value is left out (duplicate key, alias, complex key)


class _Build:
    """Plain dicts and lists from libyaml's parser events, with an explicit stack.

    Nothing here recurses: the nesting is counted as the events arrive and refused beyond
    MAX_DEPTH at the event that goes too deep, so a hostile file can neither exhaust Python's
    recursion limit nor libyaml's composer's C stack (which it never reaches)."""

    def __init__(self, doc: Document, problems: list[Problem], loader):
        self.doc = doc
        self.problems = problems
        self.loader = loader
        self.positions = doc.positions
        self.key_positions = doc.key_positions

    def problem(self, code: str, mark, **params) -> None:
        if "tag" in params and str(params["tag"]).startswith("tag:yaml.org,2002:"):
            params["tag"] = "!!" + params["tag"][len("tag:yaml.org,2002:"):]
        self.problems.append(Problem(ERROR, code, self.doc.name, mark.line + 1, mark.column + 1, params))

    def document(self) -> Any:
        """The events of one document (after DocumentStart) → its data."""
        loader = self.loader
        stack: list[_Frame] = []
        events = yaml.events
        while True:
            event = loader.get_event()
            cls = type(event)
            if cls is events.MappingEndEvent or cls is events.SequenceEndEvent:
                value = stack.pop().value
                if not stack:
                    return value
                self.attach(stack[-1], value)
                continue
            # a node starts: where does it go?
            top = stack[-1] if stack else None
            if top is None:
                path, keep = (), True
            elif top.is_map and top.expect == _KEY:
                if cls is events.ScalarEvent and event.tag != "tag:yaml.org,2002:merge":
                    self.key(top, event)
                    continue
                if cls is events.AliasEvent or cls is events.ScalarEvent:
                    self.problem("yaml_alias", event.start_mark)  # an alias or an explicit merge key
                    top.expect, top.key = _VALUE, None
                    continue
                self.problem("yaml_complex_key", event.start_mark)
                path, keep = top.path, False  # the key's own contents are read and left out
            elif top.is_map:
                path, keep = top.path + (top.key,), top.keep and top.key is not None
            else:
                path, keep = top.path + (top.index,), top.keep
                top.index += 1
            if cls is events.AliasEvent:
                self.problem("yaml_alias", event.start_mark)
                value = _ALIAS
            elif cls is events.ScalarEvent:
                if keep:
                    self.positions[path] = (event.start_mark.line + 1, event.start_mark.column + 1)
                value = self.scalar(event)
            else:
                if len(stack) >= MAX_DEPTH:
                    raise _TooDeep(event.start_mark)
                is_map = cls is events.MappingStartEvent
                if keep:
                    self.positions[path] = (event.start_mark.line + 1, event.start_mark.column + 1)
                if event.tag not in (None, "!", MAP if is_map else SEQ):
                    self.problem("yaml_tag", event.start_mark, tag=event.tag)
                stack.append(_Frame({} if is_map else [], path, keep))
                continue
            if top is None:
                return value
            self.attach(top, value)

    def attach(self, frame: _Frame, value: Any) -> None:
        if not frame.is_map:
            if value is not _ALIAS and frame.keep:
                frame.value.append(value)
        elif frame.expect == _KEY:  # a complex key ended: its value is left out too
            frame.expect, frame.key = _VALUE, None
        else:
            if frame.key is not None and value is not _ALIAS:  # an alias is reported already
                frame.value[frame.key] = value
            frame.expect = _KEY

    def key(self, frame: _Frame, event) -> None:
        key, mark = event.value, event.start_mark
        frame.expect, frame.key = _VALUE, None
        if not frame.keep:
            return
        if key in frame.value or (frame.path + (key,)) in self.key_positions:
            first = self.key_positions.get(frame.path + (key,), (0, 0))[0]
            self.problem("yaml_duplicate_key", mark, key=key, first_line=first)
            return
        self.key_positions[frame.path + (key,)] = (mark.line + 1, mark.column + 1)
        frame.key = key

    def scalar(self, event) -> Any:
        value, tag = event.value, event.tag
        if tag is None or tag == "!":
            tag = self.loader.resolve(yaml.ScalarNode, value, event.implicit)
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
        self.problem("yaml_tag", event.start_mark, tag=tag)
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


def read_bytes(path: Path, name: str, problems: list[Problem], max_bytes: int) -> bytes | None:
    """The bytes of a regular file, never through a symbolic link and never more than ``max_bytes``.

    Sizes of special files lie (/proc files say 0, /dev/zero never ends, a FIFO blocks): open
    without following a link and without blocking, refuse anything but a regular file, and stop
    reading one byte past the limit."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        if os.path.islink(path):
            problems.append(Problem(ERROR, "file_symlink", name, 1, 1))
            return None
        fd = os.open(path, flags)
    except OSError as exc:
        code = "file_symlink" if exc.errno == errno.ELOOP else "file_unreadable"
        problems.append(Problem(ERROR, code, name, 1, 1, {"reason": exc.strerror or str(exc)}))
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            problems.append(Problem(ERROR, "file_special", name, 1, 1))
            return None
        if info.st_size > max_bytes:
            problems.append(Problem(ERROR, "file_too_large", name, 1, 1, {"size": info.st_size, "limit": max_bytes}))
            return None
        chunks, size = [], 0
        while size <= max_bytes:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > max_bytes:  # the file grew while it was read
            problems.append(Problem(ERROR, "file_too_large", name, 1, 1, {"size": size, "limit": max_bytes}))
            return None
        return b"".join(chunks)
    except OSError as exc:
        problems.append(Problem(ERROR, "file_unreadable", name, 1, 1, {"reason": exc.strerror or str(exc)}))
        return None
    finally:
        os.close(fd)


def read_text(path: Path, name: str, problems: list[Problem], max_bytes: int) -> str | None:
    raw = read_bytes(path, name, problems, max_bytes)
    return None if raw is None else decode(raw, name, problems)


def _mark_of(exc: yaml.MarkedYAMLError, code: str):
    # An unclosed quote or bracket is found at the end of the file: point at where it opens.
    if code in ("yaml_unclosed_quote", "yaml_unclosed_bracket") and exc.context_mark is not None:
        return exc.context_mark
    return exc.problem_mark or exc.context_mark


def load_yaml_text(text: str, path: Path, name: str, problems: list[Problem]) -> Document | None:
    doc = Document(path=path, name=name, data=None)
    bad = False
    for match in _TAB_INDENT.finditer(text) if "\t" in text else ():  # (the scan is a sixth of a parse)
        line, _ = line_column(text, match.start())
        problems.append(Problem(ERROR, "yaml_tab", name, line, match.end() - match.start()))
        bad = True
    if bad:
        return None
    found: list[Problem] = []
    loader = StrictLoader(text)
    try:
        loader.get_event()  # StreamStart
        if loader.check_event(yaml.StreamEndEvent):
            problems.append(Problem(ERROR, "file_empty", name, 1, 1))
            return None
        loader.get_event()  # DocumentStart
        data = _Build(doc, found, loader).document()
        loader.get_event()  # DocumentEnd
        if not loader.check_event(yaml.StreamEndEvent):
            mark = loader.get_event().start_mark
            problems.append(Problem(ERROR, "yaml_many_documents", name, mark.line + 1, mark.column + 1))
            return None
    except _TooDeep as exc:
        problems.append(Problem(ERROR, "yaml_too_deep", name, exc.mark.line + 1, exc.mark.column + 1))
        return None
    except yaml.MarkedYAMLError as exc:
        code = _syntax_code(exc)
        mark = _mark_of(exc, code)
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problems.append(Problem(ERROR, code, name, line, column, {"detail": str(exc.problem or exc.context or "")}))
        return None
    except yaml.YAMLError as exc:  # reader errors carry a byte offset into the UTF-8 text, not a mark
        offset = getattr(exc, "position", 0) or 0
        index = len(text.encode("utf-8", "surrogatepass")[:offset].decode("utf-8", "ignore"))
        line, column = line_column(text, index)
        problems.append(Problem(ERROR, _syntax_code(exc), name, line, column,
                                {"detail": str(getattr(exc, "reason", "") or exc)}))
        return None
    finally:
        loader.dispose()
    doc.data = None if data is _ALIAS else data
    problems.extend(found)
    return doc


def load_yaml(path: Path, name: str, problems: list[Problem], max_bytes: int = MAX_YAML_BYTES) -> Document | None:
    """Load one YAML file; problems go to ``problems``; None when nothing usable was read."""
    text = read_text(path, name, problems, max_bytes)
    if text is None:
        return None
    return load_yaml_text(text, path, name, problems)

"""Writing data as YAML that editors can read and edit: keys in schema order, long texts as blocks."""
from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import yaml

from cooperation.imports.merge import same


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def dump(data, schema_file: str | None = None, comment: str | None = None) -> str:
    head = []
    if schema_file:
        head.append(f"# yaml-language-server: $schema=../schema/{schema_file}")
    if comment:
        head += [f"# {line}" if line else "#" for line in comment.splitlines()]
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=110, default_flow_style=False)
    return ("\n".join(head) + "\n" if head else "") + body


# --- changing an existing file: only what changed, comments, key order and quoting kept ----------------------
_INDENTS = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (2, 4, 0))  # mapping, sequence, offset


def round_trip(text: str):
    """A ruamel.yaml round-trip parser set up to write ``text`` back unchanged (the file's own indentation), or
    the project's usual indentation when none does."""
    from ruamel.yaml import YAML
    first = None
    for mapping, sequence, offset in _INDENTS:
        parser = YAML(typ="rt")
        parser.preserve_quotes = True
        parser.width = 4096  # never fold a long line that was not folded
        parser.indent(mapping=mapping, sequence=sequence, offset=offset)
        document = parser.load(text)
        first = first or (parser, document)
        buffer = io.StringIO()
        parser.dump(document, buffer)
        if buffer.getvalue() == text:
            return parser, document
    return first


def update(text: str, old: Any, new: Any) -> str:
    """``text`` (a YAML file whose data is ``old``) changed to hold ``new``: values equal in both keep their
    line as it is, with its comments. Changed values alone are replaced where they stand (the file's own line
    breaks kept); a changed structure (an item added or removed) goes through ruamel.yaml's round trip."""
    edits = _scalar_edits(old, new)
    if edits is not None:
        changed = _replace_scalars(text, edits)
        if changed is not None:
            from cooperation.load.yaml_loader import load_yaml_text
            reread = load_yaml_text(changed, Path("check.yaml"), "check.yaml", [])
            if reread is not None and same(reread.data, new):  # the loader reads back exactly the new data
                return changed
    parser, document = round_trip(text)
    document = _apply(document, old, new)
    buffer = io.StringIO()
    parser.dump(document, buffer)
    return buffer.getvalue()


def _ids(value: Any) -> list[str] | None:
    if isinstance(value, list) and all(isinstance(x, dict) and isinstance(x.get("id"), str) for x in value):
        return [x["id"] for x in value]
    return None


def _apply(node: Any, old: Any, new: Any) -> Any:
    """The node for ``new``: ``node`` itself, changed in place where it can be (its comments stay)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    if same(old, new):
        return node
    if isinstance(node, CommentedMap) and isinstance(old, dict) and isinstance(new, dict):
        for key in [k for k in node if k not in new]:
            del node[key]
        for index, (key, value) in enumerate(new.items()):
            if key in node and key in old:
                if not same(old[key], value):
                    node[key] = _apply(node[key], old[key], value)
            else:
                previous = list(new)[:index]
                position = max((list(node).index(k) + 1 for k in previous if k in node), default=0)
                node.insert(position, key, _fresh(value))
        return node
    if isinstance(node, CommentedSeq) and isinstance(old, list) and isinstance(new, list):
        old_ids, new_ids = _ids(old), _ids(new)
        if old_ids is not None and new_ids is not None and new:
            by_old = dict(zip(old_ids, old))
            for index in reversed(range(len(node))):
                if old_ids[index] not in new_ids:
                    del node[index]
            current = [x for x in old_ids if x in new_ids]
            for index, (ident, value) in enumerate(zip(new_ids, new)):
                if ident in current:
                    at = current.index(ident)
                    if at != index:  # moved
                        element = node.pop(at)
                        current.pop(at)
                        node.insert(index, element)
                        current.insert(index, ident)
                    node[index] = _apply(node[index], by_old[ident], value)
                else:
                    node.insert(index, _fresh(value))
                    current.insert(index, ident)
            return node
        if len(old) == len(new) and not any(isinstance(x, (dict, list)) for x in new):
            for index, value in enumerate(new):
                if not same(old[index], value):
                    node[index] = _scalar(node[index], value)
            return node
        if old and len(new) > len(old) and all(same(a, b) for a, b in zip(old, new)):  # entries added at the end
            for value in new[len(old):]:
                node.append(_like(node[-1], _fresh(value)))
            return node
        fresh = _fresh(new)
        if node.fa.flow_style():
            fresh.fa.set_flow_style()
        return fresh
    return _scalar(node, new) if not isinstance(new, (dict, list)) else _fresh(new)


def _scalar(node: Any, value: Any) -> Any:
    """A new scalar written the way the old one was (quoted stays quoted; several lines as a block)."""
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString, PlainScalarString, ScalarString
    if isinstance(value, str):
        if "\n" in value:
            return LiteralScalarString(value)
        if isinstance(node, ScalarString) and not isinstance(node, (LiteralScalarString, FoldedScalarString,
                                                                    PlainScalarString)):
            return type(node)(value)
    return value


def _like(model: Any, fresh: Any) -> Any:
    """A new entry written as the one before it: its texts quoted the same way (a date as "2026-02-10")."""
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.scalarstring import ScalarString
    if isinstance(model, CommentedMap) and isinstance(fresh, CommentedMap):
        for key, value in fresh.items():
            template = model.get(key)
            if isinstance(value, str) and not isinstance(value, ScalarString) and isinstance(template, ScalarString) \
                    and "\n" not in value:
                fresh[key] = type(template)(value)
    return fresh


def _fresh(value: Any) -> Any:
    """New data as ruamel nodes: lists of plain values on one line, as the files write them."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import LiteralScalarString
    if isinstance(value, dict):
        out = CommentedMap()
        for key, child in value.items():
            out[key] = _fresh(child)
        return out
    if isinstance(value, list):
        seq = CommentedSeq(_fresh(x) for x in value)
        if not any(isinstance(x, (dict, list)) for x in value):
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, str) and "\n" in value:
        return LiteralScalarString(value)
    return value


# --- values changed in place: the file's own line breaks, quoting and layout kept byte for byte --------------
def _scalar_edits(old: Any, new: Any, path: tuple = ()) -> list[tuple[tuple, Any]] | None:
    """The paths whose scalar value differs, when nothing but scalar values differs; None otherwise."""
    if same(old, new):
        return []
    if isinstance(old, dict) and isinstance(new, dict):
        if set(old) != set(new):
            return None
        edits: list[tuple[tuple, Any]] = []
        for key in old:
            found = _scalar_edits(old[key], new[key], path + (key,))
            if found is None:
                return None
            edits += found
        return edits
    if isinstance(old, list) and isinstance(new, list):
        if len(old) != len(new):
            return None
        edits = []
        for index, (a, b) in enumerate(zip(old, new)):
            found = _scalar_edits(a, b, path + (index,))
            if found is None:
                return None
            edits += found
        return edits
    if isinstance(old, (dict, list)) or isinstance(new, (dict, list)):
        return None
    return [(path, new)]


def _node_at(node: Any, path: tuple) -> Any:
    for part in path:
        if isinstance(node, yaml.MappingNode):
            node = next(v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == str(part))
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            node = node.value[part]
        else:
            raise KeyError(part)
    return node


_PLAIN_UNSAFE = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029\ufeff,\[\]{}]|: |:$| #|^[-?:,\[\]{}#&*!|>'\"%@`\s]|\s$")


def _render(node: Any, value: Any, text: str) -> str | None:
    """``value`` as YAML text to stand where ``node`` stands, in the node's style where it can be; None when
    it cannot stand there (a multi-line text in a place that is not a block)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return {"nan": ".nan", "inf": ".inf", "-inf": "-.inf"}[repr(value)]
        shown = repr(value)
        return shown.replace("e", ".0e", 1) if "e" in shown and "." not in shown else shown
    value = str(value)
    if node.style in ("|", ">"):
        if "\n" not in value.rstrip("\n") and not value.endswith("\n"):
            return None
        line_start = text.rfind("\n", 0, node.start_mark.index) + 1
        indent = " " * (node.start_mark.index - line_start + 2)
        first = text[node.start_mark.index:].split("\n", 2)
        if len(first) > 1 and first[1].strip():
            indent = first[1][:len(first[1]) - len(first[1].lstrip(" "))]
        body = value[:-1] if value.endswith("\n") else value
        if value.endswith("\n\n") or not body or body.startswith((" ", "\n")):
            return None
        head = "|" if value.endswith("\n") else "|-"
        return head + "\n" + "\n".join(indent + line if line else "" for line in body.split("\n")) + "\n"
    if "\n" in value:
        return None
    if node.style == "'":
        return "'" + value.replace("'", "''") + "'"
    if node.style == '"' or _PLAIN_UNSAFE.search(value) or not value:
        return json.dumps(value, ensure_ascii=False)
    try:
        plain = yaml.safe_load(value) == value
    except yaml.YAMLError:
        plain = False
    return value if plain else json.dumps(value, ensure_ascii=False)


# libyaml's loader when PyYAML has it: the same nodes and character positions, ten times faster on a large
# sub-area (its C composer recurses, but the file was loaded with the loader's depth limit already)
_COMPOSER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _replace_scalars(text: str, edits: list[tuple[tuple, Any]]) -> str | None:
    """``text`` with the scalars at ``edits``' paths replaced in place; None when one cannot be."""
    try:
        root = yaml.compose(text, Loader=_COMPOSER)
    except yaml.YAMLError:
        return None
    spans = []
    for path, value in edits:
        try:
            node = _node_at(root, path)
        except (KeyError, IndexError, StopIteration):
            return None
        if not isinstance(node, yaml.ScalarNode):
            return None
        shown = _render(node, value, text)
        if shown is None:
            return None
        start, end = node.start_mark.index, node.end_mark.index
        if node.style in ("|", ">"):
            end = start + len(text[start:end].rstrip("\n")) + 1 if text[start:end].endswith("\n") else end
        spans.append((start, end, shown))
    for start, end, shown in sorted(spans, reverse=True):
        text = text[:start] + shown + text[end:]
    return text

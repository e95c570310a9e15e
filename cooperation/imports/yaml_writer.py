"""Writing data as YAML that editors can read and edit: keys in schema order, long texts as blocks."""
from __future__ import annotations

import io
from typing import Any

import yaml


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


def _round_trip(text: str):
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
    line as it is, with its comments."""
    parser, document = _round_trip(text)
    document = _apply(document, old, new)
    buffer = io.StringIO()
    parser.dump(document, buffer)
    return buffer.getvalue()


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    return type(a) is type(b) and a == b


def _ids(value: Any) -> list[str] | None:
    if isinstance(value, list) and all(isinstance(x, dict) and isinstance(x.get("id"), str) for x in value):
        return [x["id"] for x in value]
    return None


def _apply(node: Any, old: Any, new: Any) -> Any:
    """The node for ``new``: ``node`` itself, changed in place where it can be (its comments stay)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    if _same(old, new):
        return node
    if isinstance(node, CommentedMap) and isinstance(old, dict) and isinstance(new, dict):
        for key in [k for k in node if k not in new]:
            del node[key]
        for index, (key, value) in enumerate(new.items()):
            if key in node and key in old:
                if not _same(old[key], value):
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
                if not _same(old[index], value):
                    node[index] = _scalar(node[index], value)
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

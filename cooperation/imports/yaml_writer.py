"""Writing data as YAML that editors can read and edit: keys in schema order, long texts as blocks."""
from __future__ import annotations

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

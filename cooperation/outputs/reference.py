"""The format reference (tietomuoto), generated from the JSON Schemas: never written by hand."""
from __future__ import annotations

import html
from typing import Any

from cooperation.schemas import KINDS, Schemas, default_schemas

_TYPE_WORDS = {
    "string": "teksti", "integer": "kokonaisluku", "number": "luku", "boolean": "true / false",
    "object": "kentät", "array": "luettelo",
}


def _type_of(node: dict) -> str:
    kind = node.get("x-kind")
    if kind == "text":
        return "teksti (fi/sv)"
    if kind == "markdown":
        return "muotoiltu teksti (fi/sv, Markdown)"
    if "enum" in node:
        labels = node.get("x-enum", {})
        values = []
        for value in node["enum"]:
            label = labels.get(str(value), {}).get("fi")
            values.append(f"`{value}` ({label})" if label and label != str(value) else f"`{value}`")
        return "yksi arvoista: " + ", ".join(values)
    if node.get("format") == "date":
        return "päivämäärä VVVV-KK-PP"
    if node.get("format") == "partial-date":
        return "vuosi, VVVV-KK tai VVVV-KK-PP"
    types = node.get("type")
    if isinstance(types, list):
        return " tai ".join(_TYPE_WORDS.get(t, str(t)) for t in types)
    if types == "array":
        items = node.get("items", {})
        inner = _type_of(items) if items.get("type") != "object" else "kohteita"
        return f"luettelo: {inner}"
    return _TYPE_WORDS.get(str(types), str(types or ""))


def _escape(text: Any) -> str:
    """Schema text as text in a Markdown table cell: "subareas/<tunniste>.yaml" is not an HTML tag."""
    return html.escape(str(text), quote=False).replace("|", "\\|").replace("\n", " ")


def _rows(schemas: Schemas, node: dict, file: str, prefix: str, depth: int, rows: list) -> None:
    node, file = schemas._deref(node, file)
    if node.get("type") == "array" and isinstance(node.get("items"), dict):
        node, file = schemas._deref(node["items"], file)
        prefix += "[]"
    properties = node.get("properties")
    if not properties or node.get("x-kind") or depth > 6:
        return
    required = set(node.get("required", []))
    for key, child in properties.items():
        child_node, child_file = schemas._deref(child, file)
        path = f"{prefix}.{key}" if prefix else key
        rows.append((path, child_node.get("title", ""), "kyllä" if key in required else "",
                     _type_of(child_node), child_node.get("description", "")))
        _rows(schemas, child_node, child_file, path, depth + 1, rows)


def markdown(schemas: Schemas | None = None) -> str:
    schemas = schemas or default_schemas()
    out = ["# Tietomuoto", "",
           "Tämä sivu on luotu sopimuksen JSON-skeemoista (kansio `schema/`); sitä ei muokata käsin.",
           "Tekstikentät voi antaa pelkkänä tekstinä (sopimuksen pääkielellä) tai kieliversioina:",
           "", "```yaml", "title:", "  fi: Tavoite suomeksi", "  sv: Målet på svenska", "```", ""]
    for kind, file in KINDS.items():
        root = schemas.raw[file]
        out += [f"## {_escape(root.get('title', kind))}: `{root.get('x-file', '')}`", "",
                _escape(root.get("description", "")), ""]
        rows: list = []
        _rows(schemas, root, file, "", 0, rows)
        # two columns: the field (its path, name and whether it is required) and what it holds; five columns made
        # the page ~22,000 px tall, its field names broken to fit (issue 25.1)
        out += ["| Kenttä | Selitys ja arvo |", "|---|---|"]
        out += [f"| `{path}`<br>{_escape(title)}{'<br>*pakollinen*' if req else ''} | "
                f"{_escape(desc)}{'<br>' if desc else ''}Arvo: {_escape(kind_)} |"
                for path, title, req, kind_, desc in rows]
        out.append("")
    return "\n".join(out)

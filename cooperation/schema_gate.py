"""A schema compiled into one quick question, asked before jsonschema: "is this document surely valid?"

Validation is most of `validate`'s time, and almost every document a build reads is valid. The gate answers
True only where jsonschema would report no error at all; on anything else (an error, a value it does not
judge as exactly as jsonschema would) it answers False, and jsonschema then collects the document's problems
as before. So a valid document costs one pass of plain Python over it, and an invalid one gets the same
problems, in the same words, as without the gate (tests/test_schema_gate.py compares both on every document of
the broken-input corpus and on random edits of the example).

Only the keywords the schemas use are compiled; a schema with any other keyword gets no gate (None), never a
gate that ignores one.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jsonschema import FormatChecker

Check = Callable[[Any], bool]

# keywords that say nothing about validity (annotations); every other keyword must be compiled below
_ANNOTATIONS = {"title", "description", "$schema", "$comment", "examples", "default", "deprecated"}
_SCALARS = (str, int, float, bool, type(None))


class Unsupported(Exception):
    """The schema uses a keyword the gate does not compile: validate with jsonschema alone."""


def compile_gate(schema: dict, formats: FormatChecker, pattern: Callable[[str], Any]) -> Check | None:
    """The gate of an inlined schema (no $ref), or None where it uses a keyword the gate does not know.
    ``formats``: the validator's format checker; ``pattern``: the compiled regular expression of a pattern, as the
    validator's own pattern keyword compiles it."""
    try:
        return _compile(schema, formats, pattern)
    except Unsupported:
        return None


def _is_integer(value: Any) -> bool:
    return (isinstance(value, int) and not isinstance(value, bool)) or (isinstance(value, float) and value.is_integer())


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


_TYPES: dict[str, Check] = {
    "string": lambda v: isinstance(v, str),
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "integer": _is_integer,
    "number": _is_number,
}


def _same_scalar(value: Any, choices: list) -> bool:
    # jsonschema's equality tells True from 1 and compares containers deeply: only exact scalar matches pass here
    return type(value) in _SCALARS and any(type(choice) is type(value) and choice == value for choice in choices)


def _unique(items: list) -> bool:
    # jsonschema counts 1 and 1.0, or True and 1, as equal or not by its own rules, and compares containers deeply:
    # only texts and whole numbers (not True, not 1.0) are judged here
    return all(type(item) in (str, int) for item in items) and len(set(items)) == len(items)


def _compile(schema: Any, formats: FormatChecker, pattern: Callable[[str], Any]) -> Check:
    if schema is True:
        return lambda value: True
    if not isinstance(schema, dict):
        raise Unsupported(repr(schema))
    checks: list[Check] = []
    unknown = [key for key in schema if key not in _ANNOTATIONS and not key.startswith("x-") and key not in _KEYWORDS]
    if unknown:
        raise Unsupported(", ".join(unknown))
    for keyword in _KEYWORDS:
        if keyword in schema:
            made = _KEYWORDS[keyword](schema, formats, pattern)
            if made is not None:
                checks.append(made)
    if not checks:
        return lambda value: True
    if len(checks) == 1:
        return checks[0]
    return lambda value: all(check(value) for check in checks)


def _type(schema, formats, pattern) -> Check:
    names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
    tests = [_TYPES[name] for name in names]  # an unknown type name: KeyError → the caller's bug, seen at once
    return lambda value: any(test(value) for test in tests)


def _enum(schema, formats, pattern) -> Check:
    choices = list(schema["enum"])
    texts = frozenset(choice for choice in choices if isinstance(choice, str))
    return lambda value: (value in texts) if isinstance(value, str) else _same_scalar(value, choices)


def _const(schema, formats, pattern) -> Check:
    return lambda value: _same_scalar(value, [schema["const"]])


def _properties(schema, formats, pattern) -> Check:
    known = {name: _compile(sub, formats, pattern) for name, sub in schema["properties"].items()}

    def check(value: Any) -> bool:
        if not isinstance(value, dict):
            return True
        for name, sub in value.items():
            test = known.get(name)
            if test is not None and not test(sub):
                return False
        return True
    return check


def _additional(schema, formats, pattern) -> Check:
    known = set(schema.get("properties", {}))
    if "patternProperties" in schema:
        raise Unsupported("patternProperties")
    other = schema["additionalProperties"]
    if other is False:
        return lambda value: not isinstance(value, dict) or all(name in known for name in value)
    test = _compile(other, formats, pattern)
    return lambda value: not isinstance(value, dict) or all(
        name in known or test(sub) for name, sub in value.items())


def _required(schema, formats, pattern) -> Check:
    names = list(schema["required"])
    return lambda value: not isinstance(value, dict) or all(name in value for name in names)


def _min_properties(schema, formats, pattern) -> Check:
    least = schema["minProperties"]
    return lambda value: not isinstance(value, dict) or len(value) >= least


def _items(schema, formats, pattern) -> Check:
    if not isinstance(schema["items"], dict):
        raise Unsupported("items")
    test = _compile(schema["items"], formats, pattern)
    return lambda value: not isinstance(value, list) or all(test(item) for item in value)


def _min_items(schema, formats, pattern) -> Check:
    least = schema["minItems"]
    return lambda value: not isinstance(value, list) or len(value) >= least


def _unique_items(schema, formats, pattern) -> Check | None:
    if not schema["uniqueItems"]:
        return None
    return lambda value: not isinstance(value, list) or _unique(value)


def _min_length(schema, formats, pattern) -> Check:
    least = schema["minLength"]
    return lambda value: not isinstance(value, str) or len(value) >= least


def _pattern(schema, formats, pattern) -> Check:
    search = pattern(schema["pattern"]).search
    return lambda value: not isinstance(value, str) or search(value) is not None


def _format(schema, formats, pattern) -> Check:
    name = schema["format"]
    return lambda value: formats.conforms(value, name)


def _minimum(schema, formats, pattern) -> Check:
    least = schema["minimum"]
    return lambda value: not _is_number(value) or value >= least


def _maximum(schema, formats, pattern) -> Check:
    most = schema["maximum"]
    return lambda value: not _is_number(value) or value <= most


def _any_of(schema, formats, pattern) -> Check:
    tests = [_compile(sub, formats, pattern) for sub in schema["anyOf"]]
    return lambda value: any(test(value) for test in tests)


def _if(schema, formats, pattern) -> Check:
    condition = _compile(schema["if"], formats, pattern)
    then = _compile(schema.get("then", True), formats, pattern)
    otherwise = _compile(schema.get("else", True), formats, pattern)
    return lambda value: then(value) if condition(value) else otherwise(value)


_KEYWORDS: dict[str, Callable[[dict, FormatChecker, Callable[[str], Any]], Check | None]] = {
    "type": _type,
    "enum": _enum,
    "const": _const,
    "required": _required,
    "minProperties": _min_properties,
    "properties": _properties,
    "additionalProperties": _additional,
    "minItems": _min_items,
    "uniqueItems": _unique_items,
    "items": _items,
    "minLength": _min_length,
    "pattern": _pattern,
    "format": _format,
    "minimum": _minimum,
    "maximum": _maximum,
    "anyOf": _any_of,
    "if": _if,
    "then": lambda schema, formats, pattern: None,  # compiled with "if" (alone, jsonschema ignores them too)
    "else": lambda schema, formats, pattern: None,
}

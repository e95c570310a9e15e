"""Schema errors in the user's words: what was expected, what was found, and a hint or suggestion."""
from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from jsonschema import ValidationError

from cooperation.check.values import short, suggest
from cooperation.i18n.messages import LANGUAGES, TYPES, param
from cooperation.load.yaml_loader import Document
from cooperation.result import ERROR, Problem

if TYPE_CHECKING:
    from cooperation.check.checker import Checker


def translate(c: Checker, kind: str, doc: Document, error: ValidationError, format_paths: set[tuple]) -> None:
    """Report one schema error (and, for anyOf/oneOf, the errors of the one branch that fits) in the user's words."""
    path = tuple(error.absolute_path)
    validator, instance, schema = error.validator, error.instance, error.schema
    if validator in ("anyOf", "oneOf"):
        by_branch: dict[int, list] = defaultdict(list)
        for sub in error.context or []:
            by_branch[sub.relative_schema_path[0]].append(sub)
        fitting = [b for b, subs in by_branch.items()
                   if not any(s.validator == "type" and not s.relative_path for s in subs)]
        if len(fitting) == 1:
            for sub in by_branch[fitting[0]]:
                translate(c, kind, doc, sub, format_paths)
            return
        expected = []
        for subs in by_branch.values():
            for s in subs:
                if s.validator == "type" and not s.relative_path:
                    expected.extend(s.validator_value if isinstance(s.validator_value, list) else [s.validator_value])
        expected_text = _TEXT_EXPECTED if schema.get("x-kind") in ("text", "markdown") else _types_text(expected)
        c.error("type", doc, kind, path, expected=expected_text,
                   actual=_types_text([_type_name(instance)]), hint=_type_hint(expected, instance))
        return
    if validator == "required":
        if isinstance(instance, dict):
            for name in error.validator_value:
                if name not in instance:
                    line, column = doc.position(path)
                    item, field, titles = c.locate(kind, doc.data, path + (name,))
                    c.result.add(Problem(ERROR, "required", doc.name, line, column, {}, item, field, titles))
        return
    if validator == "additionalProperties":
        known = schema.get("properties", {})
        for key in instance:
            if key not in known:
                _unknown(c, kind, doc, path, key, known)
        return
    if validator == "type":
        expected = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        expected_text = _TEXT_EXPECTED if schema.get("x-kind") in ("text", "markdown") else _types_text(expected)
        c.error("type", doc, kind, path, expected=expected_text,
                   actual=_types_text([_type_name(instance)]), hint=_type_hint(expected, instance))
        return
    if validator == "enum":
        labels = schema.get("x-enum", {})
        allowed = [{lang: f"{v} ({labels[str(v)].get(lang) or labels[str(v)]['fi']})" for lang in LANGUAGES}
                   if str(v) in labels else str(v) for v in error.validator_value]
        suggestion: Any = ""
        if isinstance(instance, str):
            # a label ("kunta") or a known other name ("wellbeing_county") says which value was meant; with
            # such names given, spelling alone suggests only a near miss, never a kind that merely looks alike
            # (a joint municipal authority is no municipality)
            synonyms = schema.get("x-synonyms", {})
            word = instance.strip().lower()
            meant = synonyms.get(word.replace(" ", "_").replace("-", "_")) or next(
                (value for value, label in labels.items()
                 if word in (label.get("fi", "").lower(), label.get("sv", "").lower(), label.get("en", "").lower())), None)
            if meant:
                suggestion = param("did_you_mean", value=meant)
            else:  # the allowed values follow in the message: not listed twice
                suggestion = suggest(instance, [str(v) for v in error.validator_value], list_allowed=False,
                                     cutoff=0.85 if synonyms else 0.6)
        c.error("enum", doc, kind, path, value=short(instance), allowed=allowed, suggestion=suggestion)
        return
    if validator == "pattern":
        if path in format_paths:
            return
        help_text = schema.get("x-format") or schema.get("description") or schema.get("title") or error.validator_value
        c.error("pattern", doc, kind, path, value=short(instance), help=dict.fromkeys(LANGUAGES, help_text))
        return
    if validator == "format":
        code = {"date": "format_date", "partial-date": "format_partial_date", "uri": "format_uri"}.get(
            error.validator_value, "invalid")
        c.error(code, doc, kind, path, value=short(instance), detail=error.message)
        return
    simple = {"minItems": ("min_items", {"count": error.validator_value}),
              "uniqueItems": ("unique_items", {}),
              "minLength": ("empty_text", {}),
              "minProperties": ("empty_object", {}),
              "minimum": ("minimum", {"limit": error.validator_value, "value": instance}),
              "maximum": ("maximum", {"limit": error.validator_value, "value": instance})}
    if validator in simple:
        code, params = simple[validator]
        c.error(code, doc, kind, path, **params)
        return
    c.error("invalid", doc, kind, path, detail=error.message)

def _unknown(c: Checker, kind: str, doc: Document, path: tuple, key: str, known) -> None:
    line, column = doc.position(path + (key,), key=True)
    item, field, titles = c.locate(kind, doc.data, path)
    c.result.add(Problem(ERROR, "unknown_field", doc.name, line, column,
                            {"key": key, "suggestion": suggest(key, known)}, item, field, titles))


_TEXT_EXPECTED = param("text_or_versions")


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _types_text(types) -> dict[str, str]:
    seen = []
    for t in types:
        if t not in seen:
            seen.append(t)
    joiner = param("or")
    return {lang: joiner[lang].join(TYPES.get(t, {}).get(lang, t) for t in seen) for lang in LANGUAGES}


def _type_hint(expected, instance) -> dict[str, str] | str:
    if "string" in expected and isinstance(instance, (int, float, bool)):
        return param("hint_quote")
    if "array" in expected and isinstance(instance, (str, int, float)):
        return param("hint_list")
    if instance is None:
        return param("hint_no_value")
    return ""

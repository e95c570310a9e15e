"""The schema gate (cooperation/schema_gate.py) says "valid" only where jsonschema finds no error: checked on every
document of the example and the minimal fixture and on thousands of random edits of them. The corpus
(tests/test_corpus.py) checks that broken documents still get their exact problems."""
from __future__ import annotations

import copy
import random

import pytest
from helpers import MINIMAL, REPO, value_paths

from cooperation.load.sources import load_sources
from cooperation.schema_gate import compile_gate
from cooperation.schemas import _ecma_pattern, _format_checker, default_schemas

# values a careless edit (or a hostile one) puts where another belongs
ODD_VALUES = [None, True, False, 0, 1, 1.0, 2.5, -3, 10**12, "", " ", "x", "2026", "2026-13", "2026-02-30", "fi",
              "hyte", "done", "HYTE-1", "octocat\n", [], [""], ["a", "a"], [1, 1.0], [True, 1], {}, {"x": 1},
              {"fi": "a"}, {"title": "a"}]


def _documents():
    for root in (REPO, MINIMAL):
        yield from load_sources(root).yaml_documents()


def _edit(data, rng: random.Random):
    """``data`` with one random edit somewhere: a value replaced, a key removed or added, a list emptied or an
    item repeated."""
    data = copy.deepcopy(data)
    path = rng.choice(list(value_paths(data)))
    if not path:
        return rng.choice(ODD_VALUES) if rng.random() < 0.1 else data
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    what = rng.randrange(5)
    if what == 0 and isinstance(parent, dict):
        del parent[last]
    elif what == 1 and isinstance(parent, dict):
        parent[rng.choice(["unknown", "title", "status", "id", 7])] = rng.choice(ODD_VALUES)
    elif what == 2 and isinstance(parent, list):
        parent.append(copy.deepcopy(parent[last]))
    elif what == 3 and isinstance(parent[last], list):
        parent[last] = []
    else:
        parent[last] = copy.deepcopy(rng.choice(ODD_VALUES))
    return data


def test_every_document_of_the_example_passes_the_gate():
    """The quick path is the one taken: a valid document never reaches jsonschema."""
    schemas = default_schemas()
    seen = 0
    for kind, doc in _documents():
        gate = schemas.gates[kind]
        assert gate is not None, kind
        assert gate(doc.data), doc.name
        seen += 1
    assert seen >= 5


@pytest.mark.slow
def test_the_gate_never_passes_what_jsonschema_refuses():
    schemas = default_schemas()
    rng = random.Random(20261207)
    agreed = refused = 0
    for kind, doc in _documents():
        gate, validator = schemas.gates[kind], schemas.validators[kind]
        assert gate is not None
        for _ in range(150):
            edited = _edit(doc.data, rng)
            errors = list(validator.iter_errors(edited))
            if gate(edited):
                assert not errors, (doc.name, [e.message for e in errors])
            refused += bool(errors)
            agreed += gate(edited) == (not errors)
    # the gate is no "always refuse": it judges nearly every edit as jsonschema does
    assert refused > 0.3 * agreed
    assert agreed > 0.97 * (150 * sum(1 for _ in _documents()))


def test_a_keyword_the_gate_does_not_know_means_no_gate():
    checker = _format_checker()
    assert compile_gate({"type": "object", "properties": {"a": {"type": "string"}}}, checker, _ecma_pattern)
    assert compile_gate({"type": "object", "properties": {"a": {"multipleOf": 2}}}, checker, _ecma_pattern) is None
    assert compile_gate({"patternProperties": {"^a": {}}}, checker, _ecma_pattern) is None


def test_each_keyword_refuses_its_own_breach():
    """One case just inside and one just outside each compiled keyword."""
    checker = _format_checker()
    cases = [
        ({"type": "integer"}, 3, "3"), ({"type": "integer"}, 3, True), ({"type": "number"}, 2.5, False),
        ({"type": ["string", "null"]}, None, 1), ({"enum": ["a", "b"]}, "a", "c"), ({"enum": [1]}, 1, True),
        ({"const": "x"}, "x", "y"), ({"required": ["a"]}, {"a": 1}, {"b": 1}),
        ({"minProperties": 1}, {"a": 1}, {}), ({"additionalProperties": False, "properties": {"a": {}}}, {"a": 1},
                                              {"a": 1, "b": 2}),
        ({"additionalProperties": {"type": "string"}}, {"a": "x"}, {"a": 1}),
        ({"minItems": 1}, [1], []), ({"uniqueItems": True}, ["a", "b"], ["a", "a"]),
        ({"uniqueItems": True}, ["a"], [1, 1.0]), ({"items": {"type": "string"}}, ["a"], ["a", 1]),
        ({"minLength": 2}, "ab", "a"), ({"pattern": "^[a-z]+$"}, "abc", "abc\n"),
        ({"format": "partial-date"}, "2026-02", "2026-02-30"), ({"minimum": 0}, 0, -1), ({"maximum": 5}, 5, 5.5),
        ({"anyOf": [{"type": "string"}, {"type": "array"}]}, [], {}),
        ({"if": {"required": ["a"]}, "then": {"required": ["b"]}, "else": {"required": ["c"]}}, {"a": 1, "b": 2},
         {"a": 1, "c": 2}),
        ({"properties": {"a": {"type": "string"}}}, {"a": "x"}, {"a": 1}),
    ]
    for schema, inside, outside in cases:
        gate = compile_gate(schema, checker, _ecma_pattern)
        assert gate is not None, schema
        assert gate(inside), (schema, inside)
        assert not gate(outside), (schema, outside)

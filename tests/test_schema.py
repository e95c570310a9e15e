"""The schemas are the single source of field names and labels: check they are complete."""
import json

import pytest
from helpers import REPO, run_cli

from cooperation.outputs.reference import markdown
from cooperation.schemas import KINDS, SCHEMA_DIR, Schemas


def _properties(node, path=""):
    if isinstance(node, dict):
        for key, child in node.get("properties", {}).items():
            yield f"{path}.{key}" if path else key, child
        for key, child in node.items():
            # if/then/else state conditions on fields described elsewhere (scope 1 needs fewer), not fields
            if isinstance(child, (dict, list)) and key not in ("x-enum", "x-title", "if", "then", "else"):
                yield from _properties(child, path)
    elif isinstance(node, list):
        for child in node:
            yield from _properties(child, path)


def _enums(node):
    if isinstance(node, dict):
        if "enum" in node:
            yield node
        for key, child in node.items():
            if key != "x-enum":
                yield from _enums(child)
    elif isinstance(node, list):
        for child in node:
            yield from _enums(child)


@pytest.mark.parametrize("file", sorted(p.name for p in SCHEMA_DIR.glob("*.schema.json")))
def test_every_field_has_finnish_title_description_and_translations(file):
    schema = json.loads((SCHEMA_DIR / file).read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    for path, node in _properties(schema):
        assert node.get("title"), f"{file}: {path} has no title"
        assert node.get("description"), f"{file}: {path} has no description"
        assert set(node.get("x-title", {})) == {"sv", "en"}, f"{file}: {path} needs x-title sv and en"


@pytest.mark.parametrize("file", sorted(p.name for p in SCHEMA_DIR.glob("*.schema.json")))
def test_every_enum_value_has_labels_in_three_languages(file):
    schema = json.loads((SCHEMA_DIR / file).read_text(encoding="utf-8"))
    for node in _enums(schema):
        labels = node.get("x-enum", {})
        assert {str(v) for v in node["enum"]} == set(labels), f"{file}: {node['enum']}"
        for value, label in labels.items():
            assert {"fi", "sv", "en"} <= set(label), f"{file}: {value}"


def test_schemas_are_valid_draft_2020_12():
    from jsonschema import Draft202012Validator
    for file in KINDS.values():
        Draft202012Validator.check_schema(json.loads((SCHEMA_DIR / file).read_text(encoding="utf-8")))


def test_example_files_name_their_schema_in_a_modeline():
    for path in list((REPO / "agreement").glob("*.yaml")) + list((REPO / "subareas").glob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema=../schema/"), path
        assert (path.parent / first.split("=", 1)[1]).resolve().is_file(), path


def test_reference_lists_every_field_with_its_finnish_title():
    text = markdown(Schemas())
    for file in KINDS.values():
        schema = json.loads((SCHEMA_DIR / file).read_text(encoding="utf-8"))
        assert schema["x-file"] in text
    for expected in ("| `goals[].actions[].responsible`<br>Vastuutahot<br>*pakollinen* |",
                     "| `parties[].kind`<br>Osapuolen laji<br>*pakollinen* |",
                     "`delayed` (viivästynyt)", "| `indicator`<br>Mittari<br>*pakollinen* |",
                     "| `parties[].website`<br>Verkkosivu |"):
        assert expected in text


def test_reference_command_writes_the_file(tmp_path):
    done = run_cli("reference", "--out", tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "tietomuoto.md").read_text(encoding="utf-8") == markdown(Schemas())


@pytest.mark.parametrize("value", ["hyte\n", "hyte\r\n"])
def test_a_pattern_ends_the_text_as_json_schema_says(tmp_path, value):
    """ECMA-262's $ ends the text; Python's would also match before a final line break."""
    from helpers import MINIMAL, copy_root, validate_lines
    root = copy_root(MINIMAL, tmp_path / "root")
    path = root / "subareas" / "hyte.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("id: hyte\n")
    path.write_text(f"id: {json.dumps(value)}\n" + text[len("id: hyte\n"):], encoding="utf-8")
    lines = validate_lines(root)
    assert any(line.startswith("subareas/hyte.yaml:1:5: virhe:") and "(id): arvo" in line and "ei ole oikeaa muotoa" in line for line in lines), lines

"""Property-based: no input, however broken, gives a traceback; only reported problems."""
import os
from pathlib import Path

import pytest
import yaml
from helpers import MINIMAL, REPO, copy_root, value_paths
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cooperation.check import check
from cooperation.check import reporters as reporter
from cooperation.load.sources import load_sources

# whole builds and real processes: left out of `make test-fast`
pytestmark = pytest.mark.slow

SETTINGS = settings(max_examples=int(os.environ.get("PROPERTY_EXAMPLES", "150")), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
FILES = ["agreement/agreement.yaml", "agreement/parties.yaml", "agreement/forums.yaml",
         "subareas/hyte.yaml", "measurements/values.csv"]


def run_all_reporters(root: Path) -> None:
    result = check(load_sources(root), raise_errors=True)
    for report in reporter.REPORTERS.values():
        for lang in ("fi", "en"):
            report(result, lang)
    internal = [p for p in result.problems if p.code == "internal"]
    assert internal == [], internal
    for problem in result.problems:
        assert problem.line >= 1 and problem.column >= 1


yaml_text = st.one_of(
    st.text(max_size=400),
    st.text(alphabet=st.sampled_from(list("abc:-[]{}&*!|>'\"#\t\n ,?%@`0123456789.~")), max_size=300),
    # the line ends libyaml knows besides \n, escapes and control characters
    st.text(alphabet=st.sampled_from(list("a:-[]{}'\" \n\r\x85\u2028\u2029\\x0bN0e")), max_size=300),
    st.binary(max_size=200).map(lambda b: b.decode("latin-1")),
)


@SETTINGS
@given(file=st.sampled_from(FILES), text=yaml_text)
def test_arbitrary_text_in_any_file(tmp_path_factory, file, text):
    root = copy_root(MINIMAL, tmp_path_factory.mktemp("root"))
    (root / file).write_bytes(text.encode("utf-8", "surrogatepass"))
    run_all_reporters(root)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20) | st.sampled_from(["hva", "alfa", "all_municipalities", "region", "2026-01-01",
                                              "HYTE-1", "approved", "signed", "increase", "keep", ""]),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=12,
)


@st.composite
def mutation(draw):
    base = draw(st.sampled_from([MINIMAL, REPO]))  # the small fixture and the example region
    file = draw(st.sampled_from(FILES[:4] + ["subareas/tilat.yaml", "agreement/annexes.yaml"]))
    if not (base / file).exists():
        file = "subareas/tilat.yaml"
    data = yaml.safe_load((base / file).read_text(encoding="utf-8"))
    for _ in range(draw(st.integers(1, 4))):
        paths = [p for p in value_paths(data) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["replace", "delete", "duplicate"]))
        if action == "replace":
            parent[path[-1]] = draw(json_values)
        elif action == "delete":
            del parent[path[-1]]
        elif isinstance(parent, list):
            parent.append(parent[path[-1]])
        else:
            parent[str(path[-1]) + "_"] = parent[path[-1]]
        if not isinstance(data, (dict, list)):
            break
    return base, file, data


@SETTINGS
@given(change=mutation())
def test_arbitrary_mutations_of_valid_data(tmp_path_factory, change):
    base, file, data = change
    root = copy_root(base, tmp_path_factory.mktemp("root"))
    (root / file).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    run_all_reporters(root)


@SETTINGS
@given(scope=st.sampled_from([1, 2, 3]), status=st.sampled_from(["draft", "signed", "in_force"]),
       languages=st.sampled_from([["fi"], ["fi", "sv"], ["sv", "fi"]]))
def test_agreement_level_switches(tmp_path_factory, scope, status, languages):
    root = copy_root(MINIMAL, tmp_path_factory.mktemp("root"))
    path = root / "agreement" / "agreement.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.update(scope=scope, status=status, languages=languages)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    run_all_reporters(root)


@SETTINGS
@given(name=st.text(max_size=30))
def test_a_text_that_validates_can_be_written_to_every_output(tmp_path_factory, name):
    """What validate accepts, the workbook (openpyxl) and the Word document and site (XML) can carry."""
    import json

    from lxml import etree
    from openpyxl import Workbook

    root = copy_root(MINIMAL, tmp_path_factory.mktemp("root"))
    path = root / "agreement" / "parties.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    name: Alfan kunta\n", f"    name: {json.dumps(name)}\n"), encoding="utf-8")
    result = check(load_sources(root))
    if result.errors:
        return
    Workbook().active.cell(1, 1, name)
    etree.Element("t").text = name

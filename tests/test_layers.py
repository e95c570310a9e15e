"""The package's stages import one way only: a folder names its stage, and no stage reaches up.

    base (domain, result, schemas, schema_gate, business_id, files, cache, compiled, workspace, background, libreoffice, csv_cells, i18n, timeliness, workbook) ← load ← check ← model ← changes
        ← outputs, imports ← pipeline, site_plugin (the MkDocs plugin composes the pipeline, as the CLI does)
        ← cli, region (init, serve)

Outputs do not import each other (the site publishes the others, through the outputs' registry); every output may
import the registry's table of file names (cooperation/outputs/names.py).
"""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "cooperation"

# module (or package) prefix → rank; a module may import only modules of a lower or equal rank
RANKS = [
    ("cooperation.domain", 0), ("cooperation.result", 0), ("cooperation.schemas", 0), ("cooperation.schema_gate", 0),
    ("cooperation.business_id", 0), ("cooperation.files", 0), ("cooperation.cache", 0), ("cooperation.workspace", 0),
    ("cooperation.background", 0), ("cooperation.csv_cells", 0), ("cooperation.compiled", 0),
    ("cooperation.libreoffice", 0),  # LibreOffice's layout: the Word documents' page numbers
    ("cooperation.i18n", 0), ("cooperation.timeliness", 0), ("cooperation.workbook", 0),
    ("cooperation.load", 1),
    ("cooperation.check", 2),
    ("cooperation.model", 3),
    ("cooperation.changes", 4),
    ("cooperation.outputs", 5), ("cooperation.imports", 5),
    ("cooperation.pipeline", 6), ("cooperation.site_plugin", 6),
    ("cooperation.cli", 7), ("cooperation.region", 7),
]
# the package itself only holds its version and RESOURCES, the folder of its package data
BASE_PACKAGE = "cooperation"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _rank(module: str) -> int | None:
    if module == BASE_PACKAGE:
        return -1
    for prefix, rank in RANKS:
        if module == prefix or module.startswith(prefix + "."):
            return rank
    return None


def _stage(module: str) -> str:
    return ".".join(module.split(".")[:2])


REGISTRY_MODULES = {"names"}  # part of the outputs' registry (the name of every file written): any output imports it


def _output(module: str) -> str | None:
    """cooperation.outputs.docx → "docx"; the outputs package itself (its registry and names.py) → None."""
    parts = module.split(".")
    return parts[2] if len(parts) > 2 and parts[1] == "outputs" and parts[2] not in REGISTRY_MODULES else None


def _imports(path: Path, module: str) -> list[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(tree):  # function-level imports count too
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.append((target, node.lineno))
            # `from cooperation.outputs import docx` imports the module docx
            found += [(f"{target}.{alias.name}", node.lineno) for alias in node.names
                      if (PACKAGE.parent / Path(*f"{target}.{alias.name}".split("."))).with_suffix(".py").exists()
                      or (PACKAGE.parent / Path(*f"{target}.{alias.name}".split("."))).is_dir()]
    return [(name, line) for name, line in found if name == BASE_PACKAGE or name.startswith(BASE_PACKAGE + ".")]


def violations() -> list[str]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = _module_name(path)
        rank = _rank(module)
        where = path.relative_to(PACKAGE.parent)
        if rank is None:
            out.append(f"{where}: module {module} has no stage (add it to RANKS)")
            continue
        for target, line in _imports(path, module):
            target_rank = _rank(target)
            if target_rank is None:
                continue  # a name imported from a package, already counted as the package
            if target_rank > rank:
                out.append(f"{where}:{line}: {module} (stage {rank}) imports {target} (stage {target_rank})")
            mine, theirs = _output(module), _output(target)
            if mine and theirs and mine != theirs and mine != "site":
                out.append(f"{where}:{line}: output {mine} imports output {theirs}")
            if rank == 5 and _stage(module) == "cooperation.outputs" and _stage(target) == "cooperation.check" \
                    and not target.startswith("cooperation.check.reporters"):
                out.append(f"{where}:{line}: an output imports the checks ({target})")
    return out


def test_stages_import_one_way():
    assert violations() == []


def test_the_layer_test_sees_a_violation(tmp_path, monkeypatch):
    """The rule can fail: a checker that imports the model is reported with its line."""
    fake = tmp_path / "cooperation"
    (fake / "check").mkdir(parents=True)
    (fake / "__init__.py").write_text("")
    (fake / "check" / "__init__.py").write_text("")
    (fake / "check" / "bad.py").write_text("import os\n\nfrom cooperation.model import Agreement\n")
    (fake / "outputs").mkdir()
    (fake / "outputs" / "__init__.py").write_text("")
    (fake / "outputs" / "a.py").write_text("from cooperation.outputs import b\n")
    (fake / "outputs" / "b.py").write_text("")
    monkeypatch.setattr(__import__(__name__), "PACKAGE", fake)
    assert violations() == [
        "cooperation/check/bad.py:3: cooperation.check.bad (stage 2) imports cooperation.model (stage 3)",
        "cooperation/outputs/a.py:1: output a imports output b",
    ]


# Module-level state (issue 27): what a command reads and computes lives in its workspace (cooperation/workspace.py),
# its date, language and temporary folder in context variables, and what is kept between commands in the cache; a
# module never changes a container or an object of its own, nor rebinds a global. Pure functions' memos (functools),
# constant tables and the process's stop signal (background.STOPPING, an Event) are not state of that kind.
_MUTATORS = {"append", "extend", "add", "update", "clear", "pop", "popitem", "setdefault", "remove", "insert", "discard",
             "sort", "reverse", "appendleft", "extendleft", "popleft", "rotate", "move_to_end", "difference_update",
             "intersection_update", "symmetric_difference_update"}
_CONTAINERS = {"dict", "list", "set", "defaultdict", "OrderedDict", "Counter", "deque", "WeakValueDictionary",
               "WeakKeyDictionary", "SimpleNamespace", "bytearray"}
# set on purpose for the whole process: the command's temporary folder, which the programs it starts inherit
_PROCESS_SETTINGS = {"tempfile.tempdir"}


def _mutable(value: ast.expr | None) -> bool:
    return isinstance(value, (ast.List, ast.Dict, ast.Set, ast.ListComp, ast.DictComp, ast.SetComp)) or (
        isinstance(value, ast.Call) and (getattr(value.func, "id", None) or getattr(value.func, "attr", None))
        in _CONTAINERS)


def _module_names(tree: ast.Module) -> tuple[set[str], set[str]]:
    """(names bound to a container at module level, names of the modules it imports)."""
    containers, modules = set(), set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            modules |= {alias.asname or alias.name.split(".")[0] for alias in node.names}
        targets, value = ((node.targets, node.value) if isinstance(node, ast.Assign) else
                          ([node.target], node.value) if isinstance(node, ast.AnnAssign) else ([], None))
        for target in targets:
            pairs = zip(target.elts, value.elts) if isinstance(target, ast.Tuple) and isinstance(value, ast.Tuple) \
                else [(target, value)]
            containers |= {name.id for name, item in pairs if isinstance(name, ast.Name) and _mutable(item)}
    return containers, modules


def _base(node: ast.expr) -> str | None:
    """``_memo["a"].b`` → "_memo": the name a chain of subscripts and attributes starts from."""
    while isinstance(node, (ast.Subscript, ast.Attribute)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def module_state() -> list[str]:
    """file:line: what a function does to module-level state (a global rebound, a module's container changed)."""
    out: list[tuple[str, int, str]] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        (containers, modules), where = _module_names(tree), path.relative_to(PACKAGE.parent).as_posix()
        for function in ast.walk(tree):
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for node in ast.walk(function):
                if isinstance(node, ast.Global):
                    out.append((where, node.lineno, f"global {', '.join(node.names)}"))
                elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                        node.func.attr in _MUTATORS and _base(node.func.value) in containers:
                    out.append((where, node.lineno, f"{_base(node.func.value)}….{node.func.attr}()"))
                elif isinstance(node, (ast.Assign, ast.AugAssign, ast.Delete)):
                    for target in node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target]:
                        base = _base(target) if isinstance(target, (ast.Subscript, ast.Attribute)) else None
                        if base in containers:
                            out.append((where, node.lineno, f"{ast.unparse(target)} changed"))
                        elif base in modules and isinstance(target, ast.Attribute) and \
                                ast.unparse(target) not in _PROCESS_SETTINGS:
                            out.append((where, node.lineno, f"{ast.unparse(target)} set"))
    return [f"{where}:{line}: {what}" for where, line, what in sorted(out)]


def test_no_module_keeps_state_of_its_own():
    assert module_state() == []


def test_the_state_test_sees_state(tmp_path, monkeypatch):
    """The rule can fail: a module's list appended to, its dictionary filled, a global rebound."""
    fake = tmp_path / "cooperation"
    fake.mkdir()
    (fake / "__init__.py").write_text("")
    (fake / "bad.py").write_text(
        "import tempfile\nimport types\n\n"
        '_fixed: list = []\n_memo = dict()\nCONSTANT = {"a": 1}\n_folder = None\n_a, _b = [], {}\n'
        "_state = types.SimpleNamespace(folder=None)\n\n\n"
        "def f(day, key):\n    _fixed.append(day)\n    _memo[key] = day\n    _memo[key].sort()\n    _a.reverse()\n"
        "    _b[key] = 1\n    _state.folder = day\n    tempfile.tempdir = day\n    tempfile.template = day\n"
        "    return CONSTANT['a']\n\n\n"
        "def g():\n    global _folder\n    _folder = 1\n")
    monkeypatch.setattr(__import__(__name__), "PACKAGE", fake)
    assert module_state() == [
        "cooperation/bad.py:13: _fixed….append()", "cooperation/bad.py:14: _memo[key] changed",
        "cooperation/bad.py:15: _memo….sort()", "cooperation/bad.py:16: _a….reverse()",
        "cooperation/bad.py:17: _b[key] changed", "cooperation/bad.py:18: _state.folder changed",
        "cooperation/bad.py:20: tempfile.template set", "cooperation/bad.py:25: global _folder"]

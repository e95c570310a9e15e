"""Check the loaded files: the JSON Schema first, then what a reviewer would check by hand.

``check(sources)`` never prints and never raises for bad data; every problem goes
into the returned ``Result`` with the file, line, column, item and field. The schema's
errors are worded in ``schema``, the cross-checks live by family in ``checks``.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from cooperation.check.checks import CROSS_CHECKS, Check
from cooperation.check.schema import translate
from cooperation.check.values import dicts
from cooperation.load.sources import Sources
from cooperation.load.yaml_loader import Document
from cooperation.result import ERROR, INFO, WARNING, Problem, Result
from cooperation.schemas import Schemas, default_schemas


class _SchemaCheck(NamedTuple):
    """What the schema said of one document: kept for the next check of the same Document object."""

    doc: Document  # held, so that its id is never reused while the entry lives
    kind: str
    schemas: Schemas
    problems: tuple[Problem, ...]
    paths: frozenset[tuple[str, tuple]]  # values the schema refused
    ok: bool


# The workspace's memo "check.schema": the latest check's schema results by file name. An unchanged file loaded in
# the same workspace is the same Document object, so its entry is reused; an edited file is a new object, checked
# again.


class _DocumentCheck(NamedTuple):
    """What a per-document check said of one document (see Checker.each_document)."""

    doc: Document  # held, so that its id is never reused while the entry lives
    kind: str
    schemas: Schemas
    depends: tuple
    problems: tuple[Problem, ...]


# The workspace's memo "check.documents": the latest check's per-document results by (check, file name), reused as
# the schema's are.


def _memo(sources: Sources, name: str) -> dict | None:
    return sources.workspace.memo(name) if sources.workspace is not None else None


class Checker:
    """Runs the schema and the cross-checks over ``sources``; the checks report through it."""

    def __init__(self, sources: Sources, schemas: Schemas | None = None, raise_errors: bool = False,
                 checks: Sequence[Check] | None = None, schema_valid: frozenset[str] = frozenset()):
        self.sources = sources
        self.schema_valid = schema_valid
        self.raise_errors = raise_errors
        self.checks = CROSS_CHECKS if checks is None else checks
        self.schemas = schemas or default_schemas()
        self.result = Result()
        self._item_kinds: dict[tuple, str | None] = {}
        # (file, path) of values the schema refused: cross-checks say nothing more about them
        self._schema_paths: set[tuple[str, tuple]] = set()
        self._checked: dict[str, _SchemaCheck] = {}
        self._document_checks: dict[tuple[str, str], _DocumentCheck] = {}

    # --- locating problems ------------------------------------------------------------------
    def _item_kind(self, kind: str, prefix: tuple) -> str | None:
        shape = (kind,) + tuple(0 if isinstance(p, int) else p for p in prefix)
        if shape not in self._item_kinds:
            self._item_kinds[shape] = self.schemas.item_kind_at(kind, shape[1:])
        return self._item_kinds[shape]

    def locate(self, kind: str, data: Any, path: tuple):
        """The item (kind, id) enclosing ``path``, and the field inside it with its titles."""
        item, rest = None, path
        for cut in range(len(path), -1, -1):
            item_kind = self._item_kind(kind, path[:cut])
            if item_kind:
                obj: Any = data
                for part in path[:cut]:
                    obj = obj[part]
                ident = obj.get("id") if isinstance(obj, dict) else None
                if not isinstance(ident, (str, int)) or isinstance(ident, bool):
                    ident = f"nro {path[cut - 1] + 1}" if cut and isinstance(path[cut - 1], int) else "?"
                item, rest = (item_kind, str(ident)), path[cut:]
                break
        if not rest:
            return item, None, None
        parts: list = []
        titles: defaultdict[str, list] = defaultdict(list)
        for i, part in enumerate(rest):
            if isinstance(part, int):
                parts[-1:] = [f"{parts[-1]}[{part + 1}]"] if parts else [f"[{part + 1}]"]
                continue
            parts.append(part)
            node_titles = self.schemas.titles_at(kind, tuple(_shape(path[: len(path) - len(rest) + i + 1])))
            for lang in ("fi", "sv", "en"):
                titles[lang].append((node_titles or {}).get(lang) or (node_titles or {}).get("fi") or part)
        return item, ".".join(parts), {lang: " › ".join(t) for lang, t in titles.items()}

    def report(self, severity: str, code: str, doc: Document, kind: str, path: tuple,
               key: bool = False, **params) -> None:
        if (doc.name, tuple(path)) in self._schema_paths:
            return
        line, column = doc.position(path, key=key)
        item, field, titles = self.locate(kind, doc.data, tuple(path))
        self.result.add(Problem(severity, code, doc.name, line, column, params, item, field, titles))

    def error(self, code, doc, kind, path, **params):
        self.report(ERROR, code, doc, kind, path, **params)

    def warning(self, code, doc, kind, path, **params):
        self.report(WARNING, code, doc, kind, path, **params)

    def notice(self, code, doc, kind, path, **params):
        self.report(INFO, code, doc, kind, path, **params)

    # --- schema ---------------------------------------------------------------------------------
    def check_schema(self, kind: str, doc: Document) -> bool:
        if doc.name in self.schema_valid:  # the caller knows these bytes passed this schema: nothing to remember
            return True
        memo = _memo(self.sources, "check.schema")
        entry = memo.get(doc.name) if memo is not None else None
        if entry is None or entry.doc is not doc or entry.kind != kind or entry.schemas is not self.schemas:
            entry = self._schema_check(kind, doc)
        self._checked[doc.name] = entry
        self.result.extend(entry.problems)
        self._schema_paths.update(entry.paths)
        return entry.ok

    def _schema_check(self, kind: str, doc: Document) -> _SchemaCheck:
        """The schema's problems of one document, collected apart: they depend on nothing but the document."""
        errors = self.schemas.errors(kind, doc.data)
        format_paths = {tuple(e.absolute_path) for e in errors if e.validator == "format"}

        def report() -> None:
            for error in errors:
                translate(self, kind, doc, error, format_paths)
        problems = self._apart(report)
        paths = {(doc.name, tuple(e.absolute_path)) for e in errors}
        paths.update((doc.name, tuple(e.absolute_path) + (name,)) for e in errors
                     if e.validator == "required" for name in e.validator_value)
        return _SchemaCheck(doc, kind, self.schemas, problems, frozenset(paths), not errors)

    def _apart(self, run: Callable[..., object], *args: Any) -> tuple[Problem, ...]:
        """The problems ``run(*args)`` reports, collected apart from the run's result (to be kept and reused)."""
        outer, self.result = self.result, Result()
        try:
            run(*args)
        finally:
            found, self.result = self.result, outer
        return tuple(found.problems)

    # --- the whole run --------------------------------------------------------------------------
    def run(self) -> Result:
        self.result.extend(self.sources.problems)
        if self._format_gate():  # data of a newer format: nothing of it is checked by this tool's rules
            return self.result
        for kind, doc in self.sources.yaml_documents():
            self.check_schema(kind, doc)
        memo = _memo(self.sources, "check.schema")
        if memo is not None:  # only the latest check's entries are kept
            memo.clear()
            memo.update(self._checked)
        for check in self.checks:
            try:
                check(self)
            except Exception as exc:  # noqa: BLE001 - a check must never turn into a traceback
                if self.raise_errors:
                    raise
                # A crash is a bug in the check, on valid data or not: never dropped, always named.
                self.result.add(Problem(ERROR, "internal", "-", 1, 1,
                                        {"check": check.__name__, "detail": f"{type(exc).__name__}: {exc}"}))
        memo = _memo(self.sources, "check.documents")
        if memo is not None:
            memo.clear()
            memo.update(self._document_checks)
        return self.result

    def _format_gate(self) -> bool:
        """A problem for data not in today's format (formats.py): a newer format stops the check (True), an older
        one is read upgraded and said so (a warning: `validate --strict` fails until `migrate` has been run)."""
        from cooperation import __version__
        from cooperation.load import formats
        doc, found = self.sources.agreement, self.sources.format
        if doc is None or found is None or found == formats.FORMAT:
            return False
        line, col = doc.position(("format",), key=True) if found > formats.FIRST else (1, 1)
        params: dict[str, Any] = {"format": found, "known": formats.FORMAT, "tool": f"{formats.PACKAGE} {__version__}"}
        if found > formats.FORMAT:
            params["install"] = formats.install_advice(self.sources.root, found)
            self.result.add(Problem(ERROR, "format_newer", doc.name, line, col, params))
            return True
        params["steps"] = {lang: "; ".join(step.what[lang] for step in formats.steps_from(found))
                           for lang in ("fi", "sv", "en")}
        self.result.add(Problem(WARNING, "format_older", doc.name, line, col, params))
        return False

    def each_document(self, name: str, check: Callable[[str, Document], None], depends: tuple = ()) -> None:
        """``check(kind, doc)`` for every YAML document in turn, for a check that looks at one document at a time
        and at nothing else but the schemas and ``depends`` (e.g. the agreement's languages). Incrementally, a
        document's problems are reused while it is the same Document object (an unchanged file in the preview)."""
        memo = _memo(self.sources, "check.documents")
        for kind, doc in self.sources.yaml_documents():
            key = (name, doc.name)
            entry = memo.get(key) if memo is not None else None
            if entry is None or entry.doc is not doc or entry.kind != kind or entry.schemas is not self.schemas \
                    or entry.depends != depends:
                entry = _DocumentCheck(doc, kind, self.schemas, depends, self._apart(check, kind, doc))
            self._document_checks[key] = entry
            self.result.extend(entry.problems)

    # --- shared lookups for the cross-checks -----------------------------------------------------
    def doc(self, kind: str) -> Document | None:
        return self.sources.documents.get(kind)

    def agreement(self) -> dict:
        doc = self.doc("agreement")
        return doc.data if doc is not None and isinstance(doc.data, dict) else {}

    def parties(self) -> dict[str, dict]:
        doc = self.doc("parties")
        data = doc.data if doc is not None and isinstance(doc.data, dict) else {}
        return {p["id"]: p for _, p in dicts(data.get("parties")) if isinstance(p.get("id"), str)}

    def parties_known(self) -> bool:
        doc = self.doc("parties")
        return doc is not None and isinstance(doc.data, dict) and isinstance(doc.data.get("parties"), list)

    def municipalities(self) -> list[str]:
        return [pid for pid, p in self.parties().items() if p.get("kind") == "municipality"]

    def subarea_items(self):
        """(doc, path, kind-of-item, item) for every goal, action and indicator."""
        for doc in self.sources.subareas:
            if not isinstance(doc.data, dict):
                continue
            for gi, goal in dicts(doc.data.get("goals")):
                yield doc, ("goals", gi), "goal", goal
                for ai, action in dicts(goal.get("actions")):
                    yield doc, ("goals", gi, "actions", ai), "action", action
                for ii, indicator in dicts(goal.get("indicators")):
                    yield doc, ("goals", gi, "indicators", ii), "indicator", indicator

    def subareas_complete(self) -> bool:
        """False when a sub-area file could not be read: what it holds is then unknown."""
        return not any(name.startswith("subareas/") for name in self.sources.failed)

    def languages(self) -> list[str]:
        langs = self.agreement().get("languages")
        if isinstance(langs, list) and langs and all(isinstance(x, str) for x in langs):
            return langs
        return ["fi"]


def _shape(path):
    return tuple(0 if isinstance(p, int) else p for p in path)


def check(sources: Sources, schemas: Schemas | None = None, raise_errors: bool = False,
          checks: Sequence[Check] | None = None, schema_valid: frozenset[str] = frozenset()) -> Result:
    """Every problem of ``sources``. A cross-check that crashes becomes an "internal" problem naming
    it; with ``raise_errors`` (tests) the exception propagates instead. ``checks`` replaces the
    cross-checks (default: ``CROSS_CHECKS``, in their order). ``schema_valid``: files whose bytes the caller
    knows passed these schemas (an import of a workbook exported from exactly these files: the export checked
    them), not validated against the schema again; every cross-check still runs on every file."""
    return Checker(sources, schemas, raise_errors, checks, schema_valid).run()

"""The fingerprint: a SHA-256 over a canonical serialisation of the agreement's approved content.

Not part of what the parties approve: monitoring data, the approval trail, and workflow details
(MONITORING_PATHS). tests/test_contract_fingerprint.py pins the result for a fixture.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

from cooperation import business_id
from cooperation.domain import MONITORING_PATHS, OUTSIDE_THE_TEXT
from cooperation.load.sources import Sources
from cooperation.load.yaml_loader import Document
from cooperation.schemas import Schemas, default_schemas

# the data format's version (load/formats.py): how the text is written down, not what it says. Every text is read in
# today's format, so it never differs between two texts read; left out, a migration keeps every text's fingerprint
NOT_THE_TEXT = ("agreement", ("format",))


def _unordered(value: Any) -> Any:
    return sorted(value, key=str) if isinstance(value, (list, tuple)) else value


def _business_id(value: Any) -> Any:
    return business_id.normalise(value) if isinstance(value, str) else value


# Values written in more than one way that say the same: fingerprinted (and compared by the diff) in one form.
# The order of `languages` is presentation (which language is the site's root; plain strings stay in the
# language they were written in), and a business ID's en dash is its hyphen (`9869879–2` = `9869879-2`).
EQUIVALENT_FORMS: dict[str, dict[tuple[str, ...], Callable[[Any], Any]]] = {
    "agreement": {("languages",): _unordered},
    "parties": {("parties", "*", "business_id"): _business_id},
}


def normal_form(kind: str, path: tuple, value: Any) -> Any:
    """A value in the one form the fingerprint and the diff compare (``path`` with list positions)."""
    form = EQUIVALENT_FORMS.get(kind, {}).get(tuple("*" if isinstance(p, int) else p for p in path))
    return form(value) if form else value


def _canonical(value: Any, kind: str, path: tuple, main: str, text_paths: set) -> Any:
    shape = tuple("*" if isinstance(p, int) else p for p in path)
    if shape in MONITORING_PATHS.get(kind, ()) or (kind, shape) == NOT_THE_TEXT:
        return None
    value = normal_form(kind, path, value)
    if shape in text_paths:
        if isinstance(value, str):
            value = {main: value}
        return {k: "\n".join(line.rstrip() for line in v.strip().splitlines()) for k, v in sorted(value.items())}
    if isinstance(value, dict):
        out = {}
        for key in sorted(value):
            child = _canonical(value[key], kind, path + (key,), main, text_paths)
            if child is not None:
                out[key] = child
        return out
    if isinstance(value, list):
        return [_canonical(v, kind, path + (i,), main, text_paths) for i, v in enumerate(value)]
    return value


class _Canonical:
    """One document's canonical content, kept for the next incremental load of the same Document object."""

    __slots__ = ("doc", "kind", "main", "schemas", "value", "serialised")

    def __init__(self, doc: Document, kind: str, main: str, schemas: Schemas, value: Any):
        self.doc, self.kind, self.main, self.schemas, self.value = doc, kind, main, schemas, value  # doc held: its id is not reused
        self.serialised: str | None = None  # its part of the fingerprint's JSON, once computed

    def fits(self, doc: Document, kind: str, main: str, schemas: Schemas) -> bool:
        return self.doc is doc and self.kind == kind and self.main == main and self.schemas is schemas


def _memo(sources: Sources) -> dict[str, _Canonical] | None:
    """The workspace's memo "model.canonical": the latest load's canonical documents by file name. An unchanged file
    loaded in the same workspace is the same Document object; an edited one is a new object, canonicalised again."""
    return sources.workspace.memo("model.canonical") if sources.workspace is not None else None


def canonical_content(sources: Sources) -> dict:
    """The agreement's approved content as plain data: the input of the fingerprint."""
    schemas = default_schemas()
    agreement = sources.agreement
    if agreement is None:
        raise ValueError("agreement: the fingerprint needs the agreement file")
    main = (agreement.data.get("languages") or ["fi"])[0]
    content: dict[str, Any] = {}
    kept: dict[str, _Canonical] = {}
    docs = [(kind, doc.name, doc) for kind, doc in sources.yaml_documents() if kind not in OUTSIDE_THE_TEXT]
    memo = _memo(sources)
    for kind, name, doc in sorted(docs, key=lambda d: d[1]):
        entry = memo.get(name) if memo is not None else None
        if entry is None or not entry.fits(doc, kind, main, schemas):
            text_paths = {tuple("*" if isinstance(p, int) else p for p in path)
                          for path, node, _ in schemas.walk(kind, doc.data) if node.get("x-kind")}
            entry = _Canonical(doc, kind, main, schemas, _canonical(doc.data, kind, (), main, text_paths))
        kept[name] = entry
        content[name] = entry.value
    if memo is not None:  # only the latest load's documents are kept
        memo.clear()
        memo.update(kept)
    return content


def compute_fingerprint(content: dict, sources: Sources | None = None) -> str:
    """SHA-256 of ``content`` as JSON with sorted keys and no spaces, written file by file: a file's part is
    reused when the workspace of ``sources`` kept its canonical content (the bytes are those of one json.dumps)."""
    memo = _memo(sources) if sources is not None else None
    parts = [_dumps(name) + ":" + _serialised(memo, name, value) for name, value in sorted(content.items())]
    return hashlib.sha256(("{" + ",".join(parts) + "}").encode("utf-8")).hexdigest()


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _serialised(memo: dict[str, _Canonical] | None, name: str, value: Any) -> str:
    entry = memo.get(name) if memo is not None else None
    if entry is None or entry.value is not value:
        return _dumps(value)
    if entry.serialised is None:
        entry.serialised = _dumps(value)
    return entry.serialised


def fingerprint_of(sources: Sources) -> str:
    """The fingerprint of files as written, valid or not; '' for files too broken to have a content."""
    if sources.agreement is None or not isinstance(sources.agreement.data, dict):
        return ""
    try:
        return compute_fingerprint(canonical_content(sources), sources)
    except (TypeError, AttributeError, KeyError, ValueError):
        return ""

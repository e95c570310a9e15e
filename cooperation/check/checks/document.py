"""The document type: a known type by its code, or the document's own name as text per language."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from cooperation.check.values import suggest
from cooperation.schemas import document_type_code, document_types

if TYPE_CHECKING:
    from cooperation.check.checker import Checker

# a code, not a name: a name has spaces or letters outside a-z ("yhteistyösopimus"), a code underscores
_CODE = re.compile(r"^[a-z]+(_[a-z]+)+$")


def check_document_type(c: Checker) -> None:
    doc = c.doc("agreement")
    if doc is None or not isinstance(doc.data, dict):
        return
    value = doc.data.get("document_type")
    known = document_types()
    path = ("document_type",)
    if document_type_code(value):
        return
    if isinstance(value, str):
        if _CODE.match(value.strip()):
            listed = [{lang: f"{code} ({labels[lang]})" for lang in ("fi", "sv", "en")} for code, labels in known.items()]
            c.error("document_type_unknown", doc, "agreement", path, value=value,
                    suggestion=suggest(value, known, list_allowed=False), known=listed)
            return
    languages = c.languages()
    present = ({languages[0]} if isinstance(value, str) and languages else
               {k for k, v in value.items() if isinstance(v, str) and v.strip()} if isinstance(value, dict) else set())
    names = c.schemas.enum_labels("agreement", ("languages",))
    for lang in languages if len(languages) > 1 else []:
        if lang not in present:
            c.warning("missing_translation", doc, "agreement", path, language=names.get(lang, lang),
                      languages="–".join(languages))

"""Texts: every language of a bilingual agreement present, and no control characters anywhere."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cooperation.load.yaml_loader import ILLEGAL_CHARACTER, Document, character_name

if TYPE_CHECKING:
    from cooperation.check.checker import Checker


def check_translations(c: Checker) -> None:
    languages = c.languages()
    if len(languages) < 2:
        return
    main = languages[0]
    language_names = c.schemas.enum_labels("agreement", ("languages",))

    def translations(kind: str, doc: Document) -> None:
        for path, node, value in c.schemas.walk(kind, doc.data):
            if node.get("x-kind") not in ("text", "markdown"):
                continue
            if isinstance(value, str):
                present = {main}
            elif isinstance(value, dict):
                present = {k for k, v in value.items() if isinstance(v, str) and v.strip()}
            else:
                continue
            for lang in languages:
                if lang not in present:
                    c.warning("missing_translation", doc, kind, path, language=language_names.get(lang, lang),
                              languages="–".join(languages))
    c.each_document("translations", translations, tuple(languages))


def check_characters(c: Checker) -> None:
    """Every text can be written out: the site, the Word document (XML) and the workbook refuse
    control characters, and nobody types them on purpose (a "\\x0b" escape in double quotes)."""
    def characters(kind: str, doc: Document) -> None:
        stack: list[tuple[tuple, Any]] = [((), doc.data)]
        while stack:  # iterative: the depth is bounded, but no walk here recurses
            path, value = stack.pop()
            if isinstance(value, str):
                found = ILLEGAL_CHARACTER.search(value)
                if found:
                    c.error("control_char", doc, kind, path, char=character_name(found.group()), index=found.start() + 1)
            elif isinstance(value, dict):
                stack.extend((path + (key,), child) for key, child in value.items())
            elif isinstance(value, list):
                stack.extend((path + (index,), child) for index, child in enumerate(value))
    c.each_document("characters", characters)

"""Turn a Result into text, GitHub annotations or JSON."""
from __future__ import annotations

import json
from collections.abc import Callable

from cooperation.i18n.messages import SEVERITY, message, printable
from cooperation.result import Problem, Result


def _summary(result: Result, lang: str) -> str:
    errors, warnings = len(result.errors), len(result.warnings)
    if lang == "en":
        if not errors and not warnings:
            return "No problems found."
        return f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}."
    if lang == "sv":
        if not errors and not warnings:
            return "Inga problem."
        return f"{errors} fel, {warnings} {'varning' if warnings == 1 else 'varningar'}."
    if not errors and not warnings:
        return "Ei ongelmia."
    return (f"{errors} {'virhe' if errors == 1 else 'virhettä'}, "
            f"{warnings} {'varoitus' if warnings == 1 else 'varoitusta'}.")


def position(p: Problem) -> str:
    """Where a problem is, as an editor or a spreadsheet user finds it: ``file:line:column``, ``file:line``,
    ``file``, a workbook cell ``Työkirja.xlsx!C14`` or a JSON entry ``data.json[3]``."""
    name = printable(p.file)
    if p.cell is not None:
        return f"{name}{'' if p.cell.startswith('[') else '!'}{printable(p.cell)}"
    if p.line == 0:
        return name
    return f"{name}:{p.line}" if p.column == 0 else f"{name}:{p.line}:{p.column}"


def text(result: Result, lang: str = "fi") -> tuple[str, str]:
    """(stdout, stderr): one line per problem, then a summary for the terminal."""
    lines = [f"{position(p)}: {SEVERITY[p.severity].get(lang, SEVERITY[p.severity]['fi'])}: {message(p, lang)}"
             for p in result.sorted()]
    return "".join(line + "\n" for line in lines), _summary(result, lang) + "\n"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(result: Result, lang: str = "fi") -> tuple[str, str]:
    """Workflow commands: each becomes an annotation on the pull request's changed line."""
    out = []
    for p in result.sorted():
        level = {"error": "error", "info": "notice"}.get(p.severity, "warning")
        title = {"en": "Agreement check", "sv": "Kontroll av avtalet"}.get(lang, "Sopimuksen tarkistus")
        where, text = f"file={_escape_property(p.file)},", message(p, lang)
        if p.cell is not None:  # a cell or a JSON entry has no line the annotation could point at: the text names it
            text = f"{p.cell}: {text}"
        elif p.line:
            where += f"line={p.line}," + (f"col={p.column}," if p.column else "")
        out.append(f"::{level} {where}title={_escape_property(title)}::{_escape_data(text)}\n")
    return "".join(out), _summary(result, lang) + "\n"


def as_dict(p: Problem, lang: str) -> dict:
    return {
        "severity": p.severity,
        "code": p.code,
        "file": p.file,
        "line": p.line,
        "column": p.column,
        "item": {"kind": p.item[0], "id": p.item[1]} if p.item else None,
        "field": p.field,
        "message": message(p, lang),
    } | ({"cell": p.cell} if p.cell is not None else {})  # only an import's problems have a cell


def json_report(result: Result, lang: str = "fi") -> tuple[str, str]:
    return json.dumps([as_dict(p, lang) for p in result.sorted()], ensure_ascii=False, indent=2) + "\n", ""


REPORTERS: dict[str, Callable[[Result, str], tuple[str, str]]] = {
    "text": text,
    "github": github,
    "json": json_report,
}

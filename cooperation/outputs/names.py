"""The name of every file the tool writes, in one table (`FILES`): each command's files in the output folder (--out),
CODEOWNERS in the region's folder, and the downloads the site offers (lataukset/). A name is composed here and nowhere
else: the outputs' registry and the record's documents, the pipeline, the commands, the site's pages and import-xlsx
ask this module. Part of the registry: any output may import it (tests/test_layers.py).

A pattern's fields: {id} the agreement's id; {lang} the file's language; {suffix} nothing in the agreement's first
language and "-" + the language in the others (the Finnish workbook keeps its name); the words of
i18n.region_file_words.FILE_WORDS ({workbook}, {report}, {comments}, …) in the agreement's first language and those of
i18n.council_words.PACKAGE_FILE_WORDS ({redline}, …) in the file's own; and what tells a file from others of its kind
({year}, {party}, {label}). A name without fields is its pattern.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cooperation.model import Agreement

OUT, ROOT = "out", "root"  # the folder a file is written into: the output folder (--out), the region's (--root)
SITE = "site"  # among `commands`: the site offers the file on its downloads page (lataukset/)


@dataclass(frozen=True)
class Written:
    """A kind of file the tool writes."""
    name: str  # the table's key
    pattern: str  # the file's name with its fields (above), relative to `folder`
    commands: tuple[str, ...]  # the commands that write it (SITE: the site's downloads)
    per_language: bool = False  # one file per language
    folder: str = OUT

    def file(self, main: str, lang: str | None = None, **values: object) -> str:
        """The name in ``lang`` (default: ``main``, the agreement's first language); ``values``: id, year, party, label."""
        return compose(self.pattern, main, lang or main, **values)

    def of(self, model: Agreement, lang: str | None = None, **values: object) -> str:
        """The name of the agreement ``model``'s file in ``lang``."""
        return self.file(model.main_language, lang, id=model.id, **values)

    def bound(self, **values: object) -> str:
        """The pattern with ``values`` in place and its other fields kept: "{report}-2026-{lang}.docx"."""
        return self.pattern.format_map(_Kept({key: _literal(value) for key, value in values.items()}))


class _Kept(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _literal(value: object) -> str:
    """A value as it reads in a pattern (a brace of a version's label stays a brace)."""
    return str(value).replace("{", "{{").replace("}", "}}")


def compose(pattern: str, main: str, lang: str, **values: object) -> str:
    """The one place a file's name is put together: ``pattern``'s fields (above) filled in."""
    from cooperation.i18n.council_words import PACKAGE_FILE_WORDS
    from cooperation.i18n.labels import file_words
    own = {key: words.get(lang) or words["fi"] for key, words in PACKAGE_FILE_WORDS.items()}
    return pattern.format(lang=lang, suffix="" if lang == main else f"-{lang}", **file_words(main), **own, **values)


# the agreement, its workbook and the open data: the outputs' registry (cooperation/outputs/__init__.py) renders them
DOCX = Written("docx", "{id}-{lang}.docx", ("docx", SITE), per_language=True)
PDF = Written("pdf", "{id}-{lang}.pdf", ("pdf", SITE), per_language=True)
WORKBOOK = Written("xlsx", "{id}-{workbook}{suffix}.xlsx", ("export-xlsx", SITE), per_language=True)
PARTY_WORKBOOK = Written("xlsx-party", "{id}-{workbook}{suffix}-{party}.xlsx", ("export-xlsx",), per_language=True)
JSON = Written("json", "{id}.json", (SITE,))
MEASUREMENTS = Written("csv", "{measurements}.csv", (SITE,))
PROGRESS = Written("progress", "{progress}.csv", (SITE,))
CALENDAR = Written("ics", "{cycle}-{lang}.ics", (SITE,), per_language=True)
STATEMENTS = Written("statements", "{id}-{statements}-{lang}.docx", ("statements", SITE), per_language=True)
# the record: the yearly report, the amendment package (three files per language, each named in its own language),
# each signed version's documents
REPORT = Written("report", "{report}-{year}-{lang}.docx", ("report", SITE), per_language=True)
REDLINE = Written("amendment-redline", "{id}-{redline}-{lang}.docx", ("amendment", SITE), per_language=True)
CHANGE_ANNEX = Written("amendment-annex", "{id}-{change_annex}-{lang}.docx", ("amendment", SITE), per_language=True)
DRAFT_DECISION = Written("amendment-decision", "{id}-{draft_decision}-{lang}.docx", ("amendment", SITE),
                         per_language=True)
AMENDMENT_PACKAGE = (REDLINE, CHANGE_ANNEX, DRAFT_DECISION)  # in this order in the package
SIGNED_DOCX = Written("signed", "{id}-{label}-{lang}.docx", (SITE,), per_language=True)
SIGNED_PDF = Written("signed-pdf", "{id}-{label}-{lang}.pdf", (SITE,), per_language=True)
# the rest
REFERENCE = Written("reference", "tietomuoto.md", ("reference", SITE))  # on the site a page of its own
CODEOWNERS = Written("codeowners", ".github/CODEOWNERS", ("codeowners",), folder=ROOT)
COMMENTS_JSON = Written("comments-json", "{comments}.json", ("import-xlsx",))  # import-statements reads it back
COMMENTS = Written("comments", "{comments}.md", ("import-xlsx",))
SITE_FOLDER = Written("site", "site", (SITE,))  # the site, a folder replaced whole

FILES: tuple[Written, ...] = (DOCX, PDF, WORKBOOK, PARTY_WORKBOOK, JSON, MEASUREMENTS, PROGRESS, CALENDAR, STATEMENTS,
                              REPORT, *AMENDMENT_PACKAGE, SIGNED_DOCX, SIGNED_PDF, REFERENCE, CODEOWNERS, COMMENTS_JSON,
                              COMMENTS, SITE_FOLDER)
BY_NAME: dict[str, Written] = {written.name: written for written in FILES}


def written_by(command: str) -> list[Written]:
    """What ``command`` writes, in the table's order."""
    return [written for written in FILES if command in written.commands]

"""The command line's own lines (what was written, what to do next) in the language of the region's users: the
first language of the agreement unless `--lang` says otherwise (cli.main sets it for the command's run). Problems in
the data have their own catalogue (messages.py); this is the rest a command says."""
from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator

STATUS: dict[str, dict[str, str]] = {
    "error": {"fi": "virhe: {message}", "sv": "fel: {message}", "en": "error: {message}"},
    "note": {"fi": "huom: {message}", "sv": "obs: {message}", "en": "note: {message}"},
    "written": {"fi": "Kirjoitettu {path}", "sv": "Skrev {path}", "en": "Written {path}"},
    "nothing_written": {"fi": "Mitään ei kirjoitettu.", "sv": "Ingenting skrevs.", "en": "Nothing was written."},
    "fix_first": {"fi": "Korjaa virheet ensin: python build.py validate",
                  "sv": "Rätta felen först: python build.py validate",
                  "en": "Correct the errors first: python build.py validate"},
    "fingerprint": {"fi": "Sormenjälki (SHA-256): {fingerprint}", "sv": "Fingeravtryck (SHA-256): {fingerprint}",
                    "en": "Fingerprint (SHA-256): {fingerprint}"},
    "site_written": {"fi": "Sivusto kirjoitettu: {path} (esikatselu: python -m http.server -d {path})",
                     "sv": "Webbplatsen skrevs: {path} (förhandsvisning: python -m http.server -d {path})",
                     "en": "Site written: {path} (preview: python -m http.server -d {path})"},
    "no_edit_links": {"fi": "Sivuilla ei ole muokkauslinkkejä: tietojen git-repositoriolla ei ole etärepositoriota "
                            "(git remote), eikä REPOSITORY_URL tai GITHUB_REPOSITORY ole asetettu.",
                      "sv": "Sidorna har inga redigeringslänkar: uppgifternas git-förråd har inget fjärrförråd "
                            "(git remote), och varken REPOSITORY_URL eller GITHUB_REPOSITORY är satt.",
                      "en": "The pages have no edit links: the data's git repository has no remote (git remote), and "
                            "neither REPOSITORY_URL nor GITHUB_REPOSITORY is set."},
    "no_edit_links_remote": {"fi": "Sivuilla ei ole muokkauslinkkejä: tietojen git-repositorion etärepositorio (git "
                                   "remote) ei ole verkko-osoite (https:// tai git@), eikä REPOSITORY_URL tai "
                                   "GITHUB_REPOSITORY ole asetettu.",
                             "sv": "Sidorna har inga redigeringslänkar: uppgifternas git-förråds fjärrförråd (git "
                                   "remote) är ingen webbadress (https:// eller git@), och varken REPOSITORY_URL eller "
                                   "GITHUB_REPOSITORY är satt.",
                             "en": "The pages have no edit links: the data's git remote is not a web address (https:// "
                                   "or git@), and neither REPOSITORY_URL nor GITHUB_REPOSITORY is set."},
    "not_on_site": {"fi": "{note}; sivustolla ei tarjota sitä", "sv": "{note}; webbplatsen erbjuder den inte",
                    "en": "{note}; the site does not offer it"},
    "import_refused": {"fi": "tuonnin tulos ei läpäisisi tarkistusta (python build.py validate):",
                       "sv": "importens resultat skulle inte klara kontrollen (python build.py validate):",
                       "en": "the import's result would not pass the check (python build.py validate):"},
    "checked_after_import": {"fi": "Tarkistus tuonnin jälkeen (python build.py validate):",
                             "sv": "Kontroll efter importen (python build.py validate):",
                             "en": "Check after the import (python build.py validate):"},
    "workbook_unchanged": {"fi": "Työkirjassa ei ole muutoksia sopimuksen tietoihin; tiedostoja ei muutettu.",
                           "sv": "Arbetsboken har inga ändringar i avtalets uppgifter; inga filer ändrades.",
                           "en": "The workbook has no changes to the agreement's data; no files were changed."},
    "comments_written": {"fi": "Kommentit: {path}", "sv": "Kommentarer: {path}", "en": "Comments: {path}"},
    "no_file": {"fi": "tiedostoa {file} ei ole", "sv": "filen {file} finns inte", "en": "there is no file {file}"},
    "exists_use_force": {"fi": "{path} on jo olemassa; korvaa se valitsimella --force",
                         "sv": "{path} finns redan; ersätt den med flaggan --force",
                         "en": "{path} exists already; replace it with --force"},
    "measurements_summary": {
        "fi": "Mittaustuloksia: {added} uutta, {updated} päivitetty, {unchanged} ennallaan, {skipped} ohitettu.",
        "sv": "Mätvärden: {added} nya, {updated} uppdaterade, {unchanged} oförändrade, {skipped} överhoppade.",
        "en": "Measurements: {added} new, {updated} updated, {unchanged} unchanged, {skipped} skipped."},
    "measurements_merged": {"fi": "Mittaustuloksia: {added} uutta, {updated} päivitetty ({changed}).",
                            "sv": "Mätvärden: {added} nya, {updated} uppdaterade ({changed}).",
                            "en": "Measurements: {added} new, {updated} updated ({changed})."},
    "written_files": {"fi": "Kirjoitettu: {files}.", "sv": "Skrev: {files}.", "en": "Written: {files}."},
    "no_files_changed": {"fi": "Tiedostoja ei muutettu.", "sv": "Inga filer ändrades.", "en": "No files were changed."},
    "subarea_written": {"fi": "Kirjoitettu {path}. Täydennä kentät ja aja: python build.py validate",
                        "sv": "Skrev {path}. Fyll i fälten och kör: python build.py validate",
                        "en": "Written {path}. Fill in the fields and run: python build.py validate"},
}

_language: contextvars.ContextVar[str] = contextvars.ContextVar("status_language", default="fi")


def language() -> str:
    return _language.get()


@contextlib.contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Within the block, the command line's lines are in ``lang`` (fi, sv or en)."""
    token = _language.set(lang if lang in ("fi", "sv", "en") else "fi")
    try:
        yield
    finally:
        _language.reset(token)


def status(key: str, **params: object) -> str:
    """A line of the command line in the language it speaks: status("written", path="out/x.docx")."""
    entry = STATUS[key]
    return (entry.get(language()) or entry["fi"]).format(**params)

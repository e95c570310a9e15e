"""import-statements: statements into a consultation round of agreement/consultations.yaml, never into the agreement.

Two sources: a web form's CSV export (comma or semicolon; columns found by their headings, HEADINGS below, which the
editor guide lists), and the workbooks' comments that import-xlsx collected into OUT/kommentit.json (each a party's
comment on an item, dated --date). Every uncertain row is reported at its row (`lomake.csv:3: varoitus: …`,
`kommentit.json[2]: …`) and imported as it says; a row that cannot be (an unknown item, a date outside the round, an
e-mail address or phone number in the text) is an error, and then nothing is written. Columns of personal data
(names, e-mail addresses, phone numbers) are never read: a private person's statement is recorded without a name. A
statement already in the round (same day, author, item and text) is not imported again.
"""
from __future__ import annotations

import copy
import csv
import datetime
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cooperation.check.checks.consultations import contact_data, contact_words
from cooperation.check.values import dicts, suggest
from cooperation.i18n.messages import param
from cooperation.imports.common import EXIT_DATA, EXIT_OK, EXIT_USAGE, Report, load, say, size_text, write_and_report
from cooperation.imports.template import normalise
from cooperation.imports.yaml_writer import update
from cooperation.result import ERROR, INFO, WARNING, Problem
from cooperation.schemas import default_schemas
from cooperation.timeliness import today

MAX_INPUT_BYTES = 20_000_000  # a form's export of one round is far smaller
FILE = "agreement/consultations.yaml"

# a column's heading (lower case, a part in parentheses left out; a bilingual heading "Lausunto / Utlåtande" read as
# either part) → what it holds
HEADINGS: dict[str, tuple[str, ...]] = {
    "date": ("päivämäärä", "pvm", "päiväys", "aikaleima", "vastausaika", "lähetetty", "lähetysaika", "datum",
             "tidsstämpel", "tidpunkt", "skickat", "date", "timestamp", "submitted", "completion time"),
    "organisation": ("organisaatio", "yhteisö", "lausunnonantaja", "lausunnon antaja", "taho", "organisation",
                     "sammanslutning", "remissinstans", "organization"),
    "item": ("kohta", "tunniste", "kohdan tunniste", "koskee", "tavoite", "punkt", "gäller", "mål", "item"),
    "text": ("lausunto", "lausunnon teksti", "kommentti", "palaute", "utlåtande", "kommentar", "respons", "statement",
             "comment", "feedback"),
    "language": ("kieli", "språk", "language"),
    "private": ("yksityishenkilö", "vastaan yksityishenkilönä", "privatperson", "private person"),
}
# personal data a form asks for (to answer the person): never read, never published
PERSONAL = ("nimi", "etunimi", "sukunimi", "yhteyshenkilö", "sähköposti", "sähköpostiosoite", "puhelin",
            "puhelinnumero", "osoite", "namn", "förnamn", "efternamn", "kontaktperson", "e-post", "e-postadress",
            "telefon", "telefonnummer", "adress", "name", "first name", "last name", "contact person", "email", "e-mail",
            "phone", "phone number", "address")
WHOLE = ("koko sopimus", "koko luonnos", "yleinen", "yleisesti", "hela avtalet", "hela utkastet", "allmänt",
         "whole agreement", "general", "-", "–")
YES = ("kyllä", "k", "x", "ja", "j", "yes", "y", "true", "1")
LANGUAGES = {"fi": ("fi", "suomi", "suomeksi", "finska", "finnish"), "sv": ("sv", "ruotsi", "ruotsiksi", "svenska",
                                                                           "swedish"),
             "en": ("en", "englanti", "englanniksi", "engelska", "english")}
_PARENS = re.compile(r"\([^()]*\)")
_FI_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s.*)?")


class _BadInput(Exception):
    """The file as a whole cannot be read; the message says why, in Finnish."""


@dataclass
class Row:
    where: tuple[int, str | None]  # (CSV line, None) or (entry + 1, "[entry]")
    cells: dict[str, str]


def _fields(heading: str) -> str | None:
    """What a column holds by its heading: a key of HEADINGS, "personal", or None."""
    parts = [normalise(part).strip(" *?:") for part in _PARENS.sub("", heading).split("/")]
    for part in parts:
        for key, words in HEADINGS.items():
            if part in words:
                return key
        if part in PERSONAL:
            return "personal"
    return None


def _read_csv(file: Path, name: str, notes: list[Problem]) -> list[Row]:
    raw = file.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _BadInput(f"tiedosto ei ole UTF-8-muodossa (virheellinen tavu kohdassa {exc.start}); tallenna se "
                        "UTF-8-muodossa") from exc
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise _BadInput(f"CSV-muoto on rikki rivillä 1: {exc}") from exc
    if not header:
        raise _BadInput("tiedosto on tyhjä")
    columns: dict[int, str] = {}
    for index, heading in enumerate(header):
        field = _fields(heading)
        if field == "personal":
            notes.append(Problem(INFO, "statements_column_personal", name, 1, 0, {"column": heading.strip()}))
        elif field is None or field in columns.values():
            if heading.strip():
                notes.append(Problem(INFO, "statements_column_ignored", name, 1, 0, {"column": heading.strip()}))
        else:
            columns[index] = field
    for field, what in (("date", "column_date"), ("text", "column_text")):
        if field not in columns.values():
            notes.append(Problem(ERROR, "statements_column_missing", name, 1, 0,
                                 {"what": param(what), "found": ", ".join(h.strip() for h in header) or "–"}))
    if "organisation" not in columns.values() and "private" not in columns.values():
        notes.append(Problem(ERROR, "statements_column_missing", name, 1, 0,
                             {"what": param("column_organisation"), "found": ", ".join(h.strip() for h in header)}))
    rows = []
    start = reader.line_num + 1
    try:
        for record in reader:
            rows.append(Row((start, None), {field: record[index].strip() if index < len(record) else ""
                                            for index, field in columns.items()}))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise _BadInput(f"CSV-muoto on rikki rivillä {reader.line_num}: {exc}") from exc
    return rows


def _read_comments(file: Path, day: datetime.date) -> list[Row]:
    """The workbooks' comments as import-xlsx collected them (kommentit.json): each a party's, on an item."""
    try:
        data = json.loads(file.read_bytes().decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise _BadInput(f"tiedosto ei ole kelvollista JSON-muotoa ({type(exc).__name__}); tee se uudelleen komennolla "
                        "import-xlsx") from exc
    if not isinstance(data, list):
        raise _BadInput("kommentit.json-tiedostossa pitää olla luettelo kommentteja (import-xlsx kirjoittaa sen)")
    rows = []
    for index, entry in enumerate(data):
        entry = entry if isinstance(entry, dict) else {}
        rows.append(Row((index + 1, f"[{index}]"), {"date": day.isoformat(), "organisation": str(entry.get("party") or ""),
                                                    "item": str(entry.get("item") or ""), "text": str(entry.get("text") or "")}))
    return rows


def _date(text: str) -> datetime.date | None:
    text = text.strip()
    try:
        return datetime.date.fromisoformat(text[:10])
    except ValueError:
        pass
    match = _FI_DATE.fullmatch(text)
    if match:
        try:
            return datetime.date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        except ValueError:
            return None
    return None


class _Import:
    def __init__(self, name: str, round_: dict, parties: list[dict], items: list[str], main: str):
        self.name, self.round, self.main = name, round_, main
        # a party by its name in any language or its id, exactly: an organisation's name often starts like a party's
        self.parties = {normalise(p["id"]): p["id"] for p in parties}
        for p in parties:
            names = p.get("name")
            self.parties.update({normalise(n): p["id"] for n in (names.values() if isinstance(names, dict) else [names])
                                 if isinstance(n, str)})
        self.items = items
        self.by_lower = {i.lower(): i for i in items}
        self.notes: list[Problem] = []
        self.opens = datetime.date.fromisoformat(round_["opens"])
        self.closes = datetime.date.fromisoformat(round_["closes"])
        existing = [s for _, s in dicts(round_.get("statements"))]
        self.seen = {self.key(s): str(s.get("id")) for s in existing}
        self.used = {str(s.get("id")).lower() for s in existing}
        self.rows: dict[str, tuple[int, str | None]] = {}  # a new statement's id → its row

    def note(self, severity: str, code: str, where: tuple[int, str | None], **params: Any) -> None:
        self.notes.append(Problem(severity, code, self.name, where[0], 0, params, cell=where[1]))

    @staticmethod
    def key(s: dict) -> tuple:
        author = "private" if s.get("private_person") is True else s.get("party") or json.dumps(s.get("organisation"),
                                                                                               sort_keys=True)
        return (str(s.get("date")), author, s.get("item"), " ".join(str(s.get("text") or "").split()))

    def next_id(self) -> str:
        n = len(self.used) + 1
        while f"l{n}" in self.used:
            n += 1
        self.used.add(f"l{n}")
        return f"L{n}"

    def statement(self, row: Row) -> dict | None:
        cells, where = row.cells, row.where
        if not any(cells.values()):
            return None
        text = cells.get("text", "")
        if not text:
            self.note(WARNING, "statements_row_no_text", where)
            return None
        before = len([p for p in self.notes if p.severity == ERROR])
        statement: dict[str, Any] = {}
        day = _date(cells.get("date", ""))
        if day is None:
            self.note(ERROR, "statements_row_date", where, value=cells.get("date", "") or "–")
        elif not self.opens <= day <= self.closes:
            self.note(ERROR, "consultation_statement_outside", where, date=day.isoformat(), opens=self.round["opens"],
                      closes=self.round["closes"])
        else:
            statement["date"] = day.isoformat()
        item = self.item(cells.get("item", ""), where)
        if item:
            statement["item"] = item
        private = normalise(cells.get("private", "")) in YES
        organisation = cells.get("organisation", "")
        if private or not organisation:
            if not private:
                self.note(WARNING, "statements_row_private", where)
            statement["private_person"] = True
        else:
            party = self.parties.get(normalise(organisation))
            if party is not None:
                statement["party"] = party
            else:
                statement["organisation"] = " ".join(organisation.split())
        language = cells.get("language", "")
        code = next((c for c, words in LANGUAGES.items() if normalise(language) in words), None) if language else self.main
        if code is None:
            names = default_schemas().enum_labels("consultations", ("consultations", 0, "statements", 0, "language"))
            self.note(WARNING, "statements_row_language", where, value=language, language=names.get(self.main, self.main))
            code = self.main
        if code != self.main:
            statement["language"] = code
        statement["text"] = text.replace("\r\n", "\n").strip()
        for value in (statement["text"], organisation if "organisation" in statement else ""):
            found_contact = contact_data(value)
            if found_contact:
                self.note(ERROR, "personal_contact_data", where, what=contact_words(found_contact[0]),
                          index=found_contact[1])
        if len([p for p in self.notes if p.severity == ERROR]) > before:
            return None
        known = self.seen.get(self.key(statement))
        if known is not None:
            self.note(INFO, "statements_row_duplicate", where, id=known)
            return None
        statement = {"id": self.next_id(), **statement}
        self.seen[self.key(statement)] = statement["id"]
        self.rows[statement["id"]] = where
        return statement

    def item(self, text: str, where: tuple[int, str | None]) -> str | None:
        value = " ".join(text.split())
        if not value:
            self.note(WARNING, "statements_row_no_item", where)
            return None
        if normalise(value) in WHOLE:
            return None
        first = value.split(" ")[0].rstrip(":.,")
        found = self.by_lower.get(first.lower())
        if found is None:
            self.note(ERROR, "consultation_unknown_item", where, ref=first,
                      suggestion=suggest(first, self.items, list_allowed=False))
        return found


def import_statements(file: Path, root: Path, round_id: str, day: datetime.date | None = None, format: str = "text",
                      lang: str = "fi") -> int:
    """Exit code 0 when written (or nothing new), 1 for problems in the file or the data (nothing written), 2 without a
    file or a round."""
    report = Report(format, lang)
    try:
        return _import(file, root, round_id, day or today(), report)
    finally:
        report.close()


def _import(file: Path, root: Path, round_id: str, day: datetime.date, report: Report) -> int:
    if not file.is_file():
        say(f"virhe: tiedostoa {file} ei ole")
        return EXIT_USAGE
    if file.stat().st_size > MAX_INPUT_BYTES:
        say(f"virhe: tiedosto on liian suuri ({size_text(file.stat().st_size)} tavua, enintään "
            f"{size_text(MAX_INPUT_BYTES)})")
        return EXIT_USAGE
    sources, parties, agreement = load(root)
    doc = sources.documents.get("consultations")
    rounds = doc.data.get("consultations") if doc is not None and isinstance(doc.data, dict) else None
    found = next((r for _, r in dicts(rounds) if r.get("id") == round_id), None)
    if doc is None or found is None:
        known = ", ".join(str(r.get("id")) for _, r in dicts(rounds)) or "ei yhtään"
        say(f"virhe: lausuntokierrosta ”{round_id}” ei ole tiedostossa {FILE} (kierrokset: {known}); kirjaa kierros "
            "ensin (ohje: Lausuntokierros)")
        return EXIT_USAGE
    if not isinstance(found.get("opens"), str) or not isinstance(found.get("closes"), str):
        say(f"virhe: kierroksen ”{round_id}” alkamis- ja päättymispäivä puuttuvat; tarkista tiedot ensin: python build.py "
            "validate")
        return EXIT_DATA
    items = [d.data["id"] for d in sources.subareas if isinstance(d.data, dict) and isinstance(d.data.get("id"), str)]
    items += [x["id"] for d in sources.subareas if isinstance(d.data, dict) for _, g in dicts(d.data.get("goals"))
              for x in [g] + [y for key in ("actions", "indicators") for _, y in dicts(g.get(key))]
              if isinstance(x.get("id"), str)]
    main = (agreement.get("languages") or ["fi"])[0]
    work = _Import(file.name, found, parties, items, main)
    try:
        rows = _read_comments(file, day) if file.suffix.lower() == ".json" else _read_csv(file, file.name, work.notes)
    except _BadInput as exc:
        say(f"virhe: {file.name}: {exc}. Mitään ei kirjoitettu.")
        return EXIT_DATA
    if any(p.severity == ERROR for p in work.notes):  # a column missing: no row can be read
        report.show(work.notes)
        say("Mitään ei kirjoitettu.")
        return EXIT_DATA
    new = [s for s in (work.statement(row) for row in rows) if s is not None]
    report.show(work.notes)
    if any(p.severity == ERROR for p in work.notes):
        say("Mitään ei kirjoitettu.")
        return EXIT_DATA
    if not new:
        say(f"Uusia lausuntoja ei ole; tiedostoa {FILE} ei muutettu.")
        return EXIT_OK
    data = copy.deepcopy(doc.data)
    target = next(r for _, r in dicts(data["consultations"]) if r.get("id") == round_id)
    target.setdefault("statements", []).extend(new)
    path = root / FILE
    try:
        text = update(path.read_text(encoding="utf-8"), doc.data, data)
    except Exception as exc:  # noqa: BLE001 - ruamel.yaml raises many kinds for what it cannot keep
        say(f"virhe: tiedostoa {FILE} ei voi muuttaa kommentit säilyttäen ({type(exc).__name__}); tuo lausunnot "
            "käsin. Mitään ei kirjoitettu.")
        return EXIT_DATA

    def locate(problem: Problem) -> Problem:
        """A problem the check found in a new statement, at the row it came from."""
        if problem.item is not None and problem.item[0] == "statement" and problem.item[1] in work.rows:
            line, cell = work.rows[problem.item[1]]
            return Problem(problem.severity, problem.code, file.name, line, 0, problem.params, cell=cell)
        return problem
    return write_and_report(root, {path: text}, report, locate=locate,
                            written=[f"Lausuntoja tuotu kierrokselle {round_id}: {len(new)}."])

"""A region's own repository: `init` creates one, `serve` previews its site.

A region's repository holds only its own: agreement/, subareas/, measurements/, optional overrides/ (logo,
colours, pages), its workflows (.github/workflows/, from resources/region/workflows) and requirements.txt, one line
that pins the tool's version. Everything else (schemas, templates, the MkDocs configuration) is the installed tool's.
"""
from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

from cooperation import RESOURCES, __version__
from cooperation.i18n import labels as L
from cooperation.load import formats
from cooperation.schemas import default_schemas

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2
REGION = RESOURCES / "region"
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
LANGUAGES = ("fi", "sv")
MAX_PARTIES_BYTES = 1_000_000
CSV_HEADINGS = {  # column → the headings it is known by (lower case)
    "id": ("id", "tunniste", "identifierare"),
    "name": ("name", "nimi", "namn"),
    "name_sv": ("name_sv", "nimi_sv", "namn_sv", "ruotsiksi", "på svenska"),
    "kind": ("kind", "laji", "tyyppi", "typ"),
    "business_id": ("business_id", "y-tunnus", "ytunnus", "business id", "fo-nummer"),
}
SIGNATORY = {"county": "starter_signatory_county", "municipality": "starter_signatory_municipality",
             "other": "starter_signatory_other"}  # labels.WORDS: the title a signatory to be named is shown with
# the files every region gets besides its data (source under resources/region → place in the repository)
WORKFLOWS = ("pull-request.yml", "comment.yml", "pages.yml", "release.yml")


def say(text: str) -> None:
    sys.stderr.write(text + "\n")


class InitError(Exception):
    def __init__(self, message: str, code: int = EXIT_USAGE):
        super().__init__(message)
        self.code = code


# --- the data ----------------------------------------------------------------------------------------------
def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:40]


def _kind(value: str) -> str | None:
    party = default_schemas().raw["parties.schema.json"]["$defs"]["party"]["properties"]["kind"]
    key = "_".join(value.strip().lower().split())
    return key if key in party["enum"] else party.get("x-synonyms", {}).get(key)


def read_parties(path: Path, languages: list[str]) -> list[dict]:
    """Parties from a CSV file (name, kind, business ID; optional name_sv): comma or semicolon separated, UTF-8
    (with or without BOM), a heading row in Finnish, Swedish or English."""
    if not path.is_file():
        raise InitError(f"virhe: tiedostoa {path} ei ole")
    if path.stat().st_size > MAX_PARTIES_BYTES:
        raise InitError(f"virhe: {path.name} on liian suuri (yli {MAX_PARTIES_BYTES} tavua)")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InitError(f"virhe: {path.name} ei ole UTF-8-muodossa; tallenna se muodossa CSV UTF-8", EXIT_DATA) from None
    rows = list(csv.reader(io.StringIO(text), delimiter="," if text.count(",") >= text.count(";") else ";"))
    if not rows:
        raise InitError(f"virhe: {path.name} on tyhjä", EXIT_DATA)
    heading = [cell.strip().lower() for cell in rows[0]]
    columns = {key: next((heading.index(h) for h in names if h in heading), None) for key, names in CSV_HEADINGS.items()}
    if columns["name"] is None or columns["kind"] is None:
        raise InitError(f"virhe: {path.name}:1: otsikkorivillä pitää olla sarakkeet name ja kind (nimi, laji) ja "
                        f"halutessa business_id (y-tunnus); nyt: {', '.join(rows[0])}", EXIT_DATA)
    parties: list[dict] = []
    used: set[str] = set()
    problems = []
    for number, row in enumerate(rows[1:], start=2):
        cells = {key: (row[i].strip() if i is not None and i < len(row) else "") for key, i in columns.items()}
        if not any(cells.values()):
            continue
        kind = _kind(cells["kind"])
        if not cells["name"]:
            problems.append(f"{path.name}:{number}: nimi puuttuu")
            continue
        if kind is None:
            problems.append(f"{path.name}:{number}: laji ”{cells['kind']}” ei ole tuttu (county, municipality, "
                            "regional_council, …; hyvinvointialue, kunta, kaupunki, maakunnan liitto, …)")
            continue
        if cells["id"] and not SLUG.match(cells["id"]):
            problems.append(f"{path.name}:{number}: tunniste ”{cells['id']}” ei kelpaa (pienet kirjaimet, numerot, viivat)")
            continue
        ident = base = cells["id"] or slug(cells["name"].split(" ")[0]) or "osapuoli"
        counter = 2
        while ident in used:
            ident, counter = f"{base}-{counter}", counter + 1
        used.add(ident)
        name: Any = cells["name"]
        if len(languages) > 1:
            name = {"fi": cells["name"], "sv": cells["name_sv"] or cells["name"]}
        party: dict[str, Any] = {"id": ident, "kind": kind, "name": name}
        if cells["business_id"]:
            party["business_id"] = cells["business_id"]
        else:  # said so, to be filled in: the check of the business ID's digits comes with it
            party["business_id_unknown"] = True
            say(f"huom: {path.name}:{number}: osapuolen {cells['name']} Y-tunnus puuttuu; täydennä se tiedostoon "
                "agreement/parties.yaml (business_id)")
        party["signs"] = True
        # to be named: the draft's signature pages show the title and a line for the name
        party["signatories"] = [{"name": "Nimi Sukunimi", "title": _texts(languages, SIGNATORY.get(kind, SIGNATORY["other"]))}]
        parties.append(party)
    if problems:
        raise InitError("\n".join(f"virhe: {p}" for p in problems), EXIT_DATA)
    if sum(p["kind"] == "county" for p in parties) != 1:
        raise InitError(f"virhe: {path.name}: osapuolissa pitää olla yksi hyvinvointialue (kind: county)", EXIT_DATA)
    if len(parties) < 2:
        raise InitError(f"virhe: {path.name}: osapuolia pitää olla vähintään kaksi", EXIT_DATA)
    return parties


def _texts(languages: list[str], key: str) -> Any:
    """A starter text of a new region's files (labels.WORDS[key]) in its languages."""
    return {lang: L.word(key, lang) for lang in languages} if len(languages) > 1 else L.word(key, languages[0])


def agreement_data(ident: str, names: dict[str, str], languages: list[str], term: tuple[int, int],
                   scope: int = 2) -> dict:
    start, end = term
    title = {lang: names[lang] for lang in languages} if len(languages) > 1 else names[languages[0]]
    return {
        "format": formats.FORMAT,
        "id": ident,
        "document_type": "strategic_cooperation_agreement",
        "title": title,
        "languages": languages,
        "council_term": {"start": f"{start}-06-01", "end": f"{end}-05-31"},
        "validity": {"start": f"{start + 1}-01-01", "end": f"{end}-12-31"},
        "scope": scope,
        "version": "0.1",
        "status": "draft",
        "purpose": _texts(languages, "starter_purpose"),
        "starting_points": _texts(languages, "starter_starting_points"),
        "legal_basis": [{"law": _texts(languages, "starter_law"),
                         "number": "611/2021", "section": "14 §"}],
        "operating_rules": {
            "goal_setting": _texts(languages, "starter_goal_setting"),
            "information_sharing": _texts(languages, "starter_information_sharing"),
            "dispute_resolution": _texts(languages, "starter_dispute_resolution")},
        "amendment": _texts(languages, "starter_amendment"),
    }


def forums_data(county: str, languages: list[str]) -> dict:
    return {"forums": [{
        "id": "johto", "name": _texts(languages, "starter_forum_name"),
        "level": "executive",
        "members": [{"party": county, "role": _texts(languages, "starter_forum_county_role")},
                    {"party": "all_municipalities", "role": _texts(languages, "starter_forum_municipalities_role")}],
        "chair": county, "frequency": "twice_a_year", "permanent": True,
        "purpose": _texts(languages, "starter_forum_purpose"),
    }]}


def _subarea_text(county: str, languages: list[str], term: tuple[int, int]) -> str:
    from cooperation.imports.new_subarea import SCAFFOLD
    def block(key: str, indent: int) -> str:  # the scaffold's words (labels.WORDS), the sub-area a real HYTE one
        word = "starter_hyte_title" if key == "title" else f"scaffold_{key}"
        return "\n".join(" " * indent + f"{lang}: {L.word(word, lang)}" for lang in languages)
    start, end = term[0] + 1, term[1] - 1
    text = SCAFFOLD.format(id="hyte", code="HYTE", county=county, year=start, end=max(end, start + 1),
                           year_minus=start - 1, languages_hint=" kielillä " + ", ".join(languages) if len(languages) > 1 else "",
                           title=block("title", 2), role=block("role", 6), description=block("description", 2),
                           goal=block("goal", 6), action=block("action", 10), indicator=block("indicator", 10))
    return "\n".join(line for line in text.splitlines() if "yaml-language-server" not in line) + "\n"


def _dump(data: dict, comment: str) -> str:
    from cooperation.imports.yaml_writer import dump
    return dump(data, None, comment)


# --- the repository's other files ---------------------------------------------------------------------------
def readme(names: dict[str, str], languages: list[str], tool: str) -> str:
    main = languages[0]
    template = (REGION / f"README.{main}.md").read_text(encoding="utf-8")
    return template.format(name=names[main], tool=tool, version=__version__, format=formats.FORMAT)


def pin_line(tool: str | None) -> str:
    return (tool or f"{formats.PACKAGE}=={__version__}").strip()


def region_files(args, parties: list[dict], languages: list[str], names: dict[str, str],
                 term: tuple[int, int]) -> dict[str, str | bytes]:
    county = next(p["id"] for p in parties if p["kind"] == "county")
    files: dict[str, str | bytes] = {
        "agreement/agreement.yaml": _dump(agreement_data(args.id, names, languages, term, args.scope),
                                          "Sopimuksen perustiedot. Kenttien selitykset: sivuston sivu Tietomuoto."),
        "agreement/parties.yaml": _dump({"parties": parties}, "Osapuolet siinä järjestyksessä, jossa ne numeroidaan "
                                        "sopimuksessa.\nTäydennä allekirjoittajat (signatories) ja päätökset."),
        "agreement/forums.yaml": _dump(forums_data(county, languages), "Yhteistyön foorumit ja areenat."),
        "measurements/.gitkeep": "",
        "requirements.txt": f"# {formats.PACKAGE}-työkalun versio, jolla tämä repositorio tarkistetaan ja rakennetaan "
                            "(päivitys: muuta tämä rivi)\n" + pin_line(args.tool) + "\n",
        "README.md": readme(names, languages, pin_line(args.tool)),
        ".gitignore": "/out/\n/site/\n__pycache__/\n.venv/\n",
    }
    for name in WORKFLOWS:
        files[f".github/workflows/{name}"] = (REGION / "workflows" / name).read_text(encoding="utf-8")
    return files


def _subareas_from_workbook(path: Path, parties: list[dict], languages: list[str]) -> dict[str, str]:
    from cooperation.imports.common import Report
    from cooperation.imports.template import import_workbook
    from cooperation.imports.yaml_writer import dump
    if not path.is_file():
        raise InitError(f"virhe: tiedostoa {path} ei ole")
    result = import_workbook(path, parties, languages[0])
    Report().show(result.notes)  # every uncertain cell, as import-xlsx reports it
    if result.errors:
        raise InitError("Työkirjan tuonnissa oli virheitä; mitään ei kirjoitettu.", EXIT_DATA)
    if not result.files:
        raise InitError("virhe: työkirjasta ei löytynyt yhtään osa-aluetta; mitään ei kirjoitettu.", EXIT_DATA)
    comment = f"Tuotu työkirjasta {path.name}. Tarkista kohdat, jotka tuonnin raportti luettelee."
    return {f"subareas/{ident}.yaml": dump(data, None, comment) for ident, data in result.files.items()}


# --- init ----------------------------------------------------------------------------------------------------
def _term(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d{4})\s*[-–]\s*(\d{4})\s*", text)
    if not match or not int(match.group(1)) < int(match.group(2)) <= int(match.group(1)) + 6:
        raise InitError(f"virhe: valtuustokausi ”{text}” ei kelpaa: anna vuodet muodossa 2025-2029")
    return int(match.group(1)), int(match.group(2))


def _languages(text: str) -> list[str]:
    languages = [part.strip() for part in text.split(",") if part.strip()]
    if not languages or len(set(languages)) != len(languages) or any(lang not in LANGUAGES for lang in languages):
        raise InitError(f"virhe: kielet ”{text}” eivät kelpaa: fi, sv, fi,sv tai sv,fi")
    return languages


def _empty(target: Path) -> None:
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise InitError(f"virhe: {target} ei ole kansio; mitään ei kirjoitettu")
    if target.is_dir() and any(target.iterdir()):
        raise InitError(f"virhe: kansio {target} ei ole tyhjä; uusi alue luodaan tyhjään kansioon. Mitään ei kirjoitettu.")


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, timeout=120)


def _commit(folder: Path) -> str | None:
    """The first commit of the new repository; why not, or None when made."""
    if shutil.which("git") is None:
        return "git puuttuu (apt-get install git)"
    identity: list[str] = []
    if not _git(folder, "config", "--get", "user.email").stdout.strip():
        identity = ["-c", "user.name=yhteistyosopimus init", "-c", "user.email=init@yhteistyosopimus.invalid"]
    for step in (["init", "-q", "-b", "main"], ["add", "-A"],
                 [*identity, "commit", "-q", "-m", f"Uusi alue: {formats.PACKAGE} init ({__version__})"]):
        done = _git(folder, *step)
        if done.returncode != 0:
            return f"git {' '.join(step[-3:])}: {done.stderr.strip()}"
    return None


def init(args) -> int:
    from cooperation.files import write_all_atomic
    target = Path(os.path.abspath(args.dir))
    try:
        _empty(target)
        if not SLUG.match(args.id):
            raise InitError(f"virhe: tunniste ”{args.id}” ei kelpaa: pienet kirjaimet a–z, numerot ja väliviivat")
        languages, term = _languages(args.languages), _term(args.term)
        names = {"fi": args.name, "sv": args.name_sv or args.name}
        if languages[0] == "sv":
            names = {"sv": args.name, "fi": args.name_sv or args.name}
        parties = read_parties(args.parties, languages)
        files = region_files(args, parties, languages, names, term)
        county = next(p["id"] for p in parties if p["kind"] == "county")
        files.update(_subareas_from_workbook(args.workbook, parties, languages) if args.workbook
                     else {"subareas/hyte.yaml": _subarea_text(county, languages, term)})
    except InitError as exc:
        say(str(exc))
        return exc.code
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}.init-", dir=target.parent))
    try:
        for name in {str(Path(n).parent) for n in files}:
            (work / name).mkdir(parents=True, exist_ok=True)
        write_all_atomic({work / name: content for name, content in files.items()})
        code = _check_and_build(work, args.workbook)
        if code != EXIT_OK:
            return code
        if not args.no_commit:
            problem = _commit(work)
            if problem:
                say(f"virhe: ensimmäistä committia ei tehty: {problem}; mitään ei kirjoitettu")
                return EXIT_USAGE
        if target.is_dir():
            _empty(target)  # still empty: taken whole
            target.rmdir()
        work.rename(target)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for name in sorted(files):
        say(f"Kirjoitettu {target.name}/{name}")
    say(f"Uusi alue on kansiossa {target}. Lue ensin {target.name}/README.md. Tarkistus: {formats.PACKAGE} validate; "
        f"sivusto ja asiakirjat: {formats.PACKAGE} site (kansioon out/).")
    return EXIT_OK


def _check_and_build(root: Path, workbook: Path | None) -> int:
    """validate, then the site once into root/out (ignored by git): the new repository works before it is kept."""
    from cooperation import pipeline
    from cooperation.check import reporters as reporter
    from cooperation.outputs.site.build import build_site
    from cooperation.workspace import Workspace
    workspace = Workspace()  # validate, then the site, reading the files once
    sources, result = pipeline.validate(root, workspace)
    out, err = reporter.text(result, "fi")
    sys.stderr.write(out + err)
    if result.errors:
        if workbook is not None:
            say(f"Työkirjan {workbook.name} tiedot eivät läpäise tarkistusta: täydennä työkirja tai luo alue ilman sitä "
                "ja tuo työkirja myöhemmin (yhteistyosopimus import-xlsx); laajuudella 1 (--scope 1) mittareilta ei vielä "
                "vaadita lähtö- ja tavoitetasoa. Mitään ei kirjoitettu.")
        else:
            say("Uuden alueen tiedoissa on virheitä (tämä on työkalun virhe); mitään ei kirjoitettu.")
        return EXIT_DATA
    model, sources, _ = pipeline.load_all(root, workspace)
    site = build_site(model, sources, root, root / "out")
    say(f"Sivusto rakennettu: {site.relative_to(root)}")
    return EXIT_OK


# --- serve -----------------------------------------------------------------------------------------------------
def serve(root: Path, dev_addr: str) -> int:
    """`mkdocs serve` with the tool's configuration over the data in ``root``."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    from cooperation.load.yaml_loader import load_yaml
    from cooperation.outputs.site.build import config_file
    agreement = root / "agreement" / "agreement.yaml"
    doc = load_yaml(agreement, "agreement/agreement.yaml", []) if agreement.is_file() else None
    if doc is None or not isinstance(doc.data, dict):
        say(f"virhe: kansiossa {root} ei ole luettavaa tiedostoa agreement/agreement.yaml (anna --root)")
        return EXIT_USAGE
    languages = doc.data.get("languages") or ["fi"]
    os.environ["AGREEMENT_ROOT"] = str(root)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    mkdocs_serve(config_file=str(config_file(languages[0] if languages[0] in LANGUAGES else "fi")), dev_addr=dev_addr)
    return EXIT_OK

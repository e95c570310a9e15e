"""The command line: ``python build.py COMMAND [--root DIR] [--out DIR]``.

Each command is a function returning an exit code: 0 ok, 1 problems in the data, 2 usage.
"""
from __future__ import annotations

import argparse
import os
import re
import signal
import sys
from collections.abc import Mapping
from pathlib import Path

from cooperation import __version__, pipeline
from cooperation.check import check
from cooperation.check import reporters as reporter
from cooperation.i18n.messages import LANGUAGES
from cooperation.i18n.status import language, speaking, status
from cooperation.load.sources import load_sources
from cooperation.timeliness import fixed_today
from cooperation.workspace import Workspace

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2
PROG = "yhteistyosopimus"  # the installed command; this repository's build.py is the same with its own folder as root


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # usage errors exit 2 with a Finnish hint
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: virhe: {message}\n")
        raise SystemExit(EXIT_USAGE)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", type=Path, default=None,
                        help="kansio, jossa ovat agreement/, subareas/ ja measurements/ (oletus: nykyinen kansio; "
                             "python build.py: tämä repositorio)")
    parser.add_argument("--out", type=Path, default=None,
                        help="tuloskansio, suhteessa nykyiseen kansioon (oletus: out/)")
    parser.add_argument("--today", type=_day, default=None, metavar="VVVV-KK-PP",
                        help="päivä, jonka mukaan myöhässä olevat kohdat ja tulevat vuodet arvioidaan "
                             "(oletus: SOURCE_DATE_EPOCH tai tämä päivä)")


def _day(value: str):
    import datetime
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"”{value}” ei ole päivämäärä muodossa VVVV-KK-PP") from None


def cmd_validate(args) -> int:
    if not args.root.is_dir():
        sys.stderr.write(f"virhe: kansiota {args.root} ei ole\n")
        return EXIT_USAGE
    sources, result = pipeline.validate(args.root, args.workspace)
    if args.base is not None:  # what changed since BASE: texts changed in one language only
        from cooperation.changes.diff import diff_revisions, untranslated_problems
        from cooperation.changes.gitrepo import GitError
        try:
            result.extend(untranslated_problems(diff_revisions(args.root, args.base), sources))
        except GitError as exc:
            sys.stderr.write(f"virhe: {exc}\n")
            return EXIT_USAGE
    out, err = reporter.REPORTERS[args.format](result, args.lang)
    sys.stdout.write(out)
    sys.stderr.write(err)
    return result.exit_code(strict=args.strict)


def require_agreement(args) -> None:
    """Exit 2 unless --root is a region's folder (it has agreement/)."""
    if not (args.root / "agreement").is_dir():
        sys.stderr.write(f"virhe: kansiossa {args.root} ei ole agreement/-kansiota (anna --root)\n")
        raise SystemExit(EXIT_USAGE)


def load_model(args):
    """The model and its sources, or None after printing the data's problems (the caller exits 1)."""
    from cooperation.pipeline import ModelError, load_all
    require_agreement(args)
    try:
        model, sources, _ = load_all(args.root, args.workspace)
        return model, sources
    except ModelError as exc:
        out, err = reporter.text(exc.result, language())
        sys.stderr.write(out + err)
        sys.stderr.write(status("fix_first") + "\n")
        return None


def with_model(args, produce) -> int:
    """Load the model (exit 1 with the data's problems), then produce an output from it and its sources. The folder
    and the disk (OutputFolderError, a disk's OSError) are main's to say."""
    from cooperation.files import OutputError, OutputFolderError
    from cooperation.outputs import MissingTool
    loaded = load_model(args)
    if loaded is None:
        return EXIT_DATA
    try:
        produce(*loaded)
    except OutputFolderError:
        raise
    except MissingTool as exc:  # the environment: a program missing or hung
        sys.stderr.write(f"virhe: {exc}\n")
        return EXIT_USAGE
    except OutputError as exc:
        sys.stderr.write(f"virhe: {exc}\n")
        return EXIT_DATA
    return EXIT_OK


def check_out(args) -> str | None:
    """Why the output folder of a writing command cannot be used, or None: checked before any work."""
    from cooperation.files import OutputFolderError, check_out_dir, check_replaceable
    from cooperation.outputs.names import SITE_FOLDER
    try:
        check_out_dir(args.out, args.root)
        if args.writes == "site":
            check_replaceable(args.out / SITE_FOLDER.pattern)
    except OutputFolderError as exc:
        return str(exc)
    return None


def cmd_fingerprint(args) -> int:
    return with_model(args, lambda model, sources: print(model.fingerprint))


def write_files(folder: Path, files: Mapping[str, bytes | str]) -> None:
    """The one way a command writes its files (named in cooperation/outputs/names.py) into ``folder``: all or none
    (files.write_all_atomic; a disk error is said by main, exit 2), then each named on stderr."""
    from cooperation.files import write_all_atomic
    paths = {folder / name: data for name, data in files.items()}
    write_all_atomic(paths)
    for path in paths:
        sys.stderr.write(status("written", path=path) + "\n")


def write_output(name: str, args, model, sources, **options) -> None:
    """A registered output's files into the output folder."""
    from cooperation.outputs import BY_NAME
    write_files(args.out, BY_NAME[name].files(model, sources, **options))


def cmd_docx(args) -> int:
    if args.template is not None and not args.template.is_file():
        sys.stderr.write(f"virhe: mallipohjaa {args.template} ei ole\n")
        return EXIT_USAGE

    def produce(model, sources) -> None:
        write_output("docx", args, model, sources, template=args.template)
        sys.stderr.write(status("fingerprint", fingerprint=model.fingerprint) + "\n")
    return with_model(args, produce)


def cmd_pdf(args) -> int:
    from cooperation import libreoffice
    from cooperation.outputs import pdf
    if args.template is not None and not args.template.is_file():
        sys.stderr.write(f"virhe: mallipohjaa {args.template} ei ole\n")
        return EXIT_USAGE
    if libreoffice.program() is None:  # said before loading anything: not a problem in the data
        sys.stderr.write(f"virhe: {pdf.missing_message()}; Word-versio: python build.py docx\n")
        return EXIT_USAGE

    def produce(model, sources) -> None:
        write_output("pdf", args, model, sources, template=args.template)
        sys.stderr.write(status("fingerprint", fingerprint=model.fingerprint) + "\n")
    return with_model(args, produce)
def cmd_report(args) -> int:
    """The yearly monitoring report per language (pipeline.report_files); nothing written when the year has no data."""
    from cooperation.changes.gitrepo import SHALLOW_CLONE
    from cooperation.timeliness import today

    require_agreement(args)
    try:
        made = pipeline.report_files(args.root, args.year, args.workspace)
    except pipeline.NoReport as exc:
        year, now, term = exc.year, today(), exc.term or (0, None)
        if exc.reason == "shallow":
            sys.stderr.write(f"virhe: vuoden {year} tallennettua versiota ei löydy: {SHALLOW_CLONE}\n")
            return EXIT_USAGE
        sys.stderr.write("virhe: " + {
            "future": f"vuodelta {year} ei ole vielä seurantatietoja (tänään on {now.day}.{now.month}.{now.year})",
            "term": f"vuodelta {year} ei ole seurantatietoja: sopimus on voimassa {term[0]}–{term[1] or ''}",
            "no_version": f"vuodelta {year} ei ole tallennettua versiota (git-historiassa ei ole vuoden {year} tai "
                          "sitä aiempaa versiota); raportin voi tehdä vain tallennetuista tiedoista"}[exc.reason] + "\n")
        return EXIT_DATA
    except pipeline.ModelError as exc:
        out, err = reporter.text(exc.result, language())
        sys.stderr.write(out + err + status("fix_first") + "\n")
        return EXIT_DATA
    write_files(args.out, made)
    return EXIT_OK


def _year(value: str) -> int:
    """A year as YEAR takes it: four digits (report 0, -1 or +2026 is not a year)."""
    if not re.fullmatch(r"[1-9][0-9]{3}", value):
        raise argparse.ArgumentTypeError(f"”{value}” ei ole vuosiluku (neljä numeroa, esim. 2026)")
    return int(value)


def cmd_site(args) -> int:
    from cooperation.changes.gitrepo import has_remote, public_url, repository_url
    from cooperation.outputs.site.build import build_site

    def produce(model, sources) -> None:
        target = build_site(model, sources, args.root, args.out)
        sys.stderr.write(status("site_written", path=target) + "\n")
        if not public_url(os.environ.get("REPOSITORY_URL")) and not repository_url(args.root):
            sys.stderr.write(status("no_edit_links_remote" if has_remote(args.root) else "no_edit_links") + "\n")
    return with_model(args, produce)


def cmd_diff(args) -> int:
    import json

    from cooperation.changes import consultation
    from cooperation.changes.diff import MIN_MAX_CHARS, to_json
    from cooperation.changes.gitrepo import GitError
    if args.max_chars is not None and args.max_chars < MIN_MAX_CHARS:
        sys.stderr.write(f"virhe: --max-chars on vähintään {MIN_MAX_CHARS}\n")
        return EXIT_USAGE
    try:  # the statements of the newer revision's consultation rounds that concern the changed items come along
        diff, statements = consultation.diff_with_statements(args.root, args.base, args.head)
    except GitError as exc:
        sys.stderr.write(f"virhe: {exc}\n")
        return EXIT_USAGE
    if args.format == "json":
        data = {**to_json(diff, args.lang), "statements": [c.as_json() for c in statements]}
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(consultation.markdown(diff, statements, args.lang, max_chars=args.max_chars))
    return EXIT_OK


def cmd_statements(args) -> int:
    """The summary of a consultation round's statements and responses (Word), one per language, into OUT."""
    refused: list[str] = []

    def produce(model, sources) -> None:
        known = [r.id for r in model.consultations]
        if not known or (args.round is not None and args.round not in known):
            sys.stderr.write(f"virhe: lausuntokierrosta ”{args.round or ''}” ei ole (agreement/consultations.yaml); "
                             f"kierrokset: {', '.join(known) or 'ei yhtään'}\n")
            refused.append(args.round or "")
            return
        write_output("statements", args, model, sources, round=args.round)
    code = with_model(args, produce)
    return EXIT_DATA if refused else code


def cmd_import_statements(args) -> int:
    from cooperation.imports.import_statements import import_statements
    return import_statements(args.file, args.root, args.round, day=args.date, format=args.format, lang=args.lang)


def cmd_approvals(args) -> int:
    from cooperation.outputs.approvals import render
    loaded = load_model(args)
    if loaded is None:
        return EXIT_DATA
    model, sources = loaded
    if args.lang not in model.languages:
        sys.stderr.write(f"virhe: sopimus ei ole kielellä {args.lang} (languages: {', '.join(model.languages)})\n")
        return EXIT_USAGE
    assert model.version_state is not None  # the pipeline derives it for every model it loads
    sys.stdout.write(render(model, model.version_state, args.format, args.lang))
    return EXIT_OK


def cmd_amendment(args) -> int:
    from cooperation.changes.gitrepo import GitError
    from cooperation.outputs.docx.amendment import NothingToDecide
    if not (args.root / "agreement").is_dir():
        sys.stderr.write(f"virhe: kansiossa {args.root} ei ole agreement/-kansiota (anna --root)\n")
        return EXIT_USAGE
    request = None
    if args.rationale is not None:
        try:
            request = args.rationale.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            sys.stderr.write(f"virhe: perustelutiedostoa {args.rationale} ei voi lukea: {exc}; mitään ei kirjoitettu\n")
            return EXIT_USAGE
    try:
        files = pipeline.amendment_files(args.root, args.base, args.head, request, args.workspace)
    except GitError as exc:
        sys.stderr.write(f"virhe: {exc}; mitään ei kirjoitettu\n")
        return EXIT_USAGE
    except pipeline.ModelError as exc:
        out, err = reporter.text(exc.result, language())
        sys.stderr.write(out + err + "Verrattavassa versiossa on virheitä; mitään ei kirjoitettu.\n")
        return EXIT_DATA
    except pipeline.SameText as exc:
        both = (f"versiolla ”{args.base}” ja työkopiolla" if args.head is None
                else f"versioilla ”{args.base}” ja ”{args.head}”")
        sys.stderr.write(f"virhe: {both} on sama sormenjälki ({exc.fingerprint[:12]}…): sopimuksen teksti ei ole "
                         "muuttunut, joten päätettävää ei ole; mitään ei kirjoitettu\n")
        return EXIT_DATA
    except NothingToDecide as exc:
        what = {"monitoring": "vain seurantapäivityksiä", "editorial": "vain toimituksellisia muutoksia"}.get(
            exc.change_class or "", "sopimuksen tiedot eivät ole muuttuneet")
        sys.stderr.write(f"virhe: versioiden välillä ei ole sopimusmuutoksia ({what}), joten päätettävää ei ole: "
                         "valtuustoilla ei ole hyväksyttävää; muutospakettia ei tehty, mitään ei kirjoitettu\n")
        return EXIT_DATA
    write_files(args.out, files)
    return EXIT_OK


def cmd_codeowners(args) -> int:
    from cooperation.outputs import codeowners
    from cooperation.outputs.names import CODEOWNERS
    if not args.root.is_dir():
        sys.stderr.write(f"virhe: kansiota {args.root} ei ole\n")
        return EXIT_USAGE
    sources = load_sources(args.root)
    # validate's check without its CODEOWNERS post-check (what this command fixes): never write
    # from data that validate rejects
    result = check(sources)
    if result.errors:
        out, err = reporter.text(result, language())
        sys.stderr.write(out + err)
        sys.stderr.write("Korjaa virheet ensin; CODEOWNERS-tiedostoa ei kirjoitettu.\n")
        return EXIT_DATA
    content = codeowners.render(sources)
    if content is None:
        sys.stderr.write("Kenelläkään ei ole GitHub-tunnusta (github); CODEOWNERS-tiedostoa ei kirjoitettu.\n")
        return EXIT_OK
    target = codeowners.path(args.root)
    root = Path(os.path.realpath(args.root))
    if target.is_symlink() or target.parent.is_symlink() or root not in Path(os.path.realpath(target)).parents:
        sys.stderr.write(f"virhe: {target} on linkki; CODEOWNERS-tiedostoa ei kirjoitettu linkin kautta.\n")
        return EXIT_USAGE
    write_files(args.root, {CODEOWNERS.pattern: content})
    return EXIT_OK


def cmd_export_xlsx(args) -> int:
    from cooperation.timeliness import today
    if args.year is not None and not 1900 <= args.year <= today().year:
        sys.stderr.write(f"virhe: vuosi {args.year} ei kelpaa: mittaustulosten vuosi on välillä 1900–{today().year}\n")
        return EXIT_USAGE
    if args.party is None:
        return with_model(args, lambda model, sources: write_output("xlsx", args, model, sources, year=args.year))

    unknown: list[str] = []

    def produce(model, sources) -> None:
        from cooperation.outputs import BY_NAME
        from cooperation.outputs.names import PARTY_WORKBOOK
        if args.party not in {p.id for p in model.parties}:
            sys.stderr.write(f"virhe: osapuolta ”{args.party}” ei ole (agreement/parties.yaml); anna osapuolen "
                             f"tunniste: {', '.join(p.id for p in model.parties)}\n")
            unknown.append(args.party)
            return
        # a party's copy: its own rows highlighted, its id in the commenting party's column
        write_files(args.out, {PARTY_WORKBOOK.of(model, lang, party=args.party): data for lang, data
                               in BY_NAME["xlsx"].by_language(model, sources, party=args.party, year=args.year).items()})
    code = with_model(args, produce)
    return EXIT_USAGE if unknown else code


def cmd_import_xlsx(args) -> int:
    from cooperation.imports.import_xlsx import import_xlsx
    return import_xlsx(args.file, args.root, force=args.force, format=args.format, lang=args.lang, out=args.out)


def cmd_import_measurements(args) -> int:
    from cooperation.imports.import_measurements import import_measurements
    return import_measurements(args.file, args.root, format=args.format, lang=args.lang)


def cmd_new_subarea(args) -> int:
    from cooperation.imports.new_subarea import new_subarea
    return new_subarea(args.id, args.root, force=args.force)


def cmd_migrate(args) -> int:
    from cooperation.imports.migrate import migrate
    return migrate(args.root)


def cmd_init(args) -> int:
    from cooperation.region import init
    return init(args)


def cmd_serve(args) -> int:
    from cooperation.region import serve
    return serve(args.root, args.dev_addr)


def cmd_reference(args) -> int:
    from cooperation.outputs.names import REFERENCE
    from cooperation.outputs.reference import markdown
    write_files(args.out, {REFERENCE.pattern: markdown()})
    return EXIT_OK


def _report_options(parser: argparse.ArgumentParser) -> None:
    """--format and --lang as validate has them: an import reports its problems as validate does."""
    parser.add_argument("--format", choices=sorted(reporter.REPORTERS), default="text",
                        help="tulosteen muoto: text, github (GitHub-huomautukset) tai json")
    parser.add_argument("--lang", choices=list(LANGUAGES), default=None,
                        help="viestien kieli (oletus: sopimuksen ensimmäinen kieli)")


def make_parser(prog: str = PROG) -> argparse.ArgumentParser:
    parser = _Parser(prog=prog, description="Strategisen yhteistyösopimuksen työkalut.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True

    validate = commands.add_parser("validate", help="tarkista sopimuksen tiedostot")
    _common(validate)
    _report_options(validate)
    validate.add_argument("--strict", action="store_true", help="varoituksetkin johtavat virhekoodiin 1")
    validate.add_argument("--base", default=None, metavar="REV",
                          help="vertaa versioon REV (esim. main): varoita tekstistä, joka muuttui vain yhdellä kielellä")
    validate.set_defaults(func=cmd_validate)

    docx = commands.add_parser("docx", help="tee allekirjoitettava Word-sopimus jokaisella sopimuksen kielellä")
    _common(docx)
    docx.add_argument("--template", type=Path, default=None, help="oma mallipohja (oletus: templates/agreement.docx)")
    docx.set_defaults(func=cmd_docx, writes="files")

    pdf = commands.add_parser("pdf", help="tee sopimuksesta PDF jokaisella sopimuksen kielellä (Word-versiosta LibreOfficella)")
    _common(pdf)
    pdf.add_argument("--template", type=Path, default=None, help="oma Word-mallipohja (oletus: templates/agreement.docx)")
    pdf.set_defaults(func=cmd_pdf, writes="files")

    site = commands.add_parser("site", help="rakenna julkinen verkkosivusto (OUT/site)")
    _common(site)
    site.set_defaults(func=cmd_site, writes="site")

    report_cmd = commands.add_parser("report", help="tee vuoden seurantaraportti (Word) jokaisella sopimuksen kielellä")
    _common(report_cmd)
    report_cmd.add_argument("year", type=_year, help="raportin vuosi, esim. 2026")
    report_cmd.set_defaults(func=cmd_report, writes="files")

    diff = commands.add_parser("diff", help="sopimuksen muutokset kahden git-version välillä")
    _common(diff)
    diff.add_argument("base", help="vertailtava versio (mikä tahansa git-viittaus, esim. main tai v1.0)")
    diff.add_argument("head", nargs="?", default=None, help="uudempi versio (oletus: työkopio)")
    diff.add_argument("--format", choices=["markdown", "json"], default="markdown")
    diff.add_argument("--lang", choices=["fi", "sv", "en"], default=None, help="kieli (oletus: sopimuksen ensimmäinen kieli)")
    diff.add_argument("--max-chars", type=int, default=None, metavar="N",
                      help="Markdown enintään N merkkiä, katkaistuna kokonaisen rivin kohdalta "
                           "(pull requestin kommentissa saa olla enintään 65 536 merkkiä)")
    diff.set_defaults(func=cmd_diff)

    owners = commands.add_parser("codeowners", help="päivitä .github/CODEOWNERS vastuuhenkilöiden GitHub-tunnuksista")
    _common(owners)
    owners.set_defaults(func=cmd_codeowners)

    export_xlsx = commands.add_parser("export-xlsx", help="kirjoita työkirja (Excel) tiedoista: OUT/<tunniste>-tyokirja.xlsx")
    _common(export_xlsx)
    export_xlsx.add_argument("--party", default=None,
                             help="osapuolen tunniste: osapuolen oma kopio, jossa ovat sitä koskevat rivit")
    export_xlsx.add_argument("--year", type=int, default=None, metavar="VVVV",
                             help="vuosi, jonka mittaustulokset työkirjaan kirjoitetaan (oletus: edellinen vuosi)")
    export_xlsx.set_defaults(func=cmd_export_xlsx, writes="files")

    import_xlsx = commands.add_parser("import-xlsx", help="tuo Kuntaliiton työkirja osa-alueiden tiedostoiksi")
    _common(import_xlsx)
    import_xlsx.add_argument("file", type=Path, help="työkirja (.xlsx)")
    import_xlsx.add_argument("--force", action="store_true", help="korvaa olemassa olevat osa-alueiden tiedostot")
    _report_options(import_xlsx)
    import_xlsx.set_defaults(func=cmd_import_xlsx, writes="files")  # the comments go to OUT

    measurements = commands.add_parser("import-measurements",
                                       help="tuo mittaritiedot (Sotkanetin CSV tai JSON, tai taulukko indicator,area,year,value)")
    _common(measurements)
    measurements.add_argument("file", type=Path)
    _report_options(measurements)
    measurements.set_defaults(func=cmd_import_measurements)

    statements = commands.add_parser("statements", help="lausuntoyhteenveto ja vastineet (Word) jokaisella sopimuksen "
                                     "kielellä: OUT/<tunniste>-lausuntoyhteenveto-<kieli>.docx")
    _common(statements)
    statements.add_argument("--round", default=None, metavar="KIERROS",
                            help="lausuntokierroksen tunniste (oletus: viimeisin alkanut, päättynyt ensin)")
    statements.set_defaults(func=cmd_statements, writes="files")

    import_statements = commands.add_parser("import-statements",
                                            help="tuo lausunnot kierrokselle: verkkolomakkeen CSV-vienti tai "
                                                 "työkirjojen kommentit (OUT/kommentit.json)")
    _common(import_statements)
    import_statements.add_argument("file", type=Path, help="lomakkeen CSV-tiedosto tai kommentit.json")
    import_statements.add_argument("--round", required=True, metavar="KIERROS", help="lausuntokierroksen tunniste")
    import_statements.add_argument("--date", type=_day, default=None, metavar="VVVV-KK-PP",
                                   help="kommenttien saapumispäivä (kommentit.json; oletus: tämä päivä)")
    _report_options(import_statements)
    import_statements.set_defaults(func=cmd_import_statements)

    scaffold = commands.add_parser("new-subarea", help="luo uuden osa-alueen tiedosto ohjeineen")
    _common(scaffold)
    scaffold.add_argument("id", help="osa-alueen tunniste, esim. kulttuuri")
    scaffold.add_argument("--force", action="store_true", help="korvaa olemassa oleva tiedosto")
    scaffold.set_defaults(func=cmd_new_subarea)

    fingerprint = commands.add_parser("fingerprint", help="tulosta sopimuksen sisällön sormenjälki (SHA-256)")
    _common(fingerprint)
    fingerprint.set_defaults(func=cmd_fingerprint)

    amendment = commands.add_parser("amendment", help="muutospaketti valtuustoille: sopimus muutokset näkyvinä "
                                    "(Word), muutosliite ja päätösesitys jokaisella sopimuksen kielellä")
    _common(amendment)
    amendment.add_argument("base", help="muutettava versio (git-viittaus, esim. v1.0)")
    amendment.add_argument("head", nargs="?", default=None, help="muutettu versio (oletus: työkopio)")
    amendment.add_argument("--rationale", type=Path, default=None, metavar="TIEDOSTO",
                           help="muutoksen perustelut (Markdown, esim. pull requestin kuvaus), kun tiedoissa ei ole "
                                "tämän muutoksen perusteluja (agreement.yaml: rationale)")
    amendment.set_defaults(func=cmd_amendment, writes="files")

    approvals = commands.add_parser("approvals", help="osapuolten hyväksynnät sopimuksen versioittain (osapuolet × versiot)")
    _common(approvals)
    approvals.add_argument("--format", choices=["text", "json", "csv"], default="text")
    approvals.add_argument("--lang", choices=["fi", "sv"], default=None,
                           help="osapuolten nimien ja sanojen kieli (oletus: sopimuksen ensimmäinen kieli)")
    approvals.set_defaults(func=cmd_approvals)

    migrate = commands.add_parser("migrate", help="päivitä tiedot työkalun nykyiseen tietomuotoon (muuttaa tiedostoja "
                                  "paikallaan: kommentit, järjestys ja lainausmerkit säilyvät)")
    _common(migrate)
    migrate.set_defaults(func=cmd_migrate)

    init = commands.add_parser("init", help="luo uuden alueen repositorio tyhjään kansioon DIR")
    init.add_argument("dir", type=Path, metavar="DIR", help="uusi tai tyhjä kansio")
    init.add_argument("--id", required=True, help="sopimuksen tunniste, esim. pohjanmaa-2026")
    init.add_argument("--name", required=True, help="sopimuksen nimi (ensimmäisellä kielellä)")
    init.add_argument("--name-sv", default=None, help="sopimuksen nimi ruotsiksi (kaksikielinen sopimus)")
    init.add_argument("--languages", default="fi", help="kielet pilkuin, ensimmäinen pääkieli: fi, sv, fi,sv tai sv,fi")
    init.add_argument("--term", required=True, metavar="VVVV-VVVV", help="valtuustokausi, esim. 2025-2029")
    init.add_argument("--parties", type=Path, metavar="CSV", required=True,
                      help="osapuolet CSV-tiedostosta: name,kind,business_id (halutessa id ja name_sv; kind esim. "
                           "hyvinvointialue, kunta, kaupunki, maakunnan liitto)")
    init.add_argument("--workbook", type=Path, metavar="XLSX", default=None,
                      help="käsin täytetty Kuntaliiton työkirja: osa-alueet tavoitteineen (vastuutahot osapuolten "
                           "nimistä); ilman sitä yksi osa-alue täydennettäväksi")
    init.add_argument("--scope", type=int, choices=(1, 2, 3), default=2,
                      help="laajuus: 1 yleiset tavoitteet ja rakenteet, 2 tarkennetut tavoitteet (oletus; mittareilla "
                           "lähtö- ja tavoitetaso), 3 myös toimeenpano")
    init.add_argument("--tool", default=None, metavar="VAATIMUS",
                      help="työkalun kiinnitys requirements.txt-tiedostoon (oletus: yhteistyosopimus==tämä versio)")
    init.add_argument("--no-commit", action="store_true", help="älä tee ensimmäistä git-committia")
    init.set_defaults(func=cmd_init)

    serve = commands.add_parser("serve", help="esikatsele sivustoa selaimessa; päivittyy, kun tiedostoja muokataan")
    _common(serve)
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="OSOITE:PORTTI")
    serve.set_defaults(func=cmd_serve)

    reference = commands.add_parser("reference", help="kirjoita tietomuodon kuvaus skeemasta (OUT/tietomuoto.md)")
    _common(reference)
    reference.set_defaults(func=cmd_reference, writes="files")
    return parser


def _check_source_date_epoch() -> str | None:
    """SOURCE_DATE_EPOCH (reproducible builds) must be whole seconds since 1970: MkDocs and the Word
    output would otherwise fail deep inside. An empty value means unset, as most tools read it."""
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if value is None:
        return None
    if not value.strip():
        del os.environ["SOURCE_DATE_EPOCH"]
        return None
    if not value.strip().isascii() or not value.strip().isdigit() or len(value.strip()) > 11:
        return (f"ympäristömuuttujan SOURCE_DATE_EPOCH arvo ”{value[:20]}” ei ole sekuntimäärä vuoden 1970 alusta "
                "(esim. 1767225600); korjaa se tai poista muuttuja")
    return None


def region_language(root: Path) -> str:
    """The first language of the agreement in ``root`` (agreement/agreement.yaml's `languages`), read leniently:
    "fi" when the file is missing, too large or not what it should be (validate says why). Read as every data file
    is (libyaml, no link followed, no special file, nesting limited), not with PyYAML's Python parser: 1.6 ms for the
    example's, not 19 ms (a fifth of a `fingerprint` of it in a warm process)."""
    from cooperation.load.yaml_loader import load_yaml
    doc = load_yaml(root / "agreement" / "agreement.yaml", "agreement/agreement.yaml", [])
    data = doc.data if doc is not None else None
    languages = data.get("languages") if isinstance(data, dict) else None
    first = languages[0] if isinstance(languages, list) and languages else None
    return first if first in ("fi", "sv") else "fi"


def console() -> None:
    """The installed command `yhteistyosopimus`: the data's folder is the current one unless --root says."""
    sys.exit(main())


def main(argv: list[str] | None = None, *, default_root: Path | None = None, prog: str = PROG) -> int:
    """Run one command. ``default_root``: the data's folder without --root (the current folder when None;
    `build.py` gives this repository's)."""
    from cooperation.background import Stopped, stop_on_signals
    from cooperation.files import OutputError, refused, run_folder
    parser = make_parser(prog)
    args = parser.parse_args(argv)
    # absolute once, here: MkDocs would resolve a relative folder against mkdocs.yml's, not the current one
    if getattr(args, "out", None) is None:
        args.out = Path("out")
    args.out = Path(os.path.abspath(args.out))
    if getattr(args, "root", None) is None:
        args.root = default_root if default_root is not None else Path.cwd()
    args.root = Path(os.path.abspath(args.root))
    args.workspace = Workspace()  # what this command reads and computes once (cooperation/workspace.py)
    problem = _check_source_date_epoch()
    if problem:
        sys.stderr.write(f"virhe: {problem}\n")
        return EXIT_USAGE
    try:
        if getattr(args, "writes", None):
            problem = check_out(args)
            if problem:
                sys.stderr.write(f"virhe: {problem}\n")
                return EXIT_USAGE
        # the region's users' language: the agreement's first one, unless --lang says otherwise (issue 25.7)
        lang = getattr(args, "lang", None) or region_language(args.root)
        if hasattr(args, "lang") and args.lang is None:
            args.lang = lang
        # SIGTERM (a CI job cancelled, `kill`) stops the command as Ctrl-C does: every clean-up runs
        with stop_on_signals(), run_folder(), fixed_today(getattr(args, "today", None)), speaking(lang):
            return args.func(args)
    except Stopped as exc:
        sys.stderr.write(f"virhe: keskeytetty ({signal.Signals(exc.signum).name}); keskeneräiset tiedostot poistettiin, "
                         "aiemmat ovat ennallaan\n")
        return 128 + exc.signum
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - a bug, not bad data: say so plainly
        refusal = refused(exc)  # the one place the folder's and the disk's errors are said: exit 2
        if refusal is not None:
            sys.stderr.write(f"virhe: {refusal}\n")
            return EXIT_USAGE
        if isinstance(exc, OutputError):  # an output that could not be made (a program stopped at its time limit …),
            # under a command that does not say it itself (amendment, report): said as with_model says it
            sys.stderr.write(f"virhe: {exc}; mitään ei kirjoitettu\n")
            return EXIT_DATA
        if os.environ.get("COOPERATION_DEBUG"):
            raise
        sys.stderr.write(f"sisäinen virhe: {type(exc).__name__}: {exc}\n"
                         "Tämä on ohjelmavirhe eikä johdu tiedoista. Ilmoita siitä ylläpitäjille "
                         "(yksityiskohdat: COOPERATION_DEBUG=1 python build.py …).\n")
        return 70

"""The outputs' registry: every file the tool renders from the model, by name.

A command, `build.py site` and the site's downloads page read `REGISTRY` (in the spirit of Sphinx's
builders and check-jsonschema's REPORTER_BY_NAME). Adding an output is one module with a function
returning bytes, one line below, its file's name in cooperation/outputs/names.py (the table of every file the tool
writes) and one description word in cooperation/i18n/labels.py.

The modules are imported on first use: `validate` imports this package (for CODEOWNERS) and does not
pay for python-docx or openpyxl.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cooperation.background import Background, Threads
from cooperation.files import OutputError
from cooperation.outputs import names

if TYPE_CHECKING:
    from cooperation.load.sources import Sources
    from cooperation.model import Agreement

# where an output is offered on the site (`Output.site`)
EVERY_SITE = "every"  # every file on every language's site (both Word documents on both)
OWN_LANGUAGE = "own"  # a per-language output's file for the page's language only (the Swedish calendar on /sv/)
NOT_ON_SITE = ""


class MissingTool(OutputError):
    """An output needs a program that is not installed (LibreOffice for PDF): the site leaves it out."""


@dataclass(frozen=True)
class Output:
    name: str  # the registry's key
    file_name: str  # a pattern of names.py ({id}, {lang}, {suffix}, words such as {workbook}), which composes it
    description: str  # a key of i18n.labels.WORDS: what the file is, in fi and sv
    render: Callable[..., bytes]  # render(model, sources, lang, **options) → the file's bytes
    per_language: bool = False  # one file per language of the agreement, else one (in the main language)
    site: str = EVERY_SITE
    # render_all(model, sources, langs, **options) → {lang: bytes}: every language in one go, where the
    # languages share work (the Word bodies are written side by side); else render per language
    render_all: Callable[..., dict[str, bytes]] | None = None
    # the output whose files this one converts (PDF from Word): render_all gets them as made_from={lang: bytes}
    # when they are at hand (the site renders both), else it renders them itself
    made_from: str = ""
    # raises MissingTool when the program the output needs is not installed (asked before the site's files are rendered)
    require: Callable[[], None] | None = None
    # whether the model has anything for it (a summary of statements needs a consultation round); the site offers
    # an output only where it applies
    applies: Callable[[Agreement], bool] | None = None
    detail: str = ""  # what tells this file apart from others of its kind: a year, a version ("2026", "1.0")
    # several files per language (the amendment package): (language, file name) of each; render_all then gives
    # file name → bytes
    several: Callable[[Agreement], list[tuple[str, str]]] | None = None
    # the options the preview (`mkdocs serve`, rebuilt on every edit) renders it with: what it leaves out there
    in_preview: tuple[tuple[str, Any], ...] = ()

    def languages(self, model: Agreement) -> list[str]:
        return list(model.languages) if self.per_language else [model.main_language]

    def file(self, model: Agreement, lang: str) -> str:
        """The file's name: its words in the agreement's first language ("tyokirja", "arbetsbok")."""
        return names.compose(self.file_name, model.main_language, lang, id=model.id)

    def by_language(self, model: Agreement, sources: Sources, **options: Any) -> dict[str, bytes]:
        """Language → the file's bytes, for each of `languages`."""
        langs = self.languages(model)
        if self.render_all is not None:
            return self.render_all(model, sources, langs, **options)
        return {lang: self.render(model, sources, lang, **options) for lang in langs}

    def files(self, model: Agreement, sources: Sources, **options: Any) -> dict[str, bytes]:
        """File name → bytes, one per language if per language; nothing written."""
        return {self.file(model, lang): data for lang, data in self.by_language(model, sources, **options).items()}


@dataclass(frozen=True)
class Rendered:
    output: Output
    lang: str
    name: str
    data: bytes


def _module(name: str):
    return importlib.import_module(f"cooperation.outputs.{name}")


def _pdf(model: Agreement, langs: list[str], template=None, made_from: dict[str, bytes] | None = None) -> dict[str, bytes]:
    """PDF from the Word documents: those at hand, else rendered (only once LibreOffice is found)."""
    def word() -> dict[str, bytes]:
        return made_from if made_from is not None else _module("docx").render_languages(model, langs, template)
    return _module("pdf").render_languages(model, langs, word)


# in the order of the site's downloads page
REGISTRY: tuple[Output, ...] = (
    Output("xlsx", names.WORKBOOK.pattern, "dl_xlsx", lambda model, sources, lang, party=None, year=None:
           _module("workbook").export(model, sources, lang, party, year), per_language=True, site=OWN_LANGUAGE,
           render_all=lambda model, sources, langs, party=None, year=None:
           _module("workbook").export_languages(model, sources, langs, party, year)),
    Output("docx", names.DOCX.pattern, "dl_docx", lambda model, sources, lang, template=None:
           _module("docx").render(model, lang, template), per_language=True,
           render_all=lambda model, sources, langs, template=None, page_numbers=True:
           _module("docx").render_languages(model, langs, template, page_numbers),
           in_preview=(("page_numbers", False),)),  # else LibreOffice lays out the text of every edit
    Output("pdf", names.PDF.pattern, "dl_pdf", lambda model, sources, lang, template=None:
           _pdf(model, [lang], template)[lang], per_language=True, made_from="docx",
           render_all=lambda model, sources, langs, template=None, made_from=None: _pdf(model, langs, template, made_from),
           require=lambda: _module("pdf").require()),
    Output("json", names.JSON.pattern, "dl_json", lambda model, sources, lang: _module("opendata").bundle_json(sources, model)),
    Output("csv", names.MEASUREMENTS.pattern, "dl_csv", lambda model, sources, lang: _module("opendata").measurements_csv(model)),
    Output("progress", names.PROGRESS.pattern, "dl_progress",
           lambda model, sources, lang: _module("opendata").progress_csv(model)),
    Output("ics", names.CALENDAR.pattern, "dl_ics", lambda model, sources, lang: _module("opendata").ics(model, lang),
           per_language=True, site=OWN_LANGUAGE),
    Output("statements", names.STATEMENTS.pattern, "dl_statements", lambda model, sources, lang, round=None:
           _module("docx.statements").render(model, lang, round), per_language=True,
           render_all=lambda model, sources, langs, round=None: _module("docx.statements").render_languages(model, langs, round),
           applies=lambda model: _module("docx.statements").applies(model)),
)
BY_NAME: dict[str, Output] = {output.name: output for output in REGISTRY}


def offered(model: Agreement, notes: list[str] | None = None, preview: bool = False) -> list[Output]:
    """The outputs the site offers, in the registry's order. An output whose program is missing is left out,
    with why in ``notes``; a ``preview`` (`mkdocs serve`, rebuilt on every edit) leaves out the conversions
    (PDF: seconds of LibreOffice per language) the same way."""
    outputs = []
    for output in REGISTRY:
        if not output.site or (output.applies is not None and not output.applies(model)):
            continue
        why = ""
        if preview and output.made_from:
            why = f"{output.file_name}: ei tehdä esikatselussa (mkdocs serve), vain julkaistavaan sivustoon"
        elif output.require is not None:
            try:
                output.require()
            except MissingTool as exc:
                why = str(exc)
        if why:
            if notes is not None:
                notes.append(why)
            continue
        outputs.append(output)
    return outputs


def render_site_files(model: Agreement, sources: Sources, notes: list[str] | None = None,
                      preview: bool = False) -> list[Rendered]:
    """Every file the site offers (see ``offered``), in every language, in the registry's order: rendered
    once for all of the site's languages (a conversion whose program hung is left out, with why in ``notes``)."""
    outputs = offered(model, notes, preview) + ([] if preview else record(model, sources, notes))
    made, left_out = _render(model, sources, tuple(outputs), preview)
    if notes is not None:
        notes.extend(left_out)
    return [Rendered(f.output, f.lang, f.name, made[f.name]) for f in named(model, outputs) if f.name in made]


@dataclass(frozen=True)
class SiteFiles:
    """The files the site offers, named at once; their bytes rendered by a process of their own
    (background.py) while MkDocs builds the pages."""
    files: list[Rendered]  # without their bytes, in the registry's order
    background: Background[tuple[dict[str, bytes], list[str]]]
    left_out: list[str] = field(default_factory=list)  # why a file named at once was not made after all

    def made(self) -> dict[str, bytes]:
        """File name → bytes, waited for (raises as rendering would: a failed conversion fails the build). A file
        of ``files`` missing here was left out (a conversion whose program hung): ``left_out`` says why."""
        made, left_out = self.background.result()
        self.left_out[:] = left_out
        return made

    def close(self) -> None:
        """Stops the rendering if it still runs (the build stopped early): LibreOffice is not left running."""
        self.background.close()


def start_site_files(model: Agreement, sources: Sources, notes: list[str] | None = None,
                     orphaned: Callable[[], None] | None = None) -> SiteFiles:
    """The files of render_site_files, named now and rendered in the background; ``orphaned``: what the rendering
    process undoes should this one end without closing it (background.Background)."""
    outputs = offered(model, notes) + record(model, sources, notes)
    return SiteFiles(named(model, outputs), Background(_render, model, sources, tuple(outputs), orphaned=orphaned))


def named(model: Agreement, outputs: list[Output]) -> list[Rendered]:
    """The files of ``outputs``, each language's, named but without their bytes."""
    return [Rendered(output, lang, name, b"") for output in outputs for lang, name in _names(model, output)]


def _names(model: Agreement, output: Output) -> list[tuple[str, str]]:
    if output.several is not None:
        return output.several(model)
    return [(lang, output.file(model, lang)) for lang in output.languages(model)]


def _render(model: Agreement, sources: Sources, outputs: tuple[Output, ...],
            preview: bool = False) -> tuple[dict[str, bytes], list[str]]:
    """File name → bytes of the outputs, and why any was left out: a conversion whose program is missing or hung past
    its time limit (MissingTool) leaves its files out, as a missing LibreOffice does. The outputs others are made from
    first, so that the conversions (LibreOffice's processes, waited for by a thread) start early and run while the
    rest are rendered. ``preview``: each rendered with the options of its `in_preview`."""
    sources_first = sorted(outputs, key=lambda output: not any(other.made_from == output.name for other in outputs))
    rendered: dict[str, dict[str, bytes]] = {}
    left_out: list[str] = []
    with Threads(thread_name_prefix="convert") as pool:
        converting = {}
        for output in sources_first:
            if output.made_from in rendered:
                converting[output.name] = pool.submit(output.by_language, model, sources,
                                                      made_from=rendered[output.made_from])
            elif output.several is not None and output.render_all is not None:
                rendered[output.name] = output.render_all(model, sources, output.languages(model))
            else:
                rendered[output.name] = output.by_language(model, sources, **dict(output.in_preview if preview else ()))
        for name, future in converting.items():
            try:
                rendered[name] = future.result()
            except MissingTool as exc:
                left_out.append(str(exc))
    made: dict[str, bytes] = {}
    for output in outputs:
        if output.name not in rendered:  # left out: its conversion hung
            continue
        if output.several is not None:
            made.update(rendered[output.name])
        else:
            made.update((output.file(model, lang), data) for lang, data in rendered[output.name].items())
    missing = [f.name for f in named(model, [o for o in outputs if o.name in rendered]) if f.name not in made]
    if missing:  # a record document whose data could not be read after all: said, never a half-listed page
        raise OutputError(f"tiedostoja ei voitu tehdä: {', '.join(missing)}")
    return made, left_out


# --- the record: a report per completed year, the amendment package, each signed version's documents -------------
REPORT, AMENDMENT_PACKAGE, SIGNED = "report", "amendment", "signed"  # the record outputs' names start with these


def record(model: Agreement, sources: Sources, notes: list[str] | None = None) -> list[Output]:
    """The documents of the agreement's record that the site offers, from its git history: each completed year's
    monitoring report (from that year's last commit), the amendment package while the text amends the version in
    force, and each signed version's Word and PDF built from its tag. None outside git."""
    from cooperation.timeliness import today
    root = sources.root
    report = _module("docx.report")
    outputs = [Output(f"{REPORT}-{year}", names.REPORT.bound(year=year), "dl_report",
                      lambda model, sources, lang: b"", per_language=True, detail=str(year),
                      render_all=lambda model, sources, langs, year=year: report.past_year_languages(root, year, langs))
               for year in report.completed_years(model, root, today())]
    state = model.version_state
    if state is None:
        return outputs
    if state.kind == "proposal" and state.in_force is not None and state.in_force.commit:
        amendment = _module("docx.amendment")
        base = state.in_force.commit
        outputs.append(Output(AMENDMENT_PACKAGE, "", "dl_amendment", lambda model, sources, lang: b"", per_language=True,
                              detail=model.version, several=lambda model: [
                                  (lang, written.of(model, lang)) for lang in model.languages
                                  for written in names.AMENDMENT_PACKAGE],
                              render_all=lambda model, sources, langs: amendment.package_against(
                                  root, base, model, sources)))
    for version in state.versions:
        if not (version.tags and version.commit and state.all_approved(version)):
            continue
        outputs += _signed(root, state, version, notes)
    return [_remembered(output, sources) for output in outputs]


def _remembered(output: Output, sources: Sources) -> Output:
    """A record's document remembered per machine (cooperation/cache.py): it is made from old revisions and the files
    as they are, so it is kept by what it depends on — this program, its templates, the files' digest, git's commits
    and tags, the day (and SOURCE_DATE_EPOCH), the languages, the Word documents a PDF converts and the LibreOffice that
    numbers the contents' pages and converts (none, or another) — and a warm build reads no old revision (issue 31).
    An option beyond those (another template) renders it anew."""
    import base64
    import dataclasses
    import datetime
    import hashlib
    import os

    from cooperation import cache, libreoffice
    from cooperation.changes import gitrepo
    from cooperation.timeliness import today
    inner = output.render_all
    if inner is None or not sources.digest:
        return output
    templates = hashlib.sha256()
    for path in sorted((Path(__file__).resolve().parent.parent / "resources" / "templates").glob("*")):
        templates.update(path.name.encode() + b"\0" + path.read_bytes())

    def render_all(model, sources_, langs, made_from: dict[str, bytes] | None = None, **options) -> dict[str, bytes]:
        if options:
            return inner(model, sources_, langs, made_from=made_from, **options) if made_from is not None else \
                inner(model, sources_, langs, **options)
        converted = hashlib.sha256(b"".join(hashlib.sha256(made_from[k]).digest() + k.encode()
                                            for k in sorted(made_from))).hexdigest() if made_from is not None else ""
        day: datetime.date = today()
        key = "\0".join([output.name, output.detail, ",".join(langs), templates.hexdigest(), sources.digest,
                         *gitrepo.state(sources.root), day.isoformat(), os.environ.get("SOURCE_DATE_EPOCH", ""),
                         converted, libreoffice.identity()])
        found = cache.get("record-document", key)
        if isinstance(found, dict):
            return {name: base64.b64decode(data) for name, data in found.items()}
        made = inner(model, sources_, langs, made_from=made_from) if made_from is not None else \
            inner(model, sources_, langs)
        cache.put("record-document", key, {name: base64.b64encode(data).decode("ascii") for name, data in made.items()})
        return made
    return dataclasses.replace(output, render_all=render_all)


def _signed(root, state, version, notes: list[str] | None) -> list[Output]:
    """A signed version's Word documents, built from its tag, and their PDF where LibreOffice is installed."""
    from cooperation.changes.snapshot import model_at
    from cooperation.model.approvals import as_signed
    label = version.label or version.name.lstrip("v")
    name = f"{SIGNED}-{version.name}"
    made: dict = {}

    def signed_model():
        if "model" not in made:
            found = model_at(root, version.commit)
            made["model"] = None if found is None else found[0]
            if made["model"] is not None:
                made["model"].version_state = as_signed(state, version)
        return made["model"]

    def word(model, sources, langs, template=None):
        signed = signed_model()
        return {} if signed is None else _module("docx").render_languages(signed, langs, template)
    docx = Output(name, names.SIGNED_DOCX.bound(label=label), "dl_signed_docx", lambda model, sources, lang: b"",
                  per_language=True, detail=label, render_all=word)
    out = [docx]
    pdf = Output(f"{name}-pdf", names.SIGNED_PDF.bound(label=label), "dl_signed_pdf", lambda model, sources, lang: b"",
                 per_language=True, detail=label, made_from=name, require=lambda: _module("pdf").require(),
                 render_all=lambda model, sources, langs, made_from=None: {} if signed_model() is None else
                 _module("pdf").render_languages(signed_model(), langs, lambda: made_from if made_from is not None
                                                 else word(model, sources, langs)))
    try:
        _module("pdf").require()
        out.append(pdf)
    except MissingTool as exc:
        if notes is not None:
            notes.append(str(exc))
    return out


def for_site(files: list[Rendered], lang: str) -> list[Rendered]:
    """The files the site in ``lang`` offers."""
    return [f for f in files if f.output.site == EVERY_SITE or (f.output.site == OWN_LANGUAGE and f.lang == lang)]

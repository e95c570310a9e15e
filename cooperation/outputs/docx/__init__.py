"""The signable Word agreement: the model → pandoc (body) → docxtpl template (cover, signatures,
workbook annex, footer) → a reproducible .docx per language.

Beside it in this package: compose.py (the body into the template), wordml.py (language, table of contents),
pandoc_doc.py (pandoc's AST), report.py and chart.py (the yearly report), and the amendment: amendment.py (the
package a council decides on), redline.py (two rendered agreements compared part by part into one with tracked
changes), revisions.py (the tracked changes of one part: blocks, rows, runs) and words.py (words aligned).
"""
from __future__ import annotations

import datetime
import io
import os
import random
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, TemplateError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment

from cooperation import RESOURCES, compiled
from cooperation.background import Threads
from cooperation.files import OutputError, reproducible_zip
from cooperation.i18n import labels as L
from cooperation.model import Agreement, Indicator, Text
from cooperation.model import statements as S
from cooperation.model.approvals import without_history
from cooperation.outputs.docx import compose as C
from cooperation.outputs.docx import pandoc_doc as P
from cooperation.outputs.docx import wordml as W

TEMPLATE = RESOURCES / "templates" / "agreement.docx"
LANGUAGE_TAGS = {"fi": "fi-FI", "sv": "sv-SE"}  # proofing language of each document


class TemplateProblem(OutputError):
    """The template asks for something the document does not have."""


# --- the body --------------------------------------------------------------------------------
class Body(L.InLanguage):
    """Builds the numbered sections as pandoc blocks; Markdown fields are parsed in one batch."""

    def __init__(self, model: Agreement, lang: str):
        self.model, self.lang = model, lang
        self.blocks: list = []
        self._markdown: list[tuple[int, str]] = []  # (index in blocks, markdown text)
        self.section = 0
        self.sub = 0
        self.derived = 0  # the last sub-area number of this chapter (given or derived)

    def md(self, text: Text | None) -> None:
        """A Markdown field: a placeholder now, pandoc's blocks after the batch run."""
        if text:
            self._markdown.append((len(self.blocks), self.t(text)))
            self.blocks.append(None)

    def add(self, *blocks) -> None:
        self.blocks.extend(blocks)

    def heading(self, key_or_text: str, level: int = 1, *, numbered_text: str | None = None) -> str:
        if level == 1:
            self.section += 1
            self.sub = 0
            number = f"{self.section}"
        else:
            self.sub += 1
            number = f"{self.section}.{self.sub}"
        text = numbered_text if numbered_text is not None else self.w(key_or_text)
        self.add(P.header(level, f"{number} {text}"))
        return number

    def party_name(self, party_id: str) -> str:
        return self.t(self.model.party(party_id).name)

    def parties_text(self, refs: list[str]) -> str:
        return self.model.party_names(refs, self.lang)

    def finish(self) -> list:
        parsed = P.markdown_blocks([text for _, text in self._markdown])
        out: list = []
        replacements = {index: blocks for (index, _), blocks in zip(self._markdown, parsed)}
        for index, block in enumerate(self.blocks):
            if block is None:
                out.extend(replacements.get(index, []))
            else:
                out.append(block)
        return out


NO_BREAK_HYPHEN = "\u2011"


def business_id(party) -> str:
    """A business ID as the Word document prints it: whole on one line (a no-break hyphen, U+2011), never split
    after its hyphen at a line's end."""
    return party.business_id_shown.replace("-", NO_BREAK_HYPHEN)


def _own_major(numbers: list[str | None]) -> int | None:
    """The chapter a region's own section numbers put items in (7 for 7.2 and 7.3); None when none is given or
    they disagree."""
    majors = {n.split(".")[0] for n in numbers if n}
    if len(majors) != 1:
        return None
    major = next(iter(majors))
    return int(major) if major.isdigit() and int(major) > 0 else None


def chapter_numbers(owns: list[int | None]) -> list[int]:
    """Each chapter's number: its own where the region's section numbers give one (first come, first served), the
    others the free numbers in their order."""
    taken: set[int] = set()
    assigned: list[int | None] = []
    for own in owns:
        assigned.append(own if own is not None and own not in taken else None)
        if own is not None:
            taken.add(own)
    out, free = [], 1
    for own in assigned:
        if own is not None:
            out.append(own)
            continue
        while free in taken:
            free += 1
        out.append(free)
        taken.add(free)
    return out


def body_blocks(model: Agreement, lang: str) -> Body:
    """The agreement's chapters. A chapter is left out when it would be empty (a framework agreement's goals
    without any, no forums); a region's own section numbers (sub-areas 7.2 and 7.3, forum 6.4.3) number the chapters
    that hold them, the others taking the free numbers in order, and the chapters follow their numbers."""
    b = Body(model, lang)
    chapters: list[tuple[int | None, Callable[[Body], None]]] = [(None, _parties), (None, _purpose), (None, _legal)]
    if model.general_goals or model.subareas:
        chapters.append((_own_major([s.number if s.number_given else None for s in model.subareas]), _goals))
    if model.forums:
        chapters.append((_own_major([f.number for f in model.forums]), _forums))
    if model.scope >= 3:
        chapters.append((None, _implementation))
    if model.operating_rules or model.additional_rules:
        chapters.append((None, _rules))
    if model.amendment:
        chapters.append((None, _amendment))
    chapters += [(None, _validity), (None, _annexes)]
    numbers = chapter_numbers([own for own, _ in chapters])
    for number, (_, build) in sorted(zip(numbers, chapters), key=lambda pair: pair[0]):
        b.section = number - 1  # heading() counts it up
        build(b)
    b.section = max(numbers)  # the signatures follow the last chapter
    return b


def _parties(b: Body) -> None:
    model, lang = b.model, b.lang
    # parties in the file's order, which is their numbering everywhere; the defined terms from their kinds
    b.heading("parties")
    for p in model.parties:
        if p.kind == "county":
            b.add(P.para(f"{p.number}. ", P.strong(b.t(p.name)), f" ({b.w('business_id')}\u00a0{business_id(p)}), "
                         f"{b.w('hereinafter_county')}"))
        elif p.kind == "municipality":
            b.add(P.para(f"{p.number}. ", P.strong(b.t(p.name)), f" ({b.w('business_id')}\u00a0{business_id(p)})"))
        else:
            extra = "" if p.signs else f"; {b.w('does_not_sign')}"
            b.add(P.para(f"{p.number}. ", P.strong(b.t(p.name)), f" ({L.enum('party_kind', p.kind, lang)}, "
                         f"{b.w('business_id')}\u00a0{business_id(p)}{extra})"))
    municipalities = model.municipalities
    if municipalities:
        term = b.w("hereinafter_municipalities" if len(municipalities) > 1 else "hereinafter_municipality")
        b.add(P.para(f"{L.number_list([p.number for p in municipalities], lang)}: {term}."))


def _purpose(b: Body) -> None:
    b.heading("purpose_and_starting_points")
    b.heading("purpose", 2)
    b.md(b.model.purpose)
    b.heading("starting_points", 2)
    b.md(b.model.starting_points)


def _legal(b: Body) -> None:
    b.heading("legal_basis")
    legal_items = []
    for ref in b.model.legal_basis:
        legal_items.append([P.plain(P.strong(f"{b.t(ref.law)} ({ref.number}) {L.legal_section(ref.section, b.lang)}"),
                                    (": " + b.t(ref.summary)) if ref.summary else "")])
    b.add(P.bullets(legal_items))


def _goals(b: Body) -> None:
    model = b.model
    b.heading("goals")
    if model.general_goals:
        b.add(P.para(P.strong(b.w("general_goals"))))
        for goal in model.general_goals:
            b.md(goal)
    if model.scope >= 2:
        # a sub-area without its own number continues after the numbers the region gave (7.2, 7.3 → 7.4)
        given = [int(s.number.split(".")[1]) for s in model.subareas if s.number_given
                 and s.number.split(".")[0] == str(b.section) and s.number.count(".") == 1
                 and s.number.split(".")[1].isdigit()]
        b.derived = max(given, default=0)
        for subarea in model.subareas:
            _subarea(b, subarea)
    elif model.subareas:
        b.add(P.bullets([[P.plain(P.strong(f"{s.number} {b.t(s.title)}"), ": ",
                                  "; ".join(b.t(g.title) for g in s.goals))] for s in model.subareas]))


def _forums(b: Body) -> None:
    model, lang = b.model, b.lang
    b.heading("forums")
    for forum in model.forums:
        b.add(P.para(P.strong(f"{forum.number} {b.t(forum.name)}" if forum.number else b.t(forum.name))))
        kind = b.w("permanent") if forum.permanent else b.w("temporary") + (
            f" {L.date(forum.until, lang)} {b.w('until')}" if forum.until else "")
        # what the agreement says of the forum, no more: a framework agreement may leave level or rhythm open
        facts = [f"{b.w('level')}: " + ", ".join(L.enum("forum_level", v, lang) for v in forum.levels)] if forum.levels else []
        facts.append(f"{b.w('frequency')}: {L.enum('forum_frequency', forum.frequency, lang)} ({kind})"
                     if forum.frequency else kind)
        if forum.chair:
            facts.append(f"{b.w('chair')}: {b.party_name(forum.chair)}")
        b.add(P.para(" · ".join(facts)))
        if forum.owner:
            b.add(P.para(f"{b.w('own_body')}: {b.party_name(forum.owner)}"))
        if forum.members:
            b.add(P.bullets([[P.plain(b.parties_text([m.party]), ": ", b.t(m.role))] for m in forum.members]))
        b.md(forum.purpose)


def _implementation(b: Body) -> None:
    model, lang = b.model, b.lang
    b.heading("implementation")
    b.heading("annual_cycle", 2)
    rows = [[[P.plain(b.t(step.title))], [P.plain(", ".join(L.month_name(m, lang) for m in step.months))]]
            for step in model.annual_cycle]
    rows += [[[P.plain(b.t(f.name))], [P.plain(", ".join(L.month_name(m, lang) for m in f.months))]]
             for f in model.forums if f.months]
    b.add(P.table([b.w("annual_cycle"), b.w("months")], rows, [0.6, 0.4]))
    b.heading("monitoring", 2)
    b.add(P.para(b.w("monitoring_text")))


def _rules(b: Body) -> None:
    # operating rules and amendment as far as the agreement states them (a framework agreement may not)
    model, lang = b.model, b.lang
    b.heading("operating_rules")
    for key, rule in model.operating_rules.items():
        b.add(P.para(P.strong(L.field("agreement", ("operating_rules", key), lang))))
        b.md(rule)
    for title, text in model.additional_rules:
        b.add(P.para(P.strong(b.t(title))))
        b.md(text)


def _amendment(b: Body) -> None:
    b.heading("amendment")
    b.md(b.model.amendment)


def _validity(b: Body) -> None:
    model, lang = b.model, b.lang
    b.heading("validity")
    start, end = model.validity
    term_start, term_end = model.council_term
    b.add(P.para(b.w("validity_text").format(
        start=L.date(start, lang), end=L.date(end, lang) if end else b.w("until_further"),
        term_start=L.date(term_start, lang), term_end=L.date(term_end, lang) if term_end else "")))


def _annexes(b: Body) -> None:
    model, lang = b.model, b.lang
    b.heading("annexes")
    if model.annexes:
        items = []
        for annex in model.annexes:
            binding = b.w("legally_binding") if annex.legally_binding else b.w("not_legally_binding")
            parts = [P.strong(b.t(annex.title)), f" ({L.enum('annex_kind', annex.kind, lang)}, {binding}). ",
                     f"{b.w('parties')}: {b.parties_text(annex.party_refs)}."]
            if annex.url:
                parts += [" ", P.link(annex.url, annex.url)]
            items.append([P.plain(*parts)])
        b.add(P.bullets(items))
    else:
        b.add(P.para(b.w("no_annexes")))


def _indicator_cells(b: Body, indicator: Indicator) -> list[list]:
    lang = b.lang
    baseline = L.dated_value(indicator.baseline, indicator.unit, indicator.decimals, lang)
    target = L.dated_value(indicator.target, indicator.unit, indicator.decimals, lang)
    source = (L.word("sotkanet", lang).format(id=indicator.sotkanet) if indicator.sotkanet
              else b.t(indicator.source_name))
    return [[P.plain(P.strong(indicator.id), " ", b.t(indicator.name))], [P.plain(baseline)], [P.plain(target)],
            [P.plain(source)]]


def _subarea(b: Body, subarea) -> None:
    lang, model = b.lang, b.model
    # the agreement's own number kept as written (7.2), else the next one in this chapter (4.3, or 7.4 after 7.3)
    b.sub += 1
    if subarea.number_given:
        goal_prefix = subarea.number
    else:
        b.derived += 1
        goal_prefix = f"{b.section}.{b.derived}"
    b.add(P.header(2, f"{goal_prefix} {b.t(subarea.title)}"))
    facts = [L.enum("group", subarea.group, lang), L.enum("basis", subarea.basis, lang)]
    b.add(P.para(P.emph(" · ".join(facts))))
    b.md(subarea.description)
    if subarea.legal_references:
        b.add(P.para(f"{b.w('legal_basis')}: " + "; ".join(f"{b.t(r.law)} ({r.number}) {L.legal_section(r.section, b.lang)}"
                                                          for r in subarea.legal_references)))
    b.add(P.para(f"{b.w('responsible_persons')}: " + "; ".join(
        f"{p.name}, {b.t(p.role)}, {b.party_name(p.party)}" for p in subarea.responsible_persons)))
    for index, goal in enumerate(subarea.goals, start=1):
        b.add(P.header(3, f"{goal_prefix}.{index} {b.t(goal.title)}"))
        b.add(P.para(P.emph(f"{b.w('goal')} {goal.id}")))
        b.md(goal.description)
        if goal.indicators:
            b.add(P.table([b.w("indicator"), b.w("baseline"), b.w("target"), b.w("source")],
                          [_indicator_cells(b, i) for i in goal.indicators], [0.40, 0.20, 0.20, 0.20]))
        if goal.actions:
            head = [b.w("action"), b.w("responsible"), b.w("lead")]
            widths = [0.48, 0.30, 0.22]
            if model.scope >= 3:
                head.append(b.w("schedule"))
                widths = [0.38, 0.26, 0.18, 0.18]  # room for a whole "Aikataulu" / "Tidsplan"
            rows = []
            for action in goal.actions:
                row = [[P.plain(P.strong(action.id), " ", b.t(action.title))],
                       [P.plain(b.parties_text(action.responsible_refs))], [P.plain(b.party_name(action.lead))]]
                if model.scope >= 3:
                    row.append([P.plain("–".join(x for x in (L.partial_date(action.schedule_start, lang),
                                                            L.partial_date(action.schedule_end, lang)) if x))])
                rows.append(row)
            b.add(P.table(head, rows, widths))
            if model.scope >= 3:
                for action in goal.actions:
                    if action.resources:
                        b.add(P.para(P.strong(f"{action.id} – {b.w('resources')}:")))
                        b.md(action.resources)
    if model.scope >= 3 and subarea.resources:
        b.add(P.para(P.strong(b.w("resources"))))
        b.md(subarea.resources)
    if subarea.notes:
        b.add(P.para(P.strong(b.w("notes"))))
        b.md(subarea.notes)


# --- the template's context ------------------------------------------------------------------
def _plain(text: str) -> str:
    return P.clean(text or "")


def workbook_rows(model: Agreement, lang: str) -> list[dict]:
    """The workbook annex: the workbook's layout, one row per sub-area."""
    from cooperation.model import goal_cells

    def t(text):
        return text.get(lang) if text else ""
    return [{key: _plain(value) for key, value in {
        "subarea": f"{s.number} {t(s.title)}\n({L.enum('basis', s.basis, lang)})",
        **goal_cells(model, s.goals, lang),
        "resources": t(s.resources),
        "notes": t(s.notes),
    }.items()} for s in model.subareas]


# The cover holds every party on its one page: up to COVER_LINES parties a line each, more as one continued
# list (30 parties fit); the footer's title at most FOOTER_TITLE characters, so the footer stays one line.
COVER_LINES = 12
FOOTER_TITLE = 50


def _cover_parties(lines: list[str]) -> list[str]:
    return lines if len(lines) <= COVER_LINES else ["; ".join(lines)]


def _footer_title(title: str) -> str:
    """A title without a short_title shortened at a word boundary: "Pitkäjärven hyvinvointialueen, …"."""
    if len(title) <= FOOTER_TITLE:
        return title
    cut = title[:FOOTER_TITLE - 1].rsplit(" ", 1)[0].rstrip(",;:–- ")
    return cut + "…"


def _blank_signatory(lang: str) -> dict[str, str]:
    """A signing party without named signatories still gets a line to sign on and lines for the name and
    position, filled in by hand (a draft can be signed on paper): nobody is invented."""
    line = "______________________________"
    return {"name": f"{L.word('name_clarification', lang)}: {line}", "title": f"{L.word('position', lang)}: {line}"}


def context(model: Agreement, lang: str, body, sections: int) -> dict:
    def t(text):
        return _plain(text.get(lang)) if text else ""
    labels = {k: _plain(L.word(k, lang)) for k in ("parties", "term", "version", "fingerprint", "fingerprint_help",
                                                  "place_and_date", "page")}
    term_start, term_end = model.council_term
    signing = [p for p in model.parties if p.signs]
    blocks = [{"heading": _plain(f"{p.number}. {t(p.name)}"),
               "signatories": [{"name": _plain(s.name), "title": t(s.title)} for s in p.signatories]
               or [_blank_signatory(lang)]} for p in signing]
    # what the cover, the mark on every page and the footer say of the version: the version state's words
    state = model.version_state or without_history(model)
    return {
        "document_type": t(model.document_type),
        "title": t(model.title),
        "cover_parties": _cover_parties([_plain(f"{p.number}.\u00a0{t(p.name)} ({business_id(p)})") for p in model.parties]),
        "term": _plain(f"{L.date(term_start, lang)}–{L.date(term_end, lang)}"),
        "version": _plain(model.version),
        "status": _plain(S.agreement_status(state, lang)),
        "date": _plain(L.date(model.version_date, lang)),
        "stamp": t(model.stamp),
        "fingerprint": model.fingerprint,
        "labels": labels,
        "body": body,
        "signatures_heading": _plain(f"{sections + 1} {L.word('signatures', lang)}"),
        "signing_parties": blocks,
        # two blocks side by side (a template of its own may still list signing_parties one by one)
        "signing_pairs": [{"left": blocks[i], "right": blocks[i + 1] if i + 1 < len(blocks) else None}
                          for i in range(0, len(blocks), 2)],
        "workbook_heading": _plain(L.word("workbook", lang)),
        "workbook_head": {"subarea": _plain(L.word("subarea", lang)), "goals": _plain(L.word("goals", lang)),
                          "actions": _plain(L.word("actions", lang)), "resources": _plain(L.word("resources", lang)),
                          "indicators": _plain(L.word("indicators", lang)), "notes": _plain(L.word("notes", lang))},
        "workbook": workbook_rows(model, lang),
        "draft_mark": _plain(S.draft_mark(state, lang)),
        "footer": _plain(f"{_footer_title(t(model.short_title))} · {L.word('version', lang)} {model.version} · "
                         f"SHA-256 {model.fingerprint[:16]}…"),
    }


def _without_workbook(docx, heading: str) -> None:
    """An agreement without sub-areas (a framework agreement) has no workbook to annex: the template's annex section
    (its heading, its table, its landscape pages) is taken out, the section before it ending the document."""
    from docx.oxml.ns import qn
    body = docx.element.body
    start = next((p for p in body.iterchildren(qn("w:p"))
                  if "".join(t.text or "" for t in p.iter(qn("w:t"))).strip() == heading), None)
    if start is None:
        return
    breaks = [p for p in body.iterchildren(qn("w:p")) if p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None
              and list(body).index(p) < list(body).index(start)]
    final = body.find(qn("w:sectPr"))
    if not breaks or final is None:
        return
    section_break = breaks[-1]
    for element in list(body)[list(body).index(start):]:
        if element is not final:
            body.remove(element)
    portrait = section_break.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
    portrait.getparent().remove(portrait)
    final.addprevious(portrait)
    body.remove(final)
    if not "".join(t.text or "" for t in section_break.iter(qn("w:t"))).strip():
        body.remove(section_break)


def render_headers_footers(data: bytes, model: Agreement, lang: str, name: str) -> bytes:
    """A document pandoc wrote with the template as its reference (the change annex, the draft decision) has the
    template's headers and footers as they are, placeholders and all: they are rendered here as the agreement's
    are, with the agreement's context, the footer naming the document (``name``) before the agreement's version
    and fingerprint, and no draft mark (the document is not the agreement)."""
    tpl = DocxTemplate(io.BytesIO(data))
    tpl.render_init()
    values = context(model, lang, None, 0)
    values.update(draft_mark="", footer=_plain(f"{name} · {values['footer']}"))
    env = TemplateParts()
    try:
        for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
            for key, xml in list(tpl.build_headers_footers_xml(values, uri, env)):
                tpl.map_headers_footers_xml(key, xml)
    except TemplateError as exc:
        raise TemplateProblem(f"Mallipohjan ylä- tai alatunniste on virheellinen: {exc}") from exc
    buffer = io.BytesIO()
    tpl.docx.save(buffer)
    return buffer.getvalue()


# --- rendering ---------------------------------------------------------------------------------
class TemplateParts(SandboxedEnvironment):
    """The environment docxtpl renders the template's parts in (sandboxed: a region's template is its own). docxtpl
    compiles each part's XML anew for every document: here each is compiled once per machine (compiled.py)."""

    def __init__(self) -> None:
        super().__init__(undefined=StrictUndefined, autoescape=True)
        self.bytecode_cache = compiled.CompiledTemplates()

    def from_string(self, source, globals=None, template_class=None):  # noqa: A002 - Jinja's signature
        return compiled.from_string(self, source, globals, template_class)


def _fixed_datetime(version_date: datetime.date | None = None) -> datetime.datetime:
    """The document's creation time: the version date when the agreement has one, else SOURCE_DATE_EPOCH."""
    if version_date is not None:
        return datetime.datetime(version_date.year, version_date.month, version_date.day)
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0") or 0)
    return datetime.datetime.fromtimestamp(epoch, datetime.UTC).replace(tzinfo=None)


def _template_paragraph(template: Path, name: str) -> str:
    from docx import Document
    doc = Document(str(template))
    texts = [p.text for p in doc.paragraphs]
    texts += [p.text for t in doc.tables for r in t.rows for c in r.cells for p in c.paragraphs]
    texts += [p.text for s in doc.sections for p in s.footer.paragraphs]
    for text in texts:
        if re.search(r"[{][{%][^}]*\b" + re.escape(name) + r"\b", text):
            return text
    return "?"


def render(model: Agreement, lang: str, template: Path | None = None) -> bytes:
    """The document in one language."""
    return render_languages(model, [lang], template)[lang]


def render_languages(model: Agreement, langs: list[str], template: Path | None = None,
                     page_numbers: bool = True) -> dict[str, bytes]:
    """The agreement in each language. The bodies are written at the same time (pandoc runs as a
    process of its own, so one language's pandoc overlaps the other's Python), then each is
    composed into the template in turn (docxcompose draws from the global random generator); last, where
    LibreOffice is installed and ``page_numbers`` asks for them (not in the preview), its layout gives the table of
    contents its page numbers."""
    template = template or TEMPLATE
    with tempfile.TemporaryDirectory() as tmp:
        def body(lang: str) -> tuple[Path, int]:
            b = body_blocks(model, lang)
            path = Path(tmp) / f"body-{lang}.docx"
            P.write_docx(b.finish(), template, path, meta={"toc-title": P.meta_string(L.word("contents", lang)),
                                                       "lang": {"t": "MetaString", "c": lang}})
            return path, b.section
        with Threads(max_workers=max(1, len(langs))) as pool:
            bodies = list(pool.map(body, langs))
        composed = {lang: _compose(model, lang, template, path, sections)
                    for lang, (path, sections) in zip(langs, bodies)}
    # the table of contents numbered from LibreOffice's layout, where it is installed (the languages side by side)
    return W.number_pages(composed) if page_numbers else composed


def _compose(model: Agreement, lang: str, template: Path, body_path: Path, sections: int) -> bytes:
    tpl = DocxTemplate(str(template))
    # docxcompose gives list numberings random ids; seed them from the content so the same
    # input gives the same document, and leave the global generator as it was.
    state = random.getstate()
    random.seed(f"{model.fingerprint}-{lang}")
    try:
        subdoc = C.body_subdoc(tpl, body_path)
    finally:
        random.setstate(state)
    env = TemplateParts()
    try:
        C.render_with_body(tpl, context(model, lang, subdoc, sections), env)
    except UndefinedError as exc:
        name = re.findall(r"'([^']+)'", str(exc))
        missing = name[-1] if name else str(exc)
        raise TemplateProblem(
            f"Mallipohjan kenttää ”{missing}” ei ole ({exc}); kappale: {_template_paragraph(template, missing)}") from exc
    except TemplateError as exc:
        raise TemplateProblem(f"Mallipohja on virheellinen: {exc}") from exc
    docx = tpl.docx
    if not model.subareas:
        _without_workbook(docx, _plain(L.word("workbook", lang)))
    props = docx.core_properties
    when = _fixed_datetime(model.version_date)
    props.title = _plain(model.title.get(lang))
    props.subject = _plain(model.document_type.get(lang))
    props.language = lang
    props.comments = f"SHA-256 {model.fingerprint}"
    props.created = props.modified = when
    W.finish(docx, LANGUAGE_TAGS.get(lang, lang))
    buffer = io.BytesIO()
    docx.save(buffer)
    return reproducible_zip(buffer.getvalue())

"""The summary of a consultation round's statements and the preparers' responses (lausuntoyhteenveto ja vastineet /
sammanställning av utlåtanden och bemötanden), one Word document per language, ready to attach to the council item
beside the agreement: the round (period, the version consulted on, who was asked), the counts per sub-area and
outcome, then per sub-area and goal each statement with its author, its text and the response.

Written as pandoc's AST: every text from the data stays text. A statement is printed in the document's language
(as given, or its translation); one given only in another language is printed as given, said so in words and marked
with its language for screen readers and spelling (its runs' w:lang)."""
from __future__ import annotations

import datetime
import io
import tempfile
from pathlib import Path

from cooperation.background import Threads
from cooperation.files import reproducible_zip
from cooperation.i18n import labels as L
from cooperation.model import Agreement
from cooperation.model.consultations import OUTCOMES, PENDING, Round, Statement, counts, grouped, in_summary, places
from cooperation.outputs.docx import TEMPLATE
from cooperation.outputs.docx import pandoc_doc as P
from cooperation.outputs.docx import wordml as W
from cooperation.timeliness import today

LANGUAGE_TAGS = {"fi": "fi-FI", "sv": "sv-SE", "en": "en-GB"}
_FOREIGN = "Kieli "  # a run in another language: pandoc's custom character style, turned into w:lang when finished


def applies(model: Agreement) -> bool:
    """Whether there is a round to summarise (the site offers the document only then)."""
    return in_summary(model, today()) is not None


def title(model: Agreement, r: Round | None, lang: str) -> str:
    head = L.word("summary_title", lang)
    return f"{head}: {r.title.get(lang)}" if r is not None else head


class _Summary(L.InLanguage):
    def __init__(self, model: Agreement, r: Round | None, lang: str):
        self.m, self.r, self.lang = model, r, lang
        self.where = places(model)
        self.blocks: list[dict] = []

    def build(self) -> list[dict]:
        m, r = self.m, self.r
        self.blocks.append(P.para(P.strong(title(m, r, self.lang))))
        self.blocks.append(P.para(self.t(m.title)))
        if r is None:
            self.blocks.append(P.para(self.w("summary_no_round")))
            return self.blocks
        self.blocks.append(P.para(self.w("summary_attach")))
        facts = [(self.w("consultation_period"), L.date_range(r.opens, r.closes, self.lang)),
                 (self.w("consultation_version"), self.version()),
                 (self.w("items_consulted"), ", ".join(r.items) if r.items else self.w("whole_draft"))]
        asked = [self.m.party_names(r.asked_party_refs, self.lang)] if r.asked_party_refs else []
        asked += [o.get(self.lang) for o in r.asked_organisations]
        if asked:
            facts.append((self.w("asked"), ", ".join(asked)))
        organisations = len({(s.party, repr(s.organisation)) for s in r.statements if not s.private})
        facts.append((self.w("statements_received"), self.w("received_n").format(
            n=len(r.statements), organisations=organisations, private=sum(1 for s in r.statements if s.private))))
        facts.append((self.w("retention"), self.t(r.retention)))
        self.blocks += [P.para(P.strong(f"{k}:"), " ", v) for k, v in facts]
        self.blocks.append(P.para(self.w("privacy_note")))
        if not r.statements:
            self.blocks.append(P.para(self.w("no_statements")))
            return self.blocks
        self.blocks.append(P.header(1, self.w("statements_by_subarea")))
        self.counts()
        groups = {key: sorted(found, key=self.author_key) for key, found in grouped(r, self.where).items()}
        for subarea in m.subareas:
            if not any(key[0] == subarea.id for key in groups):
                continue
            self.blocks.append(P.header(1, f"{subarea.number} {self.t(subarea.title)}"))
            if (subarea.id, None) in groups:
                self.statement_table(groups[(subarea.id, None)])
            for goal in subarea.goals:
                if (subarea.id, goal.id) in groups:
                    self.blocks.append(P.header(2, f"{goal.number} {self.t(goal.title)} ({goal.id})"))
                    self.statement_table(groups[(subarea.id, goal.id)])
        if (None, None) in groups:  # the agreement as a whole, and items no longer in it
            self.blocks.append(P.header(1, self.w("whole_agreement")))
            self.statement_table(groups[(None, None)])
        return self.blocks

    def version(self) -> str:
        assert self.r is not None
        v = self.r.text
        if v is None:
            return self.r.version
        return f"{v.label} ({v.fingerprint[:12]}…)" if v.label else f"{v.fingerprint[:12]}…"

    def author(self, s: Statement) -> str:
        if s.private:
            return self.w("private_person")
        if s.party:
            return self.m.party(s.party).name.get(self.lang)
        return s.organisation.get(self.lang) if s.organisation else ""

    def author_key(self, s: Statement) -> tuple:
        return (s.private, self.author(s).lower(), s.date, s.id)

    def counts(self) -> None:
        assert self.r is not None
        columns = [*OUTCOMES, PENDING]
        groups = grouped(self.r, self.where)
        rows = []
        for key, name in [(s.id, f"{s.number} {self.t(s.title)}") for s in self.m.subareas] + \
                [(None, self.w("whole_agreement"))]:
            found = [s for (subarea, _), statements in groups.items() if subarea == key for s in statements]
            if found:
                n = counts(found)
                rows.append([[P.plain(name)], [P.plain(str(len(found)))]] + [[P.plain(str(n[c]))] for c in columns])
        total = counts(self.r.statements)
        rows.append([[P.plain(P.strong(self.w("total")))], [P.plain(P.strong(str(len(self.r.statements))))]] +
                    [[P.plain(P.strong(str(total[c])))] for c in columns])
        head = [self.w("subarea"), self.w("n_statements")] + \
            [_capital(L.enum("statement_outcome", o, self.lang)) for o in OUTCOMES] + [_capital(self.w("outcome_pending"))]
        self.blocks.append(P.table(head, rows, [0.32, 0.12, 0.14, 0.14, 0.14, 0.14]))

    def statement_table(self, statements: list[Statement]) -> None:
        rows = []
        for s in statements:
            author = [P.plain(P.strong(self.author(s))),
                      P.plain(f"{L.date(s.date, self.lang)}, {s.item or self.w('whole_agreement')}, {s.id}")]
            rows.append([author, self.statement_cell(s), self.response_cell(s)])
        self.blocks.append(P.table([self.w("col_author"), self.w("col_statement"), self.w("response")], rows,
                                   [0.24, 0.4, 0.36]))

    def statement_cell(self, s: Statement) -> list[dict]:
        shown = s.text_in(self.lang)
        if shown is not None:
            text, translated = shown
            cell = [P.plain(line) for line in _paragraphs(text)]
            if translated:
                cell.append(P.plain(P.emph(f"({self.w('translation_mark')})")))
            return cell
        language = self.w(f"in_lang_{s.language}") if f"in_lang_{s.language}" in L.WORDS else s.language
        tag = LANGUAGE_TAGS.get(s.language, s.language)
        cell = [P.plain(_foreign(line, tag)) for line in _paragraphs(s.text)]
        cell.append(P.plain(P.emph(f"({self.w('statement_in').format(language=language)})")))
        return cell

    def response_cell(self, s: Statement) -> list[dict]:
        if s.response is None:
            return [P.plain(P.strong(self.w("outcome_pending")))]
        r = s.response
        cell = [P.plain(P.strong(L.enum("statement_outcome", r.outcome, self.lang)))]
        if r.reasoning:
            cell.append(P.plain(self.t(r.reasoning)))
        if r.changes:
            cell.append(P.plain(f"{self.w('changed_items')}: {', '.join(r.changes)}"))
        if r.pull_request:
            cell.append(P.plain(f"{self.w('pull_request').capitalize()} #{r.pull_request}"))
        return cell


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()] or [""]


def _foreign(text: str, tag: str) -> dict:
    """Text in another language than the document's: a span its language is given to when the document is finished."""
    return {"t": "Span", "c": [["", [], [["custom-style", _FOREIGN + tag]]], P.inlines(text)]}


def render(model: Agreement, lang: str, round_id: str | None = None) -> bytes:
    return render_languages(model, [lang], round_id)[lang]


def render_languages(model: Agreement, langs: list[str], round_id: str | None = None) -> dict[str, bytes]:
    """The summary in each language; ``round_id``: the round (default: the latest that has opened, one that has closed
    first, as the site offers it)."""
    r = in_summary(model, today(), round_id)
    with tempfile.TemporaryDirectory() as tmp:
        def one(lang: str) -> bytes:
            path = Path(tmp) / f"summary-{lang}.docx"
            P.write_docx(_Summary(model, r, lang).build(), TEMPLATE, path, meta={
                "title": P.meta_string(title(model, r, lang)), "toc-title": P.meta_string(L.word("contents", lang)),
                "lang": {"t": "MetaString", "c": lang}})
            return _finish(model, r, lang, path)
        with Threads(max_workers=max(1, len(langs))) as pool:
            return dict(zip(langs, pool.map(one, langs)))


def _finish(model: Agreement, r: Round | None, lang: str, path: Path) -> bytes:
    from docx import Document
    from docx.oxml.ns import qn
    docx = Document(str(path))
    props = docx.core_properties
    props.title = title(model, r, lang)
    props.subject = P.clean(model.title.get(lang))
    props.language = lang
    version = r.text.fingerprint if r is not None and r.text is not None else (r.version if r else "")
    props.comments = f"{r.id if r else ''} {version}".strip()
    day = r.closes if r is not None else model.version_date or model.validity[0]
    props.created = props.modified = datetime.datetime(day.year, day.month, day.day)
    for section in docx.sections:  # the agreement template's header and footer are the agreement's
        footer = f"{title(model, r, lang)} · {version[:12]}" if version else title(model, r, lang)
        for part, text in ((section.header, ""), (section.footer, footer)):
            for index, paragraph in enumerate(part.paragraphs):
                paragraph.text = text if index == 0 else ""
    W.finish(docx, LANGUAGE_TAGS.get(lang, lang))
    styles = docx.styles.element
    for style in list(styles.iter(qn("w:style"))):
        name = style.find(qn("w:name"))
        if name is not None and (name.get(qn("w:val")) or "").startswith(_FOREIGN):
            tag = name.get(qn("w:val"))[len(_FOREIGN):]
            ident = style.get(qn("w:styleId"))
            for run_style in docx.element.body.iter(qn("w:rStyle")):
                if run_style.get(qn("w:val")) == ident:
                    r_pr = run_style.getparent()
                    r_pr.remove(run_style)
                    W._set_lang(r_pr, tag)
            styles.remove(style)
    buffer = io.BytesIO()
    docx.save(buffer)
    return reproducible_zip(buffer.getvalue())

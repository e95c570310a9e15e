"""The yearly monitoring report ("Yhteistyösopimuksen seurantaraportti YEAR"), one Word document per language,
for the parties' spring evaluation: per sub-area each goal with its actions' statuses and notes and each
indicator's values for the region and every municipality with the progress level; what is overdue; a section
per party that a municipality can attach to its own welfare report.

The caller decides which data the report reads (the snapshot at the end of YEAR, see changes/snapshot.py);
this module only writes what the model holds, judged by ``as_of`` (the end of the year, or today).
"""
from __future__ import annotations

import datetime
import io
import math
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from docx.oxml.ns import qn

from cooperation.domain import REGION
from cooperation.files import reproducible_zip
from cooperation.i18n import labels as L
from cooperation.i18n.labels import CLASS_NAMES
from cooperation.model import PROGRESS_LEVELS, Agreement, Indicator, Party, Text
from cooperation.model import statements as S
from cooperation.model.approvals import without_history
from cooperation.model.status import rule_in_words
from cooperation.outputs.docx import TEMPLATE
from cooperation.outputs.docx import chart as C
from cooperation.outputs.docx import pandoc_doc as P
from cooperation.outputs.docx import wordml as W

LANGUAGE_TAGS = {"fi": "fi-FI", "sv": "sv-SE"}
YEARS_SHOWN = 4  # the newest years of values in each indicator's table
CHART_MARK = "report-chart-{n}"  # a placeholder paragraph that render() replaces with chart n


@dataclass(frozen=True)
class Snapshot:
    """Where the report's data comes from: a commit (the last of the year) or the working tree."""
    year: int
    as_of: datetime.date  # the day overdue items are judged by
    commit: str | None  # None: the working tree
    commit_date: str | None
    digest: str  # SHA-256 of the data files, monitoring included
    changes: tuple[tuple[str, str, str], ...] = ()  # (ISO date, title, change class) merged during the year


def _text(text: str) -> list[dict]:
    """Plain text as one Str a line: pandoc's Word writer joins words and single spaces into one run anyway,
    and a report has tens of thousands of cells, so pandoc reads far less."""
    out: list[dict] = []
    for i, line in enumerate(P.clean(text or "").split("\n")):
        if i:
            out.append({"t": "LineBreak"})
        if line:
            out.append({"t": "Str", "c": line})
    return out


def _parts(parts: tuple) -> list:
    return [_text(part) if isinstance(part, str) else part for part in parts]


def _para(*parts) -> dict:
    return P.para(*_parts(parts))


def _plain(*parts) -> dict:
    return P.plain(*_parts(parts))


def _strong(*parts) -> dict:
    return P.strong(*_parts(parts))


# pandoc's Word writer takes a table's column widths as shares of a fixed 5.5 in (in twentieths of a point)
_PANDOC_TEXT_WIDTH = 7920
_TABLE_START = ('<w:tbl><w:tblPr><w:tblStyle w:val="Table"/><w:tblW w:type="pct" w:w="5000"/><w:tblLayout w:type="fixed"/>'
                '<w:tblLook w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="0" '
                'w:val="0020"/>{mark}</w:tblPr><w:tblGrid>')
_RAW_TABLE = "report-raw-table"  # marks the tables written here until the document is finished
_BOLD = "<w:rPr><w:b/><w:bCs/></w:rPr>"


def _runs(inlines: list[dict], bold: bool, out: list[tuple[bool, str]]) -> bool:
    """(bold, text) of plain (and bold) text; False for anything else."""
    for inline in inlines:
        kind = inline["t"]
        if kind == "Str":
            out.append((bold, inline["c"]))
        elif kind == "Strong":
            if not _runs(inline["c"], True, out):
                return False
        else:
            return False
    return True


def _run_xml(runs: list[tuple[bool, str]]) -> str:
    """Word runs as pandoc writes them: neighbours of the same format joined into one."""
    merged: list[list] = []
    for bold, text in runs:
        if merged and merged[-1][0] == bold:
            merged[-1][1] += text
        else:
            merged.append([bold, text])
    return "".join(f'<w:r>{_BOLD if bold else ""}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
                   for bold, text in merged)


def _table(head: list[str], rows: list[list[list[dict]]], widths: list[float]) -> dict:
    """A table whose cells are plain text goes to pandoc as the Word XML pandoc itself would write: a report
    has tens of thousands of cells, and pandoc's own table writer spends most of the report's time on them.
    Any other cell (a list, say) leaves the table to pandoc."""
    out = [_TABLE_START.format(mark=f'<w:tblCaption w:val="{_RAW_TABLE}"/>')]
    out += [f'<w:gridCol w:w="{math.floor(_PANDOC_TEXT_WIDTH * w)}"/>' for w in widths]
    out.append("</w:tblGrid>")
    for index, row in enumerate([[[_plain(_strong(h))] for h in head]] + rows):
        out.append('<w:tr><w:trPr><w:tblHeader w:val="on"/></w:trPr>' if index == 0 else "<w:tr>")
        for cell in row:
            out.append("<w:tc><w:tcPr/>")
            for block in cell:
                if block["t"] != "Plain" or not block["c"]:
                    return P.table(head, rows, widths)
                runs: list[tuple[bool, str]] = []
                if not _runs(block["c"], False, runs):
                    return P.table(head, rows, widths)
                out.append(f'<w:p><w:pPr><w:pStyle w:val="Compact"/></w:pPr>{_run_xml(runs)}</w:p>')
            out.append("</w:tc>")
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return {"t": "RawBlock", "c": ["openxml", "".join(out)]}


class _Report:
    def __init__(self, model: Agreement, lang: str, snapshot: Snapshot):
        self.m, self.lang, self.s = model, lang, snapshot
        self.blocks: list = []
        self.charts: list[tuple[C.Chart, str]] = []  # (chart, alt text), in document order

    def w(self, key: str) -> str:
        return L.word(key, self.lang)

    def t(self, text: Text | None) -> str:
        return text.get(self.lang) if text else ""

    def level(self, indicator: Indicator, area: str) -> str:
        return self.w("status_" + indicator.progress(area).code)

    def status_text(self, action) -> str:
        return L.enum("action_status", action.status, self.lang)

    def late_text(self, action) -> str:
        late = action.lateness(self.s.as_of)
        if late is None:
            return ""
        when = L.partial_date(action.schedule_end if late == "past_end" else action.schedule_start, self.lang)
        return self.w("overdue_" + late).format(date=when)

    # --- sections ------------------------------------------------------------------------------
    def build(self) -> list:
        m, s = self.m, self.s
        self.blocks.append(_para(_strong(self.t(m.title))))
        if s.commit:
            self.blocks.append(_para(self.w("report_as_of_commit").format(
                year=s.year, commit=s.commit[:10], date=L.date(datetime.date.fromisoformat(s.commit_date[:10]), self.lang)
                if s.commit_date else "")))
        else:
            self.blocks.append(_para(self.w("report_as_of_tree").format(date=L.date(s.as_of, self.lang))))
        self.blocks.append(_para(self.w("report_fingerprints").format(fingerprint=m.fingerprint, digest=s.digest)))
        self.blocks.append(_para(S.state_sentence(m.version_state or without_history(m), self.lang)))
        self.blocks.append(P.header(1, self.w("status_rule_heading")))
        self.blocks.append(_para(rule_in_words(self.lang)))
        for subarea in m.subareas:
            self.subarea(subarea)
        self.removed()
        self.overdue()
        self.changes()
        self.blocks.append(P.header(1, self.w("report_parties")))
        for party in m.parties:
            self.party(party)
        return self.blocks

    def subarea(self, subarea) -> None:
        self.blocks.append(P.header(1, f"{subarea.number} {self.t(subarea.title)}"))
        for goal in subarea.goals:
            self.blocks.append(P.header(2, f"{goal.number} {self.t(goal.title)}"))
            if goal.actions:
                rows = [[[_plain(_strong(a.id), " ", self.t(a.title))], [_plain(self.m.party(a.lead).name.get(self.lang))],
                         self.action_status_cell(a)] for a in goal.actions]
                self.blocks.append(_table([self.w("action"), self.w("lead"), self.w("status")], rows, [0.45, 0.2, 0.35]))
            for indicator in goal.indicators:
                self.indicator(indicator)

    def removed(self) -> None:
        """Indicators an amendment removed: their values of the year and before, said to be history."""
        if not self.m.removed_indicators:
            return
        self.blocks.append(P.header(1, self.w("removed_indicators")))
        self.blocks.append(_para(self.w("removed_indicators_help")))
        for r in self.m.removed_indicators:
            self.blocks.append(P.header(2, f"{r.id} {self.t(r.name)}"))
            self.blocks.append(_para(self.w("removed_in").format(
                version=r.removed_in or "?", date=L.date(datetime.date.fromisoformat(r.removed_on), self.lang))))
            rows = [[[_plain(self.area_name(v.area))], [_plain(str(v.year))],
                     [_plain(L.with_unit(v.value, r.unit, r.decimals, self.lang))]]
                    for v in r.measurements if v.year <= self.s.year]
            if rows:
                self.blocks.append(_table([self.w("area"), self.w("year_column"), self.w("value_column")], rows,
                                          [0.5, 0.2, 0.3]))

    def action_status_cell(self, action) -> list:
        cell = [_plain(_strong(self.status_text(action)))]
        if action.status_reason:
            cell.append(_plain(self.t(action.status_reason)))
        updates = [u for u in action.status_history if u.date.year == self.s.year]
        if updates:
            cell.append(_plain(self.w("report_updates").format(year=self.s.year) + ":"))
            cell.append(P.bullets([[_plain(f"{L.date(u.date, self.lang)}: {L.enum('action_status', u.status, self.lang)}"
                                            + (f" – {self.t(u.note)}" if u.note else ""))] for u in updates]))
        late = self.late_text(action)
        if late:
            cell.append(_plain(_strong(late)))
        return cell

    def indicator(self, i: Indicator) -> None:
        unit = L.enum("unit", i.unit, self.lang)
        self.blocks.append(_para(_strong(f"{i.id} {self.t(i.name)}")))
        areas = i.measured_areas
        chart_years = sorted({m.year for a in areas for m in i.series(a) if m.year <= self.s.year})
        years = chart_years[-YEARS_SHOWN:]
        if not years:
            self.blocks.append(_para(self.w("report_no_values")))
            return
        # data breaks numbered once, over every year charted, so the table and the chart show the same mark
        notes: list[str] = []
        marks: dict[tuple[str, int], str] = {}
        for area in areas:
            for point in i.series(area):
                if point.note and point.year in chart_years:
                    notes.append(f"{self.area_name(area)} {point.year}: {point.note}")
                    marks[(area, point.year)] = f"*{len(notes)}"
        rows = []
        for area in areas:
            by_year = {m.year: m for m in i.series(area)}
            cells = [[_plain(self.area_name(area))]]
            for y in years:
                m = by_year.get(y)
                if m is None:
                    cells.append([_plain("–")])
                    continue
                mark = f" {marks[(area, y)]}" if (area, y) in marks else ""
                cells.append([_plain(L.number(m.value, i.decimals, self.lang) + mark)])
            cells.append([_plain(self.level(i, area))])
            rows.append(cells)
        share = 0.6 / len(years)
        self.blocks.append(_table([f"{self.w('area')} ({unit})"] + [str(y) for y in years] + [self.w("progress")], rows,
                                   [0.22] + [share] * len(years) + [0.18]))
        self.chart(i, unit, chart_years, marks)
        if notes:
            self.blocks.append(_para(self.w("report_notes") + ": " + "; ".join(f"*{n} {text}" for n, text in enumerate(notes, 1))))

    def chart(self, i: Indicator, unit: str, years: list[int], marks: dict[tuple[str, int], str]) -> None:
        """A line per area over every year up to the report's. More areas than a chart can tell apart
        (lines, markers and colours): the region's line alone, the municipalities' values are in the table."""
        areas = i.measured_areas
        if len(areas) > C.MAX_SERIES:
            if REGION not in areas:
                return
            areas = [REGION]
        series = [C.Series(self.area_name(a), {m.year: m.value for m in i.series(a) if m.year in years},
                           {y: mark for (area, y), mark in marks.items() if area == a}) for a in areas]
        title = f"{i.id} {self.t(i.name)}"
        chart = C.Chart(title=title, years=years, series=series, value_title=unit, category_title=self.w("chart_year"),
                        language_tag=LANGUAGE_TAGS.get(self.lang, self.lang), decimals=i.decimals)
        description = self.w("chart_description_" + ("bar" if len(years) == 1 else "line")).format(
            title=title, unit=unit, first=years[0], last=years[-1], areas=", ".join(s.name for s in series))
        if marks and any(a in areas for a, _ in marks):
            description += " " + self.w("chart_description_breaks")
        if len(areas) < len(i.measured_areas):
            description += " " + self.w("chart_region_only")
        self.blocks.append(_para(CHART_MARK.format(n=len(self.charts))))
        self.charts.append((chart, description))
        if len(areas) < len(i.measured_areas):
            self.blocks.append(_para(self.w("chart_region_only")))

    def area_name(self, area: str) -> str:
        return self.w("region").capitalize() if area == REGION else self.m.party(area).name.get(self.lang)

    def overdue(self) -> None:
        self.blocks.append(P.header(1, self.w("report_overdue")))
        items = [[_plain(_strong(a.id), f" {self.t(a.title)}: {self.late_text(a)}")]
                 for a in self.m.actions if a.lateness(self.s.as_of)]
        items += [[_plain(_strong(i.id), f" {self.t(i.name)}: " + self.w("stale_indicator").format(year=i.newest_year))]
                  for i in self.m.indicators if i.stale(self.s.as_of)]
        self.blocks.append(P.bullets(items) if items else _para(self.w("report_no_overdue")))

    def changes(self) -> None:
        """What was merged during the year, from git, oldest first; nothing outside a repository."""
        self.blocks.append(P.header(1, self.w("report_changes").format(year=self.s.year)))
        if not self.s.changes:
            self.blocks.append(_para(self.w("report_no_changes")))
            return
        self.blocks.append(P.bullets([[_plain(f"{L.date(datetime.date.fromisoformat(day[:10]), self.lang)}: {title} "
                                               f"({CLASS_NAMES[cls][self.lang]})")]
                                      for day, title, cls in self.s.changes]))

    def party(self, p: Party) -> None:
        self.blocks.append(P.header(2, self.t(p.name)))
        actions = [a for a in self.m.actions if p.id in a.responsible_set]
        leads = [a for a in actions if a.lead == p.id]
        area = p.id if p.kind == "municipality" else REGION
        own = [i for i in self.m.indicators if i.series(area)]
        parts = [self.w("leads_n").format(n=len(leads)), self.w("takes_part_n").format(n=len(actions) - len(leads))]
        delayed = sum(1 for a in actions if a.status == "delayed")
        if delayed:
            parts.append(f"{delayed} {L.enum('action_status', 'delayed', self.lang)}")
        late = sum(1 for a in actions if a.lateness(self.s.as_of))
        if late:
            parts.append(self.w("late_n").format(n=late))
        summary = ", ".join(parts)
        if own:
            counts = [(level, sum(1 for i in own if i.progress(area).code == level)) for level in PROGRESS_LEVELS]
            summary += ". " + self.w("indicators_n").format(n=len(own)) + ": " + "; ".join(
                f"{n} {self.w('status_' + level)}" for level, n in counts if n)
        self.blocks.append(_para(_strong(summary[:1].upper() + summary[1:] + ".")))
        if leads:
            self.blocks.append(_para(_strong(self.w("party_leads"))))
            self.blocks.append(_table([self.w("action"), self.w("status")],
                                       [[[_plain(_strong(a.id), " ", self.t(a.title))], self.action_status_cell(a)]
                                        for a in leads], [0.6, 0.4]))
        if own:
            self.blocks.append(_para(_strong(self.w("indicators"))))
            head = [self.w("indicator")] + ([self.w("own_value")] if area != REGION else []) + \
                [self.w("region_value"), self.w("progress")]
            rows = []
            for i in own:
                mine = i.series(area)[-1]
                region = i.series(REGION)
                row = [[_plain(f"{i.id} {self.t(i.name)}")]]
                if area != REGION:
                    row.append([_plain(L.dated_value((mine.year, mine.value), i.unit, i.decimals, self.lang))])
                row.append([_plain(L.dated_value((region[-1].year, region[-1].value), i.unit, i.decimals, self.lang)
                                    if region else "–")])
                row.append([_plain(self.level(i, area))])
                rows.append(row)
            widths = [0.4, 0.2, 0.2, 0.2] if area != REGION else [0.5, 0.25, 0.25]
            self.blocks.append(_table(head, rows, widths))
        taking_part = {a.id for a in actions if a.lead != p.id}
        if taking_part:
            self.blocks.append(_para(_strong(self.w("party_takes_part"))))
            by_subarea = []
            for subarea in self.m.subareas:
                ids = [f"{a.id} ({self.status_text(a)})" for g in subarea.goals for a in g.actions if a.id in taking_part]
                if ids:
                    by_subarea.append([_plain(f"{subarea.number} {self.t(subarea.title)}: " + ", ".join(ids))])
            self.blocks.append(P.bullets(by_subarea))


def title(year: int, lang: str) -> str:
    return L.word("report_title", lang).format(year=year)


def render(model: Agreement, lang: str, snapshot: Snapshot) -> bytes:
    return render_languages(model, [lang], snapshot)[lang]


def render_languages(model: Agreement, langs: list[str], snapshot: Snapshot) -> dict[str, bytes]:
    """The report in each language. The bodies are written at the same time (pandoc runs as a process of
    its own, so one language's pandoc overlaps the other's Python), then each is finished in turn."""
    with tempfile.TemporaryDirectory() as tmp:
        def body(lang: str) -> tuple[Path, list[tuple[C.Chart, str]]]:
            report = _Report(model, lang, snapshot)
            blocks = report.build()
            path = Path(tmp) / f"report-{lang}.docx"
            P.write_docx(blocks, TEMPLATE, path, meta={
                "title": P.meta_string(title(snapshot.year, lang)),
                "toc-title": P.meta_string(L.word("contents", lang)), "lang": {"t": "MetaString", "c": lang}})
            return path, report.charts
        with ThreadPoolExecutor(max_workers=max(1, len(langs))) as pool:
            bodies = list(pool.map(body, langs))
        return {lang: _finish(model, lang, snapshot, path, charts) for lang, (path, charts) in zip(langs, bodies)}


def _finish(model: Agreement, lang: str, snapshot: Snapshot, path: Path, charts: list[tuple[C.Chart, str]]) -> bytes:
    from docx import Document
    docx = Document(str(path))
    props = docx.core_properties
    props.title = title(snapshot.year, lang)
    props.subject = P.clean(model.title.get(lang))
    props.language = lang
    props.comments = f"SHA-256 {model.fingerprint}; data {snapshot.digest}"
    props.created = props.modified = datetime.datetime(snapshot.as_of.year, snapshot.as_of.month, snapshot.as_of.day)
    for section in docx.sections:  # the agreement template's header and footer are the agreement's
        for part, text in ((section.header, ""), (section.footer, f"{title(snapshot.year, lang)} · {model.fingerprint[:12]}")):
            for index, paragraph in enumerate(part.paragraphs):
                paragraph.text = text if index == 0 else ""
    _after_tables(docx)
    _insert_charts(docx, charts)
    W.finish(docx, LANGUAGE_TAGS.get(lang, lang))
    buffer = io.BytesIO()
    docx.save(buffer)
    return reproducible_zip(buffer.getvalue())


def _after_tables(docx) -> None:
    """Pandoc starts a section's first paragraph in its own style but passes a table written as Word XML by
    unseen, so the paragraph after one is made body text, as after a table of plain cells pandoc writes."""
    for table in docx.element.body.iterchildren(qn("w:tbl")):
        mark = table.find(f"{qn('w:tblPr')}/{qn('w:tblCaption')}")
        if mark is None or mark.get(qn("w:val")) != _RAW_TABLE:
            continue
        mark.getparent().remove(mark)
        after = table.getnext()
        style = after.find(f"{qn('w:pPr')}/{qn('w:pStyle')}") if after is not None and after.tag == qn("w:p") else None
        if style is not None and style.get(qn("w:val")) == "FirstParagraph":
            style.set(qn("w:val"), "BodyText")


def _insert_charts(docx, charts: list[tuple[C.Chart, str]]) -> None:
    """Each placeholder paragraph pandoc wrote becomes its native chart."""
    wanted = {CHART_MARK.format(n=n): chart for n, chart in enumerate(charts)}
    placed = []
    for paragraph in docx.paragraphs:
        found = wanted.pop(paragraph.text.strip(), None) if wanted else None
        if found:
            placed.append((paragraph, *found))
    C.insert_all(docx, placed)

"""The yearly monitoring report ("Strategisen yhteistyösopimuksen seurantaraportti YEAR"), one Word document per
language, for the parties' spring evaluation and a council that acts on it.

Page 1 is a summary: the goals against the progress levels, the actions that are late (delayed by their status or
overdue by their schedule) and the stale indicators by id and name, the indicators that worsened, and what changed
in the year in words. Then the table of contents (with page numbers where LibreOffice lays the document out), per
sub-area each goal's actions with their statuses and each indicator's baseline and target beside the year's values
for the region and every municipality, with the progress level and what it is computed from, and a chart with the
target path; the late items in full; the year's changes (the semantic diff of the data at the end of the previous
year against the data now, in the report's language); a section per party that a municipality can attach to its
own welfare report; and last, how progress is computed. Every page's footer names the report and the page.

The caller decides which data the report reads (the snapshot at the end of YEAR, see changes/snapshot.py);
this module only writes what the model holds, judged by ``as_of`` (the end of the year, or today).
"""
from __future__ import annotations

import datetime
import io
import tempfile
from dataclasses import dataclass
from pathlib import Path

from docx.oxml.ns import qn
from lxml import etree

from cooperation.background import Threads
from cooperation.changes.diff import Diff, field_line
from cooperation.domain import EDITORIAL, REGION
from cooperation.files import reproducible_zip
from cooperation.i18n import labels as L
from cooperation.i18n.council_words import REPORT_TITLES
from cooperation.model import PROGRESS_LEVELS, Agreement, Indicator, Party
from cooperation.model import statements as S
from cooperation.model.approvals import without_history
from cooperation.model.late import DELAYED, Late, late
from cooperation.model.status import progress_in_words, rule_in_words
from cooperation.outputs.docx import TEMPLATE, render_headers_footers
from cooperation.outputs.docx import chart as C
from cooperation.outputs.docx import pandoc_doc as P
from cooperation.outputs.docx import wordml as W
from cooperation.outputs.docx.amendment import PAGE_BREAK, amendment_lines, monitoring_lines
from cooperation.schemas import document_type_code

LANGUAGE_TAGS = {"fi": "fi-FI", "sv": "sv-SE"}
YEARS_SHOWN = 3  # the newest years of values in each indicator's table (the chart has them all)
CHART_MARK = "report-chart-{n}"  # a placeholder paragraph that render() replaces with chart n
TOC_MARK = "report-table-of-contents"  # where the table of contents goes: after the summary
SUMMARY_CHANGES = 8  # amendments named on page 1; the rest are in the year's changes


@dataclass(frozen=True)
class Snapshot:
    """Where the report's data comes from: a commit (the last of the year) or the working tree."""
    year: int
    as_of: datetime.date  # the day late items are judged by
    commit: str | None  # None: the working tree
    commit_date: str | None
    digest: str  # SHA-256 of the data files, monitoring included
    changes: Diff | None = None  # the data at the end of the previous year against this data
    history: str = "none"  # "diff": ``changes`` holds the year's changes; "first": no earlier data; "none": no git


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
_RAW_TABLE = "report-raw-table"  # marks the tables written here until the document is finished
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w(parent, tag: str, **attrs: str):
    element = etree.SubElement(parent, f"{{{_W}}}{tag}") if parent is not None \
        else etree.Element(f"{{{_W}}}{tag}", nsmap={"w": _W})
    for key, value in attrs.items():
        element.set(f"{{{_W}}}{key}", value)
    return element


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


def _table(head: list[str], rows: list[list[list[dict]]], widths: list[float]) -> dict:
    """A table whose cells are plain text goes to pandoc as the Word XML pandoc itself would write, built with
    lxml (a cell's text is text): a report has tens of thousands of cells, and pandoc's own table writer spends
    most of the report's time on them. Any other cell (a list, say) leaves the table to pandoc. The header row
    repeats on every page and is kept with the first row; a row is not split across pages."""
    table = _w(None, "tbl")
    properties = _w(table, "tblPr")
    _w(properties, "tblStyle", val="Table")
    _w(properties, "tblW", type="pct", w="5000")
    _w(properties, "tblLayout", type="fixed")
    _w(properties, "tblLook", firstRow="1", lastRow="0", firstColumn="0", lastColumn="0", noHBand="0", noVBand="0",
       val="0020")
    _w(properties, "tblCaption", val=_RAW_TABLE)
    grid = _w(table, "tblGrid")
    for width in widths:
        _w(grid, "gridCol", w=str(int(_PANDOC_TEXT_WIDTH * width)))
    for index, row in enumerate([[[_plain(_strong(h))] for h in head]] + rows):
        tr = _w(table, "tr")
        row_properties = _w(tr, "trPr")
        _w(row_properties, "cantSplit")
        if index == 0:
            _w(row_properties, "tblHeader", val="on")
        for cell in row:
            tc = _w(tr, "tc")
            _w(tc, "tcPr")
            for block in cell:
                if block["t"] != "Plain" or not block["c"]:
                    return P.table(head, rows, widths)
                runs: list[tuple[bool, str]] = []
                if not _runs(block["c"], False, runs):
                    return P.table(head, rows, widths)
                p = _w(tc, "p")
                paragraph_properties = _w(p, "pPr")
                _w(paragraph_properties, "pStyle", val="Compact")
                if index == 0:
                    _w(paragraph_properties, "keepNext")
                merged: list[list] = []
                for bold, text in runs:
                    if merged and merged[-1][0] == bold:
                        merged[-1][1] += text
                    else:
                        merged.append([bold, text])
                for bold, text in merged:
                    r = _w(p, "r")
                    if bold:
                        run_properties = _w(r, "rPr")
                        _w(run_properties, "b")
                        _w(run_properties, "bCs")
                    t = _w(r, "t")
                    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                    t.text = text
    return {"t": "RawBlock", "c": ["openxml", etree.tostring(table, encoding="unicode")]}


def title(model: Agreement, year: int, lang: str) -> str:
    """The report's title by the kind of document it follows: "Strategisen yhteistyösopimuksen seurantaraportti
    2026", "Puitesopimuksen seurantaraportti 2026"; a document of its own name: "Seurantaraportti 2026: <name>"."""
    code = next((c for v in model.document_type.values.values() if (c := document_type_code(v))), None)
    known = REPORT_TITLES.get(code or "")
    if known:
        return (known.get(lang) or known["fi"]).format(year=year)
    return L.word("report_title", lang).format(year=year, name=model.document_type.get(lang))


class _Report(L.InLanguage):
    def __init__(self, model: Agreement, lang: str, snapshot: Snapshot):
        self.m, self.lang, self.s = model, lang, snapshot
        self.blocks: list = []
        self.charts: list[tuple[C.Chart, str]] = []  # (chart, alt text), in document order
        self.late: Late = late(model, snapshot.as_of)

    def level(self, indicator: Indicator, area: str) -> str:
        return self.w("status_" + indicator.progress(area).code)

    def status_text(self, action) -> str:
        return L.enum("action_status", action.status, self.lang)

    def late_reasons(self, action, reasons: tuple[str, ...]) -> str:
        """"viivästynyt; Myöhässä: aikataulu päättyi 12/2026"."""
        words = []
        for reason in reasons:
            if reason == DELAYED:
                words.append(L.enum("action_status", DELAYED, self.lang))
            else:
                when = L.partial_date(action.schedule_end if reason == "past_end" else action.schedule_start, self.lang)
                words.append(self.w("overdue_" + reason).format(date=when))
        return "; ".join(words)

    def area_name(self, area: str) -> str:
        return self.w("region").capitalize() if area == REGION else self.m.party(area).name.get(self.lang)

    # --- sections ------------------------------------------------------------------------------
    def build(self) -> list:
        m, s = self.m, self.s  # the title is the document's (pandoc's Title paragraph, from its metadata)
        self.blocks.append(_para(_strong(self.t(m.title))))
        if s.commit:
            self.blocks.append(_para(self.w("report_as_of_year_end").format(
                year=s.year, date=L.date(datetime.date.fromisoformat(s.commit_date[:10]), self.lang)
                if s.commit_date else "")))
        else:
            self.blocks.append(_para(self.w("report_as_of_tree").format(date=L.date(s.as_of, self.lang))))
        self.blocks.append(_para(S.state_sentence(m.version_state or without_history(m), self.lang)))
        self.summary()
        self.blocks += [PAGE_BREAK, _para(TOC_MARK), PAGE_BREAK]
        for subarea in m.subareas:
            self.subarea(subarea)
        self.removed()
        self.late_section()
        self.changes()
        self.blocks.append(P.header(1, self.w("report_parties")))
        for party in m.parties:
            self.party(party)
        # how progress is computed: after the data it explains
        self.blocks.append(P.header(1, self.w("status_rule_heading")))
        self.blocks.append(_para(rule_in_words(self.lang)))
        self.blocks.append(_para(self.w("report_fingerprints").format(fingerprint=m.fingerprint, digest=s.digest)))
        return self.blocks

    def summary(self) -> None:
        """Page 1: the goals against the progress levels, what is late, what worsened, what changed."""
        self.blocks.append(P.header(1, self.w("report_summary")))
        self.blocks.append(P.header(2, self.w("report_goal_levels")))
        goals = [g for g in self.m.goals if g.indicators]
        if goals:
            rows = []
            for level in PROGRESS_LEVELS:
                at = [g for g in goals if any(i.status.code == level for i in g.indicators)]
                count = sum(1 for g in goals for i in g.indicators if i.status.code == level)
                rows.append([[_plain(_strong(self.w("status_" + level).capitalize()))], [_plain(str(count))],
                             [_plain(", ".join(g.id for g in at) if at else "–")]])
            self.blocks.append(_table([self.w("progress"), self.w("indicator_count"), self.w("goals_short")], rows,
                                      [0.32, 0.14, 0.54]))
        self.blocks.append(P.header(2, self.w("report_late_actions")))
        self.blocks.append(P.bullets([[_plain(_strong(a.action.id), f" {self.t(a.action.title)}: "
                                              f"{self.late_reasons(a.action, a.reasons)}")] for a in self.late.actions])
                           if self.late.actions else _para(self.w("report_no_late_actions")))
        self.blocks.append(P.header(2, self.w("report_stale")))
        self.blocks.append(P.bullets([[_plain(_strong(i.indicator.id), f" {self.t(i.indicator.name)}: " +
                                              self.w("stale_indicator").format(year=i.newest_year))]
                                      for i in self.late.stale])
                           if self.late.stale else _para(self.w("report_no_stale")))
        self.blocks.append(P.header(2, self.w("report_worsened")))
        worsened = self.worsened()
        self.blocks.append(P.bullets([[_plain(line)] for line in worsened]) if worsened
                           else _para(self.w("report_no_worsened")))
        heading = self.w("report_changes").format(year=self.s.year)
        self.blocks.append(P.header(2, heading))
        self.blocks += self.change_overview(heading)

    def worsened(self) -> list[str]:
        """An indicator that worsened where its target is written, or in any area it follows, with its base and
        newest value, and where else it worsened."""
        lines = []
        for i in self.m.indicators:
            areas = [a for a in i.measured_areas if i.progress(a).code == "deterioration"]
            if not areas:
                continue
            main = i.status_area
            others = ", ".join(self.area_name(a) for a in areas if a != main)
            line = f"{i.id} {self.t(i.name)}: "
            if main in areas:
                s = i.progress(main)
                line += (f"{self.area_name(main)} {L.dated_value(s.base, i.unit, i.decimals, self.lang)} → "
                         f"{L.dated_value((s.latest.year, s.latest.value), i.unit, i.decimals, self.lang)}"
                         if s.base and s.latest else self.area_name(main))
                if others:
                    line += "; " + self.w("report_worsened_also").format(areas=others)
            else:
                line += self.w("report_worsened_only").format(areas=others)
            lines.append(line + ".")
        return lines

    def change_overview(self, heading: str) -> list:
        """What changed in the year, in words: the counts, the amendments by name, the monitoring in count lines."""
        s, lang = self.s, self.lang
        if s.history == "none":
            return [_para(self.w("report_no_history"))]
        if s.history == "first" or s.changes is None:
            return [_para(self.w("report_first_year").format(year=s.year))]
        diff = s.changes
        if diff.change_class is None:
            return [_para(self.w("report_no_year_changes").format(year=s.year))]
        amendments = amendment_lines(diff, lang)
        editorial = self.editorial_lines(diff)
        out = [_para(self.w("report_change_counts").format(amendments=len(amendments), editorial=len(editorial)))]
        if amendments:
            shown = amendments[:SUMMARY_CHANGES]
            out.append(P.bullets([[_plain(line)] for line in shown]))
        out.append(P.bullets([[_plain(line)] for line in monitoring_lines(diff, lang)]))
        if len(amendments) > SUMMARY_CHANGES or editorial:
            out.append(_para(self.w("report_all_changes").format(heading=heading)))
        return out

    def editorial_lines(self, diff: Diff) -> list[str]:
        return [field_line(item, f, self.lang, diff.main_language) for item in diff.items
                if item.change == "changed" for f in item.fields if f.kind == EDITORIAL]

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
        reasons = tuple(r for r in (action.lateness(self.s.as_of),) if r)
        if reasons:
            cell.append(_plain(_strong(self.late_reasons(action, reasons))))
        return cell

    def indicator(self, i: Indicator) -> None:
        unit = L.enum("unit", i.unit, self.lang)
        self.blocks.append(_para(_strong(f"{i.id} {self.t(i.name)}")))
        self.blocks.append(_para(self.w("report_indicator_facts").format(
            base=L.dated_value(i.baseline, i.unit, i.decimals, self.lang),
            target=L.dated_value(i.target, i.unit, i.decimals, self.lang),
            direction=L.enum("direction", i.direction, self.lang))))
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
            status = i.progress(area)
            base = (f"{L.number(status.base[1], i.decimals, self.lang)} ({status.base[0]})" if status.base else "–")
            cells = [[_plain(self.area_name(area))], [_plain(base)]]
            for y in years:
                m = by_year.get(y)
                if m is None:
                    cells.append([_plain("–")])
                    continue
                mark = f" {marks[(area, y)]}" if (area, y) in marks else ""
                cells.append([_plain(L.number(m.value, i.decimals, self.lang) + mark)])
            if area == i.status_area:  # where the target is written: what its level is computed from, in words
                cells.append([_plain(_strong(self.level(i, area).capitalize())),
                              _plain(progress_in_words(i, area, self.lang))])
            else:
                cells.append([_plain(self.level(i, area).capitalize())])
            rows.append(cells)
        share = 0.27 / len(years)
        self.blocks.append(_table([f"{self.w('area')} ({unit})", self.w("baseline")] + [str(y) for y in years]
                                  + [self.w("progress")], rows, [0.21, 0.16] + [share] * len(years) + [0.36]))
        self.chart(i, unit, chart_years, marks)
        if notes:
            self.blocks.append(_para(self.w("report_notes") + ": " + "; ".join(f"*{n} {text}" for n, text in enumerate(notes, 1))))

    def chart(self, i: Indicator, unit: str, years: list[int], marks: dict[tuple[str, int], str]) -> None:
        """A line per area over every year up to the report's, and the target path from the baseline to the
        target. More areas than a chart can tell apart (lines, markers and colours): the region's line alone, the
        municipalities' values are in the table."""
        areas = i.measured_areas
        if len(areas) > C.MAX_SERIES:
            if REGION not in areas:
                return
            areas = [REGION]
        series = [C.Series(self.area_name(a), {m.year: m.value for m in i.series(a) if m.year in years},
                           {y: mark for (area, y), mark in marks.items() if area == a}) for a in areas]
        base = i.progress(i.status_area).base or i.baseline
        path = (C.Series(self.w("target_path"), {base[0]: base[1], i.target[0]: i.target[1]})
                if base and i.target and i.target[0] > base[0] else None)
        chart_title = f"{i.id} {self.t(i.name)}"
        chart = C.Chart(title=chart_title, years=years, series=series, value_title=unit,
                        category_title=self.w("chart_year"), language_tag=LANGUAGE_TAGS.get(self.lang, self.lang),
                        decimals=i.decimals, target_path=path)
        description = self.w("chart_description_" + ("bar" if len(years) == 1 else "line")).format(
            title=chart_title, unit=unit, first=years[0], last=years[-1], areas=", ".join(s.name for s in series))
        if path is not None:
            description += " " + self.w("chart_target_path")
        if marks and any(a in areas for a, _ in marks):
            description += " " + self.w("chart_description_breaks")
        if len(areas) < len(i.measured_areas):
            description += " " + self.w("chart_region_only")
        self.blocks.append(_para(CHART_MARK.format(n=len(self.charts))))
        self.charts.append((chart, description))
        if len(areas) < len(i.measured_areas):
            self.blocks.append(_para(self.w("chart_region_only")))

    def late_section(self) -> None:
        """What is late, in full, by sub-area: the same list as the summary's, derived once (model/late.py)."""
        self.blocks.append(P.header(1, self.w("report_overdue")))
        if not self.late:
            self.blocks.append(_para(self.w("report_no_overdue")))
            return
        for subarea in self.m.subareas:
            actions = [a for a in self.late.actions if a.subarea is subarea]
            stale = [i for i in self.late.stale if i.subarea is subarea]
            if not actions and not stale:
                continue
            self.blocks.append(P.header(2, f"{subarea.number} {self.t(subarea.title)}"))
            items = [[_plain(_strong(a.action.id), f" {self.t(a.action.title)} ({self.w('lead').lower()}: "
                             f"{self.m.party(a.action.lead).name.get(self.lang)}): "
                             f"{self.late_reasons(a.action, a.reasons)}")] for a in actions]
            items += [[_plain(_strong(i.indicator.id), f" {self.t(i.indicator.name)}: "
                              + self.w("stale_indicator").format(year=i.newest_year))] for i in stale]
            self.blocks.append(P.bullets(items))

    def changes(self) -> None:
        """The year's changes in full: the semantic diff of the data at the end of the previous year against this."""
        s, lang = self.s, self.lang
        self.blocks.append(P.header(1, self.w("report_changes").format(year=s.year)))
        if s.history != "diff" or s.changes is None or s.changes.change_class is None:
            self.blocks += self.change_overview("")
            return
        diff = s.changes
        amendments = amendment_lines(diff, lang)
        editorial = self.editorial_lines(diff)
        for key, lines in (("report_amendments", amendments), ("report_editorial", editorial)):
            if lines:
                self.blocks.append(P.header(2, self.w(key)))
                self.blocks.append(P.bullets([[_plain(line)] for line in lines]))
        self.blocks.append(P.header(2, self.w("report_monitoring")))
        self.blocks.append(P.bullets([[_plain(line)] for line in monitoring_lines(diff, lang)]))
        decisions = [field_line(item, f, lang, diff.main_language) for item in diff.items if item.kind == "party"
                     for f in item.fields if f.path.startswith("decisions.") and f.old is None]
        if decisions:
            self.blocks.append(P.bullets([[_plain(line)] for line in decisions]))

    def party(self, p: Party) -> None:
        self.blocks.append(P.header(2, self.t(p.name)))
        actions = [a for a in self.m.actions if p.id in a.responsible_set]
        leads = [a for a in actions if a.lead == p.id]
        area = p.id if p.kind == "municipality" else REGION
        own = [i for i in self.m.indicators if i.series(area)]
        parts = [self.w("leads_n").format(n=len(leads)), self.w("takes_part_n").format(n=len(actions) - len(leads))]
        delayed = sum(1 for a in actions if a.status == DELAYED)
        if delayed:
            parts.append(f"{delayed} {L.enum('action_status', DELAYED, self.lang)}")
        overdue = sum(1 for a in actions if a.lateness(self.s.as_of))
        if overdue:
            parts.append(self.w("late_n").format(n=overdue))
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


def changes_of_year(root: Path, year: int, sources, workdir: Path) -> tuple[Diff | None, str]:
    """(the semantic diff of the data at the end of the year before against ``sources``, "diff"); (None, "first")
    when git has no data from before the year; (None, "none") outside git. Commits do not change, so a later
    correction (committed in a later year) leaves a past year's report as it was."""
    from cooperation.changes import gitrepo
    from cooperation.changes.history import against_files
    from cooperation.changes.snapshot import last_commit_of_year, sources_at
    try:
        repo, prefix = gitrepo.locate(root)
    except (gitrepo.GitError, ValueError, OSError):
        return None, "none"
    found = last_commit_of_year(root, year - 1)
    if found is None:
        return None, "first"
    commit = found[0]
    # the year before's data is read once per machine for the same files (the commit-diff cache)
    return against_files(prefix, commit, sources,
                         lambda: (sources_at(repo, prefix, commit, workdir), [])), "diff"


def completed_years(model: Agreement, root: Path, today: datetime.date) -> list[int]:
    """The years of the agreement's validity that have ended and whose data git holds (the site offers their
    reports)."""
    from cooperation.changes.snapshot import last_commit_of_year, valid_at
    start, end = model.validity
    last = min(today.year - 1, end.year if end else today.year - 1)
    years = []
    for year in range(start.year, last + 1):
        found = last_commit_of_year(root, year)
        if found is not None and valid_at(root, found[0]):
            years.append(year)
    return years


def past_year_languages(root: Path, year: int, langs: list[str]) -> dict[str, bytes]:
    """The report of a completed year, from the data of its last commit (as `build.py report YEAR` makes it), in
    each of ``langs`` the data has; nothing when that data has errors."""
    from cooperation.changes.snapshot import as_it_stood, checked_sources, last_commit_of_year
    from cooperation.load.sources import data_digest
    found = last_commit_of_year(root, year)
    if found is None:
        return {}
    commit, commit_date = found
    with tempfile.TemporaryDirectory() as tmp:
        sources = checked_sources(root, commit, Path(tmp) / "snapshot")
        if sources is None:
            return {}
        data = sources.root
        model = as_it_stood(sources, root, commit)
        changes, history = changes_of_year(root, year, sources, Path(tmp) / "previous")
        snapshot = Snapshot(year, datetime.date(year, 12, 31), commit, commit_date, data_digest(data), changes, history)
        return render_languages(model, [lang for lang in langs if lang in model.languages], snapshot)


def render(model: Agreement, lang: str, snapshot: Snapshot) -> bytes:
    return render_languages(model, [lang], snapshot)[lang]


def render_languages(model: Agreement, langs: list[str], snapshot: Snapshot) -> dict[str, bytes]:
    """The report in each language. The bodies are written at the same time (pandoc runs as a process of
    its own, so one language's pandoc overlaps the other's Python), then each is finished in turn, and the pages
    of its table of contents are numbered from LibreOffice's layout where LibreOffice is installed."""
    with tempfile.TemporaryDirectory() as tmp:
        def body(lang: str) -> tuple[Path, list[tuple[C.Chart, str]]]:
            report = _Report(model, lang, snapshot)
            blocks = report.build()
            path = Path(tmp) / f"report-{lang}.docx"
            P.write_docx(blocks, TEMPLATE, path, meta={
                "title": P.meta_string(title(model, snapshot.year, lang)),
                "toc-title": P.meta_string(L.word("contents", lang)), "lang": {"t": "MetaString", "c": lang}})
            return path, report.charts
        with Threads(max_workers=max(1, len(langs))) as pool:
            bodies = list(pool.map(body, langs))
        made = {lang: _finish(model, lang, snapshot, path, charts) for lang, (path, charts) in zip(langs, bodies)}
    return W.number_pages(made)


def _finish(model: Agreement, lang: str, snapshot: Snapshot, path: Path, charts: list[tuple[C.Chart, str]]) -> bytes:
    from docx import Document
    name = title(model, snapshot.year, lang)
    docx = Document(io.BytesIO(render_headers_footers(path.read_bytes(), model, lang, name)))
    props = docx.core_properties
    props.title = name
    props.subject = P.clean(model.title.get(lang))
    props.language = lang
    props.comments = f"SHA-256 {model.fingerprint}; data {snapshot.digest}"
    props.created = props.modified = datetime.datetime(snapshot.as_of.year, snapshot.as_of.month, snapshot.as_of.day)
    _after_tables(docx)
    _move_toc(docx)
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


def _move_toc(docx) -> None:
    """Pandoc writes the table of contents first; the report's first page is its summary, so the table of
    contents takes the place of its mark after it."""
    body = docx.element.body
    toc = next((sdt for sdt in body.iterchildren(qn("w:sdt"))
                if sdt.find(f".//{qn('w:docPartGallery')}") is not None), None)
    mark = next((p for p in body.iterchildren(qn("w:p")) if "".join(t.text or "" for t in p.iter(qn("w:t"))) == TOC_MARK),
                None)
    if mark is None:
        return
    if toc is not None:
        mark.addprevious(toc)
    body.remove(mark)


def _insert_charts(docx, charts: list[tuple[C.Chart, str]]) -> None:
    """Each placeholder paragraph pandoc wrote becomes its native chart."""
    wanted = {CHART_MARK.format(n=n): chart for n, chart in enumerate(charts)}
    placed = []
    for paragraph in docx.paragraphs:
        found = wanted.pop(paragraph.text.strip(), None) if wanted else None
        if found:
            placed.append((paragraph, *found))
    C.insert_all(docx, placed)

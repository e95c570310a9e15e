"""Native Word charts (DrawingML chart parts, ECMA-376 Part 1 §21.2) for the yearly report: one line chart
per indicator, years as categories and one series per area, or a bar chart when there is one year only.
A native chart stays crisp in print and PDF, is read by screen readers through its alt text, needs no image
library and carries no timestamps, so the report stays byte-reproducible. Values live in the chart's caches
(c:strCache, c:numCache); no embedded workbook: Word shows the chart, it only cannot edit its data.

Element order follows the schema's sequences (CT_ChartSpace, CT_Chart, CT_LineSer, CT_DLbl, CT_CatAx,
CT_ValAx ...): Word refuses a chart part whose children are out of order."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import qn

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
# Okabe–Ito: told apart by people with colour vision deficiencies; markers and dashes differ too, so
# colour is never the only cue (WCAG 1.4.1)
COLOURS = ("0072B2", "D55E00", "009E73", "CC79A7", "E69F00", "56B4E9", "000000", "F0E442")
SYMBOLS = ("circle", "square", "triangle", "diamond", "x", "star", "dash", "plus")
DASHES = ("solid", "dash", "sysDot", "lgDash", "dashDot", "sysDash", "lgDashDot", "solid")
MAX_SERIES = len(COLOURS)
FONT_SIZE = 1000  # hundredths of a point: 10 pt, readable on paper and zoomed on a phone
HEIGHT_EMU = 2880000  # 8 cm


@dataclass(frozen=True)
class Series:
    name: str
    values: dict[int, float]  # year -> value
    marks: dict[int, str] = field(default_factory=dict)  # year -> the data-break note's mark ("*1")


@dataclass(frozen=True)
class Chart:
    title: str
    years: list[int]
    series: list[Series]
    value_title: str  # the unit
    category_title: str  # "Vuosi"
    language_tag: str  # "fi-FI"
    decimals: int = 1


def _rich(text: str, lang: str, size: int, bold: bool = False) -> str:
    b = ' b="1"' if bold else ' b="0"'
    return (f'<c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="{size}"{b}/></a:pPr>'
            f'<a:r><a:rPr lang="{lang}" sz="{size}"{b}/><a:t>{escape(text)}</a:t></a:r></a:p></c:rich>')


def _title(text: str, lang: str, size: int) -> str:
    return f'<c:title><c:tx>{_rich(text, lang, size, bold=True)}</c:tx><c:overlay val="0"/></c:title>'


def _column(index: int) -> str:
    return chr(ord("B") + index) if index < 25 else "Z"


def _series(chart: Chart, index: int, bar: bool) -> str:
    s = chart.series[index]
    colour, lang = COLOURS[index % len(COLOURS)], chart.language_tag
    column, last = _column(index), len(chart.years) + 1
    line = (f'<a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>'
            f'<a:prstDash val="{DASHES[index % len(DASHES)]}"/><a:round/></a:ln>')
    sp_pr = (f'<c:spPr><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill></c:spPr>' if bar else f'<c:spPr>{line}</c:spPr>')
    parts = [f'<c:ser><c:idx val="{index}"/><c:order val="{index}"/>',
             f'<c:tx><c:strRef><c:f>Sheet1!${column}$1</c:f><c:strCache><c:ptCount val="1"/>'
             f'<c:pt idx="0"><c:v>{escape(s.name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>', sp_pr]
    symbol = SYMBOLS[index % len(SYMBOLS)]
    if bar:
        parts.append('<c:invertIfNegative val="0"/>')
    else:
        parts.append(f'<c:marker><c:symbol val="{symbol}"/><c:size val="6"/>'
                     f'<c:spPr><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill></c:spPr></c:marker>')
    marked = [(chart.years.index(y), mark) for y, mark in sorted(s.marks.items()) if y in chart.years]
    if not bar:  # a data break: a bigger, hollow marker on that point ...
        for point, _ in marked:
            parts.append(f'<c:dPt><c:idx val="{point}"/><c:marker><c:symbol val="{symbol}"/><c:size val="10"/>'
                         f'<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>'
                         f'<a:ln w="28575"><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill></a:ln></c:spPr>'
                         f'</c:marker><c:bubble3D val="0"/></c:dPt>')
    if marked:  # ... and a label with the note's mark, the note itself listed under the chart
        labels = "".join(
            f'<c:dLbl><c:idx val="{point}"/><c:tx>{_rich(mark, lang, FONT_SIZE, bold=True)}</c:tx>'
            f'<c:dLblPos val="{"outEnd" if bar else "t"}"/><c:showLegendKey val="0"/><c:showVal val="1"/>'
            f'<c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbl>'
            for point, mark in marked)
        parts.append(f'<c:dLbls>{labels}<c:showLegendKey val="0"/><c:showVal val="0"/><c:showCatName val="0"/>'
                     f'<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>')
    parts.append(_categories(chart))
    values = "".join(f'<c:pt idx="{n}"><c:v>{s.values[y]!r}</c:v></c:pt>'
                     for n, y in enumerate(chart.years) if y in s.values)
    number_format = "0" if chart.decimals <= 0 else "0." + "0" * chart.decimals
    parts.append(f'<c:val><c:numRef><c:f>Sheet1!${column}$2:${column}${last}</c:f><c:numCache>'
                 f'<c:formatCode>{number_format}</c:formatCode><c:ptCount val="{len(chart.years)}"/>{values}'
                 f'</c:numCache></c:numRef></c:val>')
    if not bar:
        parts.append('<c:smooth val="0"/>')
    parts.append('</c:ser>')
    return "".join(parts)


def _categories(chart: Chart) -> str:
    points = "".join(f'<c:pt idx="{n}"><c:v>{y}</c:v></c:pt>' for n, y in enumerate(chart.years))
    return (f'<c:cat><c:strRef><c:f>Sheet1!$A$2:$A${len(chart.years) + 1}</c:f><c:strCache>'
            f'<c:ptCount val="{len(chart.years)}"/>{points}</c:strCache></c:strRef></c:cat>')


def _text_properties(lang: str, size: int) -> str:
    return (f'<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="{size}"/></a:pPr>'
            f'<a:endParaRPr lang="{lang}"/></a:p></c:txPr>')


_GRID = '<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>'
_AXIS_LINE = '<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="595959"/></a:solidFill></a:ln></c:spPr>'


def chart_xml(chart: Chart) -> bytes:
    """The chart part: a line chart over the years, or a clustered bar chart for a single year."""
    lang, bar = chart.language_tag, len(chart.years) == 1
    series = "".join(_series(chart, n, bar) for n in range(len(chart.series)))
    axes_ids = '<c:axId val="500000001"/><c:axId val="500000002"/>'
    if bar:
        plot = (f'<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>{series}'
                f'<c:gapWidth val="150"/>{axes_ids}</c:barChart>')
    else:
        plot = (f'<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>{series}'
                f'<c:marker val="1"/>{axes_ids}</c:lineChart>')
    category_axis = (
        f'<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>'
        f'<c:axPos val="b"/>{_title(chart.category_title, lang, FONT_SIZE)}<c:numFmt formatCode="General" sourceLinked="0"/>'
        f'<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>{_AXIS_LINE}'
        f'{_text_properties(lang, FONT_SIZE)}<c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/>'
        f'<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>')
    number_format = "0" if chart.decimals <= 0 else "0." + "0" * chart.decimals
    value_axis = (
        f'<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>'
        f'<c:axPos val="l"/>{_GRID}{_title(chart.value_title, lang, FONT_SIZE)}'
        f'<c:numFmt formatCode={quoteattr(number_format)} sourceLinked="0"/><c:majorTickMark val="out"/>'
        f'<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>{_AXIS_LINE}{_text_properties(lang, FONT_SIZE)}'
        f'<c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>')
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<c:chartSpace xmlns:c="{NS_C}" xmlns:a="{NS_A}" xmlns:r="{NS_R}">'
        f'<c:date1904 val="0"/><c:lang val="{lang}"/><c:roundedCorners val="0"/>'
        f'<c:chart>{_title(chart.title, lang, 1100)}<c:autoTitleDeleted val="0"/>'
        f'<c:plotArea><c:layout/>{plot}{category_axis}{value_axis}</c:plotArea>'
        f'<c:legend><c:legendPos val="b"/><c:overlay val="0"/>{_text_properties(lang, FONT_SIZE)}</c:legend>'
        f'<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>'
        f'{_text_properties(lang, FONT_SIZE)}</c:chartSpace>')
    return xml.encode("utf-8")


def _first_chart_number(package) -> int:
    names = {str(p.partname) for p in package.iter_parts()}
    n = 1
    while f"/word/charts/chart{n}.xml" in names:
        n += 1
    return n


def _first_drawing_id(body) -> int:
    ids = [int(d.get("id")) for d in body.iter(f"{{{NS_WP}}}docPr") if (d.get("id") or "").isdigit()]
    return max(ids, default=0) + 1


def insert_all(docx, placed: list[tuple[Any, Chart, str]]) -> None:
    """Put each chart, inline, into its paragraph (whose text it replaces): a chart part related from the
    document part, and a w:drawing whose wp:docPr/@descr is the alt text. Free part numbers and drawing
    ids are looked up once: a report has hundreds of charts."""
    document_part = docx.part
    number = _first_chart_number(document_part.package)
    drawing_id = _first_drawing_id(docx.element.body)
    section = docx.sections[-1]
    width = int(section.page_width - section.left_margin - section.right_margin)
    for paragraph, chart, description in placed:
        part = Part(PackURI(f"/word/charts/chart{number}.xml"), CONTENT_TYPE, chart_xml(chart), document_part.package)
        r_id = document_part.relate_to(part, RT.CHART)
        run = parse_xml(
            f'<w:r xmlns:w="{NS_W}" xmlns:wp="{NS_WP}" xmlns:a="{NS_A}" xmlns:c="{NS_C}" xmlns:r="{NS_R}"><w:drawing>'
            f'<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{width}" cy="{HEIGHT_EMU}"/>'
            f'<wp:effectExtent l="0" t="0" r="0" b="0"/>'
            f'<wp:docPr id="{drawing_id}" name="Chart {drawing_id}" descr={quoteattr(description)}/>'
            f'<wp:cNvGraphicFramePr/><a:graphic><a:graphicData uri="{NS_C}"><c:chart r:id="{r_id}"/></a:graphicData>'
            f'</a:graphic></wp:inline></w:drawing></w:r>')
        p = paragraph._p
        for child in list(p):
            if child.tag != qn("w:pPr"):
                p.remove(child)
        p.append(run)
        number += 1
        drawing_id += 1

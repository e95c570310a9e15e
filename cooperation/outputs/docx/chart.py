"""Native Word charts (DrawingML chart parts, ECMA-376 Part 1 §21.2) for the yearly report: one chart per
indicator, a scatter chart with lines (years on a value axis, so they are spaced by time: 2020, 2022 and 2026 are
not drawn evenly), one series per area and the target path (a dashed line from the baseline to the target, in
the target year). The value axis starts at zero for values that are never negative (a line from 14,5 up does not
look like a doubling), and both axes are titled (the unit; the year) with marked ticks. Numbers are formatted in
the chart's language (c:lang, a:lang: a decimal comma in Finnish and Swedish).

A native chart stays crisp in print and PDF, is read by screen readers through its alt text, needs no image
library and carries no timestamps, so the report stays byte-reproducible. Values live in the chart's caches
(c:numCache); no embedded workbook: Word shows the chart, it only cannot edit its data. The part is built with
lxml, so a name from the data is text, never markup; element order follows the schema's sequences (CT_ChartSpace,
CT_Chart, CT_ScatterSer, CT_DLbl, CT_ValAx ...): Word refuses a chart part whose children are out of order.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from lxml import etree

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
NSMAP = {"c": NS_C, "a": NS_A, "r": NS_R}
# Okabe–Ito: told apart by people with colour vision deficiencies; markers and dashes differ too, so
# colour is never the only cue (WCAG 1.4.1)
COLOURS = ("0072B2", "D55E00", "009E73", "CC79A7", "E69F00", "56B4E9", "000000", "F0E442")
SYMBOLS = ("circle", "square", "triangle", "diamond", "x", "star", "dash", "plus")
DASHES = ("solid", "dash", "sysDot", "lgDash", "dashDot", "sysDash", "lgDashDot", "solid")
MAX_SERIES = len(COLOURS)
TARGET_COLOUR = "595959"  # the target path: grey, dashed, without markers
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
    target_path: Series | None = None  # the baseline and the target: (base year, value), (target year, value)


def _c(tag: str, parent: Any = None, **attrs: str) -> Any:
    element = etree.SubElement(parent, f"{{{NS_C}}}{tag}") if parent is not None \
        else etree.Element(f"{{{NS_C}}}{tag}", nsmap=NSMAP)
    for key, value in attrs.items():
        element.set(key, value)
    return element


def _a(tag: str, parent: Any, **attrs: str) -> Any:
    element = etree.SubElement(parent, f"{{{NS_A}}}{tag}")
    for key, value in attrs.items():
        element.set(key, value)
    return element


def _val(tag: str, parent: Any, value: Any) -> Any:
    return _c(tag, parent, val=str(value))


def _rich(parent: Any, text: str, lang: str, size: int, bold: bool = False) -> None:
    rich = _c("rich", parent)
    _a("bodyPr", rich)
    _a("lstStyle", rich)
    p = _a("p", rich)
    _a("defRPr", _a("pPr", p), sz=str(size), b="1" if bold else "0")
    r = _a("r", p)
    _a("rPr", r, lang=lang, sz=str(size), b="1" if bold else "0")
    _a("t", r).text = text


def _title(parent: Any, text: str, lang: str, size: int) -> None:
    title = _c("title", parent)
    _rich(_c("tx", title), text, lang, size, bold=True)
    _val("overlay", title, 0)


def _line(parent: Any, colour: str, dash: str, width: int = 28575) -> None:
    ln = _a("ln", parent, w=str(width), cap="rnd")
    _a("srgbClr", _a("solidFill", ln), val=colour)
    _a("prstDash", ln, val=dash)
    _a("round", ln)


def _text_properties(parent: Any, lang: str, size: int) -> None:
    tx = _c("txPr", parent)
    _a("bodyPr", tx)
    _a("lstStyle", tx)
    p = _a("p", tx)
    _a("defRPr", _a("pPr", p), sz=str(size))
    _a("endParaRPr", p, lang=lang)


def _numbers(parent: Any, tag: str, values: list[float], number_format: str) -> None:
    ref = _c("numRef", _c(tag, parent))
    _c("f", ref).text = "Sheet1!$A$1"
    cache = _c("numCache", ref)
    _c("formatCode", cache).text = number_format
    _val("ptCount", cache, len(values))
    for index, value in enumerate(values):
        point = _c("pt", cache, idx=str(index))
        _c("v", point).text = repr(float(value))


# a number format's locale (its Windows language id), so that LibreOffice writes the decimal comma whatever its own
# locale is; Word shows the separators of the reader's system
LOCALE_IDS = {"fi-FI": "40B", "sv-SE": "41D", "sv-FI": "81D", "en-GB": "809"}


def _number_format(decimals: int, language_tag: str = "") -> str:
    code = "0" if decimals <= 0 else "0." + "0" * decimals
    locale = LOCALE_IDS.get(language_tag)
    return f"[$-{locale}]{code}" if locale and decimals > 0 else code


def _series(plot: Any, chart: Chart, index: int, s: Series, target: bool = False) -> None:
    lang = chart.language_tag
    years = sorted(s.values)
    ser = _c("ser", plot)
    _val("idx", ser, index)
    _val("order", ser, index)
    tx = _c("strRef", _c("tx", ser))
    _c("f", tx).text = "Sheet1!$B$1"
    cache = _c("strCache", tx)
    _val("ptCount", cache, 1)
    _c("v", _c("pt", cache, idx="0")).text = s.name
    colour = TARGET_COLOUR if target else COLOURS[index % len(COLOURS)]
    _line(_c("spPr", ser), colour, "dash" if target else DASHES[index % len(DASHES)], 19050 if target else 28575)
    marker = _c("marker", ser)
    symbol = SYMBOLS[index % len(SYMBOLS)]
    if target:
        _val("symbol", marker, "none")
    else:
        _val("symbol", marker, symbol)
        _val("size", marker, 6)
        _a("srgbClr", _a("solidFill", _c("spPr", marker)), val=colour)
    marked = [(years.index(y), mark) for y, mark in sorted(s.marks.items()) if y in years]
    for point, _ in marked:  # a data break: a bigger, hollow marker on that point ...
        d_pt = _c("dPt", ser)
        _val("idx", d_pt, point)
        big = _c("marker", d_pt)
        _val("symbol", big, symbol)
        _val("size", big, 10)
        sp = _c("spPr", big)
        _a("srgbClr", _a("solidFill", sp), val="FFFFFF")
        _a("srgbClr", _a("solidFill", _a("ln", sp, w="28575")), val=colour)
        _val("bubble3D", d_pt, 0)
    if marked:  # ... and a label with the note's mark, the note itself listed under the chart
        labels = _c("dLbls", ser)
        for point, mark in marked:
            label = _c("dLbl", labels)
            _val("idx", label, point)
            _rich(_c("tx", label), mark, lang, FONT_SIZE, bold=True)
            _val("dLblPos", label, "t")
            for flag, on in (("showLegendKey", 0), ("showVal", 1), ("showCatName", 0), ("showSerName", 0),
                             ("showPercent", 0), ("showBubbleSize", 0)):
                _val(flag, label, on)
        for flag in ("showLegendKey", "showVal", "showCatName", "showSerName", "showPercent", "showBubbleSize"):
            _val(flag, labels, 0)
    _numbers(ser, "xVal", [float(y) for y in years], "0")
    _numbers(ser, "yVal", [s.values[y] for y in years], _number_format(chart.decimals, lang))
    _val("smooth", ser, 0)


_GRID_COLOUR, _AXIS_COLOUR = "D9D9D9", "595959"


def _axis(plot_area: Any, ident: str, cross: str, position: str, title: str, lang: str, number_format: str,
          minimum: float | None, maximum: float | None, major: float | None, grid: bool) -> None:
    axis = _c("valAx", plot_area)
    _val("axId", axis, ident)
    scaling = _c("scaling", axis)
    _val("orientation", scaling, "minMax")
    if maximum is not None:
        _val("max", scaling, maximum)
    if minimum is not None:
        _val("min", scaling, minimum)
    _val("delete", axis, 0)
    _val("axPos", axis, position)
    if grid:
        _line(_c("spPr", _c("majorGridlines", axis)), _GRID_COLOUR, "solid", 6350)
    _title(axis, title, lang, FONT_SIZE)
    _c("numFmt", axis, formatCode=number_format, sourceLinked="0")
    _val("majorTickMark", axis, "out")
    _val("minorTickMark", axis, "none")
    _val("tickLblPos", axis, "low" if position == "b" else "nextTo")
    _line(_c("spPr", axis), _AXIS_COLOUR, "solid", 9525)
    _text_properties(axis, lang, FONT_SIZE)
    _val("crossAx", axis, cross)
    _val("crosses", axis, "min")  # each axis where the other begins: the years at the bottom, the values at the left
    _val("crossBetween", axis, "midCat")
    if major is not None:
        _val("majorUnit", axis, major)


def chart_xml(chart: Chart) -> bytes:
    """The chart part: a scatter chart with lines over the years, the target path dashed."""
    lang = chart.language_tag
    space = _c("chartSpace")
    _val("date1904", space, 0)
    _val("lang", space, lang)
    _val("roundedCorners", space, 0)
    body = _c("chart", space)
    _title(body, chart.title, lang, 1100)
    _val("autoTitleDeleted", body, 0)
    plot_area = _c("plotArea", body)
    _c("layout", plot_area)
    plot = _c("scatterChart", plot_area)
    _val("scatterStyle", plot, "lineMarker")
    _val("varyColors", plot, 0)
    for index, s in enumerate(chart.series):
        _series(plot, chart, index, s)
    if chart.target_path is not None:
        _series(plot, chart, len(chart.series), chart.target_path, target=True)
    _val("axId", plot, "500000001")
    _val("axId", plot, "500000002")
    values = [v for s in chart.series + ([chart.target_path] if chart.target_path else []) for v in s.values.values()]
    years = sorted({y for s in chart.series + ([chart.target_path] if chart.target_path else []) for y in s.values}
                   | set(chart.years))
    first, last = years[0], years[-1]
    if first == last:  # one year: a year either side, so the point is not on the frame
        first, last = first - 1, last + 1
    _axis(plot_area, "500000001", "500000002", "b", chart.category_title, lang, "0", first, last,
          1 if last - first <= 12 else math.ceil((last - first) / 12), grid=False)
    bottom = 0.0 if values and min(values) >= 0 else None  # never negative: the axis from zero
    _axis(plot_area, "500000002", "500000001", "l", chart.value_title, lang, _number_format(chart.decimals, lang),
          bottom, None, None, grid=True)
    legend = _c("legend", body)
    _val("legendPos", legend, "b")
    _val("overlay", legend, 0)
    _text_properties(legend, lang, FONT_SIZE)
    _val("plotVisOnly", body, 1)
    _val("dispBlanksAs", body, "gap")
    _text_properties(space, lang, FONT_SIZE)
    return etree.tostring(space, xml_declaration=True, encoding="UTF-8", standalone=True)


def _first_chart_number(package) -> int:
    names = {str(p.partname) for p in package.iter_parts()}
    n = 1
    while f"/word/charts/chart{n}.xml" in names:
        n += 1
    return n


def _first_drawing_id(body) -> int:
    ids = [int(d.get("id")) for d in body.iter(f"{{{NS_WP}}}docPr") if (d.get("id") or "").isdigit()]
    return max(ids, default=0) + 1


def _drawing(width: int, drawing_id: int, description: str, r_id: str) -> Any:
    """The run holding the chart inline: wp:docPr's descr is the alt text, as an attribute set by lxml."""
    w, wp, a = (lambda tag: f"{{{NS_W}}}{tag}"), (lambda tag: f"{{{NS_WP}}}{tag}"), (lambda tag: f"{{{NS_A}}}{tag}")
    run = etree.Element(w("r"), nsmap={"w": NS_W, "wp": NS_WP, "a": NS_A, "c": NS_C, "r": NS_R})
    inline = etree.SubElement(etree.SubElement(run, w("drawing")), wp("inline"), distT="0", distB="0", distL="0",
                              distR="0")
    etree.SubElement(inline, wp("extent"), cx=str(width), cy=str(HEIGHT_EMU))
    etree.SubElement(inline, wp("effectExtent"), l="0", t="0", r="0", b="0")
    etree.SubElement(inline, wp("docPr"), id=str(drawing_id), name=f"Chart {drawing_id}", descr=description)
    etree.SubElement(inline, wp("cNvGraphicFramePr"))
    data = etree.SubElement(etree.SubElement(inline, a("graphic")), a("graphicData"), uri=NS_C)
    etree.SubElement(data, f"{{{NS_C}}}chart").set(f"{{{NS_R}}}id", r_id)
    return run


def insert_all(docx, placed: list[tuple[Any, Chart, str]]) -> None:
    """Put each chart, inline, into its paragraph (whose text it replaces): a chart part related from the
    document part, and a w:drawing whose wp:docPr/@descr is the alt text. Free part numbers and drawing
    ids are looked up once: a report has hundreds of charts."""
    from docx.oxml import parse_xml
    document_part = docx.part
    number = _first_chart_number(document_part.package)
    drawing_id = _first_drawing_id(docx.element.body)
    section = docx.sections[-1]
    width = int(section.page_width - section.left_margin - section.right_margin)
    for paragraph, chart, description in placed:
        part = Part(PackURI(f"/word/charts/chart{number}.xml"), CONTENT_TYPE, chart_xml(chart), document_part.package)
        r_id = document_part.relate_to(part, RT.CHART)
        run = parse_xml(etree.tostring(_drawing(width, drawing_id, description, r_id)))
        p = paragraph._p
        for child in list(p):
            if child.tag != qn("w:pPr"):
                p.remove(child)
        p.append(run)
        number += 1
        drawing_id += 1

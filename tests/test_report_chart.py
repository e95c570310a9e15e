"""The yearly report's charts: native Word chart parts read back from the .docx zip (parts, relationships,
content types, each series' values and years, the target path, the data break's mark and note, the alt text), years
spaced by time on a value axis, the value axis from zero with the number format in the chart's language, the chart
of a region with too many municipalities, a single year, the same bytes twice, and LibreOffice drawing the chart
into a PDF with a decimal comma."""
from __future__ import annotations

import subprocess
import zipfile

import pytest
from helpers import MINIMAL, REPO, convert_to_pdf, copy_root, run_cli
from lxml import etree

from cooperation.domain import REGION
from cooperation.outputs.docx import chart as C
from cooperation.pipeline import load

NS = {"c": C.NS_C, "a": C.NS_A, "w": C.NS_W, "wp": C.NS_WP, "r": C.NS_R,
      "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
      "ct": "http://schemas.openxmlformats.org/package/2006/content-types"}
VALUES = """indicator,area,year,value,note
HYTE-1-M1,region,2023,9,
HYTE-1-M1,region,2024,10,
HYTE-1-M1,region,2025,12.5,tilastointitapa muuttui
HYTE-1-M1,alfa,2024,11.5,
HYTE-1-M1,alfa,2025,12,
"""


@pytest.fixture(scope="module")
def chart_report(tmp_path_factory):
    root = copy_root(MINIMAL, tmp_path_factory.mktemp("root"))
    (root / "measurements" / "values.csv").write_text(VALUES, encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    done = run_cli("report", "2026", "--root", root, "--today", "2026-11-28", "--out", out)
    assert done.returncode == 0, done.stderr
    return root, out / "seurantaraportti-2026-fi.docx"


def _charts(path) -> list[tuple[str, etree._Element, etree._Element]]:
    """(alt text, the w:drawing, the chart part's root) for every chart the document body shows."""
    with zipfile.ZipFile(path) as z:
        rels = etree.fromstring(z.read("word/_rels/document.xml.rels"))
        types = etree.fromstring(z.read("[Content_Types].xml"))
        overrides = {o.get("PartName"): o.get("ContentType") for o in types.iterfind("ct:Override", NS)}
        targets = {r.get("Id"): r.get("Target") for r in rels.iterfind("rel:Relationship", NS)
                   if r.get("Type").endswith("/chart")}
        body = etree.fromstring(z.read("word/document.xml"))
        found = []
        for drawing in body.iter(f"{{{C.NS_W}}}drawing"):
            ref = drawing.find(".//c:chart", NS)
            target = targets[ref.get(f"{{{C.NS_R}}}id")]
            assert overrides["/word/" + target] == C.CONTENT_TYPE
            found.append((drawing.find(".//wp:docPr", NS).get("descr"), drawing,
                          etree.fromstring(z.read("word/" + target))))
        assert len(found) == len(targets) == sum(1 for name in z.namelist() if name.startswith("word/charts/chart"))
    return found


def _series(chart) -> dict[str, dict[int, float]]:
    """Series name -> {year: value} from the chart's caches (x: the year, y: the value)."""
    out = {}
    for ser in chart.iterfind(".//c:ser", NS):
        name = ser.findtext("c:tx//c:v", namespaces=NS)
        xs = {p.get("idx"): float(p.findtext("c:v", namespaces=NS)) for p in ser.iterfind("c:xVal//c:pt", NS)}
        out[name] = {int(xs[p.get("idx")]): float(p.findtext("c:v", namespaces=NS)) for p in ser.iterfind("c:yVal//c:pt", NS)}
    return out


@pytest.mark.slow
def test_each_area_is_a_series_with_its_values_the_target_path_and_the_break_is_marked(chart_report):
    _, path = chart_report
    (alt, _, chart), = _charts(path)
    assert chart.find(".//c:scatterChart", NS) is not None and chart.find(".//c:lineChart", NS) is None
    assert chart.findtext("c:chart/c:title//a:t", namespaces=NS) == "HYTE-1-M1 Mittari HYTE-1-M1"
    # the target path from the baseline (10, 2024) to the target (20, 2028), dashed and without markers
    assert _series(chart) == {"Koko alue": {2023: 9.0, 2024: 10.0, 2025: 12.5}, "Alfan kunta": {2024: 11.5, 2025: 12.0},
                              "tavoitepolku": {2024: 10.0, 2028: 20.0}}
    path_series = chart.findall(".//c:ser", NS)[-1]
    assert path_series.find("c:spPr/a:ln/a:prstDash", NS).get("val") == "dash"
    assert path_series.find("c:marker/c:symbol", NS).get("val") == "none"
    # the years on a value axis, one tick a year from the first to the target year; the values from zero
    x_axis, y_axis = chart.findall(".//c:valAx", NS)
    assert x_axis.find("c:axPos", NS).get("val") == "b" and x_axis.find("c:majorUnit", NS).get("val") == "1"
    assert (x_axis.find("c:scaling/c:min", NS).get("val"), x_axis.find("c:scaling/c:max", NS).get("val")) == ("2023", "2028")
    assert y_axis.find("c:scaling/c:min", NS).get("val") == "0.0"
    assert [t.findtext(".//a:t", namespaces=NS) for t in chart.iterfind(".//c:valAx/c:title", NS)] == ["Vuosi", "%"]
    assert chart.find("c:chart/c:legend", NS) is not None
    # the break: region 2025 (third year) has a label "*1" and a bigger marker; nothing else is labelled
    labels = [(ser.findtext("c:tx//c:v", namespaces=NS), label.get("val"), label.getparent().findtext(".//a:t", namespaces=NS))
              for ser in chart.iterfind(".//c:ser", NS) for label in ser.iterfind("c:dLbls/c:dLbl/c:idx", NS)]
    assert labels == [("Koko alue", "2", "*1")]
    assert [p.get("val") for p in chart.iterfind(".//c:dPt/c:idx", NS)] == ["2"]
    assert alt.startswith("Viivakaavio: HYTE-1-M1 Mittari HYTE-1-M1, %, vuodet 2023–2025. Sarjat: Koko alue, Alfan kunta. "
                          "Katkoviiva on tavoitepolku lähtötasosta tavoitetasoon.")
    # the table cell and the note under the chart carry the same number (no decimals: the indicator has none)
    from docx import Document
    doc = Document(str(path))
    texts = [p.text for p in doc.paragraphs]
    chart_at = next(n for n, p in enumerate(doc.paragraphs) if p._p.find(".//w:drawing", NS) is not None)
    assert texts[chart_at + 1] == "Huomautukset: *1 Koko alue 2025: tilastointitapa muuttui"
    assert "12 *1" in [c.text for t in doc.tables for r in t.rows for c in r.cells]


def test_years_are_spaced_by_time_and_numbers_are_in_the_chart_s_language():
    """2016, 2020, 2026: the gaps are four and six years on the axis, not one step each; a percentage with one
    decimal is formatted in Finnish (Swedish), a number with none as it is."""
    chart = C.Chart(title="X-1 Nimi", years=[2016, 2020, 2026],
                    series=[C.Series("Koko alue", {2016: 15.3, 2020: 15.8, 2026: 14.9})],
                    value_title="%", category_title="Vuosi", language_tag="sv-SE", decimals=1)
    root = etree.fromstring(C.chart_xml(chart))
    assert [float(v.text) for v in root.iterfind(".//c:xVal//c:v", NS)] == [2016.0, 2020.0, 2026.0]
    assert root.find(".//c:catAx", NS) is None  # no category axis: categories would be spaced evenly
    assert root.findtext(".//c:yVal//c:formatCode", namespaces=NS) == "[$-41D]0.0"
    assert root.findall(".//c:valAx/c:numFmt", NS)[1].get("formatCode") == "[$-41D]0.0"
    whole = C.Chart(title="X-2", years=[2025], series=[C.Series("Koko alue", {2025: 3})], value_title="kpl",
                    category_title="Vuosi", language_tag="fi-FI", decimals=0)
    assert etree.fromstring(C.chart_xml(whole)).findtext(".//c:yVal//c:formatCode", namespaces=NS) == "0"


def test_a_negative_value_leaves_the_axis_to_the_data():
    chart = C.Chart(title="X", years=[2024, 2025], series=[C.Series("Koko alue", {2024: -2.1, 2025: 0.5})],
                    value_title="‰", category_title="Vuosi", language_tag="fi-FI")
    y_axis = etree.fromstring(C.chart_xml(chart)).findall(".//c:valAx", NS)[1]
    assert y_axis.find("c:scaling/c:min", NS) is None


def test_same_input_gives_the_same_bytes(chart_report, tmp_path):
    root, path = chart_report
    done = run_cli("report", "2026", "--root", root, "--today", "2026-11-28", "--out", tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / path.name).read_bytes() == path.read_bytes()


def test_a_single_year_is_one_point_between_the_years_either_side():
    chart = C.Chart(title="X-1 Nimi", years=[2025], series=[C.Series("Koko alue", {2025: 3.5}, {2025: "*1"})],
                    value_title="%", category_title="Vuosi", language_tag="fi-FI")
    root = etree.fromstring(C.chart_xml(chart))
    assert _series(root) == {"Koko alue": {2025: 3.5}}
    x_axis = root.findall(".//c:valAx", NS)[0]
    assert (x_axis.find("c:scaling/c:min", NS).get("val"), x_axis.find("c:scaling/c:max", NS).get("val")) == ("2024", "2026")
    assert root.findtext(".//c:dLbl//a:t", namespaces=NS) == "*1"


def test_a_name_from_the_data_stays_text_in_the_chart():
    hostile = '</a:t><a:t>x</a:t> & "<c:chart/>'
    chart = C.Chart(title=hostile, years=[2024, 2025], series=[C.Series(hostile, {2024: 1.0, 2025: 2.0})],
                    value_title="%", category_title="Vuosi", language_tag="fi-FI")
    root = etree.fromstring(C.chart_xml(chart))
    assert root.findtext("c:chart/c:title//a:t", namespaces=NS) == hostile
    assert root.findtext(".//c:ser/c:tx//c:v", namespaces=NS) == hostile


def test_a_region_with_more_areas_than_a_chart_tells_apart_charts_the_region(tmp_path):
    model = load(REPO)[0]
    crowded = [i for i in model.indicators if len(i.measured_areas) > C.MAX_SERIES and REGION in i.measured_areas]
    few = [i for i in model.indicators if 1 < len(i.measured_areas) <= C.MAX_SERIES]
    if not crowded or not few:
        pytest.skip("the example region no longer has both kinds of indicator")
    done = run_cli("report", "2026", "--today", "2026-11-28", "--out", tmp_path)
    assert done.returncode == 0, done.stderr
    charts = {c.findtext("c:chart/c:title//a:t", namespaces=NS): (alt, c) for alt, _, c in
              _charts(tmp_path / "seurantaraportti-2026-sv.docx")}
    for i in crowded:
        alt, chart = charts[f"{i.id} {i.name.get('sv')}"]
        assert list(_series(chart))[0] == "Hela regionen" and len(_series(chart)) <= 2  # and the target path
        assert i.id in alt and "kommunernas värden finns i tabellen" in alt
    for i in few:
        _, chart = charts[f"{i.id} {i.name.get('sv')}"]
        assert [n for n in _series(chart) if n != "målbana"] == [
            ("Hela regionen" if a == REGION else model.party(a).name.get("sv")) for a in i.measured_areas]


def test_libreoffice_draws_the_chart(chart_report, tmp_path):
    _, path = chart_report
    convert_to_pdf(tmp_path, path)
    text = subprocess.run(["pdftotext", str(tmp_path / path.with_suffix(".pdf").name), "-"],
                          capture_output=True, text=True, check=True).stdout
    # only the chart writes its axis title, its legend entries and the break's label on their own lines
    lines = [line.strip() for line in text.splitlines()]
    assert "Vuosi" in lines and "*1" in lines and "tavoitepolku" in lines
    assert {"2023", "2024", "2025", "2026", "2027", "2028"} <= set(lines)  # a tick a year, to the target year
    assert text.count("HYTE-1-M1 Mittari HYTE-1-M1") >= 2  # the paragraph above the table and the chart's title


def test_libreoffice_writes_a_decimal_comma_on_the_axis(tmp_path):
    from docx import Document
    doc = Document()
    paragraph = doc.add_paragraph("x")
    chart = C.Chart(title="X-1", years=[2024, 2026], series=[C.Series("Koko alue", {2024: 15.3, 2026: 16.4})],
                    value_title="%", category_title="Vuosi", language_tag="fi-FI", decimals=1)
    C.insert_all(doc, [(paragraph, chart, "kuvaus")])
    doc.save(str(tmp_path / "kaavio.docx"))
    convert_to_pdf(tmp_path, tmp_path / "kaavio.docx")
    lines = [line.strip() for line in subprocess.run(["pdftotext", str(tmp_path / "kaavio.pdf"), "-"],
                                                     capture_output=True, text=True, check=True).stdout.splitlines()]
    assert "0,0" in lines and "10,0" in lines and not any(line.endswith(".0") for line in lines)

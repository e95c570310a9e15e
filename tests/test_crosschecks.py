"""Each cross-check, negative (it reports) and positive (it accepts what is right)."""
from pathlib import Path

import pytest
import yaml
from helpers import MINIMAL, REPO, copy_example, copy_root, validate_lines

from cooperation.check import check
from cooperation.load.sources import load_sources


class Root:
    """A copy of the minimal fixture whose YAML files tests edit as data."""

    def __init__(self, path: Path):
        self.path = copy_root(MINIMAL, path)

    def edit(self, name: str, change) -> "Root":
        file = self.path / name
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        change(data)
        file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        return self

    def codes(self, severity=None) -> list[str]:
        result = check(load_sources(self.path))
        return [p.code for p in result.problems if severity is None or p.severity == severity]


@pytest.fixture
def root(tmp_path):
    return Root(tmp_path / "root")


def action(data):
    return data["goals"][0]["actions"][0]


def indicator(data):
    return data["goals"][0]["indicators"][0]


# --- ids --------------------------------------------------------------------------------------
def test_ids_unique_case_insensitively_across_files(root):
    assert root.edit("subareas/tilat.yaml", lambda d: action(d).update(id="Hyte-1-t1")).codes() == ["duplicate_id"]


def test_same_id_in_different_case_inside_one_list_is_a_duplicate(root):
    def twice(d):
        d["goals"].append(dict(d["goals"][0], id="hyte-1", actions=[], indicators=[]))
    assert "duplicate_id" in root.edit("subareas/hyte.yaml", twice).codes()


def test_distinct_ids_pass(root):
    assert root.edit("subareas/tilat.yaml", lambda d: action(d).update(id="TILA-1-T9")).codes() == []


# --- party references ----------------------------------------------------------------------------
@pytest.mark.parametrize("file, change", [
    ("subareas/hyte.yaml", lambda d: action(d).update(lead="gamma")),
    ("subareas/hyte.yaml", lambda d: d["responsible_persons"][0].update(party="gamma")),
    ("subareas/hyte.yaml", lambda d: indicator(d).update(areas=["region", "gamma"])),
    ("agreement/forums.yaml", lambda d: d["forums"][0]["members"][0].update(party="gamma")),
    ("agreement/forums.yaml", lambda d: d["forums"][0].update(chair="gamma")),
])
def test_unknown_party_everywhere_a_party_is_named(root, file, change):
    assert "unknown_party" in root.edit(file, change).codes()


def test_lead_covered_by_all_municipalities_passes(root):
    assert root.edit("subareas/hyte.yaml", lambda d: action(d).update(lead="beta")).codes() == []


def test_lead_county_not_covered_by_all_municipalities(root):
    def change(d):
        action(d).update(responsible=["all_municipalities"], lead="hva")
    assert root.edit("subareas/hyte.yaml", change).codes() == ["lead_not_responsible"]


def test_lead_must_be_one_party(root):
    assert root.edit("subareas/hyte.yaml", lambda d: action(d).update(lead="all_municipalities")).codes() \
        == ["pattern"]  # the schema already refuses the keyword as a lead


def test_annex_parties_are_a_subset_of_the_agreement_parties(root):
    annex = {"annexes": [{"id": "L-1", "title": "Liite", "kind": "service", "parties": ["hva", "alfa"],
                          "legally_binding": False, "status": "draft", "subareas": ["hyte"]}]}
    (root.path / "agreement" / "annexes.yaml").write_text(yaml.safe_dump(annex))
    assert root.codes() == []
    annex["annexes"][0]["parties"].append("omega")
    (root.path / "agreement" / "annexes.yaml").write_text(yaml.safe_dump(annex))
    assert root.codes() == ["unknown_party"]


# --- scope -----------------------------------------------------------------------------------------
def test_scope_1_allows_goals_without_actions_or_indicators(root):
    root.edit("agreement/agreement.yaml", lambda d: d.update(scope=1))
    root.edit("subareas/tilat.yaml", lambda d: d["goals"][0].update(actions=[], indicators=[]))
    assert root.codes() == []


@pytest.mark.parametrize("scope", [2, 3])
def test_scope_2_and_3_require_actions_indicators_baseline_and_target(root, scope):
    root.edit("agreement/agreement.yaml", lambda d: d.update(scope=scope))
    root.edit("subareas/hyte.yaml", lambda d: d["goals"][0].update(actions=[]))
    root.edit("subareas/tilat.yaml", lambda d: d["goals"][0].update(indicators=[]))
    root.edit("subareas/elinvoima.yaml", lambda d: indicator(d).pop("target"))
    assert sorted(root.codes()) == ["goal_without_action", "goal_without_indicator", "required"]


# --- indicators ------------------------------------------------------------------------------------
@pytest.mark.parametrize("direction, baseline, target, codes", [
    ("increase", 10, 20, []), ("increase", 10, 10, ["target_direction"]), ("increase", 10, 5, ["target_direction"]),
    ("decrease", 10, 5, []), ("decrease", 10, 12, ["target_direction"]),
    ("keep", 10, 10, []), ("keep", 10, 11, ["target_keep"]),
])
def test_target_consistent_with_direction(root, direction, baseline, target, codes):
    def change(d):
        indicator(d).update(direction=direction, baseline={"year": 2024, "value": baseline},
                            target={"year": 2028, "value": target})
    assert root.edit("subareas/hyte.yaml", change).codes() == codes


def test_other_source_needs_name_and_url(root):
    assert root.edit("subareas/hyte.yaml", lambda d: indicator(d).update(
        source={"name": "Kouluterveyskysely", "url": "https://thl.fi/kouluterveyskysely"})).codes() == []
    assert root.edit("subareas/hyte.yaml", lambda d: indicator(d).update(
        source={"name": "Kouluterveyskysely"})).codes() == ["source_url_missing"]


# --- actions ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("schedule, codes", [
    ({"start": "2025-06", "end": "2029-05"}, []),
    ({"start": "2025-06-01", "end": "2029-05-31"}, []),
    ({"start": 2025, "end": 2029}, ["schedule_outside_term"]),
    ({"start": "2029-06"}, ["schedule_outside_term"]),
    ({"start": 2027, "end": 2026}, ["schedule_order"]),
])
def test_schedule_against_the_council_term(root, schedule, codes):
    assert root.edit("subareas/hyte.yaml", lambda d: action(d).update(schedule=schedule)).codes() == codes


@pytest.mark.parametrize("status", ["delayed", "cancelled"])
def test_delayed_and_cancelled_need_a_reason(root, status):
    assert root.edit("subareas/hyte.yaml", lambda d: action(d).update(status=status)).codes() == ["status_reason_missing"]
    assert root.edit("subareas/hyte.yaml", lambda d: action(d).update(status_reason="Resurssit siirtyivät.")).codes() == []


# --- parties and approval ------------------------------------------------------------------------
def approved(d):
    for party in d["parties"]:
        party["decisions"] = [{"body": "valtuusto", "date": "2026-03-02", "section": 1, "outcome": "approved"}]


@pytest.mark.parametrize("status", ["signed", "in_force"])
def test_signed_needs_every_signing_party_approved_with_signatories(root, status):
    root.edit("agreement/agreement.yaml", lambda d: d.update(status=status))
    assert root.codes() == ["signed_without_approval"] * 3
    root.edit("agreement/parties.yaml", approved)
    assert root.codes() == []
    root.edit("agreement/parties.yaml", lambda d: d["parties"][2].update(signatories=[]))
    assert root.codes() == ["signed_without_signatories"]


def test_tabled_decision_is_not_an_approval(root):
    root.edit("agreement/agreement.yaml", lambda d: d.update(status="signed"))
    root.edit("agreement/parties.yaml", approved)
    root.edit("agreement/parties.yaml", lambda d: d["parties"][1]["decisions"][0].update(outcome="tabled"))
    assert root.codes() == ["signed_without_approval"]


def test_non_signing_party_needs_no_approval(root):
    root.edit("agreement/agreement.yaml", lambda d: d.update(status="signed"))
    root.edit("agreement/parties.yaml", approved)
    root.edit("agreement/parties.yaml", lambda d: d["parties"].append(
        {"id": "jarjesto", "kind": "organisation", "name": "Järjestö", "business_id": "2081967-0", "signs": False}))
    assert root.codes() == []


@pytest.mark.parametrize("value, codes", [
    ("0737546-2", []), ("2081967-0", []), ("0737546–2", ["business_id_dash"]),
    ("0737546-3", ["business_id_check"]), ("9331908-6", ["business_id_check"]),
])
def test_business_id_check_digit(root, value, codes):
    assert root.edit("agreement/parties.yaml", lambda d: d["parties"][2].update(business_id=value)).codes() == codes


def test_business_id_with_no_valid_check_digit_says_so(root):
    from cooperation.business_id import check_digit
    digits = next(f"{n:07d}" for n in range(1000000, 9999999) if check_digit(f"{n:07d}") is None)
    root.edit("agreement/parties.yaml", lambda d: d["parties"][2].update(business_id=f"{digits}-0"))
    assert root.codes() == ["business_id_check"]


def test_counties_and_municipalities(root):
    assert root.edit("agreement/parties.yaml", lambda d: d["parties"][2].update(kind="county")).codes() == ["many_counties"]
    root.edit("agreement/parties.yaml", lambda d: [p.update(kind="county") for p in d["parties"][:1]])
    root.edit("agreement/parties.yaml", lambda d: [p.update(kind="organisation") for p in d["parties"][1:]])
    assert "no_municipalities" in root.codes()


def test_party_id_region_is_reserved(root):
    def rename(d):
        d["parties"][2]["id"] = "region"
    assert root.edit("agreement/parties.yaml", rename).codes() == ["reserved_party_id"]


# --- sub-areas --------------------------------------------------------------------------------------
def test_all_six_common_subareas_present_give_no_warning(root):
    assert root.codes() == []
    (root.path / "subareas" / "tilat.yaml").unlink()
    (root.path / "subareas" / "henkilosto.yaml").unlink()
    assert root.codes() == ["common_subarea_missing", "common_subarea_missing"]


def test_file_name_must_match_id(root):
    (root.path / "subareas" / "hyte.yaml").rename(root.path / "subareas" / "hyvinvointi.yaml")
    assert root.codes() == ["subarea_file_name"]


# --- languages ----------------------------------------------------------------------------------------
def test_every_text_in_every_language_of_a_bilingual_agreement(tmp_path):
    root = copy_example(tmp_path / "root")
    path = root / "subareas" / "hyte.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("      sv: Allt fler vuxna motionerar på fritiden.\n", "")
    text = text.replace("resources:\n  fi: Hyvinvointialueen", "resources: Hyvinvointialueen")
    text = text.replace("  sv: Välfärdsområdets enhet för välfärd och hälsa (4 årsverken) och kommunernas välfärdskoordinatorer.\n", "")
    path.write_text(text, encoding="utf-8")
    result = check(load_sources(root))
    assert [(p.code, p.severity, p.file, p.line, p.item, p.field) for p in result.sorted()] == [
        ("missing_translation", "warning", "subareas/hyte.yaml", 30, ("subarea", "hyte"), "resources"),
        ("missing_translation", "warning", "subareas/hyte.yaml", 37, ("goal", "HYTE-1"), "title"),
    ]


def test_monolingual_agreement_needs_no_translations(root):
    # texts as plain strings, in the main language only, and in another language only
    root.edit("subareas/hyte.yaml", lambda d: d.update(description={"fi": "Kuvaus."}))
    root.edit("agreement/forums.yaml", lambda d: d["forums"][0].update(purpose={"sv": "Beredning och uppföljning."}))
    assert root.codes() == []
    root.edit("agreement/agreement.yaml", lambda d: d.update(languages=["fi", "sv"]))
    assert "missing_translation" in root.codes()  # the same texts in a bilingual agreement


# --- measurements ------------------------------------------------------------------------------------
def test_measurement_rows(root):
    csv = root.path / "measurements" / "values.csv"
    csv.write_text("indicator,area,year,value\nHYTE-1-M1,beta,2024,3\nTILA-1-M1,region,2024,2.5\n")
    assert root.codes() == []
    csv.write_text("indicator,area,year,value\nHYTE-1-M1,beta,2024,3\nHYTE-1-M1,beta,2024,4\n")
    assert root.codes() == ["measurement_duplicate"]
    root.edit("subareas/hyte.yaml", lambda d: indicator(d).update(areas=["region"]))
    assert root.codes() == ["measurement_area_not_followed", "measurement_area_not_followed", "measurement_duplicate"]


def test_measurements_may_use_semicolons_and_decimal_commas(root):
    (root.path / "measurements" / "values.csv").write_text("indicator;area;year;value\nHYTE-1-M1;region;2024;10,5\n")
    assert root.codes() == []


def test_measurement_cells_are_read_or_reported_never_dropped(root):
    from cooperation.load.sources import read_measurements
    problems = []
    rows = read_measurements(
        "indicator,area,year,value,note\n"
        "HYTE-1-M1,region,2024,1 234.5,\n"     # a space grouping thousands
        ",,,,\n"                               # an empty row is skipped
        "HYTE-1-M1,region,20x4,3,\n"
        "HYTE-1-M1,region,2025,abc,\n"
        "HYTE-1-M1,region,2025\n"
        "HYTE-1-M1,Region!,2026,1,\n", "m.csv", problems)
    assert [(r.line, r.value) for r in rows] == [(2, 1234.5)]
    assert [(p.code, p.line, p.column, p.field) for p in problems] == [
        ("type", 4, 18, "year"), ("type", 5, 23, "value"), ("csv_columns", 6, 1, None),
        ("pattern", 7, 11, "area")]


# --- ids that would replace a page of the site ----------------------------------------------------------
def _fixed_site_names() -> set[str]:
    """Every page and folder name of a real build of the example that does not come from an id."""
    from cooperation.outputs.site.pages import Site
    from cooperation.pipeline import load

    model, _ = load(REPO)
    names: set[str] = set()
    for lang in model.languages:
        site = Site(model, lang)
        pages = site.build()
        from_ids = {f"osa-alueet/{s.id}.md" for s in model.subareas} | {f"osapuolet/{p.id}.md" for p in model.parties}
        from_ids |= {f"mittarit/{i.id.lower()}.md" for i in model.indicators}  # in their own folder
        for path in set(pages) - from_ids:
            names.update(part.removesuffix(".md") for part in path.split("/"))
        for path in site.assets:
            names.update(path.split("/")[:-1])  # folders; file names have extensions ids cannot have
        names.add(lang)  # each language's site is a folder named by its code
    from cooperation.outputs.site.build import SITE_CONFIG
    names.update(path.stem if path.suffix == ".md" else path.name for path in (SITE_CONFIG / "docs").iterdir())
    names.update(("tietomuoto", "lataukset"))  # added by the plugin's on_files
    return names


def test_every_fixed_page_and_folder_name_of_the_site_is_reserved():
    from cooperation.check.checks.ids import reserved_ids
    from cooperation.schemas import default_schemas

    names = _fixed_site_names()
    assert {"index", "historia", "versiot", "lataukset", "tietomuoto", "ohje", "assets", "sv"} <= names
    assert names - reserved_ids(default_schemas()) == set()


@pytest.mark.parametrize("ident", ["index", "historia", "sv"])
def test_reserved_id_for_a_subarea_or_a_party_is_refused(root, ident):
    def rename(d):
        d["parties"][2]["id"] = ident
        d["parties"][2]["name"] = "Betan kunta"
    lines = validate_lines(root.edit("agreement/parties.yaml", rename).path)
    assert any("agreement/parties.yaml:" in line and f"tunniste ”{ident}” on varattu sivuston sivulle tai kansiolle"
               in line for line in lines), lines
    source = root.path / "subareas" / "tilat.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace("id: tilat\n", f"id: {ident}\n", 1), encoding="utf-8")
    source.rename(root.path / "subareas" / f"{ident}.yaml")
    lines = validate_lines(root.path)
    assert f"subareas/{ident}.yaml:1:5: virhe: Osa-alue {ident}, kenttä ”Tunniste” (id): tunniste ”{ident}” on varattu " \
           "sivuston sivulle tai kansiolle; valitse toinen tunniste" in lines, lines


# --- a crashing cross-check ----------------------------------------------------------------------------
def _crashing(c):
    raise KeyError("boom")


@pytest.mark.parametrize("schema_error", [False, True])
def test_a_crashing_check_is_an_internal_problem_naming_it_never_dropped(root, schema_error):
    from cooperation.check.checks import CROSS_CHECKS
    checks = [_crashing, *CROSS_CHECKS]
    if schema_error:  # a file the schema refuses does not excuse the crash
        root.edit("subareas/hyte.yaml", lambda d: action(d).update(status="kesken"))
    problems = check(load_sources(root.path), checks=checks).problems
    internal = [p for p in problems if p.code == "internal"]
    assert [(p.severity, p.params["check"], p.params["detail"]) for p in internal] == \
        [("error", "_crashing", "KeyError: 'boom'")]
    assert [p.code for p in problems if p.code != "internal"] == (["enum"] if schema_error else [])
    with pytest.raises(KeyError):
        check(load_sources(root.path), raise_errors=True, checks=checks)


def test_cross_checks_run_in_their_documented_order():
    """The order decides which of two problems on one line comes first; a new check is added here on purpose."""
    from cooperation.check.checks import CROSS_CHECKS
    assert [c.__name__ for c in CROSS_CHECKS] == [
        "check_unique_ids", "check_subarea_file_names", "check_party_references", "check_actions", "check_scope",
        "check_indicators", "check_parties", "check_periods", "check_forums", "check_workbook_subareas",
        "check_translations", "check_measurements", "check_characters", "check_reserved_ids",
        "check_timeliness", "check_document_type", "check_accessibility", "check_section_numbers",
        "check_consultations",
    ]

"""Units as data: every unit has a label per language, values are shown with their own unit, an unknown unit
is refused with file:line in Finnish."""
import re

from helpers import MINIMAL, copy_root, run_cli

from cooperation.i18n import labels as L
from cooperation.schemas import default_schemas


def _units() -> dict:
    return default_schemas().node_at("subarea", ("goals", 0, "indicators", 0, "unit"))


def test_every_unit_has_a_label_in_every_language_and_labels_differ():
    node = _units()
    assert set(node["enum"]) == set(node["x-enum"])
    for lang in ("fi", "sv", "en"):
        shown = [node["x-enum"][u][lang] for u in node["enum"]]
        assert all(shown) and len(set(shown)) == len(shown), lang


def test_values_carry_their_own_unit():
    assert L.with_unit(1250, "square_metres", 0, "fi") == "1\u00a0250\u00a0m²"
    assert L.with_unit(2.5, "hours", 1, "sv") == "2,5\u00a0h"
    assert L.with_unit(3.4, "permille", 1, "fi") == "3,4\u00a0‰"
    assert L.with_unit(512, "euro_per_inhabitant", 0, "sv") == "512\u00a0€/invånare"
    # no break inside "−1,3 / 1 000": a no-break space after the slash and between thousands (issue 32.1)
    assert L.with_unit(-1.3, "per_1000_inhabitants", 1, "fi") == "\u22121,3\u00a0/\u00a01\u00a0000 asukasta"
    assert L.with_unit(-1.3, "per_1000", 1, "sv") == "\u22121,3\u00a0/\u00a01\u00a0000"
    assert L.with_unit(12345.5, "thousand_euro", 1, "fi") == "12\u00a0345,5\u00a01\u00a0000\u00a0€"


def test_counts_say_one_in_the_singular():
    """"1 kunta", "2 kuntaa"; "1 möte", "2 möten" (issue 32.1)."""
    assert L.with_unit(1, "municipalities", 0, "fi") == "1\u00a0kunta"
    assert L.with_unit(2, "municipalities", 0, "fi") == "2\u00a0kuntaa"
    assert L.with_unit(1, "meetings", 0, "sv") == "1\u00a0möte"
    assert L.with_unit(2, "meetings", 0, "sv") == "2\u00a0möten"
    assert L.with_unit(1, "meetings", 0, "fi") == "1\u00a0kokous"
    assert L.with_unit(1.5, "years", 1, "fi") == "1,5\u00a0vuotta"
    for unit in L.UNIT_ONE:  # every count unit with a singular has it in every language, and it differs
        for lang in ("fi", "sv", "en"):
            assert L.UNIT_ONE[unit][lang]
    assert L.count_word("n_parties", 1, "fi") == "osapuoli" and L.count_word("n_parties", 30, "fi") == "osapuolta"
    assert L.count_word("n_actions", 1, "sv") == "åtgärd" and L.count_word("n_actions", 2, "sv") == "åtgärder"


def test_an_unknown_unit_is_an_error_with_file_and_line(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "root")
    hyte = root / "subareas" / "hyte.yaml"
    text = hyte.read_text(encoding="utf-8")
    line = text[:text.index("unit: percent")].count("\n") + 1
    hyte.write_text(text.replace("unit: percent", "unit: neliömetri", 1), encoding="utf-8")
    done = run_cli("validate", "--root", root)
    assert done.returncode == 1
    assert re.search(rf"subareas/hyte\.yaml:{line}:\d+: virhe: .*kenttä ”Yksikkö” \(unit\): arvo ”neliömetri” "
                     r"ei ole sallittu", done.stdout), done.stdout


def test_the_workbook_shows_a_unit_without_a_break_in_its_number():
    """The values sheet's unit column (read by no import): "/ 1 000 asukasta" stays on one line in a narrow cell."""
    from cooperation.workbook import cells as C
    assert C.unit_word("per_1000_inhabitants", "fi") == "/\u00a01\u00a0000 asukasta"
    assert C.unit_word("thousand_euro", "sv") == "1\u00a0000\u00a0€"
    assert C.unit_word("percent", "fi") == "%"

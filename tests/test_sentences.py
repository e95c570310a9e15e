"""Changes in the parties' words (changes/sentences.py, read through diff.field_line and diff.summary): a status
update, a decision, a value with its unit and year, a schedule, an added or removed record of a list and an added
item with all its fields, each a sentence in Finnish and Swedish; golden strings written by hand."""
from __future__ import annotations

from pathlib import Path

from amending import edit
from helpers import MINIMAL, TESTS, copy_root

from cooperation.changes.diff import compare, field_line, summary
from cooperation.changes.sentences import item_fields, item_heading
from cooperation.load.sources import load_sources

SWEDISH_FIRST = TESTS / "fixtures" / "swedish_first"




def lines(old: Path, new: Path, lang: str) -> list[str]:
    diff = compare(load_sources(old), load_sources(new))
    return [field_line(i, f, lang, diff.main_language).replace("\xa0", " ") for i in diff.items for f in i.fields]


def party(data: dict, ident: str) -> dict:
    return next(p for p in data["parties"] if p["id"] == ident)


def test_a_status_update_and_a_target_are_sentences(tmp_path):
    old = copy_root(MINIMAL, tmp_path / "old")
    new = copy_root(MINIMAL, tmp_path / "new")

    def change(d):
        action = d["goals"][0]["actions"][0]
        action["status_history"] = [{"date": "2026-02-10", "status": "ongoing"},
                                    {"date": "2026-09-30", "status": "delayed", "note": "Rahoitus viivästyi."}]
        action["status"] = "delayed"
        action["schedule"] = {"start": "2026-01", "end": "2027-12"}
        d["goals"][0]["indicators"][0]["decimals"] = 1
        d["goals"][0]["indicators"][0]["target"]["value"] = 14
    edit(old, "subareas/hyte.yaml", lambda d: d["goals"][0]["indicators"][0].update(decimals=1))
    edit(new, "subareas/hyte.yaml", change)
    assert lines(old, new, "fi") == [
        "HYTE-1-T1, aikataulu: 2026–2027 → 1/2026–12/2027",
        "HYTE-1-T1, tila: käynnissä → viivästynyt",
        "HYTE-1-T1: tila päivitetty 10.2.2026: käynnissä",
        "HYTE-1-T1: tila päivitetty 30.9.2026: viivästynyt – Rahoitus viivästyi.",
        "HYTE-1-M1, tavoitetaso 2028: 20,0 % → 14,0 %"]
    assert lines(old, new, "sv")[2:] == [
        "HYTE-1-T1: status uppdaterad 10.2.2026: pågår",
        "HYTE-1-T1: status uppdaterad 30.9.2026: försenad – Rahoitus viivästyi.",
        "HYTE-1-M1, målnivå 2028: 20,0 % → 14,0 %"]


def test_a_decision_is_a_sentence_and_one_added_before_the_others_is_one_change(tmp_path):
    old = copy_root(SWEDISH_FIRST, tmp_path / "old")
    new = copy_root(SWEDISH_FIRST, tmp_path / "new")
    board = {"body": {"sv": "stadsstyrelsen", "fi": "kaupunginhallitus"}, "date": "2026-03-02", "section": 58,
             "outcome": "approved"}
    council = {"body": {"sv": "stadsfullmäktige", "fi": "kaupunginvaltuusto"}, "date": "2026-03-16", "section": 19,
               "outcome": "approved"}
    edit(old, "agreement/parties.yaml", lambda d: party(d, "bstad").update(decisions=[council]))
    # the board's decision recorded before the council's: one added decision, the council's unchanged
    edit(new, "agreement/parties.yaml", lambda d: party(d, "bstad").update(decisions=[board, council]))
    assert lines(old, new, "fi") == ["Bstadin kaupunginhallitus hyväksyi sopimuksen 2.3.2026 (§ 58)"]
    assert lines(old, new, "sv") == ["Stadsstyrelsen i Bstads stad godkände avtalet 2.3.2026 (§ 58)"]
    tabled = dict(council, outcome="tabled", version="v1.0")
    edit(new, "agreement/parties.yaml", lambda d: party(d, "bstad").update(decisions=[tabled]))
    assert lines(old, new, "fi") == ["Päätös korjattu: Bstadin kaupunginvaltuusto hyväksyi sopimuksen 16.3.2026 "
                                     "(§ 19): päätös hyväksytty → jätetty pöydälle; versio – → v1.0"]
    edit(new, "agreement/parties.yaml", lambda d: party(d, "bstad").update(decisions=[]))
    assert lines(old, new, "sv") == ["Beslut borttaget: Stadsfullmäktige i Bstads stad godkände avtalet 16.3.2026 "
                                     "(§ 19)"]


def test_an_added_item_has_every_field_and_a_removed_one_what_it_said(tmp_path):
    old = copy_root(MINIMAL, tmp_path / "old")
    new = copy_root(MINIMAL, tmp_path / "new")
    added = {"id": "HYTE-1-T3", "title": "Liikuntaneuvonta kirjastoissa", "responsible": ["hva", "alfa"],
             "lead": "alfa", "schedule": {"start": "2027-01", "end": "2028-12"}, "status": "planned"}
    edit(new, "subareas/hyte.yaml", lambda d: d["goals"][0]["actions"].append(added))
    diff = compare(load_sources(old), load_sources(new))
    [item] = diff.items
    assert item_heading(item, "fi", "fi") == "Uusi toimenpide HYTE-1-T3: Liikuntaneuvonta kirjastoissa"
    assert item_fields(item, "fi", "fi") == [
        ("Vastuutahot", "Testialueen hyvinvointialue, Alfan kunta"), ("Päävastuutaho", "Alfan kunta"),
        ("Aikataulu", "1/2027–12/2028"), ("Tila", "suunniteltu")]
    assert summary(diff, "fi") == "Uusi toimenpide HYTE-1-T3"
    removed = compare(load_sources(new), load_sources(old))
    assert item_heading(removed.items[0], "sv", "fi") == "Borttagen åtgärd HYTE-1-T3: Liikuntaneuvonta kirjastoissa"
    assert ("Huvudansvarig", "Alfan kunta") in item_fields(removed.items[0], "sv", "fi")


def test_an_item_of_a_list_is_named_by_the_list_and_its_number():
    """A change inside a list of records without a title of its own reads "tunnetut puutteet 1", never "0"."""
    from cooperation.changes.sentences import title
    assert title("agreement", ("accessibility", "known_problems", 0), "fi") == "tunnetut puutteet 1"
    assert title("agreement", ("accessibility", "known_problems", 1), "sv") == "kända brister 2"
    assert title("agreement", ("accessibility", "known_problems", 0, "text"), "fi") == "puute"


def test_a_decision_rewritten_with_another_type_of_the_same_number_is_still_a_change(tmp_path):
    """An item whose data is identical is passed over without comparing it field by field; 19 and 19.0 (or 1 and
    true) are equal in Python but not identical: the record of the decision still shows the change."""
    old = copy_root(SWEDISH_FIRST, tmp_path / "old")
    new = copy_root(SWEDISH_FIRST, tmp_path / "new")
    council = {"body": {"sv": "stadsfullmäktige", "fi": "kaupunginvaltuusto"}, "date": "2026-03-16", "section": 19,
               "outcome": "approved"}
    edit(old, "agreement/parties.yaml", lambda d: party(d, "bstad").update(decisions=[council]))
    edit(new, "agreement/parties.yaml", lambda d: party(d, "bstad").update(decisions=[dict(council, section=19.0)]))
    (line,) = lines(old, new, "fi")
    assert line.startswith("Päätös korjattu: Bstadin kaupunginvaltuusto hyväksyi sopimuksen 16.3.2026 (§ 19)")
    assert lines(old, old, "fi") == []

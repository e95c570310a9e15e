"""A large synthetic region for benchmarks: 27 municipalities, 15 sub-areas, 150 goals,
600 actions, 300 indicators and 20,000 measurement rows, bilingual, valid.

    python benchmarks/synthetic.py [DIR]     (default: benchmarks/generated)
"""
from __future__ import annotations

import os
import random
import shutil
import sys
from pathlib import Path

import yaml

# The region's schedules and values are written for early 2026: the benchmarks judge timeliness as of
# 1.1.2026 (every command they run, in process or not, reads the date from here), so the region stays clean
# whatever day they run.
os.environ.setdefault("SOURCE_DATE_EPOCH", "1767225600")

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
# BENCH_SCALE=smoke: a small region, for CI's run of every benchmark as a smoke test (they finish and print)
SCALE = os.environ.get("BENCH_SCALE", "large")
SMALL = SCALE == "smoke"
MUNICIPALITIES = 3 if SMALL else 27
SUBAREAS = 6 if SMALL else 15
GOALS_PER_SUBAREA = 1 if SMALL else 10
ACTIONS_PER_GOAL = 1 if SMALL else 4
INDICATORS_PER_GOAL = 1 if SMALL else 2
MEASUREMENT_ROWS = 100 if SMALL else 20_000


def region_folder() -> Path:
    """Where the benchmarks generate their region (benchmarks/generated/, not tracked): one per scale."""
    return HERE / "generated" / SCALE
WORKBOOK = ["wellbeing_promotion", "personnel", "participation", "premises", "support_services", "vitality",
            "education_and_social", "employment", "integration", "security"]


def _business_id(n: int) -> str:
    sys.path.insert(0, str(REPO))
    from cooperation.business_id import check_digit
    while True:
        digits = f"{2000000 + n * 7919 % 7000000:07d}"
        if check_digit(digits) is not None:
            return f"{digits}-{check_digit(digits)}"
        n += 1


def _text(fi: str, sv: str) -> dict:
    return {"fi": fi, "sv": sv}


def _sentence(rng: random.Random, words: list[str], n: int) -> str:
    return " ".join(rng.choice(words) for _ in range(n)).capitalize() + "."


FI_WORDS = ("hyvinvointi palvelu asukas kunta yhteistyö tavoite lapsi nuori perhe työllisyys kotoutuminen "
            "turvallisuus tieto seuranta osallisuus ikääntynyt liikunta terveys koulu palveluketju").split()
SV_WORDS = ("välfärd tjänst invånare kommun samarbete mål barn unga familj sysselsättning integration "
            "säkerhet information uppföljning delaktighet äldre motion hälsa skola servicekedja").split()


def generate(target: Path) -> Path:
    rng = random.Random(2026)
    if target.exists():
        shutil.rmtree(target)
    (target / "agreement").mkdir(parents=True)
    (target / "subareas").mkdir()
    (target / "measurements").mkdir()
    agreement = yaml.safe_load((REPO / "agreement" / "agreement.yaml").read_text(encoding="utf-8"))
    agreement["id"] = "synteettinen-alue"
    for person in agreement.get("coordinators", []):
        person["party"] = "hva"
    (target / "agreement" / "agreement.yaml").write_text(yaml.safe_dump(agreement, allow_unicode=True, sort_keys=False),
                                                        encoding="utf-8")
    municipalities = [f"kunta-{i:02d}" for i in range(1, MUNICIPALITIES + 1)]
    parties = [{"id": "hva", "kind": "county", "name": _text("Synteettinen hyvinvointialue", "Syntetiska välfärdsområdet"),
                "business_id": _business_id(1), "signs": True,
                "signatories": [{"name": "Aino Aaltonen", "title": _text("puheenjohtaja", "ordförande")}]}]
    for i, mid in enumerate(municipalities, start=2):
        parties.append({"id": mid, "kind": "municipality", "name": _text(f"Kunta {i - 1}", f"Kommun {i - 1}"),
                        "business_id": _business_id(i * 31), "signs": True,
                        "signatories": [{"name": f"Henkilö {i}", "title": _text("kunnanjohtaja", "kommundirektör")}],
                        "decisions": [{"body": _text("kunnanvaltuusto", "kommunfullmäktige"), "date": "2025-12-15",
                                       "section": i, "diary_number": f"D/{i}/2026", "outcome": "approved"}]})
    (target / "agreement" / "parties.yaml").write_text(yaml.safe_dump({"parties": parties}, allow_unicode=True, sort_keys=False),
                                                      encoding="utf-8")
    shutil.copy(REPO / "agreement" / "forums.yaml", target / "agreement" / "forums.yaml")
    forums = yaml.safe_load((target / "agreement" / "forums.yaml").read_text(encoding="utf-8"))
    for forum in forums["forums"]:
        forum["members"] = [{"party": "hva", "role": _text("johto", "ledningen")},
                            {"party": "all_municipalities", "role": _text("kunnat", "kommunerna")}]
        forum["chair"] = "hva"
    (target / "agreement" / "forums.yaml").write_text(yaml.safe_dump(forums, allow_unicode=True, sort_keys=False), encoding="utf-8")
    indicators = []
    for s in range(SUBAREAS):
        code = f"OA{s + 1:02d}"
        goals = []
        for g in range(1, GOALS_PER_SUBAREA + 1):
            actions = []
            for a in range(1, ACTIONS_PER_GOAL + 1):
                lead = rng.choice(["hva"] + municipalities)
                responsible = sorted({lead, *rng.sample(municipalities, 2)}) if rng.random() < 0.5 else [lead, "all_municipalities"] if lead == "hva" else ["hva", "all_municipalities"]
                actions.append({
                    "id": f"{code}-{g}-T{a}",
                    "title": _text(_sentence(rng, FI_WORDS, 9), _sentence(rng, SV_WORDS, 9)),
                    "description": _text(_sentence(rng, FI_WORDS, 30), _sentence(rng, SV_WORDS, 30)),
                    "responsible": responsible, "lead": lead,
                    "schedule": {"start": f"2026-{rng.randint(1, 12):02d}", "end": f"2028-{rng.randint(1, 12):02d}"},
                    "status": rng.choice(["planned", "ongoing", "done"]),
                    "resources": _text(_sentence(rng, FI_WORDS, 12), _sentence(rng, SV_WORDS, 12)),
                })
            goal_indicators = []
            for m in range(1, INDICATORS_PER_GOAL + 1):
                baseline = round(rng.uniform(5, 60), 1)
                iid = f"{code}-{g}-M{m}"
                indicators.append(iid)
                goal_indicators.append({
                    "id": iid, "name": _text(_sentence(rng, FI_WORDS, 8), _sentence(rng, SV_WORDS, 8)),
                    "unit": "percent", "decimals": 1, "source": {"sotkanet": rng.choice([3127, 181, 717, 3219])},
                    "direction": "increase", "baseline": {"year": 2024, "value": baseline},
                    "target": {"year": 2028, "value": round(baseline * 1.1, 1)},
                    "frequency": "yearly", "areas": ["region", "all_municipalities"],
                })
            goals.append({"id": f"{code}-{g}", "title": _text(_sentence(rng, FI_WORDS, 10), _sentence(rng, SV_WORDS, 10)),
                          "description": _text(_sentence(rng, FI_WORDS, 40), _sentence(rng, SV_WORDS, 40)),
                          "actions": actions, "indicators": goal_indicators})
        subarea = {
            "id": f"osa-alue-{s + 1:02d}", "code": code,
            "title": _text(f"Osa-alue {s + 1}", f"Delområde {s + 1}"),
            "group": "common" if s < 6 else "interface" if s < 10 else "regional",
            **({"workbook_subarea": WORKBOOK[s]} if s < 10 else {}),
            "basis": "joint_priority",
            "responsible_persons": [{"name": "Vastuu Henkilö", "role": _text("valmistelija", "beredare"), "party": "hva"}],
            "description": _text(_sentence(rng, FI_WORDS, 60), _sentence(rng, SV_WORDS, 60)),
            "resources": _text(_sentence(rng, FI_WORDS, 20), _sentence(rng, SV_WORDS, 20)),
            "notes": _text(_sentence(rng, FI_WORDS, 20), _sentence(rng, SV_WORDS, 20)),
            "goals": goals,
        }
        (target / "subareas" / f"{subarea['id']}.yaml").write_text(
            "# yaml-language-server: $schema=../../schema/subarea.schema.json\n"
            + yaml.safe_dump(subarea, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")
    rows, per_indicator = [], -(-MEASUREMENT_ROWS // len(indicators))
    for iid in indicators:
        combos = [(area, year) for area in ["region"] + municipalities for year in range(2019, 2026)]
        for area, year in combos[:per_indicator]:
            rows.append(f"{iid},{area},{year},{round(rng.uniform(5, 60), 1)},")
    rows = rows[:MEASUREMENT_ROWS]
    (target / "measurements" / "values.csv").write_text("indicator,area,year,value,note\n" + "\n".join(rows) + "\n",
                                                       encoding="utf-8")
    return target


if __name__ == "__main__":
    out = generate(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "generated")
    print(out)

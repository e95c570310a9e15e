"""new-subarea: a new sub-area file with every required field and Finnish comments."""
from __future__ import annotations

import re
from pathlib import Path

from cooperation.files import write_atomic
from cooperation.i18n import labels as L
from cooperation.i18n.status import status
from cooperation.imports.common import EXIT_DATA, EXIT_OK, EXIT_USAGE, load, say

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")

SCAFFOLD = """\
# yaml-language-server: $schema=../schema/subarea.schema.json
# Uusi osa-alue. Kenttien selitykset ovat sivustolla kohdassa Tietomuoto.
# Pysyvä tunniste; sama kuin tiedoston nimi. Älä muuta sitä myöhemmin.
id: {id}
# Lyhenne, jolla tavoitteiden, toimenpiteiden ja mittareiden tunnisteet alkavat.
code: {code}
# Osa-alueen nimi{languages_hint}.
title:
{title}
# Ryhmä: common (yhteiset), interface (yhdyspintakohtaiset) tai regional (alueen erityispiirteet).
group: regional
# Peruste: legal_minimum (lainsäädännön vähimmäisvaatimus) tai joint_priority (yhteinen painopiste).
basis: joint_priority
# Osa-alueen vastuuhenkilöt: nimi, tehtävä, osapuolen tunniste ja halutessa GitHub-tunnus (katselmointia varten).
responsible_persons:
  - name: Etunimi Sukunimi
    role:
{role}
    party: {county}
# Mistä osa-alueessa on kyse ja miksi siitä sovitaan. Markdown-muotoilu on sallittu.
description:
{description}
# Tavoitteet tärkeysjärjestyksessä. Jokaisella tavoitteella on toimenpiteet ja mittarit.
goals:
  - id: {code}-1
    # Tavoite yhdellä lauseella: realistinen, konkreettinen ja mitattava.
    title:
{goal}
    actions:
      - id: {code}-1-T1
        title:
{action}
        # Vastuutahot: osapuolten tunnisteet tai all_municipalities (jokainen kunta).
        responsible: [{county}]
        # Päävastuutaho: yksi vastuutahoista.
        lead: {county}
        # Aikataulu: vuosi, kuukausi (2026-09) tai päivä.
        schedule: {{start: {year}, end: {end}}}
        # Tila: planned, ongoing, done, delayed tai cancelled (kahdelle viimeiselle perustelu: status_reason).
        status: planned
    indicators:
      - id: {code}-1-M1
        name:
{indicator}
        # Yksikkö, esimerkiksi percent, per_1000_inhabitants, euro_per_inhabitant, square_metres, hours;
        # kaikki yksiköt: schema/subarea.schema.json.
        unit: percent
        # Lähde: Sotkanetin indikaattorin numero, tai name ja url muulle lähteelle.
        source: {{sotkanet: 3127}}
        # Suunta: increase, decrease tai keep.
        direction: increase
        # Lähtötaso ja tavoitetaso: vuosi ja arvo.
        baseline: {{year: {year_minus}, value: 50}}
        target: {{year: {end}, value: 55}}
        frequency: yearly
        areas: [region]
"""


def new_subarea(ident: str, root: Path, force: bool = False) -> int:
    if not SLUG.match(ident):
        say(f"virhe: tunniste ”{ident}” ei kelpaa: käytä pieniä kirjaimia a–z, numeroita ja väliviivoja")
        return EXIT_USAGE
    path = root / "subareas" / f"{ident}.yaml"
    if path.exists() and not force:
        say(status("error", message=status("exists_use_force", path=path.relative_to(root))))
        return EXIT_DATA
    _, parties, agreement = load(root)
    county = next((p["id"] for p in parties if p.get("kind") == "county"), None)
    if county is None:
        say("virhe: osapuolista ei löydy hyvinvointialuetta (agreement/parties.yaml)")
        return EXIT_DATA
    languages = [x for x in agreement.get("languages") or ["fi"] if x in ("fi", "sv")] or ["fi"]
    def block(key: str, indent: int) -> str:  # the scaffold's placeholder texts: labels.WORDS["scaffold_…"]
        return "\n".join(" " * indent + f"{lang}: {L.word('scaffold_' + key, lang)}" for lang in languages)
    term = agreement.get("council_term") or {}
    start = int(str(term.get("start", "2026"))[:4]) + 1 if term.get("start") else 2026
    end = int(str(term.get("end", "2029"))[:4]) - 1 if term.get("end") else 2028
    code = re.sub(r"[^A-Z0-9]", "", ident.upper())[:5] or "OA"
    text = SCAFFOLD.format(id=ident, code=code, county=county, year=start, end=max(end, start + 1), year_minus=start - 1,
                           languages_hint=" kielillä " + ", ".join(languages) if len(languages) > 1 else "",
                           title=block("title", 2), role=block("role", 6), description=block("description", 2),
                           goal=block("goal", 6), action=block("action", 10), indicator=block("indicator", 10))
    write_atomic(path, text)
    say(status("subarea_written", path=path.relative_to(root)))
    return EXIT_OK

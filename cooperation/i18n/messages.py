"""Words of problem messages, in Finnish (first) and English.

Field titles and value labels are not here: they come from the schema
(``schemas.titles_of``), so a message names a field exactly as the editor sees
it in the schema's help and in the format reference.
"""
from __future__ import annotations

import re
from typing import Any

from cooperation.result import Problem

ITEM_KINDS = {
    "subarea": {"fi": "Osa-alue", "sv": "Delområde", "en": "Sub-area"},
    "goal": {"fi": "Tavoite", "sv": "Mål", "en": "Goal"},
    "action": {"fi": "Toimenpide", "sv": "Åtgärd", "en": "Action"},
    "indicator": {"fi": "Mittari", "sv": "Indikator", "en": "Indicator"},
    "party": {"fi": "Osapuoli", "sv": "Part", "en": "Party"},
    "forum": {"fi": "Foorumi", "sv": "Forum", "en": "Forum"},
    "annex": {"fi": "Liitesopimus", "sv": "Bilageavtal", "en": "Annex agreement"},
    "measurement": {"fi": "Mittaustulos", "sv": "Mätvärde", "en": "Measurement"},
    "agreement": {"fi": "Sopimus", "sv": "Avtal", "en": "Agreement"},
}

SEVERITY = {
    "error": {"fi": "virhe", "en": "error"},
    "warning": {"fi": "varoitus", "en": "warning"},
}

TYPES = {
    "string": {"fi": "tekstiä", "en": "text"},
    "integer": {"fi": "kokonaisluku", "en": "a whole number"},
    "number": {"fi": "luku", "en": "a number"},
    "boolean": {"fi": "true tai false", "en": "true or false"},
    "object": {"fi": "kenttiä (avain: arvo -rivejä)", "en": "fields (key: value lines)"},
    "array": {"fi": "luettelo (rivit alkavat viivalla -)", "en": "a list (lines starting with -)"},
    "null": {"fi": "tyhjä", "en": "empty"},
}

M: dict[str, dict[str, str]] = {
    # files
    "file_missing": {"fi": "tiedosto puuttuu; se tarvitaan ({what})",
                     "en": "file is missing; it is required ({what})"},
    "file_unexpected": {"fi": "tiedostoa ei lueta: {reason}", "en": "file is not read: {reason}"},
    "file_bom": {"fi": "tiedoston alussa on BOM-merkki; tallenna tiedosto muodossa UTF-8 ilman BOMia",
                 "en": "file starts with a byte-order mark (BOM); save it as UTF-8 without BOM"},
    "file_encoding": {"fi": "tiedosto ei ole UTF-8-muodossa (virheellinen merkki tässä kohdassa); tallenna se UTF-8-muodossa",
                      "en": "file is not UTF-8 (invalid byte here); save it as UTF-8"},
    "file_too_large": {"fi": "tiedosto on liian suuri ({size} tavua, enintään {limit}); jaa se osiin",
                       "en": "file is too large ({size} bytes, at most {limit}); split it"},
    "file_unreadable": {"fi": "tiedostoa ei voi lukea: {reason}", "en": "file cannot be read: {reason}"},
    "file_empty": {"fi": "tiedosto on tyhjä", "en": "file is empty"},
    "file_symlink": {"fi": "tiedosto on symbolinen linkki; kopioi tiedosto kansioon linkin tilalle",
                     "en": "file is a symbolic link; copy the file into the folder in place of the link"},
    "folder_symlink": {"fi": "kansio on symbolinen linkki; kopioi kansio sen tilalle",
                       "en": "folder is a symbolic link; copy the folder in its place"},
    "file_special": {"fi": "tiedosto ei ole tavallinen tiedosto (vaan esim. putki tai laite); poista se",
                     "en": "not a regular file (but e.g. a pipe or a device); remove it"},
    "control_char": {"fi": "tekstissä on näkymätön ohjausmerkki {char} ({index}. merkki); poista se",
                     "en": "text contains the invisible control character {char} (character {index}); remove it"},
    # YAML syntax
    "yaml_tab": {"fi": "sisennyksessä on sarkain (tab); sisennä välilyönneillä",
                 "en": "indentation contains a tab; indent with spaces"},
    "yaml_colon": {"fi": "kaksoispiste väärässä kohdassa: tarkista sisennys, tai jos teksti sisältää kaksoispisteen, laita se lainausmerkkeihin",
                   "en": "colon in the wrong place: check the indentation, or put text containing a colon in quotes"},
    "yaml_missing_colon": {"fi": "rivillä pitäisi olla avain ja kaksoispiste (avain: arvo)",
                           "en": "expected a key and a colon (key: value)"},
    "yaml_indentation": {"fi": "sisennys ei täsmää edellisiin riveihin; saman tason rivit alkavat samasta sarakkeesta",
                         "en": "indentation does not match the lines above; lines of the same level start in the same column"},
    "yaml_unclosed_quote": {"fi": "lainausmerkki jäi sulkematta", "en": "a quotation mark is not closed"},
    "yaml_unclosed_bracket": {"fi": "hakasulje tai aaltosulje jäi sulkematta", "en": "a bracket is not closed"},
    "yaml_escape": {"fi": "lainausmerkeissä on tuntematon \\-merkintä; käytä yksinkertaisia lainausmerkkejä '…'",
                    "en": "unknown \\ escape inside double quotes; use single quotes '…'"},
    "yaml_control_char": {"fi": "tiedostossa on näkymätön ohjausmerkki; poista se",
                          "en": "file contains an invisible control character; remove it"},
    "yaml_many_documents": {"fi": "tiedostossa saa olla vain yksi asiakirja (toinen ---)",
                            "en": "only one document is allowed in a file (a second ---)"},
    "yaml_bad_token": {"fi": "rivi alkaa merkillä, jolla YAML-arvo ei voi alkaa (esim. @ tai `); laita teksti lainausmerkkeihin",
                       "en": "a YAML value cannot start with this character (e.g. @ or `); put the text in quotes"},
    "yaml_alias": {"fi": "ankkurit ja viittaukset (& ja *) eivät ole sallittuja; kirjoita arvo auki",
                   "en": "anchors and aliases (& and *) are not allowed; write the value out"},
    "yaml_tag": {"fi": "YAML-tyyppimerkintä {tag} ei ole sallittu", "en": "YAML tag {tag} is not allowed"},
    "yaml_syntax": {"fi": "YAML-rakenne on virheellinen ({detail})", "en": "invalid YAML ({detail})"},
    "yaml_duplicate_key": {"fi": "avain ”{key}” on samassa kohdassa kahdesti (ensimmäinen rivillä {first_line})",
                           "en": "key \"{key}\" appears twice here (first on line {first_line})"},
    "yaml_complex_key": {"fi": "avaimen pitää olla pelkkä sana", "en": "a key must be a plain word"},
    "yaml_too_deep": {"fi": "rakenne on liian syvä (liian monta sisäkkäistä tasoa)",
                      "en": "structure is nested too deeply"},
    # schema
    "required": {"fi": "pakollinen kenttä puuttuu", "en": "required field is missing"},
    "unknown_field": {"fi": "tuntematon kenttä ”{key}”{suggestion}", "en": "unknown field \"{key}\"{suggestion}"},
    "type": {"fi": "arvon pitää olla {expected}, nyt {actual}{hint}", "en": "value must be {expected}, not {actual}{hint}"},
    "enum": {"fi": "arvo ”{value}” ei ole sallittu{suggestion}; sallitut arvot: {allowed}",
             "en": "value \"{value}\" is not allowed{suggestion}; allowed values: {allowed}"},
    "pattern": {"fi": "arvo ”{value}” ei ole oikeaa muotoa: {help}", "en": "value \"{value}\" has the wrong form: {help}"},
    "format_date": {"fi": "”{value}” ei ole päivämäärä muodossa VVVV-KK-PP (esim. 2026-01-31)",
                    "en": "\"{value}\" is not a date of the form YYYY-MM-DD (e.g. 2026-01-31)"},
    "format_partial_date": {"fi": "”{value}” ei ole vuosi, kuukausi (2026-09) tai päivä (2026-09-15)",
                            "en": "\"{value}\" is not a year, a month (2026-09) or a day (2026-09-15)"},
    "format_uri": {"fi": "”{value}” ei ole verkko-osoite", "en": "\"{value}\" is not a web address"},
    "min_items": {"fi": "luettelossa pitää olla vähintään {count}", "en": "the list needs at least {count}"},
    "unique_items": {"fi": "luettelossa on sama arvo kahdesti", "en": "the list has the same value twice"},
    "empty_text": {"fi": "teksti on tyhjä", "en": "text is empty"},
    "minimum": {"fi": "arvon pitää olla vähintään {limit}, nyt {value}", "en": "value must be at least {limit}, not {value}"},
    "maximum": {"fi": "arvon pitää olla enintään {limit}, nyt {value}", "en": "value must be at most {limit}, not {value}"},
    "empty_object": {"fi": "anna vähintään yksi kieliversio (fi, sv)", "en": "give at least one language version (fi, sv)"},
    "invalid": {"fi": "arvo ei kelpaa ({detail})", "en": "invalid value ({detail})"},
    # measurements (CSV)
    "csv_header": {"fi": "ensimmäisellä rivillä pitää olla sarakkeet indicator, area, year, value ja valinnaisesti note; nyt: {found}",
                   "en": "the first line must name the columns indicator, area, year, value and optionally note; found: {found}"},
    "csv_columns": {"fi": "rivillä on {found} saraketta, otsikkorivillä {expected}",
                    "en": "row has {found} columns, the header has {expected}"},
    "csv_syntax": {"fi": "CSV-rivi on virheellinen ({detail})", "en": "invalid CSV row ({detail})"},
    "csv_decimal_comma": {"fi": "arvo ”{value}”: desimaalierotin on piste (12.5), ei pilkku",
                          "en": "value \"{value}\": the decimal separator is a point (12.5), not a comma"},
    # cross-checks
    "duplicate_id": {"fi": "tunniste ”{id}” on jo käytössä: {other} ({where})",
                     "en": "identifier \"{id}\" is already used: {other} ({where})"},
    "subarea_file_name": {"fi": "tunnisteen pitää olla sama kuin tiedoston nimi: ”{expected}”",
                          "en": "the identifier must match the file name: \"{expected}\""},
    "unknown_party": {"fi": "osapuolta ”{ref}” ei ole tiedostossa agreement/parties.yaml{suggestion}",
                      "en": "party \"{ref}\" is not in agreement/parties.yaml{suggestion}"},
    "unknown_subarea": {"fi": "osa-aluetta ”{ref}” ei ole kansiossa subareas/", "en": "sub-area \"{ref}\" is not in subareas/"},
    "reserved_id": {"fi": "tunniste ”{id}” on varattu sivuston sivulle tai kansiolle; valitse toinen tunniste",
                    "en": "identifier \"{id}\" is reserved for a page or folder of the site; choose another one"},
    "reserved_party_id": {"fi": "tunniste ”{id}” on varattu (region tarkoittaa koko aluetta)",
                          "en": "identifier \"{id}\" is reserved (region means the whole region)"},
    "lead_not_responsible": {"fi": "päävastuutaho ”{lead}” ei ole vastuutahojen joukossa",
                             "en": "lead party \"{lead}\" is not among the responsible parties"},
    "lead_not_single": {"fi": "päävastuutahon pitää olla yksi osapuoli, ei all_municipalities",
                        "en": "the lead must be one party, not all_municipalities"},
    "goal_without_action": {"fi": "laajuudella {scope} jokaisella tavoitteella pitää olla vähintään yksi toimenpide",
                            "en": "at scope {scope} every goal needs at least one action"},
    "goal_without_indicator": {"fi": "laajuudella {scope} jokaisella tavoitteella pitää olla vähintään yksi arviointimittari",
                               "en": "at scope {scope} every goal needs at least one indicator"},
    "indicator_without_value": {"fi": "laajuudella {scope} mittarilla pitää olla lähtötaso ja tavoitetaso",
                                "en": "at scope {scope} an indicator needs a baseline and a target"},
    "target_direction": {"fi": "suunta on ”{direction}”, mutta tavoitetaso {target} ei ole {relation} kuin lähtötaso {baseline}",
                         "en": "direction is \"{direction}\" but the target {target} is not {relation} than the baseline {baseline}"},
    "target_keep": {"fi": "suunta on ”pysyy ennallaan”, mutta tavoitetaso {target} poikkeaa lähtötasosta {baseline}",
                    "en": "direction is \"keep\" but the target {target} differs from the baseline {baseline}"},
    "target_year": {"fi": "tavoitevuoden {target} pitää olla lähtövuoden {baseline} jälkeen",
                    "en": "the target year {target} must come after the baseline year {baseline}"},
    "source_missing": {"fi": "anna lähteeksi Sotkanet-indikaattorin numero (sotkanet) tai lähteen nimi (name)",
                       "en": "give a Sotkanet indicator number (sotkanet) or a source name (name)"},
    "source_url_missing": {"fi": "muulle lähteelle kuin Sotkanetille anna myös osoite (url)",
                           "en": "a source other than Sotkanet needs a web address (url)"},
    "schedule_order": {"fi": "aikataulun loppu {end} on ennen alkua {start}", "en": "the schedule ends ({end}) before it starts ({start})"},
    "schedule_outside_term": {"fi": "aikataulu {start}–{end} ulottuu valtuustokauden {term} ulkopuolelle",
                              "en": "the schedule {start}–{end} reaches outside the council term {term}"},
    "period_order": {"fi": "loppupäivä {end} on ennen alkupäivää {start}", "en": "the end date {end} is before the start date {start}"},
    "status_reason_missing": {"fi": "tilalle ”{status}” pitää kirjoittaa perustelu (kenttä ”Tilan perustelu”, status_reason)",
                              "en": "status \"{status}\" needs a reason (field \"Reason for status\", status_reason)"},
    "signed_without_approval": {"fi": "sopimuksen tila on ”{status}”, mutta osapuolen päätöksistä puuttuu hyväksyvä päätös",
                                "en": "the agreement is \"{status}\" but this party has no decision approving it"},
    "signed_without_signatories": {"fi": "sopimuksen tila on ”{status}”, mutta allekirjoittavalta osapuolelta puuttuvat allekirjoittajat",
                                   "en": "the agreement is \"{status}\" but this signing party has no signatories"},
    "signs_without_signatories": {"fi": "osapuoli allekirjoittaa sopimuksen, mutta allekirjoittajia ei ole nimetty",
                                  "en": "the party signs the agreement but no signatories are named"},
    "decisions_order": {"fi": "päätökset eivät ole aikajärjestyksessä ({date} on ennen edellistä päätöstä {previous})",
                        "en": "decisions are not in date order ({date} comes before the previous one, {previous})"},
    "no_county": {"fi": "osapuolista puuttuu hyvinvointialue (kind: county)", "en": "no wellbeing services county among the parties (kind: county)"},
    "many_counties": {"fi": "osapuolina on useampi hyvinvointialue", "en": "more than one wellbeing services county among the parties"},
    "no_municipalities": {"fi": "osapuolista puuttuvat kunnat (kind: municipality)", "en": "no municipalities among the parties (kind: municipality)"},
    "business_id_check": {"fi": "Y-tunnuksen ”{value}” tarkistusmerkki ei täsmää{expected}",
                          "en": "the check digit of business ID \"{value}\" does not match{expected}"},
    "business_id_dash": {"fi": "Y-tunnuksessa ”{value}” on ajatusviiva; se luetaan muodossa {normalised}",
                         "en": "business ID \"{value}\" has an en dash; it is read as {normalised}"},
    "duplicate_business_id": {"fi": "Y-tunnus {value} on jo osapuolella ”{other}”", "en": "business ID {value} is already used by \"{other}\""},
    "duplicate_sotkanet_region": {"fi": "Sotkanet-alue {value} on jo osapuolella ”{other}”",
                                  "en": "Sotkanet region {value} is already used by \"{other}\""},
    "common_subarea_missing": {"fi": "yhteinen osa-alue ”{title}” puuttuu (workbook_subarea: {value}); jokaisen yhteisen osa-alueen käsittelyä suositellaan",
                               "en": "common sub-area \"{title}\" is missing (workbook_subarea: {value}); every common sub-area should be covered"},
    "duplicate_workbook_subarea": {"fi": "työkirjan osa-alue {value} on jo osa-alueella ”{other}”",
                                   "en": "workbook sub-area {value} is already used by \"{other}\""},
    "workbook_group_mismatch": {"fi": "työkirjassa osa-alue kuuluu ryhmään ”{expected}”", "en": "in the workbook this sub-area belongs to the group \"{expected}\""},
    "missing_translation": {"fi": "teksti puuttuu kielellä {language} ({languages}-kielinen sopimus)",
                            "en": "text is missing in language {language} (the agreement is in {languages})"},
    "chair_not_member": {"fi": "puheenjohtaja ”{chair}” ei ole foorumin jäsen", "en": "chair \"{chair}\" is not a member of the forum"},
    "until_permanent": {"fi": "pysyvällä foorumilla ei ole päättymispäivää (until)", "en": "a permanent forum has no end date (until)"},
    "measurement_unknown_indicator": {"fi": "mittaria ”{ref}” ei ole missään osa-alueessa{suggestion}",
                                      "en": "indicator \"{ref}\" is not in any sub-area{suggestion}"},
    "measurement_unknown_area": {"fi": "alue ”{ref}” ei ole region eikä osapuolen tunniste",
                                 "en": "area \"{ref}\" is neither region nor a party identifier"},
    "measurement_duplicate": {"fi": "mittarilla {indicator} on alueelle {area} vuodelle {year} jo arvo ({where})",
                              "en": "indicator {indicator} already has a value for area {area}, year {year} ({where})"},
    "measurement_area_not_followed": {"fi": "mittaria {indicator} ei seurata alueella ”{area}” (kenttä ”Seuratut alueet”)",
                                      "en": "indicator {indicator} is not followed for area \"{area}\" (field \"Areas followed\")"},
    "annual_cycle_duplicate": {"fi": "vuosikellon vaihe ”{id}” on kahdesti", "en": "annual cycle step \"{id}\" appears twice"},
    "codeowners_missing": {"fi": "tiedosto puuttuu; luo se komennolla python build.py codeowners",
                           "en": "file is missing; create it with python build.py codeowners"},
    "codeowners_stale": {"fi": "tiedosto ei vastaa vastuuhenkilöiden GitHub-tunnuksia; päivitä se komennolla "
                               "python build.py codeowners", "en": "file does not match the responsible persons' "
                               "GitHub handles; update it with python build.py codeowners"},
    "internal": {"fi": "sisäinen virhe tarkistuksessa {check}: {detail}. Ilmoita tästä ylläpitäjille.",
                 "en": "internal error in check {check}: {detail}. Please report this."},
}

RELATIONS = {"increase": {"fi": "suurempi", "en": "greater"}, "decrease": {"fi": "pienempi", "en": "smaller"}}


def localize(value: Any, lang: str) -> str:
    if isinstance(value, dict) and ("fi" in value or "en" in value):
        return str(value.get(lang) or value.get("fi") or next(iter(value.values()), ""))
    if isinstance(value, (list, tuple)):
        return ", ".join(localize(v, lang) for v in value)
    return str(value)


# What a message quotes from the data stays on one line and visible, whatever the data holds:
# line breaks and tabs become spaces, other control characters their code point.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def _show(match: re.Match) -> str:
    char = match.group()
    return " " if char in "\t\n\r\u2028\u2029" else f"<U+{ord(char):04X}>"


def printable(text: str) -> str:
    return _UNPRINTABLE.sub(_show, text)


def excerpt(text: str, limit: int = 40) -> str:
    """At most ``limit`` characters of ``text``, control characters removed (to quote unknown content)."""
    text = " ".join(_UNPRINTABLE.sub(" ", text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Params(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def message(problem: Problem, lang: str = "fi") -> str:
    """The sentence for a problem: the item, the field, then what is wrong."""
    lang = lang if lang in ("fi", "en") else "fi"
    templates = M.get(problem.code, M["invalid"])
    params = _Params({k: printable(localize(v, lang)) for k, v in problem.params.items()})
    params.setdefault("detail", problem.code)
    text = templates[lang].format_map(params)
    prefix = []
    if problem.item:
        kind, ident = problem.item
        prefix.append(f"{ITEM_KINDS.get(kind, {}).get(lang, kind)} {printable(str(ident))}")
    if problem.field:
        title = (problem.field_titles or {}).get(lang) or (problem.field_titles or {}).get("fi") or problem.field
        word = "kenttä" if lang == "fi" else "field"
        prefix.append(f"{word} ”{title}” ({problem.field})" if lang == "fi" else f'{word} "{title}" ({problem.field})')
    return (", ".join(prefix) + ": " + text) if prefix else text

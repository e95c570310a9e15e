"""Words of problem messages, in Finnish (first), Swedish and English.

Field titles and value labels are not here: they come from the schema
(``schemas.titles_of``), so a message names a field exactly as the editor sees
it in the schema's help and in the format reference.
"""
from __future__ import annotations

import re
from typing import Any

from cooperation.i18n.consultation_messages import CONSULTATION_MESSAGES, CONSULTATION_PARAMS, CONSULTATION_SV
from cooperation.i18n.import_messages import IMPORT_MESSAGES, IMPORT_SV
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
    "consultation": {"fi": "Lausuntokierros", "sv": "Remissrunda", "en": "Consultation round"},
    "statement": {"fi": "Lausunto", "sv": "Utlåtande", "en": "Statement"},
}

SEVERITY = {
    "error": {"fi": "virhe", "en": "error", "sv": "fel"},
    "warning": {"fi": "varoitus", "en": "warning", "sv": "varning"},
    "info": {"fi": "tarkista", "en": "check", "sv": "kontrollera"},
}

TYPES = {
    "string": {"fi": "tekstiä", "en": "text", "sv": "text"},
    "integer": {"fi": "kokonaisluku", "en": "a whole number", "sv": "ett heltal"},
    "number": {"fi": "luku", "en": "a number", "sv": "ett tal"},
    "boolean": {"fi": "true tai false", "en": "true or false", "sv": "true eller false"},
    "object": {"fi": "kenttiä (avain: arvo -rivejä)", "en": "fields (key: value lines)", "sv": "fält (nyckel: värde-rader)"},
    "array": {"fi": "luettelo (rivit alkavat viivalla -)", "en": "a list (lines starting with -)",
              "sv": "en lista (rader som börjar med -)"},
    "null": {"fi": "tyhjä", "en": "empty", "sv": "tom"},
}

M: dict[str, dict[str, str]] = {
    # files
    "format_newer": {"fi": "tiedot ovat tietomuodossa {format}, mutta tämä työkalu ({tool}) lukee enintään muotoa "
                           "{known}; tietoja ei luettu pidemmälle: {install}",
                     "en": "the data is in format {format}, but this tool ({tool}) reads formats up to {known}; the "
                           "data was not read further: {install}"},
    "format_older": {"fi": "tiedot ovat tietomuodossa {format}, tämä työkalu ({tool}) kirjoittaa muotoa {known}: "
                           "päivitä tiedot komennolla ”yhteistyosopimus migrate” (muutokset: {steps}); siihen asti "
                           "tiedot luetaan muunnettuina",
                     "en": "the data is in format {format}, this tool ({tool}) writes format {known}: upgrade the data "
                           "with `yhteistyosopimus migrate` (changes: {steps}); until then it is read converted"},
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
    "goal_without_action": {"fi": "laajuudella {scope} jokaisella tavoitteella pitää olla vähintään yksi toimenpide",
                            "en": "at scope {scope} every goal needs at least one action"},
    "goal_without_indicator": {"fi": "laajuudella {scope} jokaisella tavoitteella pitää olla vähintään yksi arviointimittari",
                               "en": "at scope {scope} every goal needs at least one indicator"},
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
    "business_id_dash": {"fi": "Y-tunnuksessa ”{value}” on yhdysmerkin (-) paikalla merkki {char}; se luetaan "
                               "muodossa {normalised}: kirjoita {normalised}",
                         "en": "business ID \"{value}\" has the character {char} in place of the hyphen (-); it is read "
                               "as {normalised}: write {normalised}"},
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
    "measurement_removed_indicator": {"fi": "mittari ”{ref}” poistettiin sopimuksesta ({date}, versio {version}); sen "
                                            "arvot säilyvät poistetun mittarin historiana",
                                      "en": "indicator \"{ref}\" was removed from the agreement ({date}, version "
                                            "{version}); its values are kept as a removed indicator's history"},
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
    "decision_section_unknown": {"fi": "päätöksen pykälää (§, section) ei ole kirjattu; lisää se, kun se selviää pöytäkirjasta",
                                 "en": "the decision's minute section (§, section) is not recorded; add it when the minutes tell"},
    "decision_date_unknown": {"fi": "päätöksen päivää (date) ei ole kirjattu; kuukausikin (2026-03) tai vuosi (2026) riittää",
                              "en": "the decision's date is not recorded; a month (2026-03) or a year (2026) will do"},
    "decision_unknown_version": {"fi": "päätöksen versiota ”{version}” ei löydy: se ei ole allekirjoitetun version tagi eikä "
                                       "minkään tämän repositorion historiassa olevan tekstin sormenjälki (tunnetut "
                                       "versiot: {known})",
                                 "en": "the decision's version \"{version}\" is not found: it is neither a signed version's tag "
                                       "nor the fingerprint of any text in this repository's history (known versions: {known})"},
    "decision_version_not_checked": {"fi": "päätöksen versiota ”{version}” ei voi tarkistaa, koska tiedot eivät ole "
                                           "git-repositoriossa eikä se ole nykyisen tekstin sormenjälki ({current}…); "
                                           "päätöstä ei lasketa minkään tekstin hyväksynnäksi",
                                     "en": "the decision's version \"{version}\" cannot be checked: the data is not in a git "
                                           "repository and it is not the current text's fingerprint ({current}…); the "
                                           "decision counts for no text"},
    "decision_version_shallow": {"fi": "päätöksen tekstiä ei voi selvittää, koska tämä on vajaa klooni (shallow clone), "
                                       "josta puuttuu vanhempi historia: hae historia komennolla git fetch --unshallow "
                                       "(GitHub Actionsissa actions/checkout: fetch-depth: 0); siihen asti päätöstä ei "
                                       "lasketa",
                                 "en": "the decision's text cannot be found: this is a shallow clone without the older "
                                       "history; fetch it with git fetch --unshallow (in GitHub Actions, actions/checkout "
                                       "with fetch-depth: 0); until then the decision does not count"},
    "decision_unbound_undated": {"fi": "päätökselle ei ole kirjattu versiota eikä päivää, joten ei tiedetä, mitä tekstiä "
                                       "se koskee; päätöstä ei lasketa ennen kuin sille kirjataan version (version: "
                                       "sormenjälki tai tagi, pöytäkirjasta tai päätösesityksestä)",
                                 "en": "the decision names no version and no date, so its text is unknown; it does not count "
                                       "until its version is recorded (version: the fingerprint or tag, from the minutes "
                                       "or the draft decision)"},
    "decision_unbound_outside_git": {"fi": "päätökselle ei ole kirjattu versiota, eikä tiedoilla ole git-historiaa, josta "
                                           "päivän {date} teksti selviäisi; päätöstä ei lasketa ennen kuin sille kirjataan "
                                           "version (version: sormenjälki tai tagi; nykyisen tekstin sormenjälki alkaa "
                                           "{current})",
                                     "en": "the decision names no version and the data has no git history to tell the text "
                                           "of {date}; it does not count until its version is recorded (version: the "
                                           "fingerprint or tag; the current text's fingerprint begins {current})"},
    "decision_unbound_no_history": {"fi": "päätökselle ei ole kirjattu versiota, eikä git-historia ulotu päivään {date} "
                                          "(ensimmäinen muutos {first}); päätöstä ei lasketa ennen kuin sille kirjataan "
                                          "version (version: sormenjälki tai tagi)",
                                    "en": "the decision names no version and the git history does not reach {date} (first "
                                          "change {first}); it does not count until its version is recorded (version: "
                                          "the fingerprint or tag)"},
    "decision_unbound_ambiguous": {"fi": "päätökselle ei ole kirjattu versiota, ja tekstiä muutettiin ajanjaksolla {date}, "
                                         "joten ei tiedetä, mitä tekstiä päätös koskee; kirjaa tarkka päivä tai versio",
                                   "en": "the decision names no version and the text changed during {date}, so its text is "
                                         "unknown; record the exact day or the version"},
    "decision_version_derived": {"fi": "päätös koskee tekstiä, joka oli voimassa oleva luonnos {date}: {version}; kirjaa "
                                       "se päätökseen (version: {fingerprint}), niin sidos ei riipu historiasta",
                                 "en": "the decision is about the text current on {date}: {version}; record it in the "
                                       "decision (version: {fingerprint}) so the binding does not depend on the history"},
    "decision_in_future": {"fi": "päätöksen päivä {date} on tulevaisuudessa (tänään on {today}); kirjaa päätös vasta, kun "
                                 "se on tehty",
                           "en": "the decision's date {date} is in the future (today is {today}); record a decision once "
                                 "it is made"},
    "decision_conflict": {"fi": "saman toimielimen ({body}) kaksi päätöstä samana päivänä {date} eri lopputuloksin "
                                "(”{other}” ja ”{outcome}”); tarkista pöytäkirjasta",
                          "en": "two decisions of the same body ({body}) on the same day {date} with different outcomes "
                                "(\"{other}\" and \"{outcome}\"); check the minutes"},
    "decision_before_version": {"fi": "päätös {date} on tehty ennen kuin versio {version} oli olemassa (version päiväys {version_date})",
                                "en": "the decision of {date} was made before version {version} existed (version date {version_date})"},
    "version_not_raised": {"fi": "teksti poikkeaa voimassa olevasta versiosta {signed} sopimusmuutoksella, mutta "
                                 "versionumero on {version}: nosta versionumeroa (esimerkiksi 1.0 → 1.1)",
                           "en": "the text amends the version in force {signed}, but its version number is {version}: "
                                 "raise it (for example 1.0 → 1.1)"},
    "version_label_reused": {"fi": "tekstiä on muutettu sen jälkeen, kun osapuolet päättivät versiosta {earlier}, mutta "
                                   "versionumero on yhä {version}: nosta versionumeroa, jotta päätökset ja asiakirjat "
                                   "erottavat tekstit",
                             "en": "the text changed after the parties decided on version {earlier}, but its version "
                                   "number is still {version}: raise it so decisions and documents tell the texts apart"},
    "status_without_version_in_force": {"fi": "sopimuksen tila on ”{status}”, mutta mitään tekstiä eivät ole hyväksyneet "
                                              "kaikki allekirjoittavat osapuolet (nykyisen tekstin {current} on "
                                              "hyväksynyt {approved}/{total})",
                                        "en": "the agreement's status is \"{status}\" but no text has been approved by every "
                                              "signing party (the current text {current}: {approved}/{total})"},
    "signed_tag_not_approved": {"fi": "tagi {tag} merkitsee allekirjoitetun version, mutta sen tekstin hyväksymisen on "
                                      "kirjannut vain {approved}/{total} allekirjoittavaa osapuolta; versio ei ole "
                                      "voimassa ennen kuin kaikkien päätökset on kirjattu (version: {tag})",
                                "en": "tag {tag} marks a signed version, but only {approved}/{total} signing parties' "
                                      "approvals of its text are recorded; it is not in force until every party's "
                                      "decision is recorded (version: {tag})"},
    "signed_version_invalid": {"fi": "allekirjoitetun version {tag} teksti ei läpäise tarkistusta ({n} virhettä, "
                                     "ensimmäinen {where}: {problem}); korjaa tagi osoittamaan oikeaan versioon",
                               "en": "the text of the signed version {tag} does not pass the checks ({n} errors, the first "
                                     "at {where}: {problem}); make the tag point at the right version"},
    "measurement_future_year": {"fi": "vuosi {year} ei ole vielä alkanut (tänään on {today}); arvoa ei voi vielä olla",
                                "en": "year {year} has not begun yet (today is {today}); there can be no value yet"},
    "action_past_end": {"fi": "aikataulu päättyi {end}, mutta tila on yhä ”{status}”; merkitse valmiiksi, perutuksi tai "
                              "viivästyneeksi perusteluineen, tai päivitä aikataulu",
                        "en": "the schedule ended {end} but the status is still \"{status}\"; mark it done, cancelled "
                              "or delayed with a reason, or update the schedule"},
    "action_not_started": {"fi": "piti alkaa {start}, mutta tila on yhä ”suunniteltu”; päivitä tila tai aikataulu",
                           "en": "was to start {start} but the status is still \"planned\"; update the status or the "
                                 "schedule"},
    "indicator_stale": {"fi": "uusin arvo on vuodelta {year}; seurantavälillä ”{frequency}” arvo saa olla enintään "
                              "{age} vuotta vanha – lisää uudemmat arvot tiedostoon measurements/",
                        "en": "the newest value is for {year}; with the interval \"{frequency}\" it may be at most "
                              "{age} years old – add newer values to measurements/"},
    "text_not_translated": {"fi": "teksti muuttui yhdellä kielellä, mutta {languages} teksti ei muuttunut; päivitä "
                                  "käännös tai totea, ettei sitä tarvita",
                            "en": "the text changed in one language but the {languages} text did not; update the "
                                  "translation or confirm none is needed"},
    "business_id_missing": {"fi": "Y-tunnus puuttuu: kirjoita se (business_id: 1234567-8), tai jos sitä ei tiedetä, "
                                  "business_id_unknown: true",
                            "en": "the business ID is missing: write it (business_id: 1234567-8), or if it is not "
                                  "known, business_id_unknown: true"},
    "business_id_unknown": {"fi": "Y-tunnusta ei tiedetä; asiakirjoissa sen paikalla näkyy viiva (—)",
                            "en": "the business ID is not known; the documents show a dash (—) in its place"},
    "business_id_both": {"fi": "sekä Y-tunnus että business_id_unknown: true on annettu; poista toinen",
                         "en": "both a business ID and business_id_unknown: true are given; remove one"},
    "duplicate_section_number": {"fi": "numero {value} on jo kohdalla ”{other}”; jokaisella osa-alueella ja foorumilla "
                                       "on oma numeronsa",
                                 "en": "number {value} is already used by \"{other}\"; every sub-area and forum has a "
                                       "number of its own"},
    "document_type_unknown": {"fi": "asiakirjatyyppiä ”{value}” ei tunneta{suggestion}; tunnetut: {known}; tai kirjoita "
                                    "asiakirjan oma nimi tekstinä (esim. fi: yhdyspintasopimus)",
                              "en": "document type \"{value}\" is not known{suggestion}; known: {known}; or write the "
                                    "document's own name as text (e.g. fi: yhdyspintasopimus)"},
    "accessibility_contact_missing": {
        "fi": "saavutettavuusselosteesta puuttuu palautekanava: anna sähköpostiosoite (contact_email) tai palautelomakkeen "
              "osoite (feedback_url); laki digitaalisten palvelujen tarjoamisesta (306/2019) edellyttää sen",
        "en": "the accessibility statement has no feedback channel: give an e-mail address (contact_email) or a feedback "
              "form's address (feedback_url); the Act on the Provision of Digital Services (306/2019) requires one"},
    "status_date_future": {"fi": "päivä {date} on tulevaisuudessa (tänään on {today}); merkitse vain todettu tila",
                           "en": "the date {date} is in the future (today is {today}); record only a status observed"},
    "status_date_before_agreement": {"fi": "päivä {date} on ennen sopimuksen voimaantuloa {start}",
                                     "en": "the date {date} is before the agreement took effect on {start}"},
    "status_history_order": {"fi": "päivä {date} on ennen edellisen merkinnän päivää {previous}; kirjoita merkinnät "
                                   "vanhimmasta uusimpaan",
                             "en": "the date {date} is before the previous update's {previous}; list updates oldest "
                                   "first"},
    "status_history_mismatch": {"fi": "uusimman merkinnän tila ”{last}” ei ole sama kuin toimenpiteen tila ”{status}”",
                                "en": "the newest update's status \"{last}\" is not the action's status \"{status}\""},
}

RELATIONS = {"increase": {"fi": "suurempi", "en": "greater", "sv": "större"},
             "decrease": {"fi": "pienempi", "en": "smaller", "sv": "mindre"}}
LANGUAGES = ("fi", "sv", "en")  # the languages of messages (validate --lang)

# words that go into messages as their parameters (a file's description, what a value should be, a hint), per
# language: the checks name them here instead of writing words of their own
PARAMS: dict[str, dict[str, str]] = {
    "file_agreement": {"fi": "sopimuksen perustiedot", "en": "the agreement's basic data", "sv": "avtalets grunduppgifter"},
    "file_parties": {"fi": "osapuolet", "en": "the parties", "sv": "parterna"},
    "file_forums": {"fi": "yhteistyön foorumit", "en": "the forums", "sv": "samarbetsforumen"},
    "file_annexes": {"fi": "liitesopimukset", "en": "annex agreements", "sv": "bilageavtal"},
    "at_least_one_subarea": {"fi": "vähintään yksi osa-alue", "en": "at least one sub-area", "sv": "minst ett delområde"},
    "indicator_id": {"fi": "mittarin tunniste, esim. HYTE-1-M1", "en": "an indicator identifier, e.g. HYTE-1-M1",
                     "sv": "en indikators identifierare, t.ex. HYTE-1-M1"},
    "area_id": {"fi": "region tai osapuolen tunniste", "en": "region or a party identifier",
                "sv": "region eller en parts identifierare"},
    "a_year": {"fi": "vuosiluku", "en": "a year", "sv": "ett årtal"},
    "a_number": {"fi": "luku", "en": "a number", "sv": "ett tal"},
    "text_or_versions": {"fi": "tekstiä tai kieliversiot (fi:, sv:)", "en": "text or language versions (fi:, sv:)",
                         "sv": "text eller språkversioner (fi:, sv:)"},
    "or": {"fi": " tai ", "sv": " eller ", "en": " or "},
    "hint_quote": {"fi": "; jos tarkoitit tekstiä, laita arvo lainausmerkkeihin (esim. \"1.10\")",
                   "en": '; if you meant text, put the value in quotes (e.g. "1.10")',
                   "sv": "; om du menade text, sätt värdet inom citattecken (t.ex. \"1.10\")"},
    "hint_list": {"fi": "; kirjoita jokainen kohta omalle rivilleen viivan (- ) jälkeen",
                  "en": "; write each entry on its own line after a dash (- )",
                  "sv": "; skriv varje punkt på en egen rad efter ett streck (- )"},
    "hint_no_value": {"fi": " (arvo puuttuu kaksoispisteen jälkeen)", "en": " (no value after the colon)",
                      "sv": " (värdet saknas efter kolonet)"},
    "business_id_should_be": {"fi": " (pitäisi olla {value})", "en": " (should be {value})", "sv": " (borde vara {value})"},
    # what each value of a workbook's hidden sheet should be
    "source_key": {"fi": "jokin näistä: {keys}", "sv": "ett av: {keys}", "en": "one of: {keys}"},
    "source_agreement": {"fi": "sopimuksen tunniste", "sv": "avtalets identifierare", "en": "the agreement's identifier"},
    "source_fingerprint": {"fi": "SHA-256-sormenjälki (64 heksamerkkiä)", "sv": "ett SHA-256-fingeravtryck (64 hexadecimala tecken)",
                           "en": "a SHA-256 fingerprint (64 hexadecimal characters)"},
    "source_revision": {"fi": "git-versio (40 tai 64 heksamerkkiä) tai tyhjä",
                        "sv": "en git-version (40 eller 64 hexadecimala tecken) eller tom",
                        "en": "a git revision (40 or 64 hexadecimal characters) or empty"},
    "source_language": {"fi": "kielikoodi", "sv": "en språkkod", "en": "a language code"},
    "source_party": {"fi": "osapuolen tunniste tai tyhjä", "sv": "en parts identifierare eller tom",
                     "en": "a party's identifier or empty"},
    "source_languages": {"fi": "kielikoodit pilkuin erotettuina", "sv": "språkkoder åtskilda med kommatecken",
                         "en": "language codes separated by commas"},
    "source_year": {"fi": "vuosi", "sv": "ett år", "en": "a year"},
    "source_schemas": {"fi": "skeemojen tarkiste (64 heksamerkkiä)", "sv": "schemornas kontrollsumma (64 hexadecimala tecken)",
                       "en": "the schemas' digest (64 hexadecimal characters)"},
    "read_in_agreement": {"fi": "kansiossa agreement/ luetaan vain {files}", "en": "only {files} are read in agreement/",
                          "sv": "i mappen agreement/ läses endast {files}"},
    "subarea_suffix": {"fi": "osa-alueiden tiedostojen nimet päättyvät .yaml", "en": "sub-area files end in .yaml",
                       "sv": "delområdenas filnamn slutar på .yaml"},
    "format_added": {"fi": "lisätty tietomuodon versio (format: 2)", "sv": "dataformatets version tillagd (format: 2)",
                     "en": "added the data format's version (format: 2)"},
    "format_step_2": {"fi": "tietomuodon versio kenttään format", "sv": "dataformatets version i fältet format",
                      "en": "the data format's version in the field format"},
    "install_pinned": {"fi": "asenna {package} {version}, jonka repositorion requirements.txt nimeää: "
                             "pip install -r requirements.txt",
                       "sv": "installera {package} {version}, som repositoriets requirements.txt anger: "
                             "pip install -r requirements.txt",
                       "en": "install {package} {version}, which the repository's requirements.txt names: "
                             "pip install -r requirements.txt"},
    "install_newer": {"fi": "asenna {package}-työkalun uudempi versio, joka lukee tietomuotoa {format} (sen julkaisuista), "
                            "ja kirjaa se repositorion requirements.txt-tiedostoon",
                      "sv": "installera en nyare version av {package} som läser dataformat {format} och ange den i "
                            "repositoriets requirements.txt",
                      "en": "install a newer version of {package} that reads data format {format} and pin it in the "
                            "repository's requirements.txt"},
    "did_you_mean": {"fi": " (tarkoititko ”{value}”?)", "en": ' (did you mean "{value}"?)', "sv": " (menade du ”{value}”?)"},
    "allowed": {"fi": " (sallitut: {values})", "en": " (allowed: {values})", "sv": " (tillåtna: {values})"},
    "business_id_none": {"fi": " (tällaista Y-tunnusta ei ole)", "en": " (no such business ID)",
                         "sv": " (ett sådant FO-nummer finns inte)"},
}


PARAMS.update(CONSULTATION_PARAMS)


def param(name: str, **values: str) -> dict[str, str]:
    """A message parameter's words in every language (``values`` filled in)."""
    return {lang: text.format(**values) if values else text for lang, text in PARAMS[name].items()}


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
    lang = lang if lang in LANGUAGES else "fi"
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
        word = {"fi": "kenttä", "sv": "fält"}.get(lang, "field")
        prefix.append(f'{word} "{title}" ({problem.field})' if lang == "en" else f"{word} ”{title}” ({problem.field})")
    return (", ".join(prefix) + ": " + text) if prefix else text


# The Swedish column of M (validate --lang sv): kept as one block so a message's three languages can be
# compared side by side with `M[code]`; tests/test_contract_messages.py pins that every code has it.
SV: dict[str, str] = {
    "format_newer": "uppgifterna är i dataformat {format}, men detta verktyg ({tool}) läser högst format {known}; "
                    "uppgifterna lästes inte vidare: {install}",
    "format_older": "uppgifterna är i dataformat {format}, detta verktyg ({tool}) skriver format {known}: uppdatera "
                    "uppgifterna med ”yhteistyosopimus migrate” (ändringar: {steps}); tills dess läses de omvandlade",
    "file_missing": "filen saknas; den behövs ({what})",
    "file_unexpected": "filen läses inte: {reason}",
    "file_bom": "filen börjar med ett BOM-tecken; spara filen som UTF-8 utan BOM",
    "file_encoding": "filen är inte i UTF-8-format (ogiltigt tecken här); spara den som UTF-8",
    "file_too_large": "filen är för stor ({size} byte, högst {limit}); dela upp den",
    "file_unreadable": "filen kan inte läsas: {reason}",
    "file_empty": "filen är tom",
    "file_symlink": "filen är en symbolisk länk; kopiera filen till mappen i stället för länken",
    "folder_symlink": "mappen är en symbolisk länk; kopiera mappen i dess ställe",
    "file_special": "filen är inte en vanlig fil (utan t.ex. ett rör eller en enhet); ta bort den",
    "control_char": "texten innehåller det osynliga styrtecknet {char} (tecken nr {index}); ta bort det",
    "yaml_tab": "indraget innehåller en tabb; dra in med mellanslag",
    "yaml_colon": "kolon på fel ställe: kontrollera indraget, eller sätt text som innehåller kolon inom citattecken",
    "yaml_missing_colon": "raden borde ha en nyckel och ett kolon (nyckel: värde)",
    "yaml_indentation": "indraget stämmer inte med raderna ovan; rader på samma nivå börjar i samma kolumn",
    "yaml_unclosed_quote": "ett citattecken har inte stängts",
    "yaml_unclosed_bracket": "en hakparentes eller klammerparentes har inte stängts",
    "yaml_escape": "okänd \\-kod inom dubbla citattecken; använd enkla citattecken '…'",
    "yaml_control_char": "filen innehåller ett osynligt styrtecken; ta bort det",
    "yaml_many_documents": "en fil får innehålla endast ett dokument (ett andra ---)",
    "yaml_bad_token": "ett YAML-värde kan inte börja med detta tecken (t.ex. @ eller `); sätt texten inom citattecken",
    "yaml_alias": "ankare och alias (& och *) är inte tillåtna; skriv ut värdet",
    "yaml_tag": "YAML-taggen {tag} är inte tillåten",
    "yaml_syntax": "ogiltig YAML ({detail})",
    "yaml_duplicate_key": "nyckeln ”{key}” förekommer två gånger här (första gången på rad {first_line})",
    "yaml_complex_key": "en nyckel måste vara ett enkelt ord",
    "yaml_too_deep": "strukturen är för djupt kapslad",
    "required": "ett obligatoriskt fält saknas",
    "unknown_field": "okänt fält ”{key}”{suggestion}",
    "type": "värdet ska vara {expected}, inte {actual}{hint}",
    "enum": "värdet ”{value}” är inte tillåtet{suggestion}; tillåtna värden: {allowed}",
    "pattern": "värdet ”{value}” har fel form: {help}",
    "format_date": "”{value}” är inte ett datum i formen ÅÅÅÅ-MM-DD (t.ex. 2026-01-31)",
    "format_partial_date": "”{value}” är inte ett år, en månad (2026-09) eller en dag (2026-09-15)",
    "format_uri": "”{value}” är inte en webbadress",
    "min_items": "listan behöver minst {count}",
    "unique_items": "listan har samma värde två gånger",
    "empty_text": "texten är tom",
    "minimum": "värdet ska vara minst {limit}, inte {value}",
    "maximum": "värdet ska vara högst {limit}, inte {value}",
    "empty_object": "ge minst en språkversion (fi, sv)",
    "invalid": "ogiltigt värde ({detail})",
    "csv_header": "första raden ska namnge kolumnerna indicator, area, year, value och eventuellt note; nu: {found}",
    "csv_columns": "raden har {found} kolumner, rubrikraden {expected}",
    "csv_syntax": "ogiltig CSV-rad ({detail})",
    "csv_decimal_comma": "värdet ”{value}”: decimaltecknet är punkt (12.5), inte komma",
    "duplicate_id": "identifieraren ”{id}” används redan: {other} ({where})",
    "subarea_file_name": "identifieraren ska motsvara filnamnet: ”{expected}”",
    "unknown_party": "parten ”{ref}” finns inte i agreement/parties.yaml{suggestion}",
    "unknown_subarea": "delområdet ”{ref}” finns inte i subareas/",
    "reserved_id": "identifieraren ”{id}” är reserverad för en sida eller mapp på webbplatsen; välj en annan",
    "reserved_party_id": "identifieraren ”{id}” är reserverad (region betyder hela regionen)",
    "lead_not_responsible": "den ledande parten ”{lead}” är inte bland de ansvariga parterna",
    "goal_without_action": "med omfattning {scope} behöver varje mål minst en åtgärd",
    "goal_without_indicator": "med omfattning {scope} behöver varje mål minst en indikator",
    "target_direction": "riktningen är ”{direction}” men målvärdet {target} är inte {relation} än utgångsvärdet {baseline}",
    "target_keep": "riktningen är ”keep” men målvärdet {target} avviker från utgångsvärdet {baseline}",
    "target_year": "målåret {target} ska komma efter utgångsåret {baseline}",
    "source_missing": "ge ett indikatornummer i Sotkanet (sotkanet) eller namnet på källan (name)",
    "source_url_missing": "en annan källa än Sotkanet behöver en webbadress (url)",
    "schedule_order": "tidtabellen slutar ({end}) innan den börjar ({start})",
    "schedule_outside_term": "tidtabellen {start}–{end} sträcker sig utanför fullmäktigeperioden {term}",
    "period_order": "slutdatumet {end} är före startdatumet {start}",
    "status_reason_missing": "statusen ”{status}” behöver en motivering (fältet ”Motivering till status”, status_reason)",
    "signed_without_approval": "avtalet är ”{status}” men parten har inget beslut som godkänner det",
    "signed_without_signatories": "avtalet är ”{status}” men den undertecknande parten har inga undertecknare",
    "signs_without_signatories": "parten undertecknar avtalet men inga undertecknare har angetts",
    "decisions_order": "besluten är inte i datumordning ({date} kommer före det föregående, {previous})",
    "no_county": "inget välfärdsområde bland parterna (kind: county)",
    "many_counties": "fler än ett välfärdsområde bland parterna",
    "no_municipalities": "inga kommuner bland parterna (kind: municipality)",
    "business_id_check": "kontrollsiffran i FO-numret ”{value}” stämmer inte{expected}",
    "business_id_dash": "FO-numret ”{value}” har tecknet {char} i stället för bindestrecket (-); det läses som "
                        "{normalised}: skriv {normalised}",
    "business_id_missing": "FO-numret saknas: skriv det (business_id: 1234567-8), eller om det inte är känt, "
                           "business_id_unknown: true",
    "business_id_unknown": "FO-numret är inte känt; i dokumenten visas ett streck (—) i dess ställe",
    "business_id_both": "både FO-nummer och business_id_unknown: true har angetts; ta bort det ena",
    "duplicate_section_number": "numret {value} används redan av ”{other}”; varje delområde och forum har ett eget nummer",
    "document_type_unknown": "dokumenttypen ”{value}” är okänd{suggestion}; kända: {known}; eller skriv dokumentets "
                             "eget namn som text (t.ex. sv: samarbetsavtal)",
    "duplicate_business_id": "FO-numret {value} används redan av ”{other}”",
    "duplicate_sotkanet_region": "Sotkanet-området {value} används redan av ”{other}”",
    "common_subarea_missing": "det gemensamma delområdet ”{title}” saknas (workbook_subarea: {value}); "
                              "det rekommenderas att varje gemensamt delområde behandlas",
    "duplicate_workbook_subarea": "arbetsbokens delområde {value} används redan av ”{other}”",
    "workbook_group_mismatch": "i arbetsboken hör detta delområde till gruppen ”{expected}”",
    "missing_translation": "texten saknas på språket {language} (avtalet är på {languages})",
    "chair_not_member": "ordföranden ”{chair}” är inte medlem i forumet",
    "until_permanent": "ett permanent forum har inget slutdatum (until)",
    "measurement_removed_indicator": "indikatorn ”{ref}” togs bort ur avtalet ({date}, version {version}); dess värden "
                                     "finns kvar som en borttagen indikators historik",
    "measurement_unknown_indicator": "indikatorn ”{ref}” finns inte i något delområde{suggestion}",
    "measurement_unknown_area": "området ”{ref}” är varken region eller en parts identifierare",
    "measurement_duplicate": "indikatorn {indicator} har redan ett värde för området {area}, året {year} ({where})",
    "measurement_area_not_followed": "indikatorn {indicator} följs inte upp för området ”{area}” (fältet ”Områden som följs upp”)",
    "annual_cycle_duplicate": "årshjulets skede ”{id}” förekommer två gånger",
    "codeowners_missing": "filen saknas; skapa den med python build.py codeowners",
    "codeowners_stale": "filen motsvarar inte ansvarspersonernas GitHub-användarnamn; uppdatera den med "
                        "python build.py codeowners",
    "internal": "internt fel i kontrollen {check}: {detail}. Meddela detta till förvaltarna.",
    "decision_section_unknown": "beslutets paragraf (§, section) har inte registrerats; lägg till den när protokollet "
                                "visar den",
    "decision_date_unknown": "beslutets datum (date) har inte registrerats; en månad (2026-03) eller ett år (2026) räcker",
    "decision_unknown_version": "beslutets version ”{version}” hittas inte: den är varken en undertecknad versions "
                                "tagg eller fingeravtrycket för någon text i repositoriets historik (kända versioner: "
                                "{known})",
    "decision_version_not_checked": "beslutets version ”{version}” kan inte kontrolleras, eftersom uppgifterna inte finns "
                                    "i ett git-repositorium och den inte är den nuvarande textens fingeravtryck "
                                    "({current}…); beslutet räknas inte som godkännande av någon text",
    "decision_version_shallow": "beslutets text kan inte fastställas, eftersom detta är en ofullständig klon (shallow "
                                "clone) utan den äldre historiken: hämta den med git fetch --unshallow (i GitHub Actions "
                                "actions/checkout: fetch-depth: 0); till dess räknas beslutet inte",
    "decision_unbound_undated": "beslutet anger varken version eller datum, så det är okänt vilken text det gäller; det "
                                "räknas inte förrän dess version registreras (version: fingeravtrycket eller taggen, "
                                "ur protokollet eller beslutsförslaget)",
    "decision_unbound_outside_git": "beslutet anger ingen version och uppgifterna har ingen git-historik som visar texten "
                                    "den {date}; det räknas inte förrän dess version registreras (version: "
                                    "fingeravtrycket eller taggen; den nuvarande textens fingeravtryck börjar {current})",
    "decision_unbound_no_history": "beslutet anger ingen version och git-historiken når inte {date} (första ändringen "
                                   "{first}); det räknas inte förrän dess version registreras (version: fingeravtrycket "
                                   "eller taggen)",
    "decision_unbound_ambiguous": "beslutet anger ingen version och texten ändrades under {date}, så det är okänt vilken "
                                  "text det gäller; registrera den exakta dagen eller versionen",
    "decision_version_derived": "beslutet gäller den text som var det aktuella utkastet {date}: {version}; registrera den "
                                "i beslutet (version: {fingerprint}) så att kopplingen inte beror på historiken",
    "decision_in_future": "beslutets datum {date} ligger i framtiden (i dag är det {today}); registrera ett beslut först "
                          "när det har fattats",
    "decision_conflict": "två beslut av samma organ ({body}) samma dag {date} med olika utfall (”{other}” och "
                         "”{outcome}”); kontrollera protokollet",
    "decision_before_version": "beslutet {date} fattades innan versionen {version} fanns (versionens datum {version_date})",
    "version_not_raised": "texten avviker från den gällande versionen {signed} genom en avtalsändring, men "
                          "versionsnumret är {version}: höj versionsnumret (till exempel 1.0 → 1.1)",
    "version_label_reused": "texten har ändrats efter att parterna beslöt om versionen {earlier}, men versionsnumret är "
                            "fortfarande {version}: höj det så att beslut och dokument skiljer texterna åt",
    "status_without_version_in_force": "avtalets status är ”{status}”, men ingen text har godkänts av alla "
                                       "undertecknande parter (den nuvarande texten {current}: {approved}/{total})",
    "signed_tag_not_approved": "taggen {tag} markerar en undertecknad version, men bara {approved}/{total} "
                               "undertecknande parters godkännande av dess text har registrerats; versionen är inte i "
                               "kraft förrän alla parters beslut har registrerats (version: {tag})",
    "signed_version_invalid": "texten i den undertecknade versionen {tag} klarar inte kontrollen ({n} fel, det första "
                              "{where}: {problem}); låt taggen peka på rätt version",
    "measurement_future_year": "året {year} har inte börjat än (i dag är det {today}); det kan inte finnas något värde än",
    "action_past_end": "tidsplanen slutade {end}, men statusen är fortfarande ”{status}”; markera den som klar, "
                       "inställd eller försenad med motivering, eller uppdatera tidsplanen",
    "action_not_started": "skulle börja {start}, men statusen är fortfarande ”planerad”; uppdatera statusen eller "
                          "tidsplanen",
    "indicator_stale": "det senaste värdet är från {year}; med intervallet ”{frequency}” får det vara högst {age} år "
                       "gammalt – lägg till nyare värden i mappen measurements/",
    "text_not_translated": "texten ändrades på ett språk, men texten på {languages} ändrades inte; uppdatera "
                           "översättningen eller konstatera att ingen behövs",
    "accessibility_contact_missing": "tillgänglighetsutlåtandet saknar en kanal för respons: ange en e-postadress "
                                     "(contact_email) eller adressen till ett responsformulär (feedback_url); lagen om "
                                     "tillhandahållande av digitala tjänster (306/2019) kräver det",
    "status_date_future": "datumet {date} ligger i framtiden (i dag är det {today}); registrera bara en konstaterad status",
    "status_date_before_agreement": "datumet {date} är före avtalets ikraftträdande {start}",
    "status_history_order": "datumet {date} är före föregående anteckning {previous}; skriv anteckningarna från den "
                            "äldsta till den nyaste",
    "status_history_mismatch": "den nyaste anteckningens status ”{last}” är inte densamma som åtgärdens status ”{status}”",
}
M.update(IMPORT_MESSAGES)
M.update(CONSULTATION_MESSAGES)
SV.update(IMPORT_SV)
SV.update(CONSULTATION_SV)
for _code, _text in SV.items():
    M[_code]["sv"] = _text

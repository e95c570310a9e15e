"""Words of problem messages, in Finnish (first), Swedish and English.

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
    # import-xlsx: the workbook, its cells and what became of them
    "workbook_unreadable": {"fi": "tiedostoa ei voi lukea ({reason})", "en": "the file cannot be read ({reason})"},
    "workbook_encrypted": {"fi": "työkirja on salattu (suojattu salasanalla), eikä salattua työkirjaa voi lukea; avaa se "
                                 "Excelissä ja tallenna kopio ilman salasanaa (Tiedosto → Tiedot → Suojaa työkirja → Salaa "
                                 "salasanalla: tyhjennä salasana), ja tuo se",
                           "en": "the workbook is encrypted (protected with a password) and cannot be read; open it in "
                                 "Excel and save a copy without the password (File → Info → Protect Workbook → Encrypt "
                                 "with Password: clear the password), and import that"},
    "workbook_old_format": {"fi": "tiedosto on vanhaa Excel-muotoa (.xls) tai muu Office-tiedosto; tallenna se Excelissä "
                                  "muodossa Excel-työkirja (.xlsx) ja tuo se",
                            "en": "the file is in the old Excel format (.xls) or another Office file; save it in Excel as "
                                  "Excel Workbook (.xlsx) and import that"},
    "workbook_not_xlsx": {"fi": "tiedostoa ei voi lukea Excel-työkirjana: se ei ole .xlsx-tiedosto; tallenna se "
                                "Excelissä muodossa Excel-työkirja (.xlsx) ja tuo se",
                          "en": "the file cannot be read as an Excel workbook: it is not an .xlsx file; save it in Excel "
                                "as Excel Workbook (.xlsx) and import that"},
    "workbook_too_large": {"fi": "työkirja on purettuna {size} tavua, enintään {limit}; näin suuri työkirja ei ole "
                                 "tavoitetaulukko (poista siitä kuvat ja ylimääräiset taulukot)",
                           "en": "the workbook is {size} bytes unpacked, at most {limit}; a workbook this large is not a "
                                 "goal table (remove its pictures and extra sheets)"},
    "workbook_part_missing": {"fi": "tiedostoa ei voi lukea Excel-työkirjana: se on zip-paketti, mutta siitä puuttuu "
                                    "työkirjan osa tai osa on rikki; tallenna se uudelleen Excelissä (.xlsx)",
                              "en": "the file cannot be read as an Excel workbook: it is a zip package, but a part of "
                                    "the workbook is missing or broken; save it again in Excel (.xlsx)"},
    # the workbook's XML is broken part-way
    "workbook_too_many_merged": {"fi": "tiedostoa ei voi lukea Excel-työkirjana: työkirjassa on yli {limit} yhdistettyä solualuetta; tallenna se uudelleen Excelissä (.xlsx)",
                               "en": "the file cannot be read as an Excel workbook: the workbook has more than {limit} merged ranges; save it again in Excel (.xlsx)"},
    "workbook_too_many_formulas": {"fi": "tiedostoa ei voi lukea Excel-työkirjana: työkirjassa on yli {limit} kaavaa ilman tallennettua arvoa; tallenna se uudelleen Excelissä (.xlsx)",
                                 "en": "the file cannot be read as an Excel workbook: the workbook has more than {limit} formulas without a saved value; save it again in Excel (.xlsx)"},
    "workbook_doctype": {"fi": "tiedostoa ei voi lukea Excel-työkirjana: taulukon XML:ssä on DOCTYPE-määrittely; tallenna se uudelleen Excelissä (.xlsx)",
                       "en": "the file cannot be read as an Excel workbook: the sheet's XML has a DOCTYPE declaration; save it again in Excel (.xlsx)"},
    "workbook_broken_row": {"fi": "tiedostoa ei voi lukea Excel-työkirjana: taulukko on rikki rivin {row} kohdalla ({error}); tallenna se uudelleen Excelissä (.xlsx)",
                          "en": "the file cannot be read as an Excel workbook: the sheet is broken at row {row} ({error}); save it again in Excel (.xlsx)"},
    "workbook_no_sheet": {"fi": "tiedostoa ei voi lukea Excel-työkirjana: siinä ei ole yhtään taulukkoa; tallenna se uudelleen Excelissä (.xlsx)",
                        "en": "the file cannot be read as an Excel workbook: it has no sheet; save it again in Excel (.xlsx)"},
    "workbook_broken_sheet": {"fi": "tiedostoa ei voi lukea Excel-työkirjana: taulukon ”{sheet}” XML on rikki ({error}); tallenna se uudelleen Excelissä (.xlsx)",
                            "en": "the file cannot be read as an Excel workbook: the XML of sheet \"{sheet}\" is broken ({error}); save it again in Excel (.xlsx)"},
    "workbook_error_value": {"fi": "solussa on virhearvo {value}; korjaa kaava tai kirjoita arvo tekstinä",
                             "en": "the cell holds the error value {value}; correct the formula or write the value as text"},
    "workbook_formula_without_value": {
        "fi": "solussa on kaava{formula}, jonka arvoa ei ole tallennettu työkirjaan; avaa työkirja Excelissä tai "
              "LibreOfficessa ja tallenna se (arvot lasketaan tallennettaessa), tai kirjoita arvo tekstinä",
        "en": "the cell holds a formula{formula} whose value is not saved in the workbook; open the workbook in Excel "
              "or LibreOffice and save it (values are computed on saving), or write the value as text"},
    "workbook_no_header": {"fi": "otsikkoriviä ei löytynyt: tarvitaan ainakin sarakkeet ”Osa-alue” ja ”Tavoitteet”",
                           "en": "no heading row found: at least the columns \"Osa-alue\" and \"Tavoitteet\" are needed"},
    "workbook_column_missing": {"fi": "sarake ”{column}” puuttuu", "en": "the column \"{column}\" is missing"},
    "workbook_column_absent": {"fi": "saraketta ”{column}” ei ole", "en": "there is no column \"{column}\""},
    "workbook_after_empty_rows": {"fi": "tässä on tietoa yli {limit} tyhjän rivin jälkeen, eikä sitä luettu; poista tyhjät "
                                        "rivit tai siirrä tieto taulukon loppuun",
                                  "en": "there is content here after more than {limit} empty rows, and it was not read; "
                                        "remove the empty rows or move the content to the end of the table"},
    "workbook_cell_too_large": {"fi": "solussa on {size} merkkiä; osa-alueen tiedosto saa olla enintään {limit} tavua "
                                      "(tarkistuksen raja)",
                                "en": "the cell holds {size} characters; a sub-area's file may be at most {limit} bytes "
                                      "(the check's limit)"},
    "workbook_too_much_text": {"fi": "työkirjassa on yli {limit} merkkiä tekstiä; tuo se osissa",
                               "en": "the workbook holds more than {limit} characters of text; import it in parts"},
    "workbook_too_many_subareas": {"fi": "työkirjassa on yli {limit} osa-aluetta; tuo se osissa",
                                   "en": "the workbook has more than {limit} sub-areas; import it in parts"},
    "workbook_subarea_too_large": {"fi": "osa-alue {id} kasvaa rivillä {row} yli {limit} tavun, jonka tarkistus sallii "
                                         "yhdelle tiedostolle; jaa se useaksi osa-alueeksi",
                                   "en": "sub-area {id} grows at row {row} beyond {limit} bytes, which the check allows "
                                         "for one file; split it into several sub-areas"},
    "workbook_subarea_file_too_large": {"fi": "osa-alueen {id} tiedosto olisi {size} tavua, enintään {limit} (tarkistuksen "
                                              "raja tiedostolle); jaa se useaksi osa-alueeksi",
                                        "en": "sub-area {id}'s file would be {size} bytes, at most {limit} (the check's "
                                              "limit for a file); split it into several sub-areas"},
    "workbook_row_without_subarea": {"fi": "rivillä ei ole osa-aluetta; rivi ohitettiin",
                                     "en": "the row has no sub-area; the row was skipped"},
    "workbook_subarea_continues": {"fi": "osa-alue {id} jatkuu (aloitettu solussa {first}); rivit liitettiin samaan "
                                         "osa-alueeseen: tarkista järjestys",
                                   "en": "sub-area {id} continues (started in cell {first}); the rows were joined to the "
                                         "same sub-area: check the order"},
    "workbook_duplicate_subarea": {"fi": "osa-alueen tunniste ”{id}” on jo käytössä ({first}: ”{title}”); anna "
                                         "osa-alueelle oma tunniste nimen perään hakasulkeisiin, esim. "
                                         "”{new_title} [oma-tunniste]”",
                                   "en": "the sub-area identifier \"{id}\" is already used ({first}: \"{title}\"); give "
                                         "the sub-area its own identifier in brackets after its name, e.g. "
                                         "\"{new_title} [oma-tunniste]\""},
    "workbook_new_subarea": {"fi": "osa-alue {id}: nimeä vastuuhenkilöt, kirjoita kuvaus ja tarkista peruste "
                                   "(lainsäädännön vähimmäisvaatimus vai yhteinen painopiste)",
                             "en": "sub-area {id}: name the responsible persons, write a description and check the "
                                   "basis (statutory minimum or joint priority)"},
    "workbook_subarea_without_goals": {"fi": "osa-alueella {id} ei ole tavoitteita", "en": "sub-area {id} has no goals"},
    "workbook_row_without_goal": {"fi": "toimenpiteille ja mittareille ei ole tavoitetta; ne ohitettiin",
                                  "en": "the actions and indicators have no goal; they were skipped"},
    "workbook_several_goals": {"fi": "solussa on {count} tavoitetta: toimenpiteet ja mittarit liitettiin ensimmäiseen "
                                     "({goal}); tarkista kohdistus",
                               "en": "the cell holds {count} goals: the actions and indicators were attached to the "
                                     "first ({goal}); check the assignment"},
    "workbook_responsible_unknown": {"fi": "toimenpide {id}: vastuutahoa ei tunnistettu; merkittiin hyvinvointialue",
                                     "en": "action {id}: the responsible party was not recognised; the wellbeing "
                                           "services county was entered"},
    "workbook_responsible_unmatched": {"fi": "toimenpide {id}: vastuutahoa ei tunnistettu (”{names}”); merkittiin "
                                             "hyvinvointialue",
                                       "en": "action {id}: the responsible party was not recognised (\"{names}\"); the "
                                             "wellbeing services county was entered"},
    "workbook_responsible_partly": {"fi": "toimenpide {id}: vastuutahoa ”{names}” ei tunnistettu",
                                    "en": "action {id}: the responsible party \"{names}\" was not recognised"},
    "workbook_indicator_to_check": {"fi": "mittari {id}: tarkista yksikkö, suunta ja lähde, ja anna lähtötaso ja "
                                          "tavoitetaso",
                                    "en": "indicator {id}: check the unit, direction and source, and give a baseline "
                                          "and a target"},
    # import-measurements: rows that are skipped
    "row_not_object": {"fi": "rivi ei ole olio (avaimet ja arvot, esim. {{\"indicator\": 3127, …}})",
                       "en": "the row is not an object (keys and values, e.g. {{\"indicator\": 3127, …}})"},
    "row_gender": {"fi": "sukupuoli ”{gender}” – vain kokonaisluvut tuodaan",
                   "en": "gender \"{gender}\" – only totals are imported"},
    "row_unknown_indicator": {"fi": "mittaria ”{indicator}” ei ole sopimuksessa",
                              "en": "indicator \"{indicator}\" is not in the agreement"},
    "row_unknown_area": {"fi": "aluetta ”{area}” ei voi kohdistaa (anna osapuolelle sotkanet_region tai käytä osapuolen "
                               "nimeä)",
                         "en": "area \"{area}\" cannot be placed (give the party a sotkanet_region or use the party's "
                               "name)"},
    "row_year_missing": {"fi": "vuosi puuttuu", "en": "the year is missing"},
    "row_year_invalid": {"fi": "vuosi ”{year}” ei ole vuosiluku", "en": "year \"{year}\" is not a year"},
    "row_year_range": {"fi": "vuosi {year} ei ole välillä {min}–{max}", "en": "year {year} is not within {min}–{max}"},
    "row_value_missing": {"fi": "arvo puuttuu", "en": "the value is missing"},
    "row_value_invalid": {"fi": "arvo ”{value}” ei ole luku", "en": "value \"{value}\" is not a number"},
    "row_value_infinite": {"fi": "arvo ”{value}” ei ole äärellinen luku (NaN, ääretön tai liian suuri)",
                           "en": "value \"{value}\" is not a finite number (NaN, infinite or too large)"},
    "row_duplicate": {"fi": "{indicator}/{area}/{year} on tiedostossa kahdesti eri arvoin; ensimmäinen pidettiin",
                      "en": "{indicator}/{area}/{year} is in the file twice with different values; the first was kept"},
    # import-xlsx of a workbook export-xlsx made (cooperation/imports/roundtrip.py)
    "workbook_unknown_format": {"fi": "työkirjan muoto ”{format}” ei ole tämän ohjelman tuntema; vie uusi työkirja "
                                      "komennolla export-xlsx",
                                "en": "the workbook's format \"{format}\" is not one this program knows; export a new "
                                      "workbook with export-xlsx"},
    "workbook_source_value": {"fi": "piilotetun taulukon {sheet} arvo ”{value}” ei kelpaa; sen tulee olla {expected}; "
                                    "taulukkoa ei muokata käsin: vie uusi työkirja komennolla export-xlsx",
                              "en": "the value \"{value}\" of the hidden sheet {sheet} is not valid; it must be "
                                    "{expected}; the sheet is not edited by hand: export a new workbook with export-xlsx"},
    "workbook_sheet_missing": {"fi": "työkirjasta puuttuu taulukko ”{sheet}”; älä poista tai nimeä taulukoita uudelleen",
                               "en": "the workbook has no sheet \"{sheet}\"; do not delete or rename sheets"},
    "workbook_id_column_missing": {"fi": "taulukosta ”{sheet}” puuttuu tunnistesarake ”{heading}”; ilman sitä "
                                         "rivejä ei voi yhdistää sopimuksen kohtiin: palauta sarake tai vie uusi "
                                         "työkirja",
                                   "en": "sheet \"{sheet}\" has no identifier column \"{heading}\"; without it the rows "
                                         "cannot be matched to the agreement's items: restore the column or export a "
                                         "new workbook"},
    "workbook_formula": {"fi": "solussa on kaava ({formula}); kaavoja ei lasketa eikä tuoda: kirjoita arvo tekstinä",
                         "en": "the cell holds a formula ({formula}); formulas are neither computed nor imported: "
                               "write the value as text"},
    "workbook_duplicate_id": {"fi": "tunniste {id} on toista kertaa (ensin solussa {first}); poista toinen rivi",
                              "en": "identifier {id} appears a second time (first in cell {first}); delete one row"},
    "workbook_unknown_level": {"fi": "taso ”{level}” ei ole mikään tasoista {levels}",
                               "en": "level \"{level}\" is not one of {levels}"},
    "workbook_unknown_id": {"fi": "tunnistetta {id} ei ole sopimuksessa: tunnisteita ei saa muuttaa käsin (palauta "
                                  "alkuperäinen); uuden rivin tunniste jätetään tyhjäksi, jolloin tuonti antaa sen",
                            "en": "identifier {id} is not in the agreement: identifiers must not be edited by hand "
                                  "(restore the original); leave a new row's identifier empty and the import gives one"},
    "workbook_level_changed": {"fi": "rivin {id} taso on muutettu; se on {level}: palauta taso",
                               "en": "the level of row {id} was changed; it is {level}: restore the level"},
    "workbook_row_without_parent": {"fi": "rivin taso on {level}, mutta sen yläpuolella ei ole kohtaa, johon se "
                                          "kuuluu; siirrä rivi oikean osa-alueen tai tavoitteen alle",
                                    "en": "the row's level is {level}, but there is no item above it that it belongs "
                                          "to; move the row under the right sub-area or goal"},
    "workbook_new_subarea_row": {"fi": "uutta osa-aluetta ei voi lisätä työkirjassa; luo se komennolla new-subarea",
                                 "en": "a new sub-area cannot be added in the workbook; create it with new-subarea"},
    "workbook_new_item": {"fi": "uusi rivi ({level}) sai tunnisteen {id}",
                          "en": "the new row ({level}) was given the identifier {id}"},
    "workbook_other_agreement": {"fi": "työkirja on toisesta sopimuksesta ({workbook}), tämä on {agreement}; tuo "
                                       "työkirja sen omaan repositorioon",
                                 "en": "the workbook is from another agreement ({workbook}), this one is {agreement}; "
                                       "import it into its own repository"},
    "workbook_revision_mismatch": {"fi": "työkirjan mukaan se on viety versiosta {revision}, mutta sen sormenjälki ei "
                                         "vastaa sitä versiota; vie uusi työkirja",
                                   "en": "the workbook says it was exported from revision {revision}, but its "
                                         "fingerprint does not match that revision; export a new workbook"},
    "workbook_stale_without_base": {"fi": "työkirja on viety vanhemmista tiedoista (versio {revision}), eikä niitä "
                                          "löydy tämän repositorion historiasta, joten muutoksia ei voi yhdistää; vie "
                                          "uusi työkirja tai tuo tämä siinä repositoriossa, josta se vietiin",
                                    "en": "the workbook was exported from older data (revision {revision}) that is "
                                          "not in this repository's history, so the changes cannot be merged; export a "
                                          "new workbook or import this one where it was exported"},
    "workbook_cell_full": {"fi": "solussa on {size} merkkiä, enemmän kuin Excelin solu voi sisältää ({limit}); "
                                 "Excelissä teksti katkeaisi: lyhennä teksti",
                           "en": "the cell holds {size} characters, more than an Excel cell can hold ({limit}); in "
                                 "Excel the text would be cut: shorten the text"},
    "workbook_conflict": {"fi": "{id} {field}: sekä työkirjassa että repositoriossa on muutettu tätä kohtaa "
                                "(työkirja on viety versiosta {revision}): repositoriossa nyt ”{ours}”, työkirjassa "
                                "”{theirs}”; päätä kumpi jää ja korjaa työkirja tai tiedosto",
                          "en": "{id} {field}: both the workbook and the repository changed this value (the workbook "
                                "was exported from revision {revision}): the repository now has \"{ours}\", the "
                                "workbook \"{theirs}\"; decide which stays and correct the workbook or the file"},
    "internal": {"fi": "sisäinen virhe tarkistuksessa {check}: {detail}. Ilmoita tästä ylläpitäjille.",
                 "en": "internal error in check {check}: {detail}. Please report this."},
    "decision_section_unknown": {"fi": "päätöksen pykälää (§, section) ei ole kirjattu; lisää se, kun se selviää pöytäkirjasta",
                                 "en": "the decision's minute section (§, section) is not recorded; add it when the minutes tell"},
    "decision_date_unknown": {"fi": "päätöksen päivää (date) ei ole kirjattu; kuukausikin (2026-03) tai vuosi (2026) riittää",
                              "en": "the decision's date is not recorded; a month (2026-03) or a year (2026) will do"},
    "decision_unknown_version": {"fi": "päätöksen versiota ”{version}” ei ole: se ei ole allekirjoitetun version tagi eikä "
                                       "sopimuksen sormenjälki (tunnetut versiot: {known})",
                                 "en": "the decision's version \"{version}\" does not exist: it is neither a signed version's tag "
                                       "nor the agreement's fingerprint (known versions: {known})"},
    "decision_before_version": {"fi": "päätös {date} on tehty ennen kuin versio {version} oli olemassa (version päiväys {version_date})",
                                "en": "the decision of {date} was made before version {version} existed (version date {version_date})"},
    "approval_of_older_text": {"fi": "osapuolen viimeisin hyväksyntä koskee versiota {approved}, ei nykyistä tekstiä {current}",
                               "en": "the party's latest approval is of version {approved}, not of the current text {current}"},
    "in_force_approval_of_other_text": {"fi": "sopimus on voimassa, mutta osapuolen viimeisin hyväksyntä koskee versiota "
                                              "{approved}, ei voimassa olevaa tekstiä {current}",
                                        "en": "the agreement is in force but the party's latest approval is of version "
                                              "{approved}, not of the text in force {current}"},
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
    "measurement_unknown_indicator": "indikatorn ”{ref}” finns inte i något delområde{suggestion}",
    "measurement_unknown_area": "området ”{ref}” är varken region eller en parts identifierare",
    "measurement_duplicate": "indikatorn {indicator} har redan ett värde för området {area}, året {year} ({where})",
    "measurement_area_not_followed": "indikatorn {indicator} följs inte upp för området ”{area}” (fältet ”Områden som följs upp”)",
    "annual_cycle_duplicate": "årshjulets skede ”{id}” förekommer två gånger",
    "codeowners_missing": "filen saknas; skapa den med python build.py codeowners",
    "codeowners_stale": "filen motsvarar inte ansvarspersonernas GitHub-användarnamn; uppdatera den med "
                        "python build.py codeowners",
    "workbook_unreadable": "filen kan inte läsas ({reason})",
    "workbook_encrypted": "arbetsboken är krypterad (skyddad med lösenord) och kan inte läsas; öppna den i Excel och "
                          "spara en kopia utan lösenord (Arkiv → Info → Skydda arbetsbok → Kryptera med lösenord: töm "
                          "lösenordet), och importera den",
    "workbook_old_format": "filen är i det gamla Excel-formatet (.xls) eller en annan Office-fil; spara den i Excel som "
                           "Excel-arbetsbok (.xlsx) och importera den",
    "workbook_not_xlsx": "filen kan inte läsas som en Excel-arbetsbok: den är ingen .xlsx-fil; spara den i Excel som "
                         "Excel-arbetsbok (.xlsx) och importera den",
    "workbook_too_large": "arbetsboken är {size} byte uppackad, högst {limit}; en så stor arbetsbok är ingen måltabell "
                          "(ta bort bilderna och extra blad)",
    "workbook_part_missing": "filen kan inte läsas som en Excel-arbetsbok: den är ett zip-paket, men en del av "
                             "arbetsboken saknas eller är trasig; spara den på nytt i Excel (.xlsx)",
    "workbook_too_many_merged": "filen kan inte läsas som en Excel-arbetsbok: arbetsboken har fler än {limit} "
                                "sammanslagna områden; spara den på nytt i Excel (.xlsx)",
    "workbook_too_many_formulas": "filen kan inte läsas som en Excel-arbetsbok: arbetsboken har fler än {limit} "
                                  "formler utan sparat värde; spara den på nytt i Excel (.xlsx)",
    "workbook_doctype": "filen kan inte läsas som en Excel-arbetsbok: bladets XML har en DOCTYPE-deklaration; spara "
                        "den på nytt i Excel (.xlsx)",
    "workbook_broken_row": "filen kan inte läsas som en Excel-arbetsbok: bladet är trasigt på rad {row} ({error}); "
                           "spara den på nytt i Excel (.xlsx)",
    "workbook_no_sheet": "filen kan inte läsas som en Excel-arbetsbok: den har inget blad; spara den på nytt i Excel (.xlsx)",
    "workbook_broken_sheet": "filen kan inte läsas som en Excel-arbetsbok: XML-koden för bladet ”{sheet}” är trasig "
                             "({error}); spara den på nytt i Excel (.xlsx)",
    "workbook_error_value": "cellen innehåller felvärdet {value}; rätta formeln eller skriv värdet som text",
    "workbook_formula_without_value": "cellen innehåller en formel{formula} vars värde inte är sparat i arbetsboken; "
                                      "öppna arbetsboken i Excel eller LibreOffice och spara den (värdena beräknas "
                                      "när den sparas), eller skriv värdet som text",
    "workbook_no_header": "ingen rubrikrad hittades: åtminstone kolumnerna ”Osa-alue” och ”Tavoitteet” behövs",
    "workbook_column_missing": "kolumnen ”{column}” saknas",
    "workbook_column_absent": "det finns ingen kolumn ”{column}”",
    "workbook_after_empty_rows": "här finns innehåll efter mer än {limit} tomma rader, och det lästes inte; ta bort "
                                 "de tomma raderna eller flytta innehållet till slutet av tabellen",
    "workbook_cell_too_large": "cellen innehåller {size} tecken; ett delområdes fil får vara högst {limit} byte "
                               "(kontrollens gräns)",
    "workbook_too_much_text": "arbetsboken innehåller mer än {limit} tecken text; importera den i delar",
    "workbook_too_many_subareas": "arbetsboken har fler än {limit} delområden; importera den i delar",
    "workbook_subarea_too_large": "delområdet {id} växer på rad {row} över {limit} byte, vilket kontrollen tillåter "
                                  "för en fil; dela upp det i flera delområden",
    "workbook_subarea_file_too_large": "filen för delområdet {id} skulle bli {size} byte, högst {limit} (kontrollens "
                                       "gräns för en fil); dela upp det i flera delområden",
    "workbook_row_without_subarea": "raden har inget delområde; raden hoppades över",
    "workbook_subarea_continues": "delområdet {id} fortsätter (började i cellen {first}); raderna fogades till samma "
                                  "delområde: kontrollera ordningen",
    "workbook_duplicate_subarea": "delområdets identifierare ”{id}” används redan ({first}: ”{title}”); ge delområdet "
                                  "en egen identifierare inom hakparentes efter namnet, t.ex. ”{new_title} [egen-id]”",
    "workbook_new_subarea": "delområdet {id}: namnge ansvarspersonerna, skriv en beskrivning och kontrollera grunden "
                            "(lagstadgat minimum eller gemensam prioritering)",
    "workbook_subarea_without_goals": "delområdet {id} har inga mål",
    "workbook_row_without_goal": "åtgärderna och indikatorerna har inget mål; de hoppades över",
    "workbook_several_goals": "cellen innehåller {count} mål: åtgärderna och indikatorerna kopplades till det första "
                              "({goal}); kontrollera kopplingen",
    "workbook_responsible_unknown": "åtgärd {id}: den ansvariga parten kändes inte igen; välfärdsområdet angavs",
    "workbook_responsible_unmatched": "åtgärd {id}: den ansvariga parten kändes inte igen (”{names}”); "
                                      "välfärdsområdet angavs",
    "workbook_responsible_partly": "åtgärd {id}: den ansvariga parten ”{names}” kändes inte igen",
    "workbook_indicator_to_check": "indikator {id}: kontrollera enheten, riktningen och källan, och ge ett "
                                   "utgångsvärde och ett målvärde",
    "row_not_object": "raden är inget objekt (nycklar och värden, t.ex. {{\"indicator\": 3127, …}})",
    "row_gender": "kön ”{gender}” – endast totaler importeras",
    "row_unknown_indicator": "indikatorn ”{indicator}” finns inte i avtalet",
    "row_unknown_area": "området ”{area}” kan inte placeras (ge parten ett sotkanet_region eller använd partens namn)",
    "row_year_missing": "året saknas",
    "row_year_invalid": "året ”{year}” är inget årtal",
    "row_year_range": "året {year} är inte mellan {min}–{max}",
    "row_value_missing": "värdet saknas",
    "row_value_invalid": "värdet ”{value}” är inget tal",
    "row_value_infinite": "värdet ”{value}” är inget ändligt tal (NaN, oändligt eller för stort)",
    "row_duplicate": "{indicator}/{area}/{year} finns två gånger i filen med olika värden; det första behölls",
    "internal": "internt fel i kontrollen {check}: {detail}. Meddela detta till förvaltarna.",
    "workbook_unknown_format": "arbetsbokens format ”{format}” känns inte igen av det här programmet; exportera en ny "
                               "arbetsbok med export-xlsx",
    "workbook_source_value": "värdet ”{value}” i det dolda bladet {sheet} är ogiltigt; det ska vara {expected}; bladet "
                             "redigeras inte för hand: exportera en ny arbetsbok med export-xlsx",
    "workbook_sheet_missing": "arbetsboken saknar bladet ”{sheet}”; ta inte bort eller byt namn på blad",
    "workbook_id_column_missing": "bladet ”{sheet}” saknar identifierarkolumnen ”{heading}”; utan den kan raderna inte "
                                  "kopplas till avtalets punkter: återställ kolumnen eller exportera en ny arbetsbok",
    "workbook_formula": "cellen innehåller en formel ({formula}); formler beräknas inte och importeras inte: skriv värdet "
                        "som text",
    "workbook_duplicate_id": "identifieraren {id} förekommer en andra gång (först i cellen {first}); ta bort den ena raden",
    "workbook_unknown_level": "nivån ”{level}” är ingen av nivåerna {levels}",
    "workbook_unknown_id": "identifieraren {id} finns inte i avtalet: identifierare får inte ändras för hand (återställ "
                           "den ursprungliga); lämna en ny rads identifierare tom, så ger importen den en",
    "workbook_level_changed": "nivån på raden {id} har ändrats; den är {level}: återställ nivån",
    "workbook_row_without_parent": "radens nivå är {level}, men ovanför den finns ingen punkt som den hör till; flytta "
                                   "raden under rätt delområde eller mål",
    "workbook_new_subarea_row": "ett nytt delområde kan inte läggas till i arbetsboken; skapa det med new-subarea",
    "workbook_new_item": "den nya raden ({level}) fick identifieraren {id}",
    "workbook_other_agreement": "arbetsboken är från ett annat avtal ({workbook}), detta är {agreement}; importera den i "
                                "dess eget repositorium",
    "workbook_revision_mismatch": "enligt arbetsboken exporterades den från versionen {revision}, men dess fingeravtryck "
                                  "motsvarar inte den versionen; exportera en ny arbetsbok",
    "workbook_stale_without_base": "arbetsboken exporterades från äldre uppgifter (version {revision}) som inte finns i "
                                   "det här repositoriets historik, så ändringarna kan inte sammanfogas; exportera en ny "
                                   "arbetsbok eller importera den här där den exporterades",
    "workbook_cell_full": "cellen innehåller {size} tecken, mer än en Excel-cell rymmer ({limit}); i Excel skulle "
                          "texten kapas: förkorta texten",
    "workbook_conflict": "{id} {field}: både arbetsboken och repositoriet har ändrat detta värde (arbetsboken "
                         "exporterades från versionen {revision}): i repositoriet nu ”{ours}”, i arbetsboken "
                         "”{theirs}”; bestäm vilket som gäller och rätta arbetsboken eller filen",
    "decision_section_unknown": "beslutets paragraf (§, section) har inte registrerats; lägg till den när protokollet "
                                "visar den",
    "decision_date_unknown": "beslutets datum (date) har inte registrerats; en månad (2026-03) eller ett år (2026) räcker",
    "decision_unknown_version": "beslutets version ”{version}” finns inte: den är varken en undertecknad versions tagg "
                                "eller avtalets fingeravtryck (kända versioner: {known})",
    "decision_before_version": "beslutet {date} fattades innan versionen {version} fanns (versionens datum {version_date})",
    "approval_of_older_text": "partens senaste godkännande gäller versionen {approved}, inte den nuvarande texten {current}",
    "in_force_approval_of_other_text": "avtalet är i kraft, men partens senaste godkännande gäller versionen {approved}, "
                                       "inte den gällande texten {current}",
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
for _code, _text in SV.items():
    M[_code]["sv"] = _text

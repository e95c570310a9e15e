"""Words of the imports' messages (import-xlsx, import-measurements): a workbook's cells, a measurement file's rows.
Finnish first, English, and the Swedish column apart as in ``messages``, which merges them into its catalogue."""
from __future__ import annotations

IMPORT_MESSAGES: dict[str, dict[str, str]] = {
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
    "workbook_source_value": {"fi": "piilotetun taulukon {sheet} arvo ”{value}” ei kelpaa; sen tulee olla {expected}; "
                                    "taulukkoa ei muokata käsin: vie uusi työkirja komennolla export-xlsx",
                              "en": "the value \"{value}\" of the hidden sheet {sheet} is not valid; it must be "
                                    "{expected}; the sheet is not edited by hand: export a new workbook with export-xlsx"},
    "workbook_unknown_format": {"fi": "työkirjan muoto ”{format}” ei ole tämän ohjelman tuntema; vie uusi työkirja "
                                      "komennolla export-xlsx",
                                "en": "the workbook's format \"{format}\" is not one this program knows; export a new "
                                      "workbook with export-xlsx"},
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
    # … a cell that holds no value of its column, or one the import does not read
    "workbook_unknown_word": {"fi": "”{value}” ei ole sarakkeen ”{column}” arvo; sallitut: {allowed}",
                              "en": "\"{value}\" is not a value of the column \"{column}\"; allowed: {allowed}"},
    "workbook_not_a_number": {"fi": "”{value}” ei ole luku; kirjoita luku, esim. 15,5 tai 1 234",
                              "en": "\"{value}\" is not a number; write a number, e.g. 15,5 or 1 234"},
    "workbook_schedule_invalid": {"fi": "aikataulu ”{value}” ei ole muotoa 1/2026–12/2027 (vuosi, kuukausi/vuosi tai "
                                        "päivä.kuukausi.vuosi, alku ja loppu ajatusviivalla erotettuina)",
                                  "en": "the schedule \"{value}\" is not of the form 1/2026–12/2027 (a year, month/year "
                                        "or day.month.year, start and end separated by a dash)"},
    "workbook_dated_value_invalid": {"fi": "”{value}” ei ole muotoa ”16,8 (2024)”: arvo ja sen vuosi suluissa",
                                     "en": "\"{value}\" is not of the form \"16,8 (2024)\": a value and its year in "
                                           "brackets"},
    "workbook_unknown_party": {"fi": "sarakkeessa ”{column}” ei ole osapuolta ”{value}”; kirjoita osapuolen nimi "
                                     "taulukosta ”{sheet}” tai sen tunniste",
                               "en": "there is no party \"{value}\" for the column \"{column}\"; write a party's name "
                                     "from the sheet \"{sheet}\" or its id"},
    "workbook_status_reason_unchanged": {"fi": "toimenpiteen {id} tila muuttui (”{old}” → ”{new}”), mutta tilan "
                                               "perustelu on ennallaan; päivitä tai tyhjennä perustelu",
                                         "en": "the status of action {id} changed (\"{old}\" → \"{new}\") but the "
                                               "reason for it did not; update or clear the reason"},
    "workbook_value_removed": {"fi": "arvo {value} on tyhjennetty; työkirjassa arvoa ei voi poistaa (poista se "
                                     "tiedostosta measurements/) – palauta arvo tai kirjoita uusi",
                               "en": "the value {value} was cleared; a value cannot be removed in the workbook (remove "
                                     "it from measurements/) – restore it or write a new one"},
    "workbook_note_without_value": {"fi": "huomautukselle ei ole arvoa; kirjoita arvo tai tyhjennä huomautus",
                                    "en": "the note has no value; write the value or clear the note"},
    "workbook_value_area": {"fi": "mittaria {id} ei seurata alueella ”{area}”", "en": "indicator {id} is not followed "
                                                                                    "in the area \"{area}\""},
    "workbook_year_heading": {"fi": "otsikon vuosi on muutettu ({found}); työkirja on tehty vuoden {year} arvoille: "
                                    "palauta otsikko, tai vie työkirja vuodelle {found} (export-xlsx --year {found})",
                              "en": "the heading's year was changed ({found}); the workbook is for the values of {year}: "
                                    "restore the heading, or export a workbook for {found} (export-xlsx --year {found})"},
    "workbook_field_on_main": {"fi": "kenttä {field} on taulukossa ”{sheet}”; muuta se siellä ja poista tämä rivi",
                               "en": "the field {field} is on the sheet \"{sheet}\"; change it there and remove this row"},
    "workbook_data_row_incomplete": {"fi": "rivillä ei ole tunnistetta ja kenttää, joten sen arvoa ei tuoda; täydennä "
                                           "ne tai tyhjennä rivi",
                                     "en": "the row has no id and field, so its value is not read; fill them in or "
                                           "clear the row"},
    "workbook_level_missing": {"fi": "rivin taso puuttuu; valitse taso ({levels})",
                               "en": "the row's level is missing; choose one ({levels})"},
    "workbook_not_read_sheet": {"fi": "taulukkoa ”{sheet}” ei tuoda, joten sen tiedot eivät päätyisi sopimukseen; "
                                      "kirjoita ne taulukon ”{main}” kommentteihin tai poista taulukko",
                                "en": "the sheet \"{sheet}\" is not read, so what it holds would not reach the "
                                      "agreement; write it in the comments of the sheet \"{main}\" or remove the sheet"},
    "workbook_not_read_column": {"fi": "sarakkeen ”{column}” soluja ei tuoda, joten tämä tieto ei päätyisi "
                                       "sopimukseen; kirjoita se kommentteihin tai tyhjennä solu",
                                 "en": "the cells of the column \"{column}\" are not read, so this would not reach "
                                       "the agreement; write it in the comments or clear the cell"},
    "workbook_not_read_level": {"fi": "sarakkeen ”{column}” tietoa ei tuoda riviltä, jonka taso on ”{level}”; "
                                      "siirrä se oikeaan sarakkeeseen tai tyhjennä solu",
                                "en": "the column \"{column}\" is not read on a row of the level \"{level}\"; move "
                                      "it to the right column or clear the cell"},
    "workbook_not_read_reference": {"fi": "solu (”{column}”) on vain tiedoksi eikä sitä tuoda, joten muutos ei "
                                          "päätyisi sopimukseen; palauta arvo ”{expected}”",
                                    "en": "the cell (\"{column}\") is for reference only and is not read, so the "
                                          "change would not reach the agreement; restore the value \"{expected}\""},
    "workbook_not_read_previous": {"fi": "aiempien vuosien arvot ovat vain vertailua varten eikä niitä tuoda; "
                                         "vuoden {year} arvot kirjoitetaan sarakkeeseen ”{column}” – palauta arvo "
                                         "”{expected}”",
                                   "en": "the values of earlier years are for comparison only and are not read; the "
                                         "values of {year} go in the column \"{column}\" – restore the value "
                                         "\"{expected}\""},
    "workbook_values_not_imported": {"fi": "mittaustuloksia ei tuoda, koska sopimuksessa ei vielä ole osa-alueita; "
                                           "tuo työkirja uudelleen, kun osa-alueet on tuotu",
                                     "en": "the values are not imported because the agreement has no sub-areas yet; "
                                           "import the workbook again once they are"},
}

IMPORT_SV: dict[str, str] = {
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
    "workbook_source_value": "värdet ”{value}” i det dolda bladet {sheet} är ogiltigt; det ska vara {expected}; bladet "
                             "redigeras inte för hand: exportera en ny arbetsbok med export-xlsx",
    "workbook_unknown_format": "arbetsbokens format ”{format}” känns inte igen av det här programmet; exportera en ny "
                               "arbetsbok med export-xlsx",
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
    "workbook_unknown_word": "”{value}” är inget värde i kolumnen ”{column}”; tillåtna: {allowed}",
    "workbook_not_a_number": "”{value}” är inget tal; skriv ett tal, t.ex. 15,5 eller 1 234",
    "workbook_schedule_invalid": "tidsplanen ”{value}” är inte av formen 1/2026–12/2027 (år, månad/år eller "
                                 "dag.månad.år, början och slut åtskilda med tankstreck)",
    "workbook_dated_value_invalid": "”{value}” är inte av formen ”16,8 (2024)”: ett värde och dess år inom parentes",
    "workbook_unknown_party": "kolumnen ”{column}” har ingen part ”{value}”; skriv en parts namn från bladet "
                              "”{sheet}” eller dess identifierare",
    "workbook_status_reason_unchanged": "statusen för åtgärden {id} ändrades (”{old}” → ”{new}”), men motiveringen är "
                                        "oförändrad; uppdatera eller töm motiveringen",
    "workbook_value_removed": "värdet {value} har tömts; i arbetsboken kan ett värde inte tas bort (ta bort det ur "
                              "measurements/) – återställ värdet eller skriv ett nytt",
    "workbook_note_without_value": "anmärkningen saknar värde; skriv värdet eller töm anmärkningen",
    "workbook_value_area": "indikatorn {id} följs inte i området ”{area}”",
    "workbook_year_heading": "rubrikens år har ändrats ({found}); arbetsboken gäller värdena för {year}: återställ "
                             "rubriken, eller exportera en arbetsbok för {found} (export-xlsx --year {found})",
    "workbook_field_on_main": "fältet {field} finns på bladet ”{sheet}”; ändra det där och ta bort den här raden",
    "workbook_data_row_incomplete": "raden saknar identifierare och fält, så dess värde läses inte; fyll i dem eller "
                                    "töm raden",
    "workbook_level_missing": "radens nivå saknas; välj en nivå ({levels})",
    "workbook_not_read_sheet": "bladet ”{sheet}” läses inte, så uppgifterna på det skulle inte komma med i avtalet; "
                               "skriv dem i kommentarerna på bladet ”{main}” eller ta bort bladet",
    "workbook_not_read_column": "cellerna i kolumnen ”{column}” läses inte, så uppgiften skulle inte komma med i "
                                "avtalet; skriv den i kommentarerna eller töm cellen",
    "workbook_not_read_level": "kolumnen ”{column}” läses inte på en rad med nivån ”{level}”; flytta uppgiften till "
                               "rätt kolumn eller töm cellen",
    "workbook_not_read_reference": "cellen (”{column}”) är endast för kännedom och läses inte, så ändringen skulle inte "
                                   "komma med i avtalet; återställ värdet ”{expected}”",
    "workbook_not_read_previous": "tidigare års värden är endast för jämförelse och läses inte; värdena för {year} "
                                  "skrivs i kolumnen ”{column}” – återställ värdet ”{expected}”",
    "workbook_values_not_imported": "mätvärdena importeras inte eftersom avtalet ännu saknar delområden; importera "
                                    "arbetsboken på nytt när delområdena har importerats",
}

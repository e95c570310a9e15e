"""Words readers see, per language: headings, column names, fixed sentences.

Field titles and value labels come from the schema (``label``/``field`` below read
``x-enum`` and ``x-title``), so the site, the Word document and messages share them.
"""
from __future__ import annotations

import datetime
import functools
import re

from cooperation.i18n.consultation_words import CONSULTATION_WORDS
from cooperation.i18n.reader_words import READER_WORDS, UNIT_ONE
from cooperation.i18n.region_file_words import FILE_WORDS, REGION_FILE_WORDS
from cooperation.schemas import default_schemas, titles_of

WORDS: dict[str, dict[str, str]] = {
    "agreement": {"fi": "Sopimus", "sv": "Avtal"},
    "parties": {"fi": "Sopijapuolet", "sv": "Avtalsparter"},
    "party": {"fi": "Osapuoli", "sv": "Part"},
    "business_id": {"fi": "Y-tunnus", "sv": "FO-nummer"},
    "hereinafter_county": {"fi": "jäljempänä hyvinvointialue", "sv": "nedan välfärdsområdet"},
    "hereinafter_municipalities": {"fi": "jäljempänä kunnat", "sv": "nedan kommunerna"},
    "hereinafter_municipality": {"fi": "jäljempänä kunta", "sv": "nedan kommunen"},
    "other_parties": {"fi": "Muut osapuolet", "sv": "Övriga parter"},
    "does_not_sign": {"fi": "osallistuu yhteistyöhön, ei allekirjoita", "sv": "deltar i samarbetet, undertecknar inte"},
    "purpose_and_starting_points": {"fi": "Sopimuksen tarkoitus ja lähtökohdat", "sv": "Avtalets syfte och utgångspunkter"},
    "purpose": {"fi": "Tarkoitus", "sv": "Syfte"},
    "starting_points": {"fi": "Lähtökohdat", "sv": "Utgångspunkter"},
    "legal_basis": {"fi": "Säädösperusta", "sv": "Rättslig grund"},
    "goals": {"fi": "Yhteistyön tavoitteet", "sv": "Samarbetets mål"},
    "general_goals": {"fi": "Yleiset tavoitteet", "sv": "Allmänna mål"},
    "goal": {"fi": "Tavoite", "sv": "Mål"},
    "subarea": {"fi": "Osa-alue", "sv": "Delområde"},
    "subareas": {"fi": "Osa-alueet", "sv": "Delområden"},
    "indicators": {"fi": "Arviointimittarit", "sv": "Indikatorer"},
    "indicator": {"fi": "Mittari", "sv": "Indikator"},
    "actions": {"fi": "Toimenpiteet ja vastuutahot", "sv": "Åtgärder och ansvariga"},
    "action": {"fi": "Toimenpide", "sv": "Åtgärd"},
    "responsible": {"fi": "Vastuutahot", "sv": "Ansvariga"},
    "lead": {"fi": "Päävastuu", "sv": "Huvudansvar"},
    "schedule": {"fi": "Aikataulu", "sv": "Tidsplan"},
    "status": {"fi": "Tila", "sv": "Status"},
    "baseline": {"fi": "Lähtötaso", "sv": "Utgångsnivå"},
    "target": {"fi": "Tavoitetaso", "sv": "Målnivå"},
    "latest": {"fi": "Viimeisin", "sv": "Senaste"},
    "source": {"fi": "Lähde", "sv": "Källa"},
    "resources": {"fi": "Resurssit", "sv": "Resurser"},
    "notes": {"fi": "Huomioitavaa", "sv": "Att beakta"},
    "description": {"fi": "Kuvaus", "sv": "Beskrivning"},
    "responsible_persons": {"fi": "Vastuuhenkilöt", "sv": "Ansvarspersoner"},
    "basis": {"fi": "Peruste", "sv": "Grund"},
    "forums": {"fi": "Yhteistyön rakenteet ja foorumit", "sv": "Samarbetsstrukturer och forum"},
    "forum": {"fi": "Foorumi", "sv": "Forum"},
    "level": {"fi": "Taso", "sv": "Nivå"},
    "members": {"fi": "Jäsenet", "sv": "Medlemmar"},
    "chair": {"fi": "Puheenjohtaja", "sv": "Ordförande"},
    "frequency": {"fi": "Kokoontuu", "sv": "Sammanträder"},
    "permanent": {"fi": "pysyvä", "sv": "permanent"},
    "temporary": {"fi": "tilapäinen", "sv": "tillfälligt"},
    "until": {"fi": "asti", "sv": "till"},
    "implementation": {"fi": "Toimeenpano ja seuranta", "sv": "Genomförande och uppföljning"},
    "annual_cycle": {"fi": "Vuosikello", "sv": "Årshjul"},
    "months": {"fi": "Kuukaudet", "sv": "Månader"},
    "monitoring": {"fi": "Seuranta", "sv": "Uppföljning"},
    "monitoring_text": {
        "fi": "Mittareiden arvot päivitetään sitä mukaa kuin tietoa julkaistaan, ja toimenpiteiden tila "
              "raportoidaan johdon yhteistyöfoorumille. Seurantatietojen päivittäminen ei ole sopimuksen muutos.",
        "sv": "Indikatorernas värden uppdateras i takt med att uppgifter publiceras, och åtgärdernas status "
              "rapporteras till ledningens samarbetsforum. Uppdatering av uppföljningsdata är ingen ändring av avtalet."},
    "operating_rules": {"fi": "Yhteistyön pelisäännöt", "sv": "Spelregler för samarbetet"},
    "amendment": {"fi": "Sopimuksen muuttaminen", "sv": "Ändring av avtalet"},
    "validity": {"fi": "Voimassaolo", "sv": "Giltighet"},
    "validity_text": {"fi": "Sopimus on voimassa {start}–{end}. Se koskee valtuustokautta {term_start}–{term_end}. "
                            "Sopimus tulee voimaan, kun kaikki osapuolet ovat hyväksyneet ja allekirjoittaneet sen.",
                      "sv": "Avtalet gäller {start}–{end}. Det gäller fullmäktigeperioden {term_start}–{term_end}. "
                            "Avtalet träder i kraft när alla parter har godkänt och undertecknat det."},
    "until_further": {"fi": "toistaiseksi", "sv": "tills vidare"},
    "annexes": {"fi": "Liitesopimukset", "sv": "Bilageavtal"},
    "no_annexes": {"fi": "Sopimukseen ei liity liitesopimuksia.", "sv": "Till avtalet hör inga bilageavtal."},
    "legally_binding": {"fi": "oikeudellisesti sitova", "sv": "juridiskt bindande"},
    "not_legally_binding": {"fi": "ei oikeudellisesti sitova", "sv": "inte juridiskt bindande"},
    "signatures": {"fi": "Allekirjoitukset", "sv": "Underskrifter"},
    "place_and_date": {"fi": "Paikka ja aika", "sv": "Ort och datum"},
    "signature": {"fi": "Allekirjoitus", "sv": "Underskrift"},
    "workbook": {"fi": "Liite 1. Strategisten tavoitteiden työkirja", "sv": "Bilaga 1. Arbetsbok för strategiska mål"},
    "contents": {"fi": "Sisällys", "sv": "Innehåll"},
    "version": {"fi": "Versio", "sv": "Version"},
    "date": {"fi": "Päivämäärä", "sv": "Datum"},
    "term": {"fi": "Valtuustokausi", "sv": "Fullmäktigeperiod"},
    "fingerprint": {"fi": "Sisällön sormenjälki (SHA-256)", "sv": "Innehållets fingeravtryck (SHA-256)"},
    "fingerprint_help": {
        "fi": "Sormenjälki lasketaan sopimuksen sisällöstä. Sama sormenjälki tarkoittaa samaa hyväksyttyä sisältöä; "
              "sen voi tarkistaa sopimuksen verkkosivuilta.",
        "sv": "Fingeravtrycket beräknas ur avtalets innehåll. Samma fingeravtryck betyder samma godkända innehåll; "
              "det kan kontrolleras på avtalets webbplats."},
    "page": {"fi": "Sivu", "sv": "Sida"},
    "sotkanet": {"fi": "Sotkanet, ind. {id}", "sv": "Sotkanet, ind. {id}"},
    "region": {"fi": "koko alue", "sv": "hela regionen", "en": "the whole region"},
    "all_municipalities": {"fi": "kaikki kunnat", "sv": "alla kommuner", "en": "all municipalities"},
    "section_word": {"fi": "§", "sv": "§"},
    # --- the website ---------------------------------------------------------------------------
    "home": {"fi": "Etusivu", "sv": "Startsida"},
    "document": {"fi": "Asiakirja", "sv": "Dokument"},
    "in_brief": {"fi": "Sopimus lyhyesti", "sv": "Avtalet i korthet"},
    "key_figures": {"fi": "Tunnusluvut", "sv": "Nyckeltal"},
    "n_subareas": {"fi": "osa-aluetta", "sv": "delområden"},
    "n_goals": {"fi": "tavoitetta", "sv": "mål"},
    "n_actions": {"fi": "toimenpidettä", "sv": "åtgärder"},
    "n_indicators": {"fi": "mittaria", "sv": "indikatorer"},
    "n_on_track": {"fi": "mittaria tavoitteessa tai edistyy", "sv": "indikatorer uppnådda eller på rätt väg"},
    "n_parties": {"fi": "osapuolta", "sv": "parter"},
    "last_change": {"fi": "Viimeisin muutos", "sv": "Senaste ändring"},
    "scope": {"fi": "Laajuus", "sv": "Omfattning"},
    "kind": {"fi": "Laji", "sv": "Typ"},
    "as_lead": {"fi": "päävastuussa", "sv": "huvudansvarig"},
    "party_commits": {"fi": "Tälle sivulle on koottu, mihin osapuoli on sitoutunut: toimenpiteet, joissa se on "
                            "päävastuussa tai mukana, foorumit, joissa se on jäsenenä, sekä sen päätökset sopimuksesta.",
                      "sv": "Här samlas vad parten har förbundit sig till: åtgärder där den är huvudansvarig eller "
                            "deltar, forum där den är medlem och dess beslut om avtalet."},
    "lead_role": {"fi": "päävastuussa", "sv": "huvudansvarig"},
    "participant_role": {"fi": "mukana", "sv": "deltar"},
    "role": {"fi": "Rooli", "sv": "Roll"},
    "no_actions": {"fi": "Osapuolella ei ole toimenpiteitä.", "sv": "Parten har inga åtgärder."},
    "forums_short": {"fi": "Foorumit", "sv": "Forum"},
    "no_forums": {"fi": "Osapuoli ei ole minkään foorumin jäsen.", "sv": "Parten är inte medlem i något forum."},
    "decisions": {"fi": "Päätökset", "sv": "Beslut"},
    "minutes": {"fi": "pöytäkirja", "sv": "protokoll"},
    "body": {"fi": "Toimielin", "sv": "Organ"},
    "minute_section": {"fi": "Pykälä", "sv": "Paragraf"},
    "diary_number": {"fi": "Diaarinumero", "sv": "Diarienummer"},
    "outcome": {"fi": "Päätös", "sv": "Beslut"},
    "no_decisions": {"fi": "Päätöksiä ei ole vielä kirjattu.", "sv": "Inga beslut har ännu registrerats."},
    "signatories": {"fi": "Allekirjoittajat", "sv": "Undertecknare"},
    "no_signatories": {"fi": "Allekirjoittajia ei ole vielä nimetty.", "sv": "Undertecknarna har ännu inte utsetts."},
    "matrix": {"fi": "Vastuumatriisi", "sv": "Ansvarsmatris"},
    "matrix_help": {"fi": "Montako toimenpidettä kullakin osapuolella on kullakin osa-alueella; suluissa ne, joissa "
                          "osapuoli on päävastuussa. Luku vie osa-alueen sivulle.",
                    "sv": "Hur många åtgärder varje part har inom varje delområde; inom parentes de där parten är "
                          "huvudansvarig. Talet leder till delområdets sida."},
    "status_rule_heading": {"fi": "Miten tila lasketaan", "sv": "Hur status beräknas"},
    "status_rule": {"fi": "Edistyminen lasketaan kullekin alueelle erikseen: koko alueelle ja jokaiselle kunnalle, jolla on "
                          "arvoja. Menetelmä on Open SDG -palvelun (Kanadan tilastoviraston kehittämä). Lähtötasosta "
                          "viimeisimpään arvoon lasketaan keskimääräinen vuotuinen muutos prosentteina ja sitä verrataan "
                          "muutokseen, jolla tavoitetaso saavutettaisiin tavoitevuonna. Tavoite on saavutettu, kun arvo on "
                          "saavuttanut tavoitetason. Kun muutosvauhti on vähintään {on_track} % tarvittavasta, mittari "
                          "edistyy tavoitteen mukaan; {acceleration}–{on_track} %: edistyy, mutta vauhtia tarvitaan lisää; 0–{acceleration} %: edistyy "
                          "vähän. Kun arvo on muuttunut väärään suuntaan, tilanne on heikentynyt. Jos tavoitetasoa ei "
                          "ole, vuotuista muutosta halutussa suunnassa verrataan rajoihin {trend_on_track} % (edistyy tavoitteen "
                          "mukaan) ja {trend_acceleration} % (vauhtia tarvitaan lisää). Kun lähtötaso on nolla tai arvo vaihtaa "
                          "etumerkkiä, prosenttimuutoksen sijaan verrataan vuotuista muutosta mittarin yksikköinä. Kunnan "
                          "lähtötaso on sen oma arvo lähtövuonna tai sen ensimmäinen arvo; tavoitetaso on yhteinen. Kun "
                          "tavoitteena on säilyttää taso, arvon on pysyttävä {tolerance} %:n sisällä tavoitetasosta, muuten "
                          "tilanne on heikentynyt. Jos lähtövuoden jälkeen ei ole mitattu arvoa, tietoa ei ole riittävästi. "
                          "Muutosvauhdin rinnalla kerrotaan, kuinka suuri osa matkasta lähtötasosta tavoitetasoon on "
                          "kuljettu ja kuinka suuri osa ajasta lähtövuodesta tavoitevuoteen on kulunut.",
                    "sv": "Utvecklingen beräknas separat för varje område: för hela regionen och för varje kommun som "
                          "har värden. Metoden är Open SDG:s (utvecklad av Kanadas statistikmyndighet). Från "
                          "utgångsnivån till det senaste värdet beräknas den genomsnittliga årliga förändringen i procent, "
                          "och den jämförs med den förändring som skulle nå målnivån under målåret. Målet är uppnått när "
                          "värdet har nått målnivån. När förändringstakten är minst {on_track} % av den som behövs "
                          "framskrider indikatorn enligt målet; {acceleration}–{on_track} %: framsteg, men takten måste öka; 0–{acceleration} %: små "
                          "framsteg. När värdet har förändrats i fel riktning har läget försämrats. Om det inte finns "
                          "någon målnivå jämförs den årliga förändringen i önskad riktning med gränserna {trend_on_track} % "
                          "(framskrider enligt målet) och {trend_acceleration} % (takten måste öka). När utgångsnivån är noll eller "
                          "värdet byter tecken jämförs den årliga förändringen i indikatorns enhet i stället för i "
                          "procent. En kommuns utgångsnivå är dess eget värde under utgångsåret eller dess första värde; "
                          "målnivån är gemensam. När målet är att hålla nivån ska värdet hållas inom {tolerance} % från "
                          "målnivån, annars har läget försämrats. Om inget värde har mätts efter utgångsåret finns det "
                          "inte tillräckligt med uppgifter. Vid sidan av förändringstakten anges hur stor del av vägen från "
                          "utgångsnivån till målnivån som har tillryggalagts och hur stor del av tiden från utgångsåret "
                          "till målåret som har gått."},
    "status_achieved": {"fi": "tavoite saavutettu", "sv": "målet uppnått"},
    "status_on_track": {"fi": "edistyy tavoitteen mukaan", "sv": "framskrider enligt målet"},
    "status_acceleration_needed": {"fi": "edistyy, vauhtia tarvitaan lisää", "sv": "framsteg, takten måste öka"},
    "status_limited_progress": {"fi": "edistyy vähän", "sv": "små framsteg"},
    "status_deterioration": {"fi": "heikentynyt", "sv": "försämrats"},
    "status_insufficient_data": {"fi": "ei riittävästi tietoa", "sv": "otillräckliga uppgifter"},
    # what a progress level is computed from (cooperation.model.status.progress_in_words): the same words on the
    # site, in the report and in Word
    "decided_text": {"fi": "teksti", "sv": "text", "en": "text"},
    "dated": {"fi": "päivätty {date}", "sv": "daterad {date}", "en": "dated {date}"},
    "progress_insufficient": {"fi": "lähtövuoden jälkeen ei ole vielä mitattua arvoa",
                              "sv": "inget värde har ännu mätts efter utgångsåret"},
    "progress_pace": {"fi": "muutosvauhti {pace} tarvittavasta", "sv": "förändringstakten {pace} av den som behövs"},
    "progress_distance": {"fi": "kuljettu {distance} matkasta, aikaa kulunut {elapsed}",
                          "sv": "{distance} av vägen tillryggalagd, {elapsed} av tiden har gått"},
    "progress_worsened": {"fi": "heikentynyt: arvo on muuttunut lähtötasosta väärään suuntaan",
                          "sv": "försämrats: värdet har ändrats i fel riktning från utgångsnivån"},
    "progress_achieved": {"fi": "tavoitetaso {target} saavutettu", "sv": "målnivån {target} har nåtts"},
    "progress_keep_held": {"fi": "pysyy tasolla {level} (enintään {tolerance} poikkeama)",
                           "sv": "hålls på nivån {level} (högst {tolerance} avvikelse)"},
    "progress_keep_lost": {"fi": "heikentynyt: arvo on yli {tolerance} päässä tasosta {level}",
                           "sv": "försämrats: värdet ligger mer än {tolerance} från nivån {level}"},
    "progress_trend": {"fi": "muutos halutussa suunnassa {growth} vuodessa; tavoitetasoa ei ole",
                       "sv": "förändring i önskad riktning {growth} per år; det finns ingen målnivå"},
    "progress_values": {"fi": "lähtötaso {base}, viimeisin {latest}", "sv": "utgångsnivå {base}, senaste {latest}"},
    "progress_target": {"fi": "tavoitetaso {target}", "sv": "målnivå {target}"},
    "forums_and_cycle": {"fi": "Foorumit ja vuosikello", "sv": "Forum och årshjul"},
    "month": {"fi": "Kuukausi", "sv": "Månad"},
    "events": {"fi": "Tapahtumat", "sv": "Händelser"},
    "ics_download": {"fi": "Lataa vuosikello kalenteriin (.ics)", "sv": "Ladda ner årshjulet till kalendern (.ics)"},
    "cycle_desc": {"fi": "Vuoden kuukaudet ympyränä; kunkin kuukauden kohdalla sen tapahtumien määrä. Tapahtumat "
                         "ovat alla taulukossa.",
                   "sv": "Årets månader i en cirkel med antalet händelser för varje månad. Händelserna finns i "
                         "tabellen nedan."},
    "rules_page": {"fi": "Pelisäännöt ja muuttaminen", "sv": "Spelregler och ändringar"},
    "binding": {"fi": "Sitovuus", "sv": "Bindande"},
    "link": {"fi": "Linkki", "sv": "Länk"},
    "downloads": {"fi": "Lataukset ja avoin data", "sv": "Nedladdningar och öppna data"},
    "downloads_help": {"fi": "Sopimus ja sen tiedot avoimina tiedostoina. Tiedot on tuotettu samasta lähteestä kuin "
                             "tämä sivusto.",
                       "sv": "Avtalet och dess uppgifter som öppna filer. Uppgifterna har tagits fram ur samma källa "
                             "som denna webbplats."},
    "file": {"fi": "Tiedosto", "sv": "Fil"},
    "accessibility": {"fi": "Saavutettavuusseloste", "sv": "Tillgänglighetsutlåtande"},
    "home_intro": {"fi": "", "sv": ""},
    "open_data": {"fi": "Avoin data", "sv": "Öppna data"},
    "data_format": {"fi": "Tietomuoto", "sv": "Dataformat"},
    "area": {"fi": "Alue", "sv": "Område"},
    "values_by_year": {"fi": "arvot vuosittain", "sv": "värden per år"},
    "direction": {"fi": "Suunta", "sv": "Riktning"},
    "frequency_indicator": {"fi": "Seurantaväli", "sv": "Uppföljningsintervall"},
    "sotkanet_citation": {"fi": "Tilasto- ja indikaattoripankki Sotkanet. Terveyden ja hyvinvoinnin laitos. "
                                "{title} (ind. {id}). Viitattu {date}.",
                          "sv": "Statistik- och indikatorbanken Sotkanet. Institutet för hälsa och välfärd. "
                                "{title} (ind. {id}). Hänvisat {date}."},
    "target_path": {"fi": "tavoitepolku", "sv": "målbana"},
    "more_in_table": {"fi": "muut taulukossa", "sv": "övriga i tabellen"},
    "region_capital": {"fi": "Koko alue", "sv": "Hela regionen"},
    "edit_on_github": {"fi": "Muokkaa tätä sisältöä GitHubissa", "sv": "Redigera innehållet på GitHub"},
    # what each registered output is (cooperation/outputs/__init__.py, Output.description), and the schemas
    # the downloads page adds the format and, for a file per language, the language: "… (Word, suomeksi)"
    # link texts name the file in words, then its format, language and size: "Sopimus allekirjoitettavaksi (Word,
    # suomeksi, 245 kt)"; a developer's file has a line on its structure under it (_detail)
    "dl_docx": {"fi": "Sopimus allekirjoitettavaksi", "sv": "Avtalet för underskrift"},
    "dl_pdf": {"fi": "Sopimus luettavaksi ja tulostettavaksi", "sv": "Avtalet för läsning och utskrift"},
    "dl_json": {"fi": "Koko sopimus yhtenä tiedostona", "sv": "Hela avtalet som en fil"},
    "dl_json_detail": {"fi": "Rakenne: schema/bundle.schema.json.", "sv": "Struktur: schema/bundle.schema.json."},
    "dl_csv": {"fi": "Mittaustulokset", "sv": "Mätvärden"},
    "dl_csv_detail": {"fi": "Sarakkeet indicator, area, year, value, note.",
                      "sv": "Kolumnerna indicator, area, year, value, note."},
    "dl_progress": {"fi": "Mittarien edistyminen alueittain", "sv": "Indikatorernas utveckling per område"},
    "dl_progress_detail": {"fi": "Sarakkeet indicator, area, level, base_year, base_value, latest_year, latest_value, ratio.",
                           "sv": "Kolumnerna indicator, area, level, base_year, base_value, latest_year, latest_value, "
                                 "ratio."},
    "dl_schema": {"fi": "JSON-skeemat, joilla tiedostot tarkistetaan", "sv": "JSON-scheman som filerna kontrolleras mot"},
    "dl_ics": {"fi": "Vuosikello ja foorumien kokoukset kalenteriin", "sv": "Årshjul och forumens möten i kalendern"},
    "dl_xlsx": {"fi": "Työkirja tavoitteiden, toimenpiteiden ja mittaustulosten päivittämiseen",
                "sv": "Arbetsbok för att uppdatera mål, åtgärder och mätvärden"},
    "dl_xlsx_detail": {"fi": "Palauta täytetty työkirja sopimuksen koordinaattorille; ohje sivulla Ohje muokkaajille.",
                       "sv": "Returnera den ifyllda arbetsboken till avtalets koordinator; anvisningen finns på sidan "
                             "Anvisning för redaktörer."},
    # the record's documents (outputs.record): "… 2026", "… 1.0" after each
    "dl_report": {"fi": "Seurantaraportti", "sv": "Uppföljningsrapport"},
    "dl_amendment": {"fi": "Muutospaketti valtuustoille (sopimus muutokset merkittyinä, muutosliite, päätösesitys), versio",
                     "sv": "Ändringspaket för fullmäktige (avtalet med ändringarna markerade, ändringsbilaga, "
                           "beslutsförslag), version"},
    "dl_signed_docx": {"fi": "Allekirjoitettu sopimus, versio", "sv": "Undertecknat avtal, version"},
    "dl_signed_pdf": {"fi": "Allekirjoitettu sopimus luettavaksi, versio", "sv": "Undertecknat avtal för läsning, version"},
    # the negotiation history
    "history": {"fi": "Neuvotteluhistoria", "sv": "Förhandlingshistorik"},
    "history_help": {"fi": "Jokainen hyväksytty muutos sopimuksen tietoihin: milloin, mikä muutosehdotus (pull request), "
                           "minkä luokan muutos ja mitä täsmälleen muuttui.",
                     "sv": "Varje godkänd ändring i avtalets uppgifter: när, vilket ändringsförslag (pull request), "
                           "vilken klass av ändring och exakt vad som ändrades."},
    "in_force_version": {"fi": "Voimassa oleva allekirjoitettu versio", "sv": "Gällande undertecknad version"},
    "no_signed_version": {"fi": "Sopimuksesta ei ole vielä allekirjoitettua versiota.",
                          "sv": "Det finns ännu ingen undertecknad version av avtalet."},
    "changes_since_signed": {"fi": "Muutokset allekirjoitetun version jälkeen", "sv": "Ändringar efter den undertecknade versionen"},
    "no_changes_since": {"fi": "Allekirjoitetun version jälkeen ei ole muutoksia.",
                         "sv": "Inga ändringar efter den undertecknade versionen."},
    "signed_versions": {"fi": "Allekirjoitetut versiot ja sormenjäljet", "sv": "Undertecknade versioner och fingeravtryck"},
    "signed_versions_help": {"fi": "Paperisen tai PDF-muotoisen sopimuksen kannessa ja alatunnisteessa on sisällön "
                                   "sormenjälki. Jos se on sama kuin alla, asiakirja on juuri se allekirjoitettu versio.",
                             "sv": "På pärmen och i sidfoten av ett avtal på papper eller i PDF finns innehållets "
                                   "fingeravtryck. Om det är detsamma som nedan är dokumentet just den undertecknade versionen."},
    "tag": {"fi": "Versio", "sv": "Version"},
    "commit": {"fi": "Muutos", "sv": "Ändring"},
    "feed": {"fi": "Tilaa muutokset syötteenä (Atom)", "sv": "Prenumerera på ändringarna som flöde (Atom)"},
    "change_history": {"fi": "Tavoitteen muutoshistoria", "sv": "Målets ändringshistorik"},
    "pull_request": {"fi": "muutosehdotus", "sv": "ändringsförslag"},
    "more_changes": {"fi": "ja {n} muuta muutosta", "sv": "och {n} andra ändringar"},
    "no_history": {"fi": "Muutoshistoriaa ei ole saatavilla.", "sv": "Ingen ändringshistorik finns tillgänglig."},
    "class": {"fi": "Luokka", "sv": "Klass"},
    "editor_guide": {"fi": "Ohje muokkaajille", "sv": "Anvisning för redaktörer"},
    "finnish_only": {"fi": "Tämä sivu on vain suomeksi.",
                     "sv": "Den här sidan finns endast på finska. Avtalets innehåll finns på svenska på webbplatsens "
                           "övriga sidor."},
    "unit": {"fi": "Yksikkö", "sv": "Enhet"},
    "search_needs_js": {"fi": "Haku toimii vain, kun JavaScript on käytössä.",
                        "sv": "Sökningen fungerar bara när JavaScript är påslaget."},
    "fingerprint_plain": {"fi": "Sormenjälki", "sv": "Fingeravtryck"},
    "fingerprint_explained": {
        "fi": "Tunnus, joka lasketaan sopimuksen sisällöstä. Jos yksikin tavoite, vastuu tai aikataulu muuttuu, "
              "tunnus muuttuu. Samasta tunnuksesta näkee, että paperilla tai PDF:nä oleva sopimus on sama kuin tämä. "
              "Koko tunnus on sivulla {link}.",
        "sv": "En kod som räknas fram ur avtalets innehåll. Om ett enda mål, ansvar eller en tidtabell ändras, "
              "ändras koden. Av samma kod ser man att avtalet på papper eller i PDF är detsamma som detta. "
              "Hela koden finns på sidan {link}."},
    "indicator_statuses": {"fi": "Mittareiden tilanne", "sv": "Indikatorernas läge"},
    "indicator_statuses_help": {"fi": "Mittarit tilan mukaan, yhteensä {n}.",
                                "sv": "Indikatorerna enligt status, sammanlagt {n}."},
    "value_notes": {"fi": "Huomautukset arvoihin", "sv": "Anmärkningar till värdena"},
    "value_note": {"fi": "Huomautus {n}", "sv": "Anmärkning {n}"},
    "by_area": {"fi": "Alueittain", "sv": "Per område"},
    "by_area_help": {"fi": "Jokaisen alueen arvot (yhtenäinen viiva) ja koko alueen arvot (harmaa katkoviiva) "
                           "samalla asteikolla.",
                     "sv": "Varje områdes värden (heldragen linje) och hela regionens värden (grå streckad linje) "
                           "på samma skala."},
    "cycle_count_hint": {"fi": "luku: tapahtumia", "sv": "tal: händelser"},
    # the accessibility statement, in the parts the law (306/2019, § 15) and the EU model statement name
    "a11y_intro": {"fi": "{name} -sivusto pyrkii täyttämään lain digitaalisten palvelujen tarjoamisesta (306/2019) "
                         "vaatimukset ja WCAG 2.1 -ohjeiston AA-tason kriteerit. Tämä seloste kertoo, missä sivusto ei "
                         "vielä täytä niitä ja miten voit antaa palautetta.",
                   "sv": "Webbplatsen {name} strävar efter att uppfylla kraven i lagen om tillhandahållande av digitala "
                         "tjänster (306/2019) och kriterierna på nivå AA i WCAG 2.1. Detta utlåtande berättar var "
                         "webbplatsen ännu inte uppfyller dem och hur du kan ge respons."},
    "a11y_compliance_heading": {"fi": "Vaatimustenmukaisuustilanne", "sv": "Överensstämmelsestatus"},
    "a11y_compliance": {"fi": "Sivusto täyttää vaatimukset osittain. Jokainen sivutyyppi tarkistetaan jokaisen muutoksen "
                              "yhteydessä automaattisesti axe-työkalulla WCAG 2.1 A- ja AA-kriteerejä vasten puhelimen "
                              "ja tietokoneen näytön levyisenä, eikä tarkistus löydä vakavia puutteita. Sivustoa ei ole "
                              "vielä arvioitu käsin avustavilla teknologioilla.",
                        "sv": "Webbplatsen uppfyller kraven delvis. Varje sidtyp granskas automatiskt med verktyget axe "
                              "mot kriterierna på nivå A och AA i WCAG 2.1 vid varje ändring, i en telefons och en datorskärms "
                              "bredd, och granskningen hittar inga allvarliga brister. Webbplatsen har ännu inte bedömts "
                              "manuellt med hjälpmedel."},
    "a11y_problems_heading": {"fi": "Sisältö, joka ei ole saavutettavaa", "sv": "Innehåll som inte är tillgängligt"},
    "a11y_word_documents": {"fi": "Ladattavat Word- ja PDF-asiakirjat on tuotettu automaattisesti; niiden saavutettavuutta ei "
                                  "ole arvioitu erikseen. Sama sisältö on tällä sivustolla.",
                            "sv": "Word- och PDF-dokumenten som kan laddas ner har tagits fram automatiskt; deras "
                                  "tillgänglighet har inte bedömts separat. Samma innehåll finns på denna webbplats."},
    "a11y_criterion": {"fi": "WCAG-kriteeri {criterion}", "sv": "WCAG-kriterium {criterion}"},
    "a11y_prepared_heading": {"fi": "Selosteen laatiminen", "sv": "Hur utlåtandet har utarbetats"},
    "a11y_prepared": {"fi": "Seloste on laadittu {date}. Arvio perustuu itsearvioon ja automaattisiin testeihin.",
                      "sv": "Utlåtandet har utarbetats {date}. Bedömningen bygger på en självbedömning och automatiska "
                            "tester."},
    "a11y_reviewed": {"fi": "Seloste on tarkistettu viimeksi {date}.", "sv": "Utlåtandet granskades senast {date}."},
    "a11y_feedback_heading": {"fi": "Palaute ja yhteystiedot", "sv": "Respons och kontaktuppgifter"},
    "a11y_feedback": {"fi": "Jos huomaat sivustolla saavutettavuuspuutteen tai tarvitset sisältöä saavutettavassa "
                            "muodossa, kerro siitä meille. Vastaamme 14 päivän kuluessa.",
                      "sv": "Om du märker en tillgänglighetsbrist på webbplatsen eller behöver innehåll i tillgänglig form, "
                            "meddela oss. Vi svarar inom 14 dagar."},
    "a11y_email": {"fi": "Sähköposti", "sv": "E-post"},
    "a11y_form": {"fi": "Palautelomake", "sv": "Responsformulär"},
    "a11y_contact_person": {"fi": "Yhteyshenkilö", "sv": "Kontaktperson"},
    "a11y_enforcement_heading": {"fi": "Valvontamenettely", "sv": "Tillsynsförfarande"},
    "a11y_enforcement": {"fi": "Jos et saa vastausta 14 päivän kuluessa tai et ole tyytyväinen vastaukseen, voit tehdä "
                               "ilmoituksen valvontaviranomaiselle. Saavutettavuusvaatimusten noudattamista valvoo "
                               "Liikenne- ja viestintävirasto Traficom.",
                         "sv": "Om du inte får svar inom 14 dagar eller inte är nöjd med svaret kan du göra en anmälan "
                               "till tillsynsmyndigheten. Efterlevnaden av tillgänglighetskraven övervakas av Transport- "
                               "och kommunikationsverket Traficom."},
    "a11y_authority_link": {"fi": "Ilmoituksen tekeminen: saavutettavuusvaatimukset.fi",
                            "sv": "Så gör du en anmälan: tillganglighetskrav.fi"},
    "a11y_authority_url": {"fi": "https://www.saavutettavuusvaatimukset.fi/", "sv": "https://www.tillganglighetskrav.fi/"},
    "edit_values": {"fi": "Muokkaa mittaustuloksia GitHubissa", "sv": "Redigera mätvärdena på GitHub"},
    "edit_indicators": {"fi": "Muokkaa mittareita GitHubissa", "sv": "Redigera indikatorerna på GitHub"},
    "edit_actions": {"fi": "Muokkaa toimenpiteitä GitHubissa", "sv": "Redigera åtgärderna på GitHub"},
    "scroll_hint": {"fi": "Taulukkoa voi vierittää sivusuunnassa.", "sv": "Tabellen kan rullas i sidled."},
    # versions and approvals (issue 11)
    "approvals": {"fi": "Versiot ja hyväksynnät", "sv": "Versioner och godkännanden"},
    "approvals_help": {"fi": "Kunkin osapuolen toimielinten päätökset sopimuksen versioittain: mikä teksti (sormenjälki) "
                             "hyväksyttiin, milloin, missä toimielimessä ja millä pykälällä. Versio tulee voimaan, kun "
                             "viimeinenkin allekirjoittava osapuoli on hyväksynyt sen.",
                       "sv": "Varje parts organs beslut per version av avtalet: vilken text (fingeravtryck) som godkändes, "
                             "när, i vilket organ och med vilken paragraf. En version träder i kraft när den sista "
                             "undertecknande parten har godkänt den."},
    "current_proposal": {"fi": "Nykyinen ehdotus", "sv": "Aktuellt förslag"},
    "approval_pending": {"fi": "ei käsitelty", "sv": "inte behandlat"},
    "in_force_since": {"fi": "Voimassa {date} alkaen", "sv": "I kraft från och med {date}"},
    "in_force_undated": {"fi": "Kaikki allekirjoittavat osapuolet ovat hyväksyneet; hyväksymispäivä ei ole kaikilta tiedossa",
                         "sv": "Alla undertecknande parter har godkänt; alla godkännandedatum är inte kända"},
    "approved_count": {"fi": "{n}/{total} osapuolta hyväksynyt", "sv": "{n}/{total} parter har godkänt"},
    "version_in_force": {"fi": "Voimassa oleva versio", "sv": "Gällande version"},
    "no_version_in_force": {"fi": "Mitään versiota eivät ole vielä hyväksyneet kaikki allekirjoittavat osapuolet.",
                            "sv": "Ingen version har ännu godkänts av alla undertecknande parter."},
    "proposal_state": {"fi": "Muutosehdotus", "sv": "Ändringsförslag"},
    "draft_state": {"fi": "Luonnos", "sv": "Utkast"},
    "language_name_fi": {"fi": "Suomeksi", "sv": "Suomeksi"},  # the language switcher names each language in itself
    "language_name_sv": {"fi": "På svenska", "sv": "På svenska"},
    "decision_on_current": {"fi": "Päätös nykyisestä tekstistä", "sv": "Beslut om den nuvarande texten"},
    "removed_indicators": {"fi": "Poistetut mittarit", "sv": "Borttagna indikatorer"},
    "removed_indicators_help": {"fi": "Nämä mittarit on poistettu sopimuksesta sopimusmuutoksella. Niiden kirjatut arvot "
                                      "säilyvät tässä historiana; niitä ei enää seurata.",
                                "sv": "Dessa indikatorer har tagits bort ur avtalet genom en avtalsändring. Deras "
                                      "registrerade värden finns kvar här som historik; de följs inte längre upp."},
    "removed_in": {"fi": "Poistettu {date} (versio {version})", "sv": "Borttagen {date} (version {version})"},
    "year_column": {"fi": "Vuosi", "sv": "År"},
    "value_column": {"fi": "Arvo", "sv": "Värde"},
    "earlier_note": {"fi": "koski tekstiä {version}; käsiteltävä uudelleen",
                     "sv": "gällde texten {version}; ska behandlas på nytt"},
    "earlier_approvals": {"fi": "{n} osapuolen hyväksyntä koskee aiempaa tekstiä, joka on käsiteltävä uudelleen",
                          "sv": "{n} parters godkännande gäller en tidigare text som ska behandlas på nytt"},
    "earlier_text": {"fi": "aiempi teksti", "sv": "tidigare text"},
    "approval_earlier": {"fi": "hyväksyi aiemman tekstin", "sv": "godkände en tidigare text"},
    "decide_again": {"fi": "hyväksyi aiemman tekstin ({version}, {date}) – käsiteltävä uudelleen",
                     "sv": "godkände en tidigare text ({version}, {date}) – ska behandlas på nytt"},
    "unknown": {"fi": "ei tiedossa", "sv": "okänt"},
    "note": {"fi": "Huomautus", "sv": "Anmärkning"},
    "not_recorded_signatories": {"fi": "Allekirjoittajia ei ole kirjattu näille osapuolille: {parties}.",
                                 "sv": "Undertecknarna har inte registrerats för dessa parter: {parties}."},
    "not_recorded_details": {"fi": "Pykälä tai päivämäärä puuttuu {n} päätöksestä; ne on merkitty ”ei tiedossa”.",
                             "sv": "Paragraf eller datum saknas i {n} beslut; de är märkta ”okänt”."},
    "my_approvals": {"fi": "Hyväksynnät versioittain", "sv": "Godkännanden per version"},
    "version_date": {"fi": "Version päiväys", "sv": "Versionens datum"},
    "last_updated": {"fi": "Päivitetty", "sv": "Uppdaterad"},
    "overdue_past_end": {"fi": "Myöhässä: aikataulu päättyi {date}", "sv": "Försenad: tidsplanen slutade {date}"},
    "overdue_not_started": {"fi": "Ei aloitettu: piti alkaa {date}", "sv": "Inte påbörjad: skulle börja {date}"},
    "stale_indicator": {"fi": "Tieto on vanhentunut: uusin arvo on vuodelta {year}.",
                        "sv": "Uppgiften är föråldrad: det senaste värdet är från {year}."},
    "party_leads": {"fi": "Päävastuulla", "sv": "Huvudansvar"},
    "party_leads_none": {"fi": "Osapuoli ei ole minkään toimenpiteen päävastuussa.",
                         "sv": "Parten är inte huvudansvarig för någon åtgärd."},
    "party_takes_part": {"fi": "Toimenpiteet, joissa mukana", "sv": "Åtgärder där parten deltar"},
    "own_value": {"fi": "Oma arvo", "sv": "Eget värde"},
    "region_value": {"fi": "Koko alue", "sv": "Hela regionen"},
    "progress": {"fi": "Edistyminen", "sv": "Utveckling"},
    "no_own_values": {"fi": "Mittareista ei ole tämän osapuolen omia arvoja; koko alueen tilanne:",
                      "sv": "Indikatorerna har inga egna värden för denna part; hela regionens läge:"},
    "leads_n": {"fi": "johtaa {n}", "sv": "leder {n}"},
    "takes_part_n": {"fi": "mukana {n}", "sv": "deltar i {n}"},
    "late_n": {"fi": "{n} aikataulusta jäljessä", "sv": "{n} efter tidsplanen"},
    "indicators_n": {"fi": "Mittareita {n}", "sv": "Indikatorer {n}"},
    "status_history": {"fi": "Tilan historia", "sv": "Statushistorik"},
    "report_title": {"fi": "Seurantaraportti {year}: {name}", "sv": "Uppföljningsrapport {year}: {name}"},
    "report_as_of_year_end": {"fi": "Tiedot sellaisina kuin ne olivat vuoden {year} lopussa (viimeksi tallennettu {date}).",
                              "sv": "Uppgifterna så som de var i slutet av år {year} (senast sparade {date})."},
    "report_as_of_tree": {"fi": "Tiedot sellaisina kuin ne ovat {date}.", "sv": "Uppgifterna så som de är {date}."},
    "report_fingerprints": {"fi": "Sopimuksen sormenjälki (SHA-256): {fingerprint}. Raportin aineiston tarkiste "
                                  "(SHA-256, mukana seurantatiedot): {digest}.",
                            "sv": "Avtalets fingeravtryck (SHA-256): {fingerprint}. Kontrollsumma för rapportens "
                                  "material (SHA-256, inklusive uppföljningsuppgifter): {digest}."},
    "report_summary": {"fi": "Yhteenveto", "sv": "Sammanfattning"},
    "report_goal_levels": {"fi": "Tavoitteet ja mittarien edistyminen", "sv": "Målen och indikatorernas utveckling"},
    "goals_short": {"fi": "Tavoitteet", "sv": "Mål"},
    "indicator_count": {"fi": "Mittareita", "sv": "Indikatorer"},
    "report_late_actions": {"fi": "Myöhässä olevat toimenpiteet", "sv": "Försenade åtgärder"},
    "report_no_late_actions": {"fi": "Ei myöhässä olevia toimenpiteitä.", "sv": "Inga försenade åtgärder."},
    "report_stale": {"fi": "Vanhentuneet mittaritiedot", "sv": "Föråldrade indikatoruppgifter"},
    "report_no_stale": {"fi": "Ei vanhentuneita mittaritietoja.", "sv": "Inga föråldrade indikatoruppgifter."},
    "report_worsened": {"fi": "Heikentyneet mittarit", "sv": "Indikatorer som försämrats"},
    "report_no_worsened": {"fi": "Yksikään mittari ei ole heikentynyt.", "sv": "Ingen indikator har försämrats."},
    "report_worsened_also": {"fi": "heikentynyt myös näillä alueilla: {areas}", "sv": "försämrats även i: {areas}"},
    "report_worsened_only": {"fi": "heikentynyt näillä alueilla: {areas}", "sv": "försämrats i: {areas}"},
    "report_change_counts": {"fi": "Sopimusmuutoksia {amendments}, toimituksellisia muutoksia {editorial}.",
                             "sv": "Avtalsändringar {amendments}, redaktionella ändringar {editorial}."},
    "report_first_year": {"fi": "Sopimuksen tiedot tallennettiin ensimmäisen kerran vuonna {year}; aiempaa versiota, "
                                "johon verrata, ei ole.",
                          "sv": "Avtalets uppgifter sparades första gången år {year}; det finns ingen tidigare version "
                                "att jämföra med."},
    "report_no_history": {"fi": "Tiedot eivät ole versionhallinnassa, joten vuoden muutoksia ei voi kertoa.",
                          "sv": "Uppgifterna finns inte i versionshanteringen, så årets ändringar kan inte anges."},
    "report_no_year_changes": {"fi": "Sopimukseen tai sen seurantatietoihin ei tehty muutoksia vuonna {year}.",
                               "sv": "Inga ändringar gjordes i avtalet eller dess uppföljningsuppgifter år {year}."},
    "report_all_changes": {"fi": "Kaikki vuoden muutokset ovat luvussa ”{heading}”.",
                           "sv": "Alla årets ändringar finns i kapitlet ”{heading}”."},
    "report_amendments": {"fi": "Sopimusmuutokset", "sv": "Avtalsändringar"},
    "report_editorial": {"fi": "Toimitukselliset muutokset", "sv": "Redaktionella ändringar"},
    "report_monitoring": {"fi": "Seurantatiedot ja kirjatut päätökset", "sv": "Uppföljningsuppgifter och antecknade beslut"},
    "report_indicator_facts": {"fi": "Lähtötaso {base}, tavoitetaso {target}, suunta: {direction}.",
                               "sv": "Utgångsnivå {base}, målnivå {target}, riktning: {direction}."},
    "report_overdue": {"fi": "Myöhässä olevat", "sv": "Försenat"},
    "report_no_overdue": {"fi": "Ei myöhässä olevia toimenpiteitä eikä vanhentuneita mittaritietoja.",
                          "sv": "Inga försenade åtgärder och inga föråldrade indikatoruppgifter."},
    "report_parties": {"fi": "Osapuolet", "sv": "Parterna"},
    "report_updates": {"fi": "Päivitykset {year}", "sv": "Uppdateringar {year}"},
    "report_notes": {"fi": "Huomautukset", "sv": "Anmärkningar"},
    "report_no_values": {"fi": "Ei mitattuja arvoja.", "sv": "Inga uppmätta värden."},
    "version_documents": {"fi": "asiakirjat ja muutospaketti", "sv": "dokument och ändringspaket"},
    "name_clarification": {"fi": "Nimenselvennys", "sv": "Namnförtydligande"},
    "position": {"fi": "Asema", "sv": "Ställning"},
    "own_body": {"fi": "Osapuolen oma toimielin", "sv": "Partens eget organ"},
    "report_changes": {"fi": "Muutokset vuonna {year}", "sv": "Ändringar år {year}"},
    "chart_year": {"fi": "Vuosi", "sv": "År"},
    "chart_target_path": {"fi": "Katkoviiva on tavoitepolku lähtötasosta tavoitetasoon.",
                          "sv": "Den streckade linjen är målbanan från utgångsnivån till målnivån."},
    "chart_description_line": {"fi": "Viivakaavio: {title}, {unit}, vuodet {first}–{last}. Sarjat: {areas}.",
                               "sv": "Linjediagram: {title}, {unit}, åren {first}–{last}. Serier: {areas}."},
    "chart_description_bar": {"fi": "Pistekaavio: {title}, {unit}, vuosi {first}. Sarjat: {areas}.",
                              "sv": "Punktdiagram: {title}, {unit}, år {first}. Serier: {areas}."},
    "chart_description_breaks": {"fi": "Tilastokatkokset on merkitty kaavioon tähdellä ja numerolla; "
                                       "huomautukset ovat kaavion alla.",
                                 "sv": "Avbrott i statistiken är markerade i diagrammet med asterisk och nummer; "
                                       "anmärkningarna finns under diagrammet."},
    "chart_region_only": {"fi": "Kaaviossa on koko alueen arvot; kuntien arvot ovat taulukossa.",
                          "sv": "Diagrammet visar hela regionens värden; kommunernas värden finns i tabellen."},
}

WORDS.update(READER_WORDS)
WORDS.update(REGION_FILE_WORDS)

MONTHS = {
    "fi": ["tammikuu", "helmikuu", "maaliskuu", "huhtikuu", "toukokuu", "kesäkuu", "heinäkuu", "elokuu",
           "syyskuu", "lokakuu", "marraskuu", "joulukuu"],
    "sv": ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
           "november", "december"],
}


def month_name(month: int, lang: str) -> str:
    return MONTHS.get(lang, MONTHS["fi"])[month - 1]


# the data writes sections of law in its main language ("6 ja 7 §", "6 och 7 §", "14 § 2 momentti"): the joining
# words of each language, so that each language's text gets its own ("6 och 7 §" never reaches a Finnish text)
_SECTION_WORDS = {
    "and": {"fi": "ja", "sv": "och", "en": "and"},
    "subsection": {"fi": "momentti", "sv": "momentet", "en": "subsection"},
    "paragraph": {"fi": "kohta", "sv": "punkten", "en": "paragraph"},
}
_SECTION_WORD = {word: concept for concept, words in _SECTION_WORDS.items() for word in words.values()}
_SECTION_PATTERN = re.compile(r"(?<!\S)(" + "|".join(re.escape(w) for w in sorted(_SECTION_WORD, key=len, reverse=True))
                              + r")(?!\S)")


def legal_section(section: str, lang: str) -> str:
    """A section of law in the reader's language, whichever language the data wrote it in:
    legal_section("6 ja 7 §", "sv") == "6 och 7 §", legal_section("6 och 7 §", "fi") == "6 ja 7 §"."""
    return _SECTION_PATTERN.sub(lambda m: _SECTION_WORDS[_SECTION_WORD[m.group(1)]].get(lang, m.group(1)), section)


# byte units as each language abbreviates them: tavu, kilotavu, megatavu in Finnish
SIZE_UNITS = {"fi": ("t", "kt", "Mt"), "sv": ("B", "kB", "MB"), "en": ("B", "kB", "MB")}


def file_words(lang: str) -> dict[str, str]:
    """Each file word in ``lang`` (the agreement's first language), for names such as "{id}-{workbook}.xlsx"."""
    return {key: words.get(lang) or words["fi"] for key, words in FILE_WORDS.items()}


def file_size(size: int, lang: str) -> str:
    """A file's size as readers write it: 850 t, 8,4 kt, 245 kt, 1,4 Mt (sv: B, kB, MB; decimal units, as browsers
    show them; a decimal only where it tells something)."""
    byte, kilo, mega = SIZE_UNITS.get(lang, SIZE_UNITS["fi"])
    if size < 1000:
        return f"{size}\u00a0{byte}"
    if size < 1_000_000:
        return f"{number(size / 1000, 1 if size < 10_000 else 0, lang)}\u00a0{kilo}"
    return f"{number(size / 1_000_000, 1, lang)}\u00a0{mega}"


def word(key: str, lang: str) -> str:
    entry = WORDS[key]
    return entry.get(lang) or entry["fi"]


class InLanguage:
    """What writes in one language (a Word document's body, the yearly report, a statement summary, a site page):
    ``w`` its words, ``t`` a text of the data (``lang`` set by the class)."""

    lang: str

    def w(self, key: str) -> str:
        return word(key, self.lang)

    def t(self, text) -> str:
        return text.get(self.lang) if text else ""


def label(kind: str, path: tuple, value, lang: str) -> str:
    """The label of an enum value, e.g. label("subarea", ("goals", 0, "actions", 0, "status"), "done", "sv")."""
    labels = default_schemas().enum_labels(kind, path)
    entry = labels.get(str(value))
    return entry.get(lang, entry["fi"]) if entry else str(value)


def field(kind: str, path: tuple, lang: str) -> str:
    node = default_schemas().node_at(kind, path)
    titles = titles_of(node) if node else {}
    return titles.get(lang) or titles.get("fi", path[-1])


# Short names of the enum fields used by outputs → where they are in the schema.
ENUMS = {
    "agreement_status": ("agreement", ("status",)),
    "scope": ("agreement", ("scope",)),
    "party_kind": ("parties", ("parties", 0, "kind")),
    "decision_outcome": ("parties", ("parties", 0, "decisions", 0, "outcome")),
    "forum_level": ("forums", ("forums", 0, "level")),
    "forum_frequency": ("forums", ("forums", 0, "frequency")),
    "annex_kind": ("annexes", ("annexes", 0, "kind")),
    "group": ("subarea", ("group",)),
    "basis": ("subarea", ("basis",)),
    "action_status": ("subarea", ("goals", 0, "actions", 0, "status")),
    "direction": ("subarea", ("goals", 0, "indicators", 0, "direction")),
    "unit": ("subarea", ("goals", 0, "indicators", 0, "unit")),
    "indicator_frequency": ("subarea", ("goals", 0, "indicators", 0, "frequency")),
}


@functools.lru_cache(maxsize=2048)
def enum(name: str, value, lang: str) -> str:
    kind, path = ENUMS[name]
    return label(kind, path, value, lang)


def date(value: datetime.date | None, lang: str) -> str:
    """Finnish and Swedish both write 31.12.2029."""
    return f"{value.day}.{value.month}.{value.year}" if value else ""


def number(value: float | None, decimals: int, lang: str) -> str:
    """12.5 → '12,5' with a comma and a no-break space grouping thousands, as both languages write."""
    if value is None:
        return "–"
    text = f"{value:,.{decimals}f}".replace(",", "\u00a0").replace(".", ",")
    return text.replace("-", "\u2212")


# a space inside a unit's symbol that must not break a value from its meaning: "/ 1 000", "1 000 €"
_UNIT_SPACE = re.compile(r"(?<=[\d/]) (?=[\d€])")


def unit_symbol(unit: str, lang: str, value_text: str = "") -> str:
    """A unit as it follows a number: singular after exactly 1 ("1 kunta"), its spaces around "/" and between
    thousands no-break ones ("−1,3 / 1 000 asukasta" never breaks before "asukasta")."""
    if value_text == "1" and unit in UNIT_ONE:
        return UNIT_ONE[unit].get(lang) or UNIT_ONE[unit]["fi"]
    return no_break_unit(enum("unit", unit, lang))


def no_break_unit(symbol: str) -> str:
    """A unit's symbol with no-break spaces after "/" and between thousands ("/ 1 000 asukasta")."""
    return _UNIT_SPACE.sub("\u00a0", symbol)


def with_unit(value: float | None, unit: str, decimals: int, lang: str) -> str:
    if value is None:
        return "–"
    text = number(value, decimals, lang)
    symbol = unit_symbol(unit, lang, text)
    return f"{text}\u00a0{symbol}" if symbol else text


def count_word(key: str, n: int, lang: str) -> str:
    """A count's word by the number: ``key`` after any number but 1, ``key``_one after 1 where there is one."""
    return word(f"{key}_one" if n == 1 and f"{key}_one" in WORDS else key, lang)


def dated_value(point: tuple[int, float] | None, unit: str, decimals: int, lang: str) -> str:
    """A (year, value) as readers see it everywhere: '16,8 % (2022)'; '–' when there is none."""
    if point is None:
        return "–"
    year, value = point
    return f"{with_unit(value, unit, decimals, lang)} ({year})"


def partial_date(value: str | None, lang: str) -> str:
    """'2026' → '2026', '2026-09' → '9/2026', '2026-09-15' → '15.9.2026'."""
    if not value:
        return ""
    parts = [int(p) for p in str(value).split("-")]
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return f"{parts[1]}/{parts[0]}"
    return f"{parts[2]}.{parts[1]}.{parts[0]}"


def number_list(numbers: list[int], lang: str) -> str:
    """Party numbers as an agreement states them: runs of three or more as ranges, the rest listed
    (number_list([2, 3, 4, 6, 8, 9], "fi") == "2–4, 6, 8 ja 9")."""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    parts = [part for run in runs for part in ([f"{run[0]}–{run[-1]}"] if len(run) > 2 else map(str, run))]
    return joined(parts, lang)


def joined(parts: list[str], lang: str) -> str:
    """A list as a sentence says it: joined(["a", "b", "c"], "fi") == "a, b ja c"."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + {"fi": " ja ", "sv": " och "}.get(lang, " and ") + parts[-1]


# --- consultation rounds: their words in consultation_words.py
WORDS.update(CONSULTATION_WORDS)
ENUMS["statement_outcome"] = ("consultations", ("consultations", 0, "statements", 0, "response", "outcome"))
ENUMS["statement_language"] = ("consultations", ("consultations", 0, "statements", 0, "language"))


def date_range(start: datetime.date, end: datetime.date, lang: str) -> str:
    """A period as both languages write it: 1.2.–1.3.2027 within a year, 15.12.2026–15.1.2027 across one."""
    if start.year == end.year:
        return f"{start.day}.{start.month}.–{date(end, lang)}"
    return f"{date(start, lang)}–{date(end, lang)}"

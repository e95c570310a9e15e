"""Words of the site's pages for readers added with issues 25 and 32 (the late page, the indicator pages, what the
accessibility statement finds by itself), kept beside labels.WORDS, which takes them in: one catalogue to readers."""
from __future__ import annotations

READER_WORDS: dict[str, dict[str, str]] = {
    # indicators: their own pages, the sub-area page's folded values, the small charts (issues 25.3, 32.2, 32.6)
    "values_folded": {"fi": "Arvot alueittain ja vuosittain", "sv": "Värden per område och år"},
    "n_areas": {"fi": "aluetta", "sv": "områden"},
    "n_areas_one": {"fi": "alue", "sv": "område"},
    "indicator_page_link": {"fi": "Mittarin oma sivu: kaikki arvot, lähde ja menetelmä",
                            "sv": "Indikatorns egen sida: alla värden, källa och metod"},
    "better_increase": {"fi": "Suurempi arvo on parempi.", "sv": "Ett högre värde är bättre."},
    "better_decrease": {"fi": "Pienempi arvo on parempi.", "sv": "Ett lägre värde är bättre."},
    "better_keep": {"fi": "Tavoitteena on pitää taso ennallaan.", "sv": "Målet är att hålla nivån."},
    "indicator_development": {"fi": "Kehitys", "sv": "Utveckling"},
    "indicator_values": {"fi": "Arvot alueittain ja vuosittain", "sv": "Värden per område och år"},
    "indicator_about": {"fi": "Mittarista", "sv": "Om indikatorn"},
    "method": {"fi": "Menetelmä", "sv": "Metod"},
    "method_text": {"fi": "{direction}; seurataan: {frequency}. Alueet: {areas}.",
                    "sv": "{direction}; följs upp: {frequency}. Områden: {areas}."},
    "goal_of": {"fi": "Tavoite", "sv": "Mål"},
    "jump_to_goal": {"fi": "Siirry tavoitteeseen", "sv": "Gå till målet"},
    "overview_help": {"fi": "Jokainen mittari, sen viimeisin arvo, tavoitetaso ja edistyminen. Mittarin nimestä pääsee "
                            "sen omalle sivulle, jossa ovat kaavio, kaikki arvot kunnittain, lähde ja menetelmä.",
                      "sv": "Varje indikator, dess senaste värde, målnivå och utveckling. Indikatorns namn leder till "
                            "dess egen sida med diagram, alla värden per kommun, källa och metod."},
    # the late page (issue 25.2)
    "late": {"fi": "Myöhässä", "sv": "Försenat"},
    "late_help": {"fi": "Toimenpiteet, jotka ovat viivästyneet tai jääneet aikataulustaan, ja mittarit, joiden uusin "
                        "arvo on seurantaväliin nähden vanha, tilanteessa {date}.",
                  "sv": "Åtgärder som har försenats eller halkat efter sin tidsplan och indikatorer vars senaste värde "
                        "är gammalt i förhållande till uppföljningsintervallet, läget {date}."},
    "late_by_subarea": {"fi": "Osa-alueittain", "sv": "Per delområde"},
    "late_by_party": {"fi": "Osapuolittain", "sv": "Per part"},
    "late_actions": {"fi": "myöhässä olevat toimenpiteet", "sv": "försenade åtgärder"},
    "late_why": {"fi": "Miksi myöhässä", "sv": "Varför försenad"},
    "late_actions_n": {"fi": "{n} toimenpidettä myöhässä", "sv": "{n} åtgärder försenade"},
    "late_actions_n_one": {"fi": "1 toimenpide myöhässä", "sv": "1 åtgärd försenad"},
    "stale_indicators_n": {"fi": "{n} mittarin tieto vanhentunut", "sv": "{n} indikatorers uppgifter föråldrade"},
    "stale_indicators_n_one": {"fi": "1 mittarin tieto vanhentunut", "sv": "1 indikators uppgifter föråldrade"},
    "stale_indicators": {"fi": "Mittarit, joiden tieto on vanhentunut:", "sv": "Indikatorer med föråldrade uppgifter:"},
    "action_statuses": {"fi": "Toimenpiteiden tilanne", "sv": "Åtgärdernas läge"},
    "action_statuses_help": {"fi": "Toimenpiteet tilan mukaan, yhteensä {n}.",
                             "sv": "Åtgärderna enligt status, sammanlagt {n}."},
    "late_none_short": {"fi": "Mikään ei ole myöhässä.", "sv": "Ingenting är försenat."},
    "a11y_scanned_annex": {"fi": "Liitesopimukset-sivulta linkitetty {title} on skannattu PDF-tiedosto, jota ruudunlukija "
                                 "ei voi lukea. Sen sisällön saa pyydettäessä saavutettavassa muodossa.",
                           "sv": "{title}, som länkas från sidan Bilageavtal, är en skannad PDF-fil som en skärmläsare "
                                 "inte kan läsa. Innehållet fås i tillgänglig form på begäran."},
    "a11y_finnish_only_pages": {"fi": "Sivut Ohje muokkaajille ja Tietomuoto ovat vain suomeksi.",
                                "sv": "Sidorna Anvisning för redaktörer och Dataformat finns endast på finska."},
    "a11y_notes_language": {"fi": "Mittaustulosten huomautukset (esimerkiksi tilastokatkokset) ovat vain {language}.",
                            "sv": "Anmärkningarna till mätvärdena (till exempel avbrott i statistiken) finns endast "
                                  "{language}."},
    "a11y_history_language": {"fi": "Neuvotteluhistorian muutosehdotusten otsikot ovat vain {language}; muutosten "
                                    "sisältö kerrotaan tämän sivun kielellä.",
                              "sv": "Rubrikerna på ändringsförslagen i förhandlingshistoriken finns endast {language}; "
                                    "ändringarnas innehåll beskrivs på denna sidas språk."},
    # a count's word after the number 1 (count_word): "1 osa-alue", "2 osa-aluetta"
    "n_subareas_one": {"fi": "osa-alue", "sv": "delområde"},
    "n_goals_one": {"fi": "tavoite", "sv": "mål"},
    "n_actions_one": {"fi": "toimenpide", "sv": "åtgärd"},
    "n_indicators_one": {"fi": "mittari", "sv": "indikator"},
    "n_parties_one": {"fi": "osapuoli", "sv": "part"},
    "more_changes_one": {"fi": "ja 1 muu muutos", "sv": "och 1 annan ändring"},
    "history_filter": {"fi": "Näytä muutokset", "sv": "Visa ändringar"},
    "history_all": {"fi": "Kaikki", "sv": "Alla"},
    "annex_scanned": {"fi": "Skannattu paperiasiakirja: ei saavutettava (tekstiä ei voi lukea ruudunlukijalla). "
                            "Saavutettavan version saa pyytämällä, ks. saavutettavuusseloste.",
                      "sv": "Skannat pappersdokument: inte tillgängligt (texten kan inte läsas med skärmläsare). "
                            "En tillgänglig version fås på begäran, se tillgänglighetsutlåtandet."},
    "matrix_codes": {"fi": "Sarakkeet ovat osa-alueita:", "sv": "Kolumnerna är delområden:"},
    # the record of a whole term (issue 31): every change, a page per year, by version and month
    "history_year": {"fi": "Neuvotteluhistoria {year}", "sv": "Förhandlingshistorik {year}"},
    "record_extent": {"fi": "Neuvotteluhistoriassa on {count}: {span}.", "sv": "Förhandlingshistoriken har {count}: {span}."},
    "record_begins": {"fi": "Historia alkaa {date}; sitä aiemmat muutokset ovat vain sopimuksen git-historiassa.",
                      "sv": "Historiken börjar {date}; tidigare ändringar finns endast i avtalets git-historik."},
    "record_git_history": {"fi": "Repositorion muutoshistoria", "sv": "Förrådets ändringshistorik"},
    "record_by_year": {"fi": "Muutokset vuosittain", "sv": "Ändringar per år"},
    "record_by_version": {"fi": "Muutokset versioittain", "sv": "Ändringar per version"},
    "record_latest": {"fi": "Uusimmat muutokset", "sv": "De senaste ändringarna"},
    "record_latest_some": {"fi": "Tällä sivulla ovat {shown} uusinta muutosta (kaikkiaan {n}). Kaikki muutokset ovat "
                                 "vuosien sivuilla: {years}.",
                           "sv": "Den här sidan visar de {shown} senaste ändringarna (totalt {n}). Alla ändringar finns "
                                 "på årens sidor: {years}."},
    "record_latest_all": {"fi": "Tällä sivulla ovat kaikki muutokset ({n}); ne ovat myös vuosien sivuilla: {years}.",
                          "sv": "Den här sidan visar alla ändringar ({n}); de finns också på årens sidor: {years}."},
    "record_year_help": {"fi": "Tällä sivulla ovat kaikki vuoden {year} muutokset ({n}), uusin ensin, versioittain ja "
                               "kuukausittain; kunkin muutoksen yksityiskohdat avautuvat sen otsikon alta.",
                         "sv": "Den här sidan visar alla ändringar år {year} ({n}), den senaste först, per version och "
                               "månad; detaljerna om varje ändring öppnas under dess rubrik."},
    "record_other_years": {"fi": "Muiden vuosien muutokset: {years}. Yhteenveto ja uusimmat muutokset: {history}.",
                           "sv": "Andra års ändringar: {years}. Sammanfattning och de senaste ändringarna: {history}."},
    "record_summary_link": {"fi": "Yhteenveto ja uusimmat muutokset: {history}.",
                            "sv": "Sammanfattning och de senaste ändringarna: {history}."},
    "record_year": {"fi": "Vuosi", "sv": "År"},
    "record_changes": {"fi": "Muutoksia", "sv": "Ändringar"},
    "record_amendments": {"fi": "Sopimusmuutoksia", "sv": "Avtalsändringar"},
    "record_editorial": {"fi": "Toimituksellisia", "sv": "Redaktionella"},
    "record_monitoring": {"fi": "Seurantapäivityksiä", "sv": "Uppföljningsuppdateringar"},
    "record_before_signing": {"fi": "Ennen allekirjoittamista", "sv": "Före undertecknandet"},
    "record_led_to": {"fi": "Neuvottelu, joka johti versioon {version}.",
                      "sv": "Förhandlingen som ledde till version {version}."},
    "record_not_signed_yet": {"fi": "Sopimusta ei ole vielä allekirjoitettu. {version}: {status}.",
                              "sv": "Avtalet har ännu inte undertecknats. {version}: {status}."},
    "record_after_signing": {"fi": "Version {version} allekirjoittamisen jälkeen",
                             "sv": "Efter undertecknandet av version {version}"},
    "record_proposal_to": {"fi": "Muutosehdotus voimassa olevaan versioon {version}: {status}.",
                           "sv": "Ändringsförslag till den gällande versionen {version}: {status}."},
    "record_n_changes": {"fi": "{n} muutosta", "sv": "{n} ändringar"},
    "record_n_changes_one": {"fi": "1 muutos", "sv": "1 ändring"},
    "record_on_this_page": {"fi": "Tämän vuoden sivulla: {count}.", "sv": "På årets sida: {count}."},
    "record_months": {"fi": "Siirry kuukauteen", "sv": "Gå till månaden"},
    "record_classes": {"fi": "Muutosten luokat", "sv": "Ändringarnas klasser"},
    "record_not_listed": {"fi": "ja {n} muuta muutosta, joita ei luetella tällä sivulla (koko luettelo: "
                                "muutosehdotus tai komento yhteistyosopimus diff)",
                          "sv": "och {n} andra ändringar som inte listas på den här sidan (hela listan: "
                                "ändringsförslaget eller kommandot yhteistyosopimus diff)"},
    "record_goal_earlier": {"fi": "{n} aiempaa muutosta", "sv": "{n} tidigare ändringar"},
    "record_goal_earlier_one": {"fi": "1 aiempi muutos", "sv": "1 tidigare ändring"},
}


# a count unit's word after the number 1: the schema's labels are the plural forms ("2 kuntaa", "2 möten")
UNIT_ONE = {
    "persons": {"fi": "henkilö", "sv": "person", "en": "person"},
    "days": {"fi": "päivä", "sv": "dag", "en": "day"},
    "score": {"fi": "piste", "sv": "poäng", "en": "point"},
    "weeks": {"fi": "viikko", "sv": "vecka", "en": "week"},
    "months": {"fi": "kuukausi", "sv": "månad", "en": "month"},
    "years": {"fi": "vuosi", "sv": "år", "en": "year"},
    "visits": {"fi": "käynti", "sv": "besök", "en": "visit"},
    "meetings": {"fi": "kokous", "sv": "möte", "en": "meeting"},
    "municipalities": {"fi": "kunta", "sv": "kommun", "en": "municipality"},
    "organisations": {"fi": "järjestö", "sv": "organisation", "en": "organisation"},
}

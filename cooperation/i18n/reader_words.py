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

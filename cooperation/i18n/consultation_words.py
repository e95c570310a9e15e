"""The consultation rounds' words (agreement/consultations.yaml): the site's pages and notices, the Word summary,
and the pull request's diff comment. ``labels`` merges CONSULTATION_WORDS into its catalogue."""
from __future__ import annotations

# --- consultation rounds (agreement/consultations.yaml): the site's pages and notices, the Word summary --------------
CONSULTATION_WORDS: dict[str, dict[str, str]] = {
    "consultations": {"fi": "Lausuntokierrokset", "sv": "Remissrundor"},
    "consultations_help": {"fi": "Sopimuksen luonnoksista pyydetään lausuntoja osapuolilta, alueen järjestöiltä, "
                                 "yrityksiltä ja asukkailta. Jokaisen kierroksen jälkeen kerromme, mitä kuulimme ja "
                                 "mitä teimme.",
                           "sv": "Om utkasten till avtalet begärs utlåtanden av parterna, organisationer och företag i "
                                 "regionen och invånarna. Efter varje runda berättar vi vad vi hörde och vad vi gjorde."},
    "what_we_heard": {"fi": "Mitä kuulimme – mitä teimme", "sv": "Vad vi hörde – vad vi gjorde"},
    "consultation_open": {"fi": "Luonnos lausunnolla {dates}", "sv": "Utkastet på remiss {dates}"},
    "consultation_upcoming": {"fi": "Lausuntokierros {dates}", "sv": "Remissrunda {dates}"},
    "consultation_closed": {"fi": "Lausuntokierros päättyi {date}", "sv": "Remissrundan avslutades {date}"},
    "round_state_upcoming": {"fi": "alkaa {date}", "sv": "börjar {date}"},
    "round_state_open": {"fi": "lausunnolla {date} asti", "sv": "på remiss till {date}"},
    "round_state_closed": {"fi": "päättyi {date}", "sv": "avslutades {date}"},
    "statement_by_form_and_email": {"fi": "Anna lausunto {form} tai sähköpostilla osoitteeseen {email} viimeistään "
                                          "{date}.",
                                    "sv": "Lämna ditt utlåtande {form} eller per e-post till {email} senast {date}."},
    "statement_by_form": {"fi": "Anna lausunto {form} viimeistään {date}.",
                          "sv": "Lämna ditt utlåtande {form} senast {date}."},
    "statement_by_email": {"fi": "Anna lausunto sähköpostilla osoitteeseen {email} viimeistään {date}.",
                           "sv": "Lämna ditt utlåtande per e-post till {email} senast {date}."},
    "form_link": {"fi": "verkkolomakkeella", "sv": "med webbformuläret"},
    "form_link_item": {"fi": "verkkolomakkeella (kohta {item} valmiina)", "sv": "med webbformuläret (punkten {item} "
                                                                               "förifylld)"},
    "email_subject": {"fi": "Lausunto: {title}", "sv": "Utlåtande: {title}"},
    "round_page_link": {"fi": "Lisätietoa lausuntokierroksesta", "sv": "Mer om remissrundan"},
    "consultation_period": {"fi": "Lausuntoaika", "sv": "Remisstid"},
    "consultation_version": {"fi": "Lausunnolla oleva versio", "sv": "Version på remiss"},
    "items_consulted": {"fi": "Lausunnolla olevat kohdat", "sv": "Punkter på remiss"},
    "whole_draft": {"fi": "koko luonnos", "sv": "hela utkastet"},
    "asked": {"fi": "Lausuntoa pyydettiin", "sv": "Utlåtande begärdes av"},
    "channel": {"fi": "Lausuntokanava", "sv": "Kanal för utlåtanden"},
    "web_form": {"fi": "verkkolomake", "sv": "webbformulär"},
    "retention": {"fi": "Lausuntojen säilytys", "sv": "Förvaring av utlåtandena"},
    "privacy_note": {"fi": "Yksityishenkilöiden lausunnot julkaistaan ilman nimiä. Sähköpostiosoitteita ja "
                           "puhelinnumeroita ei julkaista.",
                     "sv": "Privatpersoners utlåtanden publiceras utan namn. E-postadresser och telefonnummer "
                           "publiceras inte."},
    "statements_received": {"fi": "Saadut lausunnot", "sv": "Inkomna utlåtanden"},
    "received_n": {"fi": "{n} lausuntoa: {organisations} organisaatiolta ja {private} yksityishenkilöltä",
                   "sv": "{n} utlåtanden: från {organisations} organisationer och {private} privatpersoner"},
    "statements_so_far": {"fi": "Lausuntoja on saapunut {n}. Lausunnot ja vastineet julkaistaan, kun kierros on "
                                "päättynyt.",
                          "sv": "Hittills har {n} utlåtanden kommit in. Utlåtandena och bemötandena publiceras när "
                                "rundan har avslutats."},
    "statements_by_subarea": {"fi": "Lausunnot osa-alueittain ja ratkaisuittain", "sv": "Utlåtanden per delområde och "
                                                                                    "avgörande"},
    "n_statements": {"fi": "Lausuntoja", "sv": "Utlåtanden"},
    "outcome_pending": {"fi": "vastine valmisteilla", "sv": "bemötandet bereds"},
    "total": {"fi": "Yhteensä", "sv": "Totalt"},
    "whole_agreement": {"fi": "Koko sopimus", "sv": "Hela avtalet"},
    "private_person": {"fi": "Yksityishenkilö", "sv": "Privatperson"},
    "about_item": {"fi": "Koskee", "sv": "Gäller"},
    "response": {"fi": "Vastine", "sv": "Bemötande"},
    "changed_items": {"fi": "Muutetut kohdat", "sv": "Ändrade punkter"},
    "translation_mark": {"fi": "käännös", "sv": "översättning"},
    "only_in_language": {"fi": "Lausunto on annettu vain {language}.", "sv": "Utlåtandet finns endast {language}."},
    "read_statement": {"fi": "Lue lausunto", "sv": "Läs utlåtandet"},
    "statements_on_goal": {"fi": "Lausunnot tästä tavoitteesta", "sv": "Utlåtanden om detta mål"},
    "answers_statements": {"fi": "Vastaa lausuntoihin", "sv": "Bemöter utlåtandena"},
    "summary_title": {"fi": "Lausuntoyhteenveto ja vastineet", "sv": "Sammanställning av utlåtanden och bemötanden"},
    "summary_download": {"fi": "Lausuntoyhteenveto ja vastineet (Word)", "sv": "Sammanställning av utlåtanden och "
                                                                              "bemötanden (Word)"},
    "dl_statements": {"fi": "Lausuntoyhteenveto ja vastineet", "sv": "Sammanställning av utlåtanden och bemötanden"},
    "summary_attach": {"fi": "Yhteenveto on laadittu liitteeksi päätösasiaan, jossa sopimus tuodaan hyväksyttäväksi. "
                             "Siinä ovat kaikki kierroksen lausunnot kohdittain ja valmistelijoiden vastineet.",
                       "sv": "Sammanställningen är gjord som bilaga till ärendet där avtalet läggs fram för godkännande. "
                             "Den innehåller alla utlåtanden i rundan per punkt och beredarnas bemötanden."},
    "summary_no_round": {"fi": "Lausuntokierroksia ei ole.", "sv": "Det finns inga remissrundor."},
    "col_author": {"fi": "Lausunnonantaja", "sv": "Remissinstans"},
    "col_statement": {"fi": "Lausunto", "sv": "Utlåtande"},
    "original_in": {"fi": "alkuperäinen {language}", "sv": "originalet {language}"},
    "statement_in": {"fi": "lausunto {language}", "sv": "utlåtandet {language}"},
    "no_statements": {"fi": "Lausuntoja ei saatu.", "sv": "Inga utlåtanden kom in."},
}
# the pull request's diff comment: the statements that concern the changed items (fi, sv, en, as the diff's words)
CONSULTATION_DIFF_WORDS = {
    "heading": {"fi": "Lausunnot, jotka koskevat muutettuja kohtia", "sv": "Utlåtanden om de ändrade punkterna",
                "en": "Statements on the changed items"},
    "private_person": {"fi": "yksityishenkilö", "sv": "privatperson", "en": "private person"},
    "whole_agreement": {"fi": "koko sopimus", "sv": "hela avtalet", "en": "the whole agreement"},
    "response": {"fi": "vastine", "sv": "bemötande", "en": "response"},
    "no_response": {"fi": "ei vielä vastinetta", "sv": "inget bemötande ännu", "en": "no response yet"},
    "more_statements": {"fi": "…{n} lausuntoa lisää, katso ajon yhteenveto", "sv": "…{n} utlåtanden till, se körningens "
                                                                                "sammanfattning",
                        "en": "…{n} more statements, see the run summary"},
}

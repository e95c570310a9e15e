"""Words of the consultation rounds' messages (agreement/consultations.yaml, and import-statements' rows): Finnish
first, English, and the Swedish column apart as in ``messages``, which merges them into its catalogue."""
from __future__ import annotations

CONSULTATION_MESSAGES: dict[str, dict[str, str]] = {
    # agreement/consultations.yaml
    "consultation_duplicate": {"fi": "tunniste ”{id}” on jo käytössä ({where}); jokaisella kierroksella ja kierroksen "
                                     "lausunnolla on oma tunnisteensa",
                               "en": "the identifier \"{id}\" is already used ({where}); every round, and every statement "
                                     "of a round, has an identifier of its own"},
    "consultation_channel_missing": {"fi": "kerro, miten lausunto annetaan: lomakkeen osoite (form_url) tai "
                                           "sähköpostiosoite (email)",
                                     "en": "say how a statement is given: a form's address (form_url) or an e-mail "
                                           "address (email)"},
    "consultation_unknown_item": {"fi": "kohtaa ”{ref}” ei ole sopimuksessa (osa-alueen, tavoitteen, toimenpiteen tai "
                                        "mittarin tunniste){suggestion}",
                                  "en": "there is no item \"{ref}\" in the agreement (the identifier of a sub-area, goal, "
                                        "action or indicator){suggestion}"},
    "consultation_statement_outside": {"fi": "lausunto on päivätty {date}, mutta kierros oli auki {opens}–{closes}; "
                                             "tarkista päivämäärä tai kierros",
                                       "en": "the statement is dated {date} but the round was open {opens}–{closes}; "
                                             "check the date or the round"},
    "consultation_statement_submitter": {"fi": "kerro lausunnon antaja yhdellä näistä: party (osapuoli), organisation "
                                               "(organisaatio) tai private_person: true (yksityishenkilö, ei nimeä)",
                                         "en": "give the statement's author with one of: party (a party), organisation "
                                               "(an organisation) or private_person: true (a private person, no name)"},
    "personal_contact_data": {"fi": "tekstissä on {what} (merkistä nro {index} alkaen); sähköpostiosoitteita ja "
                                    "puhelinnumeroita ei julkaista: poista se",
                              "en": "the text holds {what} (from character {index} on); e-mail addresses and phone "
                                    "numbers are never published: remove it"},
    "consultation_unanswered": {"fi": "kierros päättyi {closes}, mutta lausunnolla ei ole vielä vastinetta (response: "
                                      "outcome ja reasoning); lisää se ennen lausuntoyhteenvetoa",
                                "en": "the round closed on {closes} but the statement has no response yet (response: "
                                      "outcome and reasoning); add it before the summary"},
    # the round's version (validate's post-check, from git)
    "consultation_unknown_version": {"fi": "lausuntokierroksen versiota ”{version}” ei löydy: se ei ole allekirjoitetun "
                                           "version tagi eikä minkään repositorion historiassa olevan tekstin "
                                           "sormenjälki (tunnetut versiot: {known})",
                                     "en": "the round's version \"{version}\" is not found: it is neither a signed "
                                           "version's tag nor the fingerprint of any text in the repository's history "
                                           "(known versions: {known})"},
    "consultation_version_not_checked": {"fi": "lausuntokierroksen versiota ”{version}” ei voi tarkistaa, koska tiedot "
                                               "eivät ole git-repositoriossa eikä se ole nykyisen tekstin sormenjälki "
                                               "({current}…)",
                                         "en": "the round's version \"{version}\" cannot be checked: the data is not in a "
                                               "git repository and it is not the current text's fingerprint "
                                               "({current}…)"},
    "consultation_version_shallow": {"fi": "lausuntokierroksen versiota ”{version}” ei voi tarkistaa, koska tämä on "
                                           "vajaa klooni ilman vanhempaa historiaa: hae se komennolla git fetch "
                                           "--unshallow",
                                     "en": "the round's version \"{version}\" cannot be checked in a shallow clone "
                                           "without the older history: fetch it with git fetch --unshallow"},
    # import-statements: a web form's CSV rows and a kommentit.json's entries
    "statements_column_missing": {"fi": "sarake, jossa on {what}, puuttuu (otsikot nyt: {found}); ohje kertoo "
                                        "sarakkeiden otsikot",
                                  "en": "the column holding {what} is missing (headings now: {found}); the guide lists "
                                        "the headings"},
    "statements_column_personal": {"fi": "sarakkeessa ”{column}” on henkilötietoja; sitä ei tuoda eikä julkaista",
                                   "en": "the column \"{column}\" holds personal data; it is neither imported nor "
                                         "published"},
    "statements_column_ignored": {"fi": "saraketta ”{column}” ei lueta", "en": "the column \"{column}\" is not read"},
    "statements_row_no_text": {"fi": "rivillä ei ole lausuntoa; riviä ei tuotu",
                               "en": "the row holds no statement; it was not imported"},
    "statements_row_date": {"fi": "päivämäärää ”{value}” ei voi lukea; kirjoita se muodossa 2027-02-14 tai 14.2.2027",
                            "en": "the date \"{value}\" cannot be read; write it as 2027-02-14 or 14.2.2027"},
    "statements_row_no_item": {"fi": "kohtaa ei ole annettu: lausunto kirjataan koskemaan koko sopimusta",
                               "en": "no item is given: the statement is recorded as being about the whole agreement"},
    "statements_row_private": {"fi": "organisaatiota ei ole annettu: lausunto kirjataan yksityishenkilön lausunnoksi "
                                     "ilman nimeä",
                               "en": "no organisation is given: the statement is recorded as a private person's, "
                                     "without a name"},
    "statements_row_language": {"fi": "kieltä ”{value}” ei tunneta; lausunto kirjataan kielelle {language}",
                                "en": "the language \"{value}\" is not known; the statement is recorded as {language}"},
    "statements_row_duplicate": {"fi": "sama lausunto on jo kierroksella (tunniste {id}); sitä ei tuotu uudelleen",
                                 "en": "the same statement is in the round already (identifier {id}); it was not "
                                       "imported again"},
}

CONSULTATION_SV: dict[str, str] = {
    "consultation_duplicate": "identifieraren ”{id}” används redan ({where}); varje runda, och varje utlåtande i en "
                              "runda, har en egen identifierare",
    "consultation_channel_missing": "ange hur ett utlåtande lämnas: formulärets adress (form_url) eller en "
                                    "e-postadress (email)",
    "consultation_unknown_item": "punkten ”{ref}” finns inte i avtalet (ett delområdes, måls, åtgärds eller indikators "
                                 "identifierare){suggestion}",
    "consultation_statement_outside": "utlåtandet är daterat {date}, men rundan pågick {opens}–{closes}; kontrollera "
                                      "datumet eller rundan",
    "consultation_statement_submitter": "ange vem som gav utlåtandet med ett av: party (en part), organisation (en "
                                        "organisation) eller private_person: true (en privatperson, inget namn)",
    "personal_contact_data": "texten innehåller {what} (från tecken nr {index}); e-postadresser och telefonnummer "
                             "publiceras aldrig: ta bort den",
    "consultation_unanswered": "rundan slutade {closes}, men utlåtandet har ännu inget bemötande (response: outcome "
                               "och reasoning); lägg till det före sammanställningen",
    "consultation_unknown_version": "remissrundans version ”{version}” hittas inte: den är varken en undertecknad "
                                    "versions tagg eller fingeravtrycket för någon text i repositoriets historik "
                                    "(kända versioner: {known})",
    "consultation_version_not_checked": "remissrundans version ”{version}” kan inte kontrolleras, eftersom uppgifterna "
                                        "inte finns i ett git-repositorium och den inte är den nuvarande textens "
                                        "fingeravtryck ({current}…)",
    "consultation_version_shallow": "remissrundans version ”{version}” kan inte kontrolleras i en ofullständig klon "
                                    "utan den äldre historiken: hämta den med git fetch --unshallow",
    "statements_column_missing": "kolumnen med {what} saknas (rubrikerna nu: {found}); anvisningen anger kolumnernas "
                                 "rubriker",
    "statements_column_personal": "kolumnen ”{column}” innehåller personuppgifter; den importeras inte och publiceras "
                                  "inte",
    "statements_column_ignored": "kolumnen ”{column}” läses inte",
    "statements_row_no_text": "raden innehåller inget utlåtande; den importerades inte",
    "statements_row_date": "datumet ”{value}” kan inte läsas; skriv det som 2027-02-14 eller 14.2.2027",
    "statements_row_no_item": "ingen punkt anges: utlåtandet registreras som gällande hela avtalet",
    "statements_row_private": "ingen organisation anges: utlåtandet registreras som en privatpersons, utan namn",
    "statements_row_language": "språket ”{value}” är okänt; utlåtandet registreras på {language}",
    "statements_row_duplicate": "samma utlåtande finns redan i rundan (identifierare {id}); det importerades inte igen",
}

# words that go into these messages as their parameters
CONSULTATION_PARAMS: dict[str, dict[str, str]] = {
    "file_consultations": {"fi": "lausuntokierrokset", "en": "consultation rounds", "sv": "remissrundor"},
    "an_email_address": {"fi": "sähköpostiosoite", "en": "an e-mail address", "sv": "en e-postadress"},
    "a_phone_number": {"fi": "puhelinnumero", "en": "a phone number", "sv": "ett telefonnummer"},
    "column_date": {"fi": "päivämäärä", "en": "the date", "sv": "datumet"},
    "column_text": {"fi": "lausunto", "en": "the statement", "sv": "utlåtandet"},
    "column_organisation": {"fi": "lausunnon antaja (organisaatio)", "en": "the author (organisation)",
                            "sv": "den som lämnade utlåtandet (organisation)"},
}

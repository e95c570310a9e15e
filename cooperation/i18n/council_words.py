"""The words of the documents a council receives: the amendment package (outputs/docx/amendment.py: the change
annex (muutosliite / ändringsbilaga), the draft decision (päätösesitys / beslutsförslag) and its files' names) and the
yearly report's title."""

WORDS_AMENDMENT = {
    "annex": {"fi": "Muutosliite", "sv": "Ändringsbilaga"},
    "decision": {"fi": "Päätösesitys", "sv": "Beslutsförslag"},
    "compared": {"fi": "Muutettava versio: {base}. Muutettu versio: {head}.",
                 "sv": "Version som ändras: {base}. Ändrad version: {head}."},
    "fingerprints": {"fi": "Muutettavan version sormenjälki (SHA-256) on {base_fp} ja muutetun version {head_fp}.",
                     "sv": "Fingeravtrycket (SHA-256) för den version som ändras är {base_fp} och för den ändrade "
                           "versionen {head_fp}."},
    "amendments": {"fi": "Sopimusmuutokset", "sv": "Avtalsändringar"},
    "amendments_help": {"fi": "Muutokset, jotka jokaisen osapuolen on hyväksyttävä.",
                        "sv": "Ändringar som varje part måste godkänna."},
    "general_parts": {"fi": "Sopimuksen yleiset osat", "sv": "Avtalets allmänna delar"},
    "editorial": {"fi": "Toimitukselliset muutokset", "sv": "Redaktionella ändringar"},
    "editorial_help": {"fi": "Sanamuotoja, välimerkkejä ja kirjoitusasua; sisältö ei muutu.",
                       "sv": "Formuleringar, skiljetecken och stavning; innehållet ändras inte."},
    "monitoring": {"fi": "Seurantatiedot ja kirjatut päätökset", "sv": "Uppföljningsuppgifter och antecknade beslut"},
    "monitoring_updates": {"fi": "Seurantapäivityksiä (toimenpiteiden tilat, version tiedot ym.): {n}.",
                           "sv": "Uppföljningsuppdateringar (åtgärdernas status, versionsuppgifter o.d.): {n}."},
    "measurement_updates": {"fi": "Mittaustulokset: {counts}.", "sv": "Mätvärden: {counts}."},
    "decisions_recorded": {"fi": "Kirjattuja päätöksiä: {added} uutta, {changed} korjattua, {removed} poistettua.",
                           "sv": "Antecknade beslut: {added} nya, {changed} rättade, {removed} borttagna."},
    "no_monitoring": {"fi": "Ei seurantapäivityksiä eikä kirjattuja päätöksiä.",
                      "sv": "Inga uppföljningsuppdateringar eller antecknade beslut."},
    # the draft decision
    "item_title": {"fi": "{title}: muutoksen hyväksyminen", "sv": "{title}: godkännande av ändringen"},
    "preparer": {"fi": "Valmistelija", "sv": "Beredare"},
    "presenter": {"fi": "Esittelijä", "sv": "Föredragande"},
    "preparer_blank": {"fi": "[nimi, tehtävä, puhelin, sähköposti]", "sv": "[namn, befattning, telefon, e-post]"},
    "presenter_blank": {"fi": "[nimi, tehtävä]", "sv": "[namn, befattning]"},
    "background": {"fi": "Selostus", "sv": "Bakgrund"},
    "matter": {"fi": "Asia koskee sopimusta ”{title}” ({kind}). Sopimuksen osapuolia ovat {parties}.",
               "sv": "Ärendet gäller avtalet ”{title}” ({kind}). Avtalets parter är {parties}."},
    "in_force": {"fi": "Sopimuksen voimassa oleva teksti: {version}, {since}.",
                 "sv": "Avtalets gällande text: {version}, {since}."},
    "none_in_force": {"fi": "Sopimuksella ei ole vielä voimassa olevaa versiota.",
                      "sv": "Avtalet har ännu ingen version i kraft."},
    "amends": {"fi": "Muutettava teksti: {base}. Muutettu teksti: {head}.",
               "sv": "Text som ändras: {base}. Ändrad text: {head}."},
    "what_changes": {"fi": "Mitä muutetaan", "sv": "Vad som ändras"},
    "why": {"fi": "Perustelut", "sv": "Motivering"},
    "why_blank": {"fi": "[Perustelut kirjoitetaan tähän: miksi sopimusta muutetaan ja kuka muutosta esitti.]",
                  "sv": "[Motiveringen skrivs här: varför avtalet ändras och vem som föreslog ändringen.]"},
    "prepared": {"fi": "Muutos on valmisteltu: {stamp}.", "sv": "Ändringen har beretts: {stamp}."},
    "takes_effect": {"fi": "Voimaantulo", "sv": "Ikraftträdande"},
    "takes_effect_text": {"fi": "Muutos tulee voimaan, kun kaikki sopimuksen allekirjoittavat osapuolet ({n}) ovat "
                                "hyväksyneet sen yhtäpitävin päätöksin. Siihen asti on voimassa {version}.",
                          "sv": "Ändringen träder i kraft när alla parter som undertecknar avtalet ({n}) har godkänt "
                                "den genom likalydande beslut. Till dess gäller {version}."},
    "takes_effect_first": {"fi": "Sopimus tulee voimaan, kun kaikki sen allekirjoittavat osapuolet ({n}) ovat "
                                 "hyväksyneet sen yhtäpitävin päätöksin.",
                           "sv": "Avtalet träder i kraft när alla parter som undertecknar det ({n}) har godkänt det "
                                 "genom likalydande beslut."},
    "attachments": {"fi": "Liitteet", "sv": "Bilagor"},
    "attachment_redline": {"fi": "{title}, {head}: muutokset merkittyinä (verrattuna: {base}) ({file})",
                           "sv": "{title}, {head}: ändringarna markerade (jämfört med: {base}) ({file})"},
    "attachment_annex": {"fi": "Muutosliite: muutokset osa-alueittain ({file})",
                         "sv": "Ändringsbilaga: ändringarna per delområde ({file})"},
    "attachment_agreement": {"fi": "{title}, {head}, allekirjoitettava sopimusasiakirja",
                             "sv": "{title}, {head}, avtalsdokumentet för underskrift"},
    "proposal": {"fi": "Päätösehdotus", "sv": "Beslutsförslag"},
    "proposes": {"fi": "{proposer} esittää, että {decider} hyväksyy sopimuksen ”{title}” muutokset muutosliitteen "
                       "mukaisesti ({head}).",
                 "sv": "{proposer} föreslår att {decider} godkänner ändringarna i avtalet ”{title}” enligt "
                       "ändringsbilagan ({head})."},
    "decides": {"fi": "{decider} hyväksyy sopimuksen ”{title}” muutokset muutosliitteen mukaisesti ({head}).",
                "sv": "{decider} godkänner ändringarna i avtalet ”{title}” enligt ändringsbilagan ({head})."},
    "fingerprint_line": {"fi": "Hyväksyttävän tekstin sormenjälki (SHA-256): {fingerprint}. Sama sormenjälki on "
                               "sopimusasiakirjan kannessa ja sen jokaisen sivun alatunnisteessa; pöytäkirjaan "
                               "kirjataan hyväksytyn tekstin sormenjälki.",
                         "sv": "Fingeravtrycket (SHA-256) för den text som godkänns: {fingerprint}. Samma fingeravtryck "
                               "finns på avtalsdokumentets pärm och i sidfoten på varje sida; i protokollet antecknas "
                               "den godkända textens fingeravtryck."},
}
# words in the amendment package's file names, each file named in its own language (the names: cooperation/outputs/names.py)
PACKAGE_FILE_WORDS = {
    "redline": {"fi": "muutokset", "sv": "andringar"},
    "change_annex": {"fi": "muutosliite", "sv": "andringsbilaga"},
    "draft_decision": {"fi": "paatosesitys", "sv": "beslutsforslag"},
}


# the yearly report's title by the kind of document it follows (schema: document_type's known types); a document of
# its own name: WORDS["report_title"] ("Seurantaraportti 2026: <name>")
REPORT_TITLES = {
    "strategic_cooperation_agreement": {"fi": "Strategisen yhteistyösopimuksen seurantaraportti {year}",
                                        "sv": "Uppföljningsrapport för avtalet om strategiskt samarbete {year}"},
    "cooperation_agreement": {"fi": "Yhteistyösopimuksen seurantaraportti {year}",
                              "sv": "Uppföljningsrapport för samarbetsavtalet {year}"},
    "framework_agreement": {"fi": "Puitesopimuksen seurantaraportti {year}", "sv": "Uppföljningsrapport för ramavtalet {year}"},
    "cooperation_record": {"fi": "Yhteistyöpöytäkirjan seurantaraportti {year}",
                           "sv": "Uppföljningsrapport för samarbetsprotokollet {year}"},
    "strategic_interface_agreement": {"fi": "Strategisen yhdyspintasopimuksen seurantaraportti {year}",
                                      "sv": "Uppföljningsrapport för det strategiska gränsytavtalet {year}"},
}

"""The words of a change said as a sentence (changes/sentences.py) and of a party's decision said as one
(model/statements.py): "tila päivitetty 10.2.2026: käynnissä", "Kuusiniemen kaupunginvaltuusto hyväksyi sopimuksen"."""

PHRASES = {
    "status_updated": {"fi": "tila päivitetty {date}: {status}", "sv": "status uppdaterad {date}: {status}",
                       "en": "status updated {date}: {status}"},
    "status_update_removed": {"fi": "tilan päivitys {date} ({status}) poistettu",
                              "sv": "statusuppdateringen {date} ({status}) borttagen",
                              "en": "status update {date} ({status}) removed"},
    "status_update_corrected": {"fi": "tilan päivitys {date} korjattu: {status}",
                                "sv": "statusuppdateringen {date} rättad: {status}",
                                "en": "status update {date} corrected: {status}"},
    "decision_removed": {"fi": "Päätös poistettu: {decision}", "sv": "Beslut borttaget: {decision}",
                         "en": "Decision removed: {decision}"},
    "decision_corrected": {"fi": "Päätös korjattu: {decision}: {changes}", "sv": "Beslut rättat: {decision}: {changes}",
                           "en": "Decision corrected: {decision}: {changes}"},
    "signatory_added": {"fi": "allekirjoittaja lisätty: {who}", "sv": "undertecknare tillagd: {who}",
                        "en": "signatory added: {who}"},
    "signatory_removed": {"fi": "allekirjoittaja poistettu: {who}", "sv": "undertecknare borttagen: {who}",
                          "en": "signatory removed: {who}"},
    "value_added": {"fi": "{field} lisätty: {new}", "sv": "{field}: {new} (ny uppgift)", "en": "{field} added: {new}"},
    "value_removed": {"fi": "{field} poistettu (oli: {old})", "sv": "{field}: uppgiften borttagen (var: {old})",
                      "en": "{field} removed (was: {old})"},
    "text_changed": {"fi": "{field}: teksti muutettu", "sv": "{field}: texten ändrad", "en": "{field}: text changed"},
    "changed_in": {"fi": "{field}: {language} teksti muutettu", "sv": "{field}: texten på {language} ändrad",
                   "en": "{field}: the {language} text changed"},
    "new_item": {"fi": "Uusi {kind} {label}", "sv": "{kind} {label}", "en": "New {kind} {label}"},
    "removed_item": {"fi": "Poistettu {kind} {label}", "sv": "{kind} {label}", "en": "Removed {kind} {label}"},
}
# Swedish adjectives agree with the noun: "Nytt mål", "Ny åtgärd", "Borttaget forum"
SV_ITEMS = {
    "added": {"goal": "Nytt mål", "action": "Ny åtgärd", "indicator": "Ny indikator", "forum": "Nytt forum",
              "annex": "Nytt bilageavtal", "party": "Ny part", "subarea": "Nytt delområde", "agreement": "Nytt avtal"},
    "removed": {"goal": "Borttaget mål", "action": "Borttagen åtgärd", "indicator": "Borttagen indikator",
                "forum": "Borttaget forum", "annex": "Borttaget bilageavtal", "party": "Borttagen part",
                "subarea": "Borttaget delområde", "agreement": "Borttaget avtal"},
}

DECIDED = {
    "approved": {"fi": "hyväksyi sopimuksen", "sv": "godkände avtalet", "en": "approved the agreement"},
    "rejected": {"fi": "hylkäsi sopimuksen", "sv": "förkastade avtalet", "en": "rejected the agreement"},
    "tabled": {"fi": "jätti sopimuksen pöydälle", "sv": "bordlade avtalet", "en": "tabled the agreement"},
    "returned": {"fi": "palautti sopimuksen uudelleen valmisteltavaksi", "sv": "återremitterade avtalet",
                 "en": "returned the agreement for re-preparation"},
    "noted": {"fi": "merkitsi sopimuksen tiedoksi", "sv": "antecknade avtalet för kännedom",
              "en": "noted the agreement"},
}
COMPETENT_BODY = {"fi": "osapuolen toimivaltainen toimielin", "sv": "partens behöriga organ", "en": "the party's competent body"}

"""The words of the semantic diff's reports (fi, sv, en): the change classes and what each needs, the pull-request
comment's headings, and a summary's tail."""
from __future__ import annotations

from cooperation.domain import AMENDMENT, EDITORIAL, MONITORING

CLASS_NAMES = {
    MONITORING: {"fi": "seurantapäivitys", "sv": "uppföljningsuppdatering", "en": "monitoring update"},
    EDITORIAL: {"fi": "toimituksellinen muutos", "sv": "redaktionell ändring", "en": "editorial change"},
    AMENDMENT: {"fi": "sopimusmuutos", "sv": "avtalsändring", "en": "amendment"},
}
CLASS_HELP = {
    MONITORING: {"fi": "ei vaadi uutta hyväksyntää", "sv": "kräver inget nytt godkännande", "en": "no new approval needed"},
    EDITORIAL: {"fi": "sanamuotoja; sormenjälki muuttuu, sisältö ei",
                "sv": "formuleringar; fingeravtrycket ändras, innehållet inte", "en": "wording only"},
    AMENDMENT: {"fi": "jokaisen osapuolen on hyväksyttävä", "sv": "varje part måste godkänna",
                "en": "every party must approve"},
}
DIFF_WORDS = {
    "added": {"fi": "Lisätty", "sv": "Tillagt", "en": "Added"},
    "removed": {"fi": "Poistettu", "sv": "Borttaget", "en": "Removed"},
    "changed": {"fi": "Muutettu", "sv": "Ändrat", "en": "Changed"},
    "no_changes": {"fi": "Ei muutoksia sopimuksen tietoihin.", "sv": "Inga ändringar i avtalets uppgifter.",
                   "en": "No changes to the agreement's data."},
    "fingerprint_changes": {"fi": "Sisällön sormenjälki muuttuu", "sv": "Innehållets fingeravtryck ändras",
                            "en": "The content fingerprint changes"},
    "fingerprint_same": {"fi": "Sisällön sormenjälki ei muutu", "sv": "Innehållets fingeravtryck ändras inte",
                         "en": "The content fingerprint does not change"},
    "change": {"fi": "Muutoksen luokka", "sv": "Ändringens klass", "en": "Class of change"},
    "measurements": {"fi": "Mittaustulokset", "sv": "Mätvärden", "en": "Measurements"},
    "moved": {"fi": "Siirretty", "sv": "Flyttat", "en": "Moved"},
    "yes": {"fi": "kyllä", "sv": "ja", "en": "yes"},
    "no": {"fi": "ei", "sv": "nej", "en": "no"},
    "location": {"fi": "Sijainti", "sv": "Plats", "en": "Location"},
    "untranslated": {"fi": "{language} teksti ei muuttunut", "sv": "texten på {language} ändrades inte",
                     "en": "the {language} text did not change"},
}
# a summary's tail: "HYTE-1: …; HYTE-2: … ja 3 muuta muutosta"
MORE_CHANGES_SHORT = {"fi": "ja {n} muuta muutosta", "sv": "och {n} andra ändringar", "en": "and {n} other changes"}
MORE_CHANGES_SHORT_ONE = {"fi": "ja 1 muu muutos", "sv": "och 1 annan ändring", "en": "and 1 other change"}
# "{language} teksti ei muuttunut": the language as the reader says it
LANGUAGE_WORDS = {"fi": {"fi": "suomenkielinen", "sv": "finska", "en": "Finnish"},
                  "sv": {"fi": "ruotsinkielinen", "sv": "svenska", "en": "Swedish"}}
MEASUREMENT_WORDS = {"fi": "{added} lisätty, {changed} muutettu, {removed} poistettu",
                     "sv": "{added} tillagda, {changed} ändrade, {removed} borttagna",
                     "en": "{added} added, {changed} changed, {removed} removed"}
SKIPPED_WORDS = {
    "heading": {"fi": "Lukematta jätetyt tiedostot", "sv": "Filer som inte lästes", "en": "Files not read"},
    "link": {"fi": "symbolinen linkki, jota ei seurata", "sv": "symbolisk länk som inte följs",
             "en": "symbolic link, not followed"},
    "submodule": {"fi": "alimoduuli", "sv": "undermodul", "en": "submodule"},
    "name": {"fi": "nimi ei kelpaa tiedostonimeksi", "sv": "namnet duger inte som filnamn",
             "en": "name not usable as a file name"},
}
MORE_CHANGES = {"fi": "…{n} muutosta lisää, katso ajon yhteenveto",
                "sv": "…{n} ändringar till, se körningens sammanfattning",
                "en": "…{n} more changes, see the run summary"}

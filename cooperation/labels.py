"""Words readers see, per language: headings, column names, fixed sentences.

Field titles and value labels come from the schema (``label``/``field`` below read
``x-enum`` and ``x-title``), so the site, the Word document and messages share them.
"""
from __future__ import annotations

import datetime

from .schemas import default_schemas, titles_of

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
    "region": {"fi": "koko alue", "sv": "hela regionen"},
    "all_municipalities": {"fi": "kaikki kunnat", "sv": "alla kommuner"},
    "section_word": {"fi": "§", "sv": "§"},
}

MONTHS = {
    "fi": ["tammikuu", "helmikuu", "maaliskuu", "huhtikuu", "toukokuu", "kesäkuu", "heinäkuu", "elokuu",
           "syyskuu", "lokakuu", "marraskuu", "joulukuu"],
    "sv": ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
           "november", "december"],
}


def word(key: str, lang: str) -> str:
    entry = WORDS[key]
    return entry.get(lang) or entry["fi"]


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
    "document_type": ("agreement", ("document_type",)),
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


def with_unit(value: float | None, unit: str, decimals: int, lang: str) -> str:
    if value is None:
        return "–"
    symbol = enum("unit", unit, lang)
    return f"{number(value, decimals, lang)}\u00a0{symbol}" if symbol else number(value, decimals, lang)


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

"""Words the tool writes into files a region keeps and edits: the workbook's sheets and columns (export-xlsx,
import-xlsx), the starter texts of a new region (init) and the placeholders of a new sub-area (new-subarea). Merged
into labels.WORDS; read through labels.word."""

REGION_FILE_WORDS: dict[str, dict[str, str]] = {
    # the workbook (export-xlsx, import-xlsx): its sheets and columns; field titles come from the schema
    "sheet_main": {"fi": "Työkirja", "sv": "Arbetsbok"},
    "sheet_data": {"fi": "Kaikki tiedot", "sv": "Alla uppgifter"},
    "sheet_values": {"fi": "Mittaustulokset", "sv": "Mätvärden"},
    "sheet_parties": {"fi": "Osapuolet", "sv": "Parter"},
    "col_text_in": {"fi": "Teksti ({language})", "sv": "Text ({language})"},
    "col_comment": {"fi": "Kommentit", "sv": "Kommentarer"},
    "col_comment_party": {"fi": "Kommentoiva osapuoli", "sv": "Kommenterande part"},
    "col_field": {"fi": "Kenttä", "sv": "Fält"},
    "col_value": {"fi": "Arvo", "sv": "Värde"},
    "col_explanation": {"fi": "Selite", "sv": "Förklaring"},
    "col_number": {"fi": "Nro", "sv": "Nr"},
    "col_value_year": {"fi": "Arvo {year}", "sv": "Värde {year}"},
    "col_note_year": {"fi": "Huomautus {year}", "sv": "Anmärkning {year}"},
    "list_error_title": {"fi": "Valitse luettelosta", "sv": "Välj i listan"},
    "list_error": {"fi": "Arvoa ei ole luettelossa. Valitse arvo solun pudotusvalikosta.",
                   "sv": "Värdet finns inte i listan. Välj ett värde i cellens rullgardinsmeny."},
    "dl_for_residents": {"fi": "Asukkaille", "sv": "För invånare"},
    "dl_for_officials": {"fi": "Viranhaltijoille ja valmistelijoille", "sv": "För tjänsteinnehavare och beredare"},
    "dl_for_councils": {"fi": "Päättäjille: raportit, muutospaketti ja allekirjoitetut versiot",
                        "sv": "För beslutsfattare: rapporter, ändringspaket och undertecknade versioner"},
    "version_files": {"fi": "Asiakirjat", "sv": "Dokument"},
    "dl_for_developers": {"fi": "Kehittäjille: avoin data", "sv": "För utvecklare: öppna data"},
    "size": {"fi": "Koko", "sv": "Storlek"},
    "size_pending": {"fi": "valmistuu…", "sv": "blir klar…"},
    "in_lang_fi": {"fi": "suomeksi", "sv": "på finska"},
    "in_lang_sv": {"fi": "ruotsiksi", "sv": "på svenska"},
    "in_lang_en": {"fi": "englanniksi", "sv": "på engelska"},
    # starter texts of a new region's files (init), to be replaced by the region's own
    "starter_purpose": {"fi": "Sopimuksen tarkoitus: kirjoita tähän, miksi sopimus tehdään.", "sv": "Avtalets syfte: skriv här varför avtalet ingås."},
    "starter_starting_points": {"fi": "Sopimuksen lähtökohdat: kirjoita tähän yhteinen tilannekuva.", "sv": "Avtalets utgångspunkter: skriv här den gemensamma lägesbilden."},
    "starter_law": {"fi": "Laki hyvinvointialueesta", "sv": "Lag om välfärdsområden"},
    "starter_goal_setting": {"fi": "Tavoitteista sovitaan johdon yhteistyöfoorumissa.", "sv": "Målen avtalas i ledningens samarbetsforum."},
    "starter_information_sharing": {"fi": "Osapuolet jakavat tiedon valmistelusta ajoissa.", "sv": "Parterna delar information om beredningen i god tid."},
    "starter_dispute_resolution": {"fi": "Erimielisyydet ratkaistaan neuvottelemalla.", "sv": "Meningsskiljaktigheter löses genom förhandling."},
    "starter_amendment": {"fi": "Muutokset hyväksyy jokainen osapuoli.", "sv": "Ändringar godkänns av varje part."},
    "starter_forum_name": {"fi": "Johdon yhteistyöfoorumi", "sv": "Ledningens samarbetsforum"},
    "starter_forum_county_role": {"fi": "hyvinvointialuejohtaja", "sv": "välfärdsområdesdirektör"},
    "starter_forum_municipalities_role": {"fi": "kunnanjohtajat", "sv": "kommundirektörerna"},
    "starter_forum_purpose": {"fi": "Sopimuksen valmistelu ja seuranta.", "sv": "Beredning och uppföljning av avtalet."},
    "starter_signatory_county": {"fi": "aluevaltuuston puheenjohtaja", "sv": "ordförande för välfärdsområdesfullmäktige"},
    "starter_signatory_municipality": {"fi": "kunnanjohtaja", "sv": "kommundirektör"},
    "starter_signatory_other": {"fi": "puheenjohtaja", "sv": "ordförande"},
    "starter_hyte_title": {"fi": "Hyvinvoinnin ja terveyden edistäminen", "sv": "Främjande av hälsa och välfärd"},
    # placeholders of a new sub-area's file (new-subarea)
    "scaffold_title": {"fi": "Osa-alueen nimi", "sv": "Delområdets namn"},
    "scaffold_role": {"fi": "tehtävänimike", "sv": "befattning"},
    "scaffold_description": {"fi": "Kuvaus osa-alueesta.", "sv": "Beskrivning av delområdet."},
    "scaffold_goal": {"fi": "Tavoite yhdellä lauseella.", "sv": "Målet i en mening."},
    "scaffold_action": {"fi": "Mitä tehdään.", "sv": "Vad som görs."},
    "scaffold_indicator": {"fi": "Mittarin nimi", "sv": "Indikatorns namn"},
}


# words in the names of the files the tool writes, in the agreement's first language (a Swedish-first region gets
# "…-arbetsbok.xlsx", "kommentarer.md"): ASCII only, as file names travel through e-mail and zip files
FILE_WORDS = {
    "workbook": {"fi": "tyokirja", "sv": "arbetsbok"},
    "measurements": {"fi": "mittaustulokset", "sv": "matvarden"},
    "progress": {"fi": "edistyminen", "sv": "utveckling"},
    "cycle": {"fi": "vuosikello", "sv": "arshjul"},
    "comments": {"fi": "kommentit", "sv": "kommentarer"},
    "report": {"fi": "seurantaraportti", "sv": "uppfoljningsrapport"},
    "statements": {"fi": "lausuntoyhteenveto", "sv": "remissammanstallning"},
}


# the comments summary's words, in the agreement's first language (its file names: FILE_WORDS above)
COMMENT_WORDS = {
    "heading": {"fi": "Kommentit työkirjoista", "sv": "Kommentarer från arbetsböckerna"},
    "help": {"fi": "Osapuolten kommentit työkirjoista kohdittain (python build.py import-xlsx). Kommentit eivät muuta "
                   "sopimuksen tekstiä.",
             "sv": "Parternas kommentarer från arbetsböckerna per punkt (python build.py import-xlsx). Kommentarerna "
                   "ändrar inte avtalets text."},
    "row": {"fi": "rivi", "sv": "rad"},
    "no_party": {"fi": "osapuoli ei tiedossa", "sv": "parten okänd"},
}

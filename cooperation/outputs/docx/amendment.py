"""The amendment package a council decides on, per language: the agreement with tracked changes against
the earlier version, the change annex (muutosliite / ändringsbilaga) and a draft decision (päätösesitys /
beslutsförslag) that names both fingerprints, so the minutes bind to the exact text."""
from __future__ import annotations

import tempfile
from pathlib import Path

from cooperation.changes.diff import Diff, field_line, item_label, untranslated_note
from cooperation.files import reproducible_zip
from cooperation.i18n import labels as L
from cooperation.i18n.labels import CLASS_HELP, CLASS_NAMES
from cooperation.i18n.labels import DIFF_WORDS as WORDS
from cooperation.model import Agreement
from cooperation.outputs.docx import TEMPLATE, body_blocks, render_languages
from cooperation.outputs.docx import pandoc_doc as P
from cooperation.outputs.docx.redline import redline

WORDS_AMENDMENT = {
    "annex": {"fi": "Muutosliite", "sv": "Ändringsbilaga"},
    "decision": {"fi": "Päätösesitys", "sv": "Beslutsförslag"},
    "compared": {"fi": "Muutettava versio: {base}, sormenjälki {base_fp}. Muutettu versio: {head}, sormenjälki {head_fp}.",
                 "sv": "Version som ändras: {base}, fingeravtryck {base_fp}. Ändrad version: {head}, fingeravtryck {head_fp}."},
    "proposal": {"fi": "{body} hyväksyy sopimuksen ”{title}” muutokset muutosliitteen mukaisesti. Muutetun sopimuksen "
                       "sisällön sormenjälki (SHA-256) on {head_fp}; muutettavan version sormenjälki on {base_fp}.",
                 "sv": "{body} godkänner ändringarna i avtalet ”{title}” enligt ändringsbilagan. Fingeravtrycket "
                       "(SHA-256) för det ändrade avtalets innehåll är {head_fp}; den version som ändras har "
                       "fingeravtrycket {base_fp}."},
    "check": {"fi": "Sormenjälki on painettu sopimusasiakirjan kanteen ja alatunnisteeseen. Pöytäkirjaan kirjataan "
                    "hyväksytyn tekstin sormenjälki.",
              "sv": "Fingeravtrycket finns på avtalsdokumentets pärm och i sidfoten. I protokollet antecknas den "
                    "godkända textens fingeravtryck."},
    "no_changes": {"fi": "Sopimuksen tekstiin ei ole muutoksia.", "sv": "Avtalstexten har inga ändringar."},
}
FILE_NAMES = {  # the package's files, named in their own language
    "fi": ("{id}-muutokset-fi.docx", "{id}-muutosliite-fi.docx", "{id}-paatosesitys-fi.docx"),
    "sv": ("{id}-andringar-sv.docx", "{id}-andringsbilaga-sv.docx", "{id}-beslutsforslag-sv.docx"),
}
BODIES = {  # the competent body by party kind, as a draft names it
    "county": {"fi": "Aluevaltuusto", "sv": "Välfärdsområdesfullmäktige"},
    "municipality": {"fi": "Kunnanvaltuusto / kaupunginvaltuusto", "sv": "Kommunfullmäktige / stadsfullmäktige"},
    "other": {"fi": "Osapuolen toimivaltainen toimielin", "sv": "Partens behöriga organ"},
}


def _w(key: str, lang: str) -> str:
    entry = WORDS_AMENDMENT[key]
    return entry.get(lang) or entry["fi"]


def _docx(blocks: list) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "doc.docx"
        P.write_docx(blocks, TEMPLATE, out, toc=False)
        return reproducible_zip(out.read_bytes())


def change_annex(diff: Diff, head: Agreement, base_name: str, head_name: str, lang: str) -> bytes:
    main = diff.main_language
    blocks: list = [P.header(1, f"{_w('annex', lang)}: {head.title.get(lang)}"),
                    P.para(_w("compared", lang).format(base=base_name, head=head_name, base_fp=diff.fingerprint_old,
                                                       head_fp=diff.fingerprint_new))]
    cls = diff.change_class
    if cls is None:
        blocks.append(P.para(_w("no_changes", lang)))
        return _docx(blocks)
    blocks.append(P.para(P.strong(f"{WORDS['change'][lang]}: {CLASS_NAMES[cls][lang]}"), f" ({CLASS_HELP[cls][lang]})"))
    for change in ("changed", "added", "removed"):
        items = [i for i in diff.items if i.change == change]
        if not items:
            continue
        blocks.append(P.header(2, WORDS[change][lang]))
        lines = []
        for item in items:
            if change != "changed":
                lines.append([P.plain(item_label(item, lang, main), f" ({CLASS_NAMES[item.change_class][lang]})")])
                continue
            for f in item.fields:
                note = f" – {untranslated_note(f, lang)}" if f.untranslated else ""
                lines.append([P.plain(field_line(item, f, lang, main), f" ({CLASS_NAMES[f.kind][lang]}){note}")])
        blocks.append(P.bullets(lines))
    return _docx(blocks)


def decision_draft(diff: Diff, head: Agreement, base_name: str, head_name: str, lang: str) -> bytes:
    kinds = []
    for party in head.parties:
        kind = party.kind if party.kind in BODIES else "other"
        if party.signs and kind not in kinds:
            kinds.append(kind)
    blocks: list = [P.header(1, f"{_w('decision', lang)}: {head.title.get(lang)}"),
                    P.para(_w("compared", lang).format(base=base_name, head=head_name, base_fp=diff.fingerprint_old,
                                                       head_fp=diff.fingerprint_new))]
    for kind in kinds:
        blocks.append(P.header(2, L.enum("party_kind", kind, lang) if kind != "other" else BODIES[kind][lang]))
        blocks.append(P.para(_w("proposal", lang).format(body=BODIES[kind][lang], title=head.title.get(lang),
                                                         head_fp=diff.fingerprint_new, base_fp=diff.fingerprint_old)))
    blocks.append(P.para(P.emph(_w("check", lang))))
    return _docx(blocks)


def package(base: Agreement, head: Agreement, diff: Diff, base_name: str, head_name: str) -> dict[str, bytes]:
    """File name → bytes for every language of the newer version."""
    files: dict[str, bytes] = {}
    date = (f"{head.version_date.isoformat()}T00:00:00Z" if head.version_date else "1970-01-01T00:00:00Z")
    old = {lang: body_blocks(base, lang).finish() for lang in head.languages}
    # both languages' redlines at once: one language's pandoc runs while the other's Python does
    redlines = render_languages(head, list(head.languages),
                                transform=lambda lang, new: redline(old[lang], new, head_name, date))
    for lang in head.languages:
        redlined, annex, decision = (name.format(id=head.id) for name in FILE_NAMES.get(lang, FILE_NAMES["fi"]))
        files[redlined] = redlines[lang]
        files[annex] = change_annex(diff, head, base_name, head_name, lang)
        files[decision] = decision_draft(diff, head, base_name, head_name, lang)
    return files


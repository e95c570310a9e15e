"""The amendment package a council decides on, per language: the agreement with tracked changes against
the earlier version (the whole document: both versions rendered and compared, redline.py), the change annex
(muutosliite / ändringsbilaga) and a draft decision (päätösesitys / beslutsförslag) that names both fingerprints,
so the minutes bind to the exact text."""
from __future__ import annotations

import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from cooperation.background import Background
from cooperation.changes.diff import Diff, field_line, item_label, untranslated_note
from cooperation.files import reproducible_zip
from cooperation.i18n import labels as L
from cooperation.i18n.labels import CLASS_HELP, CLASS_NAMES
from cooperation.i18n.labels import DIFF_WORDS as WORDS
from cooperation.model import Agreement
from cooperation.outputs.docx import TEMPLATE, render_headers_footers, render_languages
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


def _docx(blocks: list, head: Agreement, lang: str, name: str) -> bytes:
    """The document written by pandoc on the template; its header and footer rendered (they name the document)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "doc.docx"
        P.write_docx(blocks, TEMPLATE, out, toc=False)
        return reproducible_zip(render_headers_footers(out.read_bytes(), head, lang, name))


def change_annex(diff: Diff, head: Agreement, base_name: str, head_name: str, lang: str) -> bytes:
    main = diff.main_language
    blocks: list = [P.header(1, f"{_w('annex', lang)}: {head.title.get(lang)}"),
                    P.para(_w("compared", lang).format(base=base_name, head=head_name, base_fp=diff.fingerprint_old,
                                                       head_fp=diff.fingerprint_new))]
    cls = diff.change_class
    if cls is None:
        blocks.append(P.para(_w("no_changes", lang)))
        return _docx(blocks, head, lang, _w("annex", lang))
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
    return _docx(blocks, head, lang, _w("annex", lang))


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
    return _docx(blocks, head, lang, _w("decision", lang))


def redlines(older: Callable[[list[str]], dict[str, bytes]], head: Agreement, head_name: str) -> dict[str, bytes]:
    """The agreement with tracked changes against the older version, per language (file name → bytes).
    ``older(langs)`` gives the older version's documents, rendered the normal way: the redline compares the two
    whole documents (redline.py)."""
    date = (f"{head.version_date.isoformat()}T00:00:00Z" if head.version_date else "1970-01-01T00:00:00Z")
    langs = list(head.languages)
    newer = render_languages(head, langs)
    documents = older(langs)
    # a language's redline in a process of its own (forked when no thread runs), the first one's here
    elsewhere = {lang: Background(redline, documents[lang], newer[lang], head_name, date) for lang in langs[1:]}
    try:
        done = {lang: redline(documents[lang], newer[lang], head_name, date) for lang in langs[:1]}
        done.update({lang: job.result() for lang, job in elsewhere.items()})
    finally:
        for job in elsewhere.values():
            job.close()
    return {_file_name(head, lang, 0): done[lang] for lang in langs}


def decision_documents(diff: Diff, head: Agreement, base_name: str, head_name: str) -> dict[str, bytes]:
    """The change annex and the draft decision per language (file name → bytes), pandoc writing them side by side."""
    with ThreadPoolExecutor(max_workers=4) as pool:
        jobs = {_file_name(head, lang, kind): pool.submit(write, diff, head, base_name, head_name, lang)
                for lang in head.languages for kind, write in ((1, change_annex), (2, decision_draft))}
        return {name: job.result() for name, job in jobs.items()}


def _file_name(head: Agreement, lang: str, kind: int) -> str:
    """The package's file ``kind`` (0 the redline, 1 the change annex, 2 the draft decision) in ``lang``."""
    return FILE_NAMES.get(lang, FILE_NAMES["fi"])[kind].format(id=head.id)

"""The agreement as PDF: the Word documents converted by LibreOffice (headless), the languages side by
side, the model's fingerprint in the PDF's keywords.

LibreOffice carries the .docx core properties title, subject and keywords into the PDF's document
information; the fingerprint goes into the keywords of the copy it converts (the delivered .docx
keeps its properties). LibreOffice 7.4 stamps the PDF with the current time and a random file
identifier and ignores SOURCE_DATE_EPOCH: both are rewritten in place, at the same length so the
cross-reference offsets stay right, to the version date and a digest of the rest of the file. The
same .docx then gives the same PDF bytes on the same machine (fonts and LibreOffice's version
decide the layout).
"""
from __future__ import annotations

import datetime
import hashlib
import io
import os
import re
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from cooperation import cache, libreoffice
from cooperation.background import Threads
from cooperation.files import OutputError
from cooperation.i18n import labels as L
from cooperation.model import Agreement
from cooperation.model import statements as S
from cooperation.model.approvals import without_history
from cooperation.outputs import MissingTool

TIMEOUT = 300  # seconds for one LibreOffice run (a large region's two documents take ~20 s)
INSTALL_HINT = "apt-get install libreoffice-writer-nogui fonts-crosextra-carlito fonts-crosextra-caladea"
# tagged: headings, lists, tables and the language in the PDF's structure, for screen readers (law 306/2019 covers
# the documents a public body's site offers); it costs LibreOffice no measurable time
EXPORT = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}'
STOPPED = "PDF-muunnos keskeytettiin"  # the build stopped (background.STOPPING)
CORE_PROPERTIES = "docProps/core.xml"
CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"


class LibreOfficeMissing(MissingTool):
    """PDF needs LibreOffice, which is not installed: the site leaves the PDF out, `build.py pdf` says so."""


class LibreOfficeHung(MissingTool):
    """LibreOffice did not finish within TIMEOUT (it was stopped): as when it is missing, the site leaves the PDF
    out and says so."""


def missing_message() -> str:
    if libreoffice.turned_off():
        return f"LibreOffice on otettu pois käytöstä ({libreoffice.SWITCH}=off), joten PDF-versiota ei voi tehdä"
    return f"LibreOffice puuttuu, joten PDF-versiota ei voi tehdä (asenna: {INSTALL_HINT})"


def require() -> None:
    """Raises LibreOfficeMissing when there is no LibreOffice to convert with."""
    if libreoffice.program() is None:
        raise LibreOfficeMissing(missing_message())


def render_languages(model: Agreement, langs: list[str], word: Callable[[], dict[str, bytes]]) -> dict[str, bytes]:
    """Language → PDF bytes. ``word()`` gives the Word documents (language → .docx bytes): asked for
    only once LibreOffice is known to be there. (The registry passes it: outputs do not import each other.)"""
    program = libreoffice.program()
    if program is None:
        raise LibreOfficeMissing(missing_message())
    made_from = word()
    documents = {lang: with_keywords(made_from[lang], keywords(model, lang)) for lang in langs}
    # the conversion depends only on the Word bytes, LibreOffice and the fonts, the export options and the date the
    # PDF is stamped with: a text converted once is never converted again (cooperation/cache.py)
    keys = {lang: conversion_key(program, documents[lang], model.version_date) for lang in langs}
    result: dict[str, bytes] = {}
    for lang in langs:
        found = cache.get_bytes("pdf", keys[lang])
        if found is not None and found.startswith(b"%PDF"):
            result[lang] = found
    missing = [lang for lang in langs if lang not in result]
    if not missing:
        return result
    with tempfile.TemporaryDirectory(prefix="cooperation-pdf-") as tmp:
        folder = Path(tmp)
        sources = []
        for lang in missing:
            source = folder / f"{model.id}-{lang}.docx"
            source.write_bytes(documents[lang])
            sources.append(source)
        out = folder / "pdf"
        # one LibreOffice per language, side by side (each is one process on one core)
        with Threads(max_workers=max(1, len(sources))) as pool:
            list(pool.map(lambda index: _convert(program, folder / f"profile-{index}", out, [sources[index]]),
                          range(len(sources))))
        for lang, source in zip(missing, sources):
            made = out / f"{source.stem}.pdf"
            if not made.is_file():
                raise OutputError(f"LibreOffice ei tehnyt PDF-tiedostoa {made.name} tiedostosta {source.name}")
            result[lang] = reproducible(made.read_bytes(), model.version_date)
            cache.put_bytes("pdf", keys[lang], result[lang])  # only a whole conversion is kept
    return {lang: result[lang] for lang in langs}


def conversion_key(program: str, docx: bytes, version_date: datetime.date | None) -> str:
    """What a PDF depends on: the Word document's bytes, the LibreOffice installation and fonts, the export options
    and the version date the PDF is stamped with."""
    return "\0".join((libreoffice.installation(program), EXPORT, str(version_date), hashlib.sha256(docx).hexdigest()))


def keywords(model: Agreement, lang: str) -> str:
    """The fingerprint and the version as the version state says it ("SHA-256 <hex> Versio 1.1, muutosehdotus"):
    LibreOffice lists each word as a keyword, the fingerprint whole."""
    state = model.version_state or without_history(model)
    return (f"SHA-256 {model.fingerprint} {L.word('version', lang)} {S.version_label(state.current, state, lang)}")


def _convert(program: str, profile: Path, out: Path, sources: list[Path]) -> None:
    # a profile of its own: parallel runs (and a user's open LibreOffice) do not share a lock
    command = [program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--nologo",
               "--convert-to", EXPORT, "--outdir", str(out), *map(str, sources)]
    # LibreOffice's own temporary files in the conversion's folder: removed with it, even after LibreOffice is killed
    try:
        code, stderr = libreoffice.run(command, profile.parent, timeout=TIMEOUT)
    except InterruptedError:
        raise OutputError(STOPPED) from None
    except TimeoutError:
        raise LibreOfficeHung(f"LibreOffice ei saanut PDF-muunnosta valmiiksi {TIMEOUT} sekunnissa, joten se "
                              "pysäytettiin") from None
    if code != 0:
        detail = stderr.decode("utf-8", "replace").strip()[-500:]
        raise OutputError(f"LibreOffice-muunnos PDF:ksi epäonnistui (koodi {code}): {detail}")


def with_keywords(docx: bytes, keywords: str) -> bytes:
    """The .docx with its core property "keywords" set (LibreOffice writes it to the PDF's /Keywords)."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == CORE_PROPERTIES:
                root = etree.fromstring(data)
                element = root.find(f"{{{CP}}}keywords")
                if element is None:
                    element = etree.SubElement(root, f"{{{CP}}}keywords")
                element.text = keywords
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            target.writestr(info, data)
    return buffer.getvalue()


_DATE = re.compile(rb"/(?:CreationDate|ModDate)\s*\(D:(\d{14})")
_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]")
_CHECKSUM = re.compile(rb"/DocChecksum\s*/([0-9A-Fa-f]+)")


def reproducible(pdf: bytes, version_date: datetime.date | None) -> bytes:
    """The PDF with its time stamps set to the version date and its identifier derived from its content,
    each rewritten at its own length."""
    if version_date is not None:
        when = datetime.datetime(version_date.year, version_date.month, version_date.day)
    else:  # as the Word document's properties: SOURCE_DATE_EPOCH (checked by the command line), else 1970
        when = datetime.datetime.fromtimestamp(int(os.environ.get("SOURCE_DATE_EPOCH") or 0), datetime.UTC)
    stamp = when.strftime("%Y%m%d%H%M%S").encode()
    data = bytearray(pdf)

    def put(match: re.Match, group: int, value: bytes) -> None:
        start, end = match.span(group)
        data[start:end] = value[: end - start].ljust(end - start, b"0")

    for match in _DATE.finditer(pdf):
        put(match, 1, stamp)
    volatile = [(m, g) for m in [*_ID.finditer(pdf), *_CHECKSUM.finditer(pdf)] for g in range(1, m.re.groups + 1)]
    for match, group in volatile:
        put(match, group, b"0" * 64)
    digest = hashlib.sha256(bytes(data)).hexdigest().upper().encode()
    for match, group in volatile:
        put(match, group, digest)
    return bytes(data)

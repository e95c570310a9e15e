"""Documents as pandoc's AST: plain text stays text by construction, Markdown from data is
parsed by pandoc in one batch and sanitised, and the whole is written to .docx by pandoc.

Why the AST and not a Markdown string: a title written as ``*x*`` or ``<b>`` must print as
those characters, and a description with an unclosed code fence must not swallow the rest.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pypandoc

from cooperation import cache
from cooperation.background import run_program
from cooperation.files import OutputError

API_VERSION = [1, 23, 1, 1]
# raw HTML, raw OpenXML ({=openxml}) and TeX would pass straight into the document
MARKDOWN_FORMAT = "markdown-raw_html-raw_attribute-raw_tex-tex_math_dollars-tex_math_single_backslash"
SAFE_LINK = re.compile(r"^(https?://|mailto:)", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]")
NO_ATTR = ["", [], []]


def clean(text: str) -> str:
    """Control characters out (docx has no place for them, docxtpl reads some as commands)."""
    return _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\t", " "))


def inlines(text: str, trim: bool = True) -> list[dict]:
    """Plain text as inlines: words and spaces, nothing interpreted."""
    out: list[dict] = []
    for i, line in enumerate(clean(text or "").split("\n")):
        if i:
            out.append({"t": "LineBreak"})
        for j, word in enumerate(line.split(" ")):
            if j:
                out.append({"t": "Space"})
            if word:
                out.append({"t": "Str", "c": word})
    while trim and out and out[-1]["t"] in ("Space", "LineBreak"):
        out.pop()
    return out


def para(*parts: Any) -> dict:
    return {"t": "Para", "c": _inline_parts(parts)}


def plain(*parts: Any) -> dict:
    return {"t": "Plain", "c": _inline_parts(parts)}


def _inline_parts(parts) -> list[dict]:
    out: list[dict] = []
    for part in parts:
        if isinstance(part, str):
            out.extend(inlines(part, trim=False))
        elif isinstance(part, dict):
            out.append(part)
        else:
            out.extend(part)
    return out


def strong(*parts: Any) -> dict:
    return {"t": "Strong", "c": _inline_parts(parts)}


def emph(*parts: Any) -> dict:
    return {"t": "Emph", "c": _inline_parts(parts)}


def link(text: str, url: str) -> dict:
    return {"t": "Link", "c": [NO_ATTR, inlines(text), [url, ""]]} if SAFE_LINK.match(url) else {"t": "Str", "c": text}


def header(level: int, text: str, ident: str = "") -> dict:
    return {"t": "Header", "c": [level, [ident, [], []], inlines(text)]}


def bullets(items: Iterable[list[dict]]) -> dict:
    return {"t": "BulletList", "c": [list(item) for item in items]}


def table(head: list[str], rows: list[list[list[dict]]], widths: list[float] | None = None) -> dict:
    """A table; each cell is a list of blocks. Widths are shares of the text width."""
    def cell(blocks: list[dict]) -> list:
        return [NO_ATTR, {"t": "AlignDefault"}, 1, 1, blocks]

    colspecs = [[{"t": "AlignDefault"}, {"t": "ColWidth", "c": w} if widths else {"t": "ColWidthDefault"}]
                for w in (widths or [0] * len(head))]
    head_row = [NO_ATTR, [cell([plain(strong(h))]) for h in head]]
    body_rows = [[NO_ATTR, [cell(c) for c in row]] for row in rows]
    return {"t": "Table", "c": [NO_ATTR, [None, []], colspecs, [NO_ATTR, [head_row]],
                                [[NO_ATTR, 0, [], body_rows]], [NO_ATTR, []]]}


# --- Markdown from data ------------------------------------------------------------------------
def _sanitise(node: Any) -> Any:
    """Links only to http(s)/mailto; images become their alt text; raw content is dropped;
    headings inside data become bold paragraphs (the document's own headings are numbered)."""
    if isinstance(node, list):
        out = []
        for item in node:
            result = _sanitise(item)
            if result is None:
                continue
            if isinstance(result, list) and isinstance(item, dict):
                out.extend(result)
            else:
                out.append(result)
        return out
    if not isinstance(node, dict) or "t" not in node:
        return node
    kind = node["t"]
    if kind in ("RawBlock", "RawInline"):
        return None
    if kind == "Image":
        return _sanitise(node["c"][1])
    if kind == "Link":
        attr, content, (url, title) = node["c"]
        content = _sanitise(content)
        return {"t": "Link", "c": [NO_ATTR, content, [url, ""]]} if SAFE_LINK.match(url) else content
    if kind == "Header":
        return {"t": "Para", "c": [{"t": "Strong", "c": _sanitise(node["c"][2])}]}
    if kind == "Note":  # footnotes would number across unrelated fields
        return None
    if "c" in node:
        return {"t": kind, "c": _sanitise(node["c"])}
    return node


PANDOC_TIMEOUT = 300  # seconds for one pandoc run (a 26,000-word agreement takes ~1.3 s)


def _pandoc(args: list[str], data: bytes, output: Path | None = None, reference: Path | None = None) -> bytes:
    """What pandoc gives for ``data`` with ``args``: its standard output, or with ``output`` the file it writes there
    (then also returned); ``reference``: its reference document (the Word template). The files it reads and writes
    are named here, not in ``args``, so the run's key knows them. The same run again (the same program, arguments,
    reference document, input, date stamp and user data folder) is taken from the cache: a build's Word documents
    are made again by `site` after `docx`, and by every build of a text that did not change."""
    program = pypandoc.get_pandoc_path()
    env = dict(os.environ)
    env.setdefault("SOURCE_DATE_EPOCH", "0")  # pandoc stamps dates otherwise
    key = _run_key(program, args, data, env, output, reference)
    # read as the theme's compiled code is: only this user's own entry, as it goes into a document to be signed
    found = cache.get_code("pandoc", key) if key is not None else None
    if found is not None:
        if output is not None:
            output.write_bytes(found)
        return found
    try:  # stopped with the build (background.run_program), in whichever thread it runs
        done = run_program([program, *args, *(["--reference-doc", str(reference)] if reference is not None else []),
                            *(["-o", str(output)] if output is not None else [])], data, timeout=PANDOC_TIMEOUT, env=env)
    except subprocess.TimeoutExpired:
        raise OutputError(f"pandoc ei saanut Word-asiakirjaa valmiiksi {PANDOC_TIMEOUT} sekunnissa, joten se "
                          "pysäytettiin") from None
    if done.returncode != 0:
        raise RuntimeError(f"pandoc: {done.stderr.decode('utf-8', 'replace')}")
    made = output.read_bytes() if output is not None else done.stdout
    if key is not None:
        cache.put_bytes("pandoc", key, made)
    return made


def _run_key(program: str, args: list[str], data: bytes, env: dict[str, str], output: Path | None,
             reference: Path | None) -> str | None:
    """Everything pandoc's output depends on, as one text: the program (_program), the arguments, the reference
    document's bytes' digest, the output's suffix (pandoc takes a format from it), the date stamp, the user data
    folder pandoc would read (templates, translations) and the input's digest. None (no cache) where a part of it
    cannot be read."""
    try:
        parts = [_program(program), env["SOURCE_DATE_EPOCH"], output.suffix if output is not None else "-", *args,
                 hashlib.sha256(reference.read_bytes()).hexdigest() if reference is not None else "-",
                 *_user_data(env)]
    except (OSError, RuntimeError):  # pypandoc's own errors asking for the version are OSErrors or RuntimeErrors
        return None
    parts.append(hashlib.sha256(data).hexdigest())
    return "\0".join(parts)


def _program(program: str) -> str:
    """pandoc as the key names it: the file run (found on PATH, links followed: cache.file_stamp) and the version it
    says (pypandoc asks once per process): a program replaced in place, or a wrapper script whose pandoc was
    upgraded, is another."""
    return f"{cache.file_stamp(os.path.realpath(shutil.which(program) or program))}\0{pypandoc.get_pandoc_version()}"


def _user_data(env: dict[str, str]) -> list[str]:
    """pandoc's user data folders (``$XDG_DATA_HOME/pandoc``, ``~/.local/share/pandoc``, ``~/.pandoc``): each one's
    files as cache.file_stamp names them, linked folders followed (each once); usually none exists."""
    home = Path(env.get("HOME") or Path.home())
    folders = [Path(env["XDG_DATA_HOME"]) / "pandoc"] if env.get("XDG_DATA_HOME") else []
    folders += [home / ".local" / "share" / "pandoc", home / ".pandoc"]
    found, seen = [], set()
    for folder in folders:
        for place, subfolders, files in os.walk(folder, followlinks=True):
            real = os.path.realpath(place)
            if real in seen:
                subfolders[:] = []
                continue
            seen.add(real)
            subfolders.sort()
            found += [cache.file_stamp(os.path.join(place, name)) for name in sorted(files)]
    return found


# A text pandoc reads as one paragraph of its words: one line of letters, digits, single spaces and punctuation that
# no Markdown extension reads (no quotes, "--", "..", "*", "_", "[", "<", "#", "@", "|", "`", "\\"), starting
# with a letter; not starting with a list marker ("a) ", "i. ") and without one of pandoc's abbreviations ("e.g.",
# "p."), after which it puts a no-break space. tests/test_docx_markdown.py compares it with pandoc.
_PLAIN = re.compile(r"[^\W\d_](?:[^\W_]|[,;:?!()%/€–—.-](?<!--)(?<!\.\.)| (?! ))*(?<! )\Z")
_ABBREVIATIONS = frozenset(
    "aet. aetat. al. Apr. Aug. bk. Bros. c. Capt. cf. ch. chap. chs. Co. col. Corp. cp. d. Dec. Dr. e.g. ed. eds. "
    "esp. f. fasc. Feb. ff. fig. fl. fol. fols. Fr. Gen. Gov. Hon. i.e. ill. Inc. incl. Jan. Jr. Jul. Jun. Ltd. "
    "M.A. M.D. Mar. Mr. Mrs. Ms. n. n.b. nn. No. Nov. Oct. p. Ph.D. pp. Pres. Prof. pt. q.v. Rep. Rev. s.v. "
    "s.vv. saec. sec. Sen. Sep. Sept. Sgt. Sr. St. univ. viz. vol. vs.".split())


def _plain_paragraph(text: str) -> list[dict] | None:
    """The blocks pandoc would parse ``text`` into, where that is sure without asking it (most texts)."""
    if not _PLAIN.match(text):
        return None
    words = text.split(" ")
    if words[0].endswith((".", ")")) or any(_abbreviated(word) for word in words[:-1]):
        return None
    return [{"t": "Para", "c": inlines(text)}]


def _abbreviated(word: str) -> bool:
    """Whether pandoc may read the end of ``word`` as an abbreviation (its letters and dots after the last other
    character, or any part of them after a dot: "(e.g." and "x-d." both)."""
    tail = re.split(r"[^\w.]", word)[-1]
    return any(tail[i:] in _ABBREVIATIONS for i in range(len(tail)) if i == 0 or tail[i - 1] == ".")


def markdown_blocks(texts: list[str]) -> list[list[dict]]:
    """Parse many Markdown texts with one pandoc run; each gives its own list of blocks (a plain paragraph,
    most texts, is made here as pandoc would make it)."""
    texts = [clean(t or "") for t in texts]
    plain = [_plain_paragraph(t) for t in texts]
    asked = [t for t, blocks in zip(texts, plain) if blocks is None]
    parsed = iter(_parse_markdown(asked))
    return [blocks if blocks is not None else next(parsed) for blocks in plain]


def _parse_markdown(texts: list[str]) -> list[list[dict]]:
    if not texts:
        return []
    digest = hashlib.sha256("\x00".join(texts).encode("utf-8")).hexdigest()[:20]
    marker = f"KENTTAERotin{digest}"
    source = f"\n\n{marker}\n\n".join(texts)
    ast = json.loads(_pandoc(["-f", MARKDOWN_FORMAT, "-t", "json"], source.encode("utf-8")))
    parts: list[list[dict]] = [[]]
    for block in ast["blocks"]:
        if block == {"t": "Para", "c": [{"t": "Str", "c": marker}]}:
            parts.append([])
        else:
            parts[-1].append(block)
    if len(parts) != len(texts):
        # a text swallowed a marker (an unclosed code fence, say): parse each on its own
        parts = [json.loads(_pandoc(["-f", MARKDOWN_FORMAT, "-t", "json"], t.encode("utf-8")))["blocks"]
                 for t in texts]
    return [_sanitise(p) for p in parts]


def write_docx(blocks: list[dict], reference: Path, out: Path, meta: dict | None = None, toc: bool = True) -> None:
    document = {"pandoc-api-version": API_VERSION, "meta": meta or {}, "blocks": blocks}
    args = ["-f", "json", "-t", "docx", *(["--toc", "--toc-depth=2"] if toc else [])]
    # no spaces: less for pandoc to read
    _pandoc(args, json.dumps(document, separators=(",", ":")).encode("utf-8"), output=out, reference=reference)


def meta_string(text: str) -> dict:
    return {"t": "MetaInlines", "c": inlines(text)}

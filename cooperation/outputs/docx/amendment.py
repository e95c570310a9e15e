"""The amendment package a council decides on, per language: the agreement with tracked changes against the
earlier version (the whole document: both versions rendered and compared, redline.py), the change annex
(muutosliite / ändringsbilaga) and the draft decision (päätösesitys / beslutsförslag).

The draft decision reads as a council item, one per signing party with its own bodies: title, preparer and
presenter, background (which agreement, the version in force by label and date, what the amendment changes, why,
when it takes effect), attachments and the proposal by body; one fingerprint line at the end binds the minutes to
the exact text. The change annex tells every change in the parties' words (changes/sentences.py): the amendments
first, by sub-area, an added item with all its fields and a removed one with what it said, then the editorial
changes, then one count line each for monitoring updates and recorded decisions. No text is cut, and no git word
(a tag, a revision) is printed: versions are named by label and date.
"""
from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cooperation.background import Background, Threads
from cooperation.changes.diff import Diff, FieldChange, ItemChange, field_line
from cooperation.changes.sentences import change_label, item_fields, item_heading, label, plain_markdown
from cooperation.changes.wording import changed_languages, per_language, word_diff
from cooperation.domain import AMENDMENT, EDITORIAL, MONITORING
from cooperation.files import reproducible_zip
from cooperation.i18n import labels as L
from cooperation.i18n.council_words import WORDS_AMENDMENT
from cooperation.i18n.diff_words import DIFF_WORDS, LANGUAGE_WORDS, MEASUREMENT_WORDS
from cooperation.model import Agreement, Party, Text
from cooperation.model import statements as S
from cooperation.model.approvals import Version, without_history
from cooperation.outputs.docx import TEMPLATE, render_headers_footers, render_languages
from cooperation.outputs.docx import pandoc_doc as P
from cooperation.outputs.docx.redline import redline
from cooperation.outputs.names import CHANGE_ANNEX, DRAFT_DECISION, REDLINE

# a page break before each party's item: fixed Word XML, nothing from the data in it
PAGE_BREAK = {"t": "RawBlock", "c": ["openxml", '<w:p><w:r><w:br w:type="page"/></w:r></w:p>']}
MANAGER_TITLES = ("johtaja", "direktör")  # the presenter of a board is its manager: kunnanjohtaja, stadsdirektör …
CHAIR_TITLES = ("puheenjohtaja", "ordförande")  # … not the chair of its council


class NothingToDecide(Exception):
    """Nothing between the two versions is an amendment: there is no text for the councils to approve."""

    def __init__(self, change_class: str | None, fingerprint: str):
        super().__init__(change_class or "none")
        self.change_class, self.fingerprint = change_class, fingerprint


def require_amendment(diff: Diff) -> None:
    """Raises NothingToDecide unless some change between the versions is an amendment."""
    if diff.change_class != AMENDMENT:
        raise NothingToDecide(diff.change_class, diff.fingerprint_new)


@dataclass(frozen=True)
class Package:
    """What the change annex and the draft decision say: the diff, the amended agreement, the text it amends
    (by label and date) and why (the editors' ``rationale`` in the data, or the pull request's description)."""
    diff: Diff
    head: Agreement
    base: Version
    rationale: Text | None = None  # Markdown per language
    request: str | None = None  # the pull request's description (Markdown), when the data gives no rationale

    @property
    def current(self) -> Version:
        state = self.head.version_state or without_history(self.head)
        return state.current


def _w(key: str, lang: str) -> str:
    entry = WORDS_AMENDMENT[key]
    return entry.get(lang) or entry["fi"]


def _docx(blocks: list, head: Agreement, lang: str, name: str) -> bytes:
    """The document written by pandoc on the template; its header and footer rendered (they name the document)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "doc.docx"
        P.write_docx(blocks, TEMPLATE, out, toc=False,
                     meta={"lang": {"t": "MetaString", "c": lang}})
        return reproducible_zip(render_headers_footers(out.read_bytes(), head, lang, name))


def _title(head: Agreement, lang: str) -> str:
    return head.title.get(lang)


# --- the change annex -------------------------------------------------------------------------------------------
def _word_diff_inlines(f: FieldChange, lang: str, main: str) -> list:
    """A text change in ``lang`` whole, removed words struck through and added ones bold: never cut."""
    old, new = per_language(f.old, main), per_language(f.new, main)
    use = lang if lang in old or lang in new else main
    out: list = []
    before, after = plain_markdown(" ".join(old.get(use, "").split())), plain_markdown(" ".join(new.get(use, "").split()))
    for op, text in word_diff(before, after):
        if op == "=":
            out.extend(P.inlines(text, trim=False))
        elif op == "-":
            out.append({"t": "Strikeout", "c": P.inlines(text, trim=False)})
        else:
            out.append(P.strong(text))
    return out


def _field_item(item: ItemChange, f: FieldChange, lang: str, main: str) -> list:
    """One changed field as a list item's blocks: a sentence, or a text's word diff whole."""
    if not f.text:
        return [P.plain(field_line(item, f, lang, main))]
    changed, _ = changed_languages(f.old, f.new, main)
    if lang not in changed and lang in per_language(f.new, main):  # this language's text did not change
        return [P.plain(field_line(item, f, lang, main))]
    note = []
    if f.untranslated:
        languages = ", ".join(LANGUAGE_WORDS.get(code, {}).get(lang, code) for code in f.untranslated)
        note = [" (", P.emph(DIFF_WORDS["untranslated"].get(lang, "").format(language=languages)), ")"]
    return [P.plain(f"{change_label(item, f, lang, main)}: ", *_word_diff_inlines(f, lang, main), *note)]


def _whole_item(item: ItemChange, lang: str, main: str) -> list:
    """An added item with every field it has, a removed one with what it said."""
    blocks = [P.plain(P.strong(item_heading(item, lang, main)))]
    fields = item_fields(item, lang, main)
    if fields:
        blocks.append(P.bullets([[P.plain(f"{name}: {value}")] for name, value in fields]))
    return blocks


def _groups(pkg: Package, lang: str) -> list[tuple[str, list[ItemChange]]]:
    """The amended items by where they are: the agreement's general parts, then each sub-area in its order."""
    head = pkg.head
    order = {s.id: (s.number, s.title.get(lang)) for s in head.subareas}
    general = [i for i in pkg.diff.items if i.subarea is None]
    groups = [(_w("general_parts", lang), general)] if general else []
    by_subarea: dict[str, list[ItemChange]] = {}
    for item in pkg.diff.items:
        if item.subarea is not None:
            by_subarea.setdefault(item.subarea, []).append(item)
    known = [s.id for s in head.subareas if s.id in by_subarea]
    for sid in known + [s for s in by_subarea if s not in order]:
        number, title = order.get(sid, ("", ""))
        if not title:  # a sub-area the amendment removed: its title as the older text had it
            removed = next((i for i in by_subarea[sid] if i.kind == "subarea"), None)
            title = label(removed, lang, pkg.diff.main_language) if removed else sid
        groups.append((f"{number} {title}".strip(), by_subarea[sid]))
    return groups


def change_annex(pkg: Package, lang: str) -> bytes:
    diff, head, main = pkg.diff, pkg.head, pkg.diff.main_language
    blocks: list = [P.header(1, f"{_w('annex', lang)}: {_title(head, lang)}"),
                    P.para(_w("compared", lang).format(base=S.version_named(pkg.base, lang),
                                                       head=S.version_named(pkg.current, lang)))]
    blocks.append(P.header(2, _w("amendments", lang)))
    blocks.append(P.para(_w("amendments_help", lang)))
    for heading, items in _groups(pkg, lang):
        lines = []
        for item in items:
            if item.change != "changed":
                lines.append(_whole_item(item, lang, main))
                continue
            lines += [_field_item(item, f, lang, main) for f in item.fields if f.kind == AMENDMENT]
        if lines:
            blocks += [P.header(3, heading), P.bullets(lines)]
    editorial = [_field_item(item, f, lang, main) for item in diff.items if item.change == "changed"
                 for f in item.fields if f.kind == EDITORIAL]
    if editorial:
        blocks += [P.header(2, _w("editorial", lang)), P.para(_w("editorial_help", lang)), P.bullets(editorial)]
    blocks.append(P.header(2, _w("monitoring", lang)))
    blocks.append(P.bullets([[P.plain(line)] for line in monitoring_lines(diff, lang)]))
    blocks.append(P.para(P.emph(_w("fingerprints", lang).format(base_fp=diff.fingerprint_old,
                                                               head_fp=diff.fingerprint_new))))
    return _docx(blocks, head, lang, _w("annex", lang))


def monitoring_lines(diff: Diff, lang: str) -> list[str]:
    """The monitoring updates and the recorded decisions, one count line each."""
    fields = [(item, f) for item in diff.items if item.change == "changed" for f in item.fields if f.kind == MONITORING]
    decisions = [f for item, f in fields if item.kind == "party" and f.path.startswith("decisions.")]
    others = len(fields) - len(decisions)
    lines = []
    if others:
        lines.append(_w("monitoring_updates", lang).format(n=others))
    if any(diff.measurements.values()):
        lines.append(_w("measurement_updates", lang).format(counts=MEASUREMENT_WORDS[lang].format(**diff.measurements)))
    if decisions:
        lines.append(_w("decisions_recorded", lang).format(
            added=sum(1 for f in decisions if f.old is None), removed=sum(1 for f in decisions if f.new is None),
            changed=sum(1 for f in decisions if f.old is not None and f.new is not None)))
    return lines or [_w("no_monitoring", lang)]


# --- the draft decision -------------------------------------------------------------------------------------
def amendment_lines(diff: Diff, lang: str) -> list[str]:
    """What the amendment changes, a short plain line each: the amended fields' sentences, new and removed items
    by kind, id and name."""
    main = diff.main_language
    lines = []
    for item in diff.items:
        if item.change != "changed":
            lines.append(item_heading(item, lang, main))
        else:
            lines += [field_line(item, f, lang, main) for f in item.fields if f.kind == AMENDMENT]
    return lines


def _preparers(head: Agreement, party: Party, lang: str) -> str:
    own = [c for c in head.coordinators if c.party == party.id]
    return "; ".join(f"{c.name}, {c.role.get(lang)}" for c in own) or _w("preparer_blank", lang)


def _presenter(party: Party, lang: str) -> str:
    for s in party.signatories:
        titles = [s.title.values[code].lower() for code in ("fi", "sv") if s.title.values.get(code)]
        if any(t.endswith(MANAGER_TITLES) and not any(c in t for c in CHAIR_TITLES) for t in titles):
            return f"{s.name}, {s.title.get(lang)}"
    return _w("presenter_blank", lang)


def _rationale(pkg: Package, lang: str) -> list:
    if pkg.rationale:
        return P.markdown_blocks([pkg.rationale.get(lang)])[0]
    if pkg.request and pkg.request.strip():
        return P.markdown_blocks([pkg.request])[0]
    return [P.para(_w("why_blank", lang))]


def decision_draft(pkg: Package, lang: str) -> bytes:
    head, diff = pkg.head, pkg.diff
    state = head.version_state or without_history(head)
    title = _title(head, lang)
    head_name, base_name = S.version_named(pkg.current, lang), S.version_named(pkg.base, lang)
    signing = [p for p in head.parties if p.signs]
    files = [REDLINE.of(head, lang), CHANGE_ANNEX.of(head, lang)]
    blocks: list = []
    changes = amendment_lines(diff, lang)
    why = _rationale(pkg, lang)
    for index, party in enumerate(signing):
        if index:
            blocks.append(PAGE_BREAK)
        blocks.append(P.header(1, f"{party.name.get(lang)}: {_w('decision', lang).lower()}"))
        blocks.append(P.header(2, _w("item_title", lang).format(title=title)))
        blocks.append(P.para(P.strong(f"{_w('preparer', lang)}: "), _preparers(head, party, lang)))
        blocks.append(P.para(P.strong(f"{_w('presenter', lang)}: "), _presenter(party, lang)))
        blocks.append(P.header(3, _w("background", lang)))
        kind = head.document_type.get(lang)
        blocks.append(P.para(_w("matter", lang).format(title=title, kind=kind,
                                                       parties=L.joined([p.name.get(lang) for p in head.parties], lang))))
        if state.in_force is not None:
            since = S.version_status(state.in_force, state, lang)
            blocks.append(P.para(_w("in_force", lang).format(version=S.version_named(state.in_force, lang),
                                                             since=since[:1].lower() + since[1:])))
        else:
            blocks.append(P.para(_w("none_in_force", lang)))
        blocks.append(P.para(_w("amends", lang).format(base=base_name, head=head_name)))
        blocks.append(P.para(P.strong(_w("what_changes", lang))))
        blocks.append(P.bullets([[P.plain(line)] for line in changes]))
        blocks.append(P.para(P.strong(_w("why", lang))))
        blocks += why
        if head.stamp:
            blocks.append(P.para(_w("prepared", lang).format(stamp=head.stamp.get(lang))))
        blocks.append(P.para(P.strong(_w("takes_effect", lang))))
        effect = ("takes_effect_text" if state.in_force is not None else "takes_effect_first")
        blocks.append(P.para(_w(effect, lang).format(n=len(signing), version=S.version_named(state.in_force, lang)
                                                     if state.in_force is not None else "")))
        blocks.append(P.header(3, _w("attachments", lang)))
        blocks.append({"t": "OrderedList", "c": [[1, {"t": "Decimal"}, {"t": "Period"}], [
            [P.plain(_w("attachment_redline", lang).format(title=title, head=head_name, base=base_name, file=files[0]))],
            [P.plain(_w("attachment_annex", lang).format(file=files[1]))],
            [P.plain(_w("attachment_agreement", lang).format(title=title, head=head_name))]]]})
        blocks.append(P.header(3, _w("proposal", lang)))
        proposer, decider = S.competent_bodies(party, lang)
        if proposer:
            text = _w("proposes", lang).format(proposer=_cap(proposer), decider=decider, title=title, head=head_name)
        else:
            text = _w("decides", lang).format(decider=_cap(decider), title=title, head=head_name)
        blocks.append(P.para(text))
    blocks.append(P.para(P.strong(_w("fingerprint_line", lang).format(fingerprint=diff.fingerprint_new))))
    return _docx(blocks, head, lang, _w("decision", lang))


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


# --- the package ----------------------------------------------------------------------------------------------
def base_version(sources, head: Agreement, fingerprint: str) -> Version:
    """The amended text as the version state knows it (its label, date and tags), else as its files name it."""
    state = head.version_state
    known = next((v for v in state.versions if v.fingerprint == fingerprint), None) if state else None
    if known is not None:
        return known
    data = sources.agreement.data if sources.agreement is not None and isinstance(sources.agreement.data, dict) else {}
    label, date = data.get("version"), data.get("version_date")
    return Version(fingerprint, label if isinstance(label, str) else None, date if isinstance(date, str) else None)


def own_rationale(base, head: Agreement) -> Text | None:
    """The data's rationale when this amendment's editors wrote it: one left as the amended text had it is the
    previous amendment's, so it is not this one's."""
    if head.rationale is None:
        return None
    data = base.agreement.data if base.agreement is not None and isinstance(base.agreement.data, dict) else {}
    earlier = data.get("rationale")
    if earlier is not None and Text(earlier, head.main_language).values == head.rationale.values:
        return None
    return head.rationale


def package_against(root: Path, base_commit: str, head: Agreement, head_sources) -> dict[str, bytes]:
    """The amendment package of the files as they are (``head``) against the text of ``base_commit`` (the version
    in force), as `build.py amendment` makes it, for the site; nothing when that text has errors or nothing between
    them is an amendment."""
    from cooperation.changes.diff import compare
    from cooperation.changes.snapshot import as_it_stood, checked_sources
    with tempfile.TemporaryDirectory() as tmp:
        base_sources = checked_sources(root, base_commit, Path(tmp) / "base")
        if base_sources is None:
            return {}
        diff = compare(base_sources, head_sources)
        if diff.change_class != AMENDMENT:
            return {}
        older = as_it_stood(base_sources, root, base_commit)
        package = Package(diff, head, base_version(base_sources, head, diff.fingerprint_old),
                          own_rationale(base_sources, head))
        documents = redlines(lambda langs: render_languages(older, langs), head)
        return {**documents, **decision_documents(package)}


def redlines(older: Callable[[list[str]], dict[str, bytes]], head: Agreement) -> dict[str, bytes]:
    """The agreement with tracked changes against the older version, per language (file name → bytes).
    ``older(langs)`` gives the older version's documents, rendered the normal way: the redline compares the two
    whole documents (redline.py). The changes' author is the amended version by its label."""
    date = (f"{head.version_date.isoformat()}T00:00:00Z" if head.version_date else "1970-01-01T00:00:00Z")
    langs = list(head.languages)
    newer = render_languages(head, langs)
    documents = older(langs)

    def author(lang: str) -> str:
        return f"{L.word('version', lang)} {head.version}"
    # a language's redline in a process of its own (forked when no thread runs), the first one's here
    elsewhere = {lang: Background(redline, documents[lang], newer[lang], author(lang), date) for lang in langs[1:]}
    try:
        done = {lang: redline(documents[lang], newer[lang], author(lang), date) for lang in langs[:1]}
        done.update({lang: job.result() for lang, job in elsewhere.items()})
    finally:
        for job in elsewhere.values():
            job.close()
    return {REDLINE.of(head, lang): done[lang] for lang in langs}


def decision_documents(pkg: Package) -> dict[str, bytes]:
    """The change annex and the draft decision per language (file name → bytes), pandoc writing them side by side."""
    head = pkg.head
    with Threads(max_workers=4) as pool:
        jobs = {written.of(head, lang): pool.submit(write, pkg, lang) for lang in head.languages
                for written, write in ((CHANGE_ANNEX, change_annex), (DRAFT_DECISION, decision_draft))}
        return {name: job.result() for name, job in jobs.items()}



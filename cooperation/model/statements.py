"""What every output says about the version state, in words, written once: the home page, the approvals and
versions pages, the Word cover and footer, the PDF's keywords, the yearly report, the Atom feed and the
`approvals` command all read these sentences, so no two of them can disagree."""
from __future__ import annotations

from cooperation.i18n import labels as L
from cooperation.model.approvals import DRAFT, EARLIER, IN_FORCE, PENDING, PROPOSAL, Standing, Version, VersionState


def version_short(v: Version) -> str:
    """A version as a reader names it: its label and the fingerprint's start ("0.9, c29f1290561d…")."""
    label = f"{v.label}, " if v.label else ""
    return f"{label}{v.fingerprint[:12]}…"


def is_proposal(v: Version, state: VersionState) -> bool:
    return v.current and state.kind != IN_FORCE


def version_label(v: Version, state: VersionState, lang: str) -> str:
    """"1.1, muutosehdotus", "1.0, luonnos", "1.0"; a text without a label by its tag or fingerprint."""
    name = v.label or v.name.lstrip("v") or v.fingerprint[:12]
    if is_proposal(v, state):
        name += ", " + L.word("proposal_state" if state.kind == PROPOSAL else "draft_state", lang).lower()
    return name


def version_title(v: Version, state: VersionState, lang: str) -> str:
    """"Versio 1.0 (v1.0)", "Versio 1.1, muutosehdotus", "Versio 0.9 (aiempi teksti)"."""
    title = f"{L.word('version', lang)} {version_label(v, state, lang)}"
    if v.name and v.name.lstrip("v") != v.label:
        title += f" ({v.name})"
    if not v.current and not v.tags and v != state.in_force:
        title += f" ({L.word('earlier_text', lang)})"
    return title


def version_status(v: Version, state: VersionState, lang: str) -> str:
    """'Voimassa 9.3.2026 alkaen', or 'n/m osapuolta hyväksynyt' while parties are still deciding on it."""
    if state.all_approved(v):
        since = state.since(v)
        return (L.word("in_force_since", lang).format(date=L.partial_date(since, lang)) if since
                else L.word("in_force_undated", lang))
    return L.word("approved_count", lang).format(n=len(state.approved(v)), total=len(state.signing))


def agreement_status(state: VersionState, lang: str) -> str:
    """The agreement's state in one phrase, for the home page and the cover: "Luonnos", "Muutosehdotus" or
    "Voimassa 16.3.2026 alkaen"."""
    if state.kind == IN_FORCE:
        return version_status(state.in_force or state.current, state, lang)
    return L.word("proposal_state" if state.kind == PROPOSAL else "draft_state", lang)


def state_sentence(state: VersionState, lang: str) -> str:
    """The version state in a sentence or two, for a document's opening: which version is in force (since when),
    and the text awaiting approval with its count."""
    parts = []
    if state.in_force is not None:
        parts.append(f"{L.word('version_in_force', lang)}: {version_title(state.in_force, state, lang)} – "
                     f"{version_status(state.in_force, state, lang)}.")
    else:
        parts.append(L.word("no_version_in_force", lang))
    if state.proposal is not None:
        parts.append(f"{version_title(state.proposal, state, lang)}: {version_status(state.proposal, state, lang)}.")
    return " ".join(parts)


def draft_mark(state: VersionState, lang: str) -> str:
    """The mark on every page of a text not (yet) approved by every signing party: LUONNOS, MUUTOSEHDOTUS."""
    if state.kind == IN_FORCE:
        return ""
    return L.word("proposal_state" if state.kind == PROPOSAL else "draft_state", lang).upper()


def state_word(state: str, lang: str) -> str:
    """A party's state on a version in words: "hyväksytty", "ei käsitelty", "hyväksyi aiemman tekstin"."""
    if state == PENDING:
        return L.word("approval_pending", lang)
    if state == EARLIER:
        return L.word("approval_earlier", lang)
    return L.enum("decision_outcome", state, lang)


def decided_again(cell: Standing, lang: str) -> str:
    """An approval of an earlier text: "hyväksyi aiemman tekstin (0.9, c29f1290561d…, 16.3.2026) – käsiteltävä
    uudelleen"; "" for any other state."""
    if cell.state != EARLIER or cell.earlier is None or cell.decision is None:
        return ""
    when = L.partial_date(cell.decision.date, lang) or L.word("unknown", lang)
    return L.word("decide_again", lang).format(version=version_short(cell.earlier), date=when)


def standing_text(cell: Standing, lang: str) -> str:
    """A party's state with the deciding body, day and §: "hyväksytty, kaupunginvaltuusto 16.3.2026 § 19"."""
    if cell.state == EARLIER:
        return decided_again(cell, lang)
    text = state_word(cell.state, lang)
    d = cell.decision
    if d is None:
        return text
    when = L.partial_date(d.date, lang) or L.word("unknown", lang)
    return text + f", {d.body.get(lang)} {when}" + (f" § {d.section}" if d.section else "")


__all__ = ["DRAFT", "IN_FORCE", "PROPOSAL", "agreement_status", "standing_text", "decided_again", "draft_mark",
           "state_word", "version_label", "version_short", "version_status", "version_title"]

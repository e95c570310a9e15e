"""What every output says about the version state, in words, written once: the home page, the approvals and
versions pages, the Word cover and footer, the PDF's keywords, the yearly report, the Atom feed and the
`approvals` command all read these sentences, so no two of them can disagree."""
from __future__ import annotations

from cooperation.i18n import labels as L
from cooperation.i18n.sentence_words import COMPETENT_BODY as _COMPETENT_BODY
from cooperation.i18n.sentence_words import DECIDED as _DECIDED
from cooperation.model.approvals import DRAFT, EARLIER, IN_FORCE, PENDING, PROPOSAL, Standing, Version, VersionState
from cooperation.model.types import Party


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


# --- a party's decision in a sentence: "Kuusiniemen kaupunginvaltuusto hyväksyi sopimuksen 16.3.2026 (§ 19)" -------
# a Finnish party name ends in a word whose genitive is the stem of its bodies' names ("Kuusiniemen kaupunki" →
# "Kuusiniemen kaupunginvaltuusto"): the words before it are the genitive already, and the body's name follows them
_FI_OWN_WORDS = {"kaupunki": "", "kunta": "", "hyvinvointialue": "", "liitto": "liiton", "kuntayhtymä": "kuntayhtymän",
                 "yhtymä": "yhtymän"}


def party_body(party_name: str, body: str, lang: str) -> str:
    """A party's body by name: "Kuusiniemen kaupunginvaltuusto", "Stadsfullmäktige i Granuddens stad"; a name whose
    form the rule does not know keeps both whole ("Saaristo-opisto, johtokunta")."""
    party_name, body = " ".join(party_name.split()), " ".join(body.split())
    if not body:
        return party_name
    if not party_name:
        return body[:1].upper() + body[1:]
    if lang == "fi":
        words = party_name.split(" ")
        last = words[-1].lower()
        if len(words) > 1 and last in _FI_OWN_WORDS:
            owner = " ".join(words[:-1] + ([_FI_OWN_WORDS[last]] if _FI_OWN_WORDS[last] else []))
            return f"{owner} {body[:1].lower() + body[1:]}"
        return f"{party_name}, {body}"
    if lang == "sv":
        return f"{body[:1].upper() + body[1:]} i {party_name}"
    return f"{party_name}, {body}"


def decision_sentence(party_name: str, body: str, outcome: str, date: str | None, section: int | None,
                      lang: str, version: str | None = None) -> str:
    """"Kuusiniemen kaupunginvaltuusto hyväksyi sopimuksen 16.3.2026 (§ 19)": the decision as minutes would
    record it; the text decided on after the § when the decision names it."""
    words = _DECIDED.get(outcome, {}).get(lang) or _DECIDED.get(outcome, {}).get("fi") or outcome
    when = L.partial_date(date, lang) if date else ""
    details = [f"§\u00a0{section}" if section else "", f"{L.word('decided_text', lang)} {version}" if version else ""]
    shown = ", ".join(d for d in details if d)
    return " ".join(x for x in (party_body(party_name, body, lang), words, when) if x) + (f" ({shown})" if shown else "")


# --- which version, by label and date; who decides for a party ---------------------------------------------------
def version_named(v: Version, lang: str) -> str:
    """A version as a council item names it: "versio 1.0, päivätty 28.11.2026"; never a git revision."""
    name = f"{L.word('version', lang).lower()} {v.label or v.fingerprint[:12]}"
    return name + (", " + L.word("dated", lang).format(date=L.partial_date(v.date, lang)) if v.date else "")


# the bodies of a party by its kind: (the board that proposes, the council that decides), per language; Finnish
# municipalities that are towns (kaupunki, stad) have a kaupunginhallitus and kaupunginvaltuusto
_BODIES_BY_KIND = {
    "county": {"fi": ("aluehallitus", "aluevaltuusto"), "sv": ("välfärdsområdesstyrelsen", "välfärdsområdesfullmäktige"),
               "en": ("regional board", "regional council")},
    "town": {"fi": ("kaupunginhallitus", "kaupunginvaltuusto"), "sv": ("stadsstyrelsen", "stadsfullmäktige"),
             "en": ("city board", "city council")},
    "municipality": {"fi": ("kunnanhallitus", "kunnanvaltuusto"), "sv": ("kommunstyrelsen", "kommunfullmäktige"),
                     "en": ("municipal board", "municipal council")},
    "regional_council": {"fi": ("maakuntahallitus", "maakuntavaltuusto"), "sv": ("landskapsstyrelsen", "landskapsfullmäktige"),
                         "en": ("regional board", "regional assembly")},
    "joint_municipal_authority": {"fi": ("yhtymähallitus", "yhtymävaltuusto"), "sv": ("samkommunsstyrelsen", "samkommunsfullmäktige"),
                                  "en": ("board of the joint authority", "council of the joint authority")},
    "education_consortium": {"fi": ("yhtymähallitus", "yhtymävaltuusto"), "sv": ("samkommunsstyrelsen", "samkommunsfullmäktige"),
                             "en": ("board of the consortium", "council of the consortium")},
}


def competent_bodies(party: Party, lang: str) -> tuple[str | None, str]:
    """(the body that proposes, the body that decides) for a party's approval of the agreement: from its own
    decisions (the highest body that decided decides; under a council — valtuusto, fullmäktige — the board, hallitus,
    styrelse, proposes, by its kind when its decisions name none), else by its kind (aluehallitus → aluevaltuusto, kunnanhallitus → kunnanvaltuusto, kaupunginhallitus → kaupunginvaltuusto,
    maakuntahallitus → maakuntavaltuusto, yhtymähallitus → yhtymävaltuusto); a party of another kind whose
    decisions name no body: its competent body, in those words."""
    from cooperation.model.approvals import BOARD, COUNCIL, NOTED, OTHER_BODY, body_rank
    kind = party.kind
    if kind == "municipality" and any(w in " ".join(party.name.values.values()).lower().split()
                                      for w in ("kaupunki", "stad")):
        kind = "town"
    by_kind = _BODIES_BY_KIND.get(kind, {})
    proposer, decider = by_kind.get(lang) or by_kind.get("fi") or (None, None)
    counted = [d for d in party.decisions if d.outcome != NOTED and d.body]
    if counted:  # the bodies its own decisions name: the highest decides, a board below a council proposes
        top = max(body_rank(d.body) for d in counted)
        decider = [d for d in counted if body_rank(d.body) == top][-1].body.get(lang)
        boards = [d for d in counted if body_rank(d.body) == BOARD]
        if top == COUNCIL:
            proposer = boards[-1].body.get(lang) if boards else proposer
        else:
            proposer = None
    if decider is None:
        return None, _COMPETENT_BODY.get(lang, _COMPETENT_BODY["fi"])
    if proposer is not None and (body_rank_words(proposer) == OTHER_BODY or proposer == decider):
        proposer = None
    return proposer, decider


def body_rank_words(name: str) -> int:
    from cooperation.model.approvals import body_rank
    from cooperation.model.types import Text
    return body_rank(Text(name, "fi"))

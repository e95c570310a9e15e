"""Consultation rounds on a draft (agreement/consultations.yaml): the version that was out for statements, when, who
was asked and how to answer, the statements received and the preparers' responses.

A round is the record of how the text was prepared, never part of it: the fingerprint leaves the file out
(domain.OUTSIDE_THE_TEXT), and the round names the text it was about by that fingerprint or a tag, as a decision does.
Which text that is, git knows: the pipeline binds it (cooperation.changes.consultation) and sets ``Round.text``.

Privacy: a private person's statement carries no name (the schema has no field for one), and validate refuses
e-mail addresses and phone numbers in every published field (cooperation.check.checks.consultations).
"""
from __future__ import annotations

import datetime
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cooperation.model.types import Agreement, Goal, Subarea, Text

if TYPE_CHECKING:
    from cooperation.model.approvals import Version

OUTCOMES = ("accepted", "partly", "rejected")
PENDING = "pending"  # a statement without a response yet
UPCOMING, OPEN, CLOSED = "upcoming", "open", "closed"
ITEM_PLACEHOLDER = "{item}"  # in a form's address: the item's id is filled in


@dataclass
class Response:
    outcome: str  # one of OUTCOMES
    reasoning: Text
    changes: list[str]  # ids of the items changed because of the statement
    pull_request: int | None


@dataclass
class Statement:
    id: str
    date: datetime.date
    item: str | None  # the id of a sub-area, goal, action or indicator; None: the agreement as a whole
    party: str | None  # a party of the agreement
    organisation: Text | None  # another organisation, by name
    private: bool  # a private person: never named
    language: str  # the language it was given in
    text: str
    translation: dict[str, str] = field(default_factory=dict)  # language → the text translated
    response: Response | None = None

    @property
    def outcome(self) -> str:
        return self.response.outcome if self.response is not None else PENDING

    def text_in(self, lang: str) -> tuple[str, bool] | None:
        """The statement in ``lang`` and whether that is a translation; None when it exists in other languages only."""
        if self.language == lang:
            return self.text, False
        if self.translation.get(lang):
            return self.translation[lang], True
        return None


@dataclass
class Round:
    id: str
    title: Text
    opens: datetime.date
    closes: datetime.date
    version: str  # the text consulted on as the data names it: a tag or a fingerprint (12+ hex digits)
    description: Text
    items: list[str]  # the items consulted on; empty: the whole draft
    asked_party_refs: list[str]  # as written (party ids, all_municipalities)
    asked_parties: list[str]  # party ids, expanded
    asked_organisations: list[Text]
    form_url: str | None
    email: str | None
    retention: Text
    statements: list[Statement]
    # the text the round was about, bound from git by the pipeline; None where it is not known (no history read)
    text: Version | None = field(default=None, repr=False, compare=False)

    def state(self, day: datetime.date) -> str:
        if day < self.opens:
            return UPCOMING
        return OPEN if day <= self.closes else CLOSED

    def form_link(self, item: str | None = None) -> str | None:
        """The form's address, the item's id filled in where the address has a place for it."""
        if not self.form_url:
            return None
        return self.form_url.replace(ITEM_PLACEHOLDER, urllib.parse.quote(item or "", safe=""))

    @property
    def prefills(self) -> bool:
        return bool(self.form_url) and ITEM_PLACEHOLDER in (self.form_url or "")

    def answered(self, pull_request: int) -> list[Statement]:
        """The statements whose response names this pull request as the change it made."""
        return [s for s in self.statements if s.response is not None and s.response.pull_request == pull_request]


@dataclass(frozen=True)
class Place:
    """Where an item is in the agreement: its kind, its sub-area and (for goals, actions and indicators) its goal."""
    kind: str  # subarea, goal, action, indicator
    subarea: Subarea
    goal: Goal | None


def places(model: Agreement) -> dict[str, Place]:
    """Every item of the agreement by its id."""
    out: dict[str, Place] = {}
    for s in model.subareas:
        out[s.id] = Place("subarea", s, None)
        for g in s.goals:
            out[g.id] = Place("goal", s, g)
            out.update({a.id: Place("action", s, g) for a in g.actions})
            out.update({i.id: Place("indicator", s, g) for i in g.indicators})
    return out


def consulted_on(round_: Round, goal: Goal, subarea: Subarea) -> bool:
    """Whether a round asks for statements on a goal: the whole draft, or the goal, its sub-area, or one of its actions
    or indicators named."""
    if not round_.items:
        return True
    ids = {goal.id, subarea.id} | {a.id for a in goal.actions} | {i.id for i in goal.indicators}
    return bool(ids & set(round_.items))


def about_goal(statement: Statement, goal: Goal) -> bool:
    """A statement on the goal itself, or on one of its actions or indicators."""
    return statement.item in {goal.id} | {a.id for a in goal.actions} | {i.id for i in goal.indicators}


def grouped(round_: Round, where: dict[str, Place]) -> dict[tuple[str | None, str | None], list[Statement]]:
    """A round's statements by (sub-area id, goal id), in the round's order: (sub-area, None) the sub-area's own,
    (None, None) the agreement as a whole and items no longer in it. Every summary is told by these groups."""
    out: dict[tuple[str | None, str | None], list[Statement]] = {}
    for s in round_.statements:
        place = where.get(s.item or "")
        key = (place.subarea.id, place.goal.id if place.goal else None) if place else (None, None)
        out.setdefault(key, []).append(s)
    return out


def counts(statements: list[Statement]) -> dict[str, int]:
    """How many statements each outcome has (and how many await their response)."""
    return {outcome: sum(1 for s in statements if s.outcome == outcome) for outcome in (*OUTCOMES, PENDING)}


def build_rounds(data: Any, main: str, expand: Callable[[list[str]], list[str]]) -> list[Round]:
    """The rounds of agreement/consultations.yaml's checked data (None: the file is not there)."""
    if not isinstance(data, dict):
        return []

    def text(value: Any) -> Text:
        return Text(value, main)
    rounds = []
    for r in data.get("consultations", []):
        asked = r.get("asked", {})
        channel = r["channel"]
        statements = []
        for s in r.get("statements", []):
            response = s.get("response")
            statements.append(Statement(
                id=s["id"], date=datetime.date.fromisoformat(s["date"]), item=s.get("item"), party=s.get("party"),
                organisation=text(s["organisation"]) if "organisation" in s else None,
                private=s.get("private_person") is True, language=s.get("language") or main,
                text=s["text"].strip(), translation={k: v.strip() for k, v in (s.get("translation") or {}).items()},
                response=Response(response["outcome"], text(response.get("reasoning")), list(response.get("changes", [])),
                                  response.get("pull_request")) if response else None))
        rounds.append(Round(
            id=r["id"], title=text(r["title"]), opens=datetime.date.fromisoformat(r["opens"]),
            closes=datetime.date.fromisoformat(r["closes"]), version=r["version"], description=text(r.get("description")),
            items=list(r.get("items", [])), asked_party_refs=list(asked.get("parties", [])),
            asked_parties=expand(list(asked.get("parties", []))),
            asked_organisations=[text(o) for o in asked.get("organisations", [])],
            form_url=channel.get("form_url"), email=channel.get("email"), retention=text(r["retention"]),
            statements=statements))
    return rounds


def in_summary(model: Agreement, day: datetime.date, round_id: str | None = None) -> Round | None:
    """The round a summary of statements is about: the one named, else the latest that has opened (one that has
    closed before one still open); None when there is none."""
    if round_id is not None:
        return next((r for r in model.consultations if r.id == round_id), None)
    started = [r for r in model.consultations if r.opens <= day]
    closed = [r for r in started if r.closes < day]
    pool = closed or started
    return max(pool, key=lambda r: (r.closes, r.opens)) if pool else None

"""Parties: business IDs (check digit, dash, duplicates), Sotkanet regions, decisions in order, approvals and
signatories of a signed agreement, one county and some municipalities."""
from __future__ import annotations

from typing import TYPE_CHECKING

from cooperation import business_id
from cooperation.check.values import dicts, string
from cooperation.domain import REGION, SIGNED_STATUSES
from cooperation.i18n.messages import param
from cooperation.schemas import partial_date_span

if TYPE_CHECKING:
    from cooperation.check.checker import Checker


def check_parties(c: Checker) -> None:
    doc = c.doc("parties")
    if doc is None or not isinstance(doc.data, dict):
        return
    kinds = []
    business_ids: dict[str, str] = {}
    regions: dict[int, str] = {}
    status = c.agreement().get("status")
    status_labels = c.schemas.enum_labels("agreement", ("status",))
    for i, party in dicts(doc.data.get("parties")):
        path = ("parties", i)
        pid = party.get("id")
        kinds.append(party.get("kind"))
        if pid == REGION:
            c.error("reserved_party_id", doc, "parties", path + ("id",), id=pid)
        value = string(party.get("business_id"))
        unknown = party.get("business_id_unknown") is True
        if "business_id" not in party and not unknown:
            c.error("business_id_missing", doc, "parties", path + ("business_id",))
        elif unknown and "business_id" in party:
            c.error("business_id_both", doc, "parties", path + ("business_id_unknown",))
        elif unknown:
            c.warning("business_id_unknown", doc, "parties", path + ("business_id_unknown",))
        if value and business_id.is_well_formed(value):
            char = business_id.lookalike(value)
            if char:
                c.warning("business_id_dash", doc, "parties", path + ("business_id",),
                          value=value, char=char, normalised=business_id.normalise(value))
            if not business_id.is_valid(value):
                digit = business_id.check_digit(value[:7])
                expected = (param("business_id_should_be", value=f"{value[:7]}-{digit}") if digit is not None
                            else param("business_id_none"))
                c.error("business_id_check", doc, "parties", path + ("business_id",), value=value, expected=expected)
            normal = business_id.normalise(value)
            if normal in business_ids:
                c.error("duplicate_business_id", doc, "parties", path + ("business_id",), value=normal,
                        other=business_ids[normal])
            business_ids.setdefault(normal, str(pid))
        region = party.get("sotkanet_region")
        if isinstance(region, int) and not isinstance(region, bool):
            if region in regions:
                c.error("duplicate_sotkanet_region", doc, "parties", path + ("sotkanet_region",), value=region,
                        other=regions[region])
            regions.setdefault(region, str(pid))
        signs = party.get("signs") is True
        signatories = party.get("signatories")
        decisions = list(dicts(party.get("decisions")))
        previous = None
        for di, decision in decisions:
            # partial dates ("2026-03"): out of order only when it surely ends before the previous one began
            span = partial_date_span(decision.get("date"))
            if span and previous and span[1] < previous[0]:
                c.warning("decisions_order", doc, "parties", path + ("decisions", di, "date"),
                          date=decision.get("date"), previous=previous[0].isoformat())
            previous = span or previous
            # an honest record may not know the § or the day: said, not refused
            if "section" not in decision:
                c.warning("decision_section_unknown", doc, "parties", path + ("decisions", di))
            if "date" not in decision:
                c.warning("decision_date_unknown", doc, "parties", path + ("decisions", di))
        if status in SIGNED_STATUSES and signs:
            if not any(d.get("outcome") == "approved" for _, d in decisions):
                c.error("signed_without_approval", doc, "parties", path + ("decisions",),
                        status=status_labels.get(status, status))
            if not signatories:  # back-filling a signed agreement: the site says the names are not recorded
                c.warning("signed_without_signatories", doc, "parties", path + ("signatories",),
                          status=status_labels.get(status, status))
        elif signs and not signatories:
            c.warning("signs_without_signatories", doc, "parties", path + ("signs",))
    known_kinds = c.schemas.enum_labels("parties", ("parties", 0, "kind"))
    # a kind the schema refuses is reported there: no knock-on "no county" for `kind: wellbeing_county`
    if isinstance(doc.data.get("parties"), list) and doc.data["parties"] and all(isinstance(k, str) and k in known_kinds for k in kinds):
        if kinds.count("county") == 0:
            c.error("no_county", doc, "parties", ("parties",))
        elif kinds.count("county") > 1:
            c.error("many_counties", doc, "parties", ("parties",))
        if "municipality" not in kinds:
            c.error("no_municipalities", doc, "parties", ("parties",))

"""The shared vocabulary of the agreement, used by every stage.

Words a user reads are not here (they are in ``i18n``); these are the codes that data and code share.
"""
from __future__ import annotations

from collections.abc import Iterable

# party references that are not parties
ALL_MUNICIPALITIES = "all_municipalities"  # expanded once, in the model (Agreement.expand)
REGION = "region"  # measurements and indicator areas: the whole region

def expand_parties(refs: Iterable[str], municipalities: Iterable[str]) -> list[str]:
    """Party references with "all municipalities" replaced by every municipality: each party once, in order.
    The one expansion: the checks and the model both read party references through it."""
    out: dict[str, None] = {}
    for ref in refs:
        out.update(dict.fromkeys(municipalities if ref == ALL_MUNICIPALITIES else [ref]))
    return list(out)


# the six sub-areas every agreement has (Kuntaliitto's workbook)
COMMON_WORKBOOK_SUBAREAS = ("wellbeing_promotion", "personnel", "participation", "premises",
                            "support_services", "vitality")
SIGNED_STATUSES = ("signed", "in_force")

# the classes of a change, by weight: a monitoring update needs no new approval, an editorial change is
# wording only, an amendment must be approved by every party (when unsure, a change is an amendment)
MONITORING, EDITORIAL, AMENDMENT = "monitoring", "editorial", "amendment"

# Files that hold no part of the agreement's text: the consultation rounds (who said what about a draft, and the
# preparers' responses) are the record of its preparation. Left out of the fingerprint and of the semantic diff, and
# a round names the text it was about by that fingerprint.
OUTSIDE_THE_TEXT = frozenset({"consultations"})

# Monitoring data, the approval trail and workflow details: not part of what the parties approve, so
# they stay out of the fingerprint, and a change to them is a monitoring update (file kind → field shapes,
# "*" for any list index).
MONITORING_PATHS: dict[str, set[tuple[str, ...]]] = {
    "agreement": {("status",), ("stamp",), ("version",), ("version_date",), ("coordinators",),
                  ("accessibility",),  # the site's accessibility statement, not the agreement's content
                  ("record_start",),  # where the site's negotiation record begins, not the agreement's content
                  ("kuntaliitto_model",),  # how the check reads the sub-areas, not what is agreed
                  ("rationale",)},  # why an amendment is proposed: for the draft decision, not the agreement's text
    "parties": {("parties", "*", "decisions"), ("parties", "*", "signatories"), ("parties", "*", "website"),
                ("parties", "*", "sotkanet_region")},
    "annexes": {("annexes", "*", "status"), ("annexes", "*", "file_size"), ("annexes", "*", "scanned")},
    "subarea": {("goals", "*", "actions", "*", "status"), ("goals", "*", "actions", "*", "status_reason"),
                ("responsible_persons", "*", "github"), ("goals", "*", "actions", "*", "status_history")},
}

# Settings of the website alone, neither agreed nor monitored: a change to them is no part of the negotiation record
# (the history, the diff) — the accessibility statement's block, where the record begins, an annex link's size and
# whether it is a scan.
SITE_ONLY_PATHS: dict[str, set[tuple[str, ...]]] = {
    "agreement": {("accessibility",), ("record_start",)},
    "annexes": {("annexes", "*", "file_size"), ("annexes", "*", "scanned")},
}

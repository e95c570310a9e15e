"""The site's accessibility statement: the law (306/2019, § 15) requires a feedback channel in it."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cooperation.check.checker import Checker


def check_accessibility(c: Checker) -> None:
    doc = c.doc("agreement")
    block = c.agreement().get("accessibility")
    if doc is None or not isinstance(block, dict):
        return
    if not block.get("contact_email") and not block.get("feedback_url"):
        c.warning("accessibility_contact_missing", doc, "agreement", ("accessibility",))

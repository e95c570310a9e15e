"""Every message a user can get is exercised: produced by a corpus case, or named in a test.

A new code in ``messages.M`` fails here until a case (tests/corpus/cases.yaml) or a test produces it;
a code nothing can produce any more is dead and goes from the catalogue."""
from __future__ import annotations

import re
import tempfile
from pathlib import Path

from helpers import MINIMAL, TESTS, apply_case, copy_root, load_cases

from cooperation.check import check
from cooperation.i18n.messages import M
from cooperation.load.sources import load_sources


def corpus_codes() -> set[str]:
    codes: set[str] = set()
    with tempfile.TemporaryDirectory() as tmp:
        for number, case in enumerate(load_cases()):
            root = copy_root(MINIMAL, Path(tmp) / str(number))
            apply_case(root, case)
            codes.update(p.code for p in check(load_sources(root)).problems)
    return codes


def codes_named_in_tests() -> set[str]:
    """Codes written as a string literal ("code" or 'code') in a test file other than this one."""
    named: set[str] = set()
    for path in TESTS.rglob("*.py"):
        if path.name != Path(__file__).name:
            named.update(re.findall(r"""["']([a-z][a-z0-9_]*)["']""", path.read_text(encoding="utf-8")))
    return named


# Known gaps (issue 10): tested by their message text elsewhere, or not at all. Only ever remove from this
# list; the test fails when one of them becomes tested, so the list cannot go stale.
NOT_YET_TESTED = {
    "file_unreadable",  # an OSError other than a link: root, which runs CI, reads every file
    "format_uri",  # the schema pattern refuses every value the uri format would
    "invalid",  # the fallback for a schema keyword without a message of its own
}


def test_every_message_code_is_produced_by_a_case_or_named_in_a_test():
    untested = set(M) - corpus_codes() - codes_named_in_tests()
    assert untested - NOT_YET_TESTED == set(), \
        f"message codes no corpus case produces and no test names: {sorted(untested - NOT_YET_TESTED)}"
    assert NOT_YET_TESTED - untested == set(), f"tested now, remove from NOT_YET_TESTED: {sorted(NOT_YET_TESTED - untested)}"


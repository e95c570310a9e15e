"""The example region in a git repository of its own with the tests' consultation rounds (tests/fixtures/consultation):
the draft 0.9 committed, a change answering statements merged as pull request #7, then the rounds recorded: the
closed round on the draft (14 statements from 6 organisations and 3 private persons, in Finnish and Swedish, with
responses) and an open one on the amended text, which asks about two goals."""
from __future__ import annotations

from pathlib import Path

from amending import edit, git
from helpers import TESTS, copy_example, run_cli

FIXTURE = TESTS / "fixtures" / "consultation"
ROUNDS = "agreement/consultations.yaml"


def fingerprint(root: Path) -> str:
    ran = run_cli("fingerprint", "--root", root)
    assert ran.returncode == 0, ran.stderr
    return ran.stdout.strip()


def weekend_groups(data: dict) -> None:
    """Pull request #7: the change the first round's statements L1–L3 led to."""
    goal = data["goals"][0]
    goal["description"]["fi"] += " Tavoite koskee kaikkia aikuisia; ikääntyneiden liikkumista seurataan tavoitteessa HYTE-3."
    goal["description"]["sv"] += " Målet gäller alla vuxna; de äldres motion följs upp i målet HYTE-3."
    action = goal["actions"][1]
    action["title"] = {"fi": "Maksuttomat ohjatut liikuntaryhmät työikäisille iltaisin ja viikonloppuisin",
                       "sv": "Avgiftsfria ledda motionsgrupper för personer i arbetsför ålder på kvällar och veckoslut"}


def rounds_text(draft: str, current: str) -> str:
    return (FIXTURE / "consultations.yaml").read_text(encoding="utf-8") \
        .replace("{draft}", draft[:12]).replace("{current}", current[:16])


def consulted_region(target: Path) -> dict:
    """The repository (``root``) and the fingerprints of its two texts (``draft``, ``current``)."""
    root = copy_example(target)
    edit(root, "agreement/agreement.yaml", lambda d: d.update(version="0.9", version_date="2026-08-25"))
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Sopimusluonnos 0.9")
    draft = fingerprint(root)
    git(root, "tag", "luonnos-0.9")
    edit(root, "subareas/hyte.yaml", weekend_groups)
    edit(root, "agreement/agreement.yaml", lambda d: d.update(version="0.10", version_date="2026-11-10"))
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Merge pull request #7 from rannikkoseutu/lausunnot",
        "-m", "Lausuntojen perusteella: viikonloppuryhmät")
    current = fingerprint(root)
    (root / ROUNDS).write_text(rounds_text(draft, current), encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Lausuntokierrokset ja lausunnot")
    return {"root": root, "draft": draft, "current": current}

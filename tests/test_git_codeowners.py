"""CODEOWNERS lines come only from handles the schema accepts: no injected lines."""
from __future__ import annotations

import re

import yaml
from helpers import MINIMAL, copy_root

from cooperation.load.sources import load_sources
from cooperation.outputs import codeowners

HANDLE = re.compile(r"@[A-Za-z0-9][A-Za-z0-9-]*")


def edit(path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def owner_lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line and not line.startswith("#")]


def test_a_handle_with_a_line_break_adds_no_line(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "root")
    persons = ["hyte-vastaava\n* @attacker", "toinen\n", "@kolmas", "väärä nimi", "-alkaa-viivalla", "hyvä-tunnus",
               "oikea-tunnus"]

    def change(data):
        template = data["responsible_persons"][0]
        data["responsible_persons"] = [dict(template, github=handle) for handle in persons]
    edit(root / "subareas" / "hyte.yaml", change)
    edit(root / "agreement" / "agreement.yaml", lambda d: d.update(coordinators=[
        {"name": "K", "role": "koordinaattori", "party": "hva", "github": "koordinaattori\r@evil"},
        {"name": "L", "role": "koordinaattori", "party": "hva", "github": "koordinaattori2"}]))
    text = codeowners.render(load_sources(root))
    assert "attacker" not in text and "evil" not in text and "\r" not in text
    for line in owner_lines(text):
        path, *owners = line.split()
        assert owners and all(HANDLE.fullmatch(o) for o in owners), line
    lines = {line.split()[0]: line.split()[1:] for line in owner_lines(text)}
    assert lines["/subareas/hyte.yaml"] == ["@oikea-tunnus", "@koordinaattori2"]
    assert lines["*"] == ["@koordinaattori2"]


def test_a_file_name_with_a_line_break_adds_no_line(tmp_path):
    root = copy_root(MINIMAL, tmp_path / "root")
    edit(root / "subareas" / "hyte.yaml", lambda d: d["responsible_persons"][0].update(github="hyte-vastaava"))
    edit(root / "agreement" / "agreement.yaml", lambda d: d.update(coordinators=[
        {"name": "K", "role": "koordinaattori", "party": "hva", "github": "koordinaattori"}]))
    (root / "subareas" / "hyte.yaml").rename(root / "subareas" / "x\n* @attacker .yaml")
    (root / "subareas" / "tilat.yaml").rename(root / "subareas" / "tilat @toinen.yaml")
    for prefix in ("", "alue\n* @toinen"):
        text = codeowners.render(load_sources(root), prefix=prefix)
        assert "attacker" not in text and "toinen" not in text
        for line in owner_lines(text):
            path, *owners = line.split()
            assert owners and all(HANDLE.fullmatch(o) for o in owners), line

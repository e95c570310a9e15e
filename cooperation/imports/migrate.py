"""`migrate`: the data's files upgraded in place to today's format (cooperation/load/formats.py).

Each YAML file is read with ruamel.yaml's round trip, so comments, key order and quoting stay as they were, and
only a file a step changed is written, all or none (files.write_all_atomic). What changed is said file by file;
data already in today's format changes nothing. Data of a newer format than this tool knows is not touched.
"""
from __future__ import annotations

import io
import sys
from pathlib import Path

from cooperation import __version__
from cooperation.files import write_all_atomic
from cooperation.imports.common import EXIT_DATA, EXIT_OK, EXIT_USAGE, say
from cooperation.imports.yaml_writer import round_trip
from cooperation.load import formats
from cooperation.load.sources import AGREEMENT_FILES
from cooperation.load.yaml_loader import MAX_YAML_BYTES, load_yaml, load_yaml_text

EXIT_TOO_OLD = EXIT_USAGE  # the tool, not the data: install the version named


def _files(root: Path) -> list[str]:
    """The YAML files a step may change, as paths under the data's folder (links are never read)."""
    names = [f"agreement/{name}" for name, _, _ in AGREEMENT_FILES.values()]
    subareas = root / "subareas"
    if subareas.is_dir() and not subareas.is_symlink():
        names += [f"subareas/{p.name}" for p in sorted(subareas.glob("*.yaml"))]
    return [name for name in names if (root / name).is_file() and not (root / name).is_symlink()]


def _read(name: str, text: str):
    problems: list = []
    doc = load_yaml_text(text, Path(name), name, problems)
    return None if problems or doc is None else doc.data


def _step(step: formats.Step, texts: dict[str, str]) -> list[formats.Change] | None:
    """One step made in ``texts`` (changed in place): by the step's line edit where the loader reads its result as
    the step's data, else by ruamel.yaml's round trip; None when neither gives the step's data."""
    data = {name: _read(name, text) for name, text in texts.items()}
    changes = step.apply(data)
    for name, text in texts.items():
        wanted = data[name]
        if wanted == _read(name, text):
            continue
        edited = step.edit(name, text) if step.edit is not None else None
        if edited is None or _read(name, edited) != wanted:
            parser, document = round_trip(text)
            step.apply({name: document})
            buffer = io.StringIO()
            parser.dump(document, buffer)
            edited = buffer.getvalue()
            if _read(name, edited) != wanted:
                return None
        texts[name] = edited
    return changes


def migrate(root: Path) -> int:
    agreement_path = root / formats.AGREEMENT_FILE
    if not agreement_path.is_file() or agreement_path.is_symlink():
        say(f"virhe: kansiossa {root} ei ole tiedostoa {formats.AGREEMENT_FILE} (anna --root)")
        return EXIT_USAGE
    problems: list = []
    # read as the loader reads it first: a file it refuses is not rewritten
    checked = {name: load_yaml(root / name, name, problems, MAX_YAML_BYTES) for name in _files(root)}
    if problems or any(doc is None for doc in checked.values()):
        from cooperation.check import reporters as reporter
        from cooperation.result import Result
        shown = Result()
        shown.extend(problems)
        out, err = reporter.text(shown, "fi")
        sys.stderr.write(out + err)
        say("Tiedostoja ei voitu lukea; mitään ei muutettu.")
        return EXIT_DATA
    found = formats.format_of(checked[formats.AGREEMENT_FILE].data)  # type: ignore[union-attr]
    if found is None:
        say(f"virhe: {formats.AGREEMENT_FILE}: kentän format arvo ei ole kokonaisluku; mitään ei muutettu")
        return EXIT_DATA
    if found > formats.FORMAT:
        advice = formats.install_advice(root, found)["fi"]
        say(f"virhe: tiedot ovat tietomuodossa {found}, mutta tämä työkalu ({formats.PACKAGE} {__version__}) tuntee "
            f"muodot {formats.FIRST}–{formats.FORMAT}: {advice}; mitään ei muutettu")
        return EXIT_TOO_OLD
    if found == formats.FORMAT:
        say(f"Tiedot ovat jo tietomuodossa {formats.FORMAT}; mitään ei muutettu.")
        return EXIT_OK
    texts = {name: (root / name).read_text(encoding="utf-8") for name in checked}
    changes: list[formats.Change] = []
    for step in formats.steps_from(found):
        step_changes = _step(step, texts)
        if step_changes is None:
            say(f"virhe: tietomuodon {step.to} muutosta ei voitu tehdä tiedostoihin; mitään ei muutettu")
            return EXIT_DATA
        changes += step_changes
    written = {root / name: text for name, text in texts.items() if text != (root / name).read_text(encoding="utf-8")}
    write_all_atomic(written)
    for file, what in changes:
        say(f"{file}: {what['fi']}")
    for path in written:
        say(f"Kirjoitettu {path.relative_to(root).as_posix()}")
    say(f"Tiedot päivitetty tietomuodosta {found} muotoon {formats.FORMAT}. Tarkista muutokset (git diff) ja aja: "
        f"{formats.PACKAGE} validate")
    return EXIT_OK

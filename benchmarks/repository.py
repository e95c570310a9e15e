"""A git repository of many merged changes over a region's data, for the history's benchmark and tests.

    python benchmarks/repository.py REGION TARGET COMMITS

The first commit holds the region's files (its YAML written as yaml writes it, so that every later commit is a
change a reader sees); each later one is a squashed pull request ("… (#N)") changing one sub-area: mostly a goal's
title in every language (an amendment), an action's status (a monitoring update), the case of a title's first
letter (an editorial change), now and then a measured value. The commits are dated evenly from ``start`` to
``end``. Made with one `git fast-import`, so 2,000 commits take seconds, not minutes. No side effects on import.
"""
from __future__ import annotations

import datetime
import os
import subprocess
import sys
from pathlib import Path

import yaml

DATA_DIRS = ("agreement", "subareas", "measurements")
_STATUSES = ("planned", "ongoing", "done")
ENV = {"GIT_AUTHOR_NAME": "Testi", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "Testi",
       "GIT_COMMITTER_EMAIL": "t@example.org"}


def _dump(data) -> bytes:
    return yaml.dump(data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True,
                     sort_keys=False, width=100).encode("utf-8")


def _retitle(title, suffix: dict[str, str] | None, case: bool):
    """A title (text or per language) with ``suffix`` in place of an earlier one, or its first letter's case
    turned."""
    def one(text: str, lang: str) -> str:
        base = text.split(" – ")[0]
        if suffix is not None:
            return f"{base} – {suffix.get(lang, suffix['fi'])}"
        return (text[0].lower() if text[0].isupper() else text[0].upper()) + text[1:]
    if isinstance(title, dict):
        return {lang: one(text, lang) for lang, text in title.items()}
    return one(title, "fi")


def _data(blob: bytes) -> bytes:
    return b"data %d\n" % len(blob) + blob + b"\n"


def make(region: Path, target: Path, commits: int, start: datetime.datetime, end: datetime.datetime,
         titles: dict[int, str] | None = None, first_title: str = "Ensimmäinen versio") -> list[str]:
    """A new repository in ``target`` holding ``commits`` commits over the data of ``region`` (the first one its
    files); returns the commits, oldest first. ``titles``: the message of the commit of that number (1 the first)
    instead of the usual one."""
    titles = titles or {}
    target.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "init", "-q", "-b", "main", str(target)], check=True)
    files: dict[str, bytes] = {}
    for folder in DATA_DIRS:
        for path in sorted((region / folder).glob("*")):
            if path.is_file():
                raw = path.read_bytes()
                name = f"{folder}/{path.name}"
                files[name] = _dump(yaml.safe_load(raw)) if path.suffix == ".yaml" else raw
    subareas = sorted(name for name in files if name.startswith("subareas/"))
    data = {name: yaml.safe_load(files[name]) for name in subareas}
    csv_name = next((name for name in sorted(files) if name.startswith("measurements/")), None)
    step = (end - start) / max(commits - 1, 1)
    stream: list[bytes] = []
    for n in range(1, commits + 1):
        when = start + step * (n - 1)
        changed: dict[str, bytes] = {}
        if n == 1:
            changed = dict(files)
            message = titles.get(n, first_title)
        else:
            name = subareas[n % len(subareas)]
            subarea = data[name]
            goals = subarea.get("goals") or []
            goal = goals[(n // len(subareas)) % len(goals)]
            kind = n % 10
            if kind == 9 and csv_name is not None and n % 50 == 9:  # a measured value, now and then
                lines = files[csv_name].decode("utf-8").splitlines(keepends=True)
                cells = lines[1].split(",")
                cells[3] = f"{float(cells[3]) + 0.1:.1f}"
                lines[1] = ",".join(cells)
                files[csv_name] = changed[csv_name] = "".join(lines).encode("utf-8")
                message = f"Mittaustulos päivitetty ({n})"
            elif kind in (6, 7, 9) and (plain := [a for a in goal.get("actions") or [] if not a.get("status_history")]):
                action = plain[n % len(plain)]  # one whose status has no dated entries to agree with
                action["status"] = _STATUSES[(_STATUSES.index(action.get("status", "planned")) + 1) % 3
                                             if action.get("status") in _STATUSES else 0]
                action.pop("status_reason", None)
                message = f"Toimenpiteen {action['id']} tila"
            elif kind == 8:
                goal["title"] = _retitle(goal["title"], None, True)
                message = f"Tavoitteen {goal['id']} kirjoitusasu"
            else:
                goal["title"] = _retitle(goal["title"], {"fi": f"muutos {n}", "sv": f"ändring {n}"}, False)
                message = f"Tavoite {goal['id']} muutettu"
            if name not in changed and message.startswith(("Toimenpiteen", "Tavoit")):
                files[name] = changed[name] = _dump(subarea)
            message = titles.get(n, f"{message} (#{n})")
        stamp = int(when.timestamp())
        zone = when.strftime("%z") or "+0000"
        text = message.encode("utf-8")
        stream.append(b"commit refs/heads/main\nmark :%d\n" % n)
        stream.append(f"committer Testi <t@example.org> {stamp} {zone}\n".encode())
        stream.append(_data(text))
        if n > 1:
            stream.append(b"from :%d\n" % (n - 1))
        for name, blob in changed.items():
            stream.append(b"M 100644 inline " + name.encode("utf-8") + b"\n" + _data(blob))
        stream.append(b"\n")
    stream.append(b"done\n")
    subprocess.run(["git", "-C", str(target), "fast-import", "--quiet", "--done"], input=b"".join(stream),
                   check=True, env=dict(os.environ, **ENV))
    subprocess.run(["git", "-C", str(target), "checkout", "-q", "-f", "main"], check=True)
    out = subprocess.run(["git", "-C", str(target), "rev-list", "--reverse", "main"], check=True,
                         capture_output=True, text=True).stdout.split()
    assert len(out) == commits, (len(out), commits)
    return out


if __name__ == "__main__":
    region_dir, target_dir, count = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    tz = datetime.timezone(datetime.timedelta(hours=2))
    made = make(region_dir, target_dir, count, datetime.datetime(2022, 1, 3, 10, tzinfo=tz),
                datetime.datetime(2025, 12, 29, 10, tzinfo=tz))
    print(f"{len(made)} commits in {target_dir}")

"""Reading the agreement at any git revision, and the history of merged changes."""
from __future__ import annotations

import io
import re
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path

DATA_DIRS = ("agreement", "subareas", "measurements")
_PR = re.compile(r"(?:Merge pull request #(\d+)|\(#(\d+)\)\s*$)")


class GitError(Exception):
    pass


def _git(repo: Path, *args: str, binary: bool = False):
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, timeout=120)
    if done.returncode != 0:
        raise GitError(done.stderr.decode("utf-8", "replace").strip() or f"git {' '.join(args)} failed")
    return done.stdout if binary else done.stdout.decode("utf-8", "replace")


def locate(root: Path) -> tuple[Path, str]:
    """(the repository's top folder, the data root's path inside it, '' for the top)."""
    top = Path(_git(root, "rev-parse", "--show-toplevel").strip())
    prefix = Path(root).resolve().relative_to(top.resolve()).as_posix()
    return top, "" if prefix == "." else prefix


def resolve(repo: Path, rev: str) -> str:
    return _git(repo, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").strip()


def export(repo: Path, prefix: str, rev: str, dest: Path) -> Path:
    """Write the data folders as they were at ``rev`` under ``dest``; returns the data root there."""
    paths = [f"{prefix}/{d}" if prefix else d for d in DATA_DIRS]
    present = [p for p in paths if _git(repo, "ls-tree", "--name-only", rev, "--", p).strip()]
    dest.mkdir(parents=True, exist_ok=True)
    if present:
        data = _git(repo, "archive", "--format=tar", rev, "--", *present, binary=True)
        with tarfile.open(fileobj=io.BytesIO(data)) as archive:
            archive.extractall(dest, filter="data")
    return dest / prefix if prefix else dest


@dataclass
class Change:
    """One merged change on the main line: a merge commit or a squashed commit."""

    commit: str
    parent: str | None
    date: str  # ISO 8601
    subject: str
    body: str

    @property
    def pull_request(self) -> int | None:
        for text in (self.subject, self.body):
            match = _PR.search(text.splitlines()[0] if text else "")
            if match:
                return int(match.group(1) or match.group(2))
        return None

    @property
    def title(self) -> str:
        """The pull request's title: a merge commit's body line, else the subject without (#N)."""
        if self.subject.startswith("Merge pull request #") and self.body.strip():
            return self.body.strip().splitlines()[0]
        return re.sub(r"\s*\(#\d+\)\s*$", "", self.subject)


def history(repo: Path, prefix: str, limit: int = 200) -> list[Change]:
    """Changes to the data along the first-parent line, newest first."""
    paths = [f"{prefix}/{d}" if prefix else d for d in DATA_DIRS]
    out = _git(repo, "log", "--first-parent", f"--max-count={limit}", "--format=%H%x00%P%x00%cI%x00%s%x00%b%x1e",
               "--", *paths)
    changes = []
    for record in out.split("\x1e"):
        record = record.strip("\n")
        if not record:
            continue
        commit, parents, date, subject, body = (record.split("\x00") + [""] * 5)[:5]
        first_parent = parents.split()[0] if parents.split() else None
        changes.append(Change(commit, first_parent, date, subject, body))
    return changes


@dataclass
class Tag:
    name: str
    commit: str
    date: str


def version_tags(repo: Path, pattern: str = "v*") -> list[Tag]:
    """Signed versions: tags matching ``pattern``, oldest first."""
    out = _git(repo, "for-each-ref", "--sort=creatordate", f"refs/tags/{pattern}",
               "--format=%(refname:short)%00%(objectname)%00%(*objectname)%00%(creatordate:iso-strict)")
    tags = []
    for line in out.splitlines():
        name, obj, peeled, date = (line.split("\x00") + [""] * 4)[:4]
        tags.append(Tag(name, peeled or obj, date))
    return tags

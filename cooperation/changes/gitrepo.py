"""Reading the agreement at any git revision, and the history of merged changes."""
from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import IO, cast

DATA_DIRS = ("agreement", "subareas", "measurements")
_PR = re.compile(r"(?:Merge pull request #(\d+)|\(#(\d+)\)\s*$)")


class GitError(Exception):
    pass


def _git(repo: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, timeout=120)
    # no git, it hung, or an argument git cannot be given (a NUL): a plain error, not a crash
    except (OSError, ValueError, subprocess.TimeoutExpired) as exc:
        raise GitError(f"git {args[0]} epäonnistui: {exc}") from exc
    if done.returncode != 0:
        raise GitError(done.stderr.decode("utf-8", "replace").strip() or f"git {' '.join(args)} failed")
    return done.stdout.decode("utf-8", "replace")


def git(repo: Path, *args: str) -> str:
    """git's output for ``args`` in ``repo``; GitError in plain words when git fails."""
    return _git(repo, *args)


def state(root: Path) -> tuple[str, str]:
    """(HEAD, the tags): what anything read from git depends on; an edit not committed changes neither."""
    head = subprocess.run(["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
    tags = subprocess.run(["git", "-C", str(root), "for-each-ref", "refs/tags"], capture_output=True, text=True).stdout
    return head, tags



def locate(root: Path) -> tuple[Path, str]:
    """(the repository's top folder, the data root's path inside it, '' for the top)."""
    try:
        top = Path(_git(root, "rev-parse", "--show-toplevel").strip())
    except (GitError, OSError) as exc:  # git's own text ("fatal: not a git repository") says less
        raise GitError(f"kansio {root} ei ole git-repositoriossa; muutoksia voi verrata vain git-versioiden "
                       f"välillä") from exc
    try:
        prefix = Path(root).resolve().relative_to(top.resolve()).as_posix()
    except ValueError as exc:
        raise GitError(f"kansio {root} ei ole git-repositorion {top} sisällä") from exc
    return top, "" if prefix == "." else prefix


def last_commit_before(repo: Path, moment: str) -> tuple[str, str] | None:
    """(commit, committer date in ISO 8601) of the newest commit on HEAD dated at or before ``moment``."""
    line = _git(repo, "log", "-1", "--format=%H %cI", f"--before={moment}", "HEAD").strip()
    if not line:
        return None
    commit, _, date = line.partition(" ")
    return commit, date


def resolve(repo: Path, rev: str) -> str:
    """The commit a revision names; GitError in plain words when there is none."""
    if not rev.strip():  # git would read "" as nothing; HEAD is named, the working tree left out
        raise GitError("tyhjä revisio ei kelpaa: anna git-viittaus (esim. v1.0 tai main), tai jätä uudempi versio "
                       "pois, jolloin verrataan työkopioon")
    found = None
    if not rev.startswith("-"):  # never an option to git
        try:
            found = _git(repo, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").strip()
        except GitError:  # --quiet: no text from git; say it below
            found = None
    if found:
        return found
    message = f"revisiota ”{rev}” ei löydy tästä repositoriosta (tarkista nimi: git log --oneline, git tag)"
    if is_shallow(repo):
        message += "; " + SHALLOW_CLONE
    raise GitError(message)


SHALLOW_CLONE = ("tämä on vajaa klooni (shallow clone), josta puuttuu vanhempi historia: hae lisää historiaa komennolla "
                 "git fetch --unshallow (GitHub Actionsissa actions/checkout: fetch-depth: 0)")


def is_shallow(repo: Path) -> bool:
    """Whether the repository is a shallow clone: older commits are missing, not absent from the history."""
    return _git(repo, "rev-parse", "--is-shallow-repository").strip() == "true"


@dataclass
class Skipped:
    """A path in a revision that was not read: a symbolic link, a submodule, or a name not safe to write."""

    commit: str
    path: str  # inside the repository
    reason: str  # link / submodule / name


_BLOB_MODES = ("100644", "100755")


def _safe_parts(path: str) -> list[str] | None:
    parts = path.split("/")
    if any(p in ("", ".", "..") or p.lower() == ".git" or "\\" in p or "\0" in p for p in parts):
        return None
    return parts


def export(repo: Path, prefix: str, rev: str, dest: Path, skipped: list[Skipped] | None = None) -> Path:
    """Write the data folders as they were at ``rev`` under ``dest``; returns the data root there.

    Files are the blobs as committed (``git cat-file``), not ``git archive``: no attributes or
    filters from the revision apply (a ``.gitattributes`` there could run a configured filter
    or rewrite the content), and nothing from the revision is run. Only regular files are
    written: links and submodules are left out and appended to ``skipped``.
    """
    commit = resolve(repo, rev)
    paths = [f"{prefix}/{d}" if prefix else d for d in DATA_DIRS]
    listing = _git(repo, "ls-tree", "-r", "-z", "--full-tree", commit, "--", *paths)
    dest.mkdir(parents=True, exist_ok=True)
    blobs: list[tuple[str, list[str], str]] = []
    for record in listing.split("\0"):
        if not record:
            continue
        meta, _, path = record.partition("\t")
        mode, kind, oid = (meta.split() + ["", "", ""])[:3]
        parts = _safe_parts(path)
        if mode == "120000":
            reason = "link"
        elif kind == "commit":
            reason = "submodule"
        elif parts is None or kind != "blob" or mode not in _BLOB_MODES:
            reason = "name"
        else:
            blobs.append((oid, parts, path))
            continue
        if skipped is not None:
            skipped.append(Skipped(commit, path, reason))
    if blobs:
        try:
            _write_blobs(repo, commit, blobs, dest, skipped if skipped is not None else [])
        except (OSError, ValueError, subprocess.TimeoutExpired) as exc:
            raise GitError(f"version {rev} tiedostoja ei voitu lukea: {exc}") from exc
    return dest / prefix if prefix else dest


def _write_blobs(repo: Path, commit: str, blobs: list[tuple[str, list[str], str]], dest: Path,
                 skipped: list[Skipped]) -> None:
    """Stream each blob's bytes into a new file under ``dest`` (one git process for all)."""
    process = subprocess.Popen(["git", "-C", str(repo), "cat-file", "--batch"], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    # both are pipes (PIPE above), so never None
    stdin, stdout = cast(IO[bytes], process.stdin), cast(IO[bytes], process.stdout)
    try:
        for oid, parts, path in blobs:
            stdin.write(oid.encode("ascii") + b"\n")
            stdin.flush()
            header = stdout.readline().split()
            if len(header) != 3 or header[1] != b"blob":
                raise GitError(f"tiedostoa {path} ei voitu lukea versiosta")
            size = int(header[2])
            target = dest.joinpath(*parts)
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                handle = open(target, "xb")  # a fresh folder: never over anything
            except OSError:  # e.g. a name too long for this file system: left out, reported
                handle = None
                skipped.append(Skipped(commit, path, "name"))
            try:
                while size:
                    chunk = stdout.read(min(size, 1 << 20))
                    if not chunk:
                        raise GitError(f"tiedostoa {path} ei voitu lukea versiosta")
                    if handle is not None:
                        handle.write(chunk)
                    size -= len(chunk)
            finally:
                if handle is not None:
                    handle.close()
            stdout.read(1)  # the newline after each object
    finally:
        stdin.close()
        stdout.close()
        process.wait(timeout=120)


class Objects:
    """Git's objects read as data through one `git cat-file --batch` process: the data folders' files of many
    revisions, each tree and file read once however many revisions hold it. As ``export``, nothing of a revision
    is checked out or run (no attribute, filter or hook applies), and only regular files are given: links,
    submodules and names that are not safe are appended to ``skipped``. Close it (or use it in a ``with``)."""

    def __init__(self, repo: Path):
        try:
            self.process = subprocess.Popen(["git", "-C", str(repo), "cat-file", "--batch"], stdin=subprocess.PIPE,
                                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        except OSError as exc:
            raise GitError(f"git cat-file epäonnistui: {exc}") from exc
        self._trees: dict[str, list[tuple[str, str, str]]] = {}  # tree → its entries (mode, name, object)

    def __enter__(self) -> Objects:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()
        try:
            self.process.wait(timeout=120)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def read(self, oid: str, kind: str) -> bytes:
        """One object's bytes; GitError when it is missing (a shallow clone) or not of ``kind``."""
        stdin, stdout = cast(IO[bytes], self.process.stdin), cast(IO[bytes], self.process.stdout)
        try:
            stdin.write(oid.encode("ascii") + b"\n")
            stdin.flush()
            header = stdout.readline().split()
            if len(header) != 3 or header[1].decode("ascii", "replace") != kind:
                raise GitError(f"git-objektia {oid} ei ole tässä repositoriossa ({kind})")
            size = int(header[2])
            data = stdout.read(size)
            stdout.read(1)  # the newline after each object
        except (OSError, ValueError) as exc:
            raise GitError(f"git-objektia {oid} ei voitu lukea: {exc}") from exc
        if len(data) != size:
            raise GitError(f"git-objektia {oid} ei voitu lukea")
        return data

    def tree(self, oid: str) -> list[tuple[str, str, str]]:
        """A tree's entries: (mode, name, object id)."""
        if oid not in self._trees:
            data, entries, at = self.read(oid, "tree"), [], 0
            width = len(oid) // 2  # SHA-1 or SHA-256
            while at < len(data):
                space = data.index(b" ", at)
                end = data.index(b"\0", space)
                try:
                    name = data[space + 1:end].decode("utf-8")
                except UnicodeDecodeError:  # no file name on this system: reported as not read
                    name = "\0" + data[space + 1:end].decode("utf-8", "replace")
                entries.append((data[at:space].decode("ascii"), name, data[end + 1:end + 1 + width].hex()))
                at = end + 1 + width
            self._trees[oid] = entries
        return self._trees[oid]

    def data_files(self, commit: str, prefix: str, skipped: list[Skipped]) -> tuple[tuple, list[tuple[str, str]]]:
        """The regular files directly in the data folders at ``commit``: (what identifies their content — the
        folders' trees —, [(path under the data root, blob)]). What ``export`` would not write is in ``skipped``."""
        head = self.read(commit, "commit").split(b"\n", 1)[0].split()
        if len(head) != 2 or head[0] != b"tree":
            raise GitError(f"versiota {commit} ei voitu lukea")
        tree = head[1].decode("ascii")
        for part in [p for p in prefix.split("/") if p]:
            tree = next((oid for mode, name, oid in self.tree(tree) if name == part and mode == "40000"), "")
            if not tree:
                return (), []
        folders = {name: (mode, oid) for mode, name, oid in self.tree(tree) if name in DATA_DIRS}
        key: list[str] = []
        files: list[tuple[str, str]] = []
        for folder in DATA_DIRS:
            mode, oid = folders.get(folder, ("", ""))
            key.append(f"{mode}:{oid}")
            if mode == "120000" or mode == "160000":
                skipped.append(Skipped(commit, f"{prefix}/{folder}" if prefix else folder,
                                       "link" if mode == "120000" else "submodule"))
            if mode != "40000":
                continue
            for entry_mode, name, blob in self.tree(oid):
                path = f"{folder}/{name}"
                full = (f"{prefix}/{path}" if prefix else path).replace("\0", "")
                if entry_mode == "40000":
                    continue  # no data file is read from a folder inside a data folder
                if entry_mode == "120000":
                    skipped.append(Skipped(commit, full, "link"))
                elif entry_mode == "160000":
                    skipped.append(Skipped(commit, full, "submodule"))
                elif _safe_parts(path) is None or entry_mode not in _BLOB_MODES or len(name.encode()) > 255:
                    # (a name longer than a file system takes, as export finds when it writes it)
                    skipped.append(Skipped(commit, full, "name"))
                else:
                    files.append((path, blob))
        return tuple(key), files


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


def history(repo: Path, prefix: str, limit: int | None = None) -> list[Change]:
    """Changes to the data along the first-parent line, newest first: every one, or the newest ``limit``."""
    paths = [f"{prefix}/{d}" if prefix else d for d in DATA_DIRS]
    count = [f"--max-count={limit}"] if limit is not None else []
    out = _git(repo, "log", "--first-parent", *count, "--format=%H%x00%P%x00%cI%x00%s%x00%b%x1e", "--", *paths)
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


def clean_revision(root: Path) -> str | None:
    """The commit the data folders under ``root`` are exactly as committed in, or None (not in git, no commit
    yet, or changes not committed): what an exported file can name as the version it came from."""
    try:
        top, prefix = locate(root)
        commit = _git(top, "rev-parse", "--verify", "--quiet", "HEAD").strip()
        paths = [f"{prefix}/{d}" if prefix else d for d in DATA_DIRS]
        dirty = _git(top, "status", "--porcelain", "--untracked-files=all", "--", *paths).strip()
    except (GitError, OSError):
        return None
    return commit if commit and not dirty else None
def is_ancestor(repo: Path, ancestor: str, descendant: str) -> bool:
    """Whether commit ``ancestor`` is in the history of ``descendant`` (both resolved commits)."""
    done = subprocess.run(["git", "-C", str(repo), "merge-base", "--is-ancestor", ancestor, descendant],
                          capture_output=True, timeout=120)
    return done.returncode == 0
# the user information of an https or ssh remote (user:token@) ends at its last "@" before the path: a password
# may hold "@" itself
_REMOTE = re.compile(r"^(?:(?:https?|ssh|git)://(?:[^/]*@)?(?P<host>[^/:@]+)(?::\d+)?/|[^@/:]+@(?P<scp>[^:/]+):)"
                     r"(?P<path>[^?#]+?)(?:\.git)?/?$")


def public_url(address: str | None) -> str:
    """An http(s) address as it may be published: without user information (``user:token@``, the form of GitLab
    CI's CI_REPOSITORY_URL), query or fragment; "" for anything else. Every address taken from the environment
    or from git goes through here (or web_url) before any use."""
    from urllib.parse import urlsplit, urlunsplit
    try:
        parts = urlsplit((address or "").strip())
        host = parts.netloc.rpartition("@")[2]
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:  # a port that is not a number, an unclosed [
        return ""
    if parts.scheme.lower() not in ("http", "https") or not host:
        return ""
    return urlunsplit((parts.scheme.lower(), host, parts.path, "", ""))


def web_url(remote: str) -> str | None:
    """The web address of a remote as git writes it (git@github.com:o/r.git, https://user:token@host/o/r.git):
    https://host/o/r, never with a user name or token in it; None for a local path or an unknown form."""
    match = _REMOTE.match(remote.strip())
    if not match:
        return None
    return f"https://{match.group('host') or match.group('scp')}/{match.group('path')}"


def has_remote(root: Path) -> bool:
    """Whether the data's repository has a remote at all (one without a web address gives no edit links either)."""
    try:
        return bool(_git(root, "remote").split())
    except GitError:
        return False


def repository_url(root: Path, environ: dict[str, str] | None = None) -> str | None:
    """Where the data's repository lives on the web, for "edit" links: GitHub Actions' GITHUB_SERVER_URL and
    GITHUB_REPOSITORY, else the git remote (origin first); None when neither exists. Never with user information."""
    import os
    env = os.environ if environ is None else environ
    if env.get("GITHUB_REPOSITORY"):
        server = public_url(env.get("GITHUB_SERVER_URL") or "https://github.com") or "https://github.com"
        return f"{server.rstrip('/')}/{env['GITHUB_REPOSITORY']}"
    try:
        remotes = _git(root, "remote").split()
        if not remotes:
            return None
        name = "origin" if "origin" in remotes else remotes[0]
        return web_url(_git(root, "remote", "get-url", name))
    except GitError:
        return None

"""Shared helpers for tests: copies of the fixture and the example, applying corpus changes, the
command line run in this process."""
from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import NamedTuple

import yaml

from cooperation import cli
from cooperation.check import check
from cooperation.check import reporters as reporter
from cooperation.libreoffice import environment as office_environment  # the tests' LibreOffice runs as the tool's
from cooperation.load.sources import load_sources

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
MINIMAL = TESTS / "fixtures" / "minimal"
DATA_DIRS = ("agreement", "subareas", "measurements")


def record_compiles(monkeypatch) -> list[tuple[str, str | None]]:
    """Each template Jinja compiles from now on, in this process: (its environment's class, the template's name where
    it is a file, else None)."""
    import jinja2
    compiled: list[tuple[str, str | None]] = []
    compile_ = jinja2.Environment.compile

    def counted(self, source, name=None, filename=None, *args, **kwargs):
        compiled.append((type(self).__name__, name if filename else None))
        return compile_(self, source, name, filename, *args, **kwargs)
    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    return compiled


def copy_root(source: Path, target: Path) -> Path:
    """Copy the data folders of an agreement (not the code) into ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    for name in DATA_DIRS:
        if (source / name).is_dir():
            shutil.copytree(source / name, target / name)
    return target


def copy_example(target: Path) -> Path:
    """Copy the example region's data without its decision record. The example's decisions name the text they
    approved by its fingerprint, found in this repository's git history; a copy elsewhere (outside git, or a new
    repository) has no such history, so a decision there would rightly count for nothing and be warned of."""
    copy_root(REPO, target)
    path = target / "agreement" / "parties.yaml"
    text = path.read_text(encoding="utf-8")
    # each party's `decisions:` block up to the next key at the party's level (or the next party)
    path.write_text(re.sub(r"\n    decisions:\n(?:      .*\n|        .*\n)*", "\n", text), encoding="utf-8")
    return target


class Ran(NamedTuple):
    """What a command gave; named as in ``subprocess.CompletedProcess``, so a test reads the same either way."""
    returncode: int
    stdout: str
    stderr: str


def run_cli(*args) -> Ran:
    """``python build.py ARGS`` in this process: (exit code, stdout, stderr).

    As a fresh process would: each call is a command with its own workspace, so nothing an earlier call loaded is
    seen. A test that needs
    another current folder uses ``monkeypatch.chdir``; one that needs a real process (what
    ``/proc/self/environ`` holds, a hang or a crash that must not take pytest down) runs ``build.py``."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main([str(arg) for arg in args], default_root=REPO, prog="build.py")
        except SystemExit as exc:  # argparse: usage errors and --help; mapped as the interpreter does
            code = exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 1
    return Ran(code, out.getvalue(), err.getvalue())


@contextlib.contextmanager
def serve(folder: Path, search: bool = True):
    """A built site served on 127.0.0.1 (the address given). ``search=False``: each language's search index is served
    empty (its settings kept, no pages), for the tests that read the pages' layout and accessibility: the theme's
    search indexes the whole site in the background on every page a test opens, a quarter of the browser's work
    there, for a search those tests never use. The search's own tests read the index as built."""
    import functools
    import http.server
    import json
    import threading

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def send_head(self):
            if search or not self.path.split("?")[0].endswith("/search/search_index.json"):
                return super().send_head()
            built = Path(self.translate_path(self.path))
            if not built.is_file():
                return super().send_head()
            body = json.dumps({**json.loads(built.read_text(encoding="utf-8")), "docs": []}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# Debian's Chromium, driven by Playwright (tests/conftest.py's `browser` fixture): its headless shell where installed
# (the same Blink, the kind of browser Playwright itself runs headless: a page costs it a third less work than the
# full browser run headless), otherwise the full browser
CHROMIUM = shutil.which("chromium-headless-shell") or shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


def require_browser(condition: bool, message: str) -> None:
    """Skip a browser test whose tool is missing; fail instead where CI installed it (REQUIRE_CHROMIUM)."""
    if not condition:
        import pytest
        if os.environ.get("REQUIRE_CHROMIUM"):
            pytest.fail(message)
        pytest.skip(message)


def libreoffice() -> str:
    """LibreOffice's program; the test skips where it is missing, and fails instead where CI installed it
    (REQUIRE_LIBREOFFICE)."""
    import pytest
    found = shutil.which("libreoffice") or shutil.which("soffice")
    if not found:
        if os.environ.get("REQUIRE_LIBREOFFICE"):
            pytest.fail("LibreOffice is required here: apt-get install libreoffice-writer-nogui")
        pytest.skip("LibreOffice not installed (apt-get install libreoffice-writer-nogui poppler-utils)")
    return found


def convert_to_pdf(out: Path, *sources: Path, timeout: int = 240) -> subprocess.CompletedProcess:
    """The documents converted by LibreOffice into ``out`` (with a profile of their own there), as a council's
    office would open them."""
    return subprocess.run([libreoffice(), "--headless", f"-env:UserInstallation=file://{out}/profile",
                           "--convert-to", "pdf", "--outdir", str(out), *map(str, sources)],
                          capture_output=True, timeout=timeout, check=True, env=office_environment())



def resave_with_libreoffice(out: Path, *books: Path, timeout: int = 240) -> list[Path]:
    """The workbooks opened and saved again by LibreOffice Calc, as an official's office suite would (into ``out``,
    with a profile of their own there); the test skips where LibreOffice is missing, fails where CI installed it."""
    import pytest
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        if os.environ.get("REQUIRE_LIBREOFFICE"):
            pytest.fail("LibreOffice Calc is required here: apt-get install libreoffice-calc-nogui")
        pytest.skip("LibreOffice (soffice) is not installed (apt-get install libreoffice-calc-nogui)")
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run([soffice, f"-env:UserInstallation={(out / 'lo-profile').as_uri()}", "--headless", "--convert-to",
                    "xlsx", "--outdir", str(out), *map(str, books)], capture_output=True, timeout=timeout, check=True,
                   env=office_environment())
    saved = [out / book.name for book in books]
    assert all(path.is_file() for path in saved), saved
    return saved


# what a region's repository holds besides its data: tests that need a real repository copy these
CODE = ["build.py", "cooperation", "schema", "templates", "mkdocs.yml", "mkdocs.sv.yml", ".github"]


def copy_code(target: Path) -> None:
    """Copy the program (not the data) into ``target``, as a region's repository holds it."""
    for name in CODE:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__", "CODEOWNERS"))
        else:
            shutil.copy(source, target / name)


def with_sotkanet_regions(root: Path) -> Path:
    """The first two parties get (made-up) Sotkanet region ids, so imports can place rows by region."""
    import yaml as _yaml
    path = root / "agreement" / "parties.yaml"
    data = _yaml.safe_load(path.read_text(encoding="utf-8"))
    data["parties"][0]["sotkanet_region"] = 9901
    data["parties"][1]["sotkanet_region"] = 9902
    path.write_text(_yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return root


def validate_lines(root: Path, lang: str = "fi") -> list[str]:
    out, _ = reporter.text(check(load_sources(root)), lang)
    return out.splitlines()


def load_cases() -> list[dict]:
    return yaml.safe_load((TESTS / "corpus" / "cases.yaml").read_text(encoding="utf-8"))


def apply_change(root: Path, change: dict) -> None:
    path = root / change["file"]
    if change.get("delete"):
        path.unlink()
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    if "write" in change:
        text = change["write"]
        if "pad_to" in change:
            text += "#" * (change["pad_to"] - len(text.encode()))
        path.write_text(text, encoding="utf-8")
    elif "write_hex" in change:
        path.write_bytes(bytes.fromhex(change["write_hex"]))
    elif "prepend_hex" in change:
        path.write_bytes(bytes.fromhex(change["prepend_hex"]) + path.read_bytes())
    elif "replace" in change:
        old, new = change["replace"]
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{change['file']}: {old!r} occurs {text.count(old)} times"
        path.write_text(text.replace(old, new), encoding="utf-8")
    else:
        raise AssertionError(f"unknown change {change}")


def apply_case(root: Path, case: dict) -> None:
    for change in case.get("changes") or [case]:
        apply_change(root, change)


if __name__ == "__main__":  # print what each case gives now, to help write `expect:`
    import sys
    import tempfile

    wanted = sys.argv[1:]
    for case in load_cases():
        if wanted and not any(w in case["name"] for w in wanted):
            continue
        with tempfile.TemporaryDirectory() as tmp:
            root = copy_root(MINIMAL, Path(tmp) / "root")
            apply_case(root, case)
            lines = validate_lines(root)
        mark = "OK  " if lines == case.get("expect") else "DIFF"
        print(f"{mark} {case['name']}")
        if mark == "DIFF":
            for line in lines:
                print(f'    - "{line}"' if '"' not in line else f"    - '{line}'")


def value_paths(value, prefix=()):
    """Every path into a YAML value (dicts by key, lists by index), the value itself first as ()."""
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from value_paths(child, prefix + (key,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from value_paths(child, prefix + (index,))

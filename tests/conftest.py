"""Shared fixtures: the example site built once per test session, served on 127.0.0.1; the example amended (its
amendment package and both versions' Word documents), once per session; no test leaves logging handlers behind
(MkDocs builds run in this process)."""
from __future__ import annotations

import copy
import datetime
import fcntl
import functools
import gc
import json
import logging
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import CHROMIUM, FLAGS, require_browser, run_cli, serve

from cooperation import libreoffice
from cooperation.timeliness import fixed_today

# the day the example's monitoring data is current for: timeliness (actions past their end, values for years
# to come) depends on the date, and the tests must not start failing as the calendar moves on
TEST_TODAY = datetime.date(2026, 11, 28)


_BROWSER_FIXTURES = {"browser", "served_site", "served_pages", "served_consulted"}
_SLOW_FIXTURES = {"amended", "consulted"}  # the example amended, or with its consultation rounds: ~10 s each to make
_OFFICE_CALLS = ("libreoffice(", "convert_to_pdf(", "resave_with_libreoffice(", '"pdf"', "'pdf'")


def pytest_collection_modifyitems(items):
    """Markers by what a test uses: `browser` (Chromium), `office` (LibreOffice), `slow` (the session's amended or
    consulted example), so `make test-fast` can leave them out."""
    for item in items:
        if _BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)
        if _SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
        # the test's own code and that of every fixture it uses (a fixture that converts to PDF makes its tests office)
        functions = [getattr(item, "function", None)]
        info = getattr(item, "_fixtureinfo", None)
        for name in getattr(item, "fixturenames", ()):
            functions += [definition.func for definition in (info.name2fixturedefs.get(name, ()) if info else ())]
        source = "".join(_source(function) for function in functions if function is not None)
        if any(call in source for call in _OFFICE_CALLS) or "libreoffice" in item.name.lower():
            item.add_marker(pytest.mark.office)
    if os.environ.get("PYTEST_XDIST_WORKER"):
        items[:] = longest_modules_first(items)


# what a test costs, roughly, by what it uses: a browser or LibreOffice about a second or more, a test marked slow
# half of that, any other a twentieth (fitted to a run's durations, in which the order these give lost 0.5 s of 280
# to the best order there is)
_WEIGHTS = (("browser", 1.0), ("office", 1.0), ("slow", 0.5))
_OTHER_WEIGHT = 0.05


def longest_modules_first(items: list) -> list:
    """The modules in the order of what their tests cost (_WEIGHTS), the heaviest first, each module's tests in their
    own order. pytest-xdist (`--dist loadscope --no-loadscope-reorder`) gives a worker its next module as it finishes
    one: with the heavy ones first, the run ends on short modules that fill every core, not on one long module left
    alone on one core (xdist's own order, by the number of tests, left up to 15 s of it a run)."""
    def module(item) -> str:
        return item.nodeid.split("::")[0]
    weight: dict[str, float] = {}
    for item in items:
        marks = {mark.name for mark in item.iter_markers()}
        weight[module(item)] = weight.get(module(item), 0.0) + next(
            (w for name, w in _WEIGHTS if name in marks), _OTHER_WEIGHT)
    return sorted(items, key=lambda item: -weight[module(item)])  # sorted() keeps a module's order


# A worker holds what its modules built (models, sites, documents) while it runs them, and Python's cycle collector
# walked all of it again and again: 17–23 % of a worker's time on the site, history and workbook modules. The modules
# and the collected tests are moved out of its way once collected (they live as long as the run), and young objects
# are collected after 10,000 allocations instead of 700. What the tests run is the same; only when cyclic garbage is
# freed changes.
YOUNG_OBJECTS = 10_000


def pytest_collection_finish(session):
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_OBJECTS, *gc.get_threshold()[1:])


SLOW_SECONDS = 3.0  # a test of `make test-fast` taking longer is named at the end: mark it slow
_took: dict[str, float] = {}  # a test's seconds, setup to teardown (reported here by every xdist worker)


def pytest_runtest_logreport(report):
    _took[report.nodeid] = _took.get(report.nodeid, 0.0) + report.duration


def pytest_terminal_summary(terminalreporter, config):
    """Under `make test-fast` (-m "… not slow"), the tests that took over SLOW_SECONDS: the quick loop stays quick
    only while such tests are marked slow."""
    if "not slow" not in (config.getoption("markexpr") or ""):
        return
    slow = sorted(((seconds, node) for node, seconds in _took.items() if seconds > SLOW_SECONDS), reverse=True)
    if slow:
        terminalreporter.write_line(f"tests over {SLOW_SECONDS:.0f} s, to be marked @pytest.mark.slow:")
        for seconds, node in slow:
            terminalreporter.write_line(f"  {seconds:5.1f} s  {node}")


@functools.cache
def _source(function) -> str:
    import inspect
    try:
        return inspect.getsource(function)
    except (OSError, TypeError):
        return ""


@pytest.fixture(autouse=True, scope="session")
def own_cache(tmp_path_factory):
    """The tests' own cache folder (cooperation/cache.py): a run starts cold and leaves the user's cache alone;
    TEST_CACHE names a folder kept between runs instead (`make test-fast`: the example's PDFs converted once). The
    run's workers (pytest-xdist) share one, as concurrent builds share a user's: a PDF converted by one is not
    converted again by the other."""
    saved = os.environ.get("YHTEISTYOSOPIMUS_CACHE")
    os.environ["YHTEISTYOSOPIMUS_CACHE"] = os.environ.get("TEST_CACHE") or str(_run_folder(tmp_path_factory) / "cache")
    yield
    if saved is None:
        os.environ.pop("YHTEISTYOSOPIMUS_CACHE", None)
    else:
        os.environ["YHTEISTYOSOPIMUS_CACHE"] = saved


@pytest.fixture(scope="module")
def libreoffice_off():
    """The module's builds run as on a machine without LibreOffice (YHTEISTYOSOPIMUS_LIBREOFFICE=off: no PDF, no page
    numbers in the contents), for a module whose subject is not Word's layout or the PDF: laying out and converting
    each of its texts was most of the run's time. Its tests marked `office` still have LibreOffice (``office_on``);
    the Word layout and the PDF are tested where they are the subject (test_word_pages.py, test_pdf.py, …)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(libreoffice.SWITCH, "off")
        yield


@pytest.fixture(autouse=True)
def office_on(request):
    """A test marked `office` has LibreOffice, also in a module that builds without it."""
    if request.node.get_closest_marker("office") is None or not libreoffice.turned_off():
        yield
        return
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv(libreoffice.SWITCH)
        yield


@pytest.fixture(autouse=True, scope="session")
def fixed_test_date():
    with fixed_today(TEST_TODAY):
        yield


@pytest.fixture(autouse=True)
def no_leaked_log_handlers():
    """A build in process must take its handlers and filters off MkDocs' loggers again: left behind, they
    would count or swallow the next build's warnings."""
    log = logging.getLogger("mkdocs")  # (pytest swaps the root logger's handlers between phases itself)
    before = (list(log.handlers), list(log.filters), log.level)
    yield
    after = (list(log.handlers), list(log.filters), log.level)
    log.handlers[:], log.filters[:] = before[0], before[1]
    log.setLevel(before[2])
    assert after == before, f"the mkdocs logger was left with {after}, not {before}"


def _run_folder(tmp_path_factory) -> Path:
    """The test run's own folder: under pytest-xdist the one its workers' folders are in, which they share."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def once_per_run(tmp_path_factory, name: str, make: Callable[[], dict], with_libreoffice: bool = True) -> dict:
    """``make()``'s folders (a dict of paths and strings), made once per test run: under pytest-xdist the first worker
    that asks makes them in the run's shared folder, and the others wait for it and use the same folders. What they
    hold is read, never changed, by the tests (as a session fixture's is within one worker). Should making them
    fail, the other workers fail at once with the same words rather than make them again. They are made with
    LibreOffice, also when a module that builds without it asks first; ``with_libreoffice=False``: without it (no
    PDF, contents unnumbered), also when a module with it asks first."""
    with pytest.MonkeyPatch.context() as patch:
        if with_libreoffice:
            patch.delenv(libreoffice.SWITCH, raising=False)
        else:
            patch.setenv(libreoffice.SWITCH, "off")
        return _once_per_run(tmp_path_factory, name, make)


def _once_per_run(tmp_path_factory, name: str, make: Callable[[], dict]) -> dict:
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return make()
    shared = _run_folder(tmp_path_factory)
    made, failed = shared / f"{name}.json", shared / f"{name}.failed"
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes, also should this worker crash
        if failed.exists():
            pytest.fail(f"{name}: another worker could not make it: {failed.read_text(encoding='utf-8')}")
        if not made.exists():
            try:
                value = make()
            except BaseException as exc:
                failed.write_text(f"{type(exc).__name__}: {exc}", encoding="utf-8")
                raise
            assert all(isinstance(item, (str, Path)) for item in value.values()), value
            kept = {key: ["path" if isinstance(item, Path) else "text", str(item)] for key, item in value.items()}
            partial = made.with_suffix(f".{os.getpid()}.tmp")
            partial.write_text(json.dumps(kept), encoding="utf-8")
            os.replace(partial, made)  # whole or not at all: a worker killed while writing leaves no half file
        return {key: Path(item) if kind == "path" else item
                for key, (kind, item) in json.loads(made.read_text(encoding="utf-8")).items()}


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> Path:
    return once_per_run(tmp_path_factory, "example-site", lambda: {"site": _example_site(tmp_path_factory)})["site"]


def _site_of_the_example_repository(*args):
    """`build.py site ARGS` with the example's own repository's address: a checkout without a remote would have no
    edit links."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("REPOSITORY_URL", "https://github.com/rannikkoseutu/yhteistyosopimus")
        return run_cli("site", *args)


def _example_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site-out")
    done = _site_of_the_example_repository("--out", out)
    assert done.returncode == 0, done.stderr
    return out / "site"


@pytest.fixture(scope="session")
def served_site(example_site):
    """The example's site, as built, on 127.0.0.1."""
    with serve(example_site) as address:
        yield address


@pytest.fixture(scope="session")
def served_pages(example_site):
    """The example's site on 127.0.0.1 for the tests of its pages' layout and accessibility: its search index served
    empty (helpers.serve), as they never search."""
    with serve(example_site, search=False) as address:
        yield address


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for every browser test."""
    require_browser(Path(CHROMIUM).exists(), "Chromium is not installed: apt-get install chromium-headless-shell")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield browser
        browser.close()


def _amend_example(root: Path) -> None:
    """A goal reworded in Finnish only, a target number changed, an action removed, a goal with an action and an
    indicator added, an indicator replaced by another (a new id), a purpose paragraph reworded, a forum removed
    (its list of members with it) and an annex agreement with a link removed."""
    from amending import edit

    def hyte(d):
        goal = d["goals"][0]
        goal["title"]["fi"] = goal["title"]["fi"].rstrip(".") + " selvästi."
        goal["indicators"][0]["target"]["value"] += 1
        goal["actions"].pop()
        new = {"id": "HYTE-9", "title": {"fi": "Uusi tavoite & <b>lisätty</b>", "sv": "Nytt mål"},
               "actions": [dict(copy.deepcopy(goal["actions"][0]), id="HYTE-9-T1",
                                title={"fi": "Uusi toimenpide", "sv": "Ny åtgärd"})],
               "indicators": [dict(copy.deepcopy(goal["indicators"][0]), id="HYTE-9-M1")]}
        d["goals"].append(new)
        d["goals"][1]["indicators"][0].update(id="HYTE-2-M2", name={
            "fi": "Terveytensä hyväksi kokevat työikäiset, %", "sv": "Personer i arbetsför ålder som upplever sin "
                                                                      "hälsa som god, %"})
    edit(root, "subareas/hyte.yaml", hyte)
    values = root / "measurements" / "hyte.csv"
    values.write_text(values.read_text(encoding="utf-8").replace("HYTE-2-M1", "HYTE-2-M2"), encoding="utf-8")
    edit(root, "agreement/agreement.yaml", lambda d: d.update(
        version="1.1", version_date="2026-05-04",
        purpose={k: v.replace("palvelevat samoja", "palvelevat yhdessä samoja") for k, v in d["purpose"].items()}))
    edit(root, "agreement/forums.yaml", lambda d: d.update(forums=[f for f in d["forums"] if f["id"] != "kahdenvaliset"]))
    edit(root, "agreement/annexes.yaml", lambda d: d.update(annexes=[a for a in d["annexes"] if not a.get("url")]))


@pytest.fixture(scope="session")
def amended(tmp_path_factory) -> dict:
    """The example region signed as v1.0 and amended (``_amend_example``): the amendment package and both versions'
    Word documents (tests/amending.py)."""
    from amending import amend
    from helpers import REPO
    return once_per_run(tmp_path_factory, "amended", lambda: amend(tmp_path_factory, REPO, _amend_example))


@pytest.fixture(scope="session")
def consulted(tmp_path_factory) -> dict:
    """The example region with the tests' consultation rounds in a repository of its own (tests/consulting.py): its
    site and its summaries of statements (Word), built once per session, without LibreOffice: what is read of them is
    the rounds' pages and texts, and laying out and converting their Word documents was most of the making."""
    return once_per_run(tmp_path_factory, "consulted", lambda: _consulted(tmp_path_factory), with_libreoffice=False)


def _consulted(tmp_path_factory) -> dict:
    from consulting import consulted_region
    region = consulted_region(tmp_path_factory.mktemp("consulted") / "region")
    out = tmp_path_factory.mktemp("consulted-out")
    site = _site_of_the_example_repository("--root", region["root"], "--out", out)
    assert site.returncode == 0, site.stderr
    summary = run_cli("statements", "--root", region["root"], "--out", out)
    assert summary.returncode == 0, summary.stderr
    return {**region, "out": out, "site": out / "site"}


@pytest.fixture(scope="session")
def served_consulted(consulted):
    """The example with its consultation rounds, served for the audit of its pages (its search index empty)."""
    with serve(consulted["site"], search=False) as address:
        yield address

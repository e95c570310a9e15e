"""The order `make test` hands modules to its workers: the heaviest first (conftest.longest_modules_first), so the
run ends on short modules that fill every core."""
from __future__ import annotations

import os
from dataclasses import dataclass, field

import pytest
from conftest import longest_modules_first


@dataclass
class Mark:
    name: str


@dataclass
class Item:
    nodeid: str
    marks: list[str] = field(default_factory=list)

    def iter_markers(self):
        return (Mark(name) for name in self.marks)


def test_the_heaviest_module_first_each_module_whole_and_in_its_own_order():
    items = [Item("tests/test_a.py::one"), Item("tests/test_a.py::two"),  # 0.1
             Item("tests/test_b.py::walk", ["browser"]),  # 1.0
             Item("tests/test_c.py::build", ["slow"]), Item("tests/test_c.py::pdf", ["office", "slow"]),  # 1.5
             Item("tests/test_d.py::x"), Item("tests/test_d.py::y")]  # 0.1, as test_a: stays after it
    ordered = [item.nodeid for item in longest_modules_first(items)]
    assert ordered == ["tests/test_c.py::build", "tests/test_c.py::pdf", "tests/test_b.py::walk",
                       "tests/test_a.py::one", "tests/test_a.py::two", "tests/test_d.py::x", "tests/test_d.py::y"]


def test_many_quick_tests_do_not_outweigh_one_browser_walk():
    items = [Item(f"tests/test_many.py::t{n}") for n in range(15)] + [Item("tests/test_walk.py::w", ["browser"])]
    assert longest_modules_first(items)[0].nodeid == "tests/test_walk.py::w"


def test_the_workers_take_the_modules_in_that_order(request):
    """Under `make test` (pytest-xdist, a module per worker at a time), xdist's own reordering (by the number of
    tests) is off: it would undo the order above."""
    main = getattr(request.config, "workerinput", {}).get("mainargv", [])  # a worker's own "dist" is always "no"
    if not os.environ.get("PYTEST_XDIST_WORKER") or not any("loadscope" in arg for arg in main):
        pytest.skip("not run by `make test`'s workers")
    assert request.config.getoption("loadscopereorder") is False
    # and the collected tests are in that order already
    collected = [item.nodeid for item in request.session.items]
    assert collected == [item.nodeid for item in longest_modules_first(request.session.items)]

# `make` sets up .venv from the pinned requirements, validates and builds everything.
# `make test` runs every test in the same environment.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt pyproject.toml | cksum | cut -d' ' -f1)
OUT ?= out
WHEELS := $(VENV)/wheels

.PHONY: all build validate test test-fast lint compiled bench clean
all: build

$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ tarvitaan / required")'
	$(PYTHON) -m venv $(VENV)
	# every pinned package as a wheel in $(WHEELS), then installed from there: tests/test_package.py installs the
	# tool's own wheel into a fresh environment from the same wheels, without the network
	$(BIN)/python -m pip wheel --quiet --disable-pip-version-check --wheel-dir $(WHEELS) -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-index --find-links $(WHEELS) -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

validate: $(STAMP)
	$(BIN)/python build.py validate

build: validate
	$(BIN)/python build.py docx --out $(OUT)
	$(BIN)/python build.py export-xlsx --out $(OUT)
	$(BIN)/python build.py site --out $(OUT)

AXE := tests/browser/node_modules/.installed

# axe-core for the accessibility audit, exactly as in the lock file (skipped where npm is missing:
# the browser tests then say what to install)
$(AXE): tests/browser/package-lock.json
	@if command -v npm >/dev/null 2>&1; then (cd tests/browser && npm ci --no-audit --no-fund --silent) && touch $@; \
	else echo "npm puuttuu: saavutettavuustestit ohitetaan (apt-get install npm)"; fi

# every test, on every core (pytest-xdist; a module's tests on one worker, so a module's fixture — a term of 250
# commits, a site — is made once, and the workers share the run's cache and the example's site); `make test-fast` is the quick loop: no browser, no LibreOffice, no
# test marked slow (whole sites, git histories, the example's Word documents, the benchmarks), and the tests' cache (the example's PDFs, git's texts) kept between runs in .venv/test-cache
test: $(STAMP) $(AXE) lint compiled
	$(TEST_FOLDER) $(PYTEST)

test-fast: $(STAMP) compiled
	$(TEST_FOLDER) TEST_CACHE=$(VENV)/test-cache $(PYTEST) -q -m "not browser and not office and not slow"

# a worker more than the cores: a test waiting (for a disk, a process it stopped, a time limit) leaves its core to
# the third worker instead of idle (on two cores: 15–40 core-seconds idle a run, not 70–150)
TEST_WORKERS ?= $(shell echo $$(( $$(nproc 2>/dev/null || echo 1) + 1 )))
# the tests' temporary files in memory (/dev/shm), where it has room for a run's (about 1.5 GB), and a passed test's
# removed as it ends: on disk, a run wrote its gigabyte out and the run three later removed it again (up to 17 s at
# its end). A failed test's folder is kept, in memory too, until the next run ends.
TEST_TMP ?= $(shell df -Pk /dev/shm 2>/dev/null | awk 'NR == 2 && $$4 > 4000000 {print "/dev/shm/yhteistyosopimus-tests-'"$$(id -u)"'"}')
TEST_FOLDER = $(if $(TEST_TMP),mkdir -p $(TEST_TMP) &&)
# the modules handed out in the order tests/conftest.py gives them, the heaviest first (xdist's own order is by the
# number of tests)
PYTEST = $(if $(TEST_TMP),TMPDIR=$(TEST_TMP) )$(BIN)/python -m pytest -n $(TEST_WORKERS) \
	--dist loadscope --no-loadscope-reorder $(if $(TEST_TMP),-o tmp_path_retention_policy=failed -o tmp_path_retention_count=1)

# the tool's and the tests' code compiled ahead, as pip compiles what it installs: where PYTHONDONTWRITEBYTECODE is
# set, each `build.py` a test starts would compile the whole package again (0.15 s a process); an edited module's
# old compiled code is not used (Python compares the source's time and size)
compiled: $(STAMP)
	$(BIN)/python -m compileall -q cooperation tests benchmarks build.py templates

# ruff and mypy on the package (settings and the reasons for each ignore: pyproject.toml)
lint: $(STAMP)
	$(BIN)/ruff check cooperation tests benchmarks build.py templates/make_template.py
	$(BIN)/mypy

# ratios of paired runs (baseline and ours alternating) on the large synthetic region; REPEAT pairs each
REPEAT ?= 3
bench: $(STAMP)
	$(BIN)/python benchmarks/bench_validate.py --repeat $(REPEAT)
	$(BIN)/python benchmarks/bench_load_edit.py --repeat $(REPEAT)
	$(BIN)/python benchmarks/bench_docx.py --repeat $(REPEAT)
	$(BIN)/python benchmarks/bench_site.py --repeat $(REPEAT)
	$(BIN)/python benchmarks/bench_pages.py --repeat $(REPEAT)
	$(BIN)/python benchmarks/bench_preview.py --edits $(REPEAT)
	$(BIN)/python benchmarks/bench_report.py --repeat $(REPEAT)
	$(BIN)/python benchmarks/bench_workbook.py --repeat $(REPEAT)
	$(BIN)/python benchmarks/bench_amendment.py
	$(BIN)/python benchmarks/bench_history.py --repeat $(REPEAT)

clean:
	rm -rf $(OUT) site .pytest_cache

# accord: the usual entry points. `make test` is what CI runs (.ci/run).
#
# Everything runs from a virtual environment in .venv, created with $(PYTHON) and filled from the
# hash-checked requirements.lock, so a machine needs nothing but Python 3.11 and access to PyPI.
# The install is redone only when requirements.lock or pyproject.toml changes (stamp: .venv/.installed).

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared
DEMO_DB ?= .accord/demo.sqlite

GOLD_FILES = $(wildcard $(SHARED)/corpus/*.gold.jsonl) $(wildcard tests/data/gold/*.gold.jsonl)

# A newline, so that a $(foreach) in a recipe gives one recipe line (echoed, checked) per file.
define newline


endef

.DEFAULT_GOAL := help
.PHONY: help install demo serve test test-postgres lint eval clean distclean

help:
	@echo "make install    create $(VENV) and install accord with its locked dependencies"
	@echo "make demo       ingest examples/ into $(DEMO_DB) and print the register"
	@echo "make serve      the dashboard and API on http://127.0.0.1:8000/ over $(DEMO_DB) (after make demo)"
	@echo "make test       ruff, mypy and pytest (what CI runs)"
	@echo "make test-postgres  pytest again on a throwaway PostgreSQL cluster (scripts/with-postgres.sh)"
	@echo "make lint       ruff and mypy only"
	@echo "make eval       score accord against every gold file ($(SHARED)/corpus, tests/data/gold)"
	@echo "make clean      remove caches, build output and the demo database"
	@echo "make distclean  clean, and remove $(VENV) too"

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "accord needs Python 3.11 or newer; set PYTHON=...")'
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); exit 1; }

# The pip that a new venv starts with (23.2 on Python 3.11.7) fails on the lock's extras (lxml[html-clean]).
$(STAMP): requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --upgrade "pip>=24.1"
	$(BIN)/pip install -r requirements.lock
	$(BIN)/pip install --no-deps -e .
	touch $(STAMP)

# The map's browser assets (Leaflet, country outlines) come from npm, pinned in package-lock.json, copied into
# accord/serve/static/vendor/. Without npm the dashboard still runs; its map page says what is missing.
NPM_STAMP := node_modules/.installed

$(NPM_STAMP): package.json package-lock.json accord/serve/vendor.mjs
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --no-audit --no-fund && npm run vendor && touch $(NPM_STAMP); \
	else \
		echo "npm not found: skipping the map's assets (Leaflet, country outlines); install Node.js and npm," \
			"then run make install again. The map page will show a notice meanwhile."; \
	fi

install: $(STAMP) $(NPM_STAMP)

demo: install
	rm -f $(DEMO_DB)
	mkdir -p $(dir $(DEMO_DB))
	$(BIN)/accord ingest examples/ --db $(DEMO_DB)
	$(BIN)/accord items --db $(DEMO_DB)

serve: install
	$(BIN)/accord serve --db $(DEMO_DB)

lint: install
	$(BIN)/ruff check accord tests
	$(BIN)/mypy

test: lint
	$(BIN)/python -m pytest

# The whole suite on PostgreSQL: Debian's server binaries, a cluster in a temporary folder, removed after.
test-postgres: install
	scripts/with-postgres.sh $(BIN)/python -m pytest

eval: install
	$(foreach file,$(GOLD_FILES),$(BIN)/accord eval $(file)$(newline))

clean:
	rm -rf .accord build dist .mypy_cache .ruff_cache .pytest_cache .hypothesis *.egg-info
	find . -path ./$(VENV) -prune -o -type d -name __pycache__ -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV) node_modules accord/serve/static/vendor

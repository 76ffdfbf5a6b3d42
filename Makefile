# Two commands on a fresh machine: `make serve` and `make test`.
# Each installs what is missing into .venv and node_modules first: `make build`
# and `make serve` (and the Pages workflow) only what building the site needs
# (requirements.txt, npm without devDependencies); `make test` adds the test tools.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := scripts

.PHONY: help deps deps-build wheel build serve test test-fast lint browser clean bench audit

help:
	@echo "make serve   build the site and serve it on http://127.0.0.1:8000"
	@echo "make build   build the site into site/"
	@echo "make test    run every test (package, Pyodide under Node, real browser)"
	@echo "make lint    ruff"
	@echo "make bench   build, serve and time the site in headless Chromium (figures, not a test)"
	@echo "make audit   Lighthouse on three pages (CI runs it after make test)"

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed requirements-test.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

# Building needs Pyodide only; the test tools (axe-core, Lighthouse, the HTML checker) are devDependencies.
# A full install also serves the build, so it marks both.
node_modules/.installed: package.json package-lock.json
	npm ci --omit=dev --no-audit --no-fund
	touch $@

node_modules/.installed-test: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@ node_modules/.installed

deps-build: $(VENV)/.installed node_modules/.installed

deps: $(VENV)/.installed-test node_modules/.installed-test

wheel: $(VENV)/.installed
	$(PY) -m sitebuild.wheel

# Every language the practice lists (practice.yml, languages:), each strict, into site/.
build: deps-build wheel
	$(PY) -m sitebuild.build_site --site-dir site

serve: build
	$(PY) -m dev.serve --port 8000

browser:
	scripts/install-chromium.sh

test: deps wheel browser lint
	$(PY) -m pytest

bench: deps wheel browser
	$(PY) scripts/bench/site.py $(BENCH_ARGS)

audit: deps wheel browser
	$(PY) scripts/audit/lighthouse.py $(AUDIT_ARGS)

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

clean:
	rm -rf site build

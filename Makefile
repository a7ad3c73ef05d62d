# Brandsmith: `make run` starts the studio, `make test` runs every check. Both set up what they need first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run dev test lint format fonts icons assets chromium servers install bench screenshots clean

run: $(VENV)/.runtime fonts icons assets
	@HOST=$${HOST:-127.0.0.1} PORT=$${PORT:-8080} $(BIN)/python app.py

dev: $(VENV)/.runtime fonts icons assets
	@BRANDSMITH_DEV=1 HOST=$${HOST:-127.0.0.1} $(BIN)/python app.py

# the suites but the browser's run two at a time (a file per worker, so a module's app server starts once); the
# browser suite runs alone after them, as its pages and app servers keep both cores busy
TEST_WORKERS ?= 2
test: $(VENV)/.test fonts icons assets chromium servers lint
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS) --dist loadfile --ignore=tests/e2e
	$(BIN)/python -m pytest -q tests/e2e

lint: $(VENV)/.test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(VENV)/.test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(VENV)/.test fonts icons
	$(BIN)/python -m bench.offline

# the README's pictures of the studio (docs/*.png); tests never write them
screenshots: $(VENV)/.test fonts icons assets chromium
	$(BIN)/python scripts/screenshots.py

install: $(VENV)/.runtime

fonts: fonts/node_modules/.installed

# the tagged open-licence icon set (Tabler Icons, MIT) logo symbols are chosen from
icons: icons/node_modules/.installed

# the stylesheet and icons are rebuilt whenever the UI code that names their classes and icons changes
assets: assets/dist/studio.css

chromium:
	@bash scripts/ensure-chromium.sh

# servers the tests start on loopback ports of their own: nginx (reverse proxy), PostgreSQL and Redis (shared state)
servers:
	@bash scripts/ensure-test-servers.sh

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.runtime: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	@touch $@

$(VENV)/.test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[test]'
	@touch $@ $(VENV)/.runtime

fonts/node_modules/.installed: fonts/package.json fonts/package-lock.json
	@bash scripts/npm-ci.sh fonts

icons/node_modules/.installed: icons/package.json icons/package-lock.json
	@bash scripts/npm-ci.sh icons

assets/node_modules/.installed: assets/package.json assets/package-lock.json
	@bash scripts/npm-ci.sh assets

assets/dist/studio.css: assets/node_modules/.installed assets/studio.css app.py $(shell find components -name '*.py') $(VENV)/.runtime
	@$(BIN)/python scripts/build_assets.py

clean:
	rm -rf $(VENV) fonts/node_modules icons/node_modules assets/node_modules assets/dist .pytest_cache .mypy_cache .ruff_cache test-results

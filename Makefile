# Two commands for a newcomer: `make serve` and `make test`. Each installs what it needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: serve site validate test bench schemas calendrier clean chromium

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

validate: $(STAMP)
	$(BIN)/site-build validate

site: validate
	$(BIN)/site-build build --profile public --site-dir site
	$(BIN)/site-build build --profile pro --site-dir site-pro

serve: validate
	$(BIN)/site-build serve

schemas: $(STAMP)
	$(BIN)/site-build schemas

# Record new or changed Épi'santé interventions (iCalendar SEQUENCE) in data/calendrier.json.
calendrier: validate
	$(BIN)/site-build calendrier

# Debian's chromium drives the browser tests (Playwright cannot download a browser here).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; fi; }

test: $(TEST_STAMP) chromium
	$(BIN)/python -m pytest -q

bench: $(TEST_STAMP) chromium
	$(BIN)/python bench/run.py
	$(BIN)/python bench/directory.py
	$(BIN)/python bench/offline.py

clean:
	rm -rf site site-pro .site-* bench/out

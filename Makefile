# Two commands for a newcomer: `make serve` and `make test`. Each installs what it needs.
# Python keeps the modules it compiles (__pycache__/, ignored by git): without this, a machine that sets
# PYTHONDONTWRITEBYTECODE makes every command and test process compile the same modules again.
unexport PYTHONDONTWRITEBYTECODE
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: serve site publish validate lint lint-python lint-types lint-js lint-workflows unit check test bench schemas \
	calendrier clean chromium checker servers screenshots

# uv installs the packages: the pins of pyproject.toml, in 4 s where pip took 30 (half a
# minute of every fresh `make serve` and CI run). The pip of the Python that makes .venv brings uv
# into it: giving .venv a pip of its own took 3.5 s more. A Python whose pip cannot (older than
# 22.3, or none) gets one in .venv.
UV := $(BIN)/uv
$(UV):
	test -x $(BIN)/python || $(PYTHON) -m venv --without-pip $(VENV)
	$(PYTHON) -m pip --python $(BIN)/python install --quiet uv==0.13.9 2>/dev/null || { \
	  $(BIN)/python -m ensurepip --default-pip >/dev/null && $(BIN)/python -m pip install --quiet uv==0.13.9; }

$(STAMP): pyproject.toml | $(UV)
	$(UV) pip install --quiet --python $(BIN)/python -e .
	touch $@

# What the tests need, the site's own packages with them: one resolution on a fresh machine.
$(TEST_STAMP): pyproject.toml | $(UV)
	$(UV) pip install --quiet --python $(BIN)/python -e '.[test]'
	touch $(STAMP) $@

validate: $(STAMP)
	$(BIN)/site-build validate

site: validate
	$(BIN)/site-build build --profile public --site-dir site
	$(BIN)/site-build build --profile pro --site-dir site-pro

# For putting online: the public addresses are required (a preview address is refused), e.g.
# make publish SITE_URL=https://guide.example.org/ SITE_URL_PRO=https://pro.guide.example.org/
publish: validate
	$(BIN)/site-build build --publication --profile public --site-dir site --site-url "$(SITE_URL)"
	$(BIN)/site-build build --publication --profile pro --site-dir site-pro --site-url "$(SITE_URL_PRO)"

serve: validate
	$(BIN)/site-build serve

schemas: $(STAMP)
	$(BIN)/site-build schemas

# Record new or changed calendar events (Épi'santé, Semaine du goût: iCalendar SEQUENCE) in data/calendrier.json.
calendrier: validate
	$(BIN)/site-build calendrier

# Debian packages the tests need, installed when missing (as root, or with sudo). The steps that
# install them may run side by side (PARALLEL below): one apt-get at a time, the others wait.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT = flock /tmp/guide-partage-apt.lock $(SUDO)
APT_INSTALL = $(APT) sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$$@"' apt-get

# Debian's chromium drives the browser tests (Playwright cannot download a browser here).
chromium:
	@command -v chromium >/dev/null 2>&1 || { echo "Installing Debian's chromium for the browser tests"; \
	  $(APT_INSTALL) chromium; }

# The Nu Html Checker (npm package vnu-jar) and a Java runtime to run it.
VNU := $(VENV)/npm/node_modules/vnu-jar/build/dist/vnu.jar
$(VNU):
	@command -v npm >/dev/null 2>&1 || { echo "Installing Debian's npm for the HTML checker"; $(APT_INSTALL) npm; }
	npm install --silent --no-audit --no-fund --prefix $(VENV)/npm vnu-jar@26.9.27

checker: $(VNU)
	@command -v java >/dev/null 2>&1 || { echo "Installing Debian's Java runtime for the HTML checker"; \
	  $(APT_INSTALL) default-jre-headless; }

# Debian's nginx and Caddy: tests/test_deploy.py runs deploy/'s configurations for real.
servers:
	@command -v nginx >/dev/null 2>&1 || { echo "Installing Debian's nginx for the deployment tests"; \
	  $(APT_INSTALL) nginx; }
	@command -v caddy >/dev/null 2>&1 || { $(APT) apt-get update -qq; ! apt-cache show caddy >/dev/null 2>&1 || { \
	  echo "Installing Debian's caddy for the deployment tests"; $(APT_INSTALL) caddy; }; }

# ESLint for the theme's JavaScript modules (a linter only: the site has no Node build step).
ESLINT := tools/eslint/node_modules/.bin/eslint
$(ESLINT): tools/eslint/package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "Installing Debian's npm for the JavaScript linter"; $(APT_INSTALL) npm; }
	npm ci --silent --no-audit --no-fund --prefix tools/eslint
	touch $@

# What comes before pytest runs side by side: the lint steps (two cores) and the installs, which
# mostly wait on the network. Each step's messages are printed whole when it ends.
PARALLEL = $(MAKE) --no-print-directory --jobs=4 --output-sync=target
LINT_STEPS := lint-python lint-types lint-js lint-workflows

lint:
	@$(PARALLEL) $(LINT_STEPS)

lint-python: $(TEST_STAMP)
	$(BIN)/ruff check site_build hooks tests bench
	$(BIN)/ruff format --check site_build hooks tests bench

lint-types: $(TEST_STAMP)
	$(BIN)/mypy

lint-js: $(ESLINT)
	$(ESLINT) -c tools/eslint/eslint.config.mjs site_build/theme/assets/javascripts

lint-workflows: $(TEST_STAMP)
	$(BIN)/actionlint .github/workflows/*.yml

# The unit lane: the tests of the pure stages (no build, no browser, no process), in seconds.
unit: $(TEST_STAMP)
	$(BIN)/python -m pytest -q -n 2 -m unit

# The fast lane: everything but the browser tests and the three slow ones (the HTML checker on every
# page, the build through ProperDocs, a build killed on purpose), which make test runs: about a
# minute. Two workers: this machine has two cores (pytest-xdist).
check:
	@$(PARALLEL) $(LINT_STEPS) servers
	$(BIN)/python -m pytest -q -n 2 -m "not browser and not slow"

test:
	@$(PARALLEL) $(LINT_STEPS) chromium checker servers
	$(BIN)/python -m pytest -q -n 2

screenshots: $(TEST_STAMP) chromium
	$(BIN)/python -m pytest -q tests/test_screenshots_browser.py
	@ls screenshots/*.png

bench: $(TEST_STAMP) chromium
	$(BIN)/python bench/run.py
	$(BIN)/python bench/hostile.py
	$(BIN)/python bench/directory.py
	$(BIN)/python bench/offline.py
	$(BIN)/python bench/languages.py
	$(BIN)/python bench/init.py
	$(BIN)/python bench/quality.py

clean:
	rm -rf site site-pro .site-* bench/out screenshots

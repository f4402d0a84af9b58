# Two commands do everything on a fresh machine with Python 3.11+, pip and make:
#   make site   set up, generate docs/ from seeds/, build site/ with MkDocs --strict
#   make test   set up, run the whole test suite (browser tests included)
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site generate test serve check bench clean browser bytecode

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,search]'
	touch $(STAMP)

# The package's bytecode, as pip writes it for a regular install (an editable one has none): without
# it, and with PYTHONDONTWRITEBYTECODE set, every run compiles the generator again (0.1-0.2 s a run).
# Files already up to date are skipped, so this costs next to nothing after the first time.
bytecode: $(STAMP)
	@$(PY) -m compileall -q generator bench

generate: bytecode
	$(PY) -m generator generate

site: bytecode
	$(PY) -m generator build

check: $(STAMP)
	$(PY) -m generator check

serve: bytecode
	$(PY) -m generator serve

# Debian's Chromium for the browser tests (root on the CI machine; skipped when present).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium is missing: install Debian's 'chromium' package for the browser tests"; fi; }

test: $(STAMP) browser
	$(PY) -m pytest -q

bench: bytecode
	$(PY) -m bench.run

clean:
	rm -rf site .pytest_cache

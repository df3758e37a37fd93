# Two commands do all the set-up:  `make lab` opens the kit, `make test` runs every test.
# PYTHON=python3.12 make lab   builds .venv/ with another Python (3.11 or newer).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# tools/venv.sh checks the Python, rebuilds a broken or too-old .venv, installs one level once.
VENV_SH := PYTHON="$(PYTHON)" PYTHON_ORIGIN="$(origin PYTHON)" sh tools/venv.sh

.PHONY: lab present test bench evaluate browser clean

## Open JupyterLab on lesson 0 (as root, e.g. in a container, Jupyter needs --allow-root).
ROOT_FLAG := $(shell [ "$$(id -u)" = "0" ] && echo --allow-root)

lab:
	@$(VENV_SH) lab
	$(BIN)/jupyter lab $(ROOT_FLAG) notebooks/00-start-here.ipynb

## Show the lessons as web pages without code, for a projector (Voila): a list of the lessons
## opens in the browser (only on this computer, with a secret token); click one. Each browser tab
## gets its own progress file.
present:
	@$(VENV_SH) present
	$(BIN)/voila --Voila.ip=127.0.0.1 --token notebooks

## Run the whole test suite (browser tests included when Chromium can be had).
test: browser
	@$(VENV_SH) test
	$(BIN)/ruff check lessons tools tests
	$(BIN)/python -m pytest

## The test set-up on its own (what `make test` installs).
$(VENV)/.installed: requirements.txt requirements-lab.txt requirements-present.txt requirements-dev.txt pyproject.toml
	@$(VENV_SH) test

## Install Chromium for the browser tests when it is missing and we may, or say how.
browser:
	@sh tools/ensure-chromium.sh

## Accuracy, speed and memory benchmarks.
bench: $(VENV)/.installed
	$(BIN)/python -m tools.bench

evaluate: $(VENV)/.installed
	$(BIN)/python -m lessons evaluate

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis

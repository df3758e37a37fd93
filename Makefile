# Two commands do all the set-up:  `make lab` opens the kit, `make test` runs every test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: lab test bench evaluate browser clean

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $(STAMP)

## Open JupyterLab on lesson 0 (as root, e.g. in a container, Jupyter needs --allow-root).
ROOT_FLAG := $(shell [ "$$(id -u)" = "0" ] && echo --allow-root)

lab: $(STAMP)
	$(BIN)/jupyter lab $(ROOT_FLAG) notebooks/00-start-here.ipynb

## Run the whole test suite (browser tests included when Chromium can be had).
test: $(STAMP) browser
	$(BIN)/ruff check lessons tools tests
	$(BIN)/python -m pytest

## Install Debian's Chromium for the browser tests when it is missing and we may.
browser:
	@sh tools/ensure-chromium.sh

## Accuracy, speed and memory benchmarks.
bench: $(STAMP)
	$(BIN)/python -m tools.bench

evaluate: $(STAMP)
	$(BIN)/python -m lessons evaluate

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis

# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed

.PHONY: install run test lint typecheck unit bench clean browser

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[dev]"
	touch $(STAMP)

DB ?= samestory.db

# The main job: ingest the example corpus into the SQLite store, cluster it into
# stories and list them. Re-running adds nothing (articles are deduplicated).
run: install
	$(BIN)/samestory ingest examples/corpus.jsonl --db $(DB)
	$(BIN)/samestory stories --db $(DB)
	@echo "open http://127.0.0.1:8000 after: $(BIN)/samestory serve --db $(DB)"

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: install
	$(BIN)/mypy

unit: install browser
	$(BIN)/pytest -q -n 2 --dist loadfile

test: lint typecheck unit

bench: install
	$(BIN)/python benchmarks/bench_analyse.py
	$(BIN)/python benchmarks/bench_semeval.py
	$(BIN)/python benchmarks/bench_scorer.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .mypy_cache .ruff_cache .pytest_cache

# Headless Chromium for the HTML report benchmark/test (Debian's package; no browser download).
browser:
	command -v chromium || (apt-get update && apt-get install -y chromium chromium-driver)

# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed

.PHONY: install run test lint typecheck unit bench bench-long clean browser bench-tools spark-check

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

bench: install bench-tools
	$(BIN)/python -m pip install -q -e ".[bench]"
	$(BIN)/python benchmarks/bench_analyse.py
	$(BIN)/python benchmarks/bench_semeval.py
	$(BIN)/python benchmarks/bench_scorer.py
	$(BIN)/python benchmarks/bench_latency.py
	$(BIN)/python benchmarks/bench_clusters.py
	$(BIN)/python benchmarks/bench_ingest.py
	$(BIN)/python benchmarks/bench_report.py
	$(BIN)/python benchmarks/bench_serve.py

# Long runs (tens of minutes on 2 cores): 1M-article clustering, kill -9 crashes, Spark.
bench-long: install
	$(BIN)/python benchmarks/bench_scale.py
	$(BIN)/python benchmarks/bench_crash.py
	$(BIN)/python benchmarks/bench_spark.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .mypy_cache .ruff_cache .pytest_cache

# Headless Chromium for the HTML report benchmark/test (Debian's package; no browser download).
browser:
	@command -v chromium >/dev/null || (apt-get update -q && apt-get install -y -q chromium chromium-driver) \
	  || echo "browser: could not install Debian's chromium; the browser tests will skip"

# The HTTP load generator of benchmarks/bench_serve.py (Debian's wrk; no download). Without
# it the benchmark falls back to slower Python clients that share the server's cores.
bench-tools:
	@command -v wrk >/dev/null || (apt-get update -q && apt-get install -y -q wrk) \
	  || echo "bench-tools: could not install Debian's wrk; bench_serve.py will use httpx clients"

# The Spark pipeline (docs/spark.md) needs a Java 17 runtime next to `pip install .[spark]`.
spark-check:
	@java -version >/dev/null 2>&1 || { echo "spark-check: no working Java; install Java 17, e.g. apt-get install -y openjdk-17-jre-headless (or set JAVA_HOME)"; exit 1; }
	@java -version 2>&1 | head -1
	@$(BIN)/python -c "import pyspark; print('pyspark', pyspark.__version__)" 2>/dev/null || { echo "spark-check: pyspark missing; $(BIN)/pip install -e '.[spark]'"; exit 1; }

# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test fuzz bench bytecode clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "report-audit needs Python >= 3.11 (set PYTHON=...)")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The package's bytecode, compiled once: an editable install does not, and where PYTHONDONTWRITEBYTECODE
# is set (as on CI machines) Python cannot cache it either, so every `audit` process compiled ~14,000
# lines again (~0.15 s of a one-document check). Up to date, this takes a few ms.
bytecode: $(STAMP)
	@$(BIN)/python -m compileall -q audit

run: bytecode
	$(BIN)/audit check samples --output reports_out --fail-on never

test: $(STAMP)
	$(BIN)/python -m pytest -q

# The property tests with the "fuzz" hypothesis profile (tests/conftest.py): many more examples,
# a random seed each run; failing inputs are kept in test-artifacts/hypothesis and replayed first.
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q tests/test_properties.py

# Benchmarks on a generated corpus (benchmarks/bench.py): throughput, one-document latency, peak
# memory, time per stage; a table on stdout and reports_out/benchmark.json. BENCH_ARGS adds options,
# e.g. BENCH_ARGS="--memory-docs 50000" for the 50,000-document memory run.
BENCH_ARGS ?=
bench: bytecode
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python -m benchmarks.bench $(BENCH_ARGS)

clean:
	rm -rf $(VENV) reports_out/*.html test-artifacts

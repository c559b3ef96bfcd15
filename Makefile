# The two commands of README.md: `make run` and `make test`. Both set up
# everything on a fresh machine: the virtualenv and packages, the dashboard's npm
# packages, the Kafka jars, Redis, PostgreSQL and Prometheus (from Debian when
# missing).

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
NEWSWIRE := $(BIN)/newswire
# The development tools of the checkout (devstack/, not installed with the package).
DEVSTACK := $(BIN)/python -m devstack
STAMP := $(VENV)/.installed
# The compiled text core (native/, Rust) builds with cargo; its build cache lives
# outside the checkout so that a fresh clone reuses it.
export PATH := $(HOME)/.cargo/bin:$(PATH)
export CARGO_TARGET_DIR ?= $(HOME)/.cache/newswire/cargo-target
NATIVE := native/Cargo.toml native/Cargo.lock native/pyproject.toml native/newswire_text.pyi \
	$(wildcard native/src/*.rs)

.PHONY: setup stack run test lint typecheck unit native-test integration bench clean stack-down

$(STAMP): pyproject.toml $(NATIVE)
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is needed"'
	@command -v cargo >/dev/null || { echo "error: cargo is needed to build native/:" \
		"install Rust with rustup, or Debian's cargo package"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet ./native
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The dashboard's page and uPlot, installed from npm by the lockfile and copied
# into web/dist/ (served by `newswire serve`).
WEB_DIST := web/dist/.built
$(WEB_DIST): web/package.json web/package-lock.json web/build.mjs $(wildcard web/src/*)
	@command -v npm >/dev/null || { echo "error: npm is needed to build web/:" \
		"install Node.js 18+ with npm (Debian: apt-get install nodejs npm)"; exit 1; }
	cd web && npm ci --no-audit --no-fund --loglevel=error && npm run --silent build

setup: $(STAMP) $(WEB_DIST)

stack: setup
	$(DEVSTACK) stack up --all

run: setup
	$(DEVSTACK) stack up
	$(DEVSTACK) run --until-drained seeds/

lint: setup
	$(BIN)/ruff check workers devstack tests bench
	$(BIN)/ruff format --check workers devstack tests bench

typecheck: setup
	$(BIN)/mypy --strict workers devstack

unit: setup
	$(BIN)/pytest -m "not integration" -q

# The compiled core's own tests. They build without pyo3's extension-module feature,
# so they link libpython (found through the virtualenv's interpreter), and in the
# test profile: rebuilding the crate there takes a fraction of the release
# profile's LTO build.
PYTHON_LIBDIR = $(shell $(BIN)/python -c 'import sysconfig; print(sysconfig.get_config_var("LIBDIR"))')
native-test: setup
	cd native && PYO3_PYTHON=$(abspath $(BIN)/python) \
		LD_LIBRARY_PATH=$(PYTHON_LIBDIR)$${LD_LIBRARY_PATH:+:$$LD_LIBRARY_PATH} cargo test --quiet

integration: stack
	$(BIN)/pytest -m integration -q

test: stack lint typecheck native-test
	$(BIN)/pytest -q -ra

bench: stack
	$(BIN)/python -m bench.bench_pipeline
	$(BIN)/python -m bench.bench_enrich
	$(BIN)/python -m bench.bench_storage

stack-down:
	$(DEVSTACK) stack down

clean:
	rm -rf data run .pytest_cache .mypy_cache .ruff_cache

# jamsos: the two commands are `make demo` and `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DEMO_MEMBERS ?= 200
DEMO_SEED ?= 1
NAME ?=

.PHONY: install demo serve test lint pytest pytest-sqlite pytest-postgres bench messages lock clean

install: $(STAMP)

# Idempotent: the virtual environment is rebuilt only when the lock file or pyproject change.
$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $@

demo: install
	JAMSOS_ENV=demo $(BIN)/python manage.py migrate --noinput
	JAMSOS_ENV=demo $(BIN)/jamsos demo-data --members $(DEMO_MEMBERS) --seed $(DEMO_SEED) --if-empty
	JAMSOS_ENV=demo $(BIN)/python manage.py runserver 127.0.0.1:8000

# Everything CI checks: static checks, then the suite on SQLite, then on PostgreSQL and Redis
# when DATABASE_URL points to PostgreSQL (CI always sets it).
test: install lint pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	JAMSOS_ENV=test $(BIN)/mypy jamsos config bench
	$(BIN)/lint-imports
	env -u DATABASE_URL JAMSOS_ENV=test SQLITE_PATH=:memory: $(BIN)/python manage.py makemigrations --check --dry-run
	JAMSOS_ENV=test $(BIN)/python -m jamsos.core.messages_check

pytest: pytest-sqlite pytest-postgres

pytest-sqlite: install
	env -u DATABASE_URL -u REDIS_URL $(BIN)/pytest

pytest-postgres: install
	@if [[ "$${DATABASE_URL:-}" == postgres* ]]; then \
		echo "== the suite again on PostgreSQL ($${DATABASE_URL##*@}) and Redis ($${REDIS_URL##*@})"; \
		$(BIN)/pytest; \
	else echo "== DATABASE_URL is not PostgreSQL: the PostgreSQL pass is skipped"; fi

bench: install
	$(BIN)/python -m bench $(NAME)

# Regenerates both catalogues after strings change; commit the .po and .mo files it writes.
messages: install
	cd jamsos && JAMSOS_ENV=test ../$(BIN)/django-admin makemessages --settings=config.settings --pythonpath=.. \
		-l id -l en --no-location --no-obsolete
	cd jamsos && JAMSOS_ENV=test ../$(BIN)/django-admin compilemessages --settings=config.settings --pythonpath=..

# Re-pins every dependency after pyproject.toml changes.
lock:
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 -o requirements.lock

clean:
	rm -rf $(VENV) var staticfiles test-artifacts .mypy_cache .ruff_cache .pytest_cache

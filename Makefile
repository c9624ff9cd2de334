# The two commands of the README: `make run` and `make test`. Everything they need is
# installed here, so both work on a fresh machine with only Python 3.11 and apt.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
UV := $(shell command -v uv 2>/dev/null || echo "$(PYTHON) -m uv")
HOST ?= 127.0.0.1
PORT ?= 8000

# The test suite runs against the real services on this machine unless told otherwise.
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/connective_cities
TEST_REDIS_URL ?= redis://127.0.0.1:6379/0
# Test processes on PostgreSQL (pytest-xdist): one per core. Each has its own test
# database; a module's tests stay in one process so module-wide fixtures are built
# once (and the demo's modules share one seeding: tests/conftest.py).
TEST_WORKERS ?= auto

.PHONY: run test setup deps system-deps test-deps messages lint services bench help

help:
	@echo "make run   - install, migrate, load demo content, serve on http://$(HOST):$(PORT)"
	@echo "make test  - install, then lint and run the whole suite on PostgreSQL and Redis"

run: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	$(PY) manage.py runserver $(HOST):$(PORT)

test: setup test-deps services lint
	DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=$(TEST_REDIS_URL) \
		$(PY) -m pytest --create-db -n $(TEST_WORKERS) --dist loadscope $(PYTEST_ARGS)
	@# Again on SQLite (the demo and a start without DATABASE_URL), only the tests
	@# marked both_databases: hostile input must not crash there either.
	@mkdir -p var
	@# Exit 5 means PYTEST_ARGS chose none of them (e.g. -k accounts): nothing to do.
	DATABASE_URL=sqlite:///$(CURDIR)/var/test-sqlite.sqlite3 REDIS_URL=$(TEST_REDIS_URL) \
		$(PY) -m pytest --create-db $(PYTEST_ARGS) -m both_databases || [ $$? -eq 5 ]

setup: deps messages

# uv installs the locked versions; it comes from PyPI like everything else.
deps: system-deps
	@$(PYTHON) -m uv --version >/dev/null 2>&1 || command -v uv >/dev/null 2>&1 \
		|| $(PYTHON) -m pip install --quiet uv
	$(UV) sync --frozen --quiet

# gettext compiles the translations; Debian's package, installed only when missing.
system-deps:
	@command -v msgfmt >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq gettext; }

messages: deps
	$(PY) manage.py compilemessages --ignore=.venv -v0

# Browser tests drive Debian's Chromium; never a browser download. The proxy test
# runs the deployment's nginx (deploy/nginx.conf) in front of the live site.
test-deps:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium; }
	@test -x /usr/sbin/nginx || { apt-get update -qq && apt-get install -y -qq nginx-light; }

services:
	@$(PY) -c "import psycopg; psycopg.connect('$(TEST_DATABASE_URL)'.replace('/connective_cities', '/postgres'), connect_timeout=3).close()" 2>/dev/null || { echo "PostgreSQL is not answering on 127.0.0.1:5432; start it with: pg_ctlcluster --skip-systemctl-redirect \$$(ls /etc/postgresql) main start"; exit 1; }
	@$(PY) -c "import redis,sys; redis.Redis.from_url('$(TEST_REDIS_URL)', socket_timeout=2).ping()" 2>/dev/null || { echo "Redis is not answering at $(TEST_REDIS_URL); start it with: redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save '' --appendonly no"; exit 1; }

lint:
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

bench: setup
	@ls bench/*.py >/dev/null 2>&1 && for f in bench/*.py; do $(PY) $$f; done || echo "no benchmarks yet"

#!/usr/bin/env bash
# Every check: lint, types, and the whole test suite (SQLite and a real PostgreSQL).
# Fails when any check fails, and when no test ran (pytest's exit code 5).
FRONTLEDGER_EXTRAS=test
source "$(dirname "$0")/_env.sh"

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null; then
    echo "installing Debian's postgresql for the PostgreSQL tests" >&2
    apt_install postgresql
fi
if [ ! -x /usr/bin/chromium ]; then
    echo "installing Debian's chromium for the map page's browser tests" >&2
    apt_install chromium
fi

.venv/bin/ruff check src tests benchmarks
.venv/bin/mypy
.venv/bin/python -m pytest "$@"
# a non-editable install into a new environment with Python's own pip, then an ingest
bash scripts/fresh_install.sh

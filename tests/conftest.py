"""Shared fixtures: stores on SQLite and on a real throwaway PostgreSQL server."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from frontledger.ledger import SqlStore, open_store, resolve_db_url
from tests.pgserver import PostgresServer

FIXTURES = Path(__file__).parent / "fixtures"
_db_numbers = itertools.count()

# One gazetteer index for the whole test run, shared with the subprocesses tests start:
# built once per checkout (about a minute), rebuilt by itself when its sources change.
os.environ.setdefault("FRONTLEDGER_CACHE_DIR",
                      str(Path(__file__).parent.parent / ".cache" / "frontledger-test"))


@pytest.fixture(scope="session")
def postgres_admin_url() -> Iterator[str]:
    """URL of a PostgreSQL server for this test session; fails the test when there is none."""
    given = os.environ.get("FRONTLEDGER_TEST_PG")
    if given:
        yield given
        return
    server = PostgresServer()
    try:
        server.start()
    except (RuntimeError, OSError) as exc:
        server.stop()
        pytest.fail(f"PostgreSQL is required for this test and could not start: {exc}")
    yield server.url()
    server.stop()


def fresh_postgres_db(admin_url: str) -> str:
    """Create an empty database on the test server and return its URL."""
    name = f"fl_test_{os.getpid()}_{next(_db_numbers)}"
    engine = create_engine(resolve_db_url(admin_url), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return admin_url.rsplit("/", 1)[0] + "/" + name


@pytest.fixture
def postgres_url(postgres_admin_url: str) -> str:
    return fresh_postgres_db(postgres_admin_url)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'ledger.db'}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The same test on a SQLite file and on a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'ledger.db'}"
    return fresh_postgres_db(request.getfixturevalue("postgres_admin_url"))


@pytest.fixture
def store(db_url: str) -> Iterator[SqlStore]:
    opened = open_store(db_url)
    yield opened
    opened.close()

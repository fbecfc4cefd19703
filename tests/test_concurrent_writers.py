"""Writers in separate processes at once, on one ledger: all succeed, nothing is lost,
and the place states equal the fold of every stored claim (SQLite and PostgreSQL)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from frontledger.ledger import open_store
from frontledger.ledger.timeline import control_as_of

ROOT = Path(__file__).parent.parent
WRITERS = 3
DOCUMENTS = 15
# Seconds between starting the writers and their common start time: long enough for
# every interpreter to import frontledger first, so that they really start together.
HEAD_START = 4.0


def _run_writers(url: str, writers: int = WRITERS, documents: int = DOCUMENTS) -> None:
    start = time.time() + HEAD_START
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(ROOT / "src"), str(ROOT), os.environ.get("PYTHONPATH", "")])}
    processes = [subprocess.Popen([sys.executable, "-m", "tests.concurrent_writer", url,
                                   str(n), str(documents), str(start)], cwd=ROOT, env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for n in range(writers)]
    failures = []
    for process in processes:
        _out, errors = process.communicate(timeout=300)
        if process.returncode:
            failures.append(errors[-2000:])
    assert not failures, failures


def test_concurrent_writers_all_succeed_and_states_equal_the_fold(db_url: str) -> None:
    _run_writers(db_url)
    with open_store(db_url) as store:
        assert store.status().documents == WRITERS * DOCUMENTS
        day = date(2025, 12, 1)
        assert store.states_on(day) == control_as_of(store.stored_claims(until=day), day)
        assert len(store.states_on(day)) == 4


@pytest.mark.parametrize("round_", range(3))
def test_writers_creating_one_new_sqlite_ledger_at_once_all_succeed(
        tmp_path: Path, round_: int) -> None:
    url = f"sqlite:///{tmp_path / f'new-{round_}.db'}"
    _run_writers(url, writers=4, documents=1)
    with open_store(url) as store:
        assert store.status().documents == 4


@pytest.mark.postgres
def test_writers_creating_one_new_postgres_ledger_at_once_all_succeed(
        postgres_url: str) -> None:
    _run_writers(postgres_url, writers=4, documents=1)
    with open_store(postgres_url) as store:
        assert store.status().documents == 4


def _count_elsewhere(path: Path) -> int:
    """Documents another process sees (it opens the ledger, counts and closes it)."""
    script = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
              "print(c.execute('select count(*) from documents').fetchone()[0]); c.close()")
    result = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True,
                            text=True, timeout=60, check=True)
    return int(result.stdout)


def test_a_writers_commits_stay_visible_to_other_processes_while_it_runs(
        tmp_path: Path) -> None:
    """Opening a ledger must not drop the locks SQLite holds on its file: another process
    closing its connection would then delete the WAL that this one still writes to."""
    from frontledger.ingest.formats import make_document

    path = tmp_path / "ledger.db"
    with open_store(str(path)) as store:
        for n in range(3):
            text = f"INVENTED TEST REPORT {n}. Nothing happened in the invented town."
            store.add_document(make_document(text, source="t", raw=text.encode(),
                                             language="en"))
            assert _count_elsewhere(path) == n + 1

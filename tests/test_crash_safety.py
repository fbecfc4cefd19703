"""A run killed with SIGKILL mid-batch, then run again, leaves what one clean run leaves."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, func, select

from frontledger.ledger import resolve_db_url
from frontledger.ledger.schema import claims, documents, rejections

RECORDS = 1000
# Documents that must be in the ledger before the kill, so that it lands mid-batch.
KILL_AFTER = 150


def write_batch(path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for i in range(RECORDS):
            if i % 250 == 125:
                handle.write("{broken line\n")
            record = {"id": f"r{i}", "url": f"https://n.example/{i % 1000}",
                      "language": "en", "published": "2025-11-20",
                      "text": "Russia's Defence Ministry said its forces had captured "
                              f"Pokrovsk. Bulletin number {i}."}
            handle.write(json.dumps(record) + "\n")


def ingest_command(batch: Path, db_url: str) -> list[str]:
    return [sys.executable, "-m", "frontledger.cli", "ingest", str(batch), "--db", db_url]


Snapshot = tuple[list[tuple[object, ...]], list[str], list[tuple[object, ...]]]


def ledger_snapshot(db_url: str) -> Snapshot:
    """Documents, rejections and claims, without run-dependent row ids and times."""
    engine = create_engine(resolve_db_url(db_url))
    facts = (claims.c.document_id, claims.c.kind, claims.c.place_name, claims.c.actor_side,
             claims.c.stance, claims.c.evidence_start)
    with engine.connect() as conn:
        docs = conn.execute(select(documents.c.id, documents.c.previous_id,
                                   documents.c.external_id).order_by(documents.c.id)).all()
        keys = conn.execute(select(rejections.c.key).order_by(rejections.c.key)).scalars()
        found = conn.execute(select(*facts).order_by(*facts)).all()
        snapshot = ([tuple(row) for row in docs], list(keys), [tuple(row) for row in found])
    engine.dispose()
    return snapshot


def count_documents(db_url: str) -> int:
    engine = create_engine(resolve_db_url(db_url))
    try:
        with engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(documents)).scalar_one())
    except Exception:  # the table may not exist yet while the child migrates
        return 0
    finally:
        engine.dispose()


def run_and_kill(command: list[str], db_url: str) -> None:
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             env={**os.environ, "PYTHONUNBUFFERED": "1"})
    deadline = time.monotonic() + 120
    while count_documents(db_url) < KILL_AFTER:
        assert child.poll() is None, "the run ended before it could be killed"
        assert time.monotonic() < deadline, "the run never got going"
        time.sleep(0.05)
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert count_documents(db_url) < RECORDS, "the kill came too late to test anything"


def test_killed_run_then_rerun_equals_one_clean_run(tmp_path: Path, db_url: str) -> None:
    batch = tmp_path / "batch.jsonl"
    write_batch(batch)
    clean_url = f"sqlite:///{tmp_path / 'clean.db'}"
    subprocess.run(ingest_command(batch, clean_url), capture_output=True, check=False)

    run_and_kill(ingest_command(batch, db_url), db_url)
    rerun = subprocess.run(ingest_command(batch, db_url), capture_output=True, text=True,
                           check=False)
    assert rerun.returncode == 1, rerun.stderr  # the broken lines are reported again
    assert ledger_snapshot(db_url) == ledger_snapshot(clean_url)
    documents_found, _rejections, claims_found = ledger_snapshot(db_url)
    assert len(documents_found) == RECORDS and len(claims_found) >= RECORDS

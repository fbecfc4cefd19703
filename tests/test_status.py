"""`frontledger status` counts claims by kind and claimant side, the places they name and
the undated ones, in text and in JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from frontledger.cli import app
from frontledger.errors import UsageError
from frontledger.ledger import SqlStore, open_store
from frontledger.ledger.status import StatusReport, read_status
from frontledger.ledger.watched import WatchedSource, all_watched, save_watched
from frontledger.records import Rejection
from tests.analyst_ledger import CLAIMS, PLACES, UNDATED, fill

runner = CliRunner()


def test_status_counts_claims_by_kind_and_side_places_and_undated(store: SqlStore) -> None:
    counts = fill(store).status().claims
    assert counts is not None
    assert (counts.total, counts.places, counts.undated) == (CLAIMS, PLACES, UNDATED)
    assert counts.by_kind_and_side == {"control": {"UA": 2, "RU": 1}, "advance": {"UA": 1},
                                       "clash": {"unknown": 1}, "strike": {"RU": 1}}


def test_status_of_an_empty_ledger_has_zero_claims(store: SqlStore) -> None:
    counts = store.status().claims
    assert counts is not None and (counts.total, counts.places, counts.undated) == (0, 0, 0)
    assert counts.by_kind_and_side == {}


def test_status_command_shows_claim_counts_in_text_and_json(sqlite_url: str) -> None:
    from frontledger.ledger import open_store

    with open_store(sqlite_url) as store:
        fill(store)
    data = json.loads(runner.invoke(app, ["status", "--db", sqlite_url, "--json"]).stdout)
    assert data["claims"]["total"] == CLAIMS and data["claims"]["undated"] == UNDATED
    assert data["claims"]["places"] == PLACES
    assert data["claims"]["by_kind_and_side"]["control"] == {"UA": 2, "RU": 1}
    text = runner.invoke(app, ["status", "--db", sqlite_url]).stdout
    assert f"{CLAIMS} claim(s) about {PLACES} place(s); {UNDATED} undated" in text
    assert "claims by kind and claimant side" in text


def _filled_with_rejections_and_a_watched_source(store: SqlStore) -> SqlStore:
    fill(store)
    for n in range(3):
        store.add_rejection(Rejection(f"feed-{n}.xml", f"entry {n}", "parse", "no content"))
    failed = datetime(2025, 11, 21, 6, 30, 15, 250_000, tzinfo=UTC)
    save_watched(store, WatchedSource("https://news.example/feed", kind="feed",
                                      etag='"v7"', last_polled=failed, last_error="timeout",
                                      last_error_at=failed, failures=2, documents=5))
    save_watched(store, WatchedSource("https://t.me/s/invented", kind="telegram"))
    return store


def test_read_status_answers_as_the_store_does(store: SqlStore) -> None:
    _filled_with_rejections_and_a_watched_source(store)
    report = read_status(store.url, rejection_limit=2)
    assert report == StatusReport(store.status(rejection_limit=2), all_watched(store))
    assert report.ledger.recent_rejections[0].source == "feed-2.xml"
    assert report.watched[0].last_error_at == datetime(2025, 11, 21, 6, 30, 15, 250_000,
                                                       tzinfo=UTC)


def test_read_status_of_a_current_sqlite_ledger_does_not_load_sqlalchemy(
        sqlite_url: str) -> None:
    with open_store(sqlite_url) as store:
        _filled_with_rejections_and_a_watched_source(store)
    program = ("import sys, frontledger.ledger.status as s\n"
               "report = s.read_status(sys.argv[1])\n"
               "print(report.ledger.documents, len(report.watched),"
               " 'sqlalchemy' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", program, sqlite_url], capture_output=True,
                          text=True, timeout=120, check=True,
                          env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert done.stdout.split() == ["2", "2", "False"]


def test_read_status_migrates_an_older_sqlite_ledger_first(tmp_path: Path) -> None:
    from sqlalchemy import create_engine

    from frontledger.ledger.store import upgrade

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    with engine.begin() as conn:
        upgrade(conn, "0005")
    engine.dispose()
    report = read_status(url)
    assert report.ledger.documents == 0 and report.watched == []


def test_read_status_of_a_missing_sqlite_file_says_there_is_no_ledger(
        tmp_path: Path) -> None:
    missing = tmp_path / "typo.db"
    with pytest.raises(UsageError, match="no ledger at"):
        read_status(str(missing))
    assert not missing.exists()

"""Fixtures of the web app's tests: a ledger of invented articles, the app in-process."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from frontledger.ledger import SqlStore, open_store
from frontledger.pipeline import ingest_into
from frontledger.records import Document
from frontledger.serve import ServeSettings, create_app
from tests.serve.ledgers import HOSTILE_RECORD, hand_made_ledger

TOKEN = "test-token-0123456789abcdef"


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[SqlStore,
                                                                      dict[str, Document]]]:
    """The hand-made ledger, plus the hostile article run through the real pipeline."""
    folder = tmp_path_factory.mktemp("ledger")
    store = open_store(f"sqlite:///{folder / 'ledger.db'}")
    documents = hand_made_ledger(store)
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE_RECORD) + "\n", encoding="utf-8")
    report = ingest_into(store, [str(hostile)])
    assert report.stored == 1 and report.claims >= 1
    yield store, documents
    store.close()


@pytest.fixture(scope="module")
def ledger_store(ledger: tuple[SqlStore, dict[str, Document]]) -> SqlStore:
    return ledger[0]


@pytest.fixture(scope="module")
def ledger_documents(ledger: tuple[SqlStore, dict[str, Document]]) -> dict[str, Document]:
    return ledger[1]


@pytest.fixture(scope="module")
def client(ledger_store: SqlStore) -> Iterator[TestClient]:
    with TestClient(create_app(ledger_store)) as test_client:
        yield test_client


def writable_client(tmp_path: Path, **settings: object) -> TestClient:
    """An app over a fresh empty ledger with FRONTLEDGER_TOKEN set."""
    store = open_store(f"sqlite:///{tmp_path / 'writable.db'}")
    return TestClient(create_app(store, ServeSettings(token=TOKEN, **settings)))  # type: ignore[arg-type]

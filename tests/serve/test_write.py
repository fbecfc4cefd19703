"""The write endpoint: posted documents go through the real pipeline into the ledger."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from frontledger.ledger import open_store
from frontledger.serve import ServeSettings, create_app
from tests.serve.conftest import TOKEN, writable_client
from tests.serve.ledgers import ARTICLES, article_claims, article_document

REPORT = {"id": "post-1", "title": "INVENTED: a posted report", "language": "en",
          "outlet": "posted.example", "url": "https://posted.example/1",
          "published": "2025-11-25T10:00:00Z",
          "text": "INVENTED TEST REPORT. The Russian defence ministry said on Tuesday that "
                  "its forces had captured Vovchansk."}
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_posted_document_is_stored_with_its_claims_and_shown_at_once(
        tmp_path: Path) -> None:
    with writable_client(tmp_path) as client:
        assert client.get("/api/control", params={"date": "2025-11-30"}).json()[
            "features"] == []
        result = client.post("/api/documents", json={"documents": [REPORT]}, headers=AUTH)
        assert result.status_code == 200
        body = result.json()
        assert body["ok"] is True and body["stored"] == 1 and body["claims"] >= 1
        control = client.get("/api/control", params={"date": "2025-11-30"}).json()
        assert [f["properties"]["name"] for f in control["features"]] == ["Vovchansk"]
        document = client.get(f"/api/documents/{body['document_ids'][0]}").json()
        assert document["external_id"] == "post-1" and document["text"] == REPORT["text"]


def test_posting_the_same_text_twice_stores_it_once(tmp_path: Path) -> None:
    with writable_client(tmp_path) as client:
        client.post("/api/documents", json={"documents": [REPORT]}, headers=AUTH)
        again = client.post("/api/documents", json={"documents": [REPORT]}, headers=AUTH)
        assert again.json()["stored"] == 0 and again.json()["already_present"] == 1
        assert client.get("/api/stats").json()["documents"] == 1


def test_a_rejected_record_is_reported_and_the_rest_go_in(tmp_path: Path) -> None:
    blank = {"text": "   \n  ", "title": "nothing to read"}
    with writable_client(tmp_path) as client:
        body = client.post("/api/documents", json={"documents": [blank, REPORT]},
                           headers=AUTH).json()
        assert body["stored"] == 1
        assert [r["locator"] for r in body["rejections"]] == ["item 0"]
        assert client.get("/api/stats").json()["rejections"] == 1


def test_documents_stored_by_another_process_show_after_the_next_check(
        tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'shared.db'}")
    documents = [article_document(a) for a in ARTICLES]
    store.add_document(documents[0], [], article_claims(documents[0], ARTICLES[0]))
    settings = ServeSettings(check_seconds=0)
    with TestClient(create_app(store, settings)) as client:
        def places() -> list[str]:
            body = client.get("/api/control", params={"date": "2025-11-30"}).json()
            return [f["properties"]["name"] for f in body["features"]]

        assert places() == ["Kupyansk"]
        assert places() == ["Kupyansk"]  # a kept answer
        writer = open_store(f"sqlite:///{tmp_path / 'shared.db'}")  # like `ingest`
        writer.add_document(documents[2], [], article_claims(documents[2], ARTICLES[2]))
        writer.close()
        assert places() == ["Kupyansk", "Pokrovsk"]
    store.close()


def test_claims_swapped_by_reprocess_in_another_process_show_after_the_next_check(
        tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'shared.db'}")
    documents = [article_document(a) for a in ARTICLES]
    for document, article in zip(documents[:3:2], ARTICLES[:3:2], strict=True):
        store.add_document(document, [], article_claims(document, article))
    with TestClient(create_app(store, ServeSettings(check_seconds=0))) as client:
        def places() -> list[str]:
            body = client.get("/api/control", params={"date": "2025-11-30"}).json()
            return [f["properties"]["name"] for f in body["features"]]

        assert places() == ["Kupyansk", "Pokrovsk"]
        writer = open_store(f"sqlite:///{tmp_path / 'shared.db'}")  # like `reprocess`
        writer.replace_analysis(documents[2].id, [], [], extractor="v2")
        writer.close()
        assert client.get("/api/stats").json()["documents"] == 2  # no document added
        assert places() == ["Kupyansk"]
    store.close()

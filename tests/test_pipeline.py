"""The pipeline's batch boundaries: one document's failing analysis never stops a run."""

from __future__ import annotations

from pathlib import Path

from frontledger.ledger import open_store
from frontledger.pipeline import analyse, ingest_into, reprocess
from frontledger.records import Claim, Document, PlaceMention

TEXTS = ['{"id": "a", "language": "en", "text": "Russian forces captured Pokrovsk, Moscow said."}',
         '{"id": "b", "language": "en", "text": "BOOM: this one breaks the analyser."}']


def failing_on_boom(document: Document) -> tuple[list[PlaceMention], list[Claim]]:
    if "BOOM" in document.text:
        raise RuntimeError("analyser exploded")
    return analyse(document)


def test_reprocess_keeps_a_document_whose_analysis_fails_and_goes_on(tmp_path: Path) -> None:
    source = tmp_path / "batch.jsonl"
    source.write_text("\n".join(TEXTS) + "\n", encoding="utf-8")
    with open_store(f"sqlite:///{tmp_path / 'l.db'}") as store:
        report = ingest_into(store, [str(source)], analyser=failing_on_boom)
        assert (report.stored, report.claims, len(report.rejections)) == (2, 1, 1)
        # a new extractor version: both are stale; "b" fails again, "a" is redone
        assert reprocess(store, analyser=failing_on_boom, version="next") == 1
        reasons = [r.reason for r in store.status().recent_rejections]
        assert any("re-analysis failed (RuntimeError: analyser exploded)" in r for r in reasons)
        assert len(store.claims()) == 1
        assert [d.external_id for d in store.stale_documents("next")] == ["b"]

"""Defect 3 of issue 10: one document's analysis is bounded in time; over its budget it
becomes an `analyse` rejection and the document is stored unanalysed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontledger import budget
from frontledger.budget import analysis_budget, budget_paused, check_budget
from frontledger.errors import AnalysisOverBudget
from frontledger.ledger import open_store
from frontledger.pipeline import EXTRACTOR_VERSION, ingest_into
from frontledger.records import Claim, Document, PlaceMention


class Clock:
    """A clock the test moves by hand: no test waits for real time."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_the_budget_is_spent_only_after_its_seconds() -> None:
    clock = Clock()
    with analysis_budget(5.0, clock):
        clock.now = 5.0
        check_budget()
        clock.now = 5.1
        with pytest.raises(AnalysisOverBudget) as raised:
            check_budget()
    assert raised.value.stage == "analyse"
    check_budget()  # outside a budget: nothing to spend


def test_an_over_budget_document_is_stored_unanalysed_with_an_analyse_rejection(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    clock = Clock()
    real_budget = budget.analysis_budget
    monkeypatch.setattr("frontledger.parallel.analysis_budget",
                        lambda: real_budget(budget.ANALYSIS_SECONDS, clock))

    def slow_on_marker(document: Document) -> tuple[list[PlaceMention], list[Claim]]:
        if "endless" in document.text:
            clock.now += budget.ANALYSIS_SECONDS + 1
        check_budget()
        return [], []

    path = tmp_path / "two.jsonl"
    path.write_text("\n".join(json.dumps({"id": i, "text": t}) for i, t in (
        ("quick", "A short invented note about Bakhmut."),
        ("slow", "An endless invented chronicle about Toretsk."))) + "\n", encoding="utf-8")
    with open_store(f"sqlite:///{tmp_path / 'l.db'}") as store:
        report = ingest_into(store, [str(path)], analyser=slow_on_marker)
        assert report.stored == 2
        [rejection] = report.rejections
        assert (rejection.locator, rejection.stage) == ("line 2", "analyse")
        assert "budget" in rejection.reason
        assert [d.external_id for d in store.documents()] == ["quick", "slow"]
        assert [d.external_id for d in store.stale_documents(EXTRACTOR_VERSION)] == ["slow"]


def test_loading_shared_resources_is_not_charged_to_the_document() -> None:
    clock = Clock()
    with analysis_budget(5.0, clock):
        with budget_paused():
            clock.now = 60.0  # building the place index on a fresh install
        clock.now = 64.0
        check_budget()
        clock.now = 65.5
        with pytest.raises(AnalysisOverBudget):
            check_budget()

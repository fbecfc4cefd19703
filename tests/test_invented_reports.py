"""The claims stage keeps its scores on whole invented reports (`tests/fixtures/reports`,
one folder per language): long articles with several claimants, denials that point back,
lists and hard negatives, annotated under the evaluation rules before the extractor saw
them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontledger.claims import extract_article
from frontledger.evaluation import evaluate, read_jsonl

REPORTS = Path(__file__).parent / "fixtures" / "reports"
CORPORA = sorted(path for path in REPORTS.iterdir() if (path / "articles.jsonl").exists())


def test_invented_report_corpora_exist_and_are_complete():
    assert CORPORA, f"no invented report corpus under {REPORTS}"
    for corpus in CORPORA:
        assert {p.name for p in corpus.iterdir()} >= {"articles.jsonl", "gold.jsonl",
                                                       "floor.json"}, corpus.name


@pytest.mark.parametrize("corpus", CORPORA, ids=[path.name for path in CORPORA])
def test_claims_stage_keeps_its_scores_on_invented_reports(corpus: Path):
    articles = read_jsonl(corpus / "articles.jsonl")
    gold = {answer["id"]: answer for answer in read_jsonl(corpus / "gold.jsonl")}
    assert {article["id"] for article in articles} == set(gold)
    floor = json.loads((corpus / "floor.json").read_text(encoding="utf-8"))
    scores = evaluate(articles, gold, extract_article).overall
    details = scores.claim_details
    reached = {"claims_f1": scores.claims.f1, "places_f1": scores.places.f1,
               "claimant_side": details.claimant_side_right / details.matched,
               "date": details.date_right / details.matched}
    assert all(reached[name] >= floor[name] for name in floor), (floor, reached)

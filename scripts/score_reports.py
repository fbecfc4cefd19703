"""Scores of the claims stage on every invented report corpus, and on each batch together.

    .venv/bin/python scripts/score_reports.py [tests/fixtures/reports]

One line per corpus folder (`<lang>` is the first batch, `<lang>2` the second), then the
pooled scores of each batch: claims precision / recall / F1 (with tp, fp, fn), claimant
side and exact date over matched claims, places F1. The same scoring as `frontledger eval`
(`frontledger.evaluation.evaluate`).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from frontledger.claims import extract_article
from frontledger.evaluation import evaluate, read_jsonl

DEFAULT_REPORTS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "reports"


def _line(name: str, articles: list[dict[str, Any]], gold: dict[str, dict[str, Any]]) -> str:
    scores = evaluate(articles, gold, extract_article).overall
    claims, details = scores.claims, scores.claim_details
    matched = max(details.matched, 1)
    return (f"{name:8} {scores.articles:3} articles  claims P {claims.precision:.3f} "
            f"R {claims.recall:.3f} F1 {claims.f1:.3f} (tp {claims.tp} fp {claims.fp} "
            f"fn {claims.fn})  side {details.claimant_side_right / matched:.3f}  "
            f"date {details.date_right / matched:.3f}  places {scores.places.f1:.3f}")


def main(root: Path) -> None:
    batches: dict[str, tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]] = {}
    for corpus in sorted(p for p in root.iterdir() if (p / "gold.jsonl").exists()):
        articles = read_jsonl(corpus / "articles.jsonl")
        gold = {answer["id"]: answer for answer in read_jsonl(corpus / "gold.jsonl")}
        print(_line(corpus.name, articles, gold))
        batch = "batch " + (corpus.name[2:] or "1")
        pooled_articles, pooled_gold = batches.setdefault(batch, ([], {}))
        pooled_articles.extend(articles)
        pooled_gold.update(gold)
    for batch, (articles, gold) in sorted(batches.items()):
        print(_line(batch, articles, gold))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_REPORTS)

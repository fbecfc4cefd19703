"""Places in general news beyond the war: ours beside a naive gazetteer lookup.

    .venv/bin/python benchmarks/places_world.py [--corpus PATH] [--misses]

The corpus (`tests/fixtures/places/world_news.jsonl`, invented paragraphs in en, fr, es
and de about summits, trade, weather, sport and elections) names world cities, capitals,
countries, US states and rivers literally, beside hard negatives: people and clubs named
like places ("Paris Hilton", "Real Madrid"), companies ("Apple", "Amazon"), capitals that
stand for their governments ("Washington imposed tariffs"). Its gold lists the literal
places only, in the evaluation set's format. Scored as `frontledger eval` scores places
(metonyms left out of ours, as there); the naive lookup matches every gazetteer name as a
whole word starting with a capital, longest first, and takes a country, then a region,
then the most populous entry of that name. Prints P/R/F1 per language and overall.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from frontledger import evaluation as ev
from frontledger.places import default_gazetteer, geoparse
from frontledger.places.gazetteer import REGION_BASE, Gazetteer, GazetteerEntry
from frontledger.places.normalize import fold, tokenize

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "places" / "world_news.jsonl"
NAIVE_MAX_WORDS = 5
"""Longest name the naive lookup tries, in words (as the recogniser's MAX_WORDS)."""
KIND_RANK = {"country": 3, "region": 2, "river": 1, "other": 1, "populated_place": 0}


def _naive_choice(entries: list[GazetteerEntry]) -> GazetteerEntry:
    return max(entries, key=lambda e: (KIND_RANK[e.kind], e.population))


def naive(gaz: Gazetteer, text: str) -> list[dict[str, Any]]:
    """Every gazetteer name as a whole word with a capital, longest first, no overlaps."""
    words = tokenize(text)
    out, i = [], 0
    while i < len(words):
        found = None
        if text[words[i][0]].isupper():
            for j in range(min(len(words), i + NAIVE_MAX_WORDS) - 1, i - 1, -1):
                name = fold(text[words[i][0]:words[j][1]])
                entries = [gaz.entry(p // 4) for p in gaz.lookup(name) if p % 4 != REGION_BASE]
                if entries:
                    found = (j, _naive_choice(entries))
                    break
        if found is None:
            i += 1
            continue
        j, entry = found
        out.append({"name": entry.name, "kind": entry.kind, "geonameid": entry.geonameid,
                    "iso3166_2": entry.iso3166_2, "surface": text[words[i][0]:words[j][1]]})
        i = j + 1
    return out


def ours(text: str, language: str) -> list[dict[str, Any]]:
    """Our geoparse, metonyms left out (as `frontledger eval` scores places)."""
    return [{"name": m.name, "kind": m.kind, "geonameid": m.geonameid,
             "iso3166_2": m.iso3166_2, "surface": m.surface}
            for m in geoparse(text, language) if not m.metonym]


def score(records: list[dict[str, Any]], predict: Any, misses: bool = False
          ) -> dict[str, ev.Counts]:
    """Counts per language and overall."""
    totals: dict[str, ev.Counts] = {}
    for record in records:
        predicted = predict(record)
        counts = ev.score_places(record["places"], predicted)
        for key in (record["language"], "overall"):
            total = totals.setdefault(key, ev.Counts())
            total.tp, total.fp, total.fn = (total.tp + counts.tp, total.fp + counts.fp,
                                            total.fn + counts.fn)
        if misses and (counts.fp or counts.fn):
            gold = {(p["surface"], p["geonameid"] or p["iso3166_2"]) for p in record["places"]}
            got = {(p["surface"], p["geonameid"] or p["iso3166_2"]) for p in predicted}
            print(f"  {record['id']}: missed {sorted(gold - got, key=str)} "
                  f"extra {sorted(got - gold, key=str)}")
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--misses", action="store_true", help="List each article's errors.")
    parser.add_argument("--json", action="store_true", help="Also print the figures as JSON.")
    args = parser.parse_args()
    records = ev.read_jsonl(args.corpus)
    gaz = default_gazetteer()
    results = {}
    for name, predict in (("naive lookup", lambda r: naive(gaz, r["text"])),
                          ("frontledger", lambda r: ours(r["text"], r["language"]))):
        if args.misses:
            print(name)
        results[name] = score(records, predict, args.misses)
    print(f"{'system':<14}{'slice':<9}{'P':>7}{'R':>7}{'F1':>7}{'tp':>5}{'fp':>5}{'fn':>5}")
    for name, totals in results.items():
        for key in sorted(totals, key=lambda k: (k != "overall", k)):
            c = totals[key]
            print(f"{name:<14}{key:<9}{c.precision:>7.3f}{c.recall:>7.3f}{c.f1:>7.3f}"
                  f"{c.tp:>5}{c.fp:>5}{c.fn:>5}")
    if args.json:
        print(json.dumps({name: {k: {"p": c.precision, "r": c.recall, "f1": c.f1}
                                 for k, c in totals.items()}
                          for name, totals in results.items()}))


if __name__ == "__main__":
    main()

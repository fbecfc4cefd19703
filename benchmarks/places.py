"""Benchmark of the places stage, beside the baseline a user would otherwise assemble.

    .venv/bin/python benchmarks/places.py [--articles PATH] [--gold PATH]

Measures, once the index is built: cold-start time of geoparsing one article in a fresh
interpreter, throughput on ~3 KB articles on one core, peak memory; and, on the French
articles, speed and F1 of ours against spaCy fr_core_news_sm NER + a gazetteer lookup of
each LOC entity (install with `pip install -e .[bench]`). Prints one table.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from sizing import grown

from frontledger import evaluation as ev
from frontledger.places import default_gazetteer, geoparse, index_files
from frontledger.places.gazetteer import REGION_BASE, Gazetteer
from frontledger.places.normalize import fold

EVAL_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "dev"
ROUND_SECONDS = 0.6
ROUNDS = 5
"""Throughput is the best of ROUNDS rounds of at least ROUND_SECONDS each: on a shared
machine the best round is the one least disturbed by other processes."""
FALLBACK_TEXTS = [
    ("en", "Russian forces took Myrnohrad and Rodynske in the Donetsk region, while Kyiv "
           "said its troops still held Kupiansk and the village of Vilne near the Oskil. "),
    ("fr", "Les combats font rage à Koupiansk et dans la région de Donetsk; Moscou affirme "
           "avoir pris Pokrovsk, ce que Kiev dément. "),
    ("ru", "Бои идут под Покровском, в Купянске и в Донецкой области, сообщили в Генштабе. "),
    ("uk", "Ворог атакує під Покровськом, у Куп'янську та на Харківщині, у селі Вільне. "),
]


def _articles(path: Path) -> list[dict[str, Any]]:
    if path.exists():
        return ev.read_jsonl(path)
    return [{"id": f"f{i}", "language": lang, "text": text * 8}
            for i, (lang, text) in enumerate(FALLBACK_TEXTS)]


def _sized(articles: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """Articles grown to 3 KB by repeating their own paragraphs."""
    out = []
    for article in articles:
        out.append((grown([article["text"]]), article.get("language") or "en"))
    return out



def throughput(texts: list[tuple[str, str]]) -> tuple[float, float]:
    """Articles per second of wall time and per CPU second (one core), index loaded; best
    round of each."""
    best_wall = best_cpu = 0.0
    for _round in range(ROUNDS):
        done, started, cpu = 0, time.perf_counter(), time.process_time()
        while time.perf_counter() - started < ROUND_SECONDS:
            for text, lang in texts:
                geoparse(text, lang)
            done += len(texts)
        best_wall = max(best_wall, done / (time.perf_counter() - started))
        best_cpu = max(best_cpu, done / (time.process_time() - cpu))
    return best_wall, best_cpu


def cold_start(text: str, lang: str) -> tuple[float, float]:
    """Wall and CPU seconds for a fresh interpreter to geoparse one article (index built)."""
    code = ("import sys, json; from frontledger.places import geoparse; "
            "print(json.dumps([m.surface for m in geoparse(sys.stdin.read(), sys.argv[1])]))")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, lang], input=text, text=True, check=True,
                   capture_output=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def spacy_baseline(gaz: Gazetteer) -> Any:
    """spaCy fr_core_news_sm NER; each LOC/GPE entity looked up, most populous entry wins."""
    import spacy

    nlp = spacy.load("fr_core_news_sm")

    def predict(article: dict[str, Any]) -> dict[str, Any]:
        places = []
        for ent in nlp(article["text"]).ents:
            if ent.label_ not in ("LOC", "GPE"):
                continue
            entries = [gaz.entry(p // 4) for p in gaz.lookup(fold(ent.text))
                       if p % 4 != REGION_BASE]
            if entries:
                best = max(entries, key=lambda e: (e.kind != "populated_place", e.population))
                places.append({"name": best.name, "kind": best.kind,
                               "geonameid": best.geonameid, "iso3166_2": best.iso3166_2})
        return {"id": article["id"], "places": places}

    return predict


def _timed_eval(articles, gold, predict) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    report = ev.evaluate(articles, gold, predict)
    return report.overall.places.f1, len(articles) / (time.perf_counter() - started)


Row = tuple[str, str, str]


def speed_rows(articles: list[dict[str, Any]]) -> list[Row]:
    """Load, cold start, throughput and memory of our geoparser."""
    started = time.perf_counter()
    default_gazetteer()
    load_s = time.perf_counter() - started
    texts = _sized(articles)
    wall, cpu = throughput(texts)
    cold_wall, cold_cpu = cold_start(*texts[0])
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return [("index load (s)", f"{load_s:.2f}", "—"),
            ("cold start, one article, wall (s)", f"{cold_wall:.2f}", "≤ 2"),
            ("cold start, one article, CPU (s)", f"{cold_cpu:.2f}", ""),
            ("3 KB articles per CPU second", f"{cpu:.0f}", "≥ 300 (one core)"),
            ("3 KB articles per wall second", f"{wall:.0f}", "(shared machine)"),
            ("peak memory, ours (MB)", f"{peak_mb:.0f}", "≤ 600")]


def french_rows(articles: list[dict[str, Any]], gold_path: Path) -> list[Row]:
    """F1 and speed on the French articles: ours beside spaCy NER + gazetteer lookup."""
    french = [a for a in articles if a.get("language") == "fr"]
    gold = {g["id"]: g for g in ev.read_jsonl(gold_path)}
    ours_f1, ours_speed = _timed_eval(french, gold, ev.places_predictor)
    rows = [("fr F1: ours", f"{ours_f1:.3f}", f"{ours_speed:.0f} art/s")]
    try:
        base_f1, base_speed = _timed_eval(french, gold, spacy_baseline(default_gazetteer()))
    except (ImportError, OSError) as exc:
        return [*rows, ("fr F1: spaCy baseline", "not run", f"{exc}"[:40])]
    return [*rows, ("fr F1: spaCy sm NER + lookup", f"{base_f1:.3f}",
                    f"{base_speed:.0f} art/s")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=Path, default=EVAL_DIR / "articles.jsonl")
    parser.add_argument("--gold", type=Path, default=EVAL_DIR / "gold.jsonl")
    parser.add_argument("--json", action="store_true", help="Also print the table as JSON.")
    args = parser.parse_args()
    if not index_files.index_path().exists():
        index_files.build()  # the bars are "once the index is built"
    articles = _articles(args.articles)
    rows = speed_rows(articles)
    if args.gold.exists():
        rows += french_rows(articles, args.gold)
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'value':>8}  bar / speed")
    for name, value, note in rows:
        print(f"{name:<{width}}  {value:>8}  {note}")
    if args.json:
        print(json.dumps({r[0]: r[1] for r in rows}, ensure_ascii=False))


if __name__ == "__main__":
    main()

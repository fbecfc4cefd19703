"""Where geoparse + extract spend their CPU: a cProfile of `benchmarks/claims.py`'s work.

    .venv/bin/python benchmarks/claims_profile.py [--articles 200] [--top 15]
                                                  [--profile PATH]

The same ~3 KB articles as benchmarks/claims.py (the fixture sentences of four languages,
or --jsonl), after the same warm-up (index opened, every language's lexicon loaded).
Prints articles per CPU second without the profiler, then the top functions by
cumulative and by own time of one profiled pass; --profile keeps the .prof file (for
snakeviz or `python -m pstats`).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import time
from pathlib import Path

from claims import articles, from_jsonl, geoparser
from frontledger.claims import extract


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--jsonl", type=Path)
    parser.add_argument("--profile", type=Path, help="where to keep the .prof file")
    options = parser.parse_args()
    documents = (from_jsonl(options.jsonl, options.articles) if options.jsonl
                 else articles(options.articles))
    parse = geoparser(False)
    for document in {d.language: d for d in documents}.values():  # load index, lexicons
        extract(document, parse(document.text, document.language))
    started = time.process_time()
    for document in documents:
        extract(document, parse(document.text, document.language))
    rate = len(documents) / (time.process_time() - started)
    print(f"geoparse + extract: {rate:.1f} articles per CPU second (no profiler)")
    profile = cProfile.Profile()
    profile.enable()
    for document in documents:
        extract(document, parse(document.text, document.language))
    profile.disable()
    if options.profile:
        profile.dump_stats(options.profile)
    for order in ("cumulative", "tottime"):
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats(order).print_stats(options.top)
        print(f"\n== top {options.top} by {order} ==")
        print("\n".join(line for line in out.getvalue().splitlines()
                        if line.strip() and "Ordered by" not in line))


if __name__ == "__main__":
    main()

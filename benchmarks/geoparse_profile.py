"""Where geoparse alone spends its CPU: a cProfile of the places stage on `claims.py`'s articles.

    .venv/bin/python benchmarks/geoparse_profile.py [--articles 200] [--top 30] [--profile PATH]

The same ~3 KB articles as benchmarks/claims.py, after a warm-up of one article per
language (index opened, lexicons loaded). Prints milliseconds of CPU per article without
the profiler (best of three passes), then the top functions by cumulative and by own time
of one profiled pass; --profile keeps the .prof file (for snakeviz or `python -m pstats`).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import time
from pathlib import Path

from claims import articles
from frontledger.places import geoparse

PASSES = 3
"""Unprofiled passes; the best is printed (the one least disturbed on a shared machine)."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--profile", type=Path, help="where to keep the .prof file")
    options = parser.parse_args()
    documents = articles(options.articles)
    for document in {d.language: d for d in documents}.values():  # load index, lexicons
        geoparse(document.text, document.language)
    best = float("inf")
    for _ in range(PASSES):
        started = time.process_time()
        for document in documents:
            geoparse(document.text, document.language)
        best = min(best, time.process_time() - started)
    print(f"geoparse: {best / len(documents) * 1000:.3f} ms of CPU per article, "
          f"{len(documents) / best:.0f} articles per CPU second (no profiler)")
    profile = cProfile.Profile()
    profile.enable()
    for document in documents:
        geoparse(document.text, document.language)
    profile.disable()
    if options.profile:
        profile.dump_stats(options.profile)
    source = str(Path(__file__).resolve().parent.parent / "src") + "/"
    for order in ("cumulative", "tottime"):
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats(order).print_stats(options.top)
        print(f"\n== top {options.top} by {order} ==")
        print("\n".join(line.replace(source, "") for line in out.getvalue().splitlines()
                        if line.strip() and "Ordered by" not in line))


if __name__ == "__main__":
    main()

"""Instructions an article costs geoparse + extract, counted by callgrind (load-independent).

    .venv/bin/python benchmarks/claims_callgrind.py [--articles 48] [--stage both|geoparse]

Runs the work of benchmarks/claims.py (the same ~3 KB articles, after the same warm-up:
index opened, every language's lexicon loaded) under valgrind's callgrind twice, once
without the measured articles and once with them; the difference divided by the articles
is what one article costs. `--stage geoparse` counts geoparse alone (extract is then the
difference of the two stages). Needs valgrind; takes minutes (callgrind runs ~50x slower).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from claims import articles, geoparser
from frontledger.claims import extract

WARM_UP = 16
"""Articles run before the measured ones (two of each of the eight languages)."""


def work(count: int, stage: str) -> None:
    """Warm up, then geoparse (and extract) `count` articles."""
    documents = articles(WARM_UP + count)
    parse = geoparser(False)
    for document in documents[:WARM_UP]:
        extract(document, parse(document.text, document.language))
    for document in documents[WARM_UP:]:
        places = parse(document.text, document.language)
        if stage == "both":
            extract(document, places)


def instructions(count: int, stage: str) -> int:
    """Instructions of a fresh process doing `work(count, stage)`."""
    with tempfile.TemporaryDirectory() as folder:
        out_file = Path(folder) / "callgrind.out"
        done = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out_file}",
             sys.executable, __file__, "--work", str(count), "--stage", stage],
            capture_output=True, text=True, env=os.environ.copy(), check=False)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"callgrind failed: {done.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=48)
    parser.add_argument("--stage", choices=("both", "geoparse"), default="both")
    parser.add_argument("--work", type=int, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.work is not None:
        work(options.work, options.stage)
        return
    base = instructions(0, options.stage)
    total = instructions(options.articles, options.stage)
    per_article = (total - base) / options.articles
    label = "geoparse + extract" if options.stage == "both" else "geoparse"
    print(f"{label}: {per_article / 1e6:.1f} M instructions an article "
          f"({options.articles} articles after warm-up; {base / 1e9:.2f} G without them)")


if __name__ == "__main__":
    main()

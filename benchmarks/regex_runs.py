"""Fuzz every regular expression frontledger runs with long runs of one character class.

A pattern that backtracks (a quantified group followed by something that may fail, tried
at every offset) takes time quadratic in such a run: 100 KB of "!" or of digits froze a
whole analysis. This script gathers every compiled pattern of the package (module
constants, every lexicon, the theaters' side names, the date words, the place lexicons,
the finders `text.scanning` builds), times `finditer` over runs of RUN_CHARS and twice as
many characters, and prints those slower than SLOW_SECONDS with their growth (about 2
for linear, 4 for quadratic).

    python benchmarks/regex_runs.py [--chars 20000]
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import time
from collections.abc import Iterator
from dataclasses import fields, is_dataclass
from typing import Any

import frontledger

# What each run repeats: punctuation, digits with separators, letters of each script,
# spaces, quotes and dashes, and short words (a pattern may need a word before it fails).
RUNS = ["!", ".", "…", "?", "1", "1,", "1.", "1 ", "a", "A", "а", "Я", "é", " ", "\t",
        "-", "—", "«", "»", "\"", "'", "(", "a ", "а ", "ab. ", "1 of ", "% ", "\n", "x,"]
SLOW_SECONDS = 0.05
"""Above this for a 20,000-character run a pattern is reported (linear ones take ~1 ms)."""


def _walk(name: str, value: Any, seen: set[int],
          depth: int = 0) -> Iterator[tuple[str, re.Pattern[Any]]]:
    """The patterns held in `value`, inside dataclasses, tuples, lists and dicts."""
    if depth > 4 or id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, re.Pattern):
        yield name, value
    elif is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            yield from _walk(f"{name}.{f.name}", getattr(value, f.name), seen, depth + 1)
    elif isinstance(value, tuple | list):
        for i, item in enumerate(value):
            yield from _walk(f"{name}[{i}]", item, seen, depth + 1)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(f"{name}[{key!r}]", item, seen, depth + 1)


def patterns() -> Iterator[tuple[str, re.Pattern[Any]]]:
    """Every compiled pattern reachable from the package's modules and data loaders."""
    seen: set[int] = set()

    def walk(name: str, value: Any) -> Iterator[tuple[str, re.Pattern[Any]]]:
        return _walk(name, value, seen)

    for info in pkgutil.walk_packages(frontledger.__path__, "frontledger."):
        if ".migrations" in info.name or info.name.endswith(".__main__"):
            continue
        module = importlib.import_module(info.name)
        for attr, value in vars(module).items():
            yield from walk(f"{info.name}.{attr}", value)
    from frontledger.claims.resources import load_lexicon, load_theater
    from frontledger.places.lexicon import available_languages, lexicon
    from frontledger.text.dates import date_words
    from frontledger.text.sentences import _patterns
    yield from walk("sentence splitter", _patterns())
    for language in available_languages():
        yield from walk(f"claims lexicon {language}", load_lexicon(language))
        yield from walk(f"places lexicon {language}", lexicon(language))
        yield from walk(f"date words {language}", date_words(language))
    yield from walk("theater ru-ua", load_theater())


def timed(pattern: re.Pattern[Any], text: str) -> float:
    """CPU seconds to find every match, the way the analysis does: lexicon patterns
    through `text.scanning` (its finder may backtrack where the pattern does not), the
    others with `finditer`."""
    from frontledger.text.scanning import finditer
    start = time.process_time()
    if isinstance(pattern.pattern, bytes):
        list(pattern.finditer(text.encode()))
    else:
        list(pattern.finditer(text))
        finditer(pattern, text)
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chars", type=int, default=20_000)
    parser.add_argument("--slow", type=float, default=SLOW_SECONDS,
                        help="report patterns slower than this many CPU seconds")
    args = parser.parse_args()
    tried = slow = 0
    for name, pattern in patterns():
        for run in RUNS:
            text = run * (args.chars // len(run))
            tried += 1
            once = timed(pattern, text)
            if once < args.slow:
                continue
            slow += 1
            twice = timed(pattern, text + text) if once < 1 else float("nan")
            print(f"{once:7.3f}s  x{twice / once:4.1f}  {run!r:8} {name}: "
                  f"{pattern.pattern[:90]!r}", flush=True)
    print(f"{tried} pattern × run pairs tried, {slow} slower than {args.slow}s "
          f"on {args.chars} characters (CPU time)")


if __name__ == "__main__":
    main()

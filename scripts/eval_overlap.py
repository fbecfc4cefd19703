"""List the places in the project's files that share eight words in a row with an
evaluation article (../shared/eval/*/articles.jsonl), across line breaks.

Fixtures, comments and docs are written in our own words: a shared run of eight words is
a copied sentence. Usage, from the checkout: python scripts/eval_overlap.py [FILE ...]
(default: every tracked source, test, benchmark and README file). Exits 1 when it finds
one, 0 when none, 2 when the evaluation sets are not there.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

RUN = 8
"""Words in a row that make a copy (shorter runs are common phrases: "the Russian defence
ministry said")."""
EVAL = next((parent / "shared" / "eval" for parent in Path(__file__).resolve().parents[1:]
             if (parent / "shared" / "eval").is_dir()),
            Path(__file__).resolve().parents[1].parent / "shared" / "eval")
"""The evaluation sets beside the checkout (or beside any folder above it: a worktree)."""
SUFFIXES = (".py", ".toml", ".json", ".jsonl", ".txt", ".md")


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def evaluation_runs() -> dict[tuple[str, ...], str]:
    runs: dict[tuple[str, ...], str] = {}
    for articles in sorted(EVAL.glob("*/articles.jsonl")):
        for line in articles.read_text(encoding="utf-8").splitlines():
            article = json.loads(line)
            said = words(article["text"] + " " + (article.get("title") or ""))
            for i in range(len(said) - RUN + 1):
                runs[tuple(said[i:i + RUN])] = article["id"]
    return runs


def tracked() -> list[str]:
    listed = subprocess.run(["git", "ls-files", "src", "tests", "benchmarks", "scripts",
                             "README.md"], capture_output=True, text=True, check=True)
    return [name for name in listed.stdout.split() if name.endswith(SUFFIXES)]


def main(files: list[str]) -> int:
    if not EVAL.is_dir():
        print(f"no evaluation sets at {EVAL}", file=sys.stderr)
        return 2
    runs = evaluation_runs()
    found = 0
    for name in files or tracked():
        said = words(Path(name).read_text(encoding="utf-8"))
        for i in range(len(said) - RUN + 1):
            article = runs.get(tuple(said[i:i + RUN]))
            if article is not None:
                found += 1
                print(f"{name}: {' '.join(said[i:i + RUN])} [{article}]")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

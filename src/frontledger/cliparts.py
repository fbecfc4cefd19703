"""Pieces every CLI command module shares: the consoles, the common options, and the one
way our exceptions become a message and an exit code (1 failed, 2 usage error)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from frontledger.errors import FrontledgerError, UsageError

out = Console()
err = Console(stderr=True)

DbOption = Annotated[str | None, typer.Option(
    "--db", envvar="FRONTLEDGER_DB",
    help="Ledger database: a SQLite path or URL, or postgresql://… "
         "(default ./frontledger.db).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead.")]


def fail(exc: FrontledgerError) -> typer.Exit:
    """Print `exc` on standard error and return the Exit to raise."""
    err.print(f"[red]error:[/red] {exc}", markup=True, highlight=False)
    return typer.Exit(2 if isinstance(exc, UsageError) else 1)

"""Command-line interface: a thin layer over the library, one module per command group.

Each command checks its arguments, calls one library function and turns our exceptions
into a message and an exit status through `common.fail`: 0 done, 1 some inputs were
rejected (or the ledger refused a write), 2 usage or configuration error, 3 the database
is unavailable. Stage packages know nothing of typer or rich; only this package does.

    pipeline    ingest, run, reprocess         places      gazetteer, geoparse
    status      status                         claims      extract
    evaluation  eval                           ledger      timeline, control, events,
    serve       serve  (frontledger[serve])                trackrecord, export
    watch       watch                          progress    the run's progress bar
    coercion    option values without pydantic
"""

from __future__ import annotations

import copy
import gc
import logging
import sys
from typing import Annotated

import typer
from typer.main import get_command_name
from typer.models import CommandInfo

from frontledger.cli import claims, evaluation, ledger, pipeline, places, serve, status, watch
from frontledger.cli.coercion import PlainValuesGroup
from frontledger.cli.common import out

app = typer.Typer(help="frontledger: a source-tracked ledger of territorial-control claims.",
                  cls=PlainValuesGroup, no_args_is_help=True, rich_markup_mode=None,
                  add_completion=False)


def _version(value: bool) -> None:
    if value:
        from frontledger import __version__

        out.print(f"frontledger {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """frontledger: turn war reports into a ledger of who claims to hold which place."""


# In the order `frontledger --help` lists them: the flow first, then the questions.
for _group in (pipeline, status, places, evaluation, claims, ledger, serve, watch):
    _group.register(app)


def for_arguments(args: list[str]) -> typer.Typer:
    """`app`, with only the command `args` start with when they name one: Typer makes
    every registered command's options before it parses (a sixth of `status`'s
    instructions); the one that runs behaves, helps and fails the same. Anything else
    (a global option first, no command, a mistyped one) gets the whole app."""
    wanted = args[0] if args else None
    if wanted is None or wanted.startswith("-"):
        return app
    commands = [c for c in app.registered_commands if _command_name(c) == wanted]
    groups = [g for g in app.registered_groups if g.name == wanted]
    if not commands and not groups:
        return app
    one = copy.copy(app)
    one.registered_commands, one.registered_groups = commands, groups
    return one


def _command_name(info: CommandInfo) -> str | None:
    if info.name:
        return info.name
    return get_command_name(info.callback.__name__) if info.callback else None


def main() -> None:
    """Entry point of the `frontledger` command."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logging.getLogger("frontledger").addHandler(handler)
    logging.getLogger("frontledger").setLevel(logging.INFO)
    try:
        for_arguments(sys.argv[1:])()
    except BrokenPipeError:  # `frontledger status | head`
        sys.stderr.close()
    finally:
        # The process ends with the command: the collector's passes over every object at
        # exit (about 6% of an `extract`'s instructions) would only free memory the
        # process gives back anyway. Files and the ledger are closed by then, by their
        # `with` blocks; standard streams are flushed at exit as usual.
        gc.freeze()


__all__ = ["app", "for_arguments", "main"]

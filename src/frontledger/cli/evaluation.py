"""`frontledger eval`: score the pipeline against gold answers. Thin: the scoring is the
library module `frontledger.evaluation`, which no stage imports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from frontledger.cli.common import JsonOption, fail
from frontledger.errors import UsageError


def eval_cmd(
    articles: Annotated[Path, typer.Option("--articles", help="articles.jsonl")],
    gold: Annotated[Path, typer.Option("--gold", help="gold.jsonl")],
    as_json: JsonOption = False,
    places_only: Annotated[bool, typer.Option(
        "--places-only", help="Score places alone, even when the claims stage is there.")
    ] = False,
) -> None:
    """Score places (and claims, when the claims stage is installed) against gold answers."""
    from frontledger import evaluation as ev

    try:
        rows = ev.read_jsonl(articles)
        answers = {g["id"]: g for g in ev.read_jsonl(gold)}
    except (OSError, ValueError) as exc:
        raise fail(UsageError(f"cannot read the eval files: {exc}")) from exc
    predict, _with_claims = ev.default_predictor()
    if places_only:
        predict = ev.places_predictor
    report = ev.evaluate(rows, answers, predict)
    typer.echo(json.dumps(report.as_dict(), indent=1) if as_json else ev.format_report(report))


def register(app: typer.Typer) -> None:
    """Add `eval` to `app`."""
    app.command("eval")(eval_cmd)

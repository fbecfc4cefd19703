"""Option values already of their annotation's type pass through as Typer's pydantic
adapter would give them back; anything else still goes through Typer's adapter. A
command run alone (Typer makes only its options) behaves as in the whole app."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer._coercion import build_runtime_param, resolve_type_descriptor
from typer.models import OptionInfo
from typer.testing import CliRunner

from frontledger.cli import app, for_arguments
from frontledger.cli.coercion import _NOT_PLAIN, plain_value
from frontledger.ledger import open_store


def _typers(annotation: Any, info: OptionInfo, value: Any) -> Any:
    descriptor = resolve_type_descriptor(annotation, info)
    return build_runtime_param(descriptor)._coerce_value(value, param=None, ctx=None)


@pytest.mark.parametrize(("annotation", "info", "value"), [
    (str, OptionInfo(), "Куп'янськ"),
    (str, OptionInfo(), "postgresql://ledger"),
    (int, OptionInfo(min=0), 50),
    (int, OptionInfo(min=1, max=65535), 8000),
    (float, OptionInfo(min=0.1), 20),
    (float, OptionInfo(min=0.1), 2.5),
    (bool, OptionInfo(), False),
    (list[str], OptionInfo(), ("rapport.txt", "informe.html")),
    (list[str], OptionInfo(), []),
])
def test_a_plain_value_comes_back_as_typers_adapter_gives_it(
        annotation: Any, info: OptionInfo, value: Any) -> None:
    plain = plain_value(annotation, info, value)
    typers = _typers(annotation, info, value)
    assert plain == typers
    assert type(plain) is type(typers)


@pytest.mark.parametrize(("annotation", "info", "value"), [
    (int, OptionInfo(min=1), "2"),
    (int, OptionInfo(min=0), -1),
    (float, OptionInfo(min=0.1, max=10.0), 11),
    (int, OptionInfo(), True),
    (float, OptionInfo(), "0.5"),
    (list[str], OptionInfo(), "one.txt"),
    (Path, OptionInfo(), "ledger.db"),
])
def test_a_value_to_convert_or_check_is_left_to_typer(
        annotation: Any, info: OptionInfo, value: Any) -> None:
    assert plain_value(annotation, info, value) is _NOT_PLAIN


def test_option_texts_are_still_converted_and_checked_by_typer(tmp_path: Path) -> None:
    db = str(tmp_path / "ledger.db")
    open_store(db).close()
    runner = CliRunner()
    converted = runner.invoke(app, ["status", "--db", db, "--limit", "3", "--json"])
    assert converted.exit_code == 0, converted.output
    refused = runner.invoke(app, ["status", "--db", db, "--limit", "-1"])
    assert refused.exit_code == 2
    assert "greater than or equal to 0" in refused.output
    unreadable = runner.invoke(app, ["status", "--db", db, "--limit", "trois"])
    assert unreadable.exit_code == 2
    assert "valid integer" in unreadable.output


def _command_names() -> list[str]:
    names = [info.name or info.callback.__name__.replace("_", "-")
             for info in app.registered_commands if info.callback]
    return [*names, *(group.name for group in app.registered_groups if group.name)]


@pytest.mark.parametrize("command", _command_names())
def test_a_command_run_alone_helps_as_in_the_whole_app(command: str) -> None:
    alone = for_arguments([command, "--help"])
    assert alone is not app
    runner = CliRunner()
    assert (runner.invoke(alone, [command, "--help"]).output
            == runner.invoke(app, [command, "--help"]).output)


@pytest.mark.parametrize("args", [[], ["--version"], ["stauts"], ["--help"]])
def test_no_command_or_an_unknown_one_gets_the_whole_app(args: list[str]) -> None:
    assert for_arguments(args) is app


def test_a_command_run_alone_refuses_a_bad_value_as_in_the_whole_app(tmp_path: Path) -> None:
    db = str(tmp_path / "ledger.db")
    open_store(db).close()
    args = ["status", "--db", db, "--limit", "-3"]
    runner = CliRunner()
    alone, whole = runner.invoke(for_arguments(args), args), runner.invoke(app, args)
    assert (alone.exit_code, alone.output) == (whole.exit_code, whole.output) != (0, "")

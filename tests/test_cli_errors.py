"""One way every command fails: `error: …` on standard error, printed as written, with the
exit status the README gives (2 usage or configuration error, 3 database unavailable)."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from frontledger.cli import claims
from frontledger.cli.common import exit_status, fail
from frontledger.errors import (
    FrontledgerError,
    GazetteerError,
    LedgerUnavailable,
    MissingExtra,
    StoreError,
    UsageError,
)
from frontledger.records import PlaceMention


@pytest.mark.parametrize(("error", "status"), [
    (UsageError("bad option"), 2),
    (MissingExtra("serve", "fastapi"), 2),
    (GazetteerError("the place index cannot be built"), 2),
    (LedgerUnavailable("connection refused"), 3),
    (StoreError("disk full"), 1),
])
def test_each_error_kind_has_the_exit_status_the_readme_gives(
        error: FrontledgerError, status: int) -> None:
    assert exit_status(error) == status


def test_a_missing_extra_names_the_extra_to_install() -> None:
    message = str(MissingExtra("parquet", "pyarrow"))
    assert "pyarrow" in message and "frontledger[parquet]" in message


def test_a_failure_message_is_printed_as_written_not_read_as_markup(
        capsys: pytest.CaptureFixture[str]) -> None:
    exit_ = fail(UsageError("no ledger at [bold]reports[/x]"))
    printed = capsys.readouterr().err
    assert exit_.exit_code == 2
    assert "error: no ledger at [bold]reports[/x]" in printed


def _broken_index(_text: str, _language: str | None) -> list[PlaceMention]:
    raise GazetteerError("the place index is stale: run `frontledger gazetteer build`")


def test_a_gazetteer_error_during_extract_is_a_configuration_error_exiting_2(
        tmp_path: Path) -> None:
    app = typer.Typer()
    app.callback()(lambda: None)
    claims.register(app, geoparser=_broken_index)
    note = tmp_path / "note.txt"
    note.write_text("Die Armee meldet Kämpfe bei Kupjansk. Les combats continuent.", "utf-8")
    result = CliRunner().invoke(app, ["extract", str(note)])
    assert result.exit_code == 2
    assert "error: the place index is stale" in result.output

"""`frontledger serve`: a real server process, on loopback, printing its address."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import typer
from typer.testing import CliRunner

from frontledger.cli.serve import register
from frontledger.ledger import open_store
from tests.serve.ledgers import hand_made_ledger

# The CLI as `frontledger.cli` wires it: a command group holding `serve`.
CLI = ("import typer; from frontledger.cli.serve import register; "
       "app = typer.Typer(); app.callback()(lambda: None); register(app); app()")
# Seconds a server process gets to start (imports and gazetteer-free app set-up).
START_TIMEOUT = 30


def test_serve_has_help_naming_its_options() -> None:
    app = typer.Typer()
    app.callback()(lambda: None)  # a command group, as in the CLI
    register(app)
    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port", "--tiles", "--cors-origin", "--workers"):
        assert option in result.output


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def _serving(tmp_path: Path, *options: str) -> Iterator[tuple[subprocess.Popen[str], int]]:
    """`frontledger serve` in a child process over a hand-made ledger, and its port."""
    db = tmp_path / "served.db"
    store = open_store(str(db))
    hand_made_ledger(store)
    store.close()
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "FRONTLEDGER_TOKEN"}
    process = subprocess.Popen([sys.executable, "-c", CLI, "serve", "--db", str(db),
                                "--port", str(port), *options], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env=env)
    try:
        yield process, port
    finally:
        process.terminate()
        process.communicate(timeout=START_TIMEOUT)


def test_serve_prints_its_loopback_address_and_answers_there(tmp_path: Path) -> None:
    with _serving(tmp_path) as (process, port):
        assert process.stdout is not None
        first_line = process.stdout.readline()
        assert f"http://127.0.0.1:{port}/" in first_line
        body = _get_when_up(f"http://127.0.0.1:{port}/api/stats")
        assert body["documents"] == 4


def _get_when_up(url: str) -> dict[str, object]:
    with httpx.Client(timeout=5) as client:
        for _attempt in range(START_TIMEOUT * 10):
            try:
                return client.get(url).json()  # type: ignore[no-any-return]
            except httpx.ConnectError:
                time.sleep(0.1)
    raise AssertionError(f"no server answered at {url}")


def test_serve_with_several_worker_processes_answers_from_each(tmp_path: Path) -> None:
    origin = "https://desk.example"
    with _serving(tmp_path, "--workers", "2", "--cors-origin", origin) as (_process, port):
        assert _get_when_up(f"http://127.0.0.1:{port}/api/stats")["documents"] == 4
        with httpx.Client(timeout=5) as client:  # each request may reach either process
            for _ in range(20):
                answer = client.get(f"http://127.0.0.1:{port}/api/stats",
                                    headers={"Origin": origin})
                assert answer.json()["documents"] == 4
                assert answer.headers["access-control-allow-origin"] == origin

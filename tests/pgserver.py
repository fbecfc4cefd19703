"""A throwaway PostgreSQL server for the tests: initdb in a temporary folder, loopback only.

Found through FRONTLEDGER_TEST_PG (a URL of a server someone else started) or started
here from Debian's postgresql binaries. When neither works the PostgreSQL tests fail,
never skip: a green run must mean the PostgreSQL backend was exercised.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def _bin(name: str) -> str | None:
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)
    return candidates[0] if candidates else shutil.which(name)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PostgresServer:
    """Start with `start()`, get `url(dbname)`, stop with `stop()`."""

    def __init__(self) -> None:
        self.directory = Path(tempfile.mkdtemp(prefix="frontledger-pg-"))
        self.port = _free_port()
        self.prefix: list[str] = []
        if os.geteuid() == 0:  # initdb refuses to run as root
            shutil.chown(self.directory, user="postgres")
            self.prefix = ["runuser", "-u", "postgres", "--"]

    def _run(self, *args: str) -> None:
        result = subprocess.run([*self.prefix, *args], capture_output=True, text=True,
                                timeout=120, check=False)
        if result.returncode:
            raise RuntimeError(f"{args[0]} failed: {result.stdout}\n{result.stderr}")

    def start(self) -> PostgresServer:
        initdb, pg_ctl = _bin("initdb"), _bin("pg_ctl")
        if not initdb or not pg_ctl:
            raise RuntimeError("PostgreSQL server binaries not found: install Debian's "
                               "postgresql package (scripts/test.sh does)")
        data = self.directory / "data"
        self._run(initdb, "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                  "--no-sync")
        options = (f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 "
                   "-c fsync=off -c full_page_writes=off -c max_connections=200")
        self._run(pg_ctl, "-D", str(data), "-o", options, "-l",
                  str(self.directory / "log"), "-w", "start")
        return self

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{dbname}"

    def stop(self) -> None:
        pg_ctl = _bin("pg_ctl")
        if pg_ctl:
            subprocess.run([*self.prefix, pg_ctl, "-D", str(self.directory / "data"),
                            "-m", "immediate", "stop"], capture_output=True, check=False)
        shutil.rmtree(self.directory, ignore_errors=True)

"""`frontledger watch` from the command line: claims printed as they come, exit codes for
cron, the watched sources in `status`, and SIGTERM ending a running watch cleanly."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from frontledger.cli.watch import printable
from tests.test_cli import invoke
from tests.test_ledger_cli import invoke as invoke_stdout
from tests.watch_server import Route, Site, rss, serving

EN_TAKEN = "Russia's Defence Ministry said on Friday that its troops had captured Kupiansk."
RU_HELD = ("Генштаб ВСУ заявил в пятницу, что украинские войска удерживают Купянск и "
           "отразили штурм под Лиманом.")
DAY = "Fri, 06 Mar 2026 09:00:00 GMT"
# Seconds a child process gets to start, load the place index and poll once.
CHILD_PATIENCE = 180


@pytest.fixture
def site() -> Iterator[Site]:
    with serving() as served:
        served.routes["/feed"] = Route(rss("Invented wire", [("w2", DAY, EN_TAKEN),
                                                              ("w1", DAY, RU_HELD)]),
                                       etag='"w"')
        yield served


def test_watch_once_prints_each_new_claim_as_json_and_status_lists_the_source(
        site: Site, sqlite_url: str) -> None:
    code, output = invoke_stdout("watch", site.url("/feed"), "--once", "--allow-private",
                                 "--json", "--db", sqlite_url)
    assert code == 0, output
    lines = [json.loads(line) for line in output.splitlines()]
    found = {(r["document"]["external_id"], r["kind"], r["actor_side"]) for r in lines}
    assert ("w2", "control", "RU") in found and ("w1", "control", "UA") in found
    assert all(r["source"] == site.url("/feed") and r["evidence"]["text"] for r in lines)
    status = json.loads(invoke_stdout("status", "--json", "--db", sqlite_url)[1])
    [source] = status["watched_sources"]
    assert source["url"] == site.url("/feed") and source["kind"] == "feed"
    assert (source["documents"], source["failures"], source["etag"]) == (2, 0, '"w"')
    code, output = invoke_stdout("watch", site.url("/feed"), "--once", "--allow-private",
                                 "--json", "--db", sqlite_url)
    assert (code, output) == (0, "")  # a 304: nothing new, nothing printed


def test_watch_once_prints_one_readable_line_per_claim(site: Site, sqlite_url: str) -> None:
    code, output = invoke_stdout("watch", site.url("/feed"), "--once", "--allow-private",
                                 "--db", sqlite_url)
    assert code == 0
    line = next(line for line in output.splitlines() if "RU: control asserts RU" in line)
    assert "Kupyansk (UA-63)" in line and "[Invented wire]" in line


def test_watch_once_exits_1_when_a_source_failed_and_status_says_why(
        site: Site, sqlite_url: str) -> None:
    site.routes["/down"] = Route(status=503, headers={"Retry-After": "120"})
    code, output = invoke("watch", site.url("/down"), site.url("/feed"), "--once",
                          "--allow-private", "--db", sqlite_url)
    assert code == 1
    assert f"{site.url('/down')}: failed (HTTP 503" in output
    assert f"{site.url('/feed')}: 2 new document(s)" in output
    code, output = invoke("status", "--db", sqlite_url)
    assert code == 0 and "watched sources" in output and "HTTP 503" in output


def test_an_interval_too_short_is_a_usage_error(sqlite_url: str) -> None:
    code, output = invoke("watch", "https://example.org/feed", "--every", "1s",
                          "--db", sqlite_url)
    assert code == 2 and "minimum" in output


def test_escape_sequences_and_bidi_overrides_from_a_source_never_reach_the_terminal() -> None:
    hostile = "Kupiansk\x1b[2J\x1b]0;owned\x07 \u202eevil\nnext"
    shown = printable(hostile)
    assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown
    assert shown == "Kupiansk\\u001b[2J\\u001b]0;owned\\u0007 \\u202eevil next"


def test_sigterm_ends_a_running_watch_cleanly(site: Site, tmp_path: Path) -> None:
    db = str(tmp_path / "ledger.db")
    child = subprocess.Popen(
        [sys.executable, "-m", "frontledger.cli", "watch", site.url("/feed"), "--every",
         "10m", "--allow-private", "--json", "--db", db],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        polled = _first_poll_line(child)
        assert "2 new document(s)" in polled
        time.sleep(0.5)  # now waiting for the next poll, ten minutes away
        assert child.poll() is None, "the watch ended by itself"
        child.send_signal(signal.SIGTERM)
        out, err = child.communicate(timeout=CHILD_PATIENCE)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == 0, err
    assert "Traceback" not in err
    assert {json.loads(line)["document"]["external_id"] for line in out.splitlines()} == \
        {"w1", "w2"}
    status = json.loads(invoke_stdout("status", "--json", "--db", db)[1])
    assert status["documents"] == 2 and status["watched_sources"][0]["documents"] == 2


def _first_poll_line(child: subprocess.Popen[str]) -> str:
    """The child's first poll report on standard error (its start-up takes seconds)."""
    assert child.stderr is not None
    deadline = time.monotonic() + CHILD_PATIENCE
    for line in child.stderr:
        if "new document(s)" in line or time.monotonic() > deadline:
            return line
    raise AssertionError(f"the watch ended before polling (exit {child.wait()})")

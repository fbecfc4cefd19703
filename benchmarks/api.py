"""The web API under load: 50 concurrent clients against a 100,000-claim ledger.

    .venv/bin/python benchmarks/api.py [--claims 100000] [--clients 50]
                                       [--requests 2000] [--seconds 60] [--db PATH]
                                       [--only timeline claims control 'control map']
                                       [--profile-server DIR]

Generates a SQLite ledger of invented documents and claims (kept at --db, reused when it
already holds the asked number of claims), serves it with `frontledger serve`'s app in a
separate process on 127.0.0.1, and sends each endpoint's requests from --clients
concurrent clients on loopback, at most --requests requests or --seconds seconds per
endpoint. Prints p50/p95/p99 latencies per endpoint, and the server's CPU milliseconds per
answer (its processes' user + system time, from /proc): on a machine shared with other
work, latencies wait for the CPU, while CPU per answer is what the server itself spends.
The server's CPU before the first request (its start, and the states table it computes
ahead, `serve.ahead`) is printed apart. Target: p95 < 100 ms on SQLite.

Each endpoint is measured twice: "cold", every request new to the app (a place, filter
set or date not asked before), then "warm", requests it has answered before (kept until
the ledger changes).

The server's CPU per answer is split into user and system time, and the benchmark's own
CPU per request (its clients share the machine's cores with the server) is printed
beside it. With --profile-server DIR, py-spy samples the server process (Python frames, every
thread) during each cold run and keeps, per endpoint, its collapsed stacks
(`api-<endpoint>-cold.txt`) and the stacks' top lines by own and by total samples
(`api-<endpoint>-cold-top.txt`); --profile-format flamegraph keeps SVG flame graphs
instead of the collapsed stacks.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from frontledger.ingest.formats import make_document  # noqa: E402
from frontledger.ledger import SqlStore, open_store  # noqa: E402
from frontledger.ledger.store import AnalysedDocument  # noqa: E402
from frontledger.records import Claim, Evidence, PlaceMention  # noqa: E402

PLACES = 2_000
CLAIMS_PER_DOCUMENT = 10
FIRST_DAY = date(2025, 1, 1)
DAYS = 365
REGIONS = ["UA-09", "UA-12", "UA-14", "UA-23", "UA-59", "UA-63", "UA-65"]
KINDS = ["control"] * 6 + ["withdrawal", "advance", "clash", "strike"]
SIDES = ["RU"] * 4 + ["UA"] * 4 + ["other"]
# Documents per transaction while building the ledger (`SqlStore.add_documents`).
WRITE_BATCH = 500
SERVER = ("import sys; from frontledger.cli import main; "
          "sys.argv = ['frontledger', 'serve', *sys.argv[1:]]; main()")
"""`frontledger serve` as a user runs it, in a child process."""


def place(i: int) -> PlaceMention:
    rng = random.Random(i)
    return PlaceMention(0, 0, f"Benchtown {i}", f"Benchtown {i}", "populated_place",
                        9_000_000 + i, "UA", REGIONS[i % len(REGIONS)],
                        rng.uniform(46.5, 51.5), rng.uniform(30.0, 39.5))


def build_ledger(store: SqlStore, n_claims: int) -> None:
    rng = random.Random(7)
    batch: list[AnalysedDocument] = []
    for d in range(n_claims // CLAIMS_PER_DOCUMENT):
        day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        sentences = []
        claims = []
        text = f"INVENTED BENCHMARK REPORT {d}."
        for _ in range(CLAIMS_PER_DOCUMENT):
            where = place(rng.randrange(PLACES))
            sentence = f" Officials said forces had taken {where.name} on {day}."
            start = len(text) + 1
            text += sentence
            sentences.append((start, len(text), sentence.strip(), where))
        document = make_document(text, source="bench", raw=text.encode(),
                                 url=f"https://bench.example/{d}", outlet="bench.example",
                                 language="en", title=f"Report {d}",
                                 published=datetime(day.year, day.month, day.day, tzinfo=UTC))
        for start, end, sentence, where in sentences:
            claims.append(Claim(
                claimant="Officials", claimant_side=rng.choice(SIDES),
                kind=rng.choice(KINDS), place=where,  # type: ignore[arg-type]
                actor_side=rng.choice(["RU", "UA"]),
                stance="denies" if rng.random() < 0.15 else "asserts",
                evidence=Evidence(document.id, start, end, sentence), date=day,
                date_precision="day"))
        batch.append(AnalysedDocument(document, [], claims))
        if len(batch) == WRITE_BATCH:
            store.add_documents(batch, extractor="bench")
            batch = []
    store.add_documents(batch, extractor="bench")


def ledger_at(path: Path, n_claims: int) -> None:
    store = open_store(str(path))
    try:
        held = len(store.stored_claims(where=None)) if path.stat().st_size > 200_000 else 0
        if held != n_claims:
            print(f"building a ledger of {n_claims:,} claims at {path} …", flush=True)
            started = time.perf_counter()
            build_ledger(store, n_claims - held)
            print(f"  built in {time.perf_counter() - started:.0f} s", flush=True)
    finally:
        store.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def wait_up(base: str, seconds: float = 60) -> None:
    async with httpx.AsyncClient() as client:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                (await client.get(base + "/api/config")).raise_for_status()
                return
            except httpx.HTTPError:
                await asyncio.sleep(0.2)
    raise SystemExit(f"the server at {base} did not start")


async def load(base: str, paths: Callable[[int], str], clients: int, requests: int,
               seconds: float) -> tuple[list[float], int]:
    """Latencies (ms) of up to `requests` requests from `clients` concurrent clients, each
    on its own keep-alive connection."""
    latencies: list[float] = []
    errors = 0
    issued = 0
    deadline = time.monotonic() + seconds
    host, port = base.removeprefix("http://").split(":")

    async def client() -> None:
        nonlocal issued, errors
        connection = await asyncio.open_connection(host, int(port))
        while issued < requests and time.monotonic() < deadline:
            path = paths(issued)
            issued += 1
            started = time.perf_counter()
            try:
                errors += await get(connection, host, path) != 200
            except (OSError, asyncio.IncompleteReadError, IndexError, ValueError):
                errors += 1  # counted; a new connection for the next request
                connection[1].close()
                connection = await asyncio.open_connection(host, int(port))
            latencies.append((time.perf_counter() - started) * 1000)
        connection[1].close()

    await asyncio.gather(*(client() for _ in range(clients)))
    return latencies, errors


async def get(connection: tuple[asyncio.StreamReader, asyncio.StreamWriter], host: str,
              path: str) -> int:
    """One HTTP/1.1 GET on a kept-alive connection; the status. A minimal client: httpx's
    own overhead (~10 ms a request at this concurrency) would swamp the server's time."""
    reader, writer = connection
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
    await writer.drain()
    status = int((await reader.readline()).split()[1])
    length = 0
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    await reader.readexactly(length)
    return status


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def workloads(rng: random.Random) -> dict[str, list[str]]:
    """Distinct requests per endpoint: the places, filter sets and dates users ask for."""
    def day(i: int) -> str:
        return (FIRST_DAY + timedelta(days=i % DAYS)).isoformat()

    places = [f"/api/timeline?geonameid={9_000_000 + i}" for i in range(PLACES)]
    claims = {rng.choice([
        f"/api/claims?geonameid={9_000_000 + rng.randrange(PLACES)}&limit=50",
        f"/api/claims?kind=control&side={rng.choice(['RU', 'UA'])}&limit=50"
        f"&offset={rng.randrange(50) * 50}",
        f"/api/claims?region={rng.choice(REGIONS)}&since={day(rng.randrange(DAYS))}&limit=50",
    ]) for _ in range(PLACES)}
    return {"timeline": places, "claims": sorted(claims, key=lambda _: rng.random()),
            "control": [f"/api/control?date={day(i)}" for i in range(DAYS)],
            "control map": [f"/api/control?date={day(i)}&views=false" for i in range(DAYS)]}


def server_cpu(pid: int) -> float:
    """CPU seconds (user + system) of the process `pid` and its descendants (Linux)."""
    return sum(server_times(pid))


def server_times(pid: int) -> tuple[float, float]:
    """(user, system) CPU seconds of the process `pid` and its descendants (Linux)."""
    ticks = os.sysconf("SC_CLK_TCK")
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:  # ended meanwhile
        return 0.0, 0.0
    user, system = int(fields[11]) / ticks, int(fields[12]) / ticks
    for child in children:
        child_user, child_system = server_times(int(child))
        user, system = user + child_user, system + child_system
    return user, system


@contextmanager
def sampled(pid: int, output: Path | None, format_: str) -> Iterator[None]:
    """py-spy sampling the server `pid` (and its workers) while the block runs."""
    if output is None:
        yield
        return
    spy = shutil.which("py-spy", path=str(Path(sys.executable).parent)) or "py-spy"
    recorder = subprocess.Popen([spy, "record", "--subprocesses", "--rate",
                                 str(SAMPLES_PER_SECOND), "--format", format_, "--output",
                                 str(output), "--pid", str(pid)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)  # attached before the first request
    try:
        yield
    finally:
        recorder.send_signal(signal.SIGINT)  # py-spy writes its output on SIGINT
        recorder.wait(timeout=60)


# py-spy's samples a second: its default; each sample briefly stops the server.
SAMPLES_PER_SECOND = 100
# Lines of each stack summary (`top_lines`).
TOP_LINES = 25


def top_lines(collapsed: Path) -> str:
    """The frames of py-spy's collapsed stacks by own samples, then by total samples,
    leaving out threads idle in a wait (`IDLE_FRAMES`), and how the samples left divide
    between the event loop's thread and the worker threads."""
    own: Counter[str] = Counter()
    total: Counter[str] = Counter()
    threads: Counter[str] = Counter()
    samples = idle = 0
    for line in collapsed.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack:
            continue
        frames = stack.split(";")
        if frames[-1].startswith(IDLE_FRAMES):
            idle += int(count)
            continue
        samples += int(count)
        own[frames[-1]] += int(count)
        threads["worker threads" if any(f.startswith("WorkerThread.run") for f in frames)
                else "event loop (main thread)"] += int(count)
        for frame in set(frames):
            total[frame] += int(count)
    samples = max(1, samples)
    out = [f"{samples} samples of busy threads ({SAMPLES_PER_SECOND}/s a thread; {idle} "
           "samples of idle threads left out)", ""]
    out += [f"{n / samples:7.1%}  {name}" for name, n in threads.most_common()]
    out += ["", "by own samples:"]
    out += [f"{n / samples:7.1%}  {frame}" for frame, n in own.most_common(TOP_LINES)]
    out += ["", "by total samples (the frame or anything it calls):"]
    out += [f"{n / samples:7.1%}  {frame}" for frame, n in total.most_common(TOP_LINES)]
    return "\n".join(out) + "\n"


# Leaf frames of a thread waiting for work: a worker thread's queue, the event loop's
# select (py-spy counts them as samples when it cannot tell the thread is idle).
IDLE_FRAMES = ("Condition.wait (threading.py", "select (selectors.py")


async def settled(pid: int, seconds: float = 120) -> float:
    """Wait until the server is idle (what it computes ahead at start is done); its CPU."""
    deadline = time.monotonic() + seconds
    before = server_cpu(pid)
    while time.monotonic() < deadline:
        await asyncio.sleep(1.0)
        now = server_cpu(pid)
        if now - before < IDLE_CPU_SECONDS:
            return now
        before = now
    return before


# CPU seconds a second under which the server counts as idle (its revision checks and
# timers cost well under 1%).
IDLE_CPU_SECONDS = 0.02
Row = tuple[str, list[float], int, float, tuple[float, float], float]


async def run(args: argparse.Namespace, base: str, pid: int) -> list[Row]:
    """Each endpoint cold (every request new to the app), then warm (asked before)."""
    await wait_up(base)
    print(f"  server CPU before the first request: {await settled(pid):.1f} s", flush=True)
    rows = []
    rng = random.Random(3)
    for name, keys in workloads(random.Random(5)).items():
        if args.only is not None and name not in args.only:
            continue
        cold = keys[:args.requests]
        output = None
        if args.profile_server is not None:
            suffix = "svg" if args.profile_format == "flamegraph" else "txt"
            output = args.profile_server / f"api-{name.replace(' ', '-')}-cold.{suffix}"
        with sampled(pid, output, args.profile_format):
            latencies, errors, seconds, cpu, client = await measured(
                pid, load(base, lambda i, k=cold: k[i], args.clients, len(cold),
                          args.seconds))
        rows.append((f"{name} cold", latencies, errors, seconds, cpu, client))
        if output is not None and args.profile_format == "raw":
            output.with_name(output.stem + "-top.txt").write_text(top_lines(output))
        asked = cold[:len(latencies)]  # warm: only what the cold run asked (and was kept)
        latencies, errors, seconds, cpu, client = await measured(
            pid, load(base, lambda i, k=asked: rng.choice(k), args.clients, args.requests,
                      args.seconds))
        rows.append((f"{name} warm", latencies, errors, seconds, cpu, client))
        print(f"  {name}: done", flush=True)
    return rows


async def measured(pid: int, loading: Any) -> tuple[list[float], int, float, tuple[float, float],
                                                    float]:
    """The load's latencies and errors, its wall seconds, the server's (user, system) CPU
    seconds and this process's (the clients') CPU seconds."""
    started, (user, system), client = time.perf_counter(), server_times(pid), time.process_time()
    latencies, errors = await loading
    after_user, after_system = server_times(pid)
    return (latencies, errors, time.perf_counter() - started,
            (after_user - user, after_system - system), time.process_time() - client)


def print_table(rows: list[Row], args: argparse.Namespace) -> None:
    print(f"\n{args.claims:,} claims, {args.clients} concurrent clients, SQLite, loopback, "
          f"{args.server_workers} server process(es)")
    print(f"{'endpoint':<16}{'requests':>9}{'errors':>7}{'req/s':>8}"
          f"{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'CPU ms/answer':>15}"
          f"{'(user + sys)':>15}{'client CPU ms':>15}")
    for name, latencies, errors, seconds, (user, system), client in rows:
        answers = max(1, len(latencies))
        print(f"{name:<16}{len(latencies):>9}{errors:>7}{len(latencies) / seconds:>8.0f}"
              f"{percentile(latencies, 0.50):>9.1f}{percentile(latencies, 0.95):>9.1f}"
              f"{percentile(latencies, 0.99):>9.1f}"
              f"{(user + system) * 1000 / answers:>15.2f}"
              f"{user * 1000 / answers:>8.2f} + {system * 1000 / answers:<4.2f}"
              f"{client * 1000 / answers:>12.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=2_000,
                        help="requests per endpoint (at most)")
    parser.add_argument("--seconds", type=float, default=60.0,
                        help="seconds per endpoint (at most)")
    parser.add_argument("--server-workers", type=int, default=1,
                        help="server processes (`frontledger serve --workers N`)")
    parser.add_argument("--only", nargs="*", default=None,
                        help="endpoints to measure (timeline, claims, control, "
                             "'control map'); default all")
    parser.add_argument("--profile-server", type=Path, default=None, metavar="DIR",
                        help="sample the server with py-spy during each cold run; keep "
                             "the stacks in DIR")
    parser.add_argument("--profile-format", choices=["raw", "flamegraph"], default="raw",
                        help="collapsed stacks and their top lines (raw), or SVG flame "
                             "graphs")
    parser.add_argument("--db", type=Path,
                        default=Path(tempfile.gettempdir()) / "frontledger-bench-api.db")
    args = parser.parse_args()
    if args.profile_server is not None:
        args.profile_server.mkdir(parents=True, exist_ok=True)
    ledger_at(args.db, args.claims)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-c", SERVER, "--db", str(args.db),
                               "--port", str(port), "--workers", str(args.server_workers)],
                              stdout=subprocess.DEVNULL)
    try:
        rows = asyncio.run(run(args, f"http://127.0.0.1:{port}", server.pid))
    finally:
        server.terminate()
        server.wait(timeout=30)
    print_table(rows, args)


if __name__ == "__main__":
    main()

"""Server CPU per API answer new to the app, in-process, with a cProfile of each endpoint.

    .venv/bin/python benchmarks/api_profile.py [--db PATH] [--requests 300] [--top 15]
                                               [--profile-dir DIR]

Drives `frontledger serve`'s ASGI app directly (no sockets, no client), on the ledger
`benchmarks/api.py` builds (run it once first, or give --db), with requests none of which
it has answered before: timelines of distinct places, distinct claims pages, distinct days'
maps. Prints the CPU milliseconds per answer (`time.process_time`, which the other agents
sharing the machine do not inflate as much as wall time), then each endpoint's cProfile
top lines (frontledger's functions by cumulative time, then all by own time); with
--profile-dir, keeps the .prof files (for snakeviz or `python -m pstats`).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import cProfile
import io
import pstats
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from api import workloads  # noqa: E402

from frontledger.ledger import open_store  # noqa: E402
from frontledger.serve.app import create_app  # noqa: E402


async def ask(app: Any, target: str) -> int:
    """One GET through the whole ASGI stack; its status."""
    path, _, query = target.partition("?")
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": "GET", "scheme": "http", "path": path, "raw_path": path.encode(),
             "query_string": query.encode(), "root_path": "",
             "headers": [(b"host", b"127.0.0.1")], "client": ("127.0.0.1", 1),
             "server": ("127.0.0.1", 8000)}
    status = 0

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    await app(scope, receive, send)
    return status


async def inline(func: Any, *args: Any, **kwargs: Any) -> Any:
    """Stands for the thread pool while profiling: cProfile sees only its own thread."""
    return func(*args, **kwargs)


async def measure(app: Any, targets: list[str], profile: cProfile.Profile | None,
                  ) -> float:
    """CPU ms per answer over `targets` (each asked once, in order); with a profile, the
    endpoints run on this thread instead of the thread pool, so that it sees them."""
    started = time.process_time()
    if profile is not None:
        profile.enable()
    with contextlib.ExitStack() as patches:
        if profile is not None:
            patches.enter_context(mock.patch("fastapi.routing.run_in_threadpool", inline))
            patches.enter_context(mock.patch("anyio.to_thread.run_sync", inline))
        for target in targets:
            status = await ask(app, target)
            if status != 200:
                raise SystemExit(f"{target}: HTTP {status}")
    if profile is not None:
        profile.disable()
    return (time.process_time() - started) * 1000 / len(targets)


async def run(args: argparse.Namespace) -> None:
    store = open_store(str(args.db), create=False)
    app = create_app(store)
    async with app.router.lifespan_context(app):
        await ask(app, "/api/config")
        for day in ("2024-12-30", "2024-12-31"):  # the second reads the kept spans
            await ask(app, f"/api/control?date={day}")
        if hasattr(app.state, "ahead"):  # the states table, built before measuring
            app.state.ahead.refresh()
        rows = []
        for name, keys in workloads(random.Random(5)).items():
            keys = keys[:args.requests]
            half = len(keys) // 2
            # CPU without the profiler's overhead, then a profile of other new answers
            cpu = await measure(app, keys[:half], None)
            profile = cProfile.Profile()
            await measure(app, keys[half:], profile)
            rows.append((name, half, cpu, profile))
    store.close()
    print(f"{'endpoint':<14}{'answers':>8}{'CPU ms/answer':>15}")
    for name, count, cpu, _profile in rows:
        print(f"{name:<14}{count:>8}{cpu:>15.2f}")
    for name, _count, _cpu, profile in rows:
        out = io.StringIO()
        stats = pstats.Stats(profile, stream=out)
        stats.sort_stats("cumulative").print_stats("frontledger/", args.top)
        stats.sort_stats("tottime").print_stats(args.top)
        print(f"\n== {name}: top {args.top} of frontledger by cumulative time, then top "
              f"{args.top} by own time ==")
        print("\n".join(line for line in out.getvalue().splitlines()
                        if line.strip() and "Ordered by" not in line
                        and "function calls" not in line))
        if args.profile_dir:
            args.profile_dir.mkdir(parents=True, exist_ok=True)
            profile.dump_stats(args.profile_dir / f"{name.replace(' ', '-')}.prof")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path,
                        default=Path(tempfile.gettempdir()) / "frontledger-bench-api.db")
    parser.add_argument("--requests", type=int, default=300,
                        help="answers per endpoint (half timed, half profiled)")
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--profile-dir", type=Path)
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()

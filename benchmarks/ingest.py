"""Ingest throughput and peak memory, into SQLite and (with --postgres) PostgreSQL.

    .venv/bin/python benchmarks/ingest.py [--postgres | --postgres-only] [--extract] [--workers N]
                                          [--records 10000] [--pages 1000]

Without --extract documents are stored only (the ingest stage and the store); with it,
each new document is also geoparsed and its claims extracted (the whole pipeline). With
--workers N (and --extract), each case runs again with the analysis on a local Dask
cluster of N worker processes (`frontledger run --workers N`), started and warmed (every
worker has loaded its gazetteer) before the clock starts; compare its wall-clock docs/s
with the one-core row.

Generates 10,000 JSON Lines records and 1,000 HTML pages of realistic size, then runs each
case in a fresh subprocess pinned to one core (so peak memory is the case's own), and
prints a table: documents, wall seconds and documents per second, CPU seconds of the
ingesting process and documents per CPU second (what one core does, whatever else the
machine runs; the database server's own work is not in it), peak RSS: the ingesting
process's, and the largest Dask worker's (0 without workers), the CPU seconds of every
process of the run ("all cpu s": the ingesting process and, with workers, the cluster's
processes; on a loaded machine, the work a run costs whatever the wall clock says: with
`c` free cores a run takes at least max(cpu s, all cpu s / c)), and the ingesting process's
CPU ms per document over the first and the last 1,000 documents (flat when storing does
not slow down as the ledger grows); under each row, the ingesting process's CPU seconds
in storing (`add_documents`) and per thread (the main thread; Dask's "IO loop": the
client and a local cluster's scheduler). `--profile FILE` writes a cProfile of the ingesting
process of the first case to FILE, timed in CPU seconds (read it with `python -m pstats
FILE`).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from itertools import product
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PLACES = ["Kupiansk", "Pokrovsk", "Myrnohrad", "Siversk", "Huliaipole", "Vovchansk",
          "Kostiantynivka", "Lyman", "Zaporizhzhia", "Kharkiv"]
SENTENCES = [
    "Russia's Defence Ministry said its forces had captured {p}.",
    "Ukraine's General Staff denied that {p} had fallen and said fighting continued.",
    "Russian drones struck energy facilities near {p} overnight, officials said.",
    "Analysts at the DeepState project said Russian units held about half of {p}.",
    "Ukrainian forces repelled several assaults in the direction of {p} on Tuesday.",
]


def article(rng: random.Random, i: int) -> str:
    """About 1.5 KB of report-like text, unique per i."""
    body = " ".join(rng.choice(SENTENCES).format(p=rng.choice(PLACES)) for _ in range(14))
    return f"Report number {i}. {body}"


# Records per JSON Lines file: ~13 MB, under the 20 MB a file may have by default
# (`ingest --max-bytes`); more records are written as several files in one folder.
RECORDS_PER_FILE = 10_000


def write_jsonl(folder: Path, n: int) -> None:
    rng = random.Random(1)
    folder.mkdir()
    for first in range(0, n, RECORDS_PER_FILE):
        with (folder / f"records-{first:07d}.jsonl").open("w", encoding="utf-8") as handle:
            for i in range(first, min(n, first + RECORDS_PER_FILE)):
                handle.write(json.dumps({
                    "id": f"bench-{i}", "url": f"https://bench.example/{i}",
                    "language": "en", "published": f"2025-11-{1 + i % 28:02d}",
                    "title": f"Report {i}", "text": article(rng, i)}) + "\n")


def write_html(folder: Path, n: int) -> None:
    rng = random.Random(2)
    folder.mkdir()
    for i in range(n):
        paragraphs = "".join(f"<p>{article(rng, i)}</p>" for _ in range(2))
        (folder / f"page-{i:05d}.html").write_text(
            f"<!DOCTYPE html><html><head><title>Report {i}</title>"
            f'<link rel="canonical" href="https://bench.example/p/{i}">'
            f'<meta property="article:published_time" content="2025-11-20T10:00:00Z">'
            f"</head><body><nav><a href='/'>Home</a></nav><article><h1>Report {i}</h1>"
            f"{paragraphs}</article><footer>footer</footer></body></html>",
            encoding="utf-8")


def run_case(source: str, db_url: str, extract: bool, workers: int = 1,
             profile: str | None = None) -> dict[str, float]:
    """Ingest `source` into `db_url` in this process (analysing on a Dask cluster of
    `workers` processes when more than one); report count, time and peak RSS. With
    `profile`, the ingest's cProfile statistics are written to that file."""
    from contextlib import nullcontext

    from frontledger.ledger import open_store
    from frontledger.parallel import Cluster
    from frontledger.pipeline import analyse, ingest_into, skip_analysis

    if workers == 1 and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    store = open_store(db_url)
    marks: list[tuple[int, float]] = []  # (documents stored, CPU seconds) after each batch
    add_documents = store.add_documents
    storing = [0.0]  # CPU seconds of this thread in add_documents

    def add_and_mark(*args: Any, **kwargs: Any) -> list[bool]:
        before = time.thread_time()
        stored = add_documents(*args, **kwargs)
        storing[0] += time.thread_time() - before
        marks.append(((marks[-1][0] if marks else 0) + len(stored), time.process_time()))
        return stored

    store.add_documents = add_and_mark  # type: ignore[method-assign]
    with Cluster(workers=workers) if workers > 1 else nullcontext() as cluster:
        if extract:  # load the gazetteer and lexicons before the clock starts
            first = next(iter_documents(source))
            analyse(first)
            if cluster is not None and cluster.client is not None:
                cluster.client.run(analyse, first)  # on every worker
        profiler = None
        if profile:
            import cProfile

            # timed by this process's CPU clock: on a loaded machine the default wall
            # clock charges each function the wait for a core
            profiler = cProfile.Profile(time.process_time)
            profiler.enable()
        started, cpu_started = time.perf_counter(), time.process_time()
        cluster_started = descendants_cpu()
        threads_started = thread_cpu()
        report = ingest_into(store, [source], analyser=analyse if extract else skip_analysis,
                             cluster=cluster)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        cluster_cpu = descendants_cpu() - cluster_started
        threads = thread_cpu()
        threads = {name: cpu - threads_started.get(name, 0.0) for name, cpu in threads.items()}
        if profiler is not None:
            profiler.disable()
            profiler.dump_stats(profile)
    store.close()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # the largest of the cluster's processes (nannies and workers: this process's
    # children, ended with the cluster); 0 without a cluster
    workers_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"documents": report.stored, "seconds": seconds, "cpu": cpu,
            "cluster_cpu": cluster_cpu, "peak_mb": peak_mb,
            "worker_peak_mb": workers_mb, "storing": storing[0],
            "threads": {name: round(cpu, 2) for name, cpu in sorted(
                threads.items(), key=lambda item: -item[1]) if cpu >= 0.01},
            **ends_per_document(marks, cpu_started)}


def thread_cpu() -> dict[str, float]:
    """CPU seconds (user + system) of each of this process's threads so far, by the
    Python thread's name (the main thread, Dask's event loop...; Linux's /proc)."""
    import threading

    names = {thread.native_id: thread.name for thread in threading.enumerate()}
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    found: dict[str, float] = {}
    folder = f"/proc/{os.getpid()}/task"
    for entry in os.listdir(folder) if os.path.isdir(folder) else ():
        try:
            fields = Path(f"{folder}/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # ended meanwhile
            continue
        name = names.get(int(entry), f"thread {entry}")
        found[name] = found.get(name, 0.0) + (int(fields[11]) + int(fields[12])) / tick
    return found


def descendants_cpu() -> float:
    """CPU seconds (user + system) used so far by this process's descendants that are
    still running: the Dask cluster's nannies and workers (Linux's /proc; 0 elsewhere)."""
    parents: dict[int, int] = {}
    cpu: dict[int, float] = {}
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    for entry in os.listdir("/proc") if os.path.isdir("/proc") else ():
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # ended meanwhile
            continue
        parents[int(entry)] = int(fields[1])
        cpu[int(entry)] = (int(fields[11]) + int(fields[12])) / tick
    ours, found = {os.getpid()}, True
    while found:
        found = False
        for pid, parent in parents.items():
            if parent in ours and pid not in ours:
                ours.add(pid)
                found = True
    return sum(cpu[pid] for pid in ours if pid != os.getpid())


# Documents at each end of the run over which the per-document CPU is given: whether
# the ingesting process slows down as the ledger grows (issue 13: 5 ms over the first
# 1,000 documents, 22 ms on average over 20,000, before the refold was made incremental).
ENDS = 1_000


def ends_per_document(marks: list[tuple[int, float]], cpu_started: float,
                      ) -> dict[str, float]:
    """CPU ms per document of the ingesting process over the first and the last ENDS
    documents (to the nearest batch boundary)."""
    if not marks:
        return {"first_ms": 0.0, "last_ms": 0.0}
    total = marks[-1][0]
    first = next((m for m in marks if m[0] >= min(ENDS, total)), marks[-1])
    before_last = [m for m in marks if m[0] <= total - ENDS] or [(0, cpu_started)]
    last_start = before_last[-1]
    return {"first_ms": 1000 * (first[1] - cpu_started) / max(first[0], 1),
            "last_ms": 1000 * (marks[-1][1] - last_start[1]) / max(total - last_start[0], 1)}


def iter_documents(source: str):  # type: ignore[no-untyped-def]
    from frontledger.ingest import read_sources
    from frontledger.records import Document

    return (d for d in read_sources([source]) if isinstance(d, Document))


def spawn(source: Path, db_url: str, extract: bool, workers: int = 1,
          profile: str | None = None) -> dict[str, float]:
    flag = ["--extract"] if extract else []
    if profile:
        flag += ["--profile", profile]
    child = subprocess.run([sys.executable, __file__, *flag, "--workers", str(workers),
                            "--case", str(source), db_url],
                           capture_output=True, text=True, check=False)
    if child.returncode:
        raise SystemExit(f"the case {source} -> {db_url} failed:\n{child.stderr[-3000:]}")
    return dict(json.loads(child.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--postgres", action="store_true", help="also run on PostgreSQL")
    parser.add_argument("--postgres-only", action="store_true",
                        help="run on PostgreSQL only (a long scale check: SQLite apart)")
    parser.add_argument("--extract", action="store_true",
                        help="also geoparse and extract claims (the whole pipeline)")
    parser.add_argument("--workers", type=int, default=1,
                        help="with --extract, also run on a Dask cluster of N workers")
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--pages", type=int, default=1_000)
    parser.add_argument("--profile", help="write a cProfile of the first case to this file")
    parser.add_argument("--case", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        print(json.dumps(run_case(*args.case, extract=args.extract, workers=args.workers,
                                  profile=args.profile)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        run_all(Path(tmp), args)


def run_all(tmp: Path, args: argparse.Namespace) -> None:
    write_jsonl(tmp / "records", args.records)
    write_html(tmp / "pages", args.pages)
    backends = [] if args.postgres_only else [("sqlite", lambda name: f"sqlite:///{tmp / name}.db")]
    server = None
    if args.postgres or args.postgres_only:
        from tests.conftest import fresh_postgres_db
        from tests.pgserver import PostgresServer

        server = PostgresServer().start()
        admin = server.url()
        backends.append(("postgresql", lambda _name: fresh_postgres_db(admin)))
    print(f"{'input':<22}{'backend':<12}{'workers':>8}{'docs':>8}{'wall s':>9}{'docs/s':>9}"
          f"{'cpu s':>8}{'docs/cpu s':>12}{'all cpu s':>10}{'peak MB':>9}{'worker MB':>10}"
          f"{'ms/doc first':>13}{'last':>7}")
    counts = [1, args.workers] if args.extract and args.workers > 1 else [1]
    try:
        for label, source in ((f"{args.records} JSONL records", tmp / "records"),
                              (f"{args.pages} HTML pages", tmp / "pages")):
            for (backend, make_url), workers in product(backends, counts):
                result = spawn(source, make_url(f"{backend}-{source.name}-{workers}"),
                               args.extract, workers, args.profile)
                args.profile = None  # the first case only
                docs = result["documents"]
                print(f"{label:<22}{backend:<12}{workers:>8}{docs:>8.0f}"
                      f"{result['seconds']:>9.2f}{docs / result['seconds']:>9.0f}"
                      f"{result['cpu']:>8.2f}{docs / result['cpu']:>12.0f}"
                      f"{result['cpu'] + result['cluster_cpu']:>10.2f}"
                      f"{result['peak_mb']:>9.0f}{result.get('worker_peak_mb', 0):>10.0f}"
                      f"{result['first_ms']:>13.1f}{result['last_ms']:>7.1f}")
                print(f"{'':<22}storing {result['storing']:.2f} cpu s; threads (cpu s): "
                      + ", ".join(f"{name} {cpu}" for name, cpu in result["threads"].items()))
    finally:
        if server is not None:
            server.stop()


if __name__ == "__main__":
    main()

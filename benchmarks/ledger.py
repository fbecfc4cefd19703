"""Ledger folding and queries at scale: event clustering, timelines, as-of control.

    .venv/bin/python benchmarks/ledger.py [--postgres] [--claims 100000] [--places 5000]
                                          [--fold-only | --queries-only] [--scattered]
                                          [--ledger FILE]

Generates claims over places (5 sides' worth of kinds, stances and dates across 2025),
then prints two tables:
- clustering time for 10k / 50k / 100k claims (in memory: the fold itself), to show it
  scales near-linearly, and the CPU time of the claimant track records over them (few
  `--places` make busy places: the case that used to be cubic);
- p50 / p95 of 200 timelines of one place and of 200 questions of control as of a date
  (all places, and one region), and the time of the first (the store's memory of states
  still empty: the one-off question of a CLI run), on SQLite and, with --postgres, on a
  throwaway PostgreSQL server; and the time
  the generated ledger took to write (--batch documents with their claims and the place
  states they change per transaction, as `SqlStore.add_documents` writes them), in the
  order of a feed: reports published day after day, each about the week before it
  (`--scattered`: each report's claims on random days of the year, the worst case for
  folding them into the stored states). A progress line on stderr every 100,000 claims.
Ends with this process's peak memory (resident set, `getrusage`); `--queries-only` leaves
out the in-memory clustering, whose own memory would hide the ledger's (the 1,000,000-claim
scale check: `--claims 1000000 --queries-only`). `--ledger FILE` writes the SQLite ledger
there and keeps it; run again with the same FILE, the queries are timed on it without
writing it again (the write's wall and CPU seconds are printed when it is written).
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from frontledger.ingest.formats import make_document  # noqa: E402
from frontledger.ledger import open_store  # noqa: E402
from frontledger.ledger.events import cluster_events  # noqa: E402
from frontledger.ledger.query import control_on  # noqa: E402
from frontledger.ledger.store import AnalysedDocument, SqlStore, place_keys  # noqa: E402
from frontledger.ledger.trackrecord import track_records  # noqa: E402
from frontledger.records import Claim, Evidence, PlaceMention, StoredClaim  # noqa: E402

KINDS = ("control", "control", "control", "advance", "clash", "strike", "withdrawal")
SIDES = ("RU", "UA", "other")
REGIONS = ("UA-14", "UA-63", "UA-23", "UA-09", "UA-65")
CLAIMS_PER_DOCUMENT = 20
QUERY_REPEATS = 200
# Documents written per transaction (`SqlStore.add_documents`), as `frontledger run` does;
# --batch 1 measures the one-document-at-a-time path.
WRITE_BATCH = 500
# Days before its publication that a generated report's claims fall on (a feed reports
# the last few days' fighting: "yesterday", "on Tuesday").
FEED_DAYS_BACK = 7
# Documents between two progress lines of a write (on stderr): 100,000 claims a line.
PROGRESS_EVERY = 5_000


def make_claim(rng: random.Random, places: int, doc_id: str, day: date | None = None,
               ) -> Claim:
    """A claim about a random place; of a random day of 2025 unless `day` is given."""
    n = rng.randrange(places)
    place = PlaceMention(0, 5, "Place", f"Place {n}", "populated_place", 10_000_000 + n,
                         "UA", REGIONS[n % len(REGIONS)], 47 + n % 50 / 10, 35 + n % 40 / 10)
    kind = rng.choice(KINDS)
    return Claim(claimant="bench", claimant_side=rng.choice(SIDES), kind=kind,  # type: ignore[arg-type]
                 place=place, actor_side=rng.choice(("RU", "UA")),
                 stance=rng.choice(("asserts", "asserts", "denies")),
                 evidence=Evidence(doc_id, 0, 5, "Place"),
                 fraction=rng.choice((None, None, 0.5, 0.8)),
                 date=day or date(2025, 1, 1) + timedelta(days=rng.randrange(365)),
                 date_precision="day")


def in_memory_claims(n: int, places: int) -> list[StoredClaim]:
    rng = random.Random(7)
    return [StoredClaim(i, make_claim(rng, places, f"d{i // 20}"), f"d{i // 20}", "o", None,
                        None, "en", None, rng.getrandbits(64)) for i in range(n)]


def fill(store: SqlStore, n: int, places: int, batch: int = WRITE_BATCH,
         scattered: bool = False) -> None:
    """Write `n` claims, `batch` documents a transaction. As a feed arrives: documents
    published day after day through 2025, each one's claims dated within the week before
    it; `scattered`: every document's claims on random days of the year, all published
    on 1 June (the worst case for `states.fold_in`: each batch changes every place's
    states from January on)."""
    rng = random.Random(11)
    pending: list[AnalysedDocument] = []
    documents = n // CLAIMS_PER_DOCUMENT
    started, cpu_started = time.perf_counter(), time.process_time()
    for d in range(documents):
        if d and d % PROGRESS_EVERY == 0:  # a long write shows whether it slows as it grows
            print(f"  {d * CLAIMS_PER_DOCUMENT:>9} claims  {time.perf_counter() - started:8.1f} s"
                  f"  {time.process_time() - cpu_started:8.1f} CPU s", file=sys.stderr, flush=True)
        published = (date(2025, 6, 1) if scattered
                     else date(2025, 1, 1) + timedelta(days=d * 365 // max(documents, 1)))
        doc = make_document(f"benchmark document {d}", source="bench", raw=b"", language="en",
                            published=datetime(published.year, published.month, published.day,
                                               tzinfo=UTC))
        claims = [make_claim(rng, places, doc.id, None if scattered else
                             published - timedelta(days=rng.randrange(FEED_DAYS_BACK)))
                  for _ in range(CLAIMS_PER_DOCUMENT)]
        pending.append(AnalysedDocument(doc, [], claims))
        if len(pending) == batch:
            store.add_documents(pending, extractor="bench")
            pending = []
    store.add_documents(pending, extractor="bench")


def percentiles(run: Callable[[int], object], repeats: int = QUERY_REPEATS,
                ) -> tuple[float, float, float, float]:
    """p50 and p95 of the wall time, p95 of this process's CPU time (what the query cost
    here, whatever else the machine was running; on PostgreSQL the server's share is not
    in it), and the wall time of the first query (the store's memory of states empty)."""
    times, cpu = [], []
    for i in range(repeats):
        started, cpu_started = time.perf_counter(), time.process_time()
        run(i)
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
    cuts = statistics.quantiles(times, n=100)
    return cuts[49], cuts[94], statistics.quantiles(cpu, n=100)[94], times[0]


def clustering_table(places: int, sizes: list[int]) -> None:
    print(f"{'claims':>10}{'cluster s':>12}{'claims/s':>12}{'events':>10}"
          f"{'trackrecord cpu s':>19}")
    for size in sizes:
        claims = in_memory_claims(size, places)
        started = time.perf_counter()
        events = cluster_events(claims)
        seconds = time.perf_counter() - started
        cpu_started = time.process_time()
        track_records(claims)
        track_cpu = time.process_time() - cpu_started
        print(f"{size:>10}{seconds:>12.2f}{size / seconds:>12.0f}{len(events):>10}"
              f"{track_cpu:>19.2f}")


def query_rows(backend: str, store: SqlStore, places: int) -> list[str]:
    rng = random.Random(3)
    ids = [10_000_000 + rng.randrange(places) for _ in range(QUERY_REPEATS)]
    days = [date(2025, 1, 1) + timedelta(days=rng.randrange(365)) for _ in range(QUERY_REPEATS)]

    def one_timeline(i: int) -> object:
        return store.place_history(place_keys([ids[i]], []))

    rows = []
    for label, run, repeats in (
            ("timeline of one place", one_timeline, QUERY_REPEATS),
            ("control as of, region", lambda i: control_on(store, days[i], REGIONS[i % 5]),
             QUERY_REPEATS),
            ("control as of, all", lambda i: control_on(store, days[i]), QUERY_REPEATS)):
        p50, p95, cpu95, first = percentiles(run, repeats)
        rows.append(f"{label:<24}{backend:<12}{p50:>10.1f}{p95:>10.1f}{cpu95:>12.1f}"
                    f"{first:>10.1f}")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--postgres", action="store_true", help="also run on PostgreSQL")
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--places", type=int, default=5_000)
    parser.add_argument("--batch", type=int, default=WRITE_BATCH,
                        help="documents per write transaction")
    parser.add_argument("--scattered", action="store_true",
                        help="claims on random days of the year, not a feed's recent days")
    parser.add_argument("--fold-only", action="store_true",
                        help="only the in-memory table (clustering, track records)")
    parser.add_argument("--ledger", type=Path,
                        help="the SQLite ledger file: written when missing and kept, "
                             "queried as it is when present (query again without "
                             "writing a large ledger again)")
    parser.add_argument("--queries-only", action="store_true",
                        help="only the stored ledger (write, timelines, as-of)")
    args = parser.parse_args()
    sizes = sorted({args.claims // 10, args.claims // 2, args.claims})
    if not args.queries_only:
        clustering_table(args.places, sizes)
    if not args.fold_only:
        stored_ledger_table(args)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    print(f"\npeak memory of this process: {peak:.0f} MB")


def write(store: SqlStore, args: argparse.Namespace, backend: str) -> None:
    """Fill `store` and print the wall and CPU time the write took."""
    started, cpu_started = time.perf_counter(), time.process_time()
    fill(store, args.claims, args.places, args.batch, args.scattered)
    print(f"{'(write ' + str(args.claims) + ' claims)':<24}{backend:<12}"
          f"{time.perf_counter() - started:>9.1f}s  {time.process_time() - cpu_started:.1f}"
          f" CPU s  ({args.batch} documents a transaction)", flush=True)


def stored_ledger_table(args: argparse.Namespace) -> None:
    urls = []
    server = None
    with tempfile.TemporaryDirectory() as tmp:
        urls.append(("sqlite", f"sqlite:///{args.ledger or Path(tmp) / 'ledger.db'}"))
        if args.postgres:
            from tests.conftest import fresh_postgres_db
            from tests.pgserver import PostgresServer

            server = PostgresServer().start()
            urls.append(("postgresql", fresh_postgres_db(server.url())))
        try:
            print(f"\n{'query':<24}{'backend':<12}{'p50 ms':>10}{'p95 ms':>10}"
                  f"{'cpu p95 ms':>12}{'first ms':>10}")
            for backend, url in urls:
                kept = backend == "sqlite" and args.ledger is not None and args.ledger.exists()
                store = open_store(url)
                if not kept:  # a --ledger written before is queried as it is
                    write(store, args, backend)
                for row in query_rows(backend, store, args.places):
                    print(row)
                store.close()
        finally:
            if server is not None:
                server.stop()


if __name__ == "__main__":
    main()

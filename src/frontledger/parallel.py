"""Analysis of large batches on a Dask cluster (`dask.distributed`).

Reads: documents, in input order, from the one process that owns the ledger.
Adds: each document's analysis (places and claims, or the reason it failed), computed on
the cluster's worker processes and handed back in input order.

The ledger is written by the calling process only (the cluster computes, it never
writes), in the transactions of a plain run (`pipeline.store_batch`). So a run killed
part-way resumes as a serial one does (documents already stored are skipped, the rest are
analysed again) and the ledger a parallel run leaves is the one a serial run leaves.

Workers are started by `Cluster(workers=N)` (a `LocalCluster` of N single-threaded
processes, each loading the gazetteer index once) or joined with `Cluster(scheduler=
"tcp://host:8786")`, a cluster the user runs; its workers need frontledger installed.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from frontledger.budget import analysis_budget
from frontledger.errors import UsageError
from frontledger.records import Claim, Document, PlaceMention

if TYPE_CHECKING:
    from distributed import Client, Future

    from frontledger.ledger.store import AnalysisRows

T = TypeVar("T")

TASK_DOCUMENTS = 64
"""Documents sent to a worker in one task: enough that the scheduler and the client's
work per task (in the calling process, which also stores) is small beside analysis
(about 5 ms a document), few enough to spread a batch of a few hundred documents over
every worker. 16 a task cost the calling process ~0.3 ms of CPU a document more
(benchmarks/ingest.py --extract --workers 2, 2,000 reports: 4.6 against 4.0 CPU s, one
run each on a loaded machine)."""
TASKS_PER_WORKER = 4
"""Batches in flight per worker: workers never wait for the next batch, and the calling
process holds at most this many batches of documents (and results) per worker in memory."""
LOCAL_WORKER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "500ms",
}
"""Dask settings of the cluster `Cluster(workers=N)` starts (its scheduler, nannies and
workers). Each worker's statistical profiler (a walk of the running task's stack every
10 ms, for a dashboard we do not start) cost ~25 ms of CPU per second of the run, half of
the worker's event loop (measured per thread from /proc with benchmarks/ingest.py
--extract --workers 2). Every process's event-loop health check (every 20 ms by default;
it only warns of a loop blocked for seconds), system monitor (psutil every 0.5 s, for the
dashboard) and the nannies' memory watch (every 0.1 s; 0.5 s still stops a runaway worker
long before it exhausts memory) cost a two-worker cluster ~66 ms of CPU a second, idle or
busy; with these intervals ~19 ms (one idle 10 s sample of every process, each way)."""
POLL_SECONDS = 5.0
"""How often a wait for a task's result checks that the cluster still has a worker."""
WORKERLESS_SECONDS = 60.0
"""A cluster without any worker this long is given up on: a nanny restarts a dead worker
within seconds, so a minute with none means none is coming back (a joined cluster whose
workers all left, or a local one that stopped restarting them), and the batch's documents
are stored unanalysed with the reason instead of the run waiting for ever."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What analysing one document gave: its places and claims, or why it failed."""

    places: list[PlaceMention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    error: str | None = None
    """The exception, as "TypeName: message", when the analyser raised."""
    rows: AnalysisRows | None = None
    """The places and claims as the ledger's rows instead (from a worker: `rows_batch`)."""

    @property
    def claim_count(self) -> int:
        return len(self.rows.claims) if self.rows is not None else len(self.claims)


Analyser = Callable[[Document], tuple[list[PlaceMention], list[Claim]]]


def outcome_of(document: Document, analyser: Analyser) -> Outcome:
    """Analyse one document within its time budget (`budget.ANALYSIS_SECONDS`); a
    failure becomes the outcome's error, so that one document cannot stop a batch (on a
    worker, or in a serial run)."""
    try:
        with analysis_budget():
            places, claims = analyser(document)
    except Exception as exc:  # a batch boundary: reported with the document, not raised
        return Outcome(error=f"{type(exc).__name__}: {exc}")
    return Outcome(places, claims)


def analyse_batch(documents: list[Document], analyser: Analyser) -> list[Outcome]:
    """The task each worker runs: the outcomes of a batch of documents, in order."""
    return [outcome_of(document, analyser) for document in documents]


def rows_batch(documents: list[Document], analyser: Analyser) -> list[AnalysisRows | str]:
    """The task each worker runs for a run that stores: per document, in order, its
    analysis as the ledger's rows or the reason it failed. Plain tuples and strings
    travel back and are unpickled in C; `Outcome`s with a record per place and claim cost
    the calling process ~0.4 ms of CPU a document to rebuild (benchmarks/ingest.py
    --extract --workers 2)."""
    from frontledger.ledger.store import analysis_rows

    found: list[AnalysisRows | str] = []
    for document in documents:
        outcome = outcome_of(document, analyser)
        found.append(outcome.error if outcome.error is not None
                     else analysis_rows(document, outcome.places, outcome.claims))
    return found


def _as_outcome(found: Outcome | AnalysisRows | str) -> Outcome:
    if isinstance(found, Outcome):
        return found
    return Outcome(error=found) if isinstance(found, str) else Outcome(rows=found)


class Cluster:
    """A Dask cluster to analyse documents on: started here (`workers`) or joined
    (`scheduler`). Use as a context manager; the cluster it started stops on exit."""

    def __init__(self, workers: int = 2, scheduler: str | None = None,
                 batch: int = TASK_DOCUMENTS) -> None:
        if workers < 1:
            raise UsageError(f"--workers must be at least 1, not {workers}")
        self.workers = workers
        self.scheduler = scheduler
        self.batch = batch
        self.client: Client | None = None
        self._local: Any = None

    def __enter__(self) -> Cluster:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - a dependency of frontledger
            raise UsageError("parallel runs need the 'distributed' package: "
                             "pip install distributed") from exc
        if self.scheduler:
            try:
                self.client = Client(self.scheduler, timeout="30s")
            except (OSError, TimeoutError) as exc:
                raise UsageError(f"cannot reach the Dask scheduler at {self.scheduler} "
                                 f"({exc}); is it running?") from exc
        else:
            import dask

            # loopback only; no dashboard, and its metrics server on a free port (the
            # default 8787 may be taken by another cluster); the workers (their nannies
            # take the configuration as it is now) without LOCAL_WORKER_CONFIG's costs
            with dask.config.set(LOCAL_WORKER_CONFIG):
                self._local = LocalCluster(n_workers=self.workers, threads_per_worker=1,
                                           processes=True, host="127.0.0.1",
                                           dashboard_address=None,
                                           scheduler_kwargs={"dashboard_address": ":0"})
            self.client = Client(self._local)
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.client is not None:
            self.client.close()
        if self._local is not None:
            self._local.close()

    def worker_count(self) -> int:
        """Workers the scheduler knows of now (at least one, for sizing the window)."""
        assert self.client is not None, "use the cluster as a context manager"
        return max(1, len(self.client.scheduler_info().get("workers", {})))

    def analysed(self, items: Iterable[T], document_of: Callable[[T], Document | None],
                 analyser: Analyser, *, rows: bool = False,
                 ) -> Iterator[tuple[T, Outcome | None]]:
        """Each item with its document's outcome (None for items with no document to
        analyse), in input order. `document_of` runs in this process just before an item
        is sent (so a ledger check there sees everything stored so far). With `rows`,
        each outcome holds its analysis as the ledger's rows (`Outcome.rows`), not
        records: cheaper to hand back, for a run that only stores them."""
        assert self.client is not None, "use the cluster as a context manager"
        window = TASKS_PER_WORKER * self.worker_count()
        pending: deque[_Batch[T]] = deque()
        task = rows_batch if rows else analyse_batch
        batch: _Batch[T] = _Batch()
        for item in items:
            batch.add(item, document_of(item))
            if len(batch.documents) >= self.batch:
                pending.append(batch.submit(self.client, task, analyser))
                batch = _Batch()
                while len(pending) > window:
                    yield from pending.popleft().results(self.client)
        pending.append(batch.submit(self.client, task, analyser))
        while pending:
            yield from pending.popleft().results(self.client)


class _Batch(list[tuple[T, bool]]):
    """Items in input order, each marked with whether its document is analysed; the
    documents sent; the future of their outcomes."""

    def __init__(self) -> None:
        super().__init__()
        self.documents: list[Document] = []
        self.future: Future | None = None

    def add(self, item: T, document: Document | None) -> None:
        self.append((item, document is not None))
        if document is not None:
            self.documents.append(document)

    def submit(self, client: Client, task: Callable[..., list[Any]],
               analyser: Analyser) -> _Batch[T]:
        if self.documents:
            # pure=False: documents sent again (by a resumed run) are analysed again
            self.future = client.submit(task, self.documents, analyser, pure=False)
        return self

    def results(self, client: Client) -> Iterator[tuple[T, Outcome | None]]:
        try:
            outcomes = iter(_wait_for(client, self.future) if self.future is not None else [])
        except Exception as exc:  # the task itself failed (its worker died): say so per document
            lost = Outcome(error=f"the Dask task analysing it failed ({type(exc).__name__}: "
                                 f"{exc})")
            outcomes = iter([lost] * len(self.documents))
        for item, analysed in self:
            yield item, _as_outcome(next(outcomes)) if analysed else None


class NoWorkers(RuntimeError):
    """The cluster has had no worker for WORKERLESS_SECONDS: nothing will run the task."""


def _wait_for(client: Client, future: Future) -> list[Any]:
    """The future's result; NoWorkers when the cluster stays without a worker (every
    worker died and none came back), which would otherwise wait for ever."""
    from distributed import TimeoutError as DaskTimeout

    workerless = 0.0
    while True:
        try:
            return list(future.result(timeout=POLL_SECONDS))
        except (DaskTimeout, TimeoutError):
            if client.scheduler_info().get("workers"):
                workerless = 0.0
                continue
            workerless += POLL_SECONDS
            if workerless >= WORKERLESS_SECONDS:
                future.cancel()
                raise NoWorkers(f"no Dask worker for {WORKERLESS_SECONDS:g} s; every "
                                "worker died and none came back") from None

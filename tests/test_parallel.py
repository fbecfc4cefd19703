"""Large batches on a real Dask cluster: the ledger a parallel run leaves is the serial one.

The Kupiansk reports (tests/fixtures/ledger/kupiansk.jsonl) and the example articles go
through `frontledger run --workers 2` (a LocalCluster of two worker processes) and through
a plain run; a failing analyser and `reprocess` run on a cluster joined by its address.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from distributed import LocalCluster

from frontledger import parallel
from frontledger.ledger import SqlStore, open_store
from frontledger.parallel import Cluster
from frontledger.pipeline import analyse, ingest_into, reprocess
from frontledger.records import Claim, Document, PlaceMention
from tests.test_ledger_cli import KUPIANSK

EXAMPLES = str(Path(__file__).parent.parent / "examples")


def _ledger(store: SqlStore) -> tuple[list[str], list[tuple[object, ...]]]:
    """Documents in storage order, and every claim with its evidence, in storage order."""
    documents = [d.id for d in store.documents()]
    claims = [(c.evidence.document_id, c.evidence.start, c.evidence.end, c.kind,
               c.place.name, c.place.geonameid, c.actor_side, c.stance, c.claimant,
               c.claimant_side, c.date, c.fraction) for c in store.claims()]
    return documents, claims


def test_run_on_a_local_dask_cluster_stores_what_a_serial_run_stores(tmp_path: Path) -> None:
    serial, parallel = f"sqlite:///{tmp_path / 'serial.db'}", f"sqlite:///{tmp_path / 'p.db'}"
    # both runs in fresh processes, as a user runs them: the serial one must not see what
    # earlier tests left in this process's caches (fixture gazetteers, patched lexicons)
    first = _run_json("run", KUPIANSK, EXAMPLES, "--db", serial, "--json")
    second = _run_json("run", KUPIANSK, EXAMPLES, "--db", parallel, "--workers", "2", "--json")
    assert second == first and first["stored"] > 6 and first["claims"] > 0
    with open_store(serial) as one, open_store(parallel) as other:
        assert _ledger(other) == _ledger(one)
        assert other.states_on(date(2025, 12, 31)) == one.states_on(date(2025, 12, 31))


def _run_json(*args: str) -> Any:
    done = subprocess.run([sys.executable, "-c", "from frontledger.cli import main; main()",
                           *args], capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A running cluster joined by address, as `--scheduler tcp://…` joins one; its
    workers are threads of this process, so they can run this module's analysers."""
    with LocalCluster(n_workers=1, processes=False, dashboard_address=None,
                      scheduler_kwargs={"dashboard_address": ":0"}) as cluster:
        yield cluster.scheduler_address


def failing_on_boom(document: Document) -> tuple[list[PlaceMention], list[Claim]]:
    if "BOOM" in document.text:
        raise RuntimeError("analyser exploded")
    return analyse(document)


def test_a_document_failing_on_a_worker_is_stored_unanalysed_and_the_batch_goes_on(
        tmp_path: Path, scheduler: str) -> None:
    source = tmp_path / "batch.jsonl"
    source.write_text(
        '{"id": "a", "language": "en", "text": "Russian forces captured Pokrovsk, Moscow said."}\n'
        '{"id": "b", "language": "en", "text": "BOOM went the analyser on this one."}\n'
        '{"id": "c", "language": "en", "text": "Kyiv said its troops still hold Kupiansk."}\n',
        encoding="utf-8")
    with open_store(f"sqlite:///{tmp_path / 'l.db'}") as store, \
            Cluster(scheduler=scheduler, batch=2) as cluster:
        report = ingest_into(store, [str(source)], analyser=failing_on_boom, cluster=cluster)
        assert (report.stored, report.claims) == (3, 2)
        assert [r.stage for r in report.rejections] == ["analyse"]
        assert "RuntimeError: analyser exploded" in report.rejections[0].reason
        assert [d.external_id for d in store.documents()] == ["a", "b", "c"]
        again = ingest_into(store, [str(source)], analyser=failing_on_boom, cluster=cluster)
        assert (again.stored, again.already_present) == (0, 3)
        # the unanalysed document is what `reprocess` takes up, on the cluster too
        assert reprocess(store, analyser=analyse, cluster=cluster) == 1
        assert len(store.claims()) == 2


def test_reprocess_on_a_cluster_redoes_every_stale_document(tmp_path: Path,
                                                            scheduler: str) -> None:
    with open_store(f"sqlite:///{tmp_path / 'l.db'}") as store:
        ingest_into(store, [KUPIANSK])
        before = _ledger(store)
        with Cluster(scheduler=scheduler, batch=4) as cluster:
            assert reprocess(store, version="next", cluster=cluster) == 6
        assert reprocess(store, version="next") == 0
        assert _ledger(store)[1] == before[1]


def exiting_on_crash(document: Document) -> tuple[list[PlaceMention], list[Claim]]:
    if "CRASH" in document.text:
        os._exit(3)  # the worker process dies, as on a segfault or the OOM killer
    return [], []


def test_documents_of_a_task_whose_worker_died_are_stored_with_the_reason(
        tmp_path: Path) -> None:
    source = tmp_path / "batch.jsonl"
    source.write_text('{"id": "a", "text": "An ordinary report."}\n'
                      '{"id": "b", "text": "CRASH: a report that kills its worker."}\n',
                      encoding="utf-8")
    with open_store(f"sqlite:///{tmp_path / 'l.db'}") as store, \
            Cluster(workers=1, batch=1) as cluster:
        report = ingest_into(store, [str(source)], analyser=exiting_on_crash, cluster=cluster)
    # a document in flight on the same dying worker may share the fate of the one that
    # kills it (Dask gives up on tasks held by a worker that died three times)
    assert report.stored == 2 and {r.stage for r in report.rejections} == {"analyse"}
    # KilledWorker once Dask gives up on the task; NoWorkers if the nanny stopped
    # restarting the worker it lost (seen on a loaded machine)
    assert all("the Dask task analysing it failed (KilledWorker" in r.reason
               or "the Dask task analysing it failed (NoWorkers" in r.reason
               for r in report.rejections)
    assert report.rejections[-1].locator == _locator_of(source, 2)


def _locator_of(source: Path, line: int) -> str | None:
    """Where `read_source` says the record on `line` of a JSONL file is."""
    from frontledger.ingest import read_sources

    items = list(read_sources([str(source)]))
    return items[line - 1].locator


def test_a_cluster_left_without_workers_stores_the_batch_unanalysed_with_the_reason(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "POLL_SECONDS", 0.2)
    monkeypatch.setattr(parallel, "WORKERLESS_SECONDS", 1.0)
    source = tmp_path / "batch.jsonl"
    source.write_text('{"id": "a", "text": "An ordinary report."}\n', encoding="utf-8")
    with open_store(f"sqlite:///{tmp_path / 'l.db'}") as store, \
            Cluster(workers=1, batch=1) as cluster:
        assert cluster.client is not None
        cluster._local.scale(0)  # every worker gone, none coming back
        while cluster.client.scheduler_info().get("workers"):
            time.sleep(0.1)
        report = ingest_into(store, [str(source)], cluster=cluster)
    assert report.stored == 1
    assert [r.stage for r in report.rejections] == ["analyse"]
    assert "NoWorkers: no Dask worker for 1 s" in report.rejections[0].reason


def _worker_profiles() -> bool:
    import dask

    return bool(dask.config.get("distributed.worker.profile.enabled"))


def _housekeeping_intervals() -> tuple[str, str, str]:
    import dask

    return (dask.config.get("distributed.admin.tick.interval"),
            dask.config.get("distributed.admin.system-monitor.interval"),
            dask.config.get("distributed.worker.memory.monitor-interval"))


def test_workers_of_a_local_cluster_run_without_the_statistical_profiler() -> None:
    # the profiler walks the running task's stack every 10 ms, for a dashboard never shown
    with Cluster(workers=1) as cluster:
        assert cluster.client is not None
        assert list(cluster.client.run(_worker_profiles).values()) == [False]


def test_a_local_cluster_checks_its_event_loops_and_monitors_seldom() -> None:
    # Dask's defaults (20 ms, 0.5 s, 0.1 s) cost a two-worker cluster ~66 ms of CPU a
    # second, taken from the cores that analyse
    with Cluster(workers=1) as cluster:
        assert cluster.client is not None and cluster._local is not None
        assert list(cluster.client.run(_housekeeping_intervals).values()) == [
            ("1s", "5s", "500ms")]
        scheduler = cluster._local.scheduler
        assert scheduler.periodic_callbacks["tick"].callback_time == 1000

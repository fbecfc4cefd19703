"""The watcher: poll every source when it is due, until told to stop (or once)."""

from __future__ import annotations

import random
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from types import FrameType

from frontledger.ledger.store import SqlStore
from frontledger.ledger.watched import WatchedSource, load_watched, save_watched
from frontledger.pipeline import Analysis, analyse
from frontledger.records import Document
from frontledger.watch.poll import (
    NewClaim,
    PollResult,
    WatchOptions,
    failed_poll,
    poll_source,
    utcnow,
)


@dataclass(slots=True)
class WatchReport:
    """What a watch did, in all: polls by outcome, documents and claims added."""

    polls: dict[str, int] = field(default_factory=dict)
    stored: int = 0
    claims: int = 0
    failed_sources: set[str] = field(default_factory=set)
    """Sources whose last poll in this watch failed."""

    def add(self, result: PollResult) -> None:
        self.polls[result.outcome] = self.polls.get(result.outcome, 0) + 1
        self.stored += result.stored
        self.claims += result.claims
        if result.outcome == "failed":
            self.failed_sources.add(result.source)
        elif result.outcome != "deferred":
            self.failed_sources.discard(result.source)


def watch(store: SqlStore, sources: Sequence[str], *, options: WatchOptions | None = None,
          once: bool = False, stop: threading.Event | None = None,
          on_claim: Callable[[NewClaim], None] | None = None,
          on_poll: Callable[[PollResult], None] | None = None,
          analyser: Callable[[Document], Analysis] = analyse,
          clock: Callable[[], datetime] = utcnow,
          rng: random.Random | None = None) -> WatchReport:
    """Poll each source and store what is new in it, as `run` would; with `once`, poll
    each once and return, else poll each whenever it is due until `stop` is set.

    A source is due at its `next_poll`: the interval after a poll that worked, a growing
    jittered backoff (at least the server's Retry-After) after one that failed. At start,
    sources that work are polled at once; a source still in its backoff from an earlier
    run waits (with `once`: is left for the next run). Each source's state is kept in the
    ledger after each poll. `stop` is checked between documents: the document in hand is
    stored whole, and the source's validators are kept so the next poll sees the rest.
    """
    options = options or WatchOptions()
    stop = stop or threading.Event()
    report = WatchReport()
    if not sources:
        return report
    states = {url: load_watched(store, url) or WatchedSource(url)
              for url in dict.fromkeys(sources)}
    started = clock()
    due = {url: _first_poll(state, started) for url, state in states.items()}

    def poll(url: str) -> None:
        result = _poll(store, states[url], options, now=clock(), stop=stop,
                       on_claim=on_claim, analyser=analyser, rng=rng)
        save_watched(store, result.state)
        states[url] = result.state
        due[url] = result.state.next_poll or clock()
        _tell(report, on_poll, result)

    if once:
        for url, when in due.items():
            if stop.is_set():
                break
            if when > started:
                _tell(report, on_poll, PollResult(url, "deferred", states[url]))
            else:
                poll(url)
        return report
    while not stop.is_set():
        for url in [u for u, when in due.items() if when <= clock()]:
            if stop.is_set():
                break
            poll(url)
        stop.wait(max(0.0, (min(due.values()) - clock()).total_seconds()))
    return report


def _tell(report: WatchReport, on_poll: Callable[[PollResult], None] | None,
          result: PollResult) -> None:
    report.add(result)
    if on_poll is not None:
        on_poll(result)


def _first_poll(state: WatchedSource, now: datetime) -> datetime:
    """A source that works is polled now; one in its backoff, when the backoff ends."""
    if state.failures and state.next_poll is not None and state.next_poll > now:
        return state.next_poll
    return now


def _poll(store: SqlStore, state: WatchedSource, options: WatchOptions, *, now: datetime,
          stop: threading.Event, on_claim: Callable[[NewClaim], None] | None,
          analyser: Callable[[Document], Analysis], rng: random.Random | None) -> PollResult:
    try:
        return poll_source(store, state, options, now=now, stop=stop, on_claim=on_claim,
                           analyser=analyser, rng=rng)
    except Exception as exc:  # a bug met on one source's content must not stop the others
        return failed_poll(state, f"{type(exc).__name__}: {exc}", None, options, now, rng)


@contextmanager
def stop_on_signals(stop: threading.Event | None = None) -> Iterator[threading.Event]:
    """An Event set by SIGINT or SIGTERM (a second SIGINT interrupts at once), for the
    duration of the block; the previous handlers are restored after it."""
    stop = stop or threading.Event()

    def handle(signum: int, _frame: FrameType | None) -> None:
        if stop.is_set() and signum == signal.SIGINT:
            raise KeyboardInterrupt
        stop.set()

    previous = {sig: signal.signal(sig, handle) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield stop
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)

"""Watch stage: follow sources live and run what is new in them through the pipeline.

Reads: RSS/Atom feeds, web pages and public Telegram channels (through their preview page,
`https://t.me/s/NAME`), polled on a schedule with conditional GETs, under the same
address guard and caps as `ingest`. Adds: each new document stored with its places and
claims exactly as `run` stores it (same identity rules: a re-poll adds nothing), and per
source a polling state in the ledger (`ledger.watched`) that `frontledger status` shows.
Entry point: `watch(store, sources, options=WatchOptions(...), once=...)`.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from frontledger.watch.loop import WatchReport, stop_on_signals, watch
    from frontledger.watch.poll import NewClaim, PollResult, WatchOptions, poll_source
    from frontledger.watch.schedule import DEFAULT_EVERY, backoff_delay, parse_interval

# Loaded on first use (PEP 562): the CLI registers `watch` and `status` shows watched
# sources without loading the fetcher and the pipeline (`tests/test_cold_start.py`).
_HOMES = {"WatchReport": "loop", "stop_on_signals": "loop", "watch": "loop",
          "NewClaim": "poll", "PollResult": "poll", "WatchOptions": "poll",
          "poll_source": "poll", "DEFAULT_EVERY": "schedule", "backoff_delay": "schedule",
          "parse_interval": "schedule"}
__all__ = ["DEFAULT_EVERY", "NewClaim", "PollResult", "WatchOptions", "WatchReport",
           "backoff_delay", "parse_interval", "poll_source", "stop_on_signals", "watch"]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'frontledger.watch' has no attribute {name!r}")
    return getattr(import_module(f"frontledger.watch.{_HOMES[name]}"), name)

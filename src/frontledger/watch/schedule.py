"""When to poll a source again: the interval, and the backoff after failures."""

from __future__ import annotations

import random
import re

from frontledger.errors import UsageError

DEFAULT_EVERY = 600.0
"""Seconds between polls of a working source (`--every 10m`)."""
MIN_EVERY = 10.0
"""The shortest interval allowed, for politeness, not measured: feeds and channels rarely
change more often than that, and Telegram's preview pages rate-limit eager clients."""
MAX_BACKOFF = 6 * 3600.0
"""The longest wait after failures: a source down for days is still tried 4 times a day."""
MAX_RETRY_AFTER = 24 * 3600.0
"""A server's Retry-After is honoured up to a day; a longer one is read as a day."""
JITTER = 0.5
"""Backoff delays are drawn between (1 - JITTER) and 1 times the nominal delay ("equal
jitter"), so watchers that failed together (one outage, one restart) do not come back in
step; half keeps each delay at least half the nominal one."""

_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smh]?)\s*$", re.I)
_UNIT = {"": 1.0, "s": 1.0, "m": 60.0, "h": 3600.0}
_RANDOM = random.Random()


def parse_interval(text: str) -> float:
    """Seconds from `30s`, `10m`, `1h` (a bare number is seconds)."""
    match = _INTERVAL.match(text)
    if not match:
        raise UsageError(f"cannot read the interval {text!r}: write it as 30s, 10m or 1h")
    seconds = float(match.group(1)) * _UNIT[match.group(2).lower()]
    if seconds < MIN_EVERY:
        raise UsageError(f"the interval {text!r} is below the {MIN_EVERY:g}-second minimum "
                         "that keeps polling polite")
    return seconds


def backoff_delay(failures: int, every: float, *, retry_after: float | None = None,
                  rng: random.Random | None = None) -> float:
    """Seconds to wait after the `failures`-th failure in a row: the interval doubled per
    failure beyond the first, capped, jittered; never less than the server's Retry-After."""
    nominal = min(MAX_BACKOFF, every * 2.0 ** max(0, failures - 1))
    draw = (rng or _RANDOM).random()
    delay = nominal * (1.0 - JITTER * draw)
    if retry_after is not None:
        delay = max(delay, min(retry_after, MAX_RETRY_AFTER))
    return delay

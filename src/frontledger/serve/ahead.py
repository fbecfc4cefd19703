"""Day maps computed ahead: every stored state's map feature encoded once per revision.

    ahead = StatesAhead(store, folder)   # folder shared by every `serve --workers N` process
    ahead.refresh()                    # when the ledger's revision moves (a thread does it)
    ahead.collection(revision, day, region, views)  # bytes, or None while not ready

A day's map (`/api/control`) is the feature of every place state holding that day, in
place-name order. Built on demand, a new day cost ~35 ms of Python (reading and decoding
states, building and encoding features), and 50 clients asking for new days queued behind
it. Here, when the revision moves, every stored state is read once, sorted by place name,
and its feature encoded once (with its date left open, as `payloads.EncodedFeatures`
does); the states kept from the previous revision keep their encodings, so a write that
changes a few places re-encodes only those. Any day's map is then one numpy comparison
over the states' spans and one join of bytes (~1 ms for 2,000 places), the same bytes as
the answer computed on demand.

Every day's whole map is not stored: a 2,000-place ledger's year of daily maps is ~365 MB
(`serve.response_cache`), per revision and per process, against ~20 MB for the table.

The table is shared through a file under the cache folder, named by the ledger and its
revision: the first process to want it builds it under a file lock, the others wait and
load it (~50 ms instead of ~2 s), so more processes do not mean colder answers.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
import orjson
from sqlalchemy import String, func, select, type_coerce

from frontledger.errors import StoreError
from frontledger.ledger import SqlStore
from frontledger.ledger.schema import place_states
from frontledger.ledger.states import decoded_views
from frontledger.ledger.store import sqlite_path
from frontledger.records import PlaceState
from frontledger.serve.payloads import open_feature, state_json

_OPEN = np.iinfo(np.int32).max
"""`until` of a state that still holds."""
# Content columns of a state row: two rows equal in these encode to the same feature.
_CONTENT = (place_states.c.place_key, place_states.c.place_name, place_states.c.geonameid,
            place_states.c.iso3166_2, place_states.c.latitude, place_states.c.longitude,
            place_states.c.status, place_states.c.controller, place_states.c.views)
# Seconds between looks at the ledger's revision by the thread that keeps the table
# current: the same delay as the kept answers' (serve.response_cache.CHECK_SECONDS).
REFRESH_SECONDS = 1.0
# States above which no table is built (answers are computed on demand, as before): the
# table takes ~1.3 kB a state on disk and about as much in each server process (83 MB for
# the 65,328 states of benchmarks/api.py's 100,000-claim ledger), so this caps it near
# 250 MB a process.
MAX_STATES_AHEAD = 200_000
# Table files kept per ledger besides the current one: a process still loading the
# previous revision's file must find it.
OLD_TABLES_KEPT = 1
_TABLE_FILE = re.compile(r"maps-(\d+)-[0-9a-f]+\.(?:npz|lock)")


@dataclass(frozen=True)
class StateTable:
    """Every state of one ledger revision, in place-name order, with its encoded
    feature (with and without each side's view) split where the date goes."""

    revision: int
    day: np.ndarray
    """First day each state holds (a date ordinal)."""
    until: np.ndarray
    """Day it stops holding (exclusive; `_OPEN` while current)."""
    region: np.ndarray
    """Index of its ISO 3166-2 code in `codes`."""
    codes: tuple[str, ...]
    parts: dict[bool, tuple[list[bytes], list[bytes]]]
    """views → the states' features' bytes before the date, and after it (with the comma
    that separates features)."""
    states: list[bytes]
    """Per state, its encoded `payloads.state_json` (its timeline entry)."""
    keys: list[str]
    """Per state, its place key."""
    contents: list[tuple[Any, ...]] | None = None
    """Each state's row (when built here, not loaded): what the next build reuses."""

    @cached_property
    def by_key(self) -> dict[str, list[int]]:
        """Place key → its states, oldest first."""
        found: dict[str, list[int]] = {}
        for index in np.argsort(self.day, kind="stable").tolist():
            found.setdefault(self.keys[index], []).append(index)
        return found

    def history(self, keys: list[str]) -> list[bytes]:
        """The encoded timeline entries of the place stored under any of `keys`, in
        `store.place_history`'s order (day, then key)."""
        found = [(int(self.day[i]), key, i) for key in set(keys)
                 for i in self.by_key.get(key, ())]
        return [self.states[i] for _day, _key, i in sorted(found)]

    def collection(self, on: date, region: str | None, views: bool) -> bytes:
        """The FeatureCollection of the states holding on `on` (in `region`): the same
        bytes as `EncodedFeatures.collection(store.states_on(on, region), on, views)`."""
        ordinal = on.toordinal()
        holding = (self.day <= ordinal) & (self.until > ordinal)
        if region:
            holding &= self.region == (self.codes.index(region) if region in self.codes
                                       else -1)
        day = orjson.dumps(on.isoformat())
        picked = np.flatnonzero(holding).tolist()
        befores, afters = self.parts[views]
        # one join of every piece, the collection's head and tail too: concatenating each
        # feature first took four times longer, and adding the head and tail to the joined
        # features copied the ~1 MB answer twice more (a third of the map's CPU,
        # benchmarks/api_profile.py)
        count = len(picked)
        flat = [day] * (3 * count + 2)
        flat[0] = b'{"type":"FeatureCollection","date":' + day + b',"features":['
        flat[1:3 * count + 1:3] = [befores[i] for i in picked]
        flat[3:3 * count + 1:3] = [afters[i] for i in picked]
        if count:
            flat[3 * count] = flat[3 * count][:-1]  # without the last feature's comma
        flat[-1] = b"]}"
        return b"".join(flat)

    def encodings(self) -> dict[tuple[Any, ...], _Encoded]:
        """Each state row's encodings (feature with views, without, timeline entry), by
        its content and day."""
        if self.contents is None:
            return {}
        features = {views: zip(*self.parts[views], strict=True) for views in (True, False)}
        return dict(zip(self.contents, zip(features[True], features[False], self.states,
                                           strict=True), strict=True))


def build_table(store: SqlStore, revision: int, previous: StateTable | None = None,
                ) -> StateTable:
    """The table of `store`'s states (read at `revision`), reusing `previous`'s
    encodings of the states that did not change."""
    c = place_states.c
    with store.engine.connect() as conn:
        # days as the driver gives them (see ledger.states._Spans.read)
        rows = list(conn.execute(select(type_coerce(c.day, String),
                                        type_coerce(c.until, String), *_CONTENT)))
    rows.sort(key=lambda r: (r.place_name, r.place_key))  # as `states_on` orders them
    contents = [(row[0], *tuple(row)[2:]) for row in rows]
    known = previous.encodings() if previous is not None else {}
    encoded = [known.get(content) or _encode(content) for content in contents]
    codes: dict[str, int] = {}
    region = [codes.setdefault(row.iso3166_2 or "", len(codes)) for row in rows]
    count = len(rows)
    return StateTable(
        revision,
        np.fromiter((_ordinal(r[0]) for r in rows), np.int32, count),
        np.fromiter((_ordinal(r[1]) if r[1] else _OPEN for r in rows), np.int32, count),
        np.array(region, np.int32), tuple(codes),
        {True: ([e[0][0] for e in encoded], [e[0][1] for e in encoded]),
         False: ([e[1][0] for e in encoded], [e[1][1] for e in encoded])},
        [e[2] for e in encoded], [row.place_key for row in rows], contents)


_Encoded = tuple[tuple[bytes, bytes], tuple[bytes, bytes], bytes]


def _encode(content: tuple[Any, ...]) -> _Encoded:
    day, key, name, gid, iso, lat, lon, status, controller, views = content
    state = PlaceState(key, name, gid, iso, lat, lon, _day(day), decoded_views(views), status,
                       controller)
    (before, after), (plain_before, plain_after) = (open_feature(state, True),
                                                    open_feature(state, False))
    return ((before, after + b","), (plain_before, plain_after + b","),
            orjson.dumps(state_json(state)))


def _day(day: str | date) -> date:
    return day if isinstance(day, date) else date.fromisoformat(day)


def _ordinal(day: str | date) -> int:
    return _day(day).toordinal()


def save_table(table: StateTable, path: Path) -> None:
    """Write the table to `path` atomically (numpy arrays only: no pickle is loaded)."""
    arrays: dict[str, np.ndarray] = {
        "revision": np.array([table.revision], np.int64), "day": table.day,
        "until": table.until, "region": table.region,
        "codes": np.array(table.codes or ("",), dtype=str),
        "keys": np.array(table.keys or [""], dtype=str),
        "states_lengths": np.array([len(s) for s in table.states], np.int64),
        "states_bytes": np.frombuffer(b"".join(table.states), np.uint8)}
    for views, name in ((True, "views"), (False, "plain")):
        pairs = list(zip(*table.parts[views], strict=True))
        arrays[f"{name}_lengths"] = np.array([(len(a), len(b)) for a, b in pairs],
                                             np.int64).reshape(-1, 2)
        arrays[f"{name}_bytes"] = np.frombuffer(
            b"".join(a + b for a, b in pairs), np.uint8)
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    with temporary.open("wb") as out:
        np.savez(out, **arrays)  # type: ignore[arg-type]
    os.replace(temporary, path)


def load_table(path: Path) -> StateTable:
    """A table `save_table` wrote."""
    with np.load(path, allow_pickle=False) as found:
        parts = {views: _split(found[f"{name}_bytes"].tobytes(), found[f"{name}_lengths"])
                 for views, name in ((True, "views"), (False, "plain"))}
        codes = tuple(str(code) for code in found["codes"])
        blob, states, at = found["states_bytes"].tobytes(), [], 0
        for length in found["states_lengths"].tolist():
            states.append(blob[at:at + length])
            at += length
        keys = found["keys"].tolist()[:len(states)]
        return StateTable(int(found["revision"][0]), found["day"], found["until"],
                          found["region"], codes, parts, states, keys)


def _split(blob: bytes, lengths: np.ndarray) -> tuple[list[bytes], list[bytes]]:
    befores, afters, at = [], [], 0
    for before, after in lengths.tolist():
        befores.append(blob[at:at + before])
        afters.append(blob[at + before:at + before + after])
        at += before + after
    return befores, afters


class StatesAhead:
    """The current revision's `StateTable` of one ledger, built or loaded when the
    revision moves, shared with the other server processes through `folder`."""

    def __init__(self, store: SqlStore, folder: Path,
                 max_states: int = MAX_STATES_AHEAD) -> None:
        self.store = store
        self.max_states = max_states
        self.folder = folder / hashlib.sha256(store.url.encode()).hexdigest()[:16]
        self.shared = sqlite_path(store.url) is not None or not store.url.startswith("sqlite")
        """False for an in-memory ledger, which no other process sees."""
        self.table: StateTable | None = None
        self.built = 0
        """Tables this process built itself (the others it loaded)."""
        self._lock = threading.Lock()

    def collection(self, revision: int | None, on: date, region: str | None,
                   views: bool) -> bytes | None:
        """The day's map from the table of `revision`, or None when this process has
        no table of that revision yet (the caller computes it on demand)."""
        table = self.table
        if table is None or revision is None or table.revision != revision:
            return None
        return table.collection(on, region, views)

    def history(self, revision: int | None, keys: list[str]) -> list[bytes] | None:
        """The place's encoded timeline entries from the table of `revision`, or None
        when this process has no table of that revision yet."""
        table = self.table
        if table is None or revision is None or table.revision != revision:
            return None
        return table.history(keys)

    def refresh(self) -> StateTable | None:
        """The table of the ledger's current revision: kept, loaded from the shared
        folder, or built (and shared) by this process; None for a ledger of more than
        `MAX_STATES_AHEAD` states (answers are then computed on demand)."""
        with self._lock:
            revision = self.store.revision()
            if self.table is not None and self.table.revision == revision:
                return self.table
            count, fingerprint = self._fingerprint()
            if count > self.max_states:
                self.table = None
                return None
            if not self.shared:
                own = build_table(self.store, revision, self.table)
                self.built += 1
                if self.store.revision() == revision:  # else written meanwhile: not kept
                    own.by_key  # noqa: B018 - sorted here, in this thread, not by a request
                    self.table = own
                return own
            self.folder.mkdir(parents=True, exist_ok=True)
            name = f"maps-{revision}-{fingerprint}"
            with _exclusive(self.folder / f"{name}.lock"):
                table = _loaded(self.folder / f"{name}.npz")
                if table is None:
                    table = build_table(self.store, revision, self.table)
                    self.built += 1
                    if self.store.revision() != revision:  # written meanwhile: not shared
                        return table
                    save_table(table, self.folder / f"{name}.npz")
                    self._prune(revision)
            table.by_key  # noqa: B018 - sorted here, in this thread, not by a request
            self.table = table
            return table

    def _fingerprint(self) -> tuple[int, str]:
        """The count of states, and a digest of their count, seqs and sizes: a ledger
        deleted and built again restarts its revisions from 0, and must not load the old
        ledger's table."""
        c = place_states.c
        with self.store.engine.connect() as conn:
            found = conn.execute(select(func.count(), func.max(c.seq), func.sum(c.seq),
                                        func.sum(func.length(c.views)),
                                        func.sum(func.length(c.place_key)))).one()
        return int(found[0]), hashlib.sha256(repr(tuple(found)).encode()).hexdigest()[:12]

    def _prune(self, revision: int) -> None:
        """Remove the tables (and locks) of revisions older than the last few."""
        found = [(int(m.group(1)), path) for path in self.folder.iterdir()
                 if (m := _TABLE_FILE.fullmatch(path.name))]
        kept = sorted({r for r, _path in found if r < revision})[-OLD_TABLES_KEPT:]
        for old, path in found:
            if old < revision and old not in kept:
                path.unlink(missing_ok=True)

    def keep_current(self, stop: threading.Event, seconds: float = REFRESH_SECONDS) -> None:
        """Refresh the table until `stop` is set (the body of a background thread)."""
        while not stop.is_set():
            with contextlib.suppress(StoreError, OSError):
                self.refresh()
            stop.wait(seconds)


def _loaded(path: Path) -> StateTable | None:
    try:
        return load_table(path)
    except (OSError, ValueError, KeyError):  # absent, or cut short by a crash
        return None


@contextlib.contextmanager
def _exclusive(path: Path) -> Iterator[None]:
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)

"""The `place_states` table: each place's control state at every day it changed.

Written in the same transaction as the claims that change it (`refresh`), so it is never
out of step with them; read by `states_on` (every place on a day: the rows whose
[day, until) holds it, two index range reads) and `place_history` (one place's timeline).
The fold itself is `ledger.timeline.timeline`: this module only stores and reloads its
results.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

import msgspec
from sqlalchemy import String, bindparam, or_, select, text, type_coerce, union_all
from sqlalchemy.engine import Connection

from frontledger.errors import StoreError
from frontledger.ledger.events import place_key
from frontledger.ledger.schema import claims, ledger_revision, place_states
from frontledger.ledger.timeline import (
    SILENT_SIDES,
    TIMELINE_KINDS,
    belligerents,
    consensus,
    precedence,
    timeline,
    view_of,
)
from frontledger.records import Claim, Evidence, PlaceMention, PlaceState, SideView, StoredClaim

if TYPE_CHECKING:  # numpy loads with the first kept spans: `status` and writes need none
    import numpy as np

# Columns of a claim that the fold needs (the evidence is not; the document tells relays).
_FOLD_COLUMNS = (claims.c.seq, claims.c.document_id, claims.c.claimant_side, claims.c.kind,
                 claims.c.actor_side, claims.c.stance, claims.c.fraction, claims.c.day,
                 claims.c.place_name, claims.c.place_kind, claims.c.geonameid, claims.c.iso3166_2,
                 claims.c.latitude, claims.c.longitude)
# What an as-of answer needs of a state row (its own day is replaced by the asked day).
_STATE_COLUMNS = (place_states.c.place_key, place_states.c.place_name, place_states.c.geonameid,
                  place_states.c.iso3166_2, place_states.c.latitude, place_states.c.longitude,
                  place_states.c.status, place_states.c.controller, place_states.c.views)
# Places refolded per round of statements: keeps each IN list well under the databases'
# bound-parameter limits (SQLite: 32,766) while a document's ~20 places take one round.
REFRESH_CHUNK = 500
# Decoded state rows kept in memory (`StateMemo`): a 100,000-claim ledger has ~50,000
# (benchmarks/ledger.py), at well under 1 kB each; past this the memo starts afresh.
STATE_MEMO_LIMIT = 200_000
REFOLD_LOCK = 0x46_4C_00_02  # the same key as ledger.store.REFOLD_LOCK
_REFOLD_LOCK = text("SELECT pg_advisory_xact_lock(:key)")
_REVISION = select(ledger_revision.c.revision).where(ledger_revision.c.id == 1)
_DELETE_ALL = place_states.delete().where(place_states.c.place_key == bindparam("k"))
_DELETE_SINCE = _DELETE_ALL.where(place_states.c.day >= bindparam("since"))
_SET_UNTIL = (place_states.update().where(place_states.c.place_key == bindparam("k"),
                                          place_states.c.day == bindparam("d"))
              .values(until=bindparam("u")))


def refresh(conn: Connection, changes: Mapping[str, date | None],
            sides: Sequence[str] | None = None) -> None:
    """Recompute the stored states of each changed place from the earliest day its claims
    changed (None: from the start). States before that day stand, so adding today's claim
    about a town with thousands of claims refolds only today's.

    A handful of statements however many places changed (not a handful per place): a
    document names ~20 places, and a batch of documents thousands."""
    sides = belligerents(sides)
    _by_chunks(conn, changes, lambda chunk: _refresh_chunk(conn, chunk, sides))


_Item = TypeVar("_Item")


def _by_chunks(conn: Connection, per_place: Mapping[str, _Item],
               fold: Callable[[dict[str, _Item]], None]) -> None:
    """`fold` the places of `per_place` REFRESH_CHUNK at a time, in key order, under the
    refold lock on PostgreSQL."""
    keys = sorted(per_place)
    if keys and conn.dialect.name == "postgresql":
        # one refold at a time, until this transaction ends: a concurrent writer's
        # refold of the same place would insert the same (place_key, day) rows, and one
        # started before this commits would fold without this transaction's claims
        conn.execute(_REFOLD_LOCK, {"key": REFOLD_LOCK})
    for first in range(0, len(keys), REFRESH_CHUNK):
        fold({key: per_place[key] for key in keys[first:first + REFRESH_CHUNK]})


_SET_ROW = (place_states.update().where(place_states.c.seq == bindparam("s"))
            .values(views=bindparam("v"), status=bindparam("st"),
                    controller=bindparam("c")))
_SET_ROW_UNTIL = (place_states.update().where(place_states.c.seq == bindparam("s"))
                  .values(until=bindparam("u")))
_SET_PLACE = (place_states.update().where(place_states.c.place_key == bindparam("k"))
              .values(place_name=bindparam("n"), geonameid=bindparam("g"),
                      iso3166_2=bindparam("i"), latitude=bindparam("la"),
                      longitude=bindparam("lo")))
# A state row's place columns, as `timeline` takes them from a place's first claim.
_PLACE_COLUMNS = ("place_name", "geonameid", "iso3166_2", "latitude", "longitude")
_Place = tuple[str, int | None, str | None, float | None, float | None]


class FoldRow(NamedTuple):
    """A newly stored claim as the fold reads it (what `fold_in` is given): its id, then
    the claims table's columns of that name."""

    seq: int
    place_key: str
    document_id: str
    claimant_side: str
    kind: str
    actor_side: str | None
    stance: str
    fraction: float | None
    day: date | None
    place_name: str
    place_kind: str
    geonameid: int | None
    iso3166_2: str | None
    latitude: float | None
    longitude: float | None


def fold_in(conn: Connection, rows: Sequence[FoldRow],
            sides: Sequence[str] | None = None) -> None:
    """Fold the claims of newly stored documents (`rows`: all of each document's control
    and withdrawal claims, as they were just inserted, with their ids) into the stored
    states, touching only the days they change. The claims are not read back: that cost
    ~0.3 ms a document (benchmarks/ingest.py --extract, issue 13).

    `refresh` refolds a place from its earliest changed day, reading every claim since:
    with a batch whose days span a month, each batch re-read the place's whole month,
    O(claims so far) per batch (benchmarks/ingest.py, issue 13). Here nothing is re-read
    but the new claims and the place's state rows from the eve of its first new day: a
    stored state keeps, per side, the day's winning view (`timeline.precedence`), so a
    day's new state is the stored one with the new claims' views merged in; a later day
    without new claims is recomputed only while the folded views still differ from the
    stored ones, and the walk ends once they agree after the last new day (later states
    stand). The result is the one `timeline` gives over all the claims: the documents
    are new and whole, so no stored claim's relay status changes; only the place
    columns of the first claim need care (`_first_place`).
    """
    sides = belligerents(sides)
    new = _new_views(rows, sides)
    _by_chunks(conn, new, lambda chunk: _fold_in_chunk(conn, chunk, sides))


def _new_views(rows: Sequence[FoldRow], sides: Sequence[str],
               ) -> dict[str, list[tuple[SideView, _Place]]]:
    """Per place, the dated views of the given claims that count (relays dropped, as
    `timeline.relayed` does), each with its claim's place columns."""
    # only control and withdrawal claims of a speaking side have a view: the others
    # (most of a batch: strikes, clashes, advances) are not made records to find out
    viewed = [(row, view) for row in rows
              if row.kind in TIMELINE_KINDS and row.claimant_side not in SILENT_SIDES
              and (view := view_of(_fold_claim(row), sides)) is not None]
    spoken = {(row.document_id, row.place_key) for row, _view in viewed
              if row.claimant_side in sides}
    found: dict[str, list[tuple[SideView, _Place]]] = {}
    for row, view in viewed:
        if view.since is None or (row.claimant_side not in sides
                                  and (row.document_id, row.place_key) in spoken):
            continue
        place = (row.place_name, row.geonameid, row.iso3166_2, row.latitude, row.longitude)
        found.setdefault(row.place_key, []).append((view, place))
    return found


def _order(view: SideView) -> tuple[tuple[bool, bool, str, float], int]:
    """A view's rank among one side's views of one day: `timeline` keeps the largest."""
    return precedence(view), -view.claim_id


def _fold_in_chunk(conn: Connection, new: dict[str, list[tuple[SideView, _Place]]],
                   sides: Sequence[str]) -> None:
    firsts: dict[str, date] = {key: min(view.since for view, _p in found
                                        if view.since is not None)
                               for key, found in new.items()}
    c = place_states.c
    stored: dict[str, list[Any]] = {}
    for row in conn.execute(select(c.seq, c.place_key, c.day, c.until, c.views,
                                   *(c[name] for name in _PLACE_COLUMNS)).where(
            c.place_key.in_(list(new)),
            or_(c.until.is_(None), c.until >= min(firsts.values())))):
        if row.until is None or row.until >= firsts[row.place_key]:
            stored.setdefault(row.place_key, []).append(row)
    inserts: list[dict[str, Any]] = []
    changed: list[dict[str, Any]] = []
    untils: list[dict[str, Any]] = []
    places: list[dict[str, Any]] = []
    whole: dict[str, date | None] = {}
    for key, found in new.items():
        rows = sorted(stored.get(key, []), key=lambda row: row.day)
        place = _first_place(firsts[key], found, rows)
        if place is None:  # the first day's winner is unknown without its claims
            whole[key] = None
            continue
        if rows and place != tuple(getattr(rows[0], name) for name in _PLACE_COLUMNS):
            places.append(dict(zip(("k", "n", "g", "i", "la", "lo"), (key, *place),
                                   strict=True)))
        _walk(key, found, rows, place, inserts, changed, untils)
    if changed:
        conn.execute(_SET_ROW, changed)
    if untils:
        conn.execute(_SET_ROW_UNTIL, untils)
    if inserts:
        conn.execute(place_states.insert(), inserts)
    if places:
        conn.execute(_SET_PLACE, places)
    if whole:
        _refresh_chunk(conn, whole, sides)


def _first_place(first: date, found: Sequence[tuple[SideView, _Place]],
                 rows: Sequence[Any]) -> _Place | None:
    """The place columns of the place's first claim (`timeline` takes them from it), or
    None when only that day's stored claims could tell."""
    if rows and rows[0].day < first:
        return tuple(getattr(rows[0], name) for name in _PLACE_COLUMNS)
    firsts = [(_order(view), place) for view, place in found if view.since == first]
    place = min(firsts, key=lambda item: item[0])[1]
    if rows and rows[0].day == first:  # stored claims of that day too: which is first?
        known = tuple(getattr(rows[0], name) for name in _PLACE_COLUMNS)
        if any(other != known for _o, other in firsts):
            return None
        return known
    return place


def _walk(key: str, found: Sequence[tuple[SideView, _Place]], rows: Sequence[Any],
          place: _Place, inserts: list[dict[str, Any]], changed: list[dict[str, Any]],
          untils: list[dict[str, Any]]) -> None:
    """Merge one place's new views into its stored rows (`fold_in`), noting the rows to
    insert, the rows whose views change, and the `until`s that move."""
    by_day = _winners(view for view, _place in found)
    old = {row.day: row for row in rows}
    eve = [row for row in rows if row.day < min(by_day)]
    before = eve[-1] if eve else None  # the stored row holding before the day walked
    # the folded views before the day walked; None while they equal `before`'s (a stored
    # row is decoded only when the walk needs it, not for every later day it passes)
    current: dict[str, SideView] | None = None
    remaining = len(by_day)
    added: list[date] = []
    for day in sorted(set(by_day) | {row.day for row in rows if not eve or row.day > eve[-1].day}):
        if current is None and not remaining:
            break  # the folded views agree with the stored ones: later states stand
        row = old.get(day)
        if current is None and day not in by_day:
            before = row
            continue
        if current is None:
            current = _side_views(before)
        stored_views = decoded_views(row.views) if row is not None else ()
        held = {v.side: v for v in stored_views} if row is not None else _side_views(before)
        current.update(_winners([*(v for v in stored_views if v.since == day),
                                 *by_day.get(day, {}).values()]).get(day, {}))
        remaining -= day in by_day
        views = tuple(v for _side, v in sorted(current.items()))
        status, controller = consensus(views)
        if row is None:
            added.append(day)
            inserts.append({"place_key": key, "day": day, "until": None,
                            **dict(zip(_PLACE_COLUMNS, place, strict=True)),
                            "status": status, "controller": controller,
                            "views": _encoded(views)})
        else:
            before = row
            if views != stored_views:
                changed.append({"s": row.seq, "v": _encoded(views), "st": status,
                                "c": controller})
        if current == held:
            current = None
    if added:
        _link(rows, added, inserts[len(inserts) - len(added):], untils)


def _side_views(row: Any) -> dict[str, SideView]:
    """A stored row's views by side (none before a place's first row)."""
    return {v.side: v for v in decoded_views(row.views)} if row is not None else {}


def _winners(views: Iterable[SideView]) -> dict[date, dict[str, SideView]]:
    """Per day, per side, the view that stands among the given dated ones."""
    by_day: dict[date, dict[str, SideView]] = {}
    for view in views:
        sides = by_day.setdefault(view.since, {})  # type: ignore[arg-type]  # dated
        if view.side not in sides or _order(view) > _order(sides[view.side]):
            sides[view.side] = view
    return by_day


def _link(rows: Sequence[Any], added: Sequence[date], inserted: list[dict[str, Any]],
          untils: list[dict[str, Any]]) -> None:
    """Set each new row's `until` (the next state's day) and move the `until` of the
    stored row it now follows."""
    days = sorted({row.day for row in rows} | set(added))
    following = dict(zip(days, [*days[1:], None], strict=True))
    for row_ in inserted:
        row_["until"] = following[row_["day"]]
    for row in rows:
        if following[row.day] != row.until:
            untils.append({"s": row.seq, "u": following[row.day]})


def _refresh_chunk(conn: Connection, changes: dict[str, date | None],
                   sides: Sequence[str]) -> None:
    before = _states_before(conn, changes)
    folded = _claims_since(conn, changes)
    relays = _relays(conn, folded, sides)
    for statement, params in (
            (_DELETE_ALL, [{"k": k} for k, since in changes.items() if since is None]),
            (_DELETE_SINCE, [{"k": k, "since": since} for k, since in changes.items()
                             if since is not None])):
        if params:
            conn.execute(statement, params)
    rows, ends = [], []
    for key in changes:
        start = before.get(key)
        views = decoded_views(start.views) if start else ()
        states = timeline(folded.get(key, []), sides, views, relays)
        rows.extend(_state_rows(key, states))
        if start is not None:  # the state before `since` now holds until the first new one
            ends.append({"k": key, "d": start.day, "u": states[0].on if states else None})
    if rows:
        conn.execute(place_states.insert(), rows)
    if ends:
        conn.execute(_SET_UNTIL, ends)


def _states_before(conn: Connection, changes: Mapping[str, date | None]) -> dict[str, Any]:
    """Per place refolded from a day, its stored state on the eve of that day."""
    dated = {key: since for key, since in changes.items() if since is not None}
    if not dated:
        return {}
    lowest, highest = min(dated.values()), max(dated.values())
    c = place_states.c
    rows = conn.execute(select(c.place_key, c.day, c.until, c.views).where(
        c.place_key.in_(list(dated)), c.day < highest,
        or_(c.until.is_(None), c.until >= lowest)))
    return {row.place_key: row for row in rows
            if row.day < dated[row.place_key]
            and (row.until is None or row.until >= dated[row.place_key])}


def _claims_since(conn: Connection, changes: Mapping[str, date | None],
                  ) -> dict[str, list[StoredClaim]]:
    """Per place, its control claims on or after its refold day (all when None)."""
    # the kinds are filtered here, not in SQL: given both, SQLite (without ANALYZE) walks
    # the (kind, day) index over most of the ledger instead of the (place_key, day) one
    query = select(claims.c.place_key, *_FOLD_COLUMNS).where(
        claims.c.place_key.in_(list(changes)))
    if None not in changes.values():
        query = query.where(claims.c.day >= min(d for d in changes.values() if d))
    found: dict[str, list[StoredClaim]] = {}
    for row in conn.execute(query):
        since = changes[row.place_key]
        if row.kind not in TIMELINE_KINDS:
            continue
        if since is None or (row.day is not None and row.day >= since):
            found.setdefault(row.place_key, []).append(_fold_claim(row))
    return found


def _relays(conn: Connection, folded: Mapping[str, list[StoredClaim]],
            sides: Sequence[str]) -> set[int]:
    """Ids of the folded non-belligerent claims that relay a belligerent's claim about
    the same place in the same document (`timeline.relayed`), asking the ledger about
    those documents' claims of every day: the relayed claim may be dated before the
    refold's first day."""
    voices = [(key, c) for key, found in folded.items() for c in found
              if c.claim.claimant_side not in sides]
    if not voices:
        return set()
    documents = sorted({c.document_id for _key, c in voices})
    spoken: set[tuple[str, str]] = set()
    for first in range(0, len(documents), REFRESH_CHUNK):
        rows = conn.execute(select(claims.c.place_key, *_FOLD_COLUMNS).where(
            claims.c.document_id.in_(documents[first:first + REFRESH_CHUNK])))
        spoken.update((row.document_id, row.place_key) for row in rows
                      if row.claimant_side in sides
                      and view_of(_fold_claim(row), sides) is not None)
    return {c.id for key, c in voices if (c.document_id, key) in spoken}


def changed_places(claims_: Iterable[Claim], day_of: Callable[[Claim], date | None],
                   into: dict[str, date | None] | None = None) -> dict[str, date | None]:
    """Place key → earliest day the given claims hold for (None when one is undated)."""
    changes = {} if into is None else into
    for claim in claims_:
        key, day = place_key(claim), day_of(claim)
        if key not in changes:
            changes[key] = day
        else:
            known = changes[key]
            changes[key] = None if day is None or known is None else min(known, day)
    return changes


def _fold_claim(row: Any) -> StoredClaim:
    place = PlaceMention(0, 0, "", row.place_name, row.place_kind, row.geonameid, None,
                         row.iso3166_2, row.latitude, row.longitude)
    claim = Claim(claimant="", claimant_side=row.claimant_side, kind=row.kind, place=place,
                  actor_side=row.actor_side, stance=row.stance,
                  evidence=Evidence("", 0, 0, ""), fraction=row.fraction, date=row.day)
    return StoredClaim(row.seq, claim, row.document_id, None, None, None, None, None, 0)


def _state_rows(key: str, states: Sequence[PlaceState]) -> list[dict[str, Any]]:
    """Rows of one place's consecutive states, each holding until the next one's day."""
    rows = []
    for index, state in enumerate(states):
        until = states[index + 1].on if index + 1 < len(states) else None
        rows.append({"place_key": key, "day": state.on, "until": until,
                     "place_name": state.place_name, "geonameid": state.geonameid,
                     "iso3166_2": state.iso3166_2, "latitude": state.latitude,
                     "longitude": state.longitude, "status": state.status,
                     "controller": state.controller, "views": _encoded(state.views)})
    return rows


def _encoded(views: Sequence[SideView]) -> str:
    """SideViews as a stored state's `views` column."""
    return json.dumps([[v.side, v.controller, v.fraction,
                        v.since.isoformat() if v.since else None, v.claim_id] for v in views])


_VIEWS = msgspec.json.Decoder(tuple[tuple[str, str | None, float | None, date | None, int],
                                    ...])
"""A stored `views` column as typed tuples, days parsed, in one pass of C: an as-of
answer over a 1,000,000-claim ledger decodes thousands of states, and parsing the JSON,
then each day, then unpacking each view in Python took twice as long."""


def decoded_views(stored: str) -> tuple[SideView, ...]:
    """A stored state's `views` column as SideView records."""
    return tuple([SideView(*view) for view in _VIEWS.decode(stored)])


def _state(row: Any, on: date | None = None) -> PlaceState:
    views = decoded_views(row.views)
    return PlaceState(row.place_key, row.place_name, row.geonameid, row.iso3166_2,
                      row.latitude, row.longitude, on or row.day, views, row.status,
                      row.controller)


# A state row as kept in memory: PlaceState's fields but its day (the asked day replaces
# it), name first so that rows sort by name and key without a key function.
_Decoded = tuple[str, str, int | None, str | None, float | None, float | None,
                 tuple[SideView, ...], str, str | None]


class StateMemo:
    """State rows already read and decoded, by seq, valid for one ledger revision.

    As-of answers over thousands of places were spent reading and decoding rows (about
    four fifths of the time, measured with benchmarks/ledger.py), not finding them; a map
    moved through dates asks for the same rows again and again. Rows are immutable but
    for `until` (not kept here), and SQLite may reuse the seq of a deleted last row, so
    the memo is dropped whenever the ledger's revision moves."""

    def __init__(self, limit: int = STATE_MEMO_LIMIT) -> None:
        self.limit = limit
        self.revision: int | None = None
        self.rows: dict[int, _Decoded] = {}
        self.spans: _Spans | None = None
        self.asked = 0
        """As-of questions answered at this revision."""
        self._lock = threading.Lock()

    def holding_on(self, conn: Connection, on: date, region: str | None,
                   revision: int) -> list[int]:
        """The seqs of the states holding on `on`. The first question of a revision is
        answered by the database; from the second on (a map moved through dates, a
        server), from every state's span, read once and kept as arrays."""
        with self._lock:
            spans, self.asked = self.spans, self.asked + 1
            asked = self.asked
        if spans is None and asked >= SPANS_AFTER_QUESTIONS:
            spans = _Spans.read(conn)
            with self._lock:
                if self.revision == revision:
                    self.spans = spans
        if spans is not None:
            return spans.holding_on(on, region)
        return list(conn.execute(_holding_on(on, region)).scalars())

    def lookup(self, conn: Connection, seqs: Sequence[int],
               revision: int) -> list[_Decoded]:
        """The decoded rows of `seqs`, in their order, reading and decoding those not kept
        yet (and keeping them only if the memo is still that of `revision`)."""
        with self._lock:
            found = list(map(self.rows.get, seqs))
        missing = [seq for seq, row in zip(seqs, found, strict=True) if row is None]
        if not missing:
            return found  # type: ignore[return-value]  # no None left
        read = dict(map(_decoded, _state_rows_of(conn, missing)))
        with self._lock:
            if self.revision == revision:
                if len(self.rows) + len(missing) > self.limit:
                    self.rows.clear()
                self.rows.update(read)
        return [row if row is not None else read[seq]
                for seq, row in zip(seqs, found, strict=True)]

    def valid_for(self, revision: int) -> None:
        """Forget every row when the ledger has been written since they were read."""
        with self._lock:
            if revision != self.revision:
                self.rows.clear()
                self.spans, self.asked = None, 0
                self.revision = revision


# State rows read per statement through SQLite's own cursor: well under its 32,766 bound
# parameters, and a whole map's places (5,000 in benchmarks/ledger.py) in one statement.
SQLITE_READ_CHUNK = 10_000
_SQLITE_STATE_ROWS = ("SELECT seq, place_key, place_name, geonameid, iso3166_2, latitude, "
                      "longitude, status, controller, views FROM place_states WHERE seq IN ")


def _state_rows_of(conn: Connection, seqs: Sequence[int]) -> Iterator[Sequence[Any]]:
    """The rows (seq, then `_STATE_COLUMNS`) of the states `seqs`. On SQLite through the
    driver's own cursor (the columns are text and numbers: nothing for SQLAlchemy to
    convert): at 1,000,000 claims, an as-of answer over 5,000 places mostly read states
    not kept yet, and SQLAlchemy's execution and rows were most of that reading."""
    if conn.dialect.name != "sqlite":
        for first in range(0, len(seqs), REFRESH_CHUNK):
            yield from conn.execute(select(place_states.c.seq, *_STATE_COLUMNS).where(
                place_states.c.seq.in_(seqs[first:first + REFRESH_CHUNK])))
        return
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        for first in range(0, len(seqs), SQLITE_READ_CHUNK):
            chunk = [int(seq) for seq in seqs[first:first + SQLITE_READ_CHUNK]]
            cursor.execute(_SQLITE_STATE_ROWS + "(" + ",".join("?" * len(chunk)) + ")", chunk)
            yield from cursor.fetchall()
    except sqlite3.Error as exc:  # as the store's other reads report it (ledger.store)
        raise StoreError(f"the ledger refused the operation ({exc})") from None
    finally:
        cursor.close()


SPANS_AFTER_QUESTIONS = 2
"""As-of questions at one revision before every state's span is read into memory: a
one-off question (the CLI) is cheaper in the database; from the second on, reading the
spans (~50 ms for 50,000 states) pays for itself within a few questions (each ~10 ms of
index reads on SQLite, more on PostgreSQL, and well under 1 ms in memory)."""
_OPEN = 2**31 - 1
"""`until` of a state that still holds: the largest int32, the spans' day type."""


class _Spans:
    """Every stored state's [day, until) as day ordinals, with its seq and region."""

    def __init__(self, seq: np.ndarray, day: np.ndarray, until: np.ndarray,
                 region: np.ndarray, codes: dict[str, int]) -> None:
        self.seq, self.day, self.until, self.region, self.codes = seq, day, until, region, codes

    @classmethod
    def read(cls, conn: Connection) -> _Spans:
        import numpy as np

        c = place_states.c
        # days as the driver gives them: SQLAlchemy's parsing of SQLite's ISO strings
        # took four fifths of the read; `_ordinal` does it ten times faster
        rows = conn.execute(select(c.seq, type_coerce(c.day, String),
                                   type_coerce(c.until, String), c.iso3166_2)).all()
        codes: dict[str, int] = {}
        return cls(np.fromiter((r[0] for r in rows), np.int64, len(rows)),
                   np.fromiter((_ordinal(r[1]) for r in rows), np.int32, len(rows)),
                   np.fromiter((_ordinal(r[2]) if r[2] else _OPEN for r in rows),
                               np.int32, len(rows)),
                   np.fromiter((codes.setdefault(r[3] or "", len(codes)) for r in rows),
                               np.int32, len(rows)),
                   codes)

    def holding_on(self, on: date, region: str | None) -> list[int]:
        """The seqs of the states whose span holds `on` (in `region`)."""
        day = on.toordinal()
        holding = (self.day <= day) & (self.until > day)
        if region:
            if region not in self.codes:
                return []
            holding &= self.region == self.codes[region]
        return self.seq[holding].tolist()


def _ordinal(day: str | date) -> int:
    """A stored day (an ISO string from SQLite, a date from PostgreSQL) as an ordinal."""
    return (day if isinstance(day, date) else date.fromisoformat(day)).toordinal()


def states_on(conn: Connection, on: date, region: str | None = None,
              memo: StateMemo | None = None) -> list[PlaceState]:
    """Every place's state on `on`: the one change per place with day <= on < until,
    sorted by place name and key."""
    if memo is None:
        found = [_decoded(row)[1] for row in conn.execute(_holding_on(on, region, True))]
    else:
        revision = conn.execute(_REVISION).scalar_one()
        memo.valid_for(revision)
        seqs = memo.holding_on(conn, on, region, revision)
        found = memo.lookup(conn, seqs, revision)
        if conn.execute(_REVISION).scalar_one() != revision:  # written meanwhile: afresh
            memo.valid_for(-1)
            return states_on(conn, on, region)
    found.sort()  # one row per place: names and keys differ
    return [PlaceState(key, name, gid, iso, lat, lon, on, views, status, controller)  # type: ignore[arg-type]
            for name, key, gid, iso, lat, lon, views, status, controller in found]


def _holding_on(on: date, region: str | None, whole: bool = False) -> Any:
    """The seqs (or whole rows) of the states holding on `on`: the current ones and the
    ones replaced later, as two range reads on (region,) until, day. One query with OR
    made SQLite merge two index reads through a rowid set, 1.5 to 6 times slower."""
    c = place_states.c
    columns = (c.seq, *_STATE_COLUMNS) if whole else (c.seq,)
    reads = [select(*columns).where(c.until > on, c.day <= on),
             select(*columns).where(c.until.is_(None), c.day <= on)]
    if region:
        reads = [read.where(c.iso3166_2 == region) for read in reads]
    return union_all(*reads)


def _decoded(row: Any) -> tuple[int, _Decoded]:
    seq, key, name, gid, iso, lat, lon, status, controller, views = row
    return seq, (name, key, gid, iso, lat, lon, decoded_views(views), status, controller)


def place_history(conn: Connection, keys: Sequence[str]) -> list[PlaceState]:
    """The stored timeline of the place stored under any of `keys`, oldest first."""
    rows = conn.execute(select(place_states).where(place_states.c.place_key.in_(list(keys)))
                        .order_by(place_states.c.day, place_states.c.place_key))
    return [_state(row) for row in rows]

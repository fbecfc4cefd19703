"""The `place_states` table: each place's control state at every day it changed.

Written in the same transaction as the claims that change it (`refresh`), so it is never
out of step with them; read by `states_on` (every place on a day: one indexed lookup per
place) and `place_history` (one place's timeline). The fold itself is
`ledger.timeline.timeline`: this module only stores and reloads its results.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.engine import Connection

from frontledger.ledger.events import place_key
from frontledger.ledger.schema import claims, place_states
from frontledger.ledger.timeline import timeline
from frontledger.records import Claim, Evidence, PlaceMention, PlaceState, SideView, StoredClaim

# Columns of a claim that the fold needs (the evidence and document are not).
_FOLD_COLUMNS = (claims.c.seq, claims.c.claimant_side, claims.c.kind, claims.c.actor_side,
                 claims.c.stance, claims.c.fraction, claims.c.day, claims.c.place_name,
                 claims.c.place_kind, claims.c.geonameid, claims.c.iso3166_2,
                 claims.c.latitude, claims.c.longitude)


def refresh(conn: Connection, changes: Mapping[str, date | None],
            sides: Sequence[str] = ("RU", "UA")) -> None:
    """Recompute the stored states of each changed place from the earliest day its claims
    changed (None: from the start). States before that day stand, so adding today's claim
    about a town with thousands of claims refolds only today's."""
    for key, since in sorted(changes.items()):
        start = conn.execute(select(place_states.c.views).where(
            place_states.c.place_key == key, place_states.c.day < since)
            .order_by(place_states.c.day.desc()).limit(1)).scalar() if since else None
        query = select(*_FOLD_COLUMNS).where(claims.c.place_key == key,
                                             claims.c.kind.in_(("control", "withdrawal")))
        stale = place_states.delete().where(place_states.c.place_key == key)
        if since is not None:
            query, stale = query.where(claims.c.day >= since), stale.where(
                place_states.c.day >= since)
        conn.execute(stale)
        states = timeline([_fold_claim(row) for row in conn.execute(query)], sides,
                          _views(start) if start else ())
        if states:
            conn.execute(place_states.insert(), [_state_row(key, s) for s in states])


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
    return StoredClaim(row.seq, claim, "", None, None, None, None, None, 0)


def _state_row(key: str, state: PlaceState) -> dict[str, Any]:
    views = [[v.side, v.controller, v.fraction, v.since.isoformat() if v.since else None,
              v.claim_id] for v in state.views]
    return {"place_key": key, "day": state.on, "place_name": state.place_name,
            "geonameid": state.geonameid, "iso3166_2": state.iso3166_2,
            "latitude": state.latitude, "longitude": state.longitude,
            "status": state.status, "controller": state.controller,
            "views": json.dumps(views)}


def _views(stored: str) -> tuple[SideView, ...]:
    return tuple(SideView(side, controller, fraction,
                          date.fromisoformat(since) if since else None, claim_id)
                 for side, controller, fraction, since, claim_id in json.loads(stored))


def _state(row: Any, on: date | None = None) -> PlaceState:
    views = _views(row.views)
    return PlaceState(row.place_key, row.place_name, row.geonameid, row.iso3166_2,
                      row.latitude, row.longitude, on or row.day, views, row.status,
                      row.controller)


def states_on(conn: Connection, on: date, region: str | None = None) -> list[PlaceState]:
    """Every place's state on `on`: its latest change on or before that day."""
    last = (select(place_states.c.place_key, func.max(place_states.c.day).label("day"))
            .where(place_states.c.day <= on))
    if region:
        last = last.where(place_states.c.iso3166_2 == region)
    latest = last.group_by(place_states.c.place_key).subquery()
    query = select(place_states).join(latest, and_(
        place_states.c.place_key == latest.c.place_key, place_states.c.day == latest.c.day))
    rows = conn.execute(query.order_by(place_states.c.place_name, place_states.c.place_key))
    return [_state(row, on) for row in rows]


def place_history(conn: Connection, keys: Sequence[str]) -> list[PlaceState]:
    """The stored timeline of the place stored under any of `keys`, oldest first."""
    rows = conn.execute(select(place_states).where(place_states.c.place_key.in_(list(keys)))
                        .order_by(place_states.c.day, place_states.c.place_key))
    return [_state(row) for row in rows]

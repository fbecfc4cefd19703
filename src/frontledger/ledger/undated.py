"""Places whose control claims hold on no day: listed apart as undated, never dropped.

A claim without a date of its own holds for its report's publication day (`store`'s `day`
column). When the report has no publication date either, the claim is on no date, so no
place state holds it: `control` and the map list such a place as undated instead of leaving
it out without a word. Reads the claims table; adds nothing to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import and_, func, select

from frontledger.ledger.schema import claims
from frontledger.ledger.timeline import TIMELINE_KINDS

if TYPE_CHECKING:
    from frontledger.ledger.store import SqlStore


@dataclass(frozen=True, slots=True)
class UndatedPlace:
    """A place whose control claims (one or more) all hold on no known day."""

    place: str
    """Its name, as the features of `control` name it."""
    geonameid: int | None
    iso3166_2: str | None
    latitude: float | None
    longitude: float | None
    claims: int
    """How many of its claims are undated."""


def undated_places(store: SqlStore, region: str | None = None) -> list[UndatedPlace]:
    """Places (optionally in one ISO 3166-2 region) with control or withdrawal claims on
    no day and none on a day, by name."""
    c = claims.c
    dated = select(c.place_key).where(c.kind.in_(TIMELINE_KINDS), c.day.is_not(None))
    query = (select(func.min(c.place_name), func.min(c.geonameid), func.min(c.iso3166_2),
                    func.min(c.latitude), func.min(c.longitude), func.count())
             .where(and_(c.kind.in_(TIMELINE_KINDS), c.day.is_(None),
                         c.place_key.not_in(dated)))
             .group_by(c.place_key))
    if region is not None:
        query = query.where(c.iso3166_2 == region)
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
    return sorted((UndatedPlace(*row) for row in rows), key=lambda p: (p.place, p.geonameid or 0))

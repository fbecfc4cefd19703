"""Track records are computed in n log n per place and answer exactly as the definition
(ledger.trackrecord's docstring) read literally: every claim compared with every other."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, timedelta
from statistics import median

import pytest

from frontledger.ledger.events import place_key
from frontledger.ledger.timeline import view_of
from frontledger.ledger.trackrecord import track_records
from frontledger.records import Claim, Evidence, PlaceMention, SideView, StoredClaim, TrackRecord

PLACES = [PlaceMention(0, 0, "", f"Invented{i}", "populated_place", 900_000 + i, "UA",
                       "UA-63", 49.0, 37.0) for i in range(3)]
SIDES = ("RU", "UA", "other")
START = date(2025, 11, 1)


def _stored(seq: int, rng: random.Random) -> StoredClaim:
    kind = rng.choice(["control", "control", "control", "withdrawal"])
    claim = Claim(claimant="invented", claimant_side=rng.choice(SIDES),  # type: ignore[arg-type]
                  kind=kind, place=rng.choice(PLACES),  # type: ignore[arg-type]
                  actor_side=rng.choice(["RU", "UA"]),
                  stance=rng.choice(["asserts", "asserts", "denies"]),  # type: ignore[arg-type]
                  evidence=Evidence("d", 0, 1, "x"),
                  date=START + timedelta(days=rng.randrange(12)))
    return StoredClaim(seq, claim, "d", None, None, None, None, None, 0)


def _literal(claims: list[StoredClaim]) -> list[TrackRecord]:
    """The definition, read literally (cubic per place)."""
    by_place: dict[str, list[SideView]] = defaultdict(list)
    for stored in claims:
        view = view_of(stored, ("RU", "UA"))
        if view is not None and view.controller is not None and view.since is not None:
            by_place[place_key(stored.claim)].append(view)

    def stands_on(view: SideView, day: date, views: list[SideView]) -> bool:
        assert view.since is not None
        return view.since >= day or not any(
            o.side == view.side and o.controller != view.controller and o.since is not None
            and view.since < o.since <= day for o in views)

    tallies: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    lags: dict[str, list[int]] = defaultdict(list)
    for views in by_place.values():
        for v in views:
            assert v.since is not None
            tallies[v.side][0] += 1
            found = [max(0, (o.since - v.since).days) for o in views
                     if o.side != v.side and o.controller == v.controller
                     and o.since is not None and stands_on(o, v.since, views)]
            if found:
                tallies[v.side][1] += 1
                lags[v.side].append(min(found))
            tallies[v.side][2] += any(o.side == v.side and o.controller != v.controller
                                      and o.since is not None and o.since > v.since
                                      for o in views)
    return [TrackRecord(side, n, ok, bad, float(median(lags[side])) if lags[side] else None)
            for side, (n, ok, bad) in sorted(tallies.items())]


@pytest.mark.parametrize("seed", range(40))
def test_track_records_equal_the_literal_definition_on_random_ledgers(seed: int) -> None:
    rng = random.Random(seed)
    claims = [_stored(seq, rng) for seq in range(rng.randrange(1, 60))]
    assert track_records(claims) == _literal(claims)


def test_track_records_of_a_busy_place_count_every_claim() -> None:
    rng = random.Random(7)
    claims = [_stored(seq, rng) for seq in range(20_000)]  # the literal form: minutes
    records = track_records(claims)
    assert sum(r.claims for r in records) == sum(
        1 for c in claims if (v := view_of(c, ("RU", "UA"))) and v.controller)

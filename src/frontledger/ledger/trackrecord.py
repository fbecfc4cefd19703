"""Track records: how each claimant side's control claims fared later.

For every claim by side S that names a controller X of place P on day d (see
`timeline.view_of`):
- corroborated: another side T (the opponent conceding, or a monitor) names the same
  controller X of P in a view that still stands on day d or later: a claim dated d or
  later, or an earlier one that T had not replaced by day d. Lag = days from d to the
  first such claim, 0 when T had already said so.
- contradicted by its own side: some later claim by S about P names a controller other
  than X.
Shares are over all of S's control claims; the lag is the median over corroborated ones.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from statistics import median

from frontledger.ledger.events import place_key
from frontledger.ledger.timeline import view_of
from frontledger.records import SideView, StoredClaim, TrackRecord


def track_records(claims: Iterable[StoredClaim],
                  sides: Sequence[str] = ("RU", "UA")) -> list[TrackRecord]:
    """One TrackRecord per claimant side that made control claims, sorted by side."""
    by_place: dict[str, list[SideView]] = defaultdict(list)
    for stored in claims:
        view = view_of(stored, sides)
        if view is not None and view.controller is not None and view.since is not None:
            by_place[place_key(stored.claim)].append(view)
    tallies: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    lags: dict[str, list[int]] = defaultdict(list)
    for views in by_place.values():
        for view in views:
            tally = tallies[view.side]
            tally[0] += 1
            lag = _corroboration_lag(view, views)
            if lag is not None:
                tally[1] += 1
                lags[view.side].append(lag)
            tally[2] += _contradicted(view, views)
    return [TrackRecord(side, n, ok, bad, float(median(lags[side])) if lags[side] else None)
            for side, (n, ok, bad) in sorted(tallies.items())]


def _corroboration_lag(view: SideView, views: list[SideView]) -> int | None:
    assert view.since is not None
    lags = [max(0, (other.since - view.since).days) for other in views
            if other.side != view.side and other.controller == view.controller
            and other.since is not None and _stands_on(other, view.since, views)]
    return min(lags) if lags else None


def _stands_on(view: SideView, day: date, views: list[SideView]) -> bool:
    """Whether `view` is still its side's word on `day` (or is spoken later)."""
    assert view.since is not None
    if view.since >= day:
        return True
    return not any(other.side == view.side and other.controller != view.controller
                   and other.since is not None and view.since < other.since <= day
                   for other in views)


def _contradicted(view: SideView, views: list[SideView]) -> bool:
    assert view.since is not None
    return any(other.side == view.side and other.controller != view.controller
               and other.since is not None and other.since > view.since
               for other in views)

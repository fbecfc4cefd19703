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

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from statistics import median

from frontledger.ledger.events import place_key
from frontledger.ledger.timeline import belligerents, view_of
from frontledger.records import SideView, StoredClaim, TrackRecord


def track_records(claims: Iterable[StoredClaim],
                  sides: Sequence[str] | None = None) -> list[TrackRecord]:
    """One TrackRecord per claimant side that made control claims, sorted by side.

    O(n log n) in a place's claims: each claim asks a few binary searches of the days on
    which each side named each controller (sides and controllers are a handful), where
    comparing every claim with every other and every third took seconds for one busy
    place (6 s cold for 5,000 documents)."""
    sides = belligerents(sides)
    by_place: dict[str, list[SideView]] = defaultdict(list)
    for stored in claims:
        view = view_of(stored, sides)
        if view is not None and view.controller is not None and view.since is not None:
            by_place[place_key(stored.claim)].append(view)
    tallies: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    lags: dict[str, list[int]] = defaultdict(list)
    for views in by_place.values():
        said = _Said(views)
        for view in views:
            tally = tallies[view.side]
            tally[0] += 1
            lag = said.corroboration_lag(view)
            if lag is not None:
                tally[1] += 1
                lags[view.side].append(lag)
            tally[2] += said.contradicted(view)
    return [TrackRecord(side, n, ok, bad, float(median(lags[side])) if lags[side] else None)
            for side, (n, ok, bad) in sorted(tallies.items())]


class _Said:
    """One place's views as sorted days, per side and per controller it named."""

    def __init__(self, views: Sequence[SideView]) -> None:
        days: dict[str, dict[str, list[date]]] = defaultdict(lambda: defaultdict(list))
        for view in views:
            assert view.since is not None and view.controller is not None
            days[view.side][view.controller].append(view.since)
        for by_controller in days.values():
            for found in by_controller.values():
                found.sort()
        self.days = days

    def corroboration_lag(self, view: SideView) -> int | None:
        """Days from `view` to another side's standing word for the same controller: 0
        when, on the view's day, another side's latest word on the place named it
        (its last naming of that controller is no older than its last naming of
        another); else days to the first such word after it; None when there is none."""
        assert view.since is not None and view.controller is not None
        day, controller = view.since, view.controller
        lags = []
        for side, by_controller in self.days.items():
            if side == view.side or controller not in by_controller:
                continue
            named = by_controller[controller]
            before = bisect_right(named, day)
            if before:
                others = [_last_on_or_before(found, day)
                          for other, found in by_controller.items() if other != controller]
                latest_other = max((d for d in others if d is not None), default=None)
                if latest_other is None or named[before - 1] >= latest_other:
                    return 0
            after = bisect_left(named, day)
            if after < len(named):
                lags.append((named[after] - day).days)
        return min(lags) if lags else None

    def contradicted(self, view: SideView) -> bool:
        """Whether the same side later named another controller of the place."""
        assert view.since is not None
        return any(found[-1] > view.since
                   for controller, found in self.days[view.side].items()
                   if controller != view.controller)


def _last_on_or_before(days: list[date], day: date) -> date | None:
    index = bisect_right(days, day)
    return days[index - 1] if index else None

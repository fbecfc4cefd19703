"""Timelines: who holds a place on each date, per claimant side and as a consensus.

A side's view on a date is its latest claim about the place up to that date:
- `control` asserted with actor X: X holds it (with the claim's fraction);
- `control` denied with actor X: X does not hold it, so (in a two-sided theater) the
  other side does;
- `withdrawal` asserted with actor X: X left, so the other side holds it.
Consensus over the belligerents' and the monitors' (claimant side `other`) views:
- `confirmed`: two or more voices name the same controller and none names another
  (the other side concedes, or monitors agree);
- `contested`: the voices name different controllers;
- `claimed`: a single voice;
- `unknown`: no voice yet.

Two rules make the fold independent of the order claims were stored in (so parallel
runs give the same ledger) and keep relays from counting twice:
- **A side's claims of one day are read together**, and the view kept is the most
  specific (`precedence`): one with a fraction over one without (a denial the same day
  must not turn "about half held by Ukraine" into all of it), then one naming a
  controller, then by controller and by the larger fraction; storage order only among
  views that say the same.
- **A relay is not a second voice** (`relayed`): a claim by a non-belligerent claimant
  (an outlet, `other`) counts only from a document in which no belligerent is the
  claimant of a control claim about the same place: an outlet retelling Moscow's claim
  is Moscow's voice, not an independent confirmation of it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date

from frontledger.ledger.events import place_key
from frontledger.records import PlaceState, SideView, StoredClaim

TIMELINE_KINDS = ("control", "withdrawal")
# Claimant sides whose word is not evidence of control: unattributed text.
SILENT_SIDES = frozenset({"unknown"})


def belligerents(sides: Sequence[str] | None = None) -> Sequence[str]:
    """`sides`, or by default the sides of the configured theater (`FRONTLEDGER_THEATER`,
    `theaters/<id>.toml`): the two whose claims the ledger folds into control states."""
    if sides is not None:
        return sides
    from frontledger import defaults  # read when asked: a theater file is read on first need
    from frontledger.theater import load_theater

    return tuple(load_theater(defaults.DEFAULT_THEATER).sides)


def _other(side: str | None, sides: Sequence[str]) -> str | None:
    if side in sides and len(sides) == 2:
        return sides[1] if side == sides[0] else sides[0]
    return None


def view_of(stored: StoredClaim, sides: Sequence[str]) -> SideView | None:
    """The control view a claim expresses, or None when it says nothing about control."""
    c = stored.claim
    if c.kind not in TIMELINE_KINDS or c.claimant_side in SILENT_SIDES:
        return None
    if c.kind == "control" and c.stance == "asserts":
        controller, fraction = c.actor_side, c.fraction
    elif c.kind == "control" or c.stance == "asserts":
        controller, fraction = _other(c.actor_side, sides), None
    else:
        return None  # "did not withdraw" says the actor still holds it: control covers it
    return SideView(c.claimant_side, controller, fraction, claim_day(stored), stored.id)


def precedence(view: SideView) -> tuple[bool, bool, str, float]:
    """Which of one side's views of the same day stands: the larger wins (see above)."""
    return (view.fraction is not None, view.controller is not None, view.controller or "",
            view.fraction or 0.0)


def relayed(claims: Iterable[StoredClaim], sides: Sequence[str] | None = None,
            ) -> set[int]:
    """Ids of the non-belligerent claims that relay a belligerent's claim about the same
    place in the same document (see above)."""
    sides = belligerents(sides)
    claims = list(claims)
    spoken = {(c.document_id, place_key(c.claim)) for c in claims
              if c.claim.claimant_side in sides and view_of(c, sides) is not None}
    return {c.id for c in claims
            if c.claim.claimant_side not in sides
            and (c.document_id, place_key(c.claim)) in spoken}


def claim_day(stored: StoredClaim) -> date | None:
    """The date a claim holds for: its own, else its document's publication day."""
    if stored.claim.date is not None:
        return stored.claim.date
    return stored.published.date() if stored.published else None


def consensus(views: Sequence[SideView]) -> tuple[str, str | None]:
    """(status, controller) from each side's current view."""
    named = [v for v in views if v.controller is not None]
    if not views:
        return "unknown", None
    controllers = {v.controller for v in named}
    if len(controllers) > 1:
        return "contested", None
    if not controllers:
        return "claimed" if len(views) == 1 else "contested", None
    controller = next(iter(controllers))
    return ("confirmed" if len(views) >= 2 else "claimed"), controller


def state_on(claims: Iterable[StoredClaim], on: date,
             sides: Sequence[str] | None = None) -> PlaceState | None:
    """The state of one place (all `claims` are about it) on date `on`."""
    sides = belligerents(sides)
    latest: dict[str, tuple[tuple[date, tuple[bool, bool, str, float], int], SideView]] = {}
    first = None
    claims = list(claims)
    relays = relayed(claims, sides)
    for stored in claims:
        view = view_of(stored, sides)
        if view is None or view.since is None or view.since > on or stored.id in relays:
            continue
        first = first or stored
        order = (view.since, precedence(view), -stored.id)
        if view.side not in latest or order > latest[view.side][0]:
            latest[view.side] = (order, view)
    if first is None:
        return None
    views = tuple(v for _o, v in sorted(latest.values(), key=lambda x: x[1].side))
    status, controller = consensus(views)
    p = first.claim.place
    return PlaceState(place_key(first.claim), p.name, p.geonameid, p.iso3166_2, p.latitude,
                      p.longitude, on, views, status, controller)  # type: ignore[arg-type]


def timeline(claims: Sequence[StoredClaim],
             sides: Sequence[str] | None = None,
             initial: Sequence[SideView] = (),
             relays: set[int] | None = None) -> list[PlaceState]:
    """The place's state at each date on which a claim about its control was made.

    One sweep over the claims in date order (O(n log n)). `initial` are the views that
    stood before the first of `claims` (to continue a stored timeline from a date on);
    `relays` the ids of claims not to count (default: `relayed(claims)`).
    """
    sides = belligerents(sides)
    skip = relayed(claims, sides) if relays is None else relays
    views = sorted(((view.since, stored.id, view, stored) for stored in claims
                    if stored.id not in skip and (view := view_of(stored, sides)) is not None
                    and view.since is not None),
                   key=lambda item: (item[0], precedence(item[2]), -item[1]))
    latest: dict[str, SideView] = {view.side: view for view in initial}
    states: list[PlaceState] = []
    for index, (day, _id, view, stored) in enumerate(views):
        latest[view.side] = view
        if index + 1 < len(views) and views[index + 1][0] == day:
            continue  # the day's state is taken after its last claim
        current = tuple(v for _side, v in sorted(latest.items()))
        status, controller = consensus(current)
        p = views[0][3].claim.place
        states.append(PlaceState(place_key(stored.claim), p.name, p.geonameid, p.iso3166_2,
                                 p.latitude, p.longitude, day, current,
                                 status, controller))  # type: ignore[arg-type]
    return states


def control_as_of(claims: Iterable[StoredClaim], on: date,
                  sides: Sequence[str] | None = None) -> list[PlaceState]:
    """The state of every place that has a control claim dated on or before `on`."""
    sides = belligerents(sides)
    by_place: dict[str, list[StoredClaim]] = defaultdict(list)
    for stored in claims:
        by_place[place_key(stored.claim)].append(stored)
    states = (state_on(group, on, sides) for group in by_place.values())
    return sorted((s for s in states if s is not None), key=lambda s: s.place_name)

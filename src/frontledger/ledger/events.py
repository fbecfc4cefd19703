"""Events: claims from many reports of the same happening, folded into one.

Claims join one event when they share place, kind, actor side and stance and their dates
lie within `EVENT_WINDOW_DAYS` of the previous claim's. Sorting once and cutting at gaps
keeps clustering O(n log n). Syndicated copies of one wire story (SimHash distance at
most `SYNDICATION_MAX_DISTANCE`) count as one source.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from frontledger.records import Claim, Event, StoredClaim

# A happening is re-reported for days (the first claim, then denials, analyses, recaps);
# a week joins those while keeping a town's fall and its recapture months later apart.
EVENT_WINDOW_DAYS = 7
# Bits of 64 that may differ between copies of one story. Measured on our fixtures: a
# 100-word wire story with its dateline rewritten differs by 5 bits; distinct reports of
# the same happening differ by 20-30 (32 is chance). Unrelated texts fall within 6 bits
# with probability ~1e-10.
SYNDICATION_MAX_DISTANCE = 6
_WORD = re.compile(r"\w+")


def simhash(text: str) -> int:
    """64-bit SimHash over word trigrams (Charikar): close texts get close hashes."""
    import numpy as np  # late: the CLI starts without it

    words = _WORD.findall(text.lower())
    shingles = [" ".join(words[i:i + 3]) for i in range(max(1, len(words) - 2))]
    digests = b"".join(hashlib.blake2b(s.encode(), digest_size=8).digest() for s in shingles)
    # one row of 64 bits per shingle; a bit of the SimHash is set where most rows set it
    bits = np.unpackbits(np.frombuffer(digests, dtype=np.uint8)).reshape(-1, 64)
    majority = bits.sum(axis=0) * 2 > len(shingles)
    return int.from_bytes(np.packbits(majority).tobytes(), "big")


def place_key(claim: Claim) -> str:
    """The identity of a claim's place across documents and languages."""
    if claim.place.geonameid is not None:
        return f"g:{claim.place.geonameid}"
    if claim.place.iso3166_2 and claim.place.kind == "region":
        return f"r:{claim.place.iso3166_2}"
    return f"n:{claim.place.kind}:{claim.place.name.casefold()}"


def independent_sources(claims: Iterable[StoredClaim]) -> int:
    """Documents behind the claims, syndicated copies of one story counted once."""
    hashes = list({c.document_id: c.simhash for c in claims}.values())
    groups: list[int] = []
    for value in hashes:
        if not any(bin(value ^ other).count("1") <= SYNDICATION_MAX_DISTANCE
                   for other in groups):
            groups.append(value)
    return len(groups)


def cluster_events(claims: Iterable[StoredClaim],
                   window_days: int = EVENT_WINDOW_DAYS) -> list[Event]:
    """Fold claims into events; undated claims join their group's nearest dated run."""
    groups: dict[tuple[str, str, str | None, str], list[StoredClaim]] = defaultdict(list)
    for stored in claims:
        c = stored.claim
        groups[(place_key(c), c.kind, c.actor_side, c.stance)].append(stored)
    events: list[Event] = []
    for members in groups.values():
        for run in _runs(members, window_days):
            events.append(_event(run))
    events.sort(key=lambda e: (e.first_date or date.max, e.id))
    return events


def _claim_day(stored: StoredClaim) -> date | None:
    if stored.claim.date is not None:
        return stored.claim.date
    return stored.published.date() if stored.published else None


def _runs(members: list[StoredClaim], window_days: int) -> list[list[StoredClaim]]:
    dated = sorted((m for m in members if _claim_day(m) is not None),
                   key=lambda m: (_claim_day(m), m.id))
    undated = [m for m in members if _claim_day(m) is None]
    runs: list[list[StoredClaim]] = []
    previous: date | None = None
    for member in dated:
        day = _claim_day(member)
        assert day is not None
        if previous is None or (day - previous).days > window_days:
            runs.append([])
        runs[-1].append(member)
        previous = day
    if undated:
        if runs:
            runs[-1].extend(undated)
        else:
            runs.append(undated)
    return runs


def _event(run: list[StoredClaim]) -> Event:
    first = run[0].claim
    days = [d for d in (_claim_day(m) for m in run) if d is not None]
    published = [m.published for m in run if m.published is not None]
    key = place_key(first)
    first_day = min(days) if days else None
    ident = hashlib.sha256(
        f"{key}|{first.kind}|{first.actor_side}|{first.stance}|{first_day}".encode()
    ).hexdigest()[:16]
    return Event(
        id=ident, place_key=key, place_name=first.place.name, kind=first.kind,
        actor_side=first.actor_side, stance=first.stance, first_date=first_day,
        last_date=max(days) if days else None,
        first_reported=min(published) if published else None, claims=tuple(run),
        sources=independent_sources(run),
        claimants=tuple(dict.fromkeys(m.claim.claimant for m in run)),
        claimant_sides=tuple(dict.fromkeys(m.claim.claimant_side for m in run)))

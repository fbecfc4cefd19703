"""Events: claims from many reports of the same happening, folded into one.

Claims join one event when they share place, kind, actor side and stance and their dates
lie within `EVENT_WINDOW_DAYS` of the previous claim's. Sorting once and cutting at gaps
keeps clustering O(n log n). Syndicated copies of one wire story (SimHash distance at
most `SYNDICATION_MAX_DISTANCE`) count as one source.
"""

from __future__ import annotations

import hashlib
import re
import zlib
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
# Odd 64-bit multipliers (golden ratio, murmur3, xxhash, splitmix64): any odd constants
# with well-spread bits would do; these are the well-known ones.
_MIXERS = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9,
           0xBF58476D1CE4E5B9, 0x94D049BB133111EB)


def simhash(text: str) -> int:
    """64-bit SimHash over word trigrams (Charikar): close texts get close hashes.

    Each word is hashed once (crc32) and trigrams are combined and mixed in numpy: the
    per-trigram blake2b this replaced cost twice as much, and ingest writes one per
    document.
    """
    import numpy as np  # late: the CLI starts without it

    words = _WORD.findall(text.lower())
    if not words:
        return 0
    h = np.fromiter((zlib.crc32(w.encode()) for w in words), dtype=np.uint64,
                    count=len(words))
    k1, k2, k3, m1, m2 = (np.uint64(c) for c in _MIXERS)
    if len(h) >= 3:  # one value per trigram: its three words, each with its own weight
        h = h[:-2] * k1 ^ h[1:-1] * k2 ^ h[2:] * k3
    z = (h ^ (h >> np.uint64(30))) * m1  # splitmix64's finaliser spreads every bit
    z = (z ^ (z >> np.uint64(27))) * m2
    z = z ^ (z >> np.uint64(31))
    # one row of 64 bits per trigram; a bit of the SimHash is set where most rows set it
    bits = np.unpackbits(z.astype(">u8").view(np.uint8)).reshape(-1, 64)
    majority = bits.sum(axis=0) * 2 > len(z)
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

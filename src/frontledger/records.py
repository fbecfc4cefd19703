"""The immutable records that flow between stages.

    ingest ──▶ Document ──places──▶ PlaceMention ──claims──▶ Claim
       └────▶ Rejection (an input that could not become a Document)

Each field is documented once, here. Records are frozen dataclasses with slots (the two
made in thousands per query, frozen msgspec Structs): cheap, hashable where their fields
are, and impossible to mutate behind a later stage's back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

import msgspec

PlaceKind = Literal["populated_place", "region", "country", "river", "other"]
ClaimKind = Literal["control", "advance", "encirclement", "withdrawal", "clash", "strike"]
Stance = Literal["asserts", "denies"]
DatePrecision = Literal["day", "month", "year"]


@dataclass(frozen=True, slots=True)
class Document:
    """One news report, post or message, as ingested."""

    id: str
    """sha256 hex of the normalised text: the document's identity (same text = same id)."""
    text: str
    """Main text, normalised (NFC, unified line ends, trimmed)."""
    source: str
    """Where it came from: a file path, a URL, or "-" for stdin."""
    locator: str | None = None
    """Position inside the source: "line 12", "entry 3", "message 881"; None for whole files."""
    external_id: str | None = None
    """The record's own id (JSON `id`, feed entry id, Telegram message id), kept verbatim."""
    url: str | None = None
    """Canonical URL of the report when known."""
    outlet: str | None = None
    """Publisher: from the record, the feed title, the Telegram channel or the URL's domain."""
    published: datetime | None = None
    """Publication time (timezone-aware UTC when the source gave a zone, else naive)."""
    language: str | None = None
    """ISO 639-1 code, from the record or detected from the text."""
    title: str | None = None
    """Headline, when the source has one."""
    raw_sha256: str | None = None
    """sha256 hex of the raw bytes this document was read from (whole file or record)."""


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not become a Document, with the reason why."""

    source: str
    """File path, URL or "-"."""
    locator: str | None
    """Line, entry or message inside the source; None when the whole source failed."""
    stage: str
    """Pipeline stage that refused it: read, decode, parse, fetch, ..."""
    reason: str
    """Human-readable reason, saying what to do next where that helps."""


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A span of a document's text that names a place, resolved (or not) to the gazetteer."""

    start: int
    """Character offset of the mention's first character in the document text."""
    end: int
    """Character offset one past the mention's last character."""
    surface: str
    """The text exactly as written, text[start:end]."""
    name: str
    """Canonical English name of the resolved place (or the normalised surface if unresolved)."""
    kind: PlaceKind
    """populated_place, region, country, river or other."""
    geonameid: int | None = None
    """GeoNames id, None for places the gazetteer lacks."""
    country: str | None = None
    """ISO 3166-1 alpha-2 code of the country the place is in."""
    iso3166_2: str | None = None
    """ISO 3166-2 code: of the region itself for regions, of the containing region otherwise."""
    latitude: float | None = None
    longitude: float | None = None
    confidence: float = 1.0
    """Resolver's confidence in the chosen entry, 0..1."""
    metonym: bool = False
    """True when the name stands for an actor ("the Kremlin", "Kyiv said"), not a location."""


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a claim was read: document and character span."""

    document_id: str
    start: int
    end: int
    text: str
    """The document text between start and end."""


@dataclass(frozen=True, slots=True)
class Claim:
    """One assertion, by one claimant, found in one document (see DESIGN.md, claim model)."""

    claimant: str
    """Who asserts it, as named in the text, or the outlet itself."""
    claimant_side: str
    """Side the claimant speaks for: a theater side code (RU, UA, ...), other or unknown."""
    kind: ClaimKind
    place: PlaceMention
    actor_side: str | None
    """For control: the side said to hold the place; otherwise the side that acts."""
    stance: Stance
    evidence: Evidence
    fraction: float | None = None
    """Share of the place held, 0..1, for partial control; None when no number is given."""
    date: date | None = None
    date_precision: DatePrecision | None = None
    confidence: float = 0.5
    change: bool = False
    """For control: True for a change of hands ("captured"), False for a state ("holds")."""


@dataclass(frozen=True, slots=True)
class StoredClaim:
    """A claim as the ledger holds it: the claim, its document's facts, and its row id."""

    id: int
    """The ledger's own id of the claim (stable for the life of the ledger)."""
    claim: Claim
    document_id: str
    outlet: str | None
    url: str | None
    published: datetime | None
    language: str | None
    external_id: str | None
    simhash: int
    """64-bit SimHash of the document text: near-equal for copies of one wire story."""


@dataclass(frozen=True, slots=True)
class Event:
    """Claims from any number of reports that tell of the same happening."""

    id: str
    """Stable id: hash of the place, kind, actor side, stance and first date."""
    place_key: str
    """"g:<geonameid>" or "n:<kind>:<normalised name>" for places the gazetteer lacks."""
    place_name: str
    kind: ClaimKind
    actor_side: str | None
    stance: Stance
    first_date: date | None
    """Earliest date a claim gives for the happening."""
    last_date: date | None
    first_reported: datetime | None
    """Earliest publication time among the reports."""
    claims: tuple[StoredClaim, ...]
    sources: int
    """Independent sources: documents, counting syndicated copies of one story once."""
    claimants: tuple[str, ...]
    claimant_sides: tuple[str, ...]


class SideView(msgspec.Struct, frozen=True, gc=False):
    """One claimant side's latest word on who controls a place, as of a date."""

    side: str
    controller: str | None
    """The side it says holds the place (None when it only denied a capture and the
    theater has more than two sides)."""
    fraction: float | None
    since: date | None
    """Date of the claim this view rests on."""
    claim_id: int


class PlaceState(msgspec.Struct, frozen=True, gc=False):
    """Who holds a place on a date, per claimant side and as a consensus.

    (This and SideView are msgspec Structs rather than dataclasses: an as-of answer builds
    one per place, thousands, and a Struct is made 15 times faster and is never walked by
    the garbage collector: benchmarks/ledger.py's as-of p95.)"""

    place_key: str
    place_name: str
    geonameid: int | None
    iso3166_2: str | None
    latitude: float | None
    longitude: float | None
    on: date
    views: tuple[SideView, ...]
    status: Literal["confirmed", "contested", "claimed", "unknown"]
    controller: str | None
    """The consensus controller: agreed or sole claimed one; None when contested/unknown."""


@dataclass(frozen=True, slots=True)
class TrackRecord:
    """How one claimant side's control claims fared (see README, "Track record")."""

    side: str
    claims: int
    """Control views the side expressed (claims that name a controller)."""
    corroborated: int
    """...later (or the same day) conceded by another belligerent or confirmed by a monitor."""
    contradicted_by_own_side: int
    """...later replaced by a claim of the same side naming another controller."""
    median_lag_days: float | None
    """Median days from a claim to its first corroboration."""

    @property
    def corroborated_share(self) -> float | None:
        return self.corroborated / self.claims if self.claims else None

    @property
    def contradicted_share(self) -> float | None:
        return self.contradicted_by_own_side / self.claims if self.claims else None

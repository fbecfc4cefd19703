"""The immutable records that flow between stages.

    ingest ──▶ Document ──places──▶ PlaceMention ──claims──▶ Claim
       └────▶ Rejection (an input that could not become a Document)

Each field is documented once, here. Records are frozen dataclasses with slots (the two
made in thousands per query, frozen msgspec Structs): cheap, hashable where their fields
are, and impossible to mutate behind a later stage's back.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal, TypeVar

import msgspec

PlaceKind = Literal["populated_place", "region", "country", "river", "other"]
ClaimKind = Literal["control", "advance", "encirclement", "withdrawal", "clash", "strike"]
Stance = Literal["asserts", "denies"]
DatePrecision = Literal["day", "month", "year"]

_Frozen = TypeVar("_Frozen")


def quick_init(cls: type[_Frozen]) -> type[_Frozen]:
    """`cls` (a frozen dataclass with slots, each field an argument of its `__init__`) with
    an `__init__` that takes the same arguments and stores them as plain attributes.

    Why: the `__init__` a dataclass writes for a frozen class sets each field through
    `object.__setattr__`, which costs ~1,000 instructions a field; the ~110 places, claims
    and their evidence an article makes cost ~2 % of geoparse + extract that way
    (benchmarks/claims_callgrind.py). The new `__init__` turns the fresh record for that
    moment into an instance of an unfrozen twin class with the same slots (Python allows
    `__class__` to change between classes of one layout), stores the fields, and turns it
    back: the record made is the same, frozen from then on. A subclass's record is made by
    the dataclass's own `__init__`."""
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    slots = getattr(cls, "__slots__", ())
    if tuple(f.name for f in fields) != tuple(slots) or any(
            not f.init or f.default_factory is not dataclasses.MISSING for f in fields):
        raise TypeError(f"{cls.__name__}: quick_init needs slots and plain fields")
    names = [f.name for f in fields]
    defaults = {f.name: f.default for f in fields if f.default is not dataclasses.MISSING}
    params = ", ".join(f"{n}=_default_{n}" if n in defaults else n for n in names)
    source = "\n".join([
        f"def __init__(self, {params}):",
        "    if type(self) is not _cls:",
        f"        return _dataclass_init(self, {', '.join(names)})",
        "    _setattr(self, '__class__', _open)",
        *[f"    self.{n} = {n}" for n in names],
        "    self.__class__ = _cls",
    ])
    namespace: dict[str, Any] = {
        "_cls": cls, "_open": type(f"_Open{cls.__name__}", (), {"__slots__": slots}),
        "_setattr": object.__setattr__, "_dataclass_init": cls.__init__,
        **{f"_default_{n}": value for n, value in defaults.items()}}
    exec(source, namespace)  # (as dataclasses itself writes `__init__`)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__annotations__ = dict(cls.__init__.__annotations__)
    init.__doc__ = cls.__init__.__doc__
    cls.__init__ = init  # type: ignore[method-assign]
    return cls


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


@quick_init
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


@quick_init
@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a claim was read: document and character span."""

    document_id: str
    start: int
    end: int
    text: str
    """The document text between start and end."""


@quick_init
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

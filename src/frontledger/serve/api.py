"""The read-only JSON API: places, timelines, claims, events, documents, control, stats.

Each endpoint checks its parameters (FastAPI binds and validates them; the store binds
them as SQL parameters) and calls one library question. Errors take the one shape of
`serve.errors`.
"""

from __future__ import annotations

from dataclasses import asdict, replace
from datetime import UTC, date, datetime
from functools import lru_cache
from itertools import islice
from typing import Annotated, Any, Literal

import orjson
from fastapi import APIRouter, Path, Query, Request, Response

from frontledger.errors import UsageError
from frontledger.ledger import ClaimFilter, SqlStore
from frontledger.ledger.areas import (
    CONSENSUS,
    areas_geojson,
    areas_on,
    outline_shapes,
    side_names,
)
from frontledger.ledger.query import (
    PlaceRef,
    checked_region,
    claimant_track_records,
    control_on,
    find_place,
    list_events,
    place_claims,
    place_keys_of,
)
from frontledger.ledger.undated import undated_places
from frontledger.places.outlines import region_outlines
from frontledger.serve import payloads
from frontledger.serve.ahead import StatesAhead
from frontledger.serve.errors import ApiError
from frontledger.serve.neighbours import neighbour_outlines

# Largest page a client may ask for: big enough for a table view, small enough that one
# request cannot make the server serialise the whole ledger.
MAX_PAGE = 500
DEFAULT_PAGE = 50
# Seconds a browser may keep the oblast outlines: they change only with the package.
OUTLINES_MAX_AGE = 86_400

ClaimKindParam = Literal["control", "advance", "encirclement", "withdrawal", "clash",
                         "strike"]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Page size.")]
# Largest offset: far past any ledger's size, and small enough that offset + limit stays
# within every database's 64-bit integers (2^63 and above used to crash as a 500).
MAX_OFFSET = 10**12
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET,
                              description="Items to skip (from `next_offset`).")]
PlaceParam = Annotated[str | None, Query(
    min_length=1, max_length=200,
    description="A place by any alias, any language: Kupiansk, Купянск, Koupiansk.")]
GeonameParam = Annotated[int | None, Query(ge=1, description="A GeoNames id.")]
RegionParam = Annotated[str | None, Query(
    min_length=2, max_length=16, pattern=r"^[A-Za-z]{2}-[A-Za-z0-9]{1,6}$",
    description="ISO 3166-2 code of a first-level region, e.g. UA-63.")]

router = APIRouter(prefix="/api")


def _store(request: Request) -> SqlStore:
    return request.app.state.store


# The gazetteer does not change while the app runs: a name resolves the same way each time.
resolve = lru_cache(maxsize=4096)(find_place)


def _place(place: str | None, geonameid: int | None) -> PlaceRef | None:
    if geonameid is not None:
        return PlaceRef(place or str(geonameid), place or "", geonameid, None)
    return resolve(place) if place else None


def _encoded(body: dict[str, Any]) -> bytes:
    return orjson.dumps(body)


def _answer(body: dict[str, Any]) -> Response:
    """The body as JSON, encoded here: a dict handed back to FastAPI goes through its
    `jsonable_encoder`, which took longer than the query itself (4–8 ms for a timeline or
    a page of claims, against 0.03 ms for orjson; measured with benchmarks/api.py)."""
    return Response(orjson.dumps(body), media_type="application/json")


def _page(items: list[dict[str, Any]], key: str, limit: int, offset: int,
          more: bool) -> dict[str, Any]:
    return {key: items, "limit": limit, "offset": offset,
            "next_offset": offset + limit if more else None}


@router.get("/places", summary="Find a place by any alias in any language")
def places(request: Request, q: Annotated[str, Query(min_length=1, max_length=200)],
           ) -> Response:
    """The place the words name (resolved by the geoparser, or a stored place name), with
    its count of claims in the ledger; `places` is empty when the ledger has none."""
    ref = resolve(q)
    about = place_claims(_store(request), ref)
    hits = [] if not about else [{**payloads.place_json(about[0].claim.place),
                                  "place_key": payloads.place_key(about[0].claim),
                                  "claims": len(about)}]
    return _answer({"query": q, "resolved": payloads.place_ref_json(ref), "places": hits})


@router.get("/timeline", summary="Who holds a place on each date a claim was made")
def place_timeline(request: Request, place: PlaceParam = None,
                   geonameid: GeonameParam = None) -> Response:
    """Per claimant side and as a consensus, at each date of a control claim."""
    ref = _place(place, geonameid)
    if ref is None:
        raise ApiError(400, "name a place: ?place=Kupiansk or ?geonameid=703656")
    body = timeline_body(request.app.state.ahead, request.app.state.kept.revision,
                         _store(request), ref)
    if body is None:
        raise ApiError(404, f"no control claims about {ref.query!r} in the ledger")
    return Response(body, media_type="application/json")


def timeline_body(ahead: StatesAhead, revision: int | None, store: SqlStore | None,
                  ref: PlaceRef) -> bytes | None:
    """The timeline answer of `ref`, or None when the ledger has no state of it. Each
    state encoded once, ahead (serve.ahead), for `revision`; until that is ready, read on
    demand from `store` (None: only from the table ahead, and None while it is not
    ready, as `serve.fast` asks from the event loop)."""
    keys = place_keys_of(ref)
    states = ahead.history(revision, keys)
    if states is None:
        if store is None:
            return None
        states = [orjson.dumps(payloads.state_json(s)) for s in store.place_history(keys)]
    if not states:
        return None
    place_json = orjson.dumps(payloads.place_ref_json(ref))
    return b'{"place":' + place_json + b',"states":[' + b",".join(states) + b"]}"


@router.get("/claims", summary="Claims, filtered and paginated")
def claims(request: Request, place: PlaceParam = None, geonameid: GeonameParam = None,
           region: RegionParam = None,
           side: Annotated[str | None, Query(max_length=32,
                                             description="Claimant side: RU, UA, other…")
                           ] = None,
           actor: Annotated[str | None, Query(max_length=32,
                                              description="Side said to act or hold.")
                            ] = None,
           kind: ClaimKindParam | None = None,
           stance: Literal["asserts", "denies"] | None = None,
           since: date | None = None, until: date | None = None,
           outlet: Annotated[str | None, Query(max_length=300)] = None,
           language: Annotated[str | None, Query(max_length=16)] = None,
           document: Annotated[str | None, Query(max_length=64)] = None,
           limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> Response:
    """Claims in storage order; every filter is bound as a parameter, never pasted."""
    if since and until and since > until:
        raise ApiError(400, f"since ({since}) is after until ({until})")
    return Response(claims_page(_store(request), _place(place, geonameid), region, kind,
                                until, ClaimFilter(claimant_side=side, actor_side=actor,
                                                   stance=stance, since=since,
                                                   outlet=outlet, language=language,
                                                   document_id=document, limit=limit,
                                                   offset=offset),
                                encoded=request.app.state.claims,
                                revision=request.app.state.kept.revision),
                    media_type="application/json")


def claims_page(store: SqlStore, ref: PlaceRef | None, region: str | None,
                kind: str | None, until: date | None, where: ClaimFilter,
                steps: int | None = None, encoded: payloads.EncodedClaims | None = None,
                revision: int | None = None) -> bytes:
    """The encoded `/api/claims` page of the filters checked by the endpoint (or by
    `serve.fast`); `where.limit` is the page size. `steps`: the read's budget of SQLite
    steps (`ReadOverBudget` past it; `SqlStore.claim_rows`); `encoded`: the claims'
    encodings kept for the ledger's `revision` (the kept answers')."""
    region = checked_region(store, region)
    limit, offset = where.limit or DEFAULT_PAGE, where.offset
    found = store.claim_rows(kinds=[kind] if kind else None, until=until, region=region,
                             place_keys=place_keys_of(ref) if ref else None,
                             where=replace(where, limit=limit + 1), raw=True, steps=steps)
    claims = (encoded or payloads.EncodedClaims()).encoded(found[:limit], revision)
    # the bytes of orjson.dumps(_page(items, ...)): its keys after the claims, spliced
    rest = orjson.dumps(_page([], "claims", limit, offset, len(found) > limit))
    return b'{"claims":[' + b",".join(claims) + b"]," + rest[len(b'{"claims":[],'):]


@router.get("/events", summary="Claims of many reports folded into events")
def events(request: Request, place: PlaceParam = None, kind: ClaimKindParam | None = None,
           limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> Response:
    found = list_events(_store(request), place, kind)
    items = [payloads.event_json(e) for e in found[offset:offset + limit]]
    return _answer(_page(items, "events", limit, offset, len(found) > offset + limit))


@router.get("/documents", summary="Stored documents, in the order they were stored")
def documents(request: Request, limit: Limit = DEFAULT_PAGE,
              offset: Offset = 0) -> Response:
    stream = _store(request).documents()
    try:
        page = list(islice(stream, offset, offset + limit + 1))
    finally:
        stream.close()  # type: ignore[attr-defined]
    items = [payloads.document_summary_json(d) for d in page[:limit]]
    return _answer(_page(items, "documents", limit, offset, len(page) > limit))


@router.get("/documents/{document_id}",
            summary="A document's text with its evidence spans (as offsets, never markup)")
def document(request: Request,
             document_id: Annotated[str, Path(min_length=1, max_length=64)],
             ) -> Response:
    store = _store(request)
    found = store.get_document(document_id)
    if found is None:
        raise ApiError(404, f"no document {document_id!r} in the ledger")
    stored = store.stored_claims(where=ClaimFilter(document_id=document_id))
    return _answer(payloads.document_json(found, stored, store.place_mentions(document_id)))


@router.get("/control", summary="Who holds each place on a date, as GeoJSON")
def control(request: Request,
            date_: Annotated[date | None, Query(alias="date",
                                                description="YYYY-MM-DD; default today")
                             ] = None,
            region: RegionParam = None,
            views: Annotated[bool, Query(description="Include each side's view (false: "
                                                     "a third of the size, for maps)")
                             ] = True) -> Response:
    """A FeatureCollection: one Point per place with a control claim up to the date;
    properties: status (confirmed, contested, claimed), controller, each side's view."""
    day = date_ or datetime.now(UTC).date()
    region = checked_region(_store(request), region)
    # from the table computed ahead for the revision the kept answers were checked at
    # (serve.ahead); until it is ready, on demand
    body = request.app.state.ahead.collection(request.app.state.kept.revision, day, region,
                                             views)
    if body is None:
        features: payloads.EncodedFeatures = request.app.state.features
        body = features.collection(control_on(_store(request), day, region), day, views)
    return Response(body, media_type="application/json")


@router.get("/undated", summary="Places whose control claims are on no date")
def control_undated(request: Request, region: RegionParam = None) -> Response:
    """Places with control or withdrawal claims that hold on no day (no date of their own,
    no publication date): on no map date, listed apart by the map as undated."""
    store = _store(request)
    found = undated_places(store, checked_region(store, region))
    return _answer({"undated": [asdict(p) for p in found]})


@router.get("/regions", summary="Region outlines (Ukraine's oblasts) as GeoJSON")
def regions() -> Response:
    """Outlines from the installed pygal-maps-ua package; the same for the app's life."""
    return Response(_outlines_json(), media_type="application/json",
                    headers={"Cache-Control": f"max-age={OUTLINES_MAX_AGE}"})


@lru_cache(maxsize=1)
def _outlines_json() -> bytes:
    return _encoded(region_outlines())


@router.get("/areas", summary="Control areas and the claimed front line on a date, as "
                                "GeoJSON")
def areas(request: Request,
          date_: Annotated[date | None, Query(alias="date",
                                              description="YYYY-MM-DD; default today")
                           ] = None,
          view: Annotated[str, Query(min_length=2, max_length=16, pattern=r"^[A-Za-z-]+$",
                                     description="`consensus`, or a side's own view: "
                                                 "RU (as Russia claims it), UA…")
                          ] = CONSENSUS) -> Response:
    """Each place's area (its Voronoi cell among the places with a state in the view,
    clipped to its oblast and to a radius by population; `layer: area`), then the lines
    where areas held by different sides touch (`layer: front`)."""
    day = date_ or datetime.now(UTC).date()
    try:
        found = areas_on(_store(request), day, view, outlines=_outline_shapes())
    except UsageError as exc:
        raise ApiError(400, str(exc)) from exc
    return _answer(areas_geojson(found))


@lru_cache(maxsize=1)
def _outline_shapes() -> dict[str, Any]:
    return outline_shapes(region_outlines())


@router.get("/neighbours", summary="Countries around the theater and its seas (GeoJSON)")
def neighbours() -> Response:
    """Natural Earth's countries from an installed package; the same for the app's life."""
    return Response(_neighbours_json(), media_type="application/json",
                    headers={"Cache-Control": f"max-age={OUTLINES_MAX_AGE}"})


@lru_cache(maxsize=1)
def _neighbours_json() -> bytes:
    return _encoded(neighbour_outlines())


@router.get("/claims/latest", summary="The latest claims, newest publication first")
def latest_claims(request: Request,
                  side: Annotated[str | None, Query(max_length=32,
                                                    description="Claimant side.")] = None,
                  kind: ClaimKindParam | None = None,
                  language: Annotated[str | None, Query(max_length=16)] = None,
                  limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> Response:
    """Claims of the most recently published documents first, filtered as `/api/claims`."""
    where = ClaimFilter(claimant_side=side, language=language, limit=limit + 1,
                        offset=offset, newest_first=True)
    found = _store(request).claim_rows(kinds=[kind] if kind else None, where=where,
                                       raw=True)
    items = payloads.claim_rows_json(found[:limit])
    return _answer(_page(items, "claims", limit, offset, len(found) > limit))


@router.get("/trackrecords", summary="How each claimant side's control claims fared")
def trackrecords(request: Request) -> Response:
    return _answer({"track_records": [payloads.track_record_json(r)
                                      for r in claimant_track_records(_store(request))]})


@router.get("/stats", summary="What the ledger holds")
def stats(request: Request) -> Response:
    """Documents by language, outlet and publication day; rejections; the first and last
    publication days (the map's date range)."""
    summary = _store(request).status(rejection_limit=0)
    days = sorted(d for d in summary.by_day if d != "unknown")
    return _answer({"documents": summary.documents, "rejections": summary.rejections,
                    "by_language": summary.by_language, "by_outlet": summary.by_outlet,
                    "by_day": summary.by_day, "first_day": days[0] if days else None,
                    "last_day": days[-1] if days else None})


@router.get("/config", summary="Settings the map page needs")
def config(request: Request) -> Response:
    settings = request.app.state.settings
    return _answer({"tiles": settings.tiles, "write_enabled": settings.token is not None,
                    "sides": side_names()})

"""CLI commands that ask the ledger questions: timeline, control, events, trackrecord,
export. Thin: each calls one function of `ledger.query` or `ledger.export` and prints."""

from __future__ import annotations

import sys
from dataclasses import asdict
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

import typer

from frontledger.cli.common import (
    DbOption,
    JsonOption,
    add_row,
    err,
    fail,
    out,
    plain,
    require_extra,
)
from frontledger.defaults import EXPORT_FORMATS
from frontledger.errors import FrontledgerError, UsageError

if TYPE_CHECKING:  # rich's tables and the records load when a command prints
    from rich.table import Table

    from frontledger.records import PlaceState

# Each command imports the ledger (and with it SQLAlchemy) only when it runs, so that
# `frontledger --help` and the commands of other stages start fast.


def _day(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise UsageError(f"{text!r} is not a date: use YYYY-MM-DD") from exc


def state_json(state: PlaceState) -> dict[str, Any]:
    """A place's state as JSON (the GeoJSON feature's properties)."""
    from frontledger.ledger.export import place_feature

    return dict(place_feature(state)["properties"])


def _views(state: PlaceState) -> str:
    parts = []
    for v in state.views:
        share = f" {v.fraction:.0%}" if v.fraction is not None else ""
        parts.append(f"{v.side}: {v.controller or 'not the accused side'}{share}")
    return "; ".join(parts)


def _states_table(states: list[PlaceState], title: str) -> Table:
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    for column in ("date", "place", "status", "controller", "each side says"):
        table.add_column(column, overflow="fold")
    for s in states:
        add_row(table, s.on.isoformat(), s.place_name, s.status, s.controller or "",
                _views(s))
    return table


def timeline(place: Annotated[str, typer.Argument(
                 help="Any name of the place, in any language (Купянск, Koupiansk…).")],
             db: DbOption = None, as_json: JsonOption = False) -> None:
    """Who each side says holds a place, and the consensus, at each date it changed."""
    from frontledger.ledger.query import place_timeline
    from frontledger.ledger.store import open_store

    try:
        with open_store(db, create=False) as store:
            ref, states = place_timeline(store, place)
    except FrontledgerError as exc:
        raise fail(exc) from exc
    if as_json:
        out.print_json(data={"place": ref.name, "geonameid": ref.geonameid,
                             "timeline": [state_json(s) for s in states]})
    elif not states:
        out.print(f"no control claims about {plain(ref.name)} in the ledger")
    else:
        out.print(_states_table(states, f"timeline of {plain(ref.name)}"))


def control(as_of: Annotated[str, typer.Option("--as-of", help="Date, YYYY-MM-DD.")],
            region: Annotated[str | None, typer.Option(
                help="Only places in this ISO 3166-2 region, e.g. UA-63.")] = None,
            db: DbOption = None, as_json: JsonOption = False) -> None:
    """The state of every place with control claims on a date."""
    from frontledger.ledger.export import control_geojson
    from frontledger.ledger.query import control_on
    from frontledger.ledger.store import open_store
    from frontledger.ledger.undated import undated_places

    try:
        day = _day(as_of)
        assert day is not None
        with open_store(db, create=False) as store:
            states = control_on(store, day, region.upper() if region else None)
            undated = undated_places(store, region.upper() if region else None)
    except FrontledgerError as exc:
        raise fail(exc) from exc
    if as_json:
        out.print_json(data=control_geojson(states) | {"undated": [asdict(p) for p in undated]})
        return
    out.print(_states_table(states, f"control as of {day.isoformat()}"))
    if undated:  # claims on no day (no date, no publication date): listed, not dropped
        out.print(f"undated, on no date: {len(undated)} place(s): " + ", ".join(
            f"{plain(p.place)} ({p.claims} claim(s))" for p in undated))


def events(place: Annotated[str | None, typer.Option(help="Only this place.")] = None,
           kind: Annotated[str | None, typer.Option(help="Only this claim kind.")] = None,
           db: DbOption = None, as_json: JsonOption = False) -> None:
    """Happenings reported by one or more sources, with their claimants and sources."""
    from frontledger.ledger.query import list_events
    from frontledger.ledger.store import open_store

    try:
        with open_store(db, create=False) as store:
            found = list_events(store, place, kind)
    except FrontledgerError as exc:
        raise fail(exc) from exc
    if as_json:
        from frontledger.shapes import event_json

        out.print_json(data=[event_json(e) for e in found])
        return
    from rich.table import Table

    table = Table(title="events", title_justify="left")
    for column in ("first date", "place", "kind", "actor", "stance", "sources", "claimants"):
        table.add_column(column, overflow="fold")
    for e in found:
        add_row(table, e.first_date or "", e.place_name, e.kind, e.actor_side or "",
                e.stance, e.sources, ", ".join(e.claimants))
    out.print(table)


def trackrecord(db: DbOption = None, as_json: JsonOption = False) -> None:
    """How each claimant side's control claims fared (see README, "Track record")."""
    from frontledger.ledger.query import claimant_track_records
    from frontledger.ledger.store import open_store

    try:
        with open_store(db, create=False) as store:
            records = claimant_track_records(store)
    except FrontledgerError as exc:
        raise fail(exc) from exc
    if as_json:
        out.print_json(data=[{
            "side": r.side, "claims": r.claims, "corroborated": r.corroborated,
            "corroborated_share": r.corroborated_share,
            "contradicted_by_own_side": r.contradicted_by_own_side,
            "contradicted_share": r.contradicted_share,
            "median_lag_days": r.median_lag_days} for r in records])
        return
    from rich.table import Table

    table = Table(title="track records", title_justify="left")
    for column in ("side", "control claims", "conceded/confirmed", "contradicted by own side",
                   "median lag (days)"):
        table.add_column(column)
    for r in records:
        add_row(table, r.side, r.claims, _share(r.corroborated, r.corroborated_share),
                _share(r.contradicted_by_own_side, r.contradicted_share),
                "" if r.median_lag_days is None else f"{r.median_lag_days:g}")
    out.print(table)


def _share(n: int, share: float | None) -> str:
    return f"{n} ({share:.0%})" if share is not None else str(n)


def export_command(
    fmt: Annotated[str, typer.Option("--format",
                                     help=f"One of: {', '.join(EXPORT_FORMATS)}.")],
    output: Annotated[str | None, typer.Option(
        "--output", "-o", help="File to write (default: standard output).")] = None,
    as_of: Annotated[str | None, typer.Option(
        "--as-of", help="For geojson, kml and areas: the date of the states (default "
                        "today).")
    ] = None,
    view: Annotated[str, typer.Option(
        "--view", help="For areas: consensus, or one side's own view (RU, UA).")
    ] = "consensus",
    radius_scale: Annotated[float, typer.Option(
        "--radius-scale", min=0.1, max=10.0,
        help="For areas: a factor on every place's radius (village 3 km, town 6, city 12, "
             "city of a million 20).")] = 1.0,
    db: DbOption = None,
) -> None:
    """Export claims (jsonl, acled-csv, parquet), place states on a date (geojson, kml), or
    control areas and front lines on a date (areas); a one-line summary on standard error
    says what was written and what left out."""
    from frontledger.ledger.areas import AreaSettings
    from frontledger.ledger.export import export
    from frontledger.ledger.store import open_store

    settings = AreaSettings(scale=radius_scale)
    try:
        if fmt == "parquet":
            require_extra("parquet", "pyarrow")
        with open_store(db, create=False) as store:
            if output and fmt != "parquet":
                with open(output, "w", encoding="utf-8", newline="") as handle:
                    summary = export(store, fmt, handle, on=_day(as_of), view=view,
                                     area_settings=settings)
            else:
                summary = export(store, fmt, sys.stdout, path=output, on=_day(as_of),
                                 view=view, area_settings=settings)
    except FrontledgerError as exc:
        raise fail(exc) from exc
    left_out = (f"; left out {summary.left_out} ({summary.why_left_out})"
                if summary.left_out else "")
    err.print(f"exported {summary.rows} row(s) as {fmt}{left_out}", markup=False,
              highlight=False)


def register(app: typer.Typer) -> None:
    """Add the ledger's query and export commands to the `frontledger` app."""
    app.command()(timeline)
    app.command()(control)
    app.command()(events)
    app.command()(trackrecord)
    app.command("export")(export_command)

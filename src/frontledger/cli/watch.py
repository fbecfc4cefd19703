"""`frontledger watch`, and the watched-sources part of `frontledger status`. Thin: the
command checks its options, calls `watch.watch` and prints what it reports."""

from __future__ import annotations

import json
import unicodedata
from typing import TYPE_CHECKING, Annotated, Any

import typer

from frontledger.cli.common import (
    EXIT_OK,
    EXIT_REJECTED,
    AllowPrivateOption,
    DbOption,
    MaxBytesOption,
    TimeoutOption,
    err,
    fail,
    out,
)
from frontledger.defaults import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT
from frontledger.errors import FrontledgerError

if TYPE_CHECKING:
    from rich.table import Table

    from frontledger.ledger.watched import WatchedSource
    from frontledger.watch import NewClaim, PollResult


def watch_command(
    sources: Annotated[list[str], typer.Argument(
        help="RSS/Atom feed, web page or Telegram channel (https://t.me/s/NAME) URLs.")],
    every: Annotated[str, typer.Option(
        help="Time between polls of each source: 30s, 10m, 1h.")] = "10m",
    once: Annotated[bool, typer.Option(
        help="Poll each source once and exit (for cron and systemd timers).")] = False,
    db: DbOption = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    timeout: TimeoutOption = DEFAULT_TIMEOUT,
    allow_private: AllowPrivateOption = False,
    as_json: Annotated[bool, typer.Option(
        "--json", help="Print each new claim as one JSON object per line.")] = False,
) -> None:
    """Follow feeds, pages and public Telegram channels: poll each on a schedule, store
    what is new as `run` does, and print each new claim; until SIGINT/SIGTERM, or once."""
    from frontledger.ingest import IngestOptions
    from frontledger.ledger import open_store
    from frontledger.watch import WatchOptions, parse_interval, stop_on_signals, watch

    try:
        options = WatchOptions(every=parse_interval(every), ingest=IngestOptions(
            max_bytes=max_bytes, timeout=timeout, allow_private=allow_private))
        with open_store(db) as store, stop_on_signals() as stop:
            report = watch(store, sources, options=options, once=once, stop=stop,
                           on_claim=_print_json_claim if as_json else _print_claim,
                           on_poll=_print_poll)
    except FrontledgerError as exc:
        raise fail(exc) from exc
    raise typer.Exit(EXIT_REJECTED if once and report.failed_sources else EXIT_OK)


def _print_claim(found: NewClaim) -> None:
    c, d = found.claim, found.document
    day = c.date.isoformat() if c.date else "undated"
    share = f" {c.fraction:.0%}" if c.fraction is not None else ""
    where = f"{c.place.name} ({c.place.iso3166_2})" if c.place.iso3166_2 else c.place.name
    line = (f"{day}  {c.claimant_side}: {c.kind} {c.stance} {c.actor_side or '?'}{share} "
            f"at {where}  by {c.claimant}  [{d.outlet or ''}] {d.url or found.source}")
    out.print(printable(line), markup=False, highlight=False, soft_wrap=True)


def _print_json_claim(found: NewClaim) -> None:
    from frontledger.claims.serialize import claim_to_dict

    d = found.document
    record = claim_to_dict(found.claim) | {
        "source": found.source,
        "document": {"id": d.id, "url": d.url, "outlet": d.outlet, "title": d.title,
                     "external_id": d.external_id, "language": d.language,
                     "published": d.published.isoformat() if d.published else None}}
    out.file.write(json.dumps(record, ensure_ascii=False) + "\n")
    out.file.flush()


def _print_poll(result: PollResult) -> None:
    state = result.state
    if result.outcome in ("failed", "deferred"):
        when = state.next_poll.strftime("%Y-%m-%d %H:%M:%S UTC") if state.next_poll else "?"
        what = "failed" if result.outcome == "failed" else "still backing off"
        message = f"{result.source}: {what} ({state.last_error}); next try after {when}"
    elif result.outcome == "unchanged":
        message = f"{result.source}: unchanged"
    else:
        message = (f"{result.source}: {result.stored} new document(s), {result.claims} "
                   f"claim(s), {result.already_present} already in the ledger, "
                   f"{result.rejected} rejected"
                   + (" (stopped; the rest on the next poll)"
                      if result.outcome == "interrupted" else ""))
    err.print(printable(message), markup=False, highlight=False, soft_wrap=True)
    err.file.flush()


# Bidirectional overrides and isolates: they reorder what a terminal shows ("Trojan Source").
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def printable(text: str) -> str:
    """Text from the web made safe for a terminal: control characters (escape sequences
    could rewrite the screen) and bidi overrides shown as \\uXXXX, line breaks as spaces."""
    chars = []
    for ch in text:
        if ch in "\n\r\t":
            chars.append(" ")
        elif unicodedata.category(ch) == "Cc" or ch in _BIDI_CONTROLS:
            chars.append(f"\\u{ord(ch):04x}")
        else:
            chars.append(ch)
    return "".join(chars)


def watched_table(sources: list[WatchedSource]) -> Table:
    """The watched sources as a table for `frontledger status`."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title="watched sources", title_justify="left")
    for column in ("source", "kind", "last success", "failures", "next poll", "documents",
                   "last error"):
        table.add_column(column, overflow="fold")
    for s in sources:
        table.add_row(*(Text(printable(v)) for v in (
            s.url, s.kind, _moment(s.last_success), str(s.failures), _moment(s.next_poll),
            str(s.documents), s.last_error or "")))
    return table


def _moment(value: Any) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%S") if value else ""


def register(app: typer.Typer) -> None:
    """Add `watch` to `app`."""
    app.command("watch")(watch_command)

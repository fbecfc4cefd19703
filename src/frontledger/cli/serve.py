"""`frontledger serve`: the JSON API and the map page over a ledger (`serve.create_app`
on uvicorn). Needs the `frontledger[serve]` extra; without it, exit status 2 naming it.
"""

from __future__ import annotations

import os
from typing import Annotated

import typer

from frontledger.cli.common import DbOption, fail, require_extra
from frontledger.defaults import MAX_BODY_BYTES
from frontledger.errors import FrontledgerError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def register(app: typer.Typer) -> None:
    """Add the `serve` command to the CLI `app`."""
    app.command("serve")(serve)


def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(
        help="Address to listen on; the default serves this machine only.")] = DEFAULT_HOST,
    port: Annotated[int, typer.Option(help="Port to listen on.", min=0, max=65535)
                    ] = DEFAULT_PORT,
    tiles: Annotated[str | None, typer.Option(
        help="Online tile layer URL template, e.g. "
             "https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png (off by default: the map "
             "works offline).")] = None,
    cors_origin: Annotated[list[str] | None, typer.Option(
        help="Let browser pages from this origin call the API (repeatable; CORS is off "
             "by default).")] = None,
    workers: Annotated[int, typer.Option(
        help="Server processes (each with its own connections and kept answers): one per "
             "core serves several times the requests of one.", min=1)] = 1,
    allowed_host: Annotated[list[str] | None, typer.Option(
        help="A Host name the server answers to (repeatable; '*' for any). Default: "
             "localhost, 127.0.0.1 and ::1 when bound to loopback, else any.")] = None,
    max_body_bytes: Annotated[int, typer.Option(
        help="Largest request body POST /api/documents accepts (413 above).", min=1)
                              ] = MAX_BODY_BYTES,
) -> None:
    """Serve the ledger: a JSON API (docs at /docs) and a map page, with no internet.
    POST /api/documents ingests documents only when FRONTLEDGER_TOKEN is set."""
    try:
        require_extra("serve", "fastapi", "uvicorn")
    except FrontledgerError as exc:
        raise fail(exc) from exc
    import uvicorn

    from frontledger.ledger import open_store
    from frontledger.serve.app import (
        ENV_CORS,
        ENV_DB,
        ENV_HOSTS,
        ENV_MAX_BODY,
        ENV_TILES,
        ServeSettings,
        create_app,
    )

    if any(" " in origin for origin in cors_origin or ()):
        raise typer.BadParameter("an origin has no spaces", param_hint="--cors-origin")
    if any(" " in name or not name for name in allowed_host or ()):
        raise typer.BadParameter("a host name has no spaces", param_hint="--allowed-host")
    from frontledger.serve.guard import default_allowed_hosts  # starlette: only `serve`

    settings = ServeSettings(token=os.environ.get("FRONTLEDGER_TOKEN") or None, tiles=tiles,
                             cors_origins=tuple(cors_origin or ()),
                             allowed_hosts=default_allowed_hosts(host, allowed_host or ()),
                             max_body_bytes=max_body_bytes)
    try:
        # only a server that can write may start on a ledger that does not exist yet
        store = open_store(db, create=settings.token is not None)
        web = create_app(store, settings)
    except FrontledgerError as exc:
        raise fail(exc) from exc
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"frontledger serving {store.url.split('://')[0]} ledger at "
               f"http://{shown}:{port}/  (API docs: http://{shown}:{port}/docs)")
    if settings.token:
        typer.echo("write endpoint POST /api/documents enabled (FRONTLEDGER_TOKEN is set)")
    if workers == 1:
        uvicorn.run(web, host=host, port=port, log_level="warning")
        store.close()
        return
    # each worker process builds its own app from what this one checked above
    store.close()
    os.environ.update({ENV_DB: store.url, ENV_TILES: tiles or "",
                       ENV_CORS: " ".join(settings.cors_origins),
                       ENV_HOSTS: " ".join(settings.allowed_hosts),
                       ENV_MAX_BODY: str(max_body_bytes)})
    typer.echo(f"{workers} worker processes")
    uvicorn.run("frontledger.serve.app:app_from_environment", factory=True, host=host,
                port=port, workers=workers, log_level="warning")

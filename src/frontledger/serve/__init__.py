"""Serve stage: the ledger as a JSON API (OpenAPI) and a map page, offline.

Reads: a ledger (`SqlStore`). Adds: HTTP access — read-only by default, a token-guarded
write endpoint when FRONTLEDGER_TOKEN is set.

    create_app(store, ServeSettings(...)) -> FastAPI    (see serve.app)
    frontledger serve [--db] [--host] [--port] [--tiles URL]   (see cli.serve)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from frontledger.serve.app import ServeSettings, create_app

__all__ = ["ServeSettings", "create_app"]


def __getattr__(name: str) -> Any:
    # Loaded on first use: FastAPI costs a second to import, which `frontledger serve`
    # pays and the other commands (sharing one CLI module) should not.
    if name in __all__:
        from frontledger.serve import app

        return getattr(app, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

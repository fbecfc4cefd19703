"""The web app: the JSON API, the map page and its assets, in one FastAPI application.

    create_app(store, ServeSettings(...)) -> FastAPI

Everything the page needs is served from installed packages: Leaflet from
`xstatic-leaflet`, Swagger UI (the OpenAPI docs) from `swagger-ui-bundle`, the oblast
outlines from `pygal-maps-ua`; nothing is fetched from a CDN. Every response carries a
strict Content-Security-Policy: scripts and styles only from this server, no inline
script, images only from here (and from the tile server when one is configured).
"""

from __future__ import annotations

import os
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from urllib.parse import urlsplit

import anyio.to_thread
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from frontledger import __version__
from frontledger.errors import UsageError
from frontledger.ledger import SqlStore
from frontledger.pipeline import Analysis, analyse
from frontledger.records import Document
from frontledger.serve import api, payloads, write
from frontledger.serve.ahead import StatesAhead
from frontledger.serve.errors import install_error_handlers
from frontledger.serve.fast import FastAnswers
from frontledger.serve.guard import MAX_BODY_BYTES, RequestGuard
from frontledger.serve.params import KnownParameters, route_parameters
from frontledger.serve.response_cache import CHECK_SECONDS, ResponseCache, ResponseCacheMiddleware

STATIC = Path(str(files("frontledger.serve") / "static"))
# Threads answering requests at once: the store keeps this many connections open
# (ledger.store.POOL_SIZE), so no request waits for one or opens a new one.
WORKER_THREADS = 15


@dataclass(frozen=True)
class ServeSettings:
    """How the app serves the ledger."""

    token: str | None = None
    """FRONTLEDGER_TOKEN: when set, POST /api/documents ingests posted records."""
    tiles: str | None = None
    """An online tile URL template (https://{s}.tile…/{z}/{x}/{y}.png); None = offline."""
    cors_origins: tuple[str, ...] = ()
    """Origins allowed to call the API from a browser; none by default (CORS off)."""
    analyser: Callable[[Document], Analysis] = field(default=analyse)
    """Places and claims of posted documents."""
    check_seconds: float = CHECK_SECONDS
    """Seconds between checks of the ledger for writes by other processes."""
    allowed_hosts: tuple[str, ...] = ()
    """Host header names answered (`serve --allowed-host`); none = any (see serve.guard)."""
    max_body_bytes: int = MAX_BODY_BYTES
    """Largest request body a write may send (`serve --max-body-bytes`); 413 above."""
    shared_dir: Path | None = None
    """Where server processes share what they compute ahead (serve.ahead); default: the
    cache folder's `answers` (FRONTLEDGER_CACHE_DIR overrides the cache folder)."""


# How `frontledger serve --workers N` hands its settings to each worker process.
ENV_DB, ENV_TILES, ENV_CORS, ENV_TOKEN = ("FRONTLEDGER_SERVE_DB", "FRONTLEDGER_SERVE_TILES",
                                          "FRONTLEDGER_SERVE_CORS", "FRONTLEDGER_TOKEN")
ENV_HOSTS, ENV_MAX_BODY = "FRONTLEDGER_SERVE_HOSTS", "FRONTLEDGER_SERVE_MAX_BODY"


def settings_from_environment() -> ServeSettings:
    """The settings `serve` put in the environment (CORS origins space-separated)."""
    return ServeSettings(token=os.environ.get(ENV_TOKEN) or None,
                         tiles=os.environ.get(ENV_TILES) or None,
                         cors_origins=tuple(os.environ.get(ENV_CORS, "").split()),
                         allowed_hosts=tuple(os.environ.get(ENV_HOSTS, "").split()),
                         max_body_bytes=int(os.environ.get(ENV_MAX_BODY) or MAX_BODY_BYTES))


def app_from_environment() -> FastAPI:
    """The app of one worker process of `serve --workers N` (an app factory for uvicorn):
    its own store on the ledger `serve` named, and the settings `serve` set."""
    from frontledger.ledger import open_store

    return create_app(open_store(os.environ.get(ENV_DB) or None), settings_from_environment())


def create_app(store: SqlStore, settings: ServeSettings | None = None) -> FastAPI:
    """The app serving `store`."""
    settings = settings or ServeSettings()
    tile_origin = _tile_origin(settings.tiles)
    app = FastAPI(title="frontledger", version=__version__, docs_url=None, redoc_url=None,
                  lifespan=_lifespan,
                  description="Who claims that which side holds which place, since when, "
                              "and on what evidence. Errors: "
                              '{"ok": false, "error": "...", "status": N}.')
    app.state.store = store
    app.state.kept = ResponseCache(store, check_seconds=settings.check_seconds)
    app.state.features = payloads.EncodedFeatures()
    app.state.claims = payloads.EncodedClaims()
    app.state.ahead = StatesAhead(store, settings.shared_dir or _answers_dir())
    app.state.settings = settings
    install_error_handlers(app)
    app.include_router(api.router)
    if settings.token:
        app.include_router(write.router)
    _mount_assets(app)
    # inside the kept answers, which keep what it answers
    app.add_middleware(FastAnswers, ahead=app.state.ahead, kept=app.state.kept, store=store,
                       claims=app.state.claims)
    app.add_middleware(ResponseCacheMiddleware, kept=app.state.kept)
    # outside the kept answers: they are keyed by the canonical query it leaves
    routes = api.router.routes + (write.router.routes if settings.token else [])
    app.add_middleware(KnownParameters, routes=route_parameters(routes))
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                           allow_methods=["GET", "POST"], allow_headers=["Authorization",
                                                                          "Content-Type"])
    # outside the kept answers and CORS: a refused request reaches neither
    app.add_middleware(RequestGuard, allowed_hosts=settings.allowed_hosts,
                       token=settings.token, max_body_bytes=settings.max_body_bytes)
    app.add_middleware(SecurityHeaders, policy=content_security_policy(tile_origin))
    return app


def _answers_dir() -> Path:
    from frontledger.places.index_files import cache_dir

    return cache_dir() / "answers"


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    # Requests beyond the ledger's connections would wait in SQLAlchemy's pool and fail
    # after its 30 s timeout under load; waiting for a worker thread instead never fails.
    anyio.to_thread.current_default_thread_limiter().total_tokens = WORKER_THREADS
    # the states table (day maps, timelines) follows the ledger's revision (serve.ahead)
    stop = threading.Event()
    keeper = threading.Thread(target=app.state.ahead.keep_current, args=(stop,),
                              name="frontledger-states-ahead", daemon=True)
    keeper.start()
    try:
        yield
    finally:
        stop.set()
        keeper.join(timeout=30)


def _mount_assets(app: FastAPI) -> None:
    import swagger_ui_bundle
    import xstatic.pkg.leaflet

    app.mount("/assets/leaflet", StaticFiles(directory=xstatic.pkg.leaflet.BASE_DIR),
              name="leaflet")
    app.mount("/assets/swagger", StaticFiles(directory=swagger_ui_bundle.swagger_ui_path),
              name="swagger")
    app.mount("/assets", StaticFiles(directory=STATIC), name="assets")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(STATIC / "docs.html")


def _tile_origin(tiles: str | None) -> str | None:
    if tiles is None:
        return None
    parts = urlsplit(tiles)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UsageError(f"--tiles must be an http(s) URL template, got {tiles!r}")
    host = parts.netloc.replace("{s}", "*")
    return f"{parts.scheme}://{host}"


def content_security_policy(tile_origin: str | None) -> str:
    """Only this server's scripts, styles and data; no inline script; no framing."""
    images = "'self' data:" + (f" {tile_origin}" if tile_origin else "")
    return ("default-src 'none'; script-src 'self'; style-src 'self'; "
            f"img-src {images}; connect-src 'self'; font-src 'self'; base-uri 'none'; "
            "form-action 'none'; frame-ancestors 'none'")


class SecurityHeaders:
    """ASGI middleware: the policy and hardening headers on every response (plain ASGI,
    cheaper per request than Starlette's BaseHTTPMiddleware)."""

    def __init__(self, app: ASGIApp, policy: str) -> None:
        self.app = app
        self.headers = {"Content-Security-Policy": policy,
                        "X-Content-Type-Options": "nosniff",
                        "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in self.headers.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)

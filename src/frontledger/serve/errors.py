"""The API's one error shape, for every error: {"ok": false, "error": "...", "status": N}.

Like datasette's `error_body()`. Every path that fails — an unknown place or document, a
bad date or page, a missing or wrong token, an invalid body, a wrong method, an unknown
route, a crash — answers with this body and its status code.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from frontledger.errors import FrontledgerError, StoreError, UsageError

log = logging.getLogger(__name__)
# Seconds a client is told to wait when the database is down: a restart takes about this.
RETRY_AFTER_SECONDS = 30


class ApiError(Exception):
    """An error the API reports to its caller, with the HTTP status to use."""

    def __init__(self, status: int, message: str,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers


def error_body(message: str, status: int) -> dict[str, Any]:
    return {"ok": False, "error": message, "status": status}


def error_response(message: str, status: int,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(message, status), status_code=status, headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    """Make every error of `app` answer in the one shape."""
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(FrontledgerError, _library_error)
    app.add_exception_handler(Exception, _crash)


async def _api_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.message, exc.status, exc.headers)


async def _http_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    message = {404: "not found: see /docs for the API's paths",
               405: "method not allowed on this path"}.get(exc.status_code, str(exc.detail))
    return error_response(message, exc.status_code, getattr(exc, "headers", None))


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    """Bad query or path parameters are 400; an invalid posted body is 422."""
    assert isinstance(exc, RequestValidationError)
    problems = [_describe(e) for e in exc.errors()]
    in_body = any(e.get("loc", ("",))[0] == "body" for e in exc.errors())
    return error_response("; ".join(problems) or "invalid request", 422 if in_body else 400)


def _describe(error: Any) -> str:
    where = ".".join(str(part) for part in error.get("loc", ()) if part not in ("query",))
    return f"{where}: {error.get('msg', 'invalid')}"


async def _library_error(_request: Request, exc: Exception) -> JSONResponse:
    if isinstance(exc, UsageError):
        return error_response(str(exc), 400)
    if isinstance(exc, StoreError):
        # the message names the database (password masked): for the log, not the client
        log.error("ledger error: %s", exc)
        return error_response("the ledger is unavailable; retry later", 503,
                              {"Retry-After": str(RETRY_AFTER_SECONDS)})
    return error_response(str(exc), 500)


async def _crash(_request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error in the API", exc_info=exc)
    return error_response("internal error: the server's log has the details", 500)

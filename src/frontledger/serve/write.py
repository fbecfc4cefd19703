"""The write API: POST /api/documents ingests posted records, behind a token.

It exists only when FRONTLEDGER_TOKEN is set (the route is not even registered
otherwise). The token is compared in constant time (`hmac.compare_digest`); a missing
token is 401, a wrong one 403. `serve.guard.RequestGuard` makes both checks, and caps
the body, before the body is read; the route checks the token again so that it is safe
without the guard too.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Body, Header, Request
from pydantic import BaseModel, Field

from frontledger.errors import FrontledgerError, InputRejected, LedgerUnavailable
from frontledger.ingest.formats import record_to_document
from frontledger.ledger import Store
from frontledger.pipeline import Analysis, IngestReport, store_item
from frontledger.records import Document, Rejection
from frontledger.serve import guard
from frontledger.serve.errors import ApiError

# Records one request may post: a batch a client can retry whole, that analyses in
# seconds rather than minutes.
MAX_POSTED = 200
POSTED_SOURCE = "api"

router = APIRouter(prefix="/api")


class PostedDocument(BaseModel):
    """One report, in the ingest record schema (see README, JSON records)."""

    text: str = Field(min_length=1, max_length=1_000_000)
    id: str | int | None = None
    url: str | None = Field(default=None, max_length=4096)
    outlet: str | None = Field(default=None, max_length=500)
    published: str | None = Field(default=None, max_length=64)
    language: str | None = Field(default=None, max_length=16)
    title: str | None = Field(default=None, max_length=2000)


class PostedBatch(BaseModel):
    documents: list[PostedDocument] = Field(min_length=1, max_length=MAX_POSTED)


def check_token(expected: str, authorization: str | None) -> None:
    """Raise 401 without a bearer token, 403 with a wrong one."""
    failed = guard.check_token(expected, authorization)
    if failed is not None:
        status, message = failed
        raise ApiError(status, message,
                       headers={"WWW-Authenticate": "Bearer"} if status == 401 else None)


@router.post("/documents", summary="Ingest posted documents (needs the token)")
def post_documents(request: Request, batch: Annotated[PostedBatch, Body()],
                   authorization: Annotated[str | None, Header()] = None) -> dict[str, Any]:
    """Store each new document with its places and claims; report rejected records."""
    settings = request.app.state.settings
    check_token(settings.token, authorization)
    store = request.app.state.store
    report, document_ids, records = IngestReport(), [], []
    try:
        for index, posted in enumerate(batch.documents):
            item = _posted_item(posted, f"item {index}")
            if isinstance(item, Document):
                document_ids.append(item.id)
            records.append(_store_one(store, item, report, settings.analyser))
    finally:  # also after an outage midway (503): the records before it are stored
        request.app.state.kept.invalidate()
    return {"ok": True, "stored": report.stored, "already_present": report.already_present,
            "claims": report.claims, "document_ids": document_ids, "records": records,
            "rejections": [{"locator": r.locator, "stage": r.stage, "reason": r.reason}
                           for r in report.rejections]}


def _store_one(store: Store, item: Document | Rejection, report: IngestReport,
               analyser: Callable[[Document], Analysis]) -> dict[str, Any]:
    """Store one posted record; what became of it: stored, already_present or rejected
    (with stage and reason). Whatever goes wrong with one record is that record's
    rejection, so that a batch never fails after part of it was stored; only a ledger
    that is down (LedgerUnavailable, 503) stops the batch."""
    locator = item.locator
    before = (report.stored, report.already_present, len(report.rejections))
    try:
        store_item(store, item, report, analyser)
    except LedgerUnavailable:
        raise
    except Exception as exc:  # the record's boundary
        assert isinstance(item, Document)
        store_item(store, Rejection(POSTED_SOURCE, locator, "store",
                                    f"the ledger could not store this record ({_why(exc)})"),
                   report)
    if len(report.rejections) > before[2] and report.stored == before[0]:
        last = report.rejections[-1]
        return {"locator": locator, "status": "rejected", "stage": last.stage,
                "reason": last.reason}
    status = "stored" if report.stored > before[0] else "already_present"
    return {"locator": locator, "status": status,
            "document_id": item.id if isinstance(item, Document) else None}


def _why(exc: Exception) -> str:
    """What went wrong, in one line, without the record's text."""
    if isinstance(exc, FrontledgerError):
        return str(exc)
    first = (str(exc).splitlines() or [""])[0][:200]
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__


def _posted_item(posted: PostedDocument, locator: str) -> Document | Rejection:
    record = posted.model_dump(exclude_none=True)
    raw = json.dumps(record, ensure_ascii=False, sort_keys=True).encode()
    try:
        return record_to_document(record, source=POSTED_SOURCE, locator=locator, raw=raw)
    except InputRejected as exc:
        return Rejection(POSTED_SOURCE, locator, exc.stage, exc.reason)
    except (ValueError, OverflowError, TypeError) as exc:  # a value no reader expected
        return Rejection(POSTED_SOURCE, locator, "parse", _why(exc))

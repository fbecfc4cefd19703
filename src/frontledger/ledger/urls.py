"""Where a ledger lives: the database URL from `--db`, its SQLite file,
and URLs made safe to print (passwords masked). Standard library only, so that commands
can resolve a ledger without loading SQLAlchemy."""

from __future__ import annotations

import re

from frontledger.defaults import DEFAULT_DB
from frontledger.errors import UsageError

# The URL schemes a ledger may live at (besides a plain SQLite path).
SUPPORTED_SCHEMES = ("sqlite", "postgresql", "postgres", "postgresql+psycopg")


def resolve_db_url(db: str | None) -> str:
    """A SQLAlchemy URL from `db` (a SQLite path or URL, a PostgreSQL URL), or the default
    ./frontledger.db. (The CLI's `--db` falls back to FRONTLEDGER_DB before it calls this.)"""
    db = db or DEFAULT_DB
    if "://" not in db:
        return f"sqlite:///{db}"
    scheme = db.split("://", 1)[0].lower()
    if scheme not in SUPPORTED_SCHEMES:
        raise UsageError(f"a ledger cannot live at {redact(db)}: the database URL scheme "
                         f"{scheme!r} is not supported; use a SQLite path, sqlite:///PATH "
                         "or postgresql://USER@HOST/DB")
    if scheme in ("postgresql", "postgres"):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    return db


def sqlite_path(url: str) -> str | None:
    """The file of a SQLite ledger URL; None for PostgreSQL and in-memory ledgers."""
    if not url.startswith("sqlite"):
        return None
    path = url.split("://", 1)[1].removeprefix("/").split("?", 1)[0]
    return None if path in ("", ":memory:") else path


def redact(url: str) -> str:
    """`url` with its user's password masked: postgresql://ana:***@host/db."""
    if "://" not in url:
        return url
    scheme, rest = url.split("://", 1)
    authority, slash, tail = rest.partition("/")
    if "@" not in authority:
        return url
    credentials, host = authority.rsplit("@", 1)
    user = credentials.split(":", 1)[0] if ":" in credentials else credentials
    masked = f"{user}:***" if ":" in credentials else user
    return f"{scheme}://{masked}@{host}{slash}{tail}"


def redact_text(text: str) -> str:
    """Every URL with a password in `text` masked (a driver may quote the URL)."""
    return re.sub(r"([a-z][a-z0-9+.-]*://[^:/@\s]*:)[^@/\s]*@", r"\1***@", text)

"""frontledger: a source-tracked ledger of territorial-control claims read from war reports.

Stages, in the order data moves: `ingest` → `text` → `places` → `claims` → `ledger` →
`serve`. Records passed between them are in `frontledger.records`; every deliberate
exception is in `frontledger.errors`.
"""

from typing import Any


def __getattr__(name: str) -> Any:
    # `__version__` is read from the installed metadata on first use: importlib.metadata
    # costs tens of milliseconds that `frontledger --help` need not pay.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("frontledger")
        except PackageNotFoundError:  # running from a source tree that is not installed
            return "0.0.0"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

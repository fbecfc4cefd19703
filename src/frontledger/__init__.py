"""frontledger: a source-tracked ledger of territorial-control claims read from war reports.

Stages, in the order data moves: `ingest` → `text` → `places` → `claims` → `ledger` →
`serve`. Records passed between them are in `frontledger.records`; every deliberate
exception is in `frontledger.errors`.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("frontledger")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"

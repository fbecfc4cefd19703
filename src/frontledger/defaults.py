"""Defaults shared by the library and the CLI, in a module that imports nothing heavy
(the CLI reads them at start-up, before any command decides what it needs)."""

import os

# 20 MB: an order of magnitude above the largest single news page or day of a busy
# Telegram channel we have seen, and small enough to hold in memory many times over.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# Seconds for a whole URL fetch (connect, headers and body).
DEFAULT_TIMEOUT = 20.0
# The ledger when neither --db nor FRONTLEDGER_DB names one.
DEFAULT_DB = "sqlite:///frontledger.db"
# What `frontledger export --format` writes (see ledger.export).
EXPORT_FORMATS = ("jsonl", "acled-csv", "parquet", "geojson", "kml", "areas")
# The theater (see frontledger.theater) places are resolved in and claims read against
# unless told otherwise: FRONTLEDGER_THEATER when set when frontledger is imported.
THEATER_ENV = "FRONTLEDGER_THEATER"
DEFAULT_THEATER = os.environ.get(THEATER_ENV) or "ru-ua"
# Bytes one write request may send (`serve --max-body-bytes`): the write API takes at most
# 200 records (serve.write.MAX_POSTED); 200 long reports of ~40 kB of JSON each are 8 MB,
# and twice that leaves room for longer ones while one request cannot grow the server by
# much.
MAX_BODY_BYTES = 16 * 1024 * 1024

#!/usr/bin/env bash
# Quick start: install frontledger in ./.venv, ingest the bundled example articles into
# ./frontledger.db (SQLite) with their places and claims, show what the ledger holds, then
# serve the map and the API on http://127.0.0.1:8000/ until Ctrl-C.
source "$(dirname "$0")/_env.sh"

.venv/bin/frontledger run examples/
.venv/bin/frontledger status
.venv/bin/frontledger serve

#!/usr/bin/env bash
# Quick start: install frontledger in ./.venv, ingest the bundled example articles into
# ./frontledger.db (SQLite), and show what the ledger holds.
source "$(dirname "$0")/_env.sh"

.venv/bin/frontledger ingest examples/
.venv/bin/frontledger status

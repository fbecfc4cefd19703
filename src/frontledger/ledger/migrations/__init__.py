"""Alembic migrations of the ledger schema (run automatically when a store is opened)."""

"""Every exception frontledger raises on purpose, in one tree.

    FrontledgerError                 base: catch this to catch all of ours
    ├── UsageError                   the caller asked for something impossible (CLI exit 2)
    │   └── MissingExtra             a command needs an optional part not installed (exit 2)
    ├── InputRejected                one input cannot become a Document; the batch goes on
    │   ├── UnreadableInput          binary, empty, undecodable or truncated content
    │   ├── InputTooLarge            over the configured size limit
    │   ├── BadRecord                a JSON/JSONL/Telegram record that lacks what we need
    │   ├── NotAFeed                 a file or URL given as a feed that does not parse as one
    │   └── FetchError               a URL that could not be fetched
    │       └── PrivateAddressRefused  a URL resolving to a private/loopback/link-local address
    │   └── AnalysisOverBudget       one document's analysis ran past its time budget
    ├── StoreError                   the ledger cannot be opened, migrated or written
    │   ├── LedgerUnavailable        the database is down or unreachable (CLI exit 3, API 503)
    │   └── ReadOverBudget           a read stopped at the step budget its caller gave it
    └── GazetteerError               the place index is missing, stale or cannot be built
                                     (a configuration error: CLI exit 2)

Messages say what happened and what to do next; `InputRejected.stage` names the
pipeline stage that refused the input, and is what the `rejections` table records.
"""

from __future__ import annotations


class FrontledgerError(Exception):
    """Base of every error frontledger raises deliberately."""


class UsageError(FrontledgerError):
    """The request itself is wrong (bad option, unknown format); exit status 2."""


class MissingExtra(UsageError):
    """A command needs an optional dependency that is not installed: the message names
    the extra that installs it (`pip install 'frontledger[serve]'`, README "Quick start")."""

    def __init__(self, extra: str, module: str) -> None:
        super().__init__(f"this command needs {module}: install frontledger[{extra}]")
        self.extra = extra
        self.module = module


class InputRejected(FrontledgerError):
    """One input could not become a Document. Recorded in `rejections`, never fatal."""

    stage = "ingest"

    def __init__(self, reason: str, *, stage: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        if stage is not None:
            self.stage = stage


class UnreadableInput(InputRejected):
    """Binary, empty, undecodable or truncated content."""

    stage = "decode"


class InputTooLarge(InputRejected):
    """The input is larger than the configured limit (`--max-bytes`)."""

    stage = "read"


class BadRecord(InputRejected):
    """A JSON, JSONL or Telegram record that is malformed or lacks its text."""

    stage = "parse"


class NotAFeed(InputRejected):
    """Content given or sniffed as RSS/Atom that feedparser cannot read as a feed."""

    stage = "parse"


class FetchError(InputRejected):
    """A URL that timed out, failed, or answered with an error status."""

    stage = "fetch"


class PrivateAddressRefused(FetchError):
    """A URL whose host resolves to a private, loopback or link-local address."""


class AnalysisOverBudget(InputRejected):
    """A document whose place and claim analysis took longer than its budget
    (`budget.ANALYSIS_SECONDS`); it is stored unanalysed."""

    stage = "analyse"


class StoreError(FrontledgerError):
    """The ledger database cannot be opened, migrated or written. The message names the
    ledger with its password masked, and never carries a statement's bound values
    (document texts)."""


class LedgerUnavailable(StoreError):
    """The database server is down, unreachable or refuses connections: retry later."""


class ReadOverBudget(StoreError):
    """A read given a budget of database steps (`SqlStore.claim_rows(steps=…)`) used it up
    and was stopped: nothing is wrong with the ledger; run it again without the budget
    where a long read harms no one (the API: in a worker thread instead of the event
    loop)."""


class GazetteerError(FrontledgerError):
    """The gazetteer index is missing or cannot be built; run `frontledger gazetteer build`."""

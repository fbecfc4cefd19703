"""A writer process for tests/test_concurrent_writers.py: waits until a start time, then
opens the ledger (creating it when new) and stores invented documents one transaction
at a time, each with control claims about the same few places on the same days as the
other writers'.

    python -m tests.concurrent_writer DB_URL WRITER_NUMBER DOCUMENTS START_EPOCH
"""

from __future__ import annotations

import sys
import time
from datetime import UTC, date, datetime

from frontledger.ingest.formats import make_document
from frontledger.ledger import open_store
from frontledger.records import Claim, Evidence, PlaceMention

PLACES = [PlaceMention(0, 0, "", f"Invented Place {n}", "populated_place", 980_000 + n, "UA",
                       "UA-63", 49.0 + n / 100, 37.0) for n in range(4)]


def main() -> None:
    url, writer, count, start = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(
        sys.argv[4])
    time.sleep(max(0.0, start - time.time()))
    with open_store(url) as store:
        for n in range(count):
            text = f"INVENTED TEST REPORT {writer}-{n}. Both sides claim the invented places."
            day = date(2025, 11, 1 + n % 3)
            document = make_document(text, source=f"writer {writer}", raw=text.encode(),
                                     language="en",
                                     published=datetime(2025, 11, 1 + n % 3, tzinfo=UTC))
            claims = [Claim(claimant="invented", claimant_side=side, kind="control",
                            place=place, actor_side=side, stance="asserts",
                            evidence=Evidence(document.id, 0, len(text), text), date=day,
                            date_precision="day")
                      for place in PLACES for side in ("RU", "UA")[writer % 2:][:1]]
            store.add_document(document, [], claims, extractor="hand")


if __name__ == "__main__":
    main()

"""The fuzzing suite's tally: printed at the end of the test run (issue 10's table)."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import settings

# no example database: the suite runs from its fixed seed alone, and writes nothing
settings.register_profile("hostile", database=None)
settings.load_profile("hostile")

TALLY: dict[str, Counter[str]] = {}
"""Per generator: inputs tried, rejected cleanly, stored cleanly, crashed, good lost."""


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not TALLY:
        return
    columns = ("tried", "rejected", "stored", "crashed", "good lost")
    write = terminalreporter.write_line
    write("")
    write(f"hostile inputs  {'generator':<28}" + "".join(f"{c:>10}" for c in columns))
    total: Counter[str] = Counter()
    for kind in sorted(TALLY):
        total.update(TALLY[kind])
        write(f"                {kind:<28}" + "".join(f"{TALLY[kind][c]:>10}" for c in columns))
    write(f"                {'all':<28}" + "".join(f"{total[c]:>10}" for c in columns))

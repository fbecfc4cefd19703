"""A time budget for the analysis of one document.

Hostile or freak texts (megabytes of one character, thousands of place names) must not
hold a run, or a `serve` worker, for minutes. `analysis_budget()` opens a budget for the
code run inside it (per thread and per task: a context variable), and the analysis stages
call `check_budget()` at their loop heads (each sentence, each place reading); past the
deadline it raises `AnalysisOverBudget`, which the pipeline records as that document's
`analyse` rejection and stores the document unanalysed, as for any analysis failure.

The check is cooperative: every pattern the analysis runs is linear in its input (see
benchmarks/regex_runs.py), so the time between two checks is bounded by the size of one
sentence or one reading.

The budget counts the CPU time of the analysing thread, not the wall clock: a freak text
is one whose analysis costs too much, and on a machine loaded several times over the wall
clock would reject ordinary texts that merely waited for a core.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from frontledger.errors import AnalysisOverBudget

ANALYSIS_SECONDS = 30.0
"""CPU seconds one document's analysis may take. Set from benchmarks/geoparse_scaling.py: a
2 MB text (ten times the longest report of the evaluation corpus) analyses in about
five seconds of CPU on one core; 30 s leaves room for slower machines, and bounds the
work one POST can cost a `serve` worker."""

Clock = Callable[[], float]
_budget: ContextVar[tuple[float, float, Clock] | None] = ContextVar("budget", default=None)


@contextmanager
def analysis_budget(seconds: float = ANALYSIS_SECONDS,
                    clock: Clock = time.thread_time) -> Iterator[None]:
    """Run the block with a budget of `seconds` (measured with `clock`: by default the
    CPU time of the calling thread)."""
    token = _budget.set((clock() + seconds, seconds, clock))
    try:
        yield
    finally:
        _budget.reset(token)


@contextmanager
def budget_paused() -> Iterator[None]:
    """Run the block off the open budget: loading shared resources (the place index,
    built once in a minute or so on a fresh install) is no one document's cost."""
    budget = _budget.get()
    if budget is None:
        yield
        return
    deadline, seconds, clock = budget
    start = clock()
    try:
        yield
    finally:
        _budget.set((deadline + clock() - start, seconds, clock))


def check_budget() -> None:
    """Raise AnalysisOverBudget when the open budget is spent (no budget: never)."""
    budget = _budget.get()
    if budget is not None and budget[2]() > budget[0]:
        raise AnalysisOverBudget(
            f"analysis took longer than its {budget[1]:g}-second budget (a text this long "
            "or this unusual is stored unanalysed; split it to analyse it)")

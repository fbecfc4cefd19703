"""The CLI's progress display for long runs: records done, rate and time left, counted
inside each file (the lines of a big JSONL, the entries of a feed), on standard error.

Shown only on a terminal, and only once a run has lasted PROGRESS_DELAY_SECONDS: piped
or short runs print nothing but their one-line summary.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text

# A run over within a second is over before a bar could be read; past it, the bar shows.
PROGRESS_DELAY_SECONDS = 1.0
# Redraws at most this often: a 100,000-line JSONL must not spend its time drawing.
REFRESH_SECONDS = 0.2


class _Rate(ProgressColumn):
    """Records per second over Rich's recent-speed window."""

    def render(self, task: Task) -> Text:
        speed = task.speed
        return Text("" if speed is None else f"{speed:,.1f} records/s")


class _Count(ProgressColumn):
    """Records done of the total, with "~" while part of the total is an estimate."""

    def render(self, task: Task) -> Text:
        about = "~" if task.fields.get("estimated") else ""
        return Text(f"{int(task.completed):,}/{about}{int(task.total or 0):,} records")


class RunDisplay:
    """A `pipeline.RunProgress` drawing a Rich bar on `console` (standard error).

    The total is the records the sources opened so far hold, plus, for the sources not yet
    opened, the mean of those opened: exact for one big file, an estimate (marked "~")
    for a folder until its last file is opened."""

    def __init__(self, console: Console, clock: Callable[[], float] = time.monotonic,
                 ) -> None:
        self.console = console
        self.clock = clock
        self.started = clock()
        self.bar: Progress | None = None
        self.task: TaskID | None = None
        self.found = self.opened = self.sources = self.done = 0
        self.current = ""
        self.last_drawn = 0.0

    def __enter__(self) -> RunDisplay:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def source_started(self, source: str, index: int, total: int) -> None:
        self.sources, self.current = total, source
        self._draw(force=True)

    def records_found(self, count: int) -> None:
        self.found += count
        self.opened += 1
        self._draw(force=True)

    def record_done(self) -> None:
        self.done += 1
        self._draw()

    def total(self) -> tuple[int, bool]:
        """The records expected in all, and whether that is an estimate."""
        unopened = max(self.sources - self.opened, 0)
        mean = self.found / self.opened if self.opened else 1.0
        return max(self.found + round(unopened * mean), self.done), unopened > 0

    def _draw(self, force: bool = False) -> None:
        now = self.clock()
        if not self.console.is_terminal or now - self.started < PROGRESS_DELAY_SECONDS:
            return
        if not force and now - self.last_drawn < REFRESH_SECONDS:
            return
        self.last_drawn = now
        if self.bar is None:
            self.bar = Progress(TextColumn("ingesting"), BarColumn(), _Count(), _Rate(),
                                TimeRemainingColumn(),
                                TextColumn("{task.description}", markup=False),
                                console=self.console, transient=True, auto_refresh=False,
                                get_time=self.clock)
            self.bar.start()
            self.task = self.bar.add_task("", total=None)
        total, estimated = self.total()
        assert self.task is not None
        self.bar.update(self.task, completed=self.done, total=total, estimated=estimated,
                        description=self.current[-40:])
        self.bar.refresh()

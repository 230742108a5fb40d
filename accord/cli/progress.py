"""What `accord ingest` shows while it runs: failures as they happen, and a progress display on a terminal."""

from __future__ import annotations

from types import TracebackType
from typing import Self

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from accord.cli.common import report_error
from accord.pipeline import IngestEvent, IngestSummary


class IngestProgress:
    """Reports each failure on standard error; shows a live count from the second document on, when standard
    error is a terminal (one document needs no progress display, and a log file wants none)."""

    def __init__(self) -> None:
        self._console = Console(stderr=True)
        self._summary = IngestSummary()
        self._progress: Progress | None = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._progress is not None:
            self._progress.stop()

    def update(self, event: IngestEvent) -> None:
        if event.failure is not None:
            report_error(event.failure)
        self._summary.add(event)
        seen = self._summary.new + self._summary.updated + self._summary.unchanged + self._summary.failed
        if self._progress is None and seen > 1 and self._console.is_terminal:
            self._progress = self._start()
        if self._progress is not None:
            self._progress.update(self._progress.task_ids[0], description=self._describe(), completed=seen)

    def _start(self) -> Progress:
        progress = Progress(
            SpinnerColumn(),
            BarColumn(),
            TextColumn("{task.completed} documents"),
            TextColumn("[dim]{task.description}"),
            TimeElapsedColumn(),
            console=self._console,
            transient=True,
        )
        progress.add_task("", total=None)
        progress.start()
        return progress

    def _describe(self) -> str:
        s = self._summary
        return f"{s.new} new, {s.updated} updated, {s.unchanged} unchanged, {s.failed} failed"

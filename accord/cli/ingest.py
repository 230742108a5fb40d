"""accord ingest SOURCE...: read, extract and store documents; report failures as they happen."""

from __future__ import annotations

from typing import Annotated

import typer

from accord.cli.common import DbOption, finish, open_store
from accord.cli.progress import IngestProgress
from accord.extract import SUPPORTED_LANGUAGES
from accord.ingest import IngestOptions
from accord.pipeline import IngestSummary, ingest

DEFAULTS = IngestOptions()


def check_language(value: str | None) -> str | None:
    """The --language value, refused unless accord extracts that language."""
    if value is not None and value.lower()[:2] not in SUPPORTED_LANGUAGES:
        raise typer.BadParameter(
            f"accord extracts from {', '.join(SUPPORTED_LANGUAGES)} only, not {value!r}."
        )
    return value


def summary_line(summary: IngestSummary) -> str:
    return (
        f"documents: {summary.new} new, {summary.updated} updated, {summary.unchanged} unchanged, "
        f"{summary.failed} failed; items added: {summary.items_added}"
    )


def ingest_command(
    sources: Annotated[
        list[str],
        typer.Argument(
            metavar="SOURCE",
            help="Files, folders, '-' for standard input, http(s) URLs (pages, feeds, JSON lines).",
        ),
    ],
    db: DbOption = None,
    max_bytes: Annotated[
        int, typer.Option(min=1, help="Refuse larger files, responses and lines.")
    ] = DEFAULTS.max_bytes,
    timeout: Annotated[
        float, typer.Option(min=0.001, help="Seconds per request, body included.")
    ] = DEFAULTS.timeout,
    delay: Annotated[
        float, typer.Option(min=0.0, help="Seconds between two requests to one host.")
    ] = DEFAULTS.per_host_delay,
    language: Annotated[
        str | None, typer.Option(callback=check_language, help="Treat every document as in this language.")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Extract again documents whose content has not changed.")
    ] = False,
) -> None:
    """Read, extract and store documents.

    A document whose content has not changed since it was stored is not extracted again (unless --force).
    Each failure is one `error:` line as it happens; the exit code is 1 when some inputs failed.
    """
    options = IngestOptions(max_bytes=max_bytes, timeout=timeout, per_host_delay=delay, language=language)
    with open_store(db) as store, IngestProgress() as progress:
        summary = ingest(sources, store, options, force=force, progress=progress.update)
    typer.echo(summary_line(summary))
    finish(summary.failed)

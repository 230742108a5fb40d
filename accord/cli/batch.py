"""accord batch INPUT... --out DIR: the pipeline over a large input into Parquet shards, resumable;
accord load DIR: a finished batch into the register."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

from accord.cli.common import DbOption, finish, open_store, report_error, report_note
from accord.cli.ingest import DEFAULTS, check_language, summary_line
from accord.cli.progress import IngestProgress

# As accord.batch has them; not imported from there, so that `accord --help` does not load spaCy and pyarrow.
DEFAULT_SHARD_SIZE = 500
EngineName = Literal["local", "dask"]
EXIT_INTERRUPTED = 130  # as a shell reports a command ended by Ctrl-C


def batch_command(
    inputs: Annotated[
        list[str],
        typer.Argument(
            metavar="INPUT", help="Files and folders (JSON lines, gzipped or not; HTML, text, Markdown)."
        ),
    ],
    out: Annotated[Path, typer.Option("--out", metavar="DIR", help="The folder to write the batch to.")],
    shard_size: Annotated[
        int, typer.Option(min=1, help="Documents per shard: the unit written, skipped on rerun, and redone.")
    ] = DEFAULT_SHARD_SIZE,
    engine: Annotated[
        EngineName, typer.Option(help="local: worker processes here; dask: a dask.distributed cluster.")
    ] = "local",
    workers: Annotated[
        int | None, typer.Option(min=1, help="Worker processes for --engine local (default: one per core).")
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(metavar="ADDRESS", help="The dask scheduler for --engine dask, e.g. tcp://HOST:8786."),
    ] = None,
    max_bytes: Annotated[
        int, typer.Option(min=1, help="Refuse larger files and lines.")
    ] = DEFAULTS.max_bytes,
    language: Annotated[
        str | None, typer.Option(callback=check_language, help="Treat every document as in this language.")
    ] = None,
) -> None:
    """Extract and resolve a large input, shard by shard, into Parquet files under --out.

    A rerun with the same input skips the shards already written. A document that fails is written to
    DIR/errors.jsonl and the batch goes on; the exit code is then 1.
    """
    from accord.batch import BatchOptions, ShardEvent, run_batch
    from accord.ingest import IngestOptions

    if engine == "dask" and not scheduler:
        raise typer.BadParameter("--engine dask needs --scheduler tcp://HOST:8786.")
    if engine == "local" and scheduler:
        raise typer.BadParameter("--scheduler is for --engine dask.")
    if engine == "dask" and workers is not None:
        raise typer.BadParameter("--workers is for --engine local; a dask cluster has the workers it has.")

    def progress(event: ShardEvent) -> None:
        m = event.manifest
        state = "skipped (done before)" if event.skipped else "written"
        report_note(
            f"shard {m.index}: {m.documents} documents, {m.items} items, {m.failures} failed; {state}"
        )

    options = BatchOptions(
        shard_size=shard_size,
        engine=engine,
        workers=workers,
        scheduler=scheduler,
        ingest=IngestOptions(max_bytes=max_bytes, language=language),
    )
    try:
        summary = run_batch(inputs, out, options, progress=progress)
    except KeyboardInterrupt:
        report_error(f"interrupted; the shards written are in {out}: run the same command again to resume")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    report_note(
        f"batch: {summary.documents} documents, {summary.items} items, {summary.failures} failed; "
        f"shards: {summary.shards_written} written, {summary.shards_skipped} skipped; "
        f"{summary.seconds:.1f} s; output in {out}"
    )
    if summary.failures:
        report_error(f"{summary.failures} inputs failed; their reasons are in {out / 'errors.jsonl'}")
    finish(summary.failures)


def load_command(
    folder: Annotated[Path, typer.Argument(metavar="DIR", help="The --out folder of a finished batch.")],
    db: DbOption = None,
) -> None:
    """Store a finished batch's documents and items in the register, as `accord ingest` would.

    Documents whose content is stored already are left as they are, so loading twice stores each once.
    """
    from accord.batch import load_batch

    with open_store(db) as store, IngestProgress() as progress:
        summary = load_batch(folder, store, progress=progress.update)
    typer.echo(summary_line(summary))

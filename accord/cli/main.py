"""The `accord` command: its verbs, --version, and the one place errors become an `error: ...` line."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer
from typer import _click as click
from typer.core import TyperGroup

from accord import __version__
from accord.cli.batch import batch_command, load_command
from accord.cli.common import EXIT_ERROR, report_error
from accord.cli.db import db_app
from accord.cli.diff import diff_command
from accord.cli.evaluate import eval_command
from accord.cli.events import events_command
from accord.cli.export import export_command
from accord.cli.extract import extract_command
from accord.cli.ingest import ingest_command
from accord.cli.items import items_command
from accord.cli.judge import judgements_command, merge_command, split_command
from accord.cli.kb import kb_app
from accord.cli.register import import_command
from accord.cli.show import show_command
from accord.cli.timeline import timeline_command
from accord.errors import AccordError
from accord.serve.command import serve_command


class _ReportingGroup(TyperGroup):
    """Turns an AccordError from any command into one line on standard error and exit code 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except AccordError as exc:
            report_error(exc)
            raise typer.Exit(EXIT_ERROR) from None


app = typer.Typer(
    cls=_ReportingGroup,
    name="accord",
    help="A register of what governments undertake, read from their readouts.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
app.command("ingest")(ingest_command)
app.command("extract")(extract_command)
app.command("items")(items_command)
app.command("show")(show_command)
app.command("export")(export_command)
app.command("import")(import_command)
app.command("eval")(eval_command)
app.command("merge")(merge_command)
app.command("split")(split_command)
app.command("judgements")(judgements_command)
app.command("timeline")(timeline_command)
app.command("diff")(diff_command)
app.command("events")(events_command)
app.command("serve")(serve_command)
app.command("batch")(batch_command)
app.command("load")(load_command)
app.add_typer(kb_app)
app.add_typer(db_app)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"accord {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """A register of what governments undertake, read from their readouts."""


def run() -> None:
    """The console script: errors a user can act on are one line, never a traceback."""
    try:
        app(prog_name="accord")
    except AccordError as exc:  # raised outside a command, while the app is being set up
        report_error(exc)
        sys.exit(EXIT_ERROR)

"""accord eval GOLD.jsonl: extract from the gold documents and print what ../shared/eval/score.py prints."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated

import typer

from accord.cli.common import FailureReporter, output_stream
from accord.evaluation import evaluate, json_text, missing_warning, prediction_line, read_gold, text_lines
from accord.model import Document, Item
from accord.pipeline import extract_documents


def eval_command(
    gold: Annotated[Path, typer.Argument(metavar="GOLD.jsonl", help="Gold documents (FORMAT.md).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as one JSON object.")] = False,
    show_errors: Annotated[
        bool, typer.Option("--show-errors", help="List each missed, spurious or mislabelled item.")
    ] = False,
    predictions: Annotated[
        Path | None,
        typer.Option(metavar="OUT.jsonl", help="Also write the prediction lines, for score.py."),
    ] = None,
) -> None:
    """Score extraction on a gold file, as score.py does.

    Prints exactly what ../shared/eval/score.py prints for the same predictions (write them with
    --predictions to check). A document that cannot be extracted is an `error:` line and scores as a
    document with no prediction; like score.py, the exit code stays 0, since the figures count it.
    """
    failures = FailureReporter()

    def predict(docs: Iterable[Document]) -> Iterator[tuple[Document, list[Item]]]:
        return extract_documents(docs, on_failure=failures)

    evaluation = evaluate(read_gold(gold), predict, show_errors=show_errors)
    if predictions is not None:
        with output_stream(predictions) as stream:
            stream.writelines(prediction_line(record) + "\n" for record in evaluation.predictions)
    if evaluation.missing:
        print(missing_warning(evaluation.missing), file=sys.stderr)
    lines = [json_text(evaluation.result)] if as_json else text_lines(evaluation.result)
    for line in lines:
        typer.echo(line)

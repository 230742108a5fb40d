"""accord extract: items from documents, printed, nothing stored.

`accord extract SOURCE...` reads what `ingest` reads; `accord extract --jsonl DOCS.jsonl` writes one
prediction line {"id", "items"} per document line, in order, as score.py reads them.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Literal, TextIO

import typer

from accord.cli.common import FailureReporter, finish, output_stream
from accord.cli.ingest import check_language
from accord.cli.render import ITEM_HEADERS, item_cells, print_table
from accord.evaluation import prediction_line, prediction_record
from accord.ingest import IngestOptions, Result, read_sources
from accord.ingest.jsonl import file_documents, line_documents
from accord.model import Document, Item
from accord.pipeline import document_label, documents_only, extract_documents

ExtractFormat = Literal["table", "json", "jsonl"]


def extract_command(
    sources: Annotated[
        list[str] | None,
        typer.Argument(metavar="SOURCE", help="Files, folders, '-' for standard input, http(s) URLs."),
    ] = None,
    fmt: Annotated[ExtractFormat, typer.Option("--format", help="How to print the items.")] = "table",
    jsonl: Annotated[
        str | None,
        typer.Option(
            "--jsonl",
            metavar="DOCS.jsonl",
            help="Documents as JSON lines ('-': standard input); writes "
            "one prediction line per document, in order.",
        ),
    ] = None,
    out: Annotated[Path | None, typer.Option(help="Write here instead of standard output.")] = None,
    language: Annotated[
        str | None,
        typer.Option(
            callback=check_language, help="Treat every document as in this language (else detected)."
        ),
    ] = None,
) -> None:
    """Extract items from documents and print them; nothing is stored."""
    if bool(sources) == (jsonl is not None):
        raise typer.BadParameter("give SOURCE arguments or --jsonl DOCS.jsonl (one of the two).")
    failures = FailureReporter()
    if jsonl is not None:
        results = _jsonl_documents(jsonl)
        fmt = "jsonl"
    else:
        results = read_sources(sources or [], IngestOptions(language=language))
    docs = documents_only(results, failures)
    if language is not None:
        docs = (replace(doc, language=language) for doc in docs)
    extracted = extract_documents(docs, on_failure=failures)
    with output_stream(out) as stream:
        if fmt == "table":
            rows = (item_cells(document_label(doc), item) for doc, items in extracted for item in items)
            print_table(ITEM_HEADERS, rows, empty="No items found.", file=stream)
        elif fmt == "json":
            records = [prediction_record(doc, items) for doc, items in extracted]
            stream.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
        else:
            _write_lines(extracted, stream)
    finish(failures.count)


def _jsonl_documents(path: str) -> Iterator[Result]:
    max_bytes = IngestOptions().max_bytes
    if path == "-":
        return line_documents(sys.stdin.buffer, "-", max_bytes)
    return file_documents(Path(path), path, max_bytes)


def _write_lines(extracted: Iterator[tuple[Document, list[Item]]], stream: TextIO) -> None:
    for doc, items in extracted:
        stream.write(prediction_line(prediction_record(doc, items)) + "\n")
        stream.flush()

"""pipeline: the stages in order (extract per language, then resolve), with their contracts checked when
assembled, and the runs over them: documents in memory, or sources into a store.

The runs (`accord.pipeline.runs`, which bring in the readers and the store) are imported on first use, so
that a batch worker, which unpickles a Pipeline and needs only its stages, does not load them.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from accord.pipeline.stages import EXTRACT, RESOLVE, Pipeline, Stage, check_contract, document_label

if TYPE_CHECKING:
    from accord.pipeline.runs import (
        IngestEvent,
        IngestSummary,
        documents_only,
        extract_documents,
        ingest,
    )

_RUNS = frozenset({"IngestEvent", "IngestSummary", "documents_only", "extract_documents", "ingest"})

__all__ = [
    "EXTRACT",
    "RESOLVE",
    "IngestEvent",
    "IngestSummary",
    "Pipeline",
    "Stage",
    "check_contract",
    "document_label",
    "documents_only",
    "extract_documents",
    "ingest",
]


def __getattr__(name: str) -> Any:
    if name not in _RUNS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module("accord.pipeline.runs"), name)

"""pipeline: the stages in order (extract per language, then resolve), with their contracts checked when
assembled, and the runs over them: documents in memory, or sources into a store."""

from accord.pipeline.runs import (
    IngestEvent,
    IngestSummary,
    documents_only,
    extract_documents,
    ingest,
)
from accord.pipeline.stages import EXTRACT, RESOLVE, Pipeline, Stage, check_contract, document_label

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

"""evaluation: the register scored against gold documents, exactly as ../shared/eval/score.py scores it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from accord.evaluation.gold import gold_documents, prediction_line, prediction_record, read_gold
from accord.evaluation.matching import Record, best_matching, matches, norm
from accord.evaluation.report import json_text, missing_warning, text_lines
from accord.evaluation.scoring import prf, score
from accord.model import Document, Item

# Documents -> (document, items) for each one extracted; documents that fail are left out.
Predictor: TypeAlias = Callable[[Iterable[Document]], Iterable[tuple[Document, list[Item]]]]


@dataclass(frozen=True)
class Evaluation:
    """The figures, the prediction lines they were computed from, and the gold ids left without one."""

    result: dict[str, Any]
    predictions: list[Record]
    missing: list[Any]


def evaluate(gold_docs: Sequence[Record], extractor: Predictor, *, show_errors: bool = False) -> Evaluation:
    """Run `extractor` over the gold documents and score what it predicts, as score.py would."""
    predictions = [prediction_record(doc, items) for doc, items in extractor(gold_documents(gold_docs))]
    by_id = {prediction["id"]: prediction for prediction in predictions}
    missing = [doc["id"] for doc in gold_docs if doc["id"] not in by_id]
    return Evaluation(score(list(gold_docs), by_id, show_errors), predictions, missing)


__all__ = [
    "Evaluation",
    "Predictor",
    "best_matching",
    "evaluate",
    "json_text",
    "matches",
    "missing_warning",
    "norm",
    "prediction_line",
    "prediction_record",
    "prf",
    "read_gold",
    "score",
    "text_lines",
]

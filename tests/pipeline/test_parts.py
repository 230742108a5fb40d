"""A run cut into parts: each part's stages anywhere, in any order, then the joining in document order,
gives what one run gives (what the local batch engine relies on)."""

from __future__ import annotations

import pytest

from accord.extract.en.nlp import load_nlp
from accord.model import Document
from accord.pipeline import EXTRACT, Pipeline

TEXTS = [
    "Kazakhstan and Russia agreed to build the Strategic Partnership and Alliance Program railway.",
    "Kazakhstan and Russia discussed the Alliance Program railway for the next ten years.",
    "Kazakhstan and Russia agreed to build the Alliance Program railway in 2026.",
    "Uzbekistan and Russia agreed to open a branch of the Sirius School in Tashkent.",
]


@pytest.fixture(scope="module", autouse=True)
def english() -> None:
    load_nlp()


def docs() -> list[Document]:
    return [Document(id=f"d{n}", text=text, language="en") for n, text in enumerate(TEXTS)]


def test_parts_run_out_of_order_and_joined_in_order_give_one_run() -> None:
    pipeline = Pipeline(batch_size=2)
    whole = [result for _, result in pipeline.run(docs())]
    later = [result for _, result in pipeline.run_stages(docs()[2:])]
    earlier = [result for _, result in pipeline.run_stages(docs()[:2])]
    join = pipeline.joiner()
    assert [join(result) for result in earlier + later] == whole
    items = [item for found in whole if isinstance(found, list) for item in found]
    entities = {item.entity.id for item in items if item.entity is not None}
    assert len(entities) < len(items)  # some entity is named by more than one item


def test_a_pipeline_that_does_not_resolve_joins_nothing() -> None:
    pipeline = Pipeline(stages=(EXTRACT,))
    outcomes = [result for _, result in pipeline.run_stages(docs())]
    join = pipeline.joiner()
    assert [join(result) for result in outcomes] == outcomes

"""The register on the project's own gold documents may not fall below the floors pinned in
tests/data/gold/floors.yaml; nor may the founding example's, where ../shared sits beside the checkout."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from accord.evaluation import evaluate, read_gold
from accord.pipeline import extract_documents

GOLD = Path(__file__).parents[1] / "data" / "gold"
SHARED = Path(os.environ.get("ACCORD_SHARED", Path(__file__).parents[2].parent / "shared"))
SEED = SHARED / "corpus" / "seed.gold.jsonl"
SEED_REGISTER_FLOOR = 0.96
FLOORS: dict[str, dict[str, float]] = yaml.safe_load((GOLD / "floors.yaml").read_text("utf-8"))


def _figure(result: dict[str, Any], name: str) -> float:
    if name.endswith("_f1"):
        return float(result[name.removesuffix("_f1")]["f1"])
    return float(result[name])


@pytest.mark.parametrize("gold_file", sorted(FLOORS))
def test_register_stays_above_its_floor(gold_file: str) -> None:
    result = evaluate(read_gold(GOLD / gold_file), extract_documents).result
    for name, floor in FLOORS[gold_file].items():
        assert _figure(result, name) >= floor, f"{gold_file}: {name} {_figure(result, name)} < floor {floor}"


@pytest.mark.skipif(not SEED.is_file(), reason="the founding example (../shared/corpus) is not here")
def test_the_founding_example_stays_above_its_floor() -> None:
    result = evaluate(read_gold(SEED), extract_documents).result
    assert _figure(result, "register_f1") >= SEED_REGISTER_FLOOR

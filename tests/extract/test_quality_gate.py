"""The register on the project's own gold documents may not fall below the floors pinned in
tests/data/gold/floors.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from accord.evaluation import evaluate, read_gold
from accord.pipeline import extract_documents

GOLD = Path(__file__).parents[1] / "data" / "gold"
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

"""Data-driven cases: each entry of cases_ru.yaml is one test."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from accord.model import Item

CASES: list[dict[str, Any]] = yaml.safe_load((Path(__file__).parent / "cases_ru.yaml").read_text("utf-8"))


def _find(items: list[Item], phrase: str) -> Item | None:
    return next((i for i in items if phrase.lower() in i.object.lower()), None)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case: dict[str, Any], extract_ru: Callable[[str], list[Item]]) -> None:
    items = extract_ru(case["text"])
    if case.get("none"):
        assert items == [], [i.object for i in items]
    for want in case.get("items", []):
        item = _find(items, want["object"])
        assert item is not None, f"no object with {want['object']!r} in {[i.object for i in items]}"
        if "stage" in want:
            assert item.stage == want["stage"], item
        if "sector" in want:
            assert item.sector == want["sector"], item
        if "parties" in want:
            assert list(item.parties) == want["parties"], item
    for phrase in case.get("absent", []):
        assert _find(items, phrase) is None, [i.object for i in items]

"""The shared scorer, ../shared/eval/score.py, loaded as a module; tests that compare with it skip when it
is not beside the repository."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

SCORE_PY = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "score.py"
MINI_GOLD = Path(__file__).parent / "data" / "mini.gold.jsonl"


@pytest.fixture(scope="session")
def shared_score() -> ModuleType:
    if not SCORE_PY.is_file():
        pytest.skip(f"{SCORE_PY} is missing")
    spec = importlib.util.spec_from_file_location("shared_score", SCORE_PY)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module

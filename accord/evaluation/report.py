"""The scorer's output, line for line as ../shared/eval/score.py prints it."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any


def text_lines(result: dict[str, Any]) -> list[str]:
    """The errors (when asked for), indented, then one `key value` line per figure."""
    figures = dict(result)
    lines = ["  " + error for error in figures.pop("errors", [])]
    return lines + [f"{key:18} {value}" for key, value in figures.items()]


def json_text(result: dict[str, Any]) -> str:
    return json.dumps(result)


def missing_warning(missing: Sequence[Any]) -> str:
    """What score.py says on standard error when some gold documents have no prediction."""
    return f"warning: no prediction for {len(missing)} document(s): {list(missing)[:5]}"

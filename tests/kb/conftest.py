"""Knowledge-base fixtures: a user file of the test's own, never the developer's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from accord.kb import KB_PATH_ENV, clear_cache


@pytest.fixture(autouse=True)
def user_kb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """$ACCORD_KB_PATH set to a file in tmp_path, which does not exist until a test writes it."""
    path = tmp_path / "user-kb.yaml"
    monkeypatch.setenv(KB_PATH_ENV, str(path))
    clear_cache()
    yield path
    clear_cache()

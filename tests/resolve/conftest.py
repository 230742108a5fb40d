"""Resolution reads the packaged knowledge base only: no user file from the developer's machine."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from accord.kb import KB_PATH_ENV, clear_cache


@pytest.fixture(autouse=True)
def packaged_kb_only(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    monkeypatch.setenv(KB_PATH_ENV, str(tmp_path_factory.getbasetemp() / "no-user-kb.yaml"))
    clear_cache()
    yield
    clear_cache()

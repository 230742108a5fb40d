"""Data-driven cases: each entry of cases_en.yaml and cases_ru.yaml is one test, run by that language's
extractor. An item is named by a phrase its object contains; `stage`, `sector`, `parties` are checked when
given, `setback` always (none unless given); `none` says no item at all; `count` how many items exactly;
`absent` lists phrases no object may contain."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from accord.extract import get_extractor
from accord.model import Document, Item

LANGUAGES = ("en", "ru")
CASES: list[tuple[str, dict[str, Any]]] = [
    (language, case)
    for language in LANGUAGES
    for case in yaml.safe_load((Path(__file__).parent / f"cases_{language}.yaml").read_text("utf-8"))
]


def _find(items: list[Item], phrase: str) -> Item | None:
    return next((i for i in items if phrase.lower() in i.object.lower()), None)


@pytest.mark.parametrize(("language", "case"), CASES, ids=[f"{lang}: {c['name']}" for lang, c in CASES])
def test_case(language: str, case: dict[str, Any]) -> None:
    items = get_extractor(language).extract(Document(id="t", text=case["text"], language=language))
    if case.get("none"):
        assert items == [], [i.object for i in items]
    if "count" in case:
        assert len(items) == case["count"], [i.object for i in items]
    for want in case.get("items", []):
        item = _find(items, want["object"])
        assert item is not None, f"no object with {want['object']!r} in {[i.object for i in items]}"
        if "stage" in want:
            assert item.stage == want["stage"], item
        if "sector" in want:
            assert item.sector == want["sector"], item
        if "parties" in want:
            assert list(item.parties) == want["parties"], item
        assert item.setback == want.get("setback"), item
    for phrase in case.get("absent", []):
        assert _find(items, phrase) is None, [i.object for i in items]
    if "objects" in case:  # exactly these objects, whatever else a case checks
        assert sorted(i.object for i in items) == sorted(case["objects"])

"""accord.evaluation against ../shared/eval/score.py, the project's contract: the same figures, always."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.errors import SourceError
from accord.evaluation import evaluate, matches, norm, read_gold, score, text_lines
from accord.model import Document, Evidence, Item

from .conftest import MINI_GOLD, SCORE_PY

WORDS = ["rail", "railway", "gas", "dostyk", "moiynty", "forum", "school", "sirius", "plant", "water"]
SECTORS = ["transport", "energy", "education"]
STAGES = ["agreed", "planned", "completed"]
PROJECTS = [None, "p1", "p2", "p3"]

words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join)
gold_items = st.fixed_dictionaries(
    {
        "keys": st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=2), min_size=1, max_size=2),
        "sector": st.one_of(st.sampled_from(SECTORS), st.lists(st.sampled_from(SECTORS), min_size=1)),
        "stage": st.sampled_from(STAGES),
    },
    optional={"parties": st.sampled_from([["KAZ"], ["KAZ", "RUS"]]), "project": st.sampled_from(PROJECTS)},
)
pred_items = st.fixed_dictionaries(
    {
        "object": words,
        "sector": st.sampled_from(SECTORS),
        "stage": st.sampled_from(STAGES),
        "parties": st.sampled_from([["KAZ"], ["RUS", "KAZ"]]),
        "entity": st.one_of(st.none(), st.builds(lambda i: {"id": i, "name": i}, st.sampled_from(WORDS))),
    }
)
corpora = st.lists(
    st.tuples(st.lists(gold_items, max_size=5), st.lists(pred_items, max_size=6)), min_size=1, max_size=4
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(corpora, st.booleans())
def test_score_agrees_with_score_py(shared_score: ModuleType, corpus: Any, show_errors: bool) -> None:
    gold = [{"id": f"d{n}", "items": golds} for n, (golds, _) in enumerate(corpus)]
    pred = {f"d{n}": {"id": f"d{n}", "items": preds} for n, (_, preds) in enumerate(corpus)}
    assert score(gold, pred, show_errors) == shared_score.score(gold, pred, show_errors)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dostyk–Moiynty  Railway", "dostyk moiynty railway"),
        ("Université d'Été", "universite d ete"),
        (None, ""),
    ],
)
def test_norm(text: str, expected: str) -> None:
    assert norm(text) == expected


def test_matches_at_word_starts_within_sixteen_words() -> None:
    gold = {"keys": [["dostyk", "moiynty"], ["titr"]]}
    assert matches({"object": "the Moiynty-Dostyk line"}, gold)
    assert not matches({"object": "Xdostyk moiynty"}, gold)
    assert matches({"object": "a railway", "entity": {"name": "TITR"}}, gold)
    assert not matches({"object": "titr " + "word " * 16}, gold)


def _item(obj: str) -> Item:
    return Item(obj, "transport", "agreed", ("KAZ",), Evidence(0, 1, "x"))


def test_evaluate_scores_what_the_extractor_predicts(tmp_path: Path) -> None:
    gold = read_gold(MINI_GOLD)

    def extractor(docs: Any) -> Any:
        docs = list(docs)
        assert all(isinstance(doc, Document) and doc.text for doc in docs)
        return [(doc, [_item("Dostyk–Moiynty railway")]) for doc in docs[1:]]

    evaluation = evaluate(gold, extractor, show_errors=True)

    assert evaluation.missing == [gold[0]["id"]]
    by_id = {p["id"]: p for p in evaluation.predictions}
    assert evaluation.result == score(gold, by_id, True)
    assert evaluation.result["predicted_items"] == len(gold) - 1


def test_text_lines_are_what_score_py_prints(tmp_path: Path) -> None:
    if not SCORE_PY.is_file():
        pytest.skip(f"{SCORE_PY} is missing")
    gold = read_gold(MINI_GOLD)
    preds = [{"id": doc["id"], "items": [_item("Sirius school").to_dict()]} for doc in gold]
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text("".join(json.dumps(p) + "\n" for p in preds), encoding="utf-8")
    for flags in ([], ["--show-errors"]):
        printed = subprocess.run(
            [sys.executable, str(SCORE_PY), str(MINI_GOLD), str(pred_path), *flags],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        result = score(gold, {p["id"]: p for p in preds}, bool(flags))
        assert "\n".join(text_lines(result)) + "\n" == printed


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "invalid JSON"),
        ('{"id": "a"}', "not a gold document"),
        ('{"id": "a", "text": "t", "items": [{"object": "x"}]}', 'needs "keys"'),
    ],
)
def test_bad_gold_lines_are_named(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "ok", "text": "t", "items": []}\n\n' + line + "\n", encoding="utf-8")
    with pytest.raises(SourceError, match=message) as caught:
        read_gold(path)
    assert caught.value.source == f"{path}:3"

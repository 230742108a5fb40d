"""Whatever the Russian text, extraction does not crash, every item points into the text, and its
object is in the nominative while its evidence holds the words as the document wrote them."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.extract.ru.morph import lemma_of
from accord.extract.ru.nlp import _acyclic
from accord.model import Item
from tests.extract.conftest import check_items

READOUT = (
    "Транспорт\n"
    "Президенты договорились о модернизации линий Достык — Мойынты и Бахты — Аягоз.\n"
    "В следующем году в Астане будет открыт филиал Московского государственного университета.\n"
    "В порту Актау ведётся строительство нового зернового терминала.\n"
)


def _lemmas(text: str) -> set[str]:
    return {lemma_of(w.strip("«».,:;()")) for w in text.split()}


def test_evidence_lies_in_the_text_and_holds_the_objects_words(
    extract_ru: Callable[[str], list[Item]],
) -> None:
    items = extract_ru(READOUT)
    assert len(items) >= 3
    check_items(READOUT, items)
    for item in items:
        assert _lemmas(item.object) <= _lemmas(item.evidence.text), item


def test_objects_are_in_the_nominative(extract_ru: Callable[[str], list[Item]]) -> None:
    objects = [item.object for item in extract_ru(READOUT)]
    assert any(o.startswith("модернизация линии") or o.startswith("модернизация линий") for o in objects), (
        objects
    )
    assert not any(o.startswith(("модернизации", "строительстве", "строительства")) for o in objects), objects


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=400))
def test_any_text_extracts_without_error(extract_ru: Callable[[str], list[Item]], text: str) -> None:
    check_items(text, extract_ru(text))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.sampled_from([*READOUT.split(), "\n", "Astana", "阿斯塔纳", "—", "«", "»", "(", ")", "Ё", "-"]),
        max_size=80,
    )
)
def test_mixed_scripts_and_shuffled_words(extract_ru: Callable[[str], list[Item]], words: list[str]) -> None:
    text = " ".join(words)
    check_items(text, extract_ru(text))


def test_a_ten_thousand_word_sentence(extract_ru: Callable[[str], list[Item]]) -> None:
    text = " ".join(["стороны договорились построить железную дорогу и"] * 1700) + " газопровод."
    assert len(text.split()) > 10_000
    check_items(text, extract_ru(text))


def test_text_with_no_sentence(extract_ru: Callable[[str], list[Item]]) -> None:
    for text in ["", "   \n\n\t", "....", "12 34 56", "+ ↺ − 16 px", "— « » —"]:
        assert extract_ru(text) == []


@pytest.mark.parametrize(
    ("heads", "roots", "expected"),
    [
        ([1, 2, 0, -1], [False, False, False, True], [3, 2, 0, -1]),  # a cycle hangs from the root
        ([1, 2, 0], [False, True, False], [1, -1, 0]),  # the cycle's own root becomes the root
        ([1, -1, 1], [False, True, False], [1, -1, 1]),  # a tree stays as it is
    ],
)
def test_the_parse_is_made_a_tree(heads: list[int], roots: list[bool], expected: list[int]) -> None:
    assert _acyclic(heads, roots) == expected

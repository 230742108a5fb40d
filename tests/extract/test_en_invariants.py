"""Whatever the text, extraction does not crash and every item points into the text."""

from __future__ import annotations

import re
from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.model import Item
from tests.extract.conftest import check_items

READOUT = (
    "Transport Cooperation\n"
    "The presidents agreed to expand the Dostyk–Moiynty and Bakhty–Ayagoz railway lines.\n"
    "A branch of the Moscow State University will be opened in Astana next year.\n"
    "Construction of a new grain terminal in the port of Aktau is under way.\n"
)


def test_evidence_lies_in_the_text_and_holds_the_object(extract: Callable[[str], list[Item]]) -> None:
    items = extract(READOUT)
    assert len(items) >= 3
    check_items(READOUT, items)
    for item in items:
        head = item.object.split()[0]
        assert head in item.evidence.text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=400))
def test_any_text_extracts_without_error(extract: Callable[[str], list[Item]], text: str) -> None:
    check_items(text, extract(text))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.sampled_from([*READOUT.split(), "\n", "Москва", "阿斯塔纳", "—", "«", "»", "(", ")"]), max_size=80
    )
)
def test_mixed_scripts_and_shuffled_words(extract: Callable[[str], list[Item]], words: list[str]) -> None:
    text = " ".join(words)
    check_items(text, extract(text))


def test_a_ten_thousand_word_sentence(extract: Callable[[str], list[Item]]) -> None:
    text = " ".join(["the sides agreed to build a railway line and"] * 1200) + " a pipeline."
    assert len(text.split()) > 10_000
    check_items(text, extract(text))


def test_text_with_no_sentence(extract: Callable[[str], list[Item]]) -> None:
    for text in ["", "   \n\n\t", "....", "12 34 56", "+ ↺ − 16 px"]:
        assert extract(text) == []


def test_objects_are_short_as_the_scorer_counts_words(extract: Callable[[str], list[Item]]) -> None:
    text = (
        "A Chinese textile company signed a 75 million dollar agreement with the Fergana regional "
        "administration to build a cotton-to-garment cluster near the city of Margilan."
    )
    items = extract(text)
    assert items
    for item in items:  # score.py counts words after turning dashes and punctuation into spaces
        assert len(re.findall(r"[^\W_]+", item.object)) <= 14, item.object

"""Cutting a document at its evidence offsets, and finding the object in its evidence sentence."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from accord.model import Evidence, Item
from accord.serve.highlight import quote_parts, segments
from accord.store import StoredItem

TEXT = "Gas supplies were agreed. A railway is planned. Nothing else."


def stored(item_id: int, start: int, end: int, stage: str = "agreed", text: str = TEXT) -> StoredItem:
    evidence = Evidence(start, end, text[start:end])
    item = Item(object="x", sector="energy", stage=stage, parties=("KAZ",), evidence=evidence)
    return StoredItem(item_id, "doc", item_id, item, None, None, None, None, None)


def test_spans_are_cut_out_in_order() -> None:
    pieces = segments(TEXT, [stored(1, 0, 25), stored(2, 26, 47, "planned")])
    assert [(p.text, p.stage, p.starts) for p in pieces] == [
        ("Gas supplies were agreed.", "agreed", (1,)),
        (" ", None, ()),
        ("A railway is planned.", "planned", (2,)),
        (" Nothing else.", None, ()),
    ]


def test_a_shared_sentence_takes_the_most_advanced_stage() -> None:
    pieces = segments(TEXT, [stored(1, 0, 25, "discussed"), stored(2, 0, 25, "underway")])
    assert pieces[0].stage == "underway"
    assert pieces[0].starts == (1, 2)
    assert [s.id for s in pieces[0].items] == [2, 1]


def test_offsets_outside_the_text_are_clipped() -> None:
    pieces = segments("short", [stored(1, 2, 99, text="short" + " " * 99)])
    assert [(p.text, p.stage) for p in pieces] == [("sh", None), ("ort", "agreed")]


@given(
    st.text(max_size=60),
    st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70)), max_size=6),
)
def test_pieces_join_back_to_the_text(text: str, spans: list[tuple[int, int]]) -> None:
    items = [stored(n, start, end, text=text) for n, (start, end) in enumerate(spans)]
    pieces = segments(text, items)
    assert "".join(p.text for p in pieces) == text
    assert all(p.text for p in pieces)


def test_quote_finds_the_object_in_any_case() -> None:
    assert quote_parts("They agreed on Gas Supplies today.", "gas supplies") == (
        "They agreed on ",
        "Gas Supplies",
        " today.",
    )
    assert quote_parts("Nothing here.", "railway") == ("Nothing here.", "", "")

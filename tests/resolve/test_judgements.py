"""Judgements -> canonical ids: positive edges join, negative edges keep apart, whatever the order."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from accord.resolve.judgements import Edge, canonical_ids, components, pair

_T0 = datetime(2025, 1, 1, tzinfo=UTC)


def _edges(*spec: str) -> list[Edge]:
    """'a+b' is a merge, 'a-b' a split, in the order given."""
    out = []
    for n, text in enumerate(spec):
        sign = "+" if "+" in text else "-"
        left, right = pair(*text.split(sign))
        out.append(Edge(left, right, "positive" if sign == "+" else "negative", _T0 + timedelta(minutes=n)))
    return out


@pytest.mark.parametrize(
    ("spec", "groups"),
    [
        (["a+b"], [{"a", "b"}]),
        (["a+b", "b+c"], [{"a", "b", "c"}]),
        (["a+b", "c+d"], [{"a", "b"}, {"c", "d"}]),
        (["a-b"], []),
        # a split between a and c wins over the chain of merges that would join them
        (["a+b", "a-c", "b+c"], [{"a", "b"}]),
        (["a-c", "a+b", "c+d", "b+d"], [{"a", "b"}, {"c", "d"}]),
        (["a+b", "b+c", "a-c"], [{"a", "b"}]),  # the later split keeps the first merge, not the second
    ],
)
def test_components(spec: list[str], groups: list[set[str]]) -> None:
    assert components(_edges(*spec)) == groups


def test_the_canonical_id_is_the_preferred_member_else_the_smallest() -> None:
    edges = _edges("zeta+beta", "beta+alpha")
    assert canonical_ids(edges, preferred=lambda _id: False) == dict.fromkeys(
        ["alpha", "beta", "zeta"], "alpha"
    )
    assert set(canonical_ids(edges, preferred=lambda i: i == "zeta").values()) == {"zeta"}


def test_a_knowledge_base_entity_is_canonical_by_default() -> None:
    assert canonical_ids(_edges("aaa-new-thing+dostyk-moiynty-railway"))["aaa-new-thing"] == (
        "dostyk-moiynty-railway"
    )


def test_the_result_does_not_depend_on_the_order_edges_are_listed() -> None:
    edges = _edges("a+b", "c+d", "b+c", "a-d")
    assert components(reversed(edges)) == components(edges) == [{"a", "b"}, {"c", "d"}]

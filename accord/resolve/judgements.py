"""Judgements -> canonical entities: connected components of positive (merge) edges, never joined across a
negative (split) edge, as nomenklatura's resolver keeps them.

A judgement is a person's decision about two entity ids, kept apart from the items that extraction writes,
so that it outlives any re-run. Edges are taken in the order they were made: a positive edge that would
join two groups holding a negative pair between them is left out, so a split always wins over the chain
of merges that would otherwise join its two sides. The canonical id of a group is its knowledge-base
entity where it has one, else its smallest id: the same group always gets the same id.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from accord.kb import knowledge_base

Judgement = Literal["positive", "negative"]


@dataclass(frozen=True, slots=True)
class Edge:
    """One decision about an unordered pair of entity ids (`left` < `right`)."""

    left: str
    right: str
    judgement: Judgement
    created_at: datetime
    author: str | None = None
    note: str | None = None


def pair(a: str, b: str) -> tuple[str, str]:
    """The stored order of a pair: ids sorted."""
    return (a, b) if a < b else (b, a)


def components(edges: Iterable[Edge]) -> list[set[str]]:
    """The groups of ids that positive edges join (only groups of two or more), respecting negatives."""
    ordered = sorted(edges, key=lambda e: (e.created_at, e.left, e.right))
    negatives = {(e.left, e.right) for e in ordered if e.judgement == "negative"}
    group: dict[str, set[str]] = {}
    for edge in ordered:
        if edge.judgement != "positive":
            continue
        left = group.get(edge.left, {edge.left})
        right = group.get(edge.right, {edge.right})
        if left is right or _kept_apart(left, right, negatives):
            continue
        joined = left | right
        for member in joined:
            group[member] = joined
    unique = {id(members): members for members in group.values()}
    return sorted(unique.values(), key=min)


def canonical_ids(edges: Iterable[Edge], *, preferred: Callable[[str], bool] | None = None) -> dict[str, str]:
    """Each id that a positive edge joins with others -> its group's canonical id."""
    prefer = preferred or _in_knowledge_base
    out: dict[str, str] = {}
    for members in components(edges):
        canonical = min(members, key=lambda member: (not prefer(member), member))
        out.update({member: canonical for member in members})
    return out


def _kept_apart(left: set[str], right: set[str], negatives: set[tuple[str, str]]) -> bool:
    small, large = (left, right) if len(left) <= len(right) else (right, left)
    return any(pair(a, b) in negatives for a in small for b in large)


def _in_knowledge_base(entity_id: str) -> bool:
    return knowledge_base().get(entity_id) is not None

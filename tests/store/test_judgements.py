"""Merge and split judgements in the store: kept apart from items, seen by every query, kept when a
document's items are replaced."""

from __future__ import annotations

import pytest

from accord.errors import NotFoundError
from accord.model import EntityRef
from accord.store import ItemQuery, SqlStore
from accord.store.judgements import JudgementError

from .builders import GAS, RAIL, REGISTER


def _entity_ids(store: SqlStore, query: ItemQuery) -> list[tuple[str, str | None, str | None]]:
    return [
        (s.document_id, s.item.entity and s.item.entity.id, s.extracted_entity_id)
        for s in store.query_items(query)
    ]


def test_a_merge_gives_both_entities_items_one_canonical_entity(register: SqlStore) -> None:
    assert register.merge(RAIL.id, GAS.id, author="analyst", note="same project") == GAS.id
    merged = register.query_items(ItemQuery(entity=RAIL.id))
    assert {s.item.entity.id for s in merged if s.item.entity} == {GAS.id}
    assert sorted(s.extracted_entity_id or "" for s in merged) == sorted([RAIL.id, GAS.id, RAIL.id, GAS.id])
    assert len(register.query_items(ItemQuery(entity="northern"))) == 4  # by the other member's name
    assert len(register.query_items(ItemQuery(entity_id=RAIL.id))) == 4
    [edge] = register.judgements()
    assert (edge.left, edge.right, edge.judgement, edge.author, edge.note) == (
        GAS.id, RAIL.id, "positive", "analyst", "same project"
    )  # fmt: skip


def test_judgements_survive_a_forced_save_of_the_documents(register: SqlStore) -> None:
    register.merge(RAIL.id, GAS.id)
    for doc, items in REGISTER:
        assert register.save_document(doc, items, force=True) == "updated"
    assert len(register.query_items(ItemQuery(entity_id=RAIL.id))) == 4
    register.split(RAIL.id, GAS.id)
    for doc, items in REGISTER:
        register.save_document(doc, items, force=True)
    assert len(register.query_items(ItemQuery(entity_id=RAIL.id))) == 2
    assert [e.judgement for e in register.judgements()] == ["negative"]


def test_a_split_wins_over_a_chain_of_merges(register: SqlStore) -> None:
    doc, items = REGISTER[0]
    third = items[0].with_entity(EntityRef("third", "Third thing", "project"))
    register.save_document(doc, [*items, third], force=True)
    register.split(RAIL.id, GAS.id)
    register.merge(RAIL.id, "third")
    with pytest.raises(JudgementError, match="stay apart"):
        register.merge("third", GAS.id)
    assert len(register.judgements()) == 2  # the refused merge was not recorded
    assert register.split("third", RAIL.id) == ("third", RAIL.id)


@pytest.mark.parametrize(
    ("a", "b", "error"), [(RAIL.id, "nothing", NotFoundError), (RAIL.id, RAIL.id, JudgementError)]
)
def test_bad_judgements_are_refused(register: SqlStore, a: str, b: str, error: type[Exception]) -> None:
    with pytest.raises(error):
        register.merge(a, b)
    assert register.judgements() == []


def test_find_entities_by_id_or_name_through_judgements(register: SqlStore) -> None:
    assert [e.id for e in register.find_entities("railway")] == [RAIL.id]
    register.merge(RAIL.id, GAS.id)
    assert [e.id for e in register.find_entities(RAIL.id)] == [GAS.id]
    assert [e.id for e in register.find_entities("DOSTYK–MOIYNTY RAILWAY LINE")] == [GAS.id]
    assert register.find_entities("nothing of the kind") == []

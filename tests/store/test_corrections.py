"""Item corrections in the store: kept apart from items, seen by every query (filters, counts, tallies,
entities), kept when a document is extracted again, refused when a value is not one."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.cli.main import app
from accord.errors import NotFoundError
from accord.store import ItemQuery, SqlStore
from accord.store.dump import dump_register, load_register
from accord.store.judgements import CorrectionError

from .builders import GAS, RAIL, REGISTER


def _by_key(store: SqlStore, doc: str, ordinal: int, **filters: object) -> list[int]:
    found = store.query_items(ItemQuery(**filters))  # type: ignore[arg-type]
    return [s.id for s in found if (s.document_id, s.ordinal) == (doc, ordinal)]


def _item_id(store: SqlStore, doc: str, ordinal: int) -> int:
    [found] = _by_key(store, doc, ordinal)
    return found


def test_a_correction_changes_what_every_query_sees(register: SqlStore) -> None:
    item_id = _item_id(register, "a", 1)  # gas supplies: energy, planned
    register.correct_item(
        item_id, stage="Underway", sector="transport", object="  gas  transit ", author="me"
    )
    stored = register.get_item(item_id)
    assert (stored.item.object, stored.item.sector, stored.item.stage) == (
        "gas transit",
        "transport",
        "underway",
    )
    assert dict(stored.was) == {"object": "gas supplies", "sector": "energy", "stage": "planned"}
    assert _by_key(register, "a", 1, stage="underway", sector="transport") == [item_id]
    assert _by_key(register, "a", 1, stage="planned") == []
    assert register.count_items(ItemQuery(stage="underway")) == len(
        register.query_items(ItemQuery(stage="underway"))
    )
    assert register.tally("sector")["transport"] == 3
    [correction] = register.corrections()
    assert (correction.document_id, correction.extracted_object, correction.author) == (
        "a",
        "gas supplies",
        "me",
    )


def test_a_later_correction_keeps_what_it_does_not_change(register: SqlStore) -> None:
    item_id = _item_id(register, "a", 1)
    register.correct_item(item_id, stage="underway")
    register.correct_item(item_id, sector="economy", note="a trade deal")
    stored = register.get_item(item_id)
    assert (stored.item.sector, stored.item.stage) == ("economy", "underway")
    register.correct_item(item_id, stage="planned")  # back to the extracted value: no correction of it
    [correction] = register.corrections()
    assert (correction.stage, correction.sector, correction.note) == (None, "economy", "a trade deal")


def test_a_rejected_item_is_hidden_everywhere(register: SqlStore) -> None:
    item_id = _item_id(register, "a", 0)
    before = register.count_items(ItemQuery())
    register.correct_item(item_id, rejected=True)
    assert register.count_items(ItemQuery()) == before - 1 == len(register.query_items(ItemQuery()))
    assert item_id not in [s.id for s in register.iter_items(ItemQuery(entity_id=RAIL.id))]
    with pytest.raises(NotFoundError):
        register.get_item(item_id)
    assert sum(register.tally("stage").values()) == before - 1
    register.correct_item(item_id, rejected=False)  # a rejection can be taken back by its id
    assert register.get_item(item_id).id == item_id


def test_corrections_survive_a_forced_save_of_the_documents(register: SqlStore) -> None:
    register.correct_item(_item_id(register, "a", 1), stage="completed")
    register.correct_item(_item_id(register, "b", 1), rejected=True)
    for doc, items in REGISTER:
        assert register.save_document(doc, items, force=True) == "updated"
    [gas] = _by_key(register, "a", 1)
    assert register.get_item(gas).item.stage == "completed"
    assert _by_key(register, "b", 1) == []


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"stage": "finished"}, "not a stage"),
        ({"sector": "astrology"}, "not a sector"),
        ({"object": " "}, "empty"),
    ],
)
def test_bad_corrections_are_refused(register: SqlStore, values: dict[str, str], message: str) -> None:
    with pytest.raises(CorrectionError, match=message):
        register.correct_item(_item_id(register, "a", 1), **values)  # type: ignore[arg-type]
    assert register.corrections() == []


def test_a_correction_of_no_item_is_not_found(register: SqlStore) -> None:
    with pytest.raises(NotFoundError):
        register.correct_item(999_999, stage="agreed")


def test_entities_are_counted_through_judgements_and_rejections(register: SqlStore) -> None:
    assert [(c.entity.id, c.items) for c in register.entity_counts()] == [(GAS.id, 2), (RAIL.id, 2)]
    assert [c.entity.id for c in register.entity_counts("railway")] == [RAIL.id]
    register.merge(RAIL.id, GAS.id)
    assert [(c.entity.id, c.items) for c in register.entity_counts()] == [(GAS.id, 4)]
    register.correct_item(_item_id(register, "d", 0), rejected=True)
    assert [(c.entity.id, c.items) for c in register.entity_counts("dostyk")] == [(GAS.id, 3)]


def test_accord_ingest_force_reapplies_corrections(tmp_path: Path, database_url: str) -> None:
    source = tmp_path / "talks.jsonl"
    text = "Kazakhstan and Russia agreed to expand the Dostyk–Moiynty railway line."
    source.write_text(json.dumps({"id": "talks", "published": "2025-01-01", "text": text}) + "\n")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(source), "--db", database_url]).exit_code == 0
    with SqlStore(database_url) as store:
        [first] = store.query_items(ItemQuery(document_id="talks"))
        store.correct_item(first.id, stage="completed", sector="economy")
    forced = runner.invoke(app, ["ingest", str(source), "--force", "--db", database_url])
    assert forced.exit_code == 0, forced.output
    listed = runner.invoke(app, ["items", "--format", "json", "--db", database_url])
    [again] = [record for record in json.loads(listed.stdout) if record["document_id"] == "talks"]
    assert again["item_id"] != first.id  # a new row, extracted again
    assert (again["stage"], again["sector"]) == ("completed", "economy")


@pytest.mark.parametrize(
    "query",
    [
        ItemQuery(limit=2),
        ItemQuery(limit=2, offset=6),
        ItemQuery(limit=5, offset=50),
        ItemQuery(sector="transport", limit=1),
        ItemQuery(search="gas", stage="planned", limit=10),
        ItemQuery(party="KAZ", limit=3, offset=99),
        ItemQuery(sector="transport", party="KAZ", limit=5, offset=40),
    ],
)
def test_a_page_and_its_total_agree_with_query_and_count(register: SqlStore, query: ItemQuery) -> None:
    register.correct_item(_item_id(register, "b", 1), rejected=True)
    register.correct_item(_item_id(register, "a", 0), sector="economy", stage="planned")
    found, total = register.page_items(query)
    assert [s.id for s in found] == [s.id for s in register.query_items(query)]
    assert (
        total
        == register.count_items(query)
        == len(register.query_items(replace(query, limit=None, offset=0)))
    )


def test_corrections_travel_with_a_register_export(register: SqlStore, tmp_path: Path) -> None:
    register.correct_item(_item_id(register, "a", 1), stage="completed", note="seen built")
    register.correct_item(_item_id(register, "b", 1), rejected=True)
    dump = io.StringIO()
    dump_register(register.engine, dump)
    with SqlStore(f"sqlite:///{tmp_path / 'copy.sqlite'}") as copy:
        load_register(copy.engine, io.StringIO(dump.getvalue()), source="dump")
        assert copy.corrections() == register.corrections()
        assert [(s.id, s.item.stage) for s in copy.query_items(ItemQuery())] == [
            (s.id, s.item.stage) for s in register.query_items(ItemQuery())
        ]
